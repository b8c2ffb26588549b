import { Link } from "@/i18n/navigation";

export interface ViewLink {
  key: string;
  label: string;
  /** Left out where a count would say nothing (a choice of bodies). */
  count?: number;
  href: string;
  current: boolean;
}

/** Named views of a list as plain links (GET, so they work without JavaScript), each with its count. */
export function ViewNav({ label, views, testId }: { label: string; views: ViewLink[]; testId: string }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-2 text-sm" data-testid={testId}>
      {views.map((v) => (
        <Link
          key={v.key}
          href={v.href}
          aria-current={v.current ? "page" : undefined}
          className={`rounded-full px-3 py-1.5 no-underline ring-1 ${v.current ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-900 ring-slate-300"}`}
        >
          {v.label}
          {v.count === undefined ? null : <span className="tabular-nums"> ({v.count})</span>}
        </Link>
      ))}
    </nav>
  );
}
