-- A notice to a person becomes one row of outbox: in their bell (user_id, read_at) and, when
-- it has an address, mailed (to_email, status). The sweep wrote a bell item and a mail per
-- notice, two rows and six index entries; now one row and four (bench/README.md).
ALTER TABLE "outbox" ALTER COLUMN "to_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
-- A bell item and its mail shared their key: the mail takes the bell's owner and read time.
UPDATE "outbox" o SET "user_id" = n."user_id", "read_at" = n."read_at"
FROM "notifications" n WHERE n."dedupe_key" = o."dedupe_key";--> statement-breakpoint
-- Bell items that were not mailed keep their key (or one made from their id), kind and time.
INSERT INTO "outbox" ("dedupe_key", "to_email", "locale", "template", "params", "case_id", "user_id", "read_at", "status", "created_at")
SELECT coalesce(n."dedupe_key", 'bell:' || n."id"), NULL, coalesce(u."locale", 'en'), 'notice:' || n."kind", n."data"->'params', n."case_id", n."user_id", n."read_at", NULL, n."created_at"
FROM "notifications" n LEFT JOIN "users" u ON u."id" = n."user_id"
ON CONFLICT ("dedupe_key") DO NOTHING;--> statement-breakpoint
DROP TABLE "notifications";--> statement-breakpoint
CREATE INDEX "outbox_bell" ON "outbox" USING btree ("user_id","read_at","created_at") WHERE user_id IS NOT NULL;
