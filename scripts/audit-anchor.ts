/**
 * `npm run audit:anchor`: writes a signed statement of every chain's head (lib/audit/anchor)
 * to stdout, or to `--out FILE`. The key is `--key FILE` or RECOURSE_ANCHOR_KEY_FILE (an
 * Ed25519 private key in PEM); `--new-key FILE` makes one (FILE, and its public key in
 * FILE.pub) and does nothing else. Keep the anchors where the database's users cannot reach
 * them; `npm run audit:verify -- --anchor FILE --public-key FILE.pub` checks history against one.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { createAnchor, newAnchorKeyPair, privateKeyOf } from "@/lib/audit/anchor";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const newKey = option("--new-key");
if (newKey) {
  if (existsSync(newKey)) {
    console.error(`[anchor] ${newKey} exists; not overwritten`);
    process.exit(2);
  }
  const pair = newAnchorKeyPair();
  writeFileSync(newKey, pair.privateKey, { mode: 0o600 });
  writeFileSync(`${newKey}.pub`, pair.publicKey);
  console.error(`[anchor] wrote ${newKey} (private: keep it off the database's machine) and ${newKey}.pub`);
  process.exit(0);
}

const keyFile = option("--key") ?? process.env.RECOURSE_ANCHOR_KEY_FILE;
if (!keyFile) {
  console.error("usage: npm run audit:anchor -- --key FILE [--out FILE]   (or RECOURSE_ANCHOR_KEY_FILE)\n       npm run audit:anchor -- --new-key FILE");
  process.exit(2);
}
const key = privateKeyOf(readFileSync(keyFile));
const database = await openDatabase();
try {
  const anchor = await createAnchor(database.db, key);
  const text = `${JSON.stringify(anchor)}\n`;
  const out = option("--out");
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const s = anchor.statement;
  console.error(`[anchor] ${Object.keys(s.events).length} case chains and the audit log (${s.auditLog ? `row ${s.auditLog.seq}` : "empty"}) at ${s.at}${out ? `: ${out}` : ""}`);
} finally {
  await database.close();
}
