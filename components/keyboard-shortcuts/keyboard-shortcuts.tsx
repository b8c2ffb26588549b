"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ASSIGN_ME, BULK_ASSIGNEE, BULK_FORM, QUEUE_CASE, REPLY_BOX } from "./targets";

const KEYS = { queue: ["j", "k", "Enter", "a", "?"], case: ["a", "r", "?"] } as const;

/** Keys typed into a field are the field's: no shortcut fires there. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function moveInQueue(step: 1 | -1) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(`a[${QUEUE_CASE}]`)];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step))]!;
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

/** The focused queue case, alone, assigned to the person through the bulk form. */
function assignFocusedToMe(me: string) {
  const caseId = (document.activeElement as HTMLElement | null)?.getAttribute(QUEUE_CASE);
  const form = document.getElementById(BULK_FORM) as HTMLFormElement | null;
  const assignee = document.getElementById(BULK_ASSIGNEE) as HTMLSelectElement | null;
  if (!caseId || !form || !assignee || ![...assignee.options].some((o) => o.value === me)) return;
  for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"]`)) box.checked = box.name === "cases" && box.dataset.caseId === caseId;
  assignee.value = me;
  form.requestSubmit();
}

/**
 * Keyboard shortcuts for the queue (j/k between cases, Enter opens, a assigns the focused one
 * to me) and the case page (a assigns it to me, r goes to the reply box); ? lists them in a
 * dialog. Never while typing in a field, nor with a modifier (the browser's own shortcuts).
 */
export function KeyboardShortcuts({ page, me }: { page: "queue" | "case"; me: string }) {
  const t = useTranslations("shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog.current?.open) return;
      const act: Record<string, (() => void) | undefined> =
        page === "queue"
          ? { j: () => moveInQueue(1), k: () => moveInQueue(-1), a: () => assignFocusedToMe(me) }
          : { a: () => document.getElementById(ASSIGN_ME)?.click(), r: () => document.getElementById(REPLY_BOX)?.focus() };
      act["?"] = () => dialog.current?.showModal();
      const run = act[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [page, me]);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="hidden text-sm underline sm:inline" aria-keyshortcuts="?">
        {t("open")}
      </button>
      <dialog ref={dialog} aria-labelledby="shortcuts-title" className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50">
        <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
          {t("title")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {KEYS[page].map((key) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded bg-slate-100 px-2 py-0.5 font-mono ring-1 ring-slate-300">{key}</kbd>
              </dt>
              <dd>{t(`${page}.${key === "?" ? "help" : key === "Enter" ? "enter" : key}` as "queue.j")}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t("notInFields")}</p>
        <form method="dialog" className="mt-4">
          <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium ring-1 ring-slate-300" autoFocus>
            {t("close")}
          </button>
        </form>
      </dialog>
    </>
  );
}
