ALTER TYPE "public"."membership_role" ADD VALUE 'dpa_officer';--> statement-breakpoint
ALTER TYPE "public"."provider_kind" ADD VALUE 'national_dpa';