-- UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then v4's random bits with the version
-- nibble set to 7. PostgreSQL 18 has uuidv7(); this serves 15 to 17 and PGlite alike.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "id" SET DEFAULT uuid_v7();
