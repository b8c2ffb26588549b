"use client";
import { Fragment, createContext, useActionState, useCallback, useContext, useEffect, useState, useSyncExternalStore, useTransition, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { idleState, type ActionState, type FormActionFn } from "@/lib/actions/action-state";
import { Notice } from "@/components/ui/notice";
import { fieldId } from "./field-id";

type Outcome = { tone: "good" | "warn"; text: string } | null;

/**
 * The page drawn again after a step, and what to say once it is: said before, the notice
 * would stand beside the page as it was (and a form that the step removes would take it along).
 */
function useRefreshThenSay() {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [waiting, setWaiting] = useState<Outcome>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (refreshing || !waiting) return;
    setOutcome(waiting);
    setWaiting(null);
  }, [refreshing, waiting]);
  const settle = useCallback(
    (next: Outcome, href?: string) => {
      setOutcome(null);
      setWaiting(next);
      startRefresh(() => (href ? router.replace(href, { scroll: false }) : router.refresh()));
    },
    [router],
  );
  return { outcome, settle, clear: useCallback(() => setOutcome(null), []) };
}

/** Where a page shows what its forms did: a step done or a conflict survives the refresh that follows. */
const OutcomeContext = createContext<(ReturnType<typeof useRefreshThenSay> & { conflictText?: string }) | null>(null);

export function ActionOutcomeProvider({ conflictText, children }: { conflictText?: string; children: ReactNode }) {
  const said = useRefreshThenSay();
  return <OutcomeContext.Provider value={{ ...said, conflictText }}>{children}</OutcomeContext.Provider>;
}

export function ActionOutcomeNotice() {
  const outcome = useContext(OutcomeContext)?.outcome;
  if (!outcome) return null;
  return (
    <Notice tone={outcome.tone} alert={outcome.tone !== "good"}>
      {outcome.text}
    </Notice>
  );
}

interface FormContextValue {
  state: ActionState<unknown>;
  prefix: string;
  /** The translated errors of a field. */
  errorsOf: (name: string) => string[];
}

const FormContext = createContext<FormContextValue | null>(null);

const noSubscription = () => () => {};
/** False while rendered on the server (and in a page without JavaScript), true once hydrated. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

export interface ActionFormProps<Result = undefined> {
  action: FormActionFn<Result>;
  /** The hidden fields the command needs (the page's language is added). */
  fields?: Record<string, string | number | null | undefined>;
  /** Makes the fields' ids (`fieldId(idPrefix, name)`), which the error summary links to. */
  idPrefix: string;
  /** The success notice. */
  doneText?: string;
  /**
   * The success notice as a message key (`namespace.key`), worded with what the command gave
   * back (`result`: a count, say); in place of `doneText`.
   */
  doneMessage?: string;
  /** Where the page goes once done, instead of being drawn again where it is (a one-off parameter dropped). */
  doneHref?: string;
  /** The fields' labels: the error summary names each field by its label and links to it. */
  labels?: Record<string, string>;
  /** Error texts that need more than a key (a range, a date), by error key; the rest come from `errors.*`. */
  errorTexts?: Record<string, string>;
  /** A secret the command hands back once (`result[field]`), shown read-only with its label and a note. */
  shownOnce?: { field: string; label: string; note: string };
  className?: string;
  children: ReactNode;
}

/**
 * A form through the action pipeline: its hidden fields, the outcome (done, a refusal in the
 * reader's language, a conflict, an internal error with its reference), a summary of every
 * field error linking to its field, each error beside its field, and what was typed kept.
 * Without JavaScript it is a plain form and the page comes back with the same state.
 */
export function ActionForm<Result = undefined>({ action, fields = {}, idPrefix, doneText, doneMessage, doneHref, labels = {}, errorTexts = {}, shownOnce, className, children }: ActionFormProps<Result>) {
  const locale = useLocale();
  const te = useTranslations("errors");
  const tr = useTranslations("reasons");
  const tf = useTranslations("forms");
  const tfi = useTranslations("filing");
  const tAny = useTranslations();
  const page = useContext(OutcomeContext);
  const own = useRefreshThenSay();
  const { settle, clear, outcome } = page ?? own;
  const hydrated = useHydrated();
  const [state, dispatch, pending] = useActionState<ActionState<Result>, FormData>(action, idleState);
  const conflict = page?.conflictText ?? te("conflict");
  const said = state.status === "done" && doneMessage ? tAny(doneMessage as never, (state.result ?? {}) as never) : doneText;

  // A step done or refused for a stale page: the page shows the case as it is now, and says why.
  useEffect(() => {
    if (state.status === "done") settle(said ? { tone: "good", text: said } : null, doneHref);
    else if (state.formError?.kind === "conflict") settle({ tone: "warn", text: conflict });
    // Only a new answer counts, not a new render or new texts.
  }, [state]);
  useEffect(() => {
    if (pending) clear();
  }, [pending, clear]);

  const errorText = (key: string) => errorTexts[key] ?? (te.has(key as "invalid") ? te(key as "invalid") : te("invalid"));
  // Refused uploads are named beside the reason (`refusedFiles`, from the file checks).
  const { refusedFiles, ...errorsByField } = state.fieldErrors;
  const errorsOf = (name: string) => (errorsByField[name] ?? []).map((key) => (name === "files" && refusedFiles?.length ? tfi("fileRefused", { names: refusedFiles.join(", "), reason: errorText(key) }) : errorText(key)));
  const fieldErrors = Object.entries(errorsByField);
  // Without JavaScript the page comes back with the answer and the form says it.
  const formError = state.formError;
  const secret = shownOnce && state.status === "done" ? (state.result as Record<string, unknown> | undefined)?.[shownOnce.field] : undefined;
  return (
    <form action={dispatch} className={className}>
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(fields).map(([name, value]) => (value === undefined || value === null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {!hydrated && state.status === "done" && said ? <Notice tone="good">{said}</Notice> : null}
      {!hydrated && formError?.kind === "conflict" ? (
        <Notice tone="warn" alert>
          {conflict}
        </Notice>
      ) : null}
      {!page && outcome ? (
        <Notice tone={outcome.tone} alert={outcome.tone !== "good"}>
          {outcome.text}
        </Notice>
      ) : null}
      {shownOnce && typeof secret === "string" ? (
        <div className="mb-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" role="status">
          <label htmlFor={`${idPrefix}-shown-once`} className="block text-sm font-medium text-slate-900">
            {shownOnce.label}
          </label>
          <div className="mt-1 flex gap-2">
            <input id={`${idPrefix}-shown-once`} readOnly value={secret} className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={secret} inputId={`${idPrefix}-shown-once`} />
          </div>
          <p className="mt-1 text-xs text-slate-700">{shownOnce.note}</p>
        </div>
      ) : null}
      {formError?.kind === "rule" ? (
        <Notice tone="warn" alert>
          {tr.has(formError.reason as "generic") ? tr(formError.reason as "generic", formError.params as Record<string, Date>) : tr("generic")}
        </Notice>
      ) : formError?.kind === "not_found" ? (
        <Notice tone="bad" alert>
          {te("not_found")}
        </Notice>
      ) : formError?.kind === "internal" ? (
        <Notice tone="bad" alert>
          {te("internal", { ref: formError.ref })}
        </Notice>
      ) : null}
      {fieldErrors.length ? (
        <div role="alert" className="mb-4 rounded-md bg-red-50 p-4 text-sm text-red-900 ring-1 ring-red-200">
          <p className="font-medium">{tf("fixErrors")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {/* A field with a label is named and linked (its errors stand beside it); any other error is said here. */}
            {fieldErrors.map(([name]) =>
              labels[name] ? (
                <li key={name}>
                  <a href={`#${fieldId(idPrefix, name)}`} className="underline">
                    {labels[name]}
                  </a>
                </li>
              ) : (
                errorsOf(name).map((text) => <li key={`${name}:${text}`}>{text}</li>)
              ),
            )}
          </ul>
        </div>
      ) : null}
      <FormContext.Provider value={{ state, prefix: idPrefix, errorsOf }}>
        {/* Laid out afresh after each answer: React resets a form after its action, and the fields' defaults are what was sent. */}
        <Fragment key={state.attempt}>{children}</Fragment>
      </FormContext.Provider>
    </form>
  );
}

/** Where the enclosing `ActionForm`'s last answer left it: idle, done, or refused. */
export function useActionFormStatus(): ActionState<unknown>["status"] {
  return useContext(FormContext)?.state.status ?? "idle";
}

function useField(name: string, id: string | undefined) {
  const form = useContext(FormContext);
  const fid = id ?? (form ? fieldId(form.prefix, name) : name);
  const errors = form?.errorsOf(name) ?? [];
  const sent = form?.state.status === "error" ? form.state.values[name] : undefined;
  return { fid, errors, sent, refused: form?.state.status === "error" };
}

function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(" ")}
    </p>
  );
}

const describedBy = (own: string | undefined, id: string, errors: string[]) => [own, errors.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Named<T> = Omit<T, "name"> & { name: string };

/** A text area of an `ActionForm`: its id, what was typed, and its error beside it. */
export function FormTextarea({ name, id, defaultValue, ...props }: Named<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { fid, errors, sent, refused } = useField(name, id);
  return (
    <>
      <textarea {...props} id={fid} name={name} defaultValue={refused ? (first(sent) ?? "") : defaultValue} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(props["aria-describedby"], fid, errors)} />
      <FieldError id={`${fid}-error`} errors={errors} />
    </>
  );
}

/** A select of an `ActionForm`. */
export function FormSelect({ name, id, defaultValue, ...props }: Named<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { fid, errors, sent, refused } = useField(name, id);
  return (
    <>
      <select {...props} id={fid} name={name} defaultValue={refused && sent !== undefined ? first(sent) : defaultValue} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(props["aria-describedby"], fid, errors)} />
      <FieldError id={`${fid}-error`} errors={errors} />
    </>
  );
}

/**
 * An input of an `ActionForm`. A checkbox or radio is one of a group: it is ticked again as it
 * was sent, and the group shows its error with `FormFieldError`.
 */
export function FormInput({ name, id, defaultValue, defaultChecked, ...props }: Named<InputHTMLAttributes<HTMLInputElement>>) {
  const choice = props.type === "checkbox" || props.type === "radio";
  const { fid, errors, sent, refused } = useField(name, id);
  if (choice) {
    const ticked = refused ? [sent ?? []].flat().includes(String(props.value)) : defaultChecked;
    return <input {...props} id={id} name={name} defaultChecked={ticked} />;
  }
  return (
    <>
      <input {...props} id={fid} name={name} defaultValue={props.type === "file" ? undefined : refused ? (first(sent) ?? "") : defaultValue} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(props["aria-describedby"], fid, errors)} />
      <FieldError id={`${fid}-error`} errors={errors} />
    </>
  );
}

/** The error of a group of checkboxes or radios, under the group; the summary links to it. */
export function FormFieldError({ name }: { name: string }) {
  const { fid, errors } = useField(name, undefined);
  return <FieldError id={fid} errors={errors} />;
}

/** Copies a shown-once secret (fiddly to select by hand on a phone); says so for a moment. */
function CopyButton({ text, inputId }: { text: string; inputId: string }) {
  const tf = useTranslations("forms");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="min-h-10 shrink-0 rounded-md px-3 py-2 text-sm font-medium ring-1 ring-slate-300"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          // No clipboard here (an insecure page, a refused permission): select it for the person to copy.
          (document.getElementById(inputId) as HTMLInputElement | null)?.select();
        }
      }}
    >
      <span aria-live="polite">{copied ? tf("copied") : tf("copy")}</span>
    </button>
  );
}
