import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { getEvidence } from "@/lib/cases/correspondence";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A case document, for anyone who may see the case; always downloaded, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  try {
    const file = await getEvidence(await getDb(), await currentActor(), id, attachmentId);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        "x-sha256": file.sha256,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
