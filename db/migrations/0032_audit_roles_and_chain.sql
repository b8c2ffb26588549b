-- History that the app cannot rewrite (README: Production, "Roles"):
--  * case_events and audit_log refuse UPDATE, DELETE and TRUNCATE, whoever asks, except what
--    the role recourse_history may do through recourse_erase_cases (below);
--  * audit_log is one hash chain, set by a trigger on insert (lib/audit/audit-chain.ts checks it);
--  * erasure is one SECURITY DEFINER function owned by recourse_history, a role nobody logs in as.
-- Creating recourse_history needs CREATEROLE once; a DBA may create it beforehand instead
-- (CREATE ROLE recourse_history NOLOGIN; GRANT recourse_history TO <migrations role>).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recourse_history') THEN
    CREATE ROLE recourse_history NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'recourse_history', 'MEMBER') THEN
    EXECUTE format('GRANT recourse_history TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "personal_salt" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "personal_digest" text;--> statement-breakpoint
-- The text a row's hash covers. The verifier builds the same text in its own query
-- (lib/audit/audit-chain.ts); ip and user agent enter only through their salted digest.
CREATE FUNCTION audit_log_body(seq bigint, prev_hash text, at timestamptz, actor_user_id text, entity text, entity_id text, action text, data jsonb, personal_digest text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('seq', seq, 'prevHash', prev_hash, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'actorUserId', actor_user_id, 'entity', entity, 'entityId', entity_id, 'action', action, 'data', data, 'personal', personal_digest)::text
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_personal(salt text, ip text, user_agent text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(salt || jsonb_build_array(ip, user_agent)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains each new row to the last one, under a lock that serialises writers to the log.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('recourse.audit_log'));
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  IF NEW.ip IS NULL AND NEW.user_agent IS NULL THEN
    NEW.personal_salt := NULL;
    NEW.personal_digest := NULL;
  ELSE
    NEW.personal_salt := gen_random_uuid()::text;
    NEW.personal_digest := audit_log_personal(NEW.personal_salt, NEW.ip, NEW.user_agent);
  END IF;
  NEW.hash := encode(sha256(convert_to(audit_log_body(NEW.seq, NEW.prev_hash, NEW.at, NEW.actor_user_id, NEW.entity, NEW.entity_id, NEW.action, NEW.data, NEW.personal_digest), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Rows written before this migration join the chain in the order they were written.
DO $$
DECLARE
  r record;
  n bigint := 0;
  h text := NULL;
  salt text;
  digest text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    salt := CASE WHEN r.ip IS NULL AND r.user_agent IS NULL THEN NULL ELSE gen_random_uuid()::text END;
    digest := CASE WHEN salt IS NULL THEN NULL ELSE audit_log_personal(salt, r.ip, r.user_agent) END;
    UPDATE audit_log SET seq = n, prev_hash = h, personal_salt = salt, personal_digest = digest,
      hash = encode(sha256(convert_to(audit_log_body(n, h, r.at, r.actor_user_id, r.entity, r.entity_id, r.action, r.data, digest), 'UTF8')), 'hex')
    WHERE id = r.id RETURNING hash INTO h;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- The one change an audit row takes: erasure (as recourse_history) clears its ip, user agent
-- and their salt; the digest the hash covers stays, so the chain still verifies.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_user = 'recourse_history' THEN
    IF NEW.ip IS NULL AND NEW.user_agent IS NULL AND NEW.personal_salt IS NULL
      AND (NEW.id, NEW.seq, NEW.prev_hash, NEW.hash, NEW.personal_digest, NEW.at, NEW.actor_user_id, NEW.entity, NEW.entity_id, NEW.action, NEW.data)
        IS NOT DISTINCT FROM (OLD.id, OLD.seq, OLD.prev_hash, OLD.hash, OLD.personal_digest, OLD.at, OLD.actor_user_id, OLD.entity, OLD.entity_id, OLD.action, OLD.data) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Events: no session setting opens them any more; only recourse_history deletes (erasure).
CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_user = 'recourse_history' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();
--> statement-breakpoint
-- recourse_history acts only inside recourse_erase_cases; these rights are what it needs
-- there (a later table that erasure must clear needs its grant in its own migration).
GRANT USAGE ON SCHEMA public TO recourse_history;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO recourse_history;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO recourse_history;--> statement-breakpoint
-- Erasure of closed cases, and of their complainant when nothing else of theirs is left:
-- the case whole (its history included), the mail, sign-in tokens and rate-limit counters
-- that carry the person's address or client address, and the ip and user agent of the audit
-- rows about the cases or by the person. An audit entry per case stays. Open cases are refused.
CREATE FUNCTION recourse_erase_cases(case_ids uuid[], retention_days integer, erased_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ids uuid[];
  people text[];
  case_emails text[];
  clients text[];
  gone text[];
  gone_emails text[];
  addresses text[];
  entries jsonb;
BEGIN
  SELECT coalesce(array_agg(c.id), '{}') INTO ids FROM (SELECT id FROM cases WHERE id = ANY(case_ids) AND status = 'closed' ORDER BY id FOR UPDATE) c;
  IF cardinality(ids) <> (SELECT count(DISTINCT x) FROM unnest(case_ids) x) THEN
    RAISE EXCEPTION 'only closed cases are erased' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN 0;
  END IF;
  SELECT array_agg(DISTINCT complainant_user_id), array_agg(DISTINCT lower(complainant_email)) INTO people, case_emails FROM cases WHERE id = ANY(ids);
  SELECT coalesce(array_agg(DISTINCT s.ip), '{}') INTO clients FROM (
    SELECT ip FROM case_events WHERE case_id = ANY(ids) AND ip IS NOT NULL
    UNION SELECT ip FROM audit_log WHERE ((entity = 'case' AND entity_id = ANY(ids::text[])) OR actor_user_id = ANY(people)) AND ip IS NOT NULL) s;

  SELECT jsonb_agg(jsonb_build_object('id', c.id, 'data', jsonb_build_object('reference', c.reference, 'reason', CASE WHEN c.erasure_requested_at IS NULL THEN 'retention' ELSE 'request' END, 'retentionDays', retention_days)) ORDER BY c.id)
  INTO entries FROM cases c WHERE c.id = ANY(ids);

  DELETE FROM outbox WHERE case_id = ANY(ids);
  DELETE FROM clock_notices WHERE case_id = ANY(ids);
  DELETE FROM deadlines WHERE case_id = ANY(ids);
  DELETE FROM remedies WHERE case_id = ANY(ids);
  DELETE FROM attachments WHERE case_id = ANY(ids);
  DELETE FROM messages WHERE case_id = ANY(ids);
  DELETE FROM case_bodies WHERE case_id = ANY(ids);
  DELETE FROM case_events WHERE case_id = ANY(ids);
  DELETE FROM cases WHERE id = ANY(ids);
  UPDATE audit_log SET ip = NULL, user_agent = NULL, personal_salt = NULL
  WHERE entity = 'case' AND entity_id = ANY(ids::text[]) AND (ip IS NOT NULL OR user_agent IS NOT NULL OR personal_salt IS NOT NULL);

  -- The complainant goes when nothing else here is theirs (sessions, accounts and feeds cascade).
  WITH g AS (
    DELETE FROM users u WHERE u.id = ANY(people)
      AND NOT u.is_admin
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.complainant_user_id = u.id OR c.assignee_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.actor_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.uploaded_by_user_id = u.id)
    RETURNING u.id, lower(u.email) AS email
  )
  SELECT coalesce(array_agg(g.id), '{}'), coalesce(array_agg(g.email), '{}') INTO gone, gone_emails FROM g;
  -- Addresses nobody here uses any more.
  SELECT coalesce(array_agg(DISTINCT a), '{}') INTO addresses FROM unnest(gone_emails || case_emails) a
  WHERE a IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = a)
    AND NOT EXISTS (SELECT 1 FROM cases c WHERE lower(c.complainant_email) = a);

  DELETE FROM outbox WHERE user_id = ANY(gone) OR lower(to_email) = ANY(addresses);
  DELETE FROM "verificationTokens" WHERE lower(identifier) = ANY(addresses);
  DELETE FROM invitations WHERE lower(email) = ANY(addresses);
  DELETE FROM rate_limits r
  WHERE EXISTS (SELECT 1 FROM unnest(addresses) a WHERE right(r.key, length(a) + 4) = ':to:' || a)
     OR EXISTS (SELECT 1 FROM unnest(clients) ip WHERE right(r.key, length(ip) + 6) = ':from:' || ip);
  UPDATE audit_log SET ip = NULL, user_agent = NULL, personal_salt = NULL
  WHERE actor_user_id = ANY(gone) AND (ip IS NOT NULL OR user_agent IS NOT NULL OR personal_salt IS NOT NULL);
  -- Last, so that the audit log's lock (held to commit) is the last one taken.
  INSERT INTO audit_log (actor_user_id, entity, entity_id, action, data, at)
  SELECT NULL, 'case', e->>'id', 'erased', e->'data', erased_at FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, n) ORDER BY n;
  RETURN cardinality(ids);
END;
$$;
--> statement-breakpoint
-- A new owner must be allowed to create in the function's schema, at the moment it takes it over.
GRANT CREATE ON SCHEMA public TO recourse_history;--> statement-breakpoint
ALTER FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) OWNER TO recourse_history;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM recourse_history;--> statement-breakpoint
REVOKE ALL ON FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) FROM PUBLIC;--> statement-breakpoint
-- The migrations role (which the app uses when no app role is configured); the app role's
-- grant is in db/roles.ts.
GRANT EXECUTE ON FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) TO CURRENT_USER;
