/**
 * RFC 9457 problem details: every error the API answers, by code, mapped once from the data
 * layer's typed errors.
 */
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/cases/commands";
import { logError } from "@/lib/log";

export const PROBLEMS = {
  unauthorized: { status: 401, title: "Not authenticated" },
  token_revoked: { status: 401, title: "Token revoked" },
  token_expired: { status: 401, title: "Token expired" },
  read_only: { status: 403, title: "Token may not act" },
  not_found: { status: 404, title: "Not found" },
  invalid: { status: 400, title: "Invalid request" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  too_large: { status: 413, title: "Body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  refused: { status: 409, title: "The ladder refuses this step" },
  version_conflict: { status: 409, title: "The case changed" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "Problem";
  }
  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export function problemResponse(p: Problem, baseUrl: string, headers: Record<string, string> = {}): Response {
  const { status, title } = PROBLEMS[p.code];
  return new Response(JSON.stringify({ type: `${baseUrl}/en/api-reference#${p.code}`, title, status, detail: p.detail, code: p.code, ...p.extra }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** The data layer's typed errors as problems; anything else is logged and answered with its reference. */
export function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof NotFoundError) return new Problem("not_found", "No such case, or none this token may see.");
  if (error instanceof ForbiddenError) return new Problem("read_only", "This token may not take this step or write here.");
  if (error instanceof RuleError) return new Problem("refused", `The ladder refuses this step now: ${error.reason.code}.`, { reason: error.reason.code, ...(error.reason.rule ? { rule: error.reason.rule } : {}) });
  if (error instanceof ConflictError) return new Problem("version_conflict", "The case changed since the version sent; read it again.", { currentVersion: error.currentVersion });
  if (error instanceof ValidationError) return new Problem("invalid", "A field is invalid.", { errors: error.fieldErrors });
  if (error instanceof z.ZodError) return new Problem("invalid", "A field is invalid.", { errors: fieldErrorsOf(error) });
  return new Problem("internal", `Something went wrong on our side (reference ${logError(error)}).`);
}
