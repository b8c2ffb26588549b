DROP INDEX "case_bodies_provider";--> statement-breakpoint
DROP INDEX "cases_body_views_unprojected";--> statement-breakpoint
ALTER TABLE "case_bodies" ADD COLUMN "view" text;--> statement-breakpoint
ALTER TABLE "case_bodies" ADD COLUMN "view_changes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_bodies" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
-- Each hand-over keeps the view its case had; the sweep projects every one again at once
-- (lib/deadlines/sweep.ts), which gives the body's own due date from the ladder.
UPDATE "case_bodies" b SET
  "view" = CASE WHEN ((c."body_views" -> b."rung") ->> 'until')::timestamptz < now() THEN (c."body_views" -> b."rung") ->> 'then' ELSE (c."body_views" -> b."rung") ->> 'view' END,
  "view_changes_at" = '-infinity'
FROM "cases" c WHERE c."id" = b."case_id";--> statement-breakpoint
CREATE INDEX "case_bodies_inbox" ON "case_bodies" USING btree ("provider_id","view","due_at","since" DESC NULLS LAST,"case_id");--> statement-breakpoint
CREATE INDEX "case_bodies_view_changes" ON "case_bodies" USING btree ("view_changes_at") WHERE view_changes_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "body_views";