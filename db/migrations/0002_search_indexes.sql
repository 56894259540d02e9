-- Indexes for searching ~12 million children (see docs/decisions/002-search-indexes.md).
-- A search always names a child: family name plus date of birth or postcode, or the index number. So the two
-- blocks are date of birth (about 1,800 children a day across England) and postcode district (a few thousand);
-- names are then scored by trigram similarity inside the block, read straight from the index (INCLUDE).
CREATE INDEX children_dob_block_idx ON children (date_of_birth)
  INCLUDE (family_name, given_names, gender, postcode_district, is_shielded, status);--> statement-breakpoint
-- Shielded children never match on where they live, so they are not in the postcode block at all.
CREATE INDEX children_postcode_block_idx ON children (postcode_district)
  INCLUDE (family_name, given_names, date_of_birth, postcode)
  WHERE NOT is_shielded AND status = 'live';
