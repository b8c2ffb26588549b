import { publicUrl } from "@/lib/config";
import { Problem, problemResponse } from "@/lib/api/problems";

export const dynamic = "force-dynamic";

/** Any path under /api/v1 that is no operation: a problem, like every other answer of the API. */
function noSuchOperation(request: Request): Response {
  const { pathname } = new URL(request.url);
  return problemResponse(new Problem("not_found", `No operation at ${request.method} ${pathname}; the operations are listed in /api/v1/openapi.json.`), publicUrl());
}

export const GET = noSuchOperation;
export const POST = noSuchOperation;
export const PUT = noSuchOperation;
export const PATCH = noSuchOperation;
export const DELETE = noSuchOperation;
