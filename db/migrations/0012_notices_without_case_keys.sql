ALTER TABLE "notifications" DROP CONSTRAINT IF EXISTS "notifications_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT IF EXISTS "outbox_case_id_cases_id_fk";
