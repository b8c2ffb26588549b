ALTER TABLE "certifications" ADD COLUMN "status_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "certifications" ADD COLUMN "status_source" text;--> statement-breakpoint
UPDATE "certifications" SET "status_since" = "updated_at", "status_source" = 'seed: company policy';--> statement-breakpoint
ALTER TABLE "certifications" ALTER COLUMN "status_source" SET NOT NULL;
