import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { redirect } from "next/navigation";
import { messageBody } from "@/lib/cases/filing-schema";
import { ANONYMOUS } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { idleState, many, runFormAction, type ActionContext, type Command } from "./pipeline";

const schema = z.object({
  caseId: z.uuid({ message: "invalid" }),
  body: messageBody,
  email: z.email({ message: "invalid_email" }),
  remedies: many(z.enum(["deletion", "access"])),
});

const CASE_ID = "5b0f3c2e-8f9a-4c1d-9e2b-3a4d5e6f7a8b";

function form(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

/** The request's context as the pipeline hands it on; these commands never use the database. */
const context: ActionContext = { actor: ANONYMOUS, db: null as never, now: new Date("2026-03-01T10:00:00Z"), meta: { ip: null, userAgent: "test" }, locale: "en" };

function run(command: Command<z.output<typeof schema>>, data: FormData, resolve = vi.fn(async () => context)) {
  return { state: runFormAction(schema, command, idleState, data, resolve), resolve };
}

const valid = (): [string, string][] => [
  ["caseId", CASE_ID],
  ["body", "Hello"],
  ["email", "anna@example.de"],
];

afterEach(() => vi.restoreAllMocks());

describe("the action pipeline", () => {
  it("keeps every field error, every message of each field, and does not run the command", async () => {
    const command = vi.fn(async () => "respond");
    const { state, resolve } = run(command, form([["caseId", "not-a-uuid"], ["body", "<b>hi</b>\u0007"], ["email", "nope"], ["remedies", "bribe"]]));
    const result = await state;
    expect(result.status).toBe("error");
    expect(result.fieldErrors).toEqual({ caseId: ["invalid"], body: ["invalid_characters", "no_markup"], email: ["invalid_email"], "remedies.0": ["invalid"] });
    expect(command).not.toHaveBeenCalled();
    expect(resolve).not.toHaveBeenCalled();
  });

  it("echoes what the user typed, repeated fields as lists, never files", async () => {
    const file = new File(["%PDF-1.4"], "a.pdf", { type: "application/pdf" });
    const result = await run(async () => "respond", form([["caseId", CASE_ID], ["body", "<b>hi</b>"], ["email", "anna@example.de"], ["remedies", "deletion"], ["remedies", "access"], ["files", file]])).state;
    expect(result.values).toEqual({ caseId: CASE_ID, body: "<b>hi</b>", email: "anna@example.de", remedies: ["deletion", "access"] });
    expect(result.fieldErrors).toEqual({ body: ["no_markup"] });
  });

  it("resolves the context once, runs the command with the parsed input, and says what was done", async () => {
    const command = vi.fn<Command<z.output<typeof schema>>>(async () => "respond");
    const { state, resolve } = run(command, form([...valid(), ["remedies", "access"]]));
    const result = await state;
    expect(result).toEqual({ status: "done", values: {}, fieldErrors: {}, done: "respond", attempt: 1 });
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(command.mock.calls[0]![0]).toEqual({ caseId: CASE_ID, body: "Hello", email: "anna@example.de", remedies: ["access"] });
    expect(command.mock.calls[0]![1]).toBe(context);
  });

  it("hands back what a command gives back", async () => {
    const result = await runFormAction(schema, async () => ({ done: "filed", result: { reference: "RC-2026-0001" } }), undefined, form(valid()), async () => context);
    expect(result).toMatchObject({ status: "done", done: "filed", result: { reference: "RC-2026-0001" } });
  });

  it("counts the answers", async () => {
    const first = await runFormAction(schema, async () => "x", idleState, form(valid()), async () => context);
    const second = await runFormAction(schema, async () => "x", first, form(valid()), async () => context);
    expect(second.attempt).toBe(2);
  });

  it.each([
    ["ValidationError", new ValidationError({ files: ["file_too_large", "too_many_files"] }), { fieldErrors: { files: ["file_too_large", "too_many_files"] } }],
    ["ZodError", z.object({ role: z.enum(["a"]) }).safeParse({ role: "b" }).error!, { fieldErrors: { role: ["invalid"] } }],
    ["RuleError", new RuleError({ code: "organisation_deadline_running", params: { date: new Date("2026-04-15T00:00:00Z") } }), { formError: { kind: "rule", reason: "organisation_deadline_running", params: { date: new Date("2026-04-15T00:00:00Z") } } }],
    ["ConflictError", new ConflictError(4), { formError: { kind: "conflict" } }],
    ["NotFoundError", new NotFoundError(), { formError: { kind: "not_found" } }],
    ["ForbiddenError", new ForbiddenError(), { formError: { kind: "not_found" } }],
  ])("maps a %s once, keeping what was typed", async (_name, error, expected) => {
    const result = await run(async () => Promise.reject(error), form(valid())).state;
    expect(result).toEqual({ status: "error", values: Object.fromEntries(valid()), fieldErrors: {}, attempt: 1, ...expected });
  });

  it("logs an unknown error with a reference and tells the user only the reference", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await run(async () => {
      throw new Error("connection string postgres://secret@db");
    }, form(valid())).state;
    expect(result.formError).toEqual({ kind: "internal", ref: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const ref = (result.formError as { ref: string }).ref;
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(ref), expect.objectContaining({ message: "connection string postgres://secret@db" }));
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("lets a redirect from the command through to Next.js", async () => {
    await expect(run(async () => redirect("/en/cases"), form(valid())).state).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
