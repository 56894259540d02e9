-- The load's block "the same date of birth and a first name that sounds the same" now also needs the genders to agree
-- (or one to be unknown): at 12 M children it gave 11 candidates a row, half of them of the other gender, each a
-- visit to a child's page. With the gender in the index those are passed over in the index itself.
DROP INDEX IF EXISTS "children_given_phonetic_dob_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_given_phonetic_dob_gender_idx" ON "children" ("given_name_phonetic", "date_of_birth", "gender");
