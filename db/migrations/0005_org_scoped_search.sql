CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "cases_reference_trgm";--> statement-breakpoint
DROP INDEX "cases_complainant_name_trgm";--> statement-breakpoint
DROP INDEX "cases_complainant_email_trgm";--> statement-breakpoint
CREATE INDEX "cases_org_reference_trgm" ON "cases" USING gin ("organisation_id","reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_org_complainant_name_trgm" ON "cases" USING gin ("organisation_id","complainant_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_org_complainant_email_trgm" ON "cases" USING gin ("organisation_id","complainant_email" gin_trgm_ops);