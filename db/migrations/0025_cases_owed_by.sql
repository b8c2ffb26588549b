ALTER TABLE "cases" ADD COLUMN "owed_by" text;--> statement-breakpoint
-- Existing cases: the party of the deadline their next due date already names (the next step re-projects it).
UPDATE "cases" c SET "owed_by" = (SELECT d."party" FROM "deadlines" d WHERE d."case_id" = c."id" AND d."due_at" = c."next_due_at" ORDER BY d."clock_id" LIMIT 1) WHERE c."next_due_at" IS NOT NULL;
