/** Uploaded files, for the actions that take documents (not itself a Server Action module). */
import { checkAttachments } from "@/lib/cases/attachments";
import { ValidationError } from "@/lib/errors";

/** The uploaded files checked by content; a refusal names the files it refuses (`refusedFiles`). */
export async function checkedFiles(list: File[]) {
  const checked = await checkAttachments(await Promise.all(list.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) }))));
  if (checked.errors.length) throw new ValidationError({ files: checked.errors, ...(checked.refused.length ? { refusedFiles: checked.refused } : {}) });
  return checked.ok;
}
