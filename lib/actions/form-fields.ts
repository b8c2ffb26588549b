/** A form's text fields as a plain object for zod (files and, unless kept, empty values left out). */
export function formFields(form: FormData, { keepEmpty = false, except = [] as string[] } = {}): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && (keepEmpty || entry[1] !== "") && !except.includes(entry[0])),
  );
}
