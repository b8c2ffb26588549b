import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import fr from "@/messages/fr.json";
import { REJECTION_CODES } from "@/lib/ladder/transitions";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`));
  return [prefix.slice(0, -1)];
}

function entries(value: unknown, prefix = ""): [string, string][] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => entries(v, `${prefix}${k}.`));
  return [[prefix.slice(0, -1), String(value)]];
}

/**
 * The straight apostrophes of an ICU message that print as text. In ICU MessageFormat (next-intl),
 * an apostrophe before `{`, `}`, `#` or `|` opens a quoted stretch of syntax that the next apostrophe
 * closes; a doubled one prints one apostrophe; any other prints itself. Quoting is syntax, the rest
 * is text.
 */
function textApostrophes(message: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < message.length; i++) {
    if (message[i] !== "'") continue;
    const next = message[i + 1];
    if (next === "'") {
      found.push(i);
      i++;
    } else if (next !== undefined && "{}#|".includes(next)) {
      const close = message.indexOf("'", i + 1);
      i = close === -1 ? message.length : close;
    } else found.push(i);
  }
  return found;
}

describe("messages", () => {
  it.each([
    ["de", de],
    ["fr", fr],
  ])("%s has exactly the English keys", (_locale, messages) => {
    expect(keys(messages).sort()).toEqual(keys(en).sort());
  });
  it("French text uses the typographic apostrophe (’), never the straight one", () => {
    const straight = entries(fr).filter(([, message]) => textApostrophes(message).length > 0).map(([key]) => key);
    expect(straight).toEqual([]);
  });
  it("tells an apostrophe that quotes ICU syntax from one that is text", () => {
    expect(textApostrophes("l'affaire")).toEqual([1]);
    expect(textApostrophes("l’affaire")).toEqual([]);
    expect(textApostrophes("'{'name'}' est littéral")).toEqual([]);
    expect(textApostrophes("aujourd''hui")).toEqual([7]);
  });
  it("no key contains a dot (next-intl reads dots as nesting)", () => {
    expect(keys(en).every((k) => k.split(".").every(Boolean))).toBe(true);
  });
  it("every reason the ladder refuses a step for has its own sentence, so a refusal never reads as a bare 'not possible'", () => {
    const reasons = en.reasons as Record<string, string>;
    expect(REJECTION_CODES.filter((code) => !reasons[code])).toEqual([]);
  });
});
