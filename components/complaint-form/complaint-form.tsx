"use client";
/**
 * The complaint form: five short steps, one zod schema with the server, a draft kept in this
 * browser, and one case however often it is submitted (the draft's idempotency key).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { filingSchema, type FilingInput } from "@/lib/cases/filing-schema";
import { filingFramework } from "@/lib/ladder/routing";
import { PRINCIPLES } from "@/lib/ladder/principles";
import type { Certification } from "@/lib/ladder/certification";
import { submitComplaint, type SentComplaint } from "@/lib/actions/filing-actions";
import { Button } from "@/components/ui/button";
import { Field, FieldSet, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FiledPanel } from "./filed-panel";
import { RELIEF_CHOICES, STEPS, stepOfField } from "./steps";

const MAX_FILES = 5;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface Props {
  organisation: { slug: string; name: string };
  certifications: Certification[];
  countries: { code: string; name: string }[];
  /** Today (the server's clock, ISO): the framework a complaint filed now runs under depends on it (R1.1). */
  today: string;
}

type Values = Omit<FilingInput, "consent"> & { consent: boolean };

function emptyDraft(slug: string, locale: string): Partial<Values> {
  return {
    idempotencyKey: crypto.randomUUID(),
    organisationSlug: slug,
    preferredLanguage: locale as Values["preferredLanguage"],
    dataSubject: "self",
    principles: [],
    reliefSought: [],
    consent: false,
    name: "",
    email: "",
    description: "",
  };
}

export function ComplaintForm({ organisation, certifications, countries, today }: Props) {
  const t = useTranslations("filing");
  const te = useTranslations("errors");
  const tl = useTranslations("ladder");
  const format = useFormatter();
  const locale = useLocale();
  const draftKey = `recourse:draft:${organisation.slug}`;
  const [step, setStep] = useState(0);
  /** A step opened by "Change" from the check-your-answers step: "Next" goes back there. */
  const [fromReview, setFromReview] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<SentComplaint | null>(null);
  const [resent, setResent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const form = useForm<Values>({
    resolver: zodResolver(filingSchema) as never,
    defaultValues: emptyDraft(organisation.slug, locale),
    // Validate on "Next" and on submit, not on blur: a blur that removes an error line above
    // the button would move it between mouse-down and mouse-up and swallow the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, handleSubmit, formState, setError, clearErrors, getValues, setValue, reset, control } = form;
  const errors = formState.errors as Record<string, { message?: string } | undefined>;

  // A draft survives a reload (files cannot be kept by the browser and are added again).
  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey);
    if (saved) {
      try {
        reset({ ...emptyDraft(organisation.slug, locale), ...JSON.parse(saved) });
      } catch {
        window.localStorage.removeItem(draftKey);
      }
    }
  }, [draftKey, organisation.slug, locale, reset]);
  const values = useWatch({ control });
  useEffect(() => {
    if (done?.kind !== "filed" && formState.isDirty) window.localStorage.setItem(draftKey, JSON.stringify(values));
  }, [values, draftKey, done, formState.isDirty]);

  const filing = useMemo(() => (values.country ? filingFramework(certifications, values.country, new Date(today)) : null), [values.country, certifications, today]);

  useEffect(() => heading.current?.focus(), [step, done]);

  const message = (key?: string) => (key ? (te.has(key as "invalid") ? te(key as "invalid") : te("invalid")) : null);
  const fieldError = (name: string) => message(errors[name]?.message);
  // Residence and, for HR data, the country of work are chosen from the same covered countries.
  const countryOptions = countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
  const aria = (name: string, hint = false) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined,
  });

  /** Checks this step's fields with the shared schema; every error of the step is shown at once. */
  function next() {
    const fields = STEPS[step]!.fields.filter((f) => f !== "files") as FieldPath<Values>[];
    const result = filingSchema.safeParse(getValues());
    const issues = result.success ? [] : result.error.issues.filter((i) => fields.includes(String(i.path[0]) as FieldPath<Values>));
    clearErrors(fields);
    for (const issue of issues) setError(String(issue.path[0]) as FieldPath<Values>, { message: issue.message }, { shouldFocus: issue === issues[0] });
    if (issues.length) return;
    // A refusal's summary spoke of the answers as they were sent; moving on leaves it behind.
    setFormError(null);
    setStep((s) => (fromReview ? STEPS.length - 1 : Math.min(s + 1, STEPS.length - 1)));
    setFromReview(false);
  }

  function chooseFiles(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    setFileError(chosen.length > MAX_FILES ? te("too_many_files") : chosen.some((f) => f.size > MAX_FILE_BYTES) ? te("file_too_large") : null);
    setFiles(chosen);
  }

  const onSubmit = handleSubmit(async (data) => {
    setFormError(null);
    if (fileError) return;
    const body = new FormData();
    body.set("payload", JSON.stringify(data));
    // From the waiting screen: the person asks for the link again, so a new one must go out.
    if (done?.kind === "confirm") body.set("resend", "1");
    for (const file of files) body.append("files", file);
    const result = await submitComplaint(undefined, body);
    if (result.status === "done" && result.result) {
      // A filed case needs no draft; one waiting for its confirmation keeps it until then.
      if (result.result.kind === "filed") window.localStorage.removeItem(draftKey);
      setResent(done?.kind === "confirm");
      setDone(result.result);
      return;
    }
    const { _form: formErrors, refusedFiles, ...fieldErrors } = result.fieldErrors;
    const entries = Object.entries(fieldErrors);
    for (const [field, codes] of entries) {
      if (field === "files") setFileError(refusedFiles?.length ? t("fileRefused", { names: refusedFiles.join(", "), reason: message(codes[0]) ?? "" }) : message(codes[0]));
      else setError(field as FieldPath<Values>, { message: codes[0] });
    }
    if (entries.length) setStep(Math.min(...entries.map(([f]) => stepOfField(f))));
    const refused = result.formError;
    if (refused?.kind === "internal") setFormError(te("internal", { ref: refused.ref }));
    else if (refused?.kind === "rule") setFormError(message(refused.reason));
    else if (refused || formErrors) setFormError(message("invalid"));
    else if (entries.length) setFormError(t("fixErrors"));
  });

  if (done?.kind === "filed") {
    return <FiledPanel {...done} caseId={done.signedIn ? done.caseId : null} heading={heading} />;
  }
  if (done?.kind === "confirm") {
    return (
      <section aria-labelledby="pending-title" className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-sky-300">
        <h2 id="pending-title" ref={heading} tabIndex={-1} className="text-2xl font-bold text-sky-900">
          {t("pendingTitle")}
        </h2>
        <p className="text-lg">{t("pendingSent", { email: done.email })}</p>
        <p>{t("pendingWhy", { organisation: done.organisationName })}</p>
        <p className="text-slate-700">{t("pendingUntil", { date: new Date(done.expiresAt) })}</p>
        {resent ? <Notice tone="good">{t("pendingResent")}</Notice> : null}
        {formError ? (
          <Notice tone="bad" alert>
            {formError}
          </Notice>
        ) : null}
        <p className="text-sm text-slate-700">{t("pendingNoMail")}</p>
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting || undefined}>
            {t("pendingResend")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setDone(null);
              setResent(false);
              setFromReview(true);
              setStep(0);
              setTimeout(() => document.getElementById("email")?.focus());
            }}
          >
            {t("pendingChange")}
          </Button>
        </form>
      </section>
    );
  }

  const current = STEPS[step]!.id;
  // The answers as the last step shows them, each group with a way back to its step.
  const countryName = (code?: string) => countries.find((c) => c.code === code)?.name ?? "—";
  const shown = (text?: string | null) => (text && text.trim() ? text : "—");
  const review: { step: number; rows: [string, string][] }[] = [
    {
      step: 0,
      rows: [
        [t("name"), shown(values.name)],
        [t("email"), shown(values.email)],
        [t("country"), countryName(values.country)],
        [t("language"), { en: "English", de: "Deutsch", fr: "Français" }[values.preferredLanguage ?? "en"] ?? "—"],
        [t("dataSubject"), t(values.dataSubject === "child" ? "dataSubjectChild" : "dataSubjectSelf")],
      ],
    },
    {
      step: 1,
      rows: [
        [t("hrData"), values.hrData === undefined ? "—" : t(values.hrData ? "hrYes" : "hrNo")],
        ...(values.hrData ? [[t("workCountry"), values.workCountry ? countryName(values.workCountry) : t("workCountrySame")] as [string, string]] : []),
        [t("companyIdentifier"), shown(values.companyIdentifier)],
        [t("exporter"), shown(values.exporter)],
        [t("transferReason"), shown(values.transferReason)],
      ],
    },
    {
      step: 2,
      rows: [
        [t("principles"), (values.principles ?? []).map((p) => t(`principle.${p}.label` as "principle.notice.label")).join("; ") || "—"],
        [t("description"), shown(values.description)],
      ],
    },
    {
      step: 3,
      rows: [
        [t("relief"), (values.reliefSought ?? []).map((r) => t(`reliefKind.${r}` as "reliefKind.access")).join("; ") || "—"],
        [t("priorContactDate"), shown(values.priorContactDate)],
        [t("priorContactOutcome"), shown(values.priorContactOutcome)],
        [t("otherSteps"), shown(values.otherSteps)],
      ],
    },
  ];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-labelledby="step-title">
      <p className="text-sm text-slate-700">{t("draftHint")}</p>
      <ol className="flex flex-wrap gap-2 text-xs" aria-label={t("stepOf", { current: step + 1, total: STEPS.length })}>
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={i === step ? "step" : undefined} className={i === step ? "rounded-full bg-brand-700 px-3 py-1 font-semibold text-white" : "rounded-full bg-slate-200 px-3 py-1 text-slate-800"}>
            {i + 1}. {t(`steps.${s.id}`)}
          </li>
        ))}
      </ol>
      <h2 id="step-title" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {t("stepOf", { current: step + 1, total: STEPS.length })}: {t(`steps.${current}`)}
      </h2>
      {formError ? (
        <Notice tone="bad" alert>
          {formError}
        </Notice>
      ) : null}

      <div hidden={current !== "you"} className="space-y-4">
        <Field id="name" label={t("name")} error={fieldError("name")}>
          <input id="name" autoComplete="name" className={inputClass} {...register("name")} {...aria("name")} />
        </Field>
        <Field id="email" label={t("email")} hint={t("emailHint")} error={fieldError("email")}>
          <input id="email" type="email" autoComplete="email" className={inputClass} {...register("email")} {...aria("email", true)} />
        </Field>
        <Field id="country" label={t("country")} error={fieldError("country")}>
          <select id="country" autoComplete="country" className={inputClass} {...register("country")} {...aria("country")}>
            <option value="">{t("chooseCountry")}</option>
            {countryOptions}
          </select>
        </Field>
        {values.country ? (
          <p className="text-sm" role="status">
            {filing ? t("frameworkInferred", { framework: tl(`framework.${filing.framework}`) }) : <span className="font-medium text-red-800">{t("frameworkNone", { organisation: organisation.name })}</span>}
            {filing && filing.certified !== filing.framework ? <> {t("frameworkSuccessor", { organisation: organisation.name, certified: tl(`framework.${filing.certified}`) })}</> : null}
          </p>
        ) : null}
        <Field id="preferredLanguage" label={t("language")} error={fieldError("preferredLanguage")}>
          <select id="preferredLanguage" className={inputClass} {...register("preferredLanguage")}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
            <option value="fr">Français</option>
          </select>
        </Field>
        <FieldSet id="dataSubject" legend={t("dataSubject")} error={fieldError("dataSubject")}>
          {(["self", "child"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" value={v} {...register("dataSubject")} />
              {t(v === "self" ? "dataSubjectSelf" : "dataSubjectChild")}
            </label>
          ))}
        </FieldSet>
      </div>

      <div hidden={current !== "company"} className="space-y-4">
        <FieldSet id="hrData" legend={t("hrData")} hint={t("hrHint")} error={fieldError("hrData")}>
          {[true, false].map((v) => (
            <label key={String(v)} className="flex items-center gap-2">
              <input type="radio" name="hrData" value={String(v)} checked={values.hrData === v} onChange={() => setValue("hrData", v, { shouldDirty: true, shouldValidate: formState.isSubmitted })} />
              {t(v ? "hrYes" : "hrNo")}
            </label>
          ))}
        </FieldSet>
        {values.hrData === true ? (
          <Field id="workCountry" label={t("workCountry")} hint={t("workCountryHint")} error={fieldError("workCountry")}>
            <select id="workCountry" className={inputClass} {...register("workCountry")} {...aria("workCountry", true)}>
              <option value="">{t("workCountrySame")}</option>
              {countryOptions}
            </select>
          </Field>
        ) : null}
        <Field id="companyIdentifier" label={t("companyIdentifier")} hint={t("companyIdentifierHint")} error={fieldError("companyIdentifier")}>
          <input id="companyIdentifier" className={inputClass} {...register("companyIdentifier")} {...aria("companyIdentifier", true)} />
        </Field>
        <Field id="exporter" label={t("exporter")} error={fieldError("exporter")}>
          <input id="exporter" className={inputClass} {...register("exporter")} {...aria("exporter")} />
        </Field>
        <Field id="transferReason" label={t("transferReason")} error={fieldError("transferReason")}>
          <textarea id="transferReason" rows={3} className={inputClass} {...register("transferReason")} {...aria("transferReason")} />
        </Field>
      </div>

      <div hidden={current !== "what"} className="space-y-4">
        <FieldSet id="principles" legend={t("principles")} error={fieldError("principles")}>
          {PRINCIPLES.map((p) => (
            <label key={p} className="flex items-start gap-2 rounded-md p-2 ring-1 ring-slate-200">
              <input type="checkbox" value={p} className="mt-1" {...register("principles")} />
              <span>
                <span className="font-medium">{t(`principle.${p}.label`)}</span>
                <span className="block text-sm text-slate-700">{t(`principle.${p}.hint`)}</span>
              </span>
            </label>
          ))}
        </FieldSet>
        <Field id="description" label={t("description")} hint={t("descriptionHint")} error={fieldError("description")}>
          <textarea id="description" rows={8} className={inputClass} {...register("description")} {...aria("description", true)} />
        </Field>
      </div>

      <div hidden={current !== "want"} className="space-y-4">
        <FieldSet id="reliefSought" legend={t("relief")} error={fieldError("reliefSought")}>
          <div className="grid gap-2 sm:grid-cols-2">
            {RELIEF_CHOICES.map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input type="checkbox" value={r} {...register("reliefSought")} />
                {t(`reliefKind.${r}`)}
              </label>
            ))}
          </div>
        </FieldSet>
        <Field id="priorContactDate" label={t("priorContactDate")} hint={t("priorContactHint")} error={fieldError("priorContactDate")}>
          <input id="priorContactDate" type="date" className={inputClass} {...register("priorContactDate")} {...aria("priorContactDate", true)} />
        </Field>
        <Field id="priorContactOutcome" label={t("priorContactOutcome")} error={fieldError("priorContactOutcome")}>
          <textarea id="priorContactOutcome" rows={3} className={inputClass} {...register("priorContactOutcome")} {...aria("priorContactOutcome")} />
        </Field>
        <Field id="otherSteps" label={t("otherSteps")} error={fieldError("otherSteps")}>
          <textarea id="otherSteps" rows={2} className={inputClass} {...register("otherSteps")} {...aria("otherSteps")} />
        </Field>
      </div>

      <div hidden={current !== "send"} className="space-y-4">
        <section aria-labelledby="review-title" className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
          <h3 id="review-title" className="text-base font-semibold text-slate-900">
            {t("reviewTitle")}
          </h3>
          <p className="mb-3 text-sm text-slate-700">{t("reviewLead")}</p>
          {review.map((group) => (
            <div key={group.step} className="border-t border-slate-200 py-2 first-of-type:border-t-0">
              <div className="flex items-center justify-between gap-2">
                <h4 className="text-sm font-semibold text-slate-800">{t(`steps.${STEPS[group.step]!.id}`)}</h4>
                <button type="button" className="rounded px-2 py-1 text-sm font-medium text-brand-800 underline" onClick={() => {
                    setFromReview(true);
                    setFormError(null);
                    setStep(group.step);
                  }} aria-label={`${t("change")}: ${t(`steps.${STEPS[group.step]!.id}`)}`}>
                  {t("change")}
                </button>
              </div>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
                {group.rows.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-600">{label}</dt>
                    <dd className="whitespace-pre-line break-words text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
        <Field id="files" label={t("files")} hint={t("filesHint")} error={fileError}>
          <input
            id="files"
            type="file"
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
            onChange={(e) => chooseFiles(e.target.files)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={["files-hint", fileError ? "files-error" : ""].filter(Boolean).join(" ")}
            className="block text-sm"
          />
        </Field>
        {files.length ? (
          <ul className="text-sm text-slate-700">
            {files.map((f) => (
              <li key={f.name}>
                {f.name} ({format.number(Math.ceil(f.size / 1024))} KB)
              </li>
            ))}
          </ul>
        ) : null}
        <FieldSet id="consent" legend={t("steps.send")} error={fieldError("consent")}>
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" {...register("consent")} aria-invalid={errors.consent ? true : undefined} />
            <span>{t("consent", { organisation: organisation.name })}</span>
          </label>
        </FieldSet>
      </div>

      <div className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
        <Button type="button" variant="secondary" onClick={() => {
            setFromReview(false);
            setFormError(null);
            setStep((s) => Math.max(0, s - 1));
          }} disabled={step === 0}>
          {t("back")}
        </Button>
        {/* Distinct keys: React must replace the button, not turn the clicked "Next" into a submit button mid-click (which sent the form, and showed the last step's errors at once). */}
        {step < STEPS.length - 1 ? (
          <Button key="next" type="button" onClick={next}>
            {fromReview ? t("backToReview") : t("next")}
          </Button>
        ) : (
          <Button key="submit" type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("sending") : t("submit")}
          </Button>
        )}
      </div>
    </form>
  );
}
