/** Ladder ids ("case.filed", "R3.1a") as message keys: next-intl reads a dot as nesting. */
export function messageKey(id: string): string {
  return id.replaceAll(".", "_");
}
