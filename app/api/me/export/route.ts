import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { exportMyData } from "@/lib/users/my-data";

export const dynamic = "force-dynamic";

/** Everything Recourse holds about the signed-in person, as one JSON download. */
export async function GET() {
  try {
    const data = await exportMyData(await getDb(), await currentActor());
    return new Response(JSON.stringify(data, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": 'attachment; filename="recourse-my-data.json"', "cache-control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_signed_in" }, { status: 401 });
    throw error;
  }
}
