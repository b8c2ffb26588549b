/** `assigned`: a staff member is given the case. */
import type { Notice } from "../notice";

export function assigned(userId: string): Notice {
  return { audience: { to: "user", userId }, kind: "assigned", params: {}, mail: true };
}
