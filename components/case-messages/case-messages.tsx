import { getFormatter, getTranslations } from "next-intl/server";
import { sendMessage } from "@/lib/actions/correspondence-actions";
import type { MessageEntry } from "@/lib/cases/queries";
import { WRITABLE } from "@/lib/cases/correspondence";
import type { Party } from "@/lib/ladder";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormInput, FormSelect, FormTextarea } from "@/components/forms/action-form";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { DocumentEntry } from "@/lib/cases/attachments";
import { eventName, partyName, type DpaBody } from "@/components/case-status/case-status";
import { REPLY_BOX, TEMPLATE_TARGET } from "@/components/keyboard-shortcuts/targets";
import { TemplatePicker } from "./template-picker";

interface Templates {
  /** The organisation's templates to pick from. */
  list: { id: string; name: string; body: string }[];
  /** The one picked, filled from the case on the server: it starts the reply box. */
  filled?: { id: string; name: string; body: string };
  /** Where the picker sends the choice (this case's page, keeping its other parameters). */
  action: string;
  keep: Record<string, string>;
}

/**
 * The case's messages this party may read, each with the documents it carried, and a form to
 * write to the audiences it may address, with documents; the company's team may start from a
 * reply template.
 */
export async function CaseMessages({ caseId, party, dpa = "panel", irm = "", zone, messages, documents, closed, templates }: { caseId: string; party: Party; dpa?: DpaBody; irm?: string; zone: string; messages: MessageEntry[]; documents: DocumentEntry[]; closed: boolean; templates?: Templates }) {
  const busy = (await getTranslations("common"))("busy");
  const t = await getTranslations("caseExtra");
  const audiences = WRITABLE[party] ?? [];
  return (
    <div className="space-y-4">
      <MessageList caseId={caseId} reader={party} dpa={dpa} irm={irm} zone={zone} messages={messages} documents={documents} />
      {!closed && audiences.length && templates?.list.length ? (
        <TemplatePicker
          templates={templates.list}
          selected={templates.filled?.id}
          action={templates.action}
          keep={templates.keep}
          labels={{ template: t("template"), none: t("noTemplate"), use: t("useTemplate"), inserted: t.raw("templateInserted") as string }}
        />
      ) : null}
      {!closed && audiences.length ? (
        <ActionForm
          action={sendMessage}
          idPrefix="message"
          fields={{ caseId, party, visibility: audiences.length > 1 ? undefined : audiences[0] }}
          doneText={t("sent")}
          // Sent, the reply box starts empty again: the template's parameter is left behind.
          doneHref={templates?.filled ? `${templates.action}?${new URLSearchParams(templates.keep)}` : undefined}
          labels={{ body: t("message"), visibility: t("audience"), files: t("attach") }}
          className="space-y-2"
        >
          {templates?.filled ? <Notice tone="info">{t("templateFilled", { name: templates.filled.name })}</Notice> : null}
          <label htmlFor={REPLY_BOX} className="block text-sm font-medium">
            {t("message")}
          </label>
          {/* Keyed by the template: another pick starts the box afresh. */}
          <FormTextarea key={templates?.filled?.id ?? "blank"} {...{ [TEMPLATE_TARGET]: "" }} name="body" rows={templates?.filled ? 8 : 3} required maxLength={10_000} defaultValue={templates?.filled?.body} className={inputClass} />
          <label htmlFor="message-files" className="block text-sm font-medium">
            {t("attach")}
          </label>
          <p id="message-files-hint" className="text-sm text-slate-600">
            {(await getTranslations("filing"))("filesHint")}
          </p>
          <FormInput name="files" type="file" multiple aria-describedby="message-files-hint" accept=".pdf,.png,.jpg,.jpeg,.txt" className="block text-sm" />
          <div className="flex flex-wrap items-end gap-3">
            {audiences.length > 1 ? (
              <div>
                <label htmlFor="message-visibility" className="block text-sm font-medium">
                  {t("audience")}
                </label>
                <FormSelect name="visibility" className={inputClass}>
                  {audiences.map((v) => (
                    <option key={v} value={v}>
                      {t(`visibility.${v}` as "visibility.internal")}
                    </option>
                  ))}
                </FormSelect>
              </div>
            ) : null}
            <SubmitButton busyLabel={busy}>{t("send")}</SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}

/** Messages as a party reads them: each signed, dated, headed by the step it was written with, with its documents. */
/** `zone`: the case's (its company's), in which every instant on the case is written. */
export async function MessageList({ caseId, reader, dpa, irm = "", zone, messages, documents, empty }: { caseId: string; reader: Party; dpa: DpaBody; irm?: string; zone: string; messages: MessageEntry[]; documents: DocumentEntry[]; empty?: string }) {
  const t = await getTranslations("caseExtra");
  const tc = await getTranslations("case");
  const tp = await getTranslations("party");
  const te = await getTranslations("events");
  const format = await getFormatter();
  return (
    <>
      {messages.length ? (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li
              key={m.id}
              data-step={m.step ?? undefined}
              className={
                m.visibility === "internal" ? "rounded-md bg-amber-50 p-3 ring-1 ring-amber-200"
                : m.step ? "rounded-md border-l-4 border-slate-800 bg-white p-3 ring-1 ring-slate-300"
                : "rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
              }
            >
              {m.step ? <p className="mb-1 text-sm font-semibold text-slate-900">{m.step === "organisation.responded" ? t("formalResponse") : t("withStep", { step: eventName(te, m.step.replace(".", "_"), dpa, irm) })}</p> : null}
              <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-semibold text-slate-800">{m.authorName ? t("signedBy", { name: m.authorName, party: partyName(tp, m.authorParty, reader, dpa) }) : partyName(tp, m.authorParty, reader, dpa)}</span>
                <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, "instant", { timeZone: zone })}</time>
                {m.visibility !== "complainant" ? <Badge tone={m.visibility === "internal" ? "warn" : "info"}>{t(`visibility.${m.visibility}` as "visibility.internal")}</Badge> : null}
              </p>
              <p className="whitespace-pre-wrap text-sm text-slate-900">{m.body}</p>
              {documents.some((d) => d.messageId === m.id) ? (
                <ul className="mt-2 text-sm" aria-label={t("documents")}>
                  {documents
                    .filter((d) => d.messageId === m.id)
                    .map((d) => (
                      <li key={d.id}>
                        <a href={`/api/cases/${caseId}/attachments/${d.id}`} download className="font-medium underline">
                          {d.filename}
                        </a>
                      </li>
                    ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{empty ?? tc("noMessages")}</p>
      )}
    </>
  );
}
