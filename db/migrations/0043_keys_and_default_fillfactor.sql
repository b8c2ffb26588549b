-- Rows about cases and people that are gone (none where erasure ran as it should) would stop the keys.
DELETE FROM "clock_notices" n WHERE NOT EXISTS (SELECT 1 FROM "cases" c WHERE c.id = n.case_id);--> statement-breakpoint
DELETE FROM "outbox" o WHERE o.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "cases" c WHERE c.id = o.case_id);--> statement-breakpoint
DELETE FROM "outbox" o WHERE o.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u.id = o.user_id);--> statement-breakpoint
ALTER TABLE "case_search" ADD CONSTRAINT "case_search_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_notices" ADD CONSTRAINT "clock_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" RESET (fillfactor);
