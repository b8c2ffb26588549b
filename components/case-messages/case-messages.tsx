import { getFormatter, getTranslations } from "next-intl/server";
import { sendMessage } from "@/lib/actions/correspondence-actions";
import type { MessageEntry } from "@/lib/cases/queries";
import { WRITABLE } from "@/lib/cases/correspondence";
import type { Party } from "@/lib/ladder";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormSelect, FormTextarea } from "@/components/forms/action-form";
import { inputClass } from "@/components/ui/field";

/** The case's messages this party may read, and a form to write to the audiences it may address. */
export async function CaseMessages({ caseId, party, messages, closed }: { caseId: string; party: Party; messages: MessageEntry[]; closed: boolean }) {
  const busy = (await getTranslations("common"))("busy");
  const t = await getTranslations("caseExtra");
  const tc = await getTranslations("case");
  const tp = await getTranslations("party");
  const format = await getFormatter();
  const audiences = WRITABLE[party] ?? [];
  return (
    <div className="space-y-4">
      {messages.length ? (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className={m.visibility === "internal" ? "rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" : "rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"}>
              <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-semibold text-slate-800">{tp(m.authorParty as Party)}</span>
                <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                {m.visibility !== "complainant" ? <Badge tone={m.visibility === "internal" ? "warn" : "info"}>{t(`visibility.${m.visibility}` as "visibility.internal")}</Badge> : null}
              </p>
              <p className="whitespace-pre-wrap text-sm text-slate-900">{m.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{tc("noMessages")}</p>
      )}
      {!closed && audiences.length ? (
        <ActionForm action={sendMessage} idPrefix="message" fields={{ caseId, party, visibility: audiences.length > 1 ? undefined : audiences[0] }} doneText={t("sent")} labels={{ body: t("message"), visibility: t("audience") }} className="space-y-2">
          <label htmlFor="message-body" className="block text-sm font-medium">
            {t("message")}
          </label>
          <FormTextarea name="body" rows={3} required maxLength={10_000} className={inputClass} />
          <div className="flex flex-wrap items-end gap-3">
            {audiences.length > 1 ? (
              <div>
                <label htmlFor="message-visibility" className="block text-sm font-medium">
                  {t("audience")}
                </label>
                <FormSelect name="visibility" className={inputClass}>
                  {audiences.map((v) => (
                    <option key={v} value={v}>
                      {t(`visibility.${v}` as "visibility.internal")}
                    </option>
                  ))}
                </FormSelect>
              </div>
            ) : null}
            <SubmitButton busyLabel={busy}>{t("send")}</SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}
