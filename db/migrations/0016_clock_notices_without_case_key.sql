ALTER TABLE "clock_notices" DROP CONSTRAINT IF EXISTS "clock_notices_case_id_cases_id_fk";
