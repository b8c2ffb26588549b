import { describe, expect, it } from "vitest";
import { messageVisibleTo, visibleMessageAudiences } from "@/lib/auth/policy";
import { PARTIES, type LadderEvent } from "@/lib/ladder";
import { webhookPayload } from "./contract";
import { eventOfMessage, viaOf, eventOfReminder, eventsOfStep, WEBHOOK_EVENT_TYPES, type WebhookEvent } from "./events";
import { isInternalAddress } from "./target";

const caseRef = { id: "c1", reference: "RC-2026-AAAAAA", organisationId: "o1", complainantUserId: "u1" };

describe("webhook events", () => {
  it("a step that hands the case over is also 'escalated' to the receiving rung; filing and breaches are their own types", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    const escalate = { type: "irm.escalated", at, by: "complainant", data: {} } as unknown as LadderEvent;
    expect(eventsOfStep(caseRef, escalate, 5).map((e) => [e.type, e.rung ?? null, e.cause])).toEqual([
      ["case.step_taken", null, "ev:c1:5"],
      ["case.escalated", "irm", "ev:c1:5"],
    ]);
    expect(eventsOfStep(caseRef, { type: "case.filed", at, by: "complainant", data: {} } as unknown as LadderEvent, 1).map((e) => e.type)).toEqual(["case.filed"]);
    const breach = eventsOfStep(caseRef, { type: "clock.breached", at, by: "system", data: { clock: "organisation.response" } } as LadderEvent, 3);
    expect(breach.map((e) => [e.type, e.data.clock])).toEqual([["clock.breached", "organisation.response"]]);
  });

  it("a message event carries what the policy needs to choose its readers", () => {
    const e = eventOfMessage(caseRef, { id: "m1", authorParty: "organisation", visibility: "internal", body: "note", createdAt: new Date(), via: { channel: "web" } });
    expect(e).toMatchObject({ type: "case.message", cause: "msg:m1", message: { visibility: "internal", authorParty: "organisation" } });
  });
});

describe("a message's channel", () => {
  it("names the API token that wrote it, so that a system can skip its own messages", () => {
    expect(viaOf({ kind: "token", tokenName: "Zendesk" })).toEqual({ channel: "api", token: "Zendesk" });
    expect(viaOf({ kind: "user" })).toEqual({ channel: "web" });
    expect(viaOf({ kind: "user" }, true)).toEqual({ channel: "email" });
    expect(viaOf(null)).toEqual({ channel: "link" });
  });
});

describe("the webhook payloads the OpenAPI document describes", () => {
  it("every type's payload, as built, matches its published schema", () => {
    const ref = { ...caseRef, id: "0192e0a0-0000-7000-8000-000000000001" };
    const at = new Date("2026-12-01T10:00:00Z");
    const built: WebhookEvent[] = [
      ...eventsOfStep(ref, { type: "case.filed", at, by: "complainant", data: {} } as unknown as LadderEvent, 1),
      ...eventsOfStep(ref, { type: "irm.escalated", at, by: "complainant", data: {} } as unknown as LadderEvent, 5),
      ...eventsOfStep(ref, { type: "clock.breached", at, by: "system", data: { clock: "organisation.response" } } as LadderEvent, 6),
      eventOfMessage(ref, { id: "0192e0a0-0000-7000-8000-000000000002", authorParty: "organisation", visibility: "complainant", body: "Hello", createdAt: at, via: { channel: "api", token: "Helpdesk" } }),
      eventOfReminder(ref, { clockId: "organisation.response", party: "organisation", dueAt: at, thresholdDays: 7, daysLeft: 7 }, at),
    ];
    expect(new Set(built.map((e) => e.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));
    for (const e of built) {
      const payload = JSON.parse(JSON.stringify({ type: e.type, timestamp: e.at.toISOString(), data: e.data }));
      expect(webhookPayload(e.type).safeParse(payload).success, e.type).toBe(true);
    }
    // A field the schema does not know would not fail it (zod strips): a missing one does.
    expect(webhookPayload("case.message").safeParse({ type: "case.message", timestamp: at.toISOString(), data: { caseId: ref.id } }).success).toBe(false);
  });
});

describe("messageVisibleTo", () => {
  it("matches messagesVisibleTo's rule for every party, audience and author", () => {
    for (const party of PARTIES) {
      for (const visibility of ["complainant", "organisation", "provider", "internal"]) {
        for (const authorParty of PARTIES) {
          const expected = (visibleMessageAudiences(party) as string[]).includes(visibility) || (party !== "complainant" && visibility === "internal" && authorParty === party);
          expect(messageVisibleTo(party, { visibility, authorParty }), `${party} ${visibility} ${authorParty}`).toBe(expected);
        }
      }
    }
    expect(messageVisibleTo("organisation", { visibility: "internal", authorParty: "irm" })).toBe(false);
    expect(messageVisibleTo("irm", { visibility: "internal", authorParty: "organisation" })).toBe(false);
    expect(messageVisibleTo("organisation", { visibility: "provider", authorParty: "irm" })).toBe(false);
  });
});

describe("internal addresses", () => {
  it("are loopback, private, link-local, shared and unspecified ranges, in both families", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd12::1", "fe80::1", "::ffff:10.0.0.1", "not-an-ip"]) expect(isInternalAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "93.184.215.14", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isInternalAddress(a), a).toBe(false);
  });
});
