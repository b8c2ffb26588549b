/** Reply templates filled from a case: each placeholder by its value, and one full stop at a sentence's end. */
import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "./reply-templates";

const values = { complainant_name: "Anna Beispiel", reference: "RC-1", company: "mParticle, Inc.", due_date: "6. März 2027" };

describe("fillPlaceholders", () => {
  it("fills each placeholder Recourse knows and leaves any other as written", () => {
    expect(fillPlaceholders("Dear {{complainant_name}}, about {{reference}} and {{ticket}}.", values)).toBe("Dear Anna Beispiel, about RC-1 and {{ticket}}.");
  });

  it("a name that ends with its own full stop ends the sentence with one", () => {
    expect(fillPlaceholders("Your complaint against {{company}}.", values)).toBe("Your complaint against mParticle, Inc.");
    expect(fillPlaceholders("{{company}} will answer.", values)).toBe("mParticle, Inc. will answer.");
  });
});
