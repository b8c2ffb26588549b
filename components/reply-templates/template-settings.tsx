import { getTranslations } from "next-intl/server";
import { removeReplyTemplate, saveReplyTemplate } from "@/lib/actions/organisation-actions";
import { PLACEHOLDERS } from "@/lib/organisations/reply-templates";
import { ActionForm, FormInput, FormTextarea } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

interface Template {
  id: string;
  name: string;
  body: string;
}

/** One template's form: a new one when `template` is absent. */
async function TemplateForm({ organisationId, template }: { organisationId: string; template?: Template }) {
  const t = await getTranslations("settings");
  const busy = (await getTranslations("common"))("busy");
  const prefix = `template-${template?.id ?? "new"}`;
  // Each form names its fields and button with its template: the page holds one per template, and one for a new one.
  const which = <span className="sr-only"> ({template?.name ?? t("addTemplate")})</span>;
  return (
    <ActionForm action={saveReplyTemplate} idPrefix={prefix} fields={{ organisationId, templateId: template?.id }} doneText={t("saved")} labels={{ name: t("templateName"), body: t("templateBody") }} className="space-y-2">
      <Field id={fieldId(prefix, "name")} label={<>{t("templateName")}{which}</>}>
        <FormInput name="name" required maxLength={100} defaultValue={template?.name} className={inputClass} />
      </Field>
      <Field id={fieldId(prefix, "body")} label={<>{t("templateBody")}{which}</>}>
        <FormTextarea name="body" required rows={5} maxLength={10_000} defaultValue={template?.body} className={inputClass} />
      </Field>
      <SubmitButton busyLabel={busy}>
        {t("saveTemplate")}
        {which}
      </SubmitButton>
    </ActionForm>
  );
}

/** The organisation's reply templates: its admins edit them, the rest of the team reads them. */
export async function TemplateSettings({ organisationId, templates, canEdit }: { organisationId: string; templates: Template[]; canEdit: boolean }) {
  const t = await getTranslations("settings");
  const busy = (await getTranslations("common"))("busy");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("templatesLead", { placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ") })}</p>
      {!canEdit ? <p className="text-sm text-slate-700">{t("templatesReadOnly")}</p> : null}
      {templates.length ? null : <p className="text-sm text-slate-700">{t("noTemplates")}</p>}
      <ul className="space-y-4">
        {templates.map((template) => (
          <li key={template.id} className="rounded-md p-3 ring-1 ring-slate-200">
            {canEdit ? (
              <>
                <TemplateForm organisationId={organisationId} template={template} />
                <details className="mt-2 max-w-full rounded-md ring-1 ring-slate-300">
                  <summary className="cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-red-800" aria-label={`${t("deleteTemplate")} ${template.name}`}>
                    {t("deleteTemplate")}
                  </summary>
                  <ActionForm action={removeReplyTemplate} idPrefix={`template-delete-${template.id}`} fields={{ organisationId, templateId: template.id }} className="max-w-md space-y-2 p-2">
                    <p className="text-sm text-slate-700">{t("confirmDeleteTemplate", { name: template.name })}</p>
                    <SubmitButton busyLabel={busy} variant="danger" className="min-h-8 px-2 py-1">
                      {t("deleteTemplate")}
                    </SubmitButton>
                  </ActionForm>
                </details>
              </>
            ) : (
              <>
                <h3 className="font-semibold">{template.name}</h3>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{template.body}</p>
              </>
            )}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <section aria-labelledby="template-new-title" className="rounded-md p-3 ring-1 ring-slate-200">
          <h3 id="template-new-title" className="mb-2 font-semibold">
            {t("addTemplate")}
          </h3>
          <TemplateForm organisationId={organisationId} />
        </section>
      ) : null}
    </div>
  );
}
