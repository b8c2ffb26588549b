ALTER TABLE "cases" ADD COLUMN "body_views" jsonb;--> statement-breakpoint
-- A case never handed to a body is in no body's inbox; the others are projected by the sweep (lib/deadlines/sweep.ts).
UPDATE "cases" c SET "body_views" = '{}'::jsonb WHERE NOT EXISTS (SELECT 1 FROM "case_bodies" b WHERE b."case_id" = c."id");--> statement-breakpoint
CREATE INDEX "cases_body_views_unprojected" ON "cases" USING btree ("id") WHERE body_views IS NULL;
