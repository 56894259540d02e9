ALTER TABLE "other_names" ADD COLUMN "child_postcode_district" text;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_merged_has_target" CHECK (("children"."status" = 'live') = ("children"."merged_into_id" is null) or "children"."status" = 'archived');--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_not_merged_into_itself" CHECK ("children"."merged_into_id" <> "children"."id");--> statement-breakpoint
-- Former names carry the child's postcode district as well as the date of birth (0010), so that a search by family
-- name and postcode district finds a child by a former name from a small index, without probing other_names once for
-- every child of the district (measured at 12 M: 41 ms for a district of 5,800 children). The search still reads the
-- child's own row for the district, the shield and the status: the copy only narrows where it looks.
UPDATE "other_names" o SET "child_postcode_district" = c."postcode_district" FROM "children" c WHERE c."id" = o."child_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION other_names_take_birth_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk load gives both copies itself (the date of birth is never null on a child); anything else is looked up,
  -- as is a name moved to another child (a merge).
  IF NEW.child_date_of_birth IS NULL OR TG_OP = 'UPDATE' THEN
    SELECT date_of_birth, postcode_district INTO NEW.child_date_of_birth, NEW.child_postcode_district
    FROM children WHERE id = NEW.child_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION children_birth_date_to_other_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE other_names SET child_date_of_birth = NEW.date_of_birth, child_postcode_district = NEW.postcode_district
  WHERE child_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER children_birth_date_to_other_names ON "children";--> statement-breakpoint
CREATE TRIGGER children_birth_date_to_other_names AFTER UPDATE OF date_of_birth, postcode ON "children"
  FOR EACH ROW WHEN (OLD.date_of_birth IS DISTINCT FROM NEW.date_of_birth OR OLD.postcode IS DISTINCT FROM NEW.postcode)
  EXECUTE FUNCTION children_birth_date_to_other_names();--> statement-breakpoint
CREATE INDEX "other_names_former_district_idx" ON "other_names" ("child_postcode_district")
  INCLUDE ("child_id", "family_name", "family_name_phonetic") WHERE "kind" = 'former';
