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
import { OPERATIONS } from "./contract";
import { Problem, problemOf, problemResponse } from "./problems";

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
  /** The request's path and query, for links to the next page. */
  url: URL;
}

export interface ApiAnswer {
  status?: number;
  body: unknown;
}

const operation = (id: string) => OPERATIONS.find((o) => o.id === id)!;

async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) throw new Problem("unsupported_media_type", "Send the body as application/json.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) throw new Problem("too_large", `The body may hold at most ${MAX_BODY} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY) throw new Problem("too_large", `The body may hold at most ${MAX_BODY} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem("invalid_json", "The body is not valid JSON.");
  }
}

/** A route handler for one operation of the contract; the types name what its schemas parse to. */
export function apiRoute<Params = Record<string, never>, Body = undefined, Query = Record<string, never>>(operationId: string, handler: (context: ApiContext<Params, Body, Query>) => Promise<ApiAnswer>) {
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
        checked.reason === "revoked" ? new Problem("token_revoked", "This token was revoked.")
        : checked.reason === "expired" ? new Problem("token_expired", "This token has expired.")
        : new Problem("unauthorized", "Send a valid API token as 'Authorization: Bearer rk_…'.");
      if ("token" in checked) await auditApiCall(db, checked.token, { ...call, status: problem.status, problem: problem.code }, meta, now);
      return problemResponse(problem, base, challenge);
    }

    const answer = async (): Promise<Response> => {
      if (await rateLimited(db, [{ key: `api:token:${checked.token.id}`, perMinute: TOKEN_CALLS_PER_MINUTE }], now)) throw new Problem("rate_limited", `A token may make ${TOKEN_CALLS_PER_MINUTE} calls a minute.`);
      const raw = await params;
      const parsedParams = op.params ? op.params.safeParse(raw) : null;
      // A malformed id names no case the token may see.
      if (parsedParams && !parsedParams.success) throw new Problem("not_found", "No such case, or none this token may see.");
      const query = op.query ? op.query.parse(Object.fromEntries(url.searchParams)) : {};
      const body = op.body ? op.body.parse(await jsonBody(request)) : undefined;
      const done = await handler({ db, actor: checked.actor, now, meta, params: (parsedParams?.data ?? {}) as Params, query: query as Query, body: body as Body, headers: request.headers, url });
      return Response.json(done.body, { status: done.status ?? op.ok.status });
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
