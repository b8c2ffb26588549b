import { getDb } from "@/db/client";
import { documentResponse } from "@/lib/api/document-response";
import { currentActor } from "@/lib/auth/session";
import { getEvidence } from "@/lib/cases/correspondence";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A case document, for anyone who may see the case. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  try {
    return documentResponse(await getEvidence(await getDb(), await currentActor(), id, attachmentId));
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
