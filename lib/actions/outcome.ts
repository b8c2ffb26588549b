import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { logError } from "@/lib/log";

/**
 * What a failed action tells the page, as a query string the page turns into a localized
 * message. Anything unexpected is logged with a reference; the user sees only the reference.
 */
export function outcomeOf(error: unknown): string {
  if (error instanceof NotFoundError) return "error=not_found";
  if (error instanceof ConflictError) return "error=conflict";
  if (error instanceof ForbiddenError) return "error=forbidden";
  if (error instanceof ValidationError) return `error=${encodeURIComponent(Object.values(error.fieldErrors)[0]?.[0] ?? "invalid")}`;
  if (error instanceof RuleError) return `error=rule&reason=${encodeURIComponent(error.reason.code)}`;
  return `error=internal&ref=${logError(error)}`;
}
