/**
 * The complaint form's one schema (DOMAIN.md §5), shared by the form in the browser and the
 * filing command on the server. Messages are keys into the `errors` namespace.
 */
import { z } from "zod";
import { COVERED_COUNTRIES, FRAMEWORK_IDS, PRINCIPLES, REMEDY_KINDS } from "@/lib/ladder";

export const LOCALES = ["en", "de", "fr"] as const;

/**
 * Markup a browser would act on: a tag of an HTML, SVG or MathML element (`<b>`, `</p>`,
 * `<svg/onload=…>`, `< script >`), or any tag carrying an event handler. Words in angle
 * brackets that name no element (`<Kundenservice>`, `<anna@example.de>`) are ordinary text.
 */
const ELEMENTS =
  "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|image|img|input|ins|isindex|kbd|keygen|label|legend|li|link|main|map|mark|marquee|math|menu|meta|meter|mglyph|mtext|nav|noembed|noscript|object|ol|optgroup|option|output|p|param|picture|plaintext|pre|progress|q|rp|rt|ruby|s|samp|script|section|select|slot|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|u|ul|use|var|video|wbr|xmp|animate|set|foreignobject";
const HTML_TAG = new RegExp(`<\\s*\\/?\\s*(?:${ELEMENTS})(?=[\\s/>])[^<>]*>|<[^<>]*[\\s/"']on[a-z]+\\s*=`, "i");

/**
 * Bidirectional overrides and isolates: they make text read differently from how it is
 * stored ("Trojan Source"); ordinary right-to-left writing never needs them typed.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Plain text: no control characters, no bidirectional overrides, no HTML tags. */
export const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "too_long" })
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v) && !BIDI_CONTROL.test(v), { message: "invalid_characters" })
    .refine((v) => !HTML_TAG.test(v), { message: "no_markup" });

/** A message on a case: plain text, 1 to 10,000 characters. */
export const messageBody = plain(10_000).pipe(z.string().min(1, { message: "required" }));

/** R2.1: the company's formal response says what it found and did: more than a word or two. */
export const formalResponseBody = messageBody.pipe(z.string().min(20, { message: "response_too_short" }));

export const filingSchema = z.object({
  idempotencyKey: z.string().uuid({ message: "invalid" }),
  organisationSlug: z.string().trim().min(1, { message: "required" }).max(200, { message: "too_long" }),
  framework: z.enum(FRAMEWORK_IDS, { message: "invalid" }).optional(),
  hrData: z.boolean({ message: "required" }),
  name: plain(200).pipe(z.string().min(1, { message: "required" })),
  email: z.string().trim().max(320, { message: "too_long" }).email({ message: "invalid_email" }),
  // Nothing chosen is a missing answer; anything else outside the list is a country not covered.
  country: z.enum(COVERED_COUNTRIES as [string, ...string[]], { error: (issue) => (issue.input === "" || issue.input === undefined ? "required" : "country_not_covered") }),
  preferredLanguage: z.enum(LOCALES, { message: "invalid" }),
  dataSubject: z.enum(["self", "child"], { message: "required" }),
  /** R1.3: HR complaints go to the DPA where the employee works; empty = where they live. */
  workCountry: z.union([z.literal(""), z.enum(COVERED_COUNTRIES as [string, ...string[]], { message: "country_not_covered" })]).optional(),
  companyIdentifier: plain(500).optional(),
  exporter: plain(500).optional(),
  transferReason: plain(2000).optional(),
  principles: z.array(z.enum(PRINCIPLES)).min(1, { message: "choose_one" }),
  description: plain(10_000).pipe(z.string().min(20, { message: "too_short" })),
  reliefSought: z.array(z.enum(REMEDY_KINDS)).min(1, { message: "choose_one" }),
  priorContactDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalid_date" })]).optional(),
  priorContactOutcome: plain(2000).optional(),
  otherSteps: plain(2000).optional(),
  consent: z.literal(true, { message: "consent_required" }),
});

export type FilingInput = z.infer<typeof filingSchema>;
