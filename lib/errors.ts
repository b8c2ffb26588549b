/**
 * Typed errors the data layer raises. Actions map each to a localized message by its code;
 * the raw error stays in the server log with a reference id.
 */
import type { Reason } from "@/lib/ladder";

/** Anything the actor may not see: the answer is "not found", never "forbidden". */
export class NotFoundError extends Error {
  readonly code = "not_found";
  constructor() {
    super("not_found");
    this.name = "NotFoundError";
  }
}

/**
 * The actor may see this but may not do that to it: not its party's step or thread, or (for
 * `read_only`) a token that may only read.
 */
export class ForbiddenError extends Error {
  readonly code = "forbidden";
  constructor(readonly reason: "not_permitted" | "read_only" = "not_permitted") {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}

/** An idempotency key sent again with a different request than the one it made. */
export class ReusedKeyError extends Error {
  readonly code = "reused_key";
  constructor() {
    super("reused_key");
    this.name = "ReusedKeyError";
  }
}

/** Someone changed the case since the actor loaded it. */
export class ConflictError extends Error {
  readonly code = "conflict";
  constructor(readonly currentVersion: number) {
    super("conflict");
    this.name = "ConflictError";
  }
}

/** The ladder refused the step, with its reason. */
export class RuleError extends Error {
  readonly code = "rule";
  constructor(readonly reason: Reason) {
    super(`rule: ${reason.code}`);
    this.name = "RuleError";
  }
}

export type FieldErrors = Record<string, string[]>;

/** Input that does not pass its schema; field errors carry message keys. */
export class ValidationError extends Error {
  readonly code = "validation";
  constructor(readonly fieldErrors: FieldErrors) {
    super("validation");
    this.name = "ValidationError";
  }
}
