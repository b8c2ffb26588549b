import { openApiDocument } from "@/lib/api/openapi";
import { publicUrl } from "@/lib/config";

export const dynamic = "force-dynamic";

/** The API's description, public like the reference page. */
export function GET() {
  return Response.json(openApiDocument(publicUrl()));
}
