-- Former and other names carry the child's date of birth so that a search by a former name is blocked by date of
-- birth (see lib/search). The copy is filled in on insert and follows any correction of the date of birth.
UPDATE "other_names" o SET "child_date_of_birth" = c."date_of_birth" FROM "children" c WHERE c."id" = o."child_id" AND o."child_date_of_birth" IS NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION other_names_take_birth_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk load gives the date itself; anything else is looked up.
  IF NEW.child_date_of_birth IS NULL THEN
    SELECT date_of_birth INTO NEW.child_date_of_birth FROM children WHERE id = NEW.child_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER other_names_take_birth_date BEFORE INSERT OR UPDATE OF child_id ON "other_names"
  FOR EACH ROW EXECUTE FUNCTION other_names_take_birth_date();--> statement-breakpoint
CREATE OR REPLACE FUNCTION children_birth_date_to_other_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE other_names SET child_date_of_birth = NEW.date_of_birth WHERE child_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER children_birth_date_to_other_names AFTER UPDATE OF date_of_birth ON "children"
  FOR EACH ROW WHEN (OLD.date_of_birth IS DISTINCT FROM NEW.date_of_birth) EXECUTE FUNCTION children_birth_date_to_other_names();
