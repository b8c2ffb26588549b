/** The id of a form's field by its name, the same on the server (labels) and in the browser (the error summary). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
