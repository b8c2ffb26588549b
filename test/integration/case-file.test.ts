/** The case file's two variants (issue: workspaces): for the record, and to share. */
import { describe, expect, it } from "vitest";
import { checkAttachments } from "@/lib/cases/attachments";
import { caseFileContents, caseFilePdf } from "@/lib/cases/case-file";
import { fileCase } from "@/lib/cases/commands";
import { listEvidence, postMessage } from "@/lib/cases/correspondence";
import { getCaseDetail } from "@/lib/cases/queries";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.each(KINDS)("the case file on %s", (kind) => {
  const db = seededDatabase(kind);

  it("for the record holds the internal note and its document, marked; to share holds only the thread the complainant reads", async () => {
    const { caseId } = await fileCase(db(), filing({ email: `case-file-${kind}@example.eu` }), NOW);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const later = new Date(NOW.getTime() + 3_600_000);
    const { ok: note } = await checkAttachments([{ name: "internal-memo.pdf", bytes: PDF }]);
    const { ok: shared } = await checkAttachments([{ name: "answer.pdf", bytes: PDF }]);
    await postMessage(db(), staff, caseId, { body: "Legal thinks we should settle.", visibility: "internal", documents: note }, later);
    await postMessage(db(), staff, caseId, { body: "We have deleted your profile.", visibility: "complainant", documents: shared }, later);
    const detail = await getCaseDetail(db(), staff, caseId, later);
    const documents = await listEvidence(db(), staff, caseId);

    const record = caseFileContents(detail, documents, "record");
    expect(record.messages.map((m) => [m.body, m.visibility])).toEqual(expect.arrayContaining([["Legal thinks we should settle.", "internal"], ["We have deleted your profile.", "complainant"]]));
    expect(record.documents.map((d) => d.filename).sort()).toEqual(["answer.pdf", "internal-memo.pdf"]);
    const share = caseFileContents(detail, documents, "share");
    expect(share.messages.map((m) => m.body)).toEqual(["We have deleted your profile."]);
    expect(share.documents.map((d) => d.filename)).toEqual(["answer.pdf"]);

    // Tagged for screen readers, in the reader's language, titled by its variant.
    const words = { t: (key: string) => key, date: (d: Date) => d.toISOString() };
    const pdf = (await caseFilePdf(detail, documents, words, later, "share", "de")).toString("latin1");
    expect(pdf.startsWith("%PDF-1.7")).toBe(true);
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toMatch(/\/Lang \(de\)/);
    expect(pdf).toContain("/Subject");
    expect(pdf).toContain("/DisplayDocTitle true");
  });
});
