ALTER TYPE "public"."record_status" ADD VALUE 'merged';--> statement-breakpoint
ALTER TABLE "other_names" ADD COLUMN "child_date_of_birth" date;--> statement-breakpoint
CREATE INDEX "other_names_dob_idx" ON "other_names" USING btree ("child_date_of_birth");