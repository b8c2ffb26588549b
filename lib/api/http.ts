/**
 * The one way into the REST API: the bearer token to an actor (lib/auth), the shared rate
 * limit, the request parsed by the contract's schemas, one data-layer call, typed errors as
 * problem details, and the call audited under the token's name. Route handlers only name
 * their operation and the data-layer call; access is the policy's, inside that call.
 */
import { getDb, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { actorOfToken, bearerOf } from "@/lib/auth/api-token";
import { now as serverNow } from "@/lib/clock";
import { publicUrl } from "@/lib/config";
import { auditApiCall } from "@/lib/integrations/tokens";
import { clientAddress, rateLimited } from "@/lib/rate-limit";
import type { RequestMeta } from "@/lib/cases/commands";
import { DOCUMENT_UPLOAD, idempotencyHeaders, OPERATIONS } from "./contract";
import { apiErrorMap, Problem, problemOf, problemResponse } from "./problems";

export const MAX_BODY = 16 * 1024;
/** Calls per token per minute, and per client address while presenting no valid token. */
export const TOKEN_CALLS_PER_MINUTE = 120;
const FAILED_CALLS_PER_MINUTE = 30;

export interface ApiContext<Params, Body, Query> {
  db: Db;
  actor: Actor;
  now: Date;
  meta: RequestMeta;
  params: Params;
  query: Query;
  body: Body;
  headers: Headers;
  /** The Idempotency-Key the client sent, for operations that take one. */
  idempotencyKey: string | null;
  /** The request's path and query, for links to the next page. */
  url: URL;
}

/** A JSON answer; a handler answers a document's bytes with a Response of its own. */
export interface ApiAnswer {
  status?: number;
  body: unknown;
}

const operation = (id: string) => OPERATIONS.find((o) => o.id === id)!;

/** The request's body, refused as soon as it passes `limit` bytes (whatever Content-Length claimed). */
async function bodyBytes(request: Request, limit: number): Promise<Buffer> {
  const tooLarge = () => new Problem("too_large", `The body may hold at most ${limit} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}

async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) throw new Problem("unsupported_media_type", "Send the body as application/json.");
  const text = (await bodyBytes(request, MAX_BODY)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem("invalid_json", "The body is not valid JSON.");
  }
}

export interface Upload {
  name: string;
  bytes: Buffer;
}

/** One file in a multipart/form-data body's part named "file". */
async function uploadBody(request: Request): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new Problem("unsupported_media_type", `Send the document as multipart/form-data, in a part named "${DOCUMENT_UPLOAD.field}".`);
  // The file and the multipart framing around it.
  const bytes = await bodyBytes(request, DOCUMENT_UPLOAD.maxBytes + MAX_BODY);
  const missing = () => new Problem("invalid", `Send exactly one file, in a part named "${DOCUMENT_UPLOAD.field}".`, { errors: { [DOCUMENT_UPLOAD.field]: ["required"] } });
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw missing();
  }
  const parts = form.getAll(DOCUMENT_UPLOAD.field);
  const [file] = parts;
  if (parts.length !== 1 || !file || typeof file === "string") throw missing();
  return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** A route handler for one operation of the contract; the types name what its schemas parse to. */
export function apiRoute<Params = Record<string, never>, Body = undefined, Query = Record<string, never>>(operationId: string, handler: (context: ApiContext<Params, Body, Query>) => Promise<ApiAnswer | Response>) {
  const op = operation(operationId);
  return async (request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const db = await getDb();
    const now = await serverNow(db);
    const base = publicUrl();
    const url = new URL(request.url);
    const meta = { ip: clientAddress(request.headers), userAgent: request.headers.get("user-agent") };
    const checked = await actorOfToken(db, bearerOf(request.headers.get("authorization")), now);
    const call = { method: request.method, path: url.pathname };
    const challenge = { "www-authenticate": 'Bearer realm="recourse"' };

    if (!checked.ok) {
      if (meta.ip && (await rateLimited(db, [{ key: `api:from:${meta.ip}`, perMinute: FAILED_CALLS_PER_MINUTE }], now))) return problemResponse(new Problem("rate_limited", "Too many calls without a valid token."), base, { "retry-after": "60" });
      const problem =
        checked.reason === "revoked" ? new Problem("token_revoked", "This token was revoked; an admin can make a new one on the API tokens page.")
        : checked.reason === "expired" ? new Problem("token_expired", "This token has expired; an admin can make a new one on the API tokens page.")
        : new Problem("unauthorized", "Send a valid API token as 'Authorization: Bearer rk_…'; an admin makes one on the API tokens page.");
      if ("token" in checked) await auditApiCall(db, checked.token, { ...call, status: problem.status, problem: problem.code }, meta, now);
      return problemResponse(problem, base, challenge);
    }

    const answer = async (): Promise<Response> => {
      if (await rateLimited(db, [{ key: `api:token:${checked.token.id}`, perMinute: TOKEN_CALLS_PER_MINUTE }], now)) throw new Problem("rate_limited", `A token may make ${TOKEN_CALLS_PER_MINUTE} calls a minute.`);
      const raw = await params;
      const parsedParams = op.params ? op.params.safeParse(raw) : null;
      // A malformed id names no case the token may see.
      if (parsedParams && !parsedParams.success) throw new Problem("not_found", "No such case, or none this token may see.");
      const query = op.query ? op.query.parse(Object.fromEntries(url.searchParams), { error: apiErrorMap }) : {};
      const idempotencyKey = op.headers ? (idempotencyHeaders.parse({ "idempotency-key": request.headers.get("idempotency-key") || undefined }, { error: apiErrorMap })["idempotency-key"] ?? null) : null;
      const body = op.body ? op.body.parse(await jsonBody(request), { error: apiErrorMap }) : op.upload ? await uploadBody(request) : undefined;
      const done = await handler({ db, actor: checked.actor, now, meta, params: (parsedParams?.data ?? {}) as Params, query: query as Query, body: body as Body, headers: request.headers, idempotencyKey, url });
      return done instanceof Response ? done : Response.json(done.body, { status: done.status ?? op.ok.status });
    };
    let response: Response;
    let code: string | undefined;
    try {
      response = await answer();
    } catch (error) {
      const problem = problemOf(error);
      code = problem.code;
      response = problemResponse(problem, base, problem.code === "rate_limited" ? { "retry-after": "60" } : {});
    }
    await auditApiCall(db, checked.token, { ...call, status: response.status, ...(code ? { problem: code } : {}) }, meta, now);
    return response;
  };
}
