/** Small builders for ladder tests: a case's facts from a list of dated events. */
import type { Certification } from "../certification";
import type { EventPayloads, EventType, LadderEvent, Party } from "../events";
import type { CaseFacts } from "../facts";
import type { CaseSubject } from "../routing";

export const at = (iso: string) => new Date(iso);

export function ev<T extends EventType>(type: T, iso: string, by: Party, data?: EventPayloads[T]): LadderEvent {
  return { type, at: at(iso), by, data: (data ?? {}) as EventPayloads[T] } as LadderEvent;
}

export const jamsCert: Certification = {
  framework: "eu-us-ps",
  status: "active",
  retainsFrameworkData: true,
  irm: { kind: "provider", providerId: "jams" },
  coversHrData: null,
};

export const subject = (over: Partial<CaseSubject> = {}): CaseSubject => ({
  framework: "eu-us-ps",
  hrData: false,
  complainantCountry: "DE",
  dataSubject: "self",
  ...over,
});

export function facts(events: LadderEvent[], over: Partial<CaseFacts> = {}): CaseFacts {
  return { subject: subject(), certification: jamsCert, events, ...over };
}

/** Filed at noon UTC on 10 January 2026 (a Saturday). */
export const FILED = "2026-01-10T12:00:00Z";
export const filed = () => ev("case.filed", FILED, "complainant");
