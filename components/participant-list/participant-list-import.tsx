"use client";
import { useActionState, type ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { applyParticipantListAction, previewParticipantListAction, type ParticipantListPreview } from "@/lib/actions/participant-list-actions";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import type { ImportPlan, PlannedChange, RowRefusal } from "@/lib/directory/participant-list";
import type { FrameworkId } from "@/lib/ladder/frameworks";
import { Badge } from "@/components/ui/badge";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Upload, preview, confirm: the upload answers with what the list would change, and only
 * the confirmation (which says what will happen) applies it. A new upload starts afresh.
 */
export function ParticipantListImport({ maxMegabytes }: { maxMegabytes: number }) {
  const t = useTranslations("participantList");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, act] = useActionState<ActionState<ParticipantListPreview>, FormData>(previewParticipantListAction, idleState);
  const errors = (state.fieldErrors.list ?? []).map((k) => (te.has(k as "invalid") ? te(k as "invalid") : te("invalid")));
  return (
    <>
      <form action={act} className="mb-8 max-w-2xl space-y-4 rounded-md bg-white p-6 ring-1 ring-slate-200">
        <input type="hidden" name="locale" value={locale} />
        <FormError state={state} />
        <Field id="participant-list" label={t("fileLabel")} hint={t("fileHint", { max: maxMegabytes })} error={errors.join(" ") || null}>
          <input
            id="participant-list"
            name="list"
            type="file"
            accept=".csv,text/csv"
            className={inputClass}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={["participant-list-hint", errors.length ? "participant-list-error" : ""].filter(Boolean).join(" ")}
          />
        </Field>
        <SubmitButton busyLabel={t("reading")}>{t("preview")}</SubmitButton>
      </form>
      {state.status === "done" && state.result ? <PreviewAndConfirm key={state.attempt} {...state.result} /> : null}
    </>
  );
}

function FormError({ state }: { state: ActionState<unknown> }) {
  const t = useTranslations("participantList");
  const te = useTranslations("errors");
  const error = state.formError;
  if (!error) return null;
  return (
    <Notice tone={error.kind === "conflict" ? "warn" : "bad"} alert>
      {error.kind === "conflict" ? t("conflict") : error.kind === "internal" ? te("internal", { ref: error.ref }) : te("not_found")}
    </Notice>
  );
}

function PreviewAndConfirm({ plan, csv }: ParticipantListPreview) {
  const t = useTranslations("participantList");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, act] = useActionState<ActionState<ImportPlan>, FormData>(applyParticipantListAction, idleState);
  if (state.status === "done") {
    return (
      <Notice tone="good">
        <p className="font-medium">{t("applied", { added: plan.added.length, changed: plan.changes.length })}</p>
        <p className="mt-1">
          <Link href="/admin/certifications">{t("seeCertifications")}</Link> · <Link href="/directory">{t("seeDirectory")}</Link>
        </p>
      </Notice>
    );
  }
  const lapsing = plan.changes.filter((c) => c.kind === "status_changed" && !c.participant).length;
  const nothing = !plan.added.length && !plan.changes.length;
  return (
    <section aria-labelledby="import-preview-title" className="space-y-6">
      <div>
        <h2 id="import-preview-title" className="text-xl font-semibold">
          {t("previewTitle")}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("summary", { rows: plan.listed, added: plan.added.length, changed: plan.changes.length, unchanged: plan.unchanged, refused: plan.refused.length })}
        </p>
      </div>
      {plan.refused.length ? <Refused refused={plan.refused} /> : null}
      <Added plan={plan} />
      <Changes changes={plan.changes} />
      {plan.absent.length ? (
        <PreviewPart id="absent" title={t("absentTitle", { count: plan.absent.length })} lead={t("absentLead")}>
          <ul className="list-disc space-y-1 pl-5">
            {plan.absent.map((o) => (
              <li key={o.slug}>
                <Link href={`/directory/${o.slug}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </PreviewPart>
      ) : null}
      {plan.refused.length ? null : nothing ? (
        <Notice tone="info">{t("nothingToApply")}</Notice>
      ) : (
        <form action={act} className="max-w-2xl space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-300">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="csv" value={csv} />
          <input type="hidden" name="digest" value={plan.digest} />
          <FormError state={state} />
          {Object.keys(state.fieldErrors).length ? (
            <Notice tone="bad" alert>
              {Object.values(state.fieldErrors)
                .flat()
                .map((k) => (te.has(k as "invalid") ? te(k as "invalid") : te("invalid")))
                .join(" ")}
            </Notice>
          ) : null}
          <h2 className="text-lg font-semibold text-amber-950">{t("confirmTitle")}</h2>
          <p className="text-sm text-amber-950">{t("confirmConsequence", { added: plan.added.length, changed: plan.changes.length, lapsing })}</p>
          <SubmitButton busyLabel={t("applying")} variant={lapsing ? "danger" : "primary"}>
            {t("confirm")}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}

function PreviewPart({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`import-${id}`} className="rounded-md bg-white p-4 ring-1 ring-slate-200 sm:p-6">
      <h3 id={`import-${id}`} className="text-lg font-semibold">
        {title}
      </h3>
      {lead ? <p className="mb-3 mt-1 text-sm text-slate-700">{lead}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

function useFrameworks() {
  const tl = useTranslations("ladder");
  return (list: readonly FrameworkId[]) => list.map((f) => tl(`framework.${f}`)).join(", ");
}

function Refused({ refused }: { refused: RowRefusal[] }) {
  const t = useTranslations("participantList");
  return (
    <div role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-900 ring-1 ring-red-200 sm:p-6">
      <h3 className="text-lg font-semibold">{t("refusedTitle", { count: refused.length })}</h3>
      <p className="mb-2 mt-1">{t("refusedLead")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {refused.map((r) => (
          <li key={`${r.row}-${r.reason}`}>{t(`refused.${r.reason}`, { row: r.row, value: r.value ?? "" })}</li>
        ))}
      </ul>
    </div>
  );
}

function Added({ plan }: { plan: ImportPlan }) {
  const t = useTranslations("participantList");
  const tl = useTranslations("ladder");
  const frameworks = useFrameworks();
  if (!plan.added.length) return null;
  return (
    <PreviewPart id="added" title={t("addedTitle", { count: plan.added.length })} lead={t("addedLead")}>
      <ul className="space-y-2">
        {plan.added.map((o) => (
          <li key={o.name} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">{o.name}</span>
            <span className="text-sm text-slate-700">{frameworks(o.frameworks)}</span>
            <Badge tone={o.status === "active" ? "good" : "warn"}>{tl(`certStatus.${o.status}`)}</Badge>
          </li>
        ))}
      </ul>
    </PreviewPart>
  );
}

function Changes({ changes }: { changes: PlannedChange[] }) {
  const t = useTranslations("participantList");
  const tl = useTranslations("ladder");
  const format = useFormatter();
  const frameworks = useFrameworks();
  const day = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : t("noDate"));
  const statuses = changes.filter((c) => c.kind === "status_changed");
  const added = changes.filter((c) => c.kind === "certification_added");
  const dates = changes.filter((c) => c.kind === "dates_changed");
  // Each change names its organisation (linked to the directory) and framework, then what changes.
  const item = (c: PlannedChange, details: ReactNode) => (
    <li key={`${c.slug}-${c.framework}`}>
      <p className="font-medium">
        {c.slug ? (
          <Link href={`/directory/${c.slug}`} className="underline">
            {c.organisation}
          </Link>
        ) : (
          c.organisation
        )}{" "}
        — {frameworks([c.framework])}
      </p>
      {details}
    </li>
  );
  return (
    <>
      {statuses.length ? (
        <PreviewPart id="statuses" title={t("statusTitle", { count: statuses.length })}>
          <ul className="space-y-3">
            {statuses.map((c) =>
              item(
                c,
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {t("fromTo", { from: tl(`certStatus.${c.from}`), to: tl(`certStatus.${c.to}`) })}
                  {/* The French and German texts are long: on a phone the badge wraps rather than widening the page. */}
                  <Badge tone={c.participant ? "good" : "warn"} className="shrink! whitespace-normal!">
                    {c.participant ? t("filingOpen") : t("filingClosed")}
                  </Badge>
                </p>,
              ),
            )}
          </ul>
        </PreviewPart>
      ) : null}
      {added.length ? (
        <PreviewPart id="certifications" title={t("certificationsAddedTitle", { count: added.length })}>
          <ul className="space-y-3">{added.map((c) => item(c, <p className="text-sm text-slate-700">{tl(`certStatus.${c.status}`)}</p>))}</ul>
        </PreviewPart>
      ) : null}
      {dates.length ? (
        <PreviewPart id="dates" title={t("datesTitle", { count: dates.length })}>
          <ul className="space-y-3">
            {dates.map((c) =>
              item(
                c,
                <>
                  <p className="text-sm text-slate-700">{t("certifiedChange", { from: day(c.certifiedOn[0]), to: day(c.certifiedOn[1]) })}</p>
                  <p className="text-sm text-slate-700">{t("dueChange", { from: day(c.recertificationDue[0]), to: day(c.recertificationDue[1]) })}</p>
                </>,
              ),
            )}
          </ul>
        </PreviewPart>
      ) : null}
    </>
  );
}
