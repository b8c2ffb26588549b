ALTER TABLE "cases" ADD COLUMN "head_hash" text;--> statement-breakpoint
UPDATE cases c SET head_hash = (SELECT e.hash FROM case_events e WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1);
