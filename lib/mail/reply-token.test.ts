/** Reply addresses (issue 24): signed, bound to one case and one person, and ending. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readReplyToken, replyAddress, replyToken, tokenOfAddress } from "./reply-token";

const CASE = "7d1f6a52-35b4-4f1e-9a0e-0d7c9b2f4a11";
const OTHER_CASE = "0b5e1c38-2f0a-4c47-8d8e-6f2a3b9c1d22";
const USER = "c3a9e1f0-5b7d-4e2a-9c1f-8d6e4b2a0f33";
const NOW = new Date("2026-12-01T10:00:00Z");

describe("reply tokens", () => {
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "unit-test-secret");
    vi.stubEnv("RECOURSE_URL", "https://recourse.example");
  });
  afterAll(() => void vi.unstubAllEnvs());

  it("name the case, the person and the last day, and fit in a mailbox name", () => {
    const token = replyToken(CASE, USER, new Date("2027-01-15T08:00:00Z"));
    expect(readReplyToken(token, NOW)).toEqual({ caseId: CASE, userId: USER, expiresAt: new Date("2027-01-15T23:59:59.999Z") });
    const address = replyAddress(CASE, USER, "reply.recourse.example", NOW);
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(tokenOfAddress(address, "REPLY.recourse.example")).toBe(address.slice("reply+".length, address.indexOf("@")));
    expect(readReplyToken(replyToken(CASE, USER, null), new Date("2100-01-01"))).toMatchObject({ expiresAt: null });
  });

  it("cannot be moved to another case or person, or changed in any byte", () => {
    const token = replyToken(CASE, USER, null);
    const bytes = Buffer.from(token, "base64url");
    // Another case's id in place of this one's, the signature kept.
    Buffer.from(OTHER_CASE.replaceAll("-", ""), "hex").copy(bytes, 0);
    expect(readReplyToken(bytes.toString("base64url"), NOW)).toBe("forged");
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(token, "base64url");
      changed[i]! ^= 1;
      expect(readReplyToken(changed.toString("base64url"), NOW)).toBe("forged");
    }
  });

  it("are worthless under another AUTH_SECRET", () => {
    const token = replyToken(CASE, USER, null);
    vi.stubEnv("AUTH_SECRET", "another-secret");
    try {
      expect(readReplyToken(token, NOW)).toBe("forged");
    } finally {
      vi.stubEnv("AUTH_SECRET", "unit-test-secret");
    }
  });

  it("end after their last day", () => {
    const token = replyToken(CASE, USER, new Date("2026-12-01T00:00:00Z"));
    expect(readReplyToken(token, new Date("2026-12-01T23:59:59Z"))).toMatchObject({ caseId: CASE });
    expect(readReplyToken(token, new Date("2026-12-02T00:00:00Z"))).toBe("expired");
  });

  it("refuse what is not a token", () => {
    expect(readReplyToken("", NOW)).toBe("malformed");
    expect(readReplyToken("abc", NOW)).toBe("malformed");
    expect(readReplyToken(`${replyToken(CASE, USER, null)}x`, NOW)).toBe("malformed");
    expect(readReplyToken("has space", NOW)).toBe("malformed");
    expect(tokenOfAddress("reply+abc@elsewhere.example", "reply.recourse.example")).toBeNull();
    expect(tokenOfAddress("someone@reply.recourse.example", "reply.recourse.example")).toBeNull();
  });
});
