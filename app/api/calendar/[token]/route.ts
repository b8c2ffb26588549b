import { getDb } from "@/db/client";
import { renderFeed } from "@/lib/calendar/feed";

export const dynamic = "force-dynamic";

/** A user's deadlines as iCalendar; the token in the URL is the only credential. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const body = await renderFeed(await getDb(), token.replace(/\.ics$/, ""));
  if (body === null) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="recourse-deadlines.ics"', "cache-control": "private, no-store" },
  });
}
