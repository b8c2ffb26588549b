ALTER TABLE "case_bodies" ADD COLUMN "handover" jsonb;--> statement-breakpoint
ALTER TABLE "case_bodies" ADD COLUMN "handover_sha256" text;