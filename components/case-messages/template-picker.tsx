"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { REPLY_BOX, TEMPLATE_TARGET } from "@/components/keyboard-shortcuts/targets";

interface Props {
  templates: { id: string; name: string; body: string }[];
  selected?: string;
  action: string;
  keep: Record<string, string>;
  labels: { template: string; none: string; use: string; inserted: string };
}

/**
 * Picks a reply template, filled from the case. With JavaScript it goes into the reply box
 * last written in (after what is already typed, which is never replaced); without, the form
 * asks the page again with the template filled into the message box.
 */
export function TemplatePicker({ templates, selected, action, keep, labels }: Props) {
  const select = useRef<HTMLSelectElement>(null);
  const [said, setSaid] = useState("");
  useEffect(() => {
    document.addEventListener("focusin", rememberFocus);
    return () => document.removeEventListener("focusin", rememberFocus);
  }, []);
  const insert = (event: FormEvent<HTMLFormElement>) => {
    const template = templates.find((t) => t.id === select.current?.value);
    const boxes = [...document.querySelectorAll<HTMLTextAreaElement>(`textarea[${TEMPLATE_TARGET}]`)];
    const box = boxes.find((b) => b.dataset.lastFocused === "1") ?? (document.getElementById(REPLY_BOX) as HTMLTextAreaElement | null);
    if (!template || !box) return;
    event.preventDefault();
    const typed = box.value.trimEnd();
    // Through the element's own setter, so the form library sees the change as typing.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(box, typed ? `${typed}\n\n${template.body}` : template.body);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
    const label = box.labels?.[0]?.textContent ?? "";
    setSaid(labels.inserted.replace("{name}", template.name).replace("{box}", label));
  };
  return (
    <form method="get" action={`${action}#messages`} onSubmit={insert} className="flex flex-wrap items-end gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="reply-template" className="block text-sm font-medium">
          {labels.template}
        </label>
        <select ref={select} id="reply-template" name="template" defaultValue={selected ?? ""} className={inputClass}>
          <option value="">{labels.none}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-10 rounded-md px-3 py-2 text-sm font-medium ring-1 ring-slate-300">
        {labels.use}
      </button>
      <p role="status" className="w-full text-sm text-slate-700">
        {said}
      </p>
    </form>
  );
}

/** Remembers which reply box was written in last, for the template to go into. */
function rememberFocus(event: FocusEvent) {
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement) || !target.hasAttribute(TEMPLATE_TARGET)) return;
  for (const box of document.querySelectorAll<HTMLTextAreaElement>(`textarea[${TEMPLATE_TARGET}]`)) delete box.dataset.lastFocused;
  target.dataset.lastFocused = "1";
}
