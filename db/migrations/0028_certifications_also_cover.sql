ALTER TABLE "certifications" ADD COLUMN "also_covers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Customer Portfolios' EU-U.S. Privacy Shield policy names the United Kingdom beside the EU (DOMAIN.md §7).
UPDATE "certifications" SET "also_covers" = ARRAY['GB'] WHERE "framework" = 'eu-us-ps' AND "organisation_id" IN (SELECT "id" FROM "organisations" WHERE "slug" = 'customer-portfolios');
