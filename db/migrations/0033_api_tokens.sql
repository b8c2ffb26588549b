CREATE TYPE "public"."api_token_scope" AS ENUM('read', 'act');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"provider_id" uuid,
	"name" text NOT NULL,
	"scope" "api_token_scope" NOT NULL,
	"token_sha256" text NOT NULL,
	"hint" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_sha256_unique" UNIQUE("token_sha256"),
	CONSTRAINT "api_tokens_one_owner" CHECK (("api_tokens"."organisation_id" is null) <> ("api_tokens"."provider_id" is null))
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_organisation" ON "api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "api_tokens_provider" ON "api_tokens" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_idempotency" ON "case_events" USING btree ("case_id","idempotency_key") WHERE idempotency_key IS NOT NULL;