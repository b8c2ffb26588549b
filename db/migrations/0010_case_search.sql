CREATE TABLE "case_search" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_email" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "case_search" ("case_id", "organisation_id", "reference", "complainant_name", "complainant_email")
SELECT "id", "organisation_id", "reference", "complainant_name", "complainant_email" FROM "cases";--> statement-breakpoint
DROP INDEX "cases_org_reference_trgm";--> statement-breakpoint
DROP INDEX "cases_org_complainant_name_trgm";--> statement-breakpoint
DROP INDEX "cases_org_complainant_email_trgm";--> statement-breakpoint
ALTER TABLE "case_search" ADD CONSTRAINT "case_search_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_search_org_reference_trgm" ON "case_search" USING gin ("organisation_id","reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_search_org_complainant_name_trgm" ON "case_search" USING gin ("organisation_id","complainant_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_search_org_complainant_email_trgm" ON "case_search" USING gin ("organisation_id","complainant_email" gin_trgm_ops);--> statement-breakpoint
-- The search row goes with the case, whichever way the case is written.
CREATE FUNCTION case_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_search (case_id, organisation_id, reference, complainant_name, complainant_email)
  VALUES (NEW.id, NEW.organisation_id, NEW.reference, NEW.complainant_name, NEW.complainant_email)
  ON CONFLICT (case_id) DO UPDATE SET organisation_id = excluded.organisation_id, reference = excluded.reference,
    complainant_name = excluded.complainant_name, complainant_email = excluded.complainant_email;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER case_search_row AFTER INSERT OR UPDATE OF organisation_id, reference, complainant_name, complainant_email ON cases
FOR EACH ROW EXECUTE FUNCTION case_search_row();
