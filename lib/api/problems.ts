/**
 * RFC 9457 problem details: every error the API answers, by code, mapped once from the data
 * layer's typed errors.
 */
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ReusedKeyError, RuleError, ValidationError, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";

export const PROBLEMS = {
  unauthorized: { status: 401, title: "Not authenticated" },
  token_revoked: { status: 401, title: "Token revoked" },
  token_expired: { status: 401, title: "Token expired" },
  read_only: { status: 403, title: "Token may not act" },
  not_permitted: { status: 403, title: "Not this party's to do" },
  not_found: { status: 404, title: "Not found" },
  invalid: { status: 400, title: "Invalid request" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  too_large: { status: 413, title: "Body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  refused: { status: 409, title: "The ladder refuses this step" },
  version_conflict: { status: 409, title: "The case changed" },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key reused for a different request" },
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

/**
 * Field error codes for a request the contract's schemas refuse: a schema's own code where it
 * names one ("required", "invalid_date", "no_markup"…), else one for the kind of issue, never
 * zod's English sentence. An unknown field is named by its own path.
 */
export const FIELD_CODES = ["required", "invalid_type", "invalid_value", "unknown_field", "too_long", "too_short", "too_large", "invalid_format", "invalid_date", "invalid_characters", "no_markup", "five_names", "response_too_short"] as const;

export const apiErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && issue.code !== "unrecognized_keys") return "required";
  switch (issue.code) {
    case "invalid_type":
      return "invalid_type";
    case "unrecognized_keys":
      return "unknown_field";
    case "invalid_value":
    case "invalid_union":
    case "invalid_key":
      return "invalid_value";
    case "too_big":
      return issue.origin === "string" ? "too_long" : "too_large";
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short";
    case "invalid_format":
      return "invalid_format";
    default:
      return undefined;
  }
};

function apiFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...at, k].join(".")) : [at.join(".") || "_body"];
    for (const key of keys) (out[key] ??= []).push(issue.message);
  }
  return out;
}

const invalid = (errors: FieldErrors) =>
  new Problem("invalid", `Invalid: ${Object.entries(errors).map(([field, codes]) => `${field} (${codes.join(", ")})`).join("; ")}.`, { errors });

/** The data layer's typed errors as problems; anything else is logged and answered with its reference. */
export function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof NotFoundError) return new Problem("not_found", "Not found, or not visible to this token.");
  if (error instanceof ForbiddenError) {
    return error.reason === "read_only"
      ? new Problem("read_only", "This token may only read; an admin can make one that may read and act on the API tokens page.")
      : new Problem("not_permitted", "This step or thread is not this party's: another party takes it, or it is written to someone this party may not address.");
  }
  if (error instanceof RuleError) return new Problem("refused", `The ladder refuses this step now: ${error.reason.code}.`, { reason: error.reason.code, ...(error.reason.rule ? { rule: error.reason.rule } : {}) });
  if (error instanceof ConflictError) return new Problem("version_conflict", "The case changed since the version sent; read it again.", { currentVersion: error.currentVersion });
  if (error instanceof ReusedKeyError) return new Problem("idempotency_key_reused", "This Idempotency-Key already made a different request on this case; send a new key for a new request.");
  if (error instanceof ValidationError) return invalid(error.fieldErrors);
  if (error instanceof z.ZodError) return invalid(apiFieldErrors(error));
  return new Problem("internal", `Something went wrong on our side (reference ${logError(error)}).`);
}
