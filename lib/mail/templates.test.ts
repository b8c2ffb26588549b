import { describe, expect, it } from "vitest";
import { renderMail } from "./templates";

describe("mail that is not a notice", () => {
  it("is worded from the messages in the reader's language, with its link clickable and its text escaped", () => {
    const params = { organisation: "A&B <Data>, Inc.", url: "https://recourse.example/fr/file/confirm/abc?x=1&y=2", until: "5 décembre 2026" };
    const fr = renderMail("filing-confirm", "fr", params);
    expect(fr.subject).toBe("Confirmez votre plainte contre A&B <Data>, Inc.");
    expect(fr.text).toContain("D’ici là, l’entreprise ne voit rien.");
    expect(fr.text).toContain("\nhttps://recourse.example/fr/file/confirm/abc?x=1&y=2\n");
    expect(fr.html).toContain('<a href="https://recourse.example/fr/file/confirm/abc?x=1&amp;y=2">');
    expect(fr.html).toContain("A&amp;B &lt;Data&gt;, Inc.");
    expect(fr.html).toMatch(/^<!doctype html><html lang="fr">/);
    expect(renderMail("invitation", "de", { organisation: "mParticle, Inc.", inviter: "Ada", url: "u", hours: "72" }).subject).toBe("Treten Sie mParticle, Inc. auf Recourse bei");
  });

  it("the complaint delivered to a U.S. company's published contact is in English whatever the complainant's language", () => {
    const mail = renderMail("case-delivery", "de", { reference: "RC-1", organisation: "Acme", description: "Text", days: "60", url: "u" });
    expect(mail.subject).toBe("Privacy complaint RC-1 against Acme");
    expect(mail.html).toContain('lang="en"');
  });

  it("an unknown language falls back to English", () => {
    expect(renderMail("sign-in", "xx", { url: "u", minutes: "15" }).text).toContain("expires in 15 minutes");
  });
});
