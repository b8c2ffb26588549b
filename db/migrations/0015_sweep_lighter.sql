ALTER TABLE "notifications" DROP CONSTRAINT IF EXISTS "notifications_user_id_users_id_fk";
--> statement-breakpoint
DROP INDEX IF EXISTS "outbox_to";--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN IF NOT EXISTS "remind_at" timestamp with time zone;--> statement-breakpoint
-- Each running clock's next reminder not yet sent, by the policy of the day (7 and 1 days
-- before; lib/deadlines/reminder-instants.ts computes it from now on).
UPDATE "deadlines" d SET "remind_at" = (
  SELECT d.due_at - make_interval(days => max(t) + 1) FROM unnest(ARRAY[7, 1]) AS t
  WHERE d.due_at - make_interval(days => t + 1) > d.started_at + interval '1 day'
    AND NOT EXISTS (SELECT 1 FROM clock_notices n WHERE n.case_id = d.case_id AND n.clock_id = d.clock_id AND n.due_at = d.due_at AND n.threshold_days <= t)
) WHERE d.state = 'running';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deadlines_remind" ON "deadlines" USING btree ("remind_at") WHERE state = 'running' AND remind_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deadlines_missed_remedies" ON "deadlines" USING btree ("due_at") WHERE kind = 'remedy' AND state = 'missed';
