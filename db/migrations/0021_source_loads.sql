CREATE TYPE "public"."load_row_outcome" AS ENUM('source_id', 'linked', 'review', 'reviewed_link', 'new', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."load_status" AS ENUM('staged', 'matched', 'applying', 'done');--> statement-breakpoint
CREATE TYPE "public"."match_review_status" AS ENUM('pending', 'linked', 'kept_apart');--> statement-breakpoint
CREATE TABLE "match_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"load_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"candidate_child_id" uuid NOT NULL,
	"match_weight" real NOT NULL,
	"because" text NOT NULL,
	"status" "match_review_status" DEFAULT 'pending' NOT NULL,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "match_reviews_row_candidate_key" UNIQUE("load_id","row_number","candidate_child_id")
);
--> statement-breakpoint
CREATE TABLE "match_weight_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"load_id" uuid,
	"weights" jsonb NOT NULL,
	"estimated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_load_rejects" (
	"load_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"field" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_load_rows" (
	"load_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"source_person_id" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"former_names" text,
	"gender" "gender" NOT NULL,
	"date_of_birth" date NOT NULL,
	"date_of_death" date,
	"address_line1" text,
	"address_line2" text,
	"town" text,
	"postcode" text,
	"carers" jsonb NOT NULL,
	"school_urn" text,
	"gp_practice_code" text,
	"service_code" text,
	"service_started_on" date,
	"service_practitioner" text,
	"service_phone" text,
	"given_name_phonetic" text GENERATED ALWAYS AS (dmetaphone(split_part(given_names, ' ', 1))) STORED,
	"family_name_phonetic" text GENERATED ALWAYS AS (dmetaphone(family_name)) STORED,
	"family_name_phonetic_alt" text GENERATED ALWAYS AS (dmetaphone_alt(family_name)) STORED,
	"postcode_district" text GENERATED ALWAYS AS (split_part(postcode, ' ', 1)) STORED,
	"outcome" "load_row_outcome",
	"child_id" uuid,
	"new_index_number" text,
	"match_weight" real,
	"shield_from_child_id" uuid,
	"applied_at" timestamp with time zone,
	CONSTRAINT "source_load_rows_load_id_row_number_pk" PRIMARY KEY("load_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "source_loads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_system_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"as_of" date NOT NULL,
	"submitted_by_kind" "actor_kind" NOT NULL,
	"submitted_by_id" uuid,
	"status" "load_status" DEFAULT 'staged' NOT NULL,
	"counts" jsonb NOT NULL,
	"weights" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "source_loads_file_key" UNIQUE("source_system_id","file_sha256")
);
--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_load_id_source_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."source_loads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_candidate_child_id_children_id_fk" FOREIGN KEY ("candidate_child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_weight_sets" ADD CONSTRAINT "match_weight_sets_load_id_source_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."source_loads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_load_rejects" ADD CONSTRAINT "source_load_rejects_load_id_source_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."source_loads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_load_rows" ADD CONSTRAINT "source_load_rows_load_id_source_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."source_loads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_loads" ADD CONSTRAINT "source_loads_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_reviews_pending_idx" ON "match_reviews" USING btree ("status","load_id");--> statement-breakpoint
CREATE INDEX "source_load_rejects_load_idx" ON "source_load_rejects" USING btree ("load_id","row_number");--> statement-breakpoint
CREATE INDEX "source_load_rows_child_idx" ON "source_load_rows" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "source_loads_received_idx" ON "source_loads" USING btree ("received_at");--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot declare functions, and the index is on a table another aggregate owns).
-- Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters), for the name comparisons of record matching
-- (lib/loads, docs/decisions/011-source-loads.md). Called only where two names are not already equal.
CREATE OR REPLACE FUNCTION jaro_winkler(a text, b text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la int := length(a);
  lb int := length(b);
  reach int;
  matches int := 0;
  half_transposed int := 0;
  a_hit boolean[];
  b_hit boolean[];
  i int;
  j int;
  k int := 1;
  prefix int := 0;
  jaro double precision;
BEGIN
  IF a = b THEN RETURN 1; END IF;
  IF la = 0 OR lb = 0 THEN RETURN 0; END IF;
  reach := greatest(greatest(la, lb) / 2 - 1, 0);
  a_hit := array_fill(false, ARRAY[la]);
  b_hit := array_fill(false, ARRAY[lb]);
  FOR i IN 1..la LOOP
    FOR j IN greatest(1, i - reach)..least(lb, i + reach) LOOP
      IF NOT b_hit[j] AND substr(a, i, 1) = substr(b, j, 1) THEN
        a_hit[i] := true;
        b_hit[j] := true;
        matches := matches + 1;
        EXIT;
      END IF;
    END LOOP;
  END LOOP;
  IF matches = 0 THEN RETURN 0; END IF;
  FOR i IN 1..la LOOP
    IF a_hit[i] THEN
      WHILE NOT b_hit[k] LOOP k := k + 1; END LOOP;
      IF substr(a, i, 1) <> substr(b, k, 1) THEN half_transposed := half_transposed + 1; END IF;
      k := k + 1;
    END IF;
  END LOOP;
  jaro := (matches::float8 / la + matches::float8 / lb + (matches - half_transposed / 2.0) / matches) / 3;
  FOR i IN 1..least(4, la, lb) LOOP
    EXIT WHEN substr(a, i, 1) <> substr(b, i, 1);
    prefix := prefix + 1;
  END LOOP;
  RETURN jaro + prefix * 0.1 * (1 - jaro);
END $$;
--> statement-breakpoint
-- The matching block "same date of birth, first given name sounds the same" (the other blocks use the search's
-- indexes on family name sound with date of birth, and with postcode district).
CREATE INDEX "children_given_phonetic_dob_idx" ON "children" ("given_name_phonetic", "date_of_birth");
--> statement-breakpoint
-- Shielded children (about 0.5%) are always compared with every incoming row of their date of birth, and by their
-- real address (their searchable postcode is empty), so that a load can never make an unshielded copy of one.
CREATE INDEX "children_shielded_match_idx" ON "children" ("date_of_birth") INCLUDE ("id", "family_name_phonetic") WHERE is_shielded;
