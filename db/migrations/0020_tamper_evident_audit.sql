-- A tamper-evident audit trail (docs/decisions/007-tamper-evident-audit.md). Hand-written: drizzle-kit cannot express
-- partitioning, triggers, roles or grants. The snapshot beside it is drizzle-kit's, of db/schema/audit.ts.

-- Roles are the cluster's, not the database's: another database on the same server may have made them already.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['childrens_index_app', 'childrens_index_retention', 'childrens_index_audit_redactor'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
    EXCEPTION WHEN duplicate_object THEN
      NULL;
    END;
  END LOOP;
END $$;
--> statement-breakpoint

-- The unchained table makes way; its events are copied into the chained one below, oldest first.
ALTER TABLE "audit_events" RENAME TO "audit_events_unchained";--> statement-breakpoint
ALTER TABLE "audit_events_unchained" RENAME CONSTRAINT "audit_events_pkey" TO "audit_events_unchained_pkey";--> statement-breakpoint
DROP INDEX "audit_events_occurred_idx", "audit_events_actor_idx", "audit_events_child_ids_idx";--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" RENAME TO "audit_events_unchained_id_seq";--> statement-breakpoint

-- PostgreSQL 15 allows no identity column on a partitioned table: the id comes from a sequence.
CREATE SEQUENCE "public"."audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint DEFAULT nextval('audit_events_id_seq') NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" uuid,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"reason" text,
	"query" jsonb,
	"child_ids" uuid[] DEFAULT '{}' NOT NULL,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"client_address" "inet",
	"chain" smallint NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL,
	"details_digest" "bytea" NOT NULL,
	"redacted_at" timestamp with time zone,
	CONSTRAINT "audit_events_id_occurred_at_pk" PRIMARY KEY("id","occurred_at"),
	CONSTRAINT "audit_events_chain_in_range" CHECK ("chain" >= 0 and "chain" < 64)
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";--> statement-breakpoint
-- An event whose month has no partition yet still lands somewhere.
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_child_ids_idx" ON "audit_events" USING gin ("child_ids");--> statement-breakpoint
CREATE INDEX "audit_events_chain_seq_idx" ON "audit_events" USING btree ("chain","seq");--> statement-breakpoint

CREATE TABLE "audit_chain_heads" (
	"chain" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	"prev_hash" "bytea" NOT NULL
);
--> statement-breakpoint

-- The canonical encoding: every field as its byte length, a colon and its text, or '-' for null, one after another.
CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;
--> statement-breakpoint
-- Reason and query are hashed apart, so that redaction can remove them and leave the digest the chain covers.
CREATE FUNCTION audit_details_digest(reason text, query jsonb) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(convert_to(audit_field(reason) || audit_field(query::text), 'UTF8'))
$$;
--> statement-breakpoint
CREATE FUNCTION audit_event_hash(
  prev_hash bytea, id bigint, occurred_at timestamptz, actor_kind actor_kind, actor_id uuid, organisation_id uuid,
  action text, child_ids uuid[], outcome text, client_address inet, details_digest bytea, chain smallint, seq bigint
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(prev_hash || convert_to(
    audit_field(id::text)
    || audit_field((extract(epoch FROM occurred_at) * 1000000)::bigint::text)
    || audit_field(actor_kind::text)
    || audit_field(actor_id::text)
    || audit_field(organisation_id::text)
    || audit_field(action)
    || audit_field(child_ids::text)
    || audit_field(outcome)
    || audit_field(client_address::text)
    || audit_field(encode(details_digest, 'hex'))
    || audit_field(chain::text)
    || audit_field(seq::text),
    'UTF8'))
$$;
--> statement-breakpoint

-- Chains every new event to the head of a chain chosen once per transaction: the first free one from a random start
-- (SKIP LOCKED), so that a transaction holds one head's lock and never waits for another's while a head is free.
-- SECURITY DEFINER: the application cannot write the heads. One UPDATE moves the head and returns all the trigger needs
-- (the SET expressions see the head as it was, even when the row was re-read after a wait).
CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  chosen smallint := nullif(current_setting('childrens_index.audit_chain', true), '')::smallint;
  start smallint;
BEGIN
  IF chosen IS NULL THEN
    start := floor(random() * 64)::smallint;
    FOR attempt IN 0..63 LOOP
      chosen := (start + attempt) % 64;
      PERFORM 1 FROM audit_chain_heads WHERE chain = chosen FOR UPDATE SKIP LOCKED;
      EXIT WHEN FOUND;
      chosen := NULL;
    END LOOP;
    chosen := coalesce(chosen, start); -- every head busy: queue for one
    PERFORM set_config('childrens_index.audit_chain', chosen::text, true);
  END IF;
  NEW.chain := chosen;
  NEW.redacted_at := NULL;
  NEW.details_digest := audit_details_digest(NEW.reason, NEW.query);
  UPDATE audit_chain_heads h SET seq = h.seq + 1, prev_hash = h.hash,
    hash = audit_event_hash(h.hash, NEW.id, NEW.occurred_at, NEW.actor_kind, NEW.actor_id, NEW.organisation_id,
      NEW.action, NEW.child_ids, NEW.outcome, NEW.client_address, NEW.details_digest, chosen, h.seq + 1)
  WHERE h.chain = chosen
  RETURNING h.seq, h.prev_hash, h.hash INTO NEW.seq, NEW.prev_hash, NEW.hash;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit chain % has no head', chosen;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint

-- For everyone, the superuser included: no update or delete, except redact_audit_details's (run as the redactor).
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_user = 'childrens_index_audit_redactor'
     AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.reason IS NULL AND NEW.query IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % of event % refused', lower(TG_OP), OLD.id
    USING HINT = 'Only redact_audit_details() may remove the details of a purged child.';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_refuse_change" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();--> statement-breakpoint

CREATE FUNCTION audit_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail cannot be truncated (%)', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
-- A statement trigger is not inherited by partitions: each partition gets its own (ensure_audit_partitions below).
CREATE TRIGGER "audit_refuse_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER "audit_refuse_truncate" BEFORE TRUNCATE ON "audit_events_default" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER "audit_refuse_truncate" BEFORE TRUNCATE ON "audit_chain_heads" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();--> statement-breakpoint

-- A head moves only one step at a time, and only from inside the chaining trigger: a trigger's WHEN runs without
-- PL/pgSQL, so an append pays nothing for the guard.
CREATE FUNCTION audit_chain_heads_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit chain heads move only as events are appended: % refused', lower(TG_OP);
END $$;
--> statement-breakpoint
-- Monthly partitions (UTC months) from the month of `since` to `months_ahead` months after this one. A month whose
-- events already fell into the default partition is left there, with a warning: moving them is a job for a person.
CREATE FUNCTION ensure_audit_partitions(since timestamptz DEFAULT now(), months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  month timestamp := date_trunc('month', since AT TIME ZONE 'UTC');
  last_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => months_ahead);
  partition_name text;
  created integer := 0;
BEGIN
  WHILE month <= last_month LOOP
    partition_name := 'audit_events_' || to_char(month, 'YYYY_MM');
    IF to_regclass(partition_name) IS NULL THEN
      IF EXISTS (SELECT 1 FROM audit_events_default
                 WHERE occurred_at >= month AT TIME ZONE 'UTC' AND occurred_at < (month + interval '1 month') AT TIME ZONE 'UTC') THEN
        RAISE WARNING 'audit events of % are in audit_events_default; % was not created', to_char(month, 'YYYY-MM'), partition_name;
      ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)', partition_name,
          to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00', to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
        EXECUTE format('CREATE TRIGGER audit_refuse_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()', partition_name);
        EXECUTE format('REVOKE ALL ON %I FROM childrens_index_app', partition_name);
        created := created + 1;
      END IF;
    END IF;
    month := month + interval '1 month';
  END LOOP;
  RETURN created;
END $$;
--> statement-breakpoint

-- Removes the reason and query of every event that concerns a purged child, and records that it did.
CREATE FUNCTION redact_audit_details(child uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  redacted integer;
BEGIN
  UPDATE audit_events SET reason = NULL, query = NULL, redacted_at = now()
  WHERE child_ids @> ARRAY[child] AND redacted_at IS NULL;
  GET DIAGNOSTICS redacted = ROW_COUNT;
  INSERT INTO audit_events (actor_kind, action, child_ids, query)
  VALUES ('system', 'audit.redact', ARRAY[child], jsonb_build_object('events', redacted));
  RETURN redacted;
END $$;
--> statement-breakpoint

-- What the application may do. Run again after every migration (db/migrate.ts), so new tables are covered.
CREATE FUNCTION grant_app_privileges() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  audit_partition regclass;
BEGIN
  GRANT USAGE ON SCHEMA public TO childrens_index_app, childrens_index_retention, childrens_index_audit_redactor;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO childrens_index_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO childrens_index_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM childrens_index_app;
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_heads FROM childrens_index_app;
  FOR audit_partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_events'::regclass LOOP
    EXECUTE format('REVOKE ALL ON %s FROM childrens_index_app', audit_partition);
  END LOOP;
  IF to_regnamespace('pgboss') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA pgboss TO childrens_index_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO childrens_index_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO childrens_index_app;
  END IF;
  GRANT SELECT, INSERT, UPDATE (reason, query, redacted_at) ON audit_events TO childrens_index_audit_redactor;
  GRANT USAGE ON SEQUENCE audit_events_id_seq TO childrens_index_audit_redactor;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ensure_audit_partitions(timestamptz, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ensure_audit_partitions(timestamptz, integer) TO childrens_index_app;--> statement-breakpoint
REVOKE ALL ON FUNCTION redact_audit_details(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION redact_audit_details(uuid) TO childrens_index_retention;--> statement-breakpoint
REVOKE ALL ON FUNCTION grant_app_privileges() FROM PUBLIC;--> statement-breakpoint

-- Partitions from the month of the oldest event on.
SELECT ensure_audit_partitions(coalesce((SELECT min(occurred_at) FROM audit_events_unchained), now()), 3);--> statement-breakpoint
-- The events written before the chain, oldest first, spread over the chains by id. A loop that keeps the heads in
-- arrays: moving one head row per event in a single transaction would leave it a version chain as long as the trail.
DO $$
DECLARE
  genesis CONSTANT bytea := decode(repeat('00', 32), 'hex');
  seqs bigint[] := array_fill(0::bigint, ARRAY[64]);
  hashes bytea[] := array_fill(genesis, ARRAY[64]);
  prevs bytea[] := array_fill(genesis, ARRAY[64]);
  old_event record;
  c integer;
  digest bytea;
BEGIN
  FOR old_event IN SELECT * FROM audit_events_unchained ORDER BY id LOOP
    c := old_event.id % 64 + 1;
    seqs[c] := seqs[c] + 1;
    prevs[c] := hashes[c];
    digest := audit_details_digest(old_event.reason, old_event.query);
    hashes[c] := audit_event_hash(prevs[c], old_event.id, old_event.occurred_at, old_event.actor_kind, old_event.actor_id,
      old_event.organisation_id, old_event.action, old_event.child_ids, old_event.outcome, old_event.client_address, digest,
      (c - 1)::smallint, seqs[c]);
    INSERT INTO audit_events (id, occurred_at, actor_kind, actor_id, organisation_id, action, reason, query, child_ids, outcome,
      client_address, chain, seq, prev_hash, hash, details_digest)
    VALUES (old_event.id, old_event.occurred_at, old_event.actor_kind, old_event.actor_id, old_event.organisation_id,
      old_event.action, old_event.reason, old_event.query, old_event.child_ids, old_event.outcome, old_event.client_address,
      c - 1, seqs[c], prevs[c], hashes[c], digest);
  END LOOP;
  INSERT INTO audit_chain_heads (chain, seq, hash, prev_hash) SELECT i - 1, seqs[i], hashes[i], prevs[i] FROM generate_series(1, 64) AS i;
END $$;
--> statement-breakpoint
SELECT setval('audit_events_id_seq', coalesce((SELECT max(id) FROM audit_events_unchained), 0) + 1, false);--> statement-breakpoint
DROP TABLE "audit_events_unchained";--> statement-breakpoint

-- From here on, every event is chained as it is written, and the heads move only with it.
CREATE TRIGGER "audit_events_chain" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_chain();--> statement-breakpoint
CREATE TRIGGER "audit_chain_heads_guard" BEFORE INSERT OR DELETE ON "audit_chain_heads" FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_refuse();--> statement-breakpoint
CREATE TRIGGER "audit_chain_heads_guard_update" BEFORE UPDATE ON "audit_chain_heads" FOR EACH ROW
  WHEN (pg_trigger_depth() < 1 OR NEW.chain <> OLD.chain OR NEW.seq <> OLD.seq + 1 OR NEW.prev_hash <> OLD.hash)
  EXECUTE FUNCTION audit_chain_heads_refuse();
--> statement-breakpoint

-- The redactor owns the one function that may redact; the trigger above lets only it through.
ALTER FUNCTION redact_audit_details(uuid) OWNER TO childrens_index_audit_redactor;--> statement-breakpoint
SELECT grant_app_privileges();
