ALTER TABLE "cases" ADD COLUMN "waiting_on" text;--> statement-breakpoint
-- Every case so far is projected once more by the sweep (lib/deadlines/sweep.ts), which asks the ladder who it waits on.
UPDATE "cases" SET "waiting_on" = 'unprojected';--> statement-breakpoint
CREATE INDEX "cases_waiting_on_unprojected" ON "cases" USING btree ("id") WHERE waiting_on = 'unprojected';--> statement-breakpoint
-- The queue's views count from the index alone, "waiting on the complainant" among them.
-- (Written by hand: drizzle's index builder has no INCLUDE. db/schema.ts names the same index.)
DROP INDEX IF EXISTS "cases_org_queue";--> statement-breakpoint
CREATE INDEX "cases_org_queue" ON "cases" USING btree ("organisation_id", "status", "next_due_at")
  INCLUDE ("rung", "framework", "hr_data", "assignee_user_id", "created_at", "owed_by", "waiting_on");
