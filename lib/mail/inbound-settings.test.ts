/** Replies by e-mail are off unless both settings are given, and refuse a wrong one. */
import { describe, expect, it } from "vitest";
import { inboundSettings } from "./inbound-settings";

describe("inbound mail settings", () => {
  it("are off unless the domain and the port are both set", () => {
    expect(inboundSettings({})).toBeNull();
    expect(inboundSettings({ RECOURSE_INBOUND_DOMAIN: "reply.recourse.example" })).toBeNull();
    expect(inboundSettings({ RECOURSE_INBOUND_SMTP_PORT: "25" })).toBeNull();
    expect(inboundSettings({ RECOURSE_INBOUND_DOMAIN: "reply.recourse.example", RECOURSE_INBOUND_SMTP_PORT: "2525", RECOURSE_INBOUND_SMTP_HOST: "127.0.0.1" })).toMatchObject({ domain: "reply.recourse.example", port: 2525, host: "127.0.0.1" });
  });

  it("name a wrong port or domain", () => {
    expect(() => inboundSettings({ RECOURSE_INBOUND_DOMAIN: "reply.recourse.example", RECOURSE_INBOUND_SMTP_PORT: "smtp" })).toThrow(/RECOURSE_INBOUND_SMTP_PORT/);
    expect(() => inboundSettings({ RECOURSE_INBOUND_DOMAIN: "reply@recourse", RECOURSE_INBOUND_SMTP_PORT: "25" })).toThrow(/RECOURSE_INBOUND_DOMAIN/);
  });
});
