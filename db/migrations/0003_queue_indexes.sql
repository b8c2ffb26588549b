CREATE INDEX "cases_org_newest" ON "cases" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cases_reference_trgm" ON "cases" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_complainant_name_trgm" ON "cases" USING gin ("complainant_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_complainant_email_trgm" ON "cases" USING gin ("complainant_email" gin_trgm_ops);