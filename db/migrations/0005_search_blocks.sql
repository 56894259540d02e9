DROP INDEX "children_family_name_phonetic_idx";--> statement-breakpoint
CREATE INDEX "children_phonetic_dob_idx" ON "children" USING btree ("family_name_phonetic","date_of_birth");--> statement-breakpoint
-- The blocks are answered from the index alone (an index-only scan), so they carry the id and the phonetic keys
-- too; measured at 12 M, fetching each block's rows from the table instead cost 10–30 ms rather than 2–4 ms.
DROP INDEX "children_dob_block_idx";--> statement-breakpoint
CREATE INDEX "children_dob_block_idx" ON "children" ("date_of_birth")
  INCLUDE ("id", "family_name", "given_names", "gender", "postcode_district", "is_shielded", "status",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic");--> statement-breakpoint
DROP INDEX "children_postcode_block_idx";--> statement-breakpoint
CREATE INDEX "children_postcode_block_idx" ON "children" ("postcode_district")
  INCLUDE ("id", "family_name", "given_names", "gender", "date_of_birth", "postcode",
           "family_name_phonetic", "family_name_phonetic_alt", "given_name_phonetic")
  WHERE NOT is_shielded AND status = 'live';
