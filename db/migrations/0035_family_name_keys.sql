-- The keys a family name is found by when it is not spelt the way it was typed: the name folded (accents,
-- apostrophes, spaces, hyphens and case dropped, Mac written Mc), then its parts without particles such as Mac, Ó,
-- Ní, al or van. Worked out when a name is written, as the phonetic keys are, so that the search compares small
-- arrays rather than folding each name it reads. lib/names/fold.ts does the same in the application, and
-- lib/names/name-keys.test.ts holds the two to it. The variant groups themselves stay in the application
-- (lib/names/reference): the search sends the forms a typed name may take, so the reference can grow without a
-- migration.
CREATE OR REPLACE FUNCTION name_keys(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  words text[];
  whole text;
BEGIN
  -- Most names are one plain word: the same answer as the rest gives, at a fraction of a bulk load's cost.
  IF name ~ '^[A-Za-z]+$' THEN
    RETURN ARRAY[regexp_replace(lower(name), '^mac([a-z]{3})', 'mc\1')];
  END IF;
  words := array_remove(regexp_split_to_array(regexp_replace(lower(
    replace(replace(replace(replace(replace(replace(replace(replace(
      translate(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g'), 'đðłøıħĐÐŁØĦ', 'ddloihDDLOH'),
      'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH')),
    '[''’`ʼ‘.]', '', 'g'), '[^a-z]+'), '');
  whole := regexp_replace(array_to_string(words, ''), '^mac([a-z]{3})', 'mc\1');
  IF whole = '' THEN
    RETURN ARRAY[btrim(regexp_replace(regexp_replace(lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g')), '[''’`]', '', 'g'), '\s+', ' ', 'g'))];
  END IF;
  RETURN ARRAY[whole] || ARRAY(
    SELECT DISTINCT w FROM unnest(words) word, regexp_replace(word, '^mac([a-z]{3})', 'mc\1') w
    WHERE length(w) > 1 AND w <> whole
      AND w <> ALL (ARRAY['mac', 'mc', 'nic', 'ni', 'ui', 'ua', 'bean', 'mhic', 'ap', 'ab', 'fitz', 'st', 'saint',
        'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ben', 'ould',
        'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'dello', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'des', 'ter', 'ten', 'y']));
END $$;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "family_name_keys" text[] GENERATED ALWAYS AS (name_keys(family_name)) STORED;--> statement-breakpoint
ALTER TABLE "other_names" ADD COLUMN "family_name_keys" text[] GENERATED ALWAYS AS (name_keys(family_name)) STORED;--> statement-breakpoint
-- The blocks are read from their covering indexes alone (0005, 0011, 0012, 0014, 0015): they carry the keys too.
DROP INDEX "children_dob_block_idx";--> statement-breakpoint
CREATE INDEX "children_dob_block_idx" ON "children" ("date_of_birth")
  INCLUDE ("id", "index_number", "family_name", "given_names", "gender", "postcode_district", "is_shielded", "status",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic", "family_name_keys");--> statement-breakpoint
DROP INDEX "children_postcode_block_idx";--> statement-breakpoint
CREATE INDEX "children_postcode_block_idx" ON "children" ("postcode_district", "postcode")
  INCLUDE ("id", "index_number", "family_name", "given_names", "gender", "date_of_birth",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic", "family_name_keys")
  WHERE NOT is_shielded AND status = 'live';--> statement-breakpoint
DROP INDEX "other_names_former_dob_idx";--> statement-breakpoint
CREATE INDEX "other_names_former_dob_idx" ON "other_names" ("child_date_of_birth")
  INCLUDE ("child_id", "family_name", "family_name_phonetic", "family_name_keys") WHERE "kind" = 'former';--> statement-breakpoint
DROP INDEX "other_names_former_district_idx";--> statement-breakpoint
CREATE INDEX "other_names_former_district_idx" ON "other_names" ("child_postcode_district")
  INCLUDE ("child_id", "family_name", "family_name_phonetic", "family_name_keys") WHERE "kind" = 'former';
