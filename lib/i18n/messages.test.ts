import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import fr from "@/messages/fr.json";
import { REJECTION_CODES } from "@/lib/ladder/transitions";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`));
  return [prefix.slice(0, -1)];
}

describe("messages", () => {
  it.each([
    ["de", de],
    ["fr", fr],
  ])("%s has exactly the English keys", (_locale, messages) => {
    expect(keys(messages).sort()).toEqual(keys(en).sort());
  });
  it("no key contains a dot (next-intl reads dots as nesting)", () => {
    expect(keys(en).every((k) => k.split(".").every(Boolean))).toBe(true);
  });
  it("every reason the ladder refuses a step for has its own sentence, so a refusal never reads as a bare 'not possible'", () => {
    const reasons = en.reasons as Record<string, string>;
    expect(REJECTION_CODES.filter((code) => !reasons[code])).toEqual([]);
  });
});
