/** A notice in words (issue 7): in the reader's language, with its own reference and link. */
import { describe, expect, it } from "vitest";
import { renderNotice } from "./render";

const missed = { clock: "organisation.response", due: "2026-02-24T23:59:59.999Z", zone: "Europe/Berlin" };

describe("rendering notices", () => {
  it("each mail carries its own reference and link", () => {
    const a = renderNotice("breach", { ...missed, reference: "RS-1" }, "en", "https://recourse.example/en/cases/1");
    const b = renderNotice("breach", { ...missed, reference: "RS-2" }, "en", "https://recourse.example/en/cases/2");
    expect(a.title).toContain("RS-1");
    expect(b.title).toContain("RS-2");
    expect(b.text).toContain("https://recourse.example/en/cases/2");
    expect(b.text).not.toContain("RS-1");
    expect(a.text).not.toMatch(/\u2063/);
    expect(a.html).not.toMatch(/\u2063/);
    expect(a.body).toContain("February 25, 2026"); // the due instant in the zone given
  });

  it("escapes the reference and link in HTML and keeps `$&` as written", () => {
    const r = renderNotice("breach", { ...missed, reference: "RS-<b>&" }, "en", "https://x.example/?a=1&b=$&");
    expect(r.html).toContain("RS-&lt;b&gt;&amp;");
    expect(r.html).toContain('href="https://x.example/?a=1&amp;b=$&amp;"');
    expect(r.text).toContain("https://x.example/?a=1&b=$&\n");
  });

  it("a missed deadline names the rungs it opened, in the reader's language", () => {
    expect(renderNotice("missed", { ...missed, reference: "RS-1", opens: "irm" }, "en", "u").body).toMatch(/You can now take the next step: Independent dispute resolution\.$/);
    expect(renderNotice("missed", { ...missed, reference: "RS-1", opens: "irm,dpa_panel" }, "de", "u").body).toMatch(/gehen: .+ und .+\.$/);
    expect(renderNotice("missed", { ...missed, reference: "RS-1", opens: "irm" }, "fr", "u").body).toContain("Vous pouvez maintenant passer à l’étape suivante");
    expect(renderNotice("missed", { ...missed, reference: "RS-1" }, "en", "u").body).not.toContain("You can now take");
  });

  it("R2.2: the company's dispute resolution provider is named where the notice knows it", () => {
    expect(renderNotice("missed", { ...missed, reference: "RS-1", opens: "irm,commerce", irm: "JAMS" }, "de", "u").body).toMatch(/gehen: JAMS und .+\.$/);
    expect(renderNotice("rung-opened", { reference: "RS-1", rung: "irm", irm: "JAMS" }, "en", "u").title).toBe("RS-1: you can now go to JAMS");
    expect(renderNotice("step", { reference: "RS-1", step: "irm.determined", irm: "JAMS" }, "fr", "u").body).toContain("JAMS");
    // Without a name, the rung's own words.
    expect(renderNotice("step", { reference: "RS-1", step: "irm.determined" }, "en", "u").body).not.toContain("undefined");
  });

  it("R2.2: an eligibility decision's notice says which it was", () => {
    expect(renderNotice("step", { reference: "RS-1", step: "irm.eligibility_decided", irm: "JAMS", eligibility: "eligible" }, "de", "u").body).toContain("Die Beschwerde wurde als zulässig angenommen");
  });

  it("R2.4: a decision's notice says whether the complaint was upheld, in the reader's language", () => {
    expect(renderNotice("step", { reference: "RS-1", step: "irm.determined", irm: "JAMS", verdict: "not_upheld" }, "en", "u").body).toBe("On case RS-1: JAMS issued a determination. The complaint was not upheld.");
    expect(renderNotice("remedies-ordered", { reference: "RS-1", step: "irm.determined", count: 2, irm: "JAMS", verdict: "partly_upheld" }, "de", "u").body).toContain("Der Beschwerde wurde teilweise stattgegeben.");
  });

  it("the receipt names the company and its date, or says the company has yet to receive it", () => {
    const dated = renderNotice("filed", { reference: "RS-9", organisation: "mParticle, Inc.", due: "2027-01-24T22:59:59.999Z", zone: "Europe/Berlin" }, "de", "u");
    expect(dated.title).toBe("Beschwerde RS-9 eingegangen");
    expect(dated.body).toBe("Ihre Beschwerde gegen mParticle, Inc. hat das Aktenzeichen RS-9. Das Unternehmen muss bis 24. Januar 2027 antworten.");
    expect(renderNotice("filed", { reference: "RS-9", organisation: "Acme", variant: "bodyPending" }, "fr", "u").body).toContain("n’a pas de compte sur Recourse");
    const company = renderNotice("new-case", { reference: "RS-9", due: "2027-01-24T22:59:59.999Z", ackDue: "2026-12-14T22:59:59.999Z", zone: "Europe/Berlin" }, "en", "u");
    expect(company.body).toContain("Acknowledge it by December 14, 2026; reply by January 24, 2027.");
  });

  it("an unknown language falls back to English", () => {
    expect(renderNotice("breach", { ...missed, reference: "RS-1" }, "xx", "u").title).toMatch(/deadline missed/);
  });
});

describe("a notice with a reply address", () => {
  it("says where a reply goes, in the reader's language, and nothing without one", () => {
    const url = "https://recourse.example/de/cases/1";
    const params = { step: "organisation.acknowledged", reference: "RS-3" };
    expect(renderNotice("step", params, "de", url, "complainant").text).toContain("Ihre Antwort geht als Nachricht im Fall an das Unternehmen");
    expect(renderNotice("step", params, "fr", url, "organisation").html).toContain("votre réponse est transmise au plaignant");
    expect(renderNotice("step", params, "en", url, "organisation").text).toContain("your reply goes to the complainant");
    expect(renderNotice("step", params, "en", url).text).not.toContain("reply");
  });
});

describe("one batch's missed deadlines on a case", () => {
  it("are one notice per party, naming each deadline and each rung opened once", async () => {
    const { oneNoticePerMissedBatch } = await import("./notify-events");
    const caseRow = { id: "c1", reference: "RS-1", organisationId: "o", complainantUserId: "u", complainantEmail: "a@example.eu", preferredLanguage: "de", assigneeUserId: null };
    const notice = (kind: "missed" | "breach", clock: string, opens?: string) => ({ caseRow, key: `ev:c1:${clock}`, notice: { audience: { to: kind === "missed" ? "complainant" : "organisation" } as const, kind, mail: true, params: { clock, due: "2026-02-24T23:59:59.999Z", zone: "UTC", ...(opens ? { opens } : {}) } } });
    const merged = oneNoticePerMissedBatch([notice("missed", "organisation.acknowledgment", "commerce"), notice("breach", "organisation.acknowledgment"), notice("missed", "organisation.response", "irm,commerce"), notice("breach", "organisation.response")]);
    expect(merged.map((d) => d.notice.kind)).toEqual(["missed", "breach"]);
    expect(merged[0]!.notice.params).toMatchObject({ clock: "organisation.acknowledgment,organisation.response", variant: "many", opens: "commerce,irm" });
    const body = renderNotice("missed", { ...merged[0]!.notice.params, reference: "RS-1", irm: "JAMS" }, "de", "u").body;
    expect(body).toMatch(/sind diese Fristen abgelaufen, ohne dass der Schritt getan wurde: .+ und .+\. .*gehen: .+ und JAMS\.$/);
  });
});
