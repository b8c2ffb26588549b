/**
 * The bodies a case reaches are named, in every language: a provider by its own name in the
 * timeline's events, an authority by its name in the reader's language.
 */
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import fr from "@/messages/fr.json";

const LANGUAGES = { en, de, fr } as const;
const format = (source: string, locale: string, values: Record<string, string>) => String(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).format(values));

describe("bodies named in the case's words", () => {
  it.each(Object.entries(LANGUAGES))("%s: each event a provider takes names it, and has a plain name for a case without one", (locale, messages) => {
    const events = messages.events as unknown as Record<string, string>;
    for (const [key, source] of Object.entries(messages.events.byIrm)) {
      expect(format(source, locale, { irm: "JAMS" }), `${locale} events.byIrm.${key}`).toContain("JAMS");
      expect(events[key], `${locale} events.${key}`).toBeTypeOf("string");
    }
    expect(Object.keys(messages.events.byIrm)).toEqual(expect.arrayContaining(["irm_escalated", "irm_acknowledged", "irm_determined"]));
  });

  it("the hand-over to the data protection authorities names the body that hears the case", () => {
    const expected = { en: /EU DPA panel/, de: /Gremium der EU-Datenschutzbehörden/, fr: /panel des autorités de protection des données de l’UE/ };
    for (const [locale, messages] of Object.entries(LANGUAGES)) expect(format(messages.events.byDpa.panel_escalated, locale, { dpa: "panel" })).toMatch(expected[locale as keyof typeof expected]);
  });

  it("every authority has its name in every language; providers keep their own", () => {
    const kinds = ["dpa_panel", "national_dpa", "fdpic", "ico", "gra", "commerce"];
    for (const messages of Object.values(LANGUAGES)) expect(Object.keys(messages.bodies.authority).sort()).toEqual([...kinds].sort());
    expect(de.bodies.authority.fdpic).toBe("Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB)");
    expect(fr.bodies.authority.fdpic).toBe("Préposé fédéral à la protection des données et à la transparence (PFPDT)");
  });
});
