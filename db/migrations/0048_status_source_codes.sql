-- The status sources Recourse writes itself become codes, worded in each reader's language (lib/directory/status-source.ts); an administrator's typed source stays as typed.
UPDATE "certifications" SET "status_source" = 'company_policy' WHERE "status_source" = 'seed: company policy';--> statement-breakpoint
UPDATE "certifications" SET "status_source" = 'delisted' WHERE "status_source" = 'FTC referral register: removed for persistent failure to comply (R4.2)';--> statement-breakpoint
UPDATE "certifications" SET "status_source" = 'participant_list:' || substring("status_source" from 26) WHERE "status_source" ~ '^participant list import, \d{4}-\d{2}-\d{2}$';--> statement-breakpoint
-- The arbitration administrator goes by its proper name; what it is, the back office says in the reader's language.
UPDATE "providers" SET "name" = 'ICDR-AAA' WHERE "slug" = 'icdr-aaa' AND "name" = 'ICDR-AAA (arbitration administrator)';
