-- The queue filters on step, framework, HR data and assignee and counts the matches: carrying
-- those columns in the queue indexes lets PostgreSQL filter and count from the index alone.
-- (Written by hand: drizzle's index builder has no INCLUDE. db/schema.ts names the same index.)
DROP INDEX IF EXISTS "cases_org_queue";
--> statement-breakpoint
CREATE INDEX "cases_org_queue" ON "cases" USING btree ("organisation_id", "status", "next_due_at")
  INCLUDE ("rung", "framework", "hr_data", "assignee_user_id", "created_at");
--> statement-breakpoint
-- "All statuses" in deadline order.
CREATE INDEX "cases_org_due" ON "cases" USING btree ("organisation_id", "next_due_at")
  INCLUDE ("status", "rung", "framework", "hr_data", "assignee_user_id", "created_at");
