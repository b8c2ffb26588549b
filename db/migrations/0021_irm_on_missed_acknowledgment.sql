ALTER TABLE "organisations" ADD COLUMN "irm_on_missed_acknowledgment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The three seed participants' policies send individuals to their IRM on no timely acknowledgment (DOMAIN.md §7).
UPDATE "organisations" SET "irm_on_missed_acknowledgment" = true WHERE "slug" IN ('sessionm', 'mparticle', 'customer-portfolios');
