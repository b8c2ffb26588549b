ALTER TABLE "certifications" ADD COLUMN "certified_on" date;--> statement-breakpoint
ALTER TABLE "certifications" ADD COLUMN "recertification_due" date;