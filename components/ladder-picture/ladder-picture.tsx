import { getTranslations } from "next-intl/server";

const RUNGS = ["organisation", "irm", "dpa_panel", "commerce", "arbitration"] as const;

/** The ladder as a picture: each rung, who sits on it and its clock, bottom to top. */
export async function LadderPicture() {
  const t = await getTranslations("ladder");
  const tl = await getTranslations("landing");
  return (
    <figure aria-labelledby="ladder-title">
      <figcaption id="ladder-title" className="mb-1 text-xl font-semibold">{tl("ladderTitle")}</figcaption>
      <p className="mb-4 text-slate-700">{tl("ladderLead")}</p>
      <ol className="relative space-y-3 border-l-4 border-brand-600 pl-6">
        {RUNGS.map((rung, index) => (
          <li key={rung} className="relative rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <span aria-hidden="true" className="absolute -left-[2.35rem] top-4 flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white">
              {index + 1}
            </span>
            <h3 className="font-semibold text-slate-900">{t(`rung.${rung}`)}</h3>
            <p className="text-sm text-slate-700">{t(`rungWho.${rung}`)}</p>
            <p className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-brand-800">
              <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2">
                <circle cx="8" cy="8" r="6.5" />
                <path d="M8 4.5V8l2.5 1.5" />
              </svg>
              {t(`rungClock.${rung}`)}
            </p>
          </li>
        ))}
      </ol>
      <p className="mt-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800">{tl("ftcNote")}</p>
    </figure>
  );
}
