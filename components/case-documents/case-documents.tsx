import { getFormatter, getTranslations } from "next-intl/server";
import { uploadEvidence } from "@/lib/actions/correspondence-actions";
import type { Party } from "@/lib/ladder";
import type { DocumentEntry } from "@/lib/cases/attachments";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormInput } from "@/components/forms/action-form";

/** The case's documents with their SHA-256, and an upload form while the case is open (unless `readOnly`, where they are read to decide). */
export async function CaseDocuments({ caseId, party, documents, closed, readOnly = false }: { caseId: string; party: Party; documents: DocumentEntry[]; closed: boolean; readOnly?: boolean }) {
  const busy = (await getTranslations("common"))("busy");
  const t = await getTranslations("caseExtra");
  const tf = await getTranslations("filing");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      {documents.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {documents.map((d) => (
            <li key={d.id} className="py-2">
              <a href={`/api/cases/${caseId}/attachments/${d.id}`} download className="font-medium underline">
                {d.filename}
              </a>{" "}
              <span className="text-slate-600">
                ({format.number(Math.ceil(d.size / 1024))} KB · {format.dateTime(d.createdAt, { dateStyle: "medium" })})
              </span>
              <span className="block break-all font-mono text-xs text-slate-600">
                {t("sha")} {d.sha256}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("noDocuments")}</p>
      )}
      {!closed && !readOnly ? (
        <ActionForm action={uploadEvidence} idPrefix="evidence" fields={{ caseId, party }} doneText={t("uploaded")} labels={{ files: t("upload") }} className="space-y-2">
          <label htmlFor="evidence-files" className="block text-sm font-medium">
            {t("upload")}
          </label>
          <p id="evidence-hint" className="text-sm text-slate-600">
            {tf("filesHint")}
          </p>
          <FormInput name="files" type="file" multiple required aria-describedby="evidence-hint" accept=".pdf,.png,.jpg,.jpeg,.txt" className="block text-sm" />
          <SubmitButton busyLabel={busy} variant="secondary">
            {t("upload")}
          </SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}
