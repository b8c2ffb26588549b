/** The quote stripper for e-mail replies (issue 24). */
import { describe, expect, it } from "vitest";
import { stripReply } from "./reply-text";

describe("stripping a reply to what its writer wrote", () => {
  it("cuts the history below an English attribution, wrapped or not", () => {
    expect(stripReply("Thanks, I attach the letter.\r\n\r\nOn Mon, 1 Dec 2026 at 10:00, Recourse <no-reply@recourse.example> wrote:\r\n> The company answered.\r\n")).toBe("Thanks, I attach the letter.");
    expect(stripReply("Yes.\n\nOn Mon, 1 Dec 2026 at 10:00, Recourse\n<no-reply@recourse.example> wrote:\n> old")).toBe("Yes.");
  });

  it("cuts below a German and a French attribution", () => {
    expect(stripReply("Danke.\n\nAm 01.12.2026 um 10:00 schrieb Recourse <no-reply@recourse.example>:\n> Alt")).toBe("Danke.");
    expect(stripReply("Merci.\n\nLe lun. 1 déc. 2026 à 10:00, Recourse <no-reply@recourse.example> a écrit\u00a0:\n> Ancien")).toBe("Merci.");
    expect(stripReply("Merci.\n\nLe 1 déc. 2026, Recourse a écrit :\nAncien")).toBe("Merci.");
  });

  it("cuts an Outlook original-message block and a signature", () => {
    expect(stripReply("See below.\n\n-----Original Message-----\nFrom: Recourse\nSubject: Step")).toBe("See below.");
    expect(stripReply("See below.\n\n________________________________\nVon: Recourse")).toBe("See below.");
    expect(stripReply("Regards\n-- \nAnna Schmidt\n+49 30 1234")).toBe("Regards");
    expect(stripReply("Regards\n--\nAnna")).toBe("Regards");
  });

  it("drops lines quoted with '>' and keeps answers written between them", () => {
    expect(stripReply("> Did you ask the company?\nYes, twice.\n> When?\nIn March.\n")).toBe("Yes, twice.\nIn March.");
  });

  it("keeps what only looks like the start of a quote", () => {
    const text = "On reflection I want the data deleted.\nThe person who wrote: nobody.\n-- not a signature";
    expect(stripReply(text)).toBe(text);
  });

  it("leaves nothing when the reply is only quoted history", () => {
    expect(stripReply("\n\nOn Mon, 1 Dec 2026, Recourse wrote:\n> hello\n")).toBe("");
    expect(stripReply("> only a quote\n>> and another")).toBe("");
  });
});
