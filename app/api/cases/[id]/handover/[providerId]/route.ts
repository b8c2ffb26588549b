import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { getHandover } from "@/lib/cases/queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The frozen hand-over record, with its SHA-256 (of the record's canonical JSON) in a header. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; providerId: string }> }) {
  const { id, providerId } = await params;
  try {
    const { handover, sha256 } = await getHandover(await getDb(), await currentActor(), id, providerId);
    return Response.json(handover, { headers: { "x-sha256": sha256 ?? "", "content-disposition": 'attachment; filename="handover.json"', "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
