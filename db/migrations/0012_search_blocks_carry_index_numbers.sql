-- The search blocks also carry the index number, so that the results shown come from the block itself: measured at
-- 12 M children, reading the ten results' rows from the table afterwards cost up to ten random reads per search.
DROP INDEX "children_dob_block_idx";--> statement-breakpoint
CREATE INDEX "children_dob_block_idx" ON "children" ("date_of_birth")
  INCLUDE ("id", "index_number", "family_name", "given_names", "gender", "postcode_district", "is_shielded", "status",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic");--> statement-breakpoint
DROP INDEX "children_postcode_block_idx";--> statement-breakpoint
CREATE INDEX "children_postcode_block_idx" ON "children" ("postcode_district")
  INCLUDE ("id", "index_number", "family_name", "given_names", "gender", "date_of_birth", "postcode",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic")
  WHERE NOT is_shielded AND status = 'live';
