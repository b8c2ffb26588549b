import type { FilingInput } from "@/lib/cases/filing-schema";

/** The filing form's steps and the fields each one validates before moving on. */
export const STEPS = [
  { id: "you", fields: ["name", "email", "country", "preferredLanguage", "dataSubject"] },
  { id: "company", fields: ["hrData", "workCountry", "companyIdentifier", "exporter", "transferReason"] },
  { id: "what", fields: ["principles", "description"] },
  { id: "want", fields: ["reliefSought", "priorContactDate", "priorContactOutcome", "otherSteps"] },
  { id: "send", fields: ["consent", "files"] },
] as const satisfies readonly { id: string; fields: readonly (keyof FilingInput | "files")[] }[];

export type StepId = (typeof STEPS)[number]["id"];

export function stepOfField(field: string): number {
  const index = STEPS.findIndex((s) => (s.fields as readonly string[]).includes(field));
  return index < 0 ? 0 : index;
}

/** What a person may ask for: the remedies of R2.4 that concern them (not sanctions). */
export const RELIEF_CHOICES = ["access", "correct", "delete", "stop_processing", "return_data", "reverse_effects", "compensation"] as const;
