-- The queue's views (needs response, overdue) and their counts read who owes the next step:
-- carrying `owed_by` in the queue index lets PostgreSQL count every view from the index alone.
-- (Written by hand: drizzle's index builder has no INCLUDE. db/schema.ts names the same index.)
DROP INDEX IF EXISTS "cases_org_queue";
--> statement-breakpoint
CREATE INDEX "cases_org_queue" ON "cases" USING btree ("organisation_id", "status", "next_due_at")
  INCLUDE ("rung", "framework", "hr_data", "assignee_user_id", "created_at", "owed_by");
