import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { calendarDaysLeft } from "@/lib/ladder";

/** Days left to a due date, coloured: red when overdue or due within a day, amber within 7. */
export async function DeadlineBadge({ dueAt, now, zone = "UTC" }: { dueAt: Date; now: Date; zone?: string }) {
  const t = await getTranslations("ladder");
  const days = calendarDaysLeft(now, dueAt, zone);
  const overdue = now.getTime() > dueAt.getTime();
  const tone: Tone = overdue || days <= 1 ? "bad" : days <= 7 ? "warn" : "good";
  return <Badge tone={tone}>{overdue ? t("overdue", { count: Math.max(1, -days) }) : t("daysLeft", { count: days })}</Badge>;
}
