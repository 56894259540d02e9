-- Matching compares names by Jaro–Winkler in the loader (lib/loads/name-similarities.ts): the plpgsql function cost
-- some 10 µs a call and is no longer called.
DROP FUNCTION IF EXISTS jaro_winkler(text, text);
--> statement-breakpoint
-- The block "family name sounds the same in the same postcode district" (it finds a mistyped date of birth) now also
-- needs the first given name to sound the same: at 12 M children a common family name's sound alone matched some
-- 120 children a district, most of them strangers to the row; the sound of both names leaves two or three.
DROP INDEX IF EXISTS "children_phonetic_district_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_phonetic_district_given_idx" ON "children" ("family_name_phonetic", "postcode_district", "given_name_phonetic");
