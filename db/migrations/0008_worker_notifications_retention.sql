CREATE TABLE "calendar_feeds" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_sha256_unique" UNIQUE("token_sha256")
);
--> statement-breakpoint
CREATE TABLE "case_statistics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"framework" "framework" NOT NULL,
	"hr_data" boolean NOT NULL,
	"complainant_region" text NOT NULL,
	"filed_month" text NOT NULL,
	"closed_month" text,
	"highest_rung" text NOT NULL,
	"provider_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"closed_by" text,
	"breached_clocks" text[] DEFAULT '{}'::text[] NOT NULL,
	"remedies_ordered" integer DEFAULT 0 NOT NULL,
	"remedies_complied" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"erased_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_notices" (
	"case_id" uuid NOT NULL,
	"clock_id" text NOT NULL,
	"threshold_days" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"noticed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clock_notices_case_id_clock_id_due_at_threshold_days_pk" PRIMARY KEY("case_id","clock_id","due_at","threshold_days")
);
--> statement-breakpoint
ALTER TABLE "ftc_referrals" DROP CONSTRAINT "ftc_referrals_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "ftc_referrals" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD CONSTRAINT "case_statistics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_notices" ADD CONSTRAINT "clock_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_statistics_org" ON "case_statistics" USING btree ("organisation_id","filed_month");--> statement-breakpoint
ALTER TABLE "ftc_referrals" ADD CONSTRAINT "ftc_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
-- Retention is the one exception to append-only history: the erasure job (lib/retention)
-- sets recourse.erasure for its own transaction, removes a closed case whole, and leaves a
-- statistical record and an audit entry. Nothing else may update or delete an event.
CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('recourse.erasure', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Deadlines projected before this migration get their zone on the case's next event; the
-- sweep only reads the zone to format a date.
UPDATE deadlines d SET zone = o.time_zone FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = d.case_id AND d.party = 'organisation';
