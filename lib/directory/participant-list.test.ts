/** The official list's dates: ISO or the U.S. list's month-first form, a real calendar day either way. */
import { describe, expect, it } from "vitest";
import { listDate } from "./participant-list";

describe("a participant list's date", () => {
  it.each([
    ["2026-03-01", "2026-03-01"],
    ["3/1/2026", "2026-03-01"],
    ["12/31/2026", "2026-12-31"],
  ])("reads %s as %s", (raw, day) => expect(listDate(raw)).toBe(day));

  it.each(["2026-02-30", "13/45/2026", "2026-13-01", "45/13/2026", "0/0/2026", "1.3.2026", "", "tomorrow"])("refuses %j as no calendar day", (raw) => expect(listDate(raw)).toBeNull());
});
