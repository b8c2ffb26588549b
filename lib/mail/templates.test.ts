import { describe, expect, it } from "vitest";
import { dynamicTranslator } from "@/lib/i18n/translator";
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
    const mail = renderMail("case-delivery", "de", { reference: "RC-1", organisation: "Acme", framework: "uk-ext-dpf", predecessor: "no", certified: "uk-ext-dpf", description: "Text", days: "60", url: "u" });
    expect(mail.subject).toBe("Privacy complaint RC-1 against Acme");
    expect(mail.html).toContain('lang="en"');
    expect(mail.text).toContain("The complaint is brought under the UK Extension to the EU-U.S. DPF.\n");
    expect(mail.text).not.toContain("Privacy Shield");
  });

  it("the delivered complaint names the framework it runs under and, when the company's policy names its predecessor, that one too", () => {
    const params = { reference: "RC-1", organisation: "Acme", framework: "eu-us-dpf", predecessor: "yes", certified: "eu-us-ps", description: "Text", days: "60", url: "u" };
    expect(renderMail("case-delivery", "en", params).text).toContain("The complaint is brought under the EU-U.S. Data Privacy Framework, the successor of the EU-U.S. Privacy Shield that your privacy policy names.\n");
    expect(renderMail("case-delivery", "en", { ...params, framework: "swiss-us-dpf", certified: "swiss-us-ps" }).text).toContain("under the Swiss-U.S. Data Privacy Framework, the successor of the Swiss-U.S. Privacy Shield");
  });

  it("the delivery's wording names the framework by its official name in German and French too", () => {
    const values = (lang: "de" | "fr") => ({ reference: "RC-1", organisation: "Acme", framework: dynamicTranslator(lang)("ladder.framework.eu-us-dpf"), predecessor: "yes", certified: dynamicTranslator(lang)("ladder.framework.eu-us-ps"), description: "Text", days: "60", url: "u" });
    expect(dynamicTranslator("de")("mail.caseDelivery.text", values("de"))).toContain("Maßgeblicher Rahmen der Beschwerde: Datenschutzrahmen EU-USA (DPF) (Ihre Datenschutzerklärung nennt seinen Vorgänger: EU-US-Datenschutzschild (Privacy Shield)).");
    expect(dynamicTranslator("fr")("mail.caseDelivery.text", values("fr"))).toContain("Cadre applicable à la plainte\u00a0: Cadre de protection des données UE-États-Unis (votre politique de confidentialité cite son prédécesseur\u00a0: Bouclier de protection des données UE-États-Unis (Privacy Shield)).");
  });

  it("an unknown language falls back to English", () => {
    expect(renderMail("sign-in", "xx", { url: "u", minutes: "15" }).text).toContain("expires in 15 minutes");
  });
});
