import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { config } from "@/lib/config";
import { FORMATS } from "@/lib/i18n/formats";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: "UTC",
    formats: FORMATS,
    // A message or format the catalogue cannot render fails a test's page outright; in
    // production it is logged and the page shows the message's key instead.
    onError(error) {
      if (config().test) throw error;
      console.error(error);
    },
  };
});
