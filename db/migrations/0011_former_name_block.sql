DROP INDEX "other_names_dob_idx";--> statement-breakpoint
-- The former-name block is read from this index alone: the names are tested before any child row is touched.
CREATE INDEX "other_names_former_dob_idx" ON "other_names" ("child_date_of_birth")
  INCLUDE ("child_id", "family_name", "family_name_phonetic") WHERE "kind" = 'former';
