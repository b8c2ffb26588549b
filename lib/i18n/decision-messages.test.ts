/**
 * Each decision page reads as whole sentences for every body, in every language: the FDPIC and
 * the ICO are named as themselves, never as the panel, and French spacing holds.
 */
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import fr from "@/messages/fr.json";
import { DECISION_STEPS } from "@/lib/cases/step-registry";

const LANGUAGES = { en, de, fr } as const;
const GROUPS = ["open", "title", "intro", "final"] as const;
const DPAS = ["panel", "fdpic", "ico"] as const;
const DECIDERS = ["irm", "dpa_panel", "commerce", "arbitration"] as const;
/** The decisions a data protection authority takes on its rung. */
const DPA_STEPS: readonly string[] = ["issue_advice", "notice_referral", "close_case"];

function format(source: string, locale: string, values: Record<string, string>) {
  return String(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).format(values));
}

describe("decision pages' words", () => {
  it.each(Object.entries(LANGUAGES))("%s: every decision step reads whole for every body and decider", (locale, messages) => {
    const decide = messages.decide as unknown as Record<string, Record<string, string>>;
    for (const step of DECISION_STEPS)
      for (const group of GROUPS)
        for (const dpa of DPAS)
          for (const party of DECIDERS)
            for (const decision of ["eligible", "ineligible"]) {
              const source = decide[group]?.[step];
              expect(source, `${locale} decide.${group}.${step}`).toBeTypeOf("string");
              const text = format(source!, locale, { dpa, party, decision, body: "JAMS", organisation: "SessionM, Inc." });
              expect(text).not.toMatch(/[{}]/);
              // A body named as itself: the FDPIC's and the ICO's pages never speak of a panel.
              if (dpa !== "panel" && party === "dpa_panel" && DPA_STEPS.includes(step)) expect(text.toLowerCase(), `${locale} decide.${group}.${step}`).not.toMatch(/panel|gremium/);
            }
  });

  it("the party, comment and timeline words name the FDPIC and the ICO as themselves", () => {
    for (const [locale, messages] of Object.entries(LANGUAGES))
      for (const dpa of ["fdpic", "ico"]) {
        expect(format(messages.party.dpaBody, locale, { dpa }).toLowerCase()).not.toMatch(/panel|gremium/);
        expect(format(messages.actions.comment_to_panel, locale, { dpa })).toMatch(dpa === "fdpic" ? /FDPIC|EDÖB|PFPDT/ : /ICO/);
        for (const source of Object.values(messages.events.byDpa)) expect(format(source, locale, { dpa })).toMatch(dpa === "fdpic" ? /FDPIC|EDÖB|PFPDT/ : /ICO/);
      }
  });

  it("French puts a no-break space before : ; ? ! and inside « »", () => {
    const texts = JSON.stringify(fr.decide).split('"').filter((s) => s.length > 1);
    for (const text of texts) {
      expect(text, text).not.toMatch(/[^\u00a0][:;?!](\s|$)/);
      expect(text, text).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
    }
  });
});
