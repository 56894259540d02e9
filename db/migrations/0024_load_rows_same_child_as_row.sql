-- The same child twice in one load file under two person ids (lib/loads/match-rows-within-load.ts): the later row
-- points at the earliest, whose new record it is (linked) or may be (review, once that record is made).
ALTER TABLE "source_load_rows" ADD COLUMN "same_child_as_row" integer;
