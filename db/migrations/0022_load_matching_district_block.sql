-- The matching block "family name sounds the same in the same postcode district" (lib/loads/build-candidate-pairs.ts):
-- the search's district index carries the phonetic key only as an included column, so at 12 M children a block
-- would read some 5,000 index entries a row; keyed on the sound first it reads a handful.
CREATE INDEX "children_phonetic_district_idx" ON "children" ("family_name_phonetic", "postcode_district");
