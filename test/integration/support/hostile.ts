/**
 * A corpus of hostile input (issue 8). Each entry says what Recourse must do with it:
 * refuse it with a field error ("refused"), or keep it as inert text exactly as given
 * ("verbatim": a name may contain a quote; it must never be executed or rendered as HTML).
 */
export interface HostileInput {
  label: string;
  value: unknown;
  expect: "refused" | "verbatim";
}

const XSS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<img/src=x/onerror=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<body onload=alert(1)>",
  "<div style=\"background:url(javascript:alert(1))\">",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<marquee onstart=alert(1)>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<form action=javascript:alert(1)><input type=submit>",
  "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
  "<link rel=stylesheet href=javascript:alert(1)>",
  "<base href=javascript:alert(1)//>",
  "<video><source onerror=alert(1)>",
  "<audio src=x onerror=alert(1)>",
  "<textarea autofocus onfocus=alert(1)>",
  "<keygen autofocus onfocus=alert(1)>",
  "<isindex action=javascript:alert(1) type=submit>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<ScRiPt>alert(1)</sCrIpT>",
  "< script >alert(1)</ script >",
  "<scr<script>ipt>alert(1)</script>",
  "<b onmouseover=alert(1)>hover</b>",
  "<p>innocent paragraph</p>",
  "<style>*{display:none}</style>",
  "<template><script>alert(1)</script></template>",
];

/** Text that is unusual but legitimate: it must come back exactly as written and do nothing. */
const INERT = [
  "Robert'); DROP TABLE cases;--",
  "' OR '1'='1",
  "\" OR \"\"=\"",
  "1; DELETE FROM users",
  "admin'--",
  "%27%20OR%201=1",
  "$(rm -rf /)",
  "`id`",
  "{{7*7}}",
  "${7*7}",
  "#{7*7}",
  "<%= 7*7 %>",
  "javascript:alert(1)",
  "Bitte an <Kundenservice> weiterleiten",
  "x<y and y>z",
  "data:text/html,alert(1)",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "C:\\Windows\\System32",
  "file:///etc/shadow",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;",
  "\\u003cscript\\u003e",
  "Zoë Ångström-Øvergård",
  "Łukasz Żółć",
  "Σωκράτης Παπαδόπουλος",
  "Владимир Иванов",
  "محمد عبد الله",
  "שרה כהן",
  "山田太郎",
  "김민준",
  "Nguyễn Văn A",
  "e\u0301 (combining accent)",
  "👩‍💻 emoji name",
  "Ｆｕｌｌｗｉｄｔｈ",
  "ᴀᴅᴍɪɴ (small caps)",
  "pаypal (Cyrillic а)",
  "O'Brien",
  "Smith & Sons <anna@example.de>",
  "NULL",
  "undefined",
  "true",
  "0",
  "-1",
  "1e309",
  "NaN",
  "[object Object]",
  "__proto__",
  "constructor",
  "%s%s%s%n",
  "\\x00",
  "a".repeat(200),
];

/** Characters that can disguise text (Trojan Source, control codes). */
const DISGUISED = [
  "abc\u202Eevil\u202C",
  "\u202Dreversed",
  "\u2066isolate\u2069",
  "\u2067rtl isolate\u2069",
  "\u2068first strong\u2069",
  "\u202Aembedding\u202C",
  "\u202Bembedding\u202C",
  "null\u0000byte",
  "bell\u0007",
  "escape\u001B[31mred",
  "backspace\u0008",
  "form\u000Cfeed",
  "vertical\u000Btab",
  "delete\u007F",
  "unit\u001Fsep",
];

const OVERSIZED = (max: number) => [
  { label: `${max + 1} characters`, value: "x".repeat(max + 1) },
  { label: "a megabyte", value: "y".repeat(1_048_576) },
];

const WRONG_TYPES = [
  { label: "a number", value: 42 },
  { label: "an object", value: { $gt: "" } },
  { label: "an array", value: ["a", "b"] },
  { label: "null", value: null },
  { label: "a boolean", value: true },
];

/** Entries for one plain-text field of at most `max` characters. */
export function textFieldCorpus(max: number, { minLength = 0 } = {}): HostileInput[] {
  // Padded past the minimum, however the emoji and accents in it are counted.
  const fit = (s: string) => (minLength && s.length < minLength + 10 ? s.padEnd(minLength + 10, ".") : s);
  return [
    ...XSS.map((v) => ({ label: `markup ${v.slice(0, 30)}`, value: fit(v), expect: "refused" as const })),
    ...DISGUISED.map((v) => ({ label: `disguised ${JSON.stringify(v).slice(0, 30)}`, value: fit(v), expect: "refused" as const })),
    ...OVERSIZED(max).map((e) => ({ ...e, expect: "refused" as const })),
    ...WRONG_TYPES.map((e) => ({ ...e, expect: "refused" as const })),
    ...INERT.filter((v) => v.length <= max).map((v) => ({ label: `inert ${v.slice(0, 30)}`, value: fit(v), expect: "verbatim" as const })),
  ];
}

export const EMAIL_CORPUS: HostileInput[] = [
  "not-an-email",
  "a@b",
  "anna@example.de<script>",
  "anna@example.de\r\nBcc: victim@example.com",
  "anna@example.de%0ABcc:victim@example.com",
  "\"<script>\"@example.de",
  "anna@@example.de",
  "@example.de",
  "anna@",
  "anna@-example.de",
  "anna@example..de",
  " ",
  "x".repeat(330) + "@example.de",
  "anna@exa mple.de",
  "anna@example.de,bob@example.de",
].map((v) => ({ label: `email ${JSON.stringify(v).slice(0, 30)}`, value: v, expect: "refused" as const }));

export const ENUM_CORPUS: { field: string; value: unknown }[] = [
  { field: "country", value: "XX" },
  { field: "country", value: "US" },
  { field: "country", value: "de; DROP TABLE" },
  { field: "country", value: 49 },
  { field: "preferredLanguage", value: "xx" },
  { field: "preferredLanguage", value: "../en" },
  { field: "dataSubject", value: "other" },
  { field: "framework", value: "eu-us-ps; --" },
  { field: "hrData", value: "yes" },
  { field: "hrData", value: 1 },
  { field: "principles", value: ["notice", "<script>"] },
  { field: "principles", value: "notice" },
  { field: "principles", value: [] },
  { field: "reliefSought", value: ["monetary"] },
  { field: "reliefSought", value: [{ kind: "access" }] },
  { field: "priorContactDate", value: "2026-13-45x" },
  { field: "priorContactDate", value: "yesterday" },
  { field: "idempotencyKey", value: "not-a-uuid" },
  { field: "idempotencyKey", value: "' OR 1=1 --" },
  { field: "consent", value: "true" },
  { field: "consent", value: false },
  { field: "organisationSlug", value: "x".repeat(201) },
  { field: "organisationSlug", value: "../../admin" },
];
