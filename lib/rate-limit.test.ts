/** Which address a limit may trust (RECOURSE_TRUSTED_PROXIES) and which keys a request counts against. */
import { describe, expect, it } from "vitest";
import { clientAddress, limitsFor } from "./rate-limit";

const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });

describe("the client's address", () => {
  it("is ignored when no proxy is trusted: a client can write any X-Forwarded-For", () => {
    expect(clientAddress(headers("203.0.113.7"), 0)).toBeNull();
  });
  it("is the entry the trusted proxy appended, however many a client sent before it", () => {
    expect(clientAddress(headers("1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });
  it("is unknown when fewer entries came than proxies are trusted", () => {
    expect(clientAddress(headers(""), 1)).toBeNull();
  });
});

describe("the keys a request counts against", () => {
  it("the target address always (normalised), the client's address when known", () => {
    expect(limitsFor("sign-in", " Anna@Example.DE ", null, 5, 20)).toEqual([{ key: "sign-in:to:anna@example.de", perMinute: 5 }]);
    expect(limitsFor("sign-in", "anna@example.de", "203.0.113.7", 5, 20)).toEqual([
      { key: "sign-in:to:anna@example.de", perMinute: 5 },
      { key: "sign-in:from:203.0.113.7", perMinute: 20 },
    ]);
  });
});
