ALTER TYPE "public"."correction_status" ADD VALUE 'awaiting_approval' BEFORE 'refused';--> statement-breakpoint
CREATE TABLE "correction_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_system_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"request_id" uuid,
	"item_kind" "record_item_kind" NOT NULL,
	"field" text NOT NULL,
	"previous_value" text,
	"corrected_value" text NOT NULL,
	"record_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "correction_requests_queue_idx";--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "home_address_line1" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "home_postcode" text;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "local_authority_code" text;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "raised_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "local_authority_code" text;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "proposed_change" jsonb;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "proposed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "correction_notices" ADD CONSTRAINT "correction_notices_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_notices" ADD CONSTRAINT "correction_notices_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_notices" ADD CONSTRAINT "correction_notices_request_id_correction_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."correction_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_notices_source_idx" ON "correction_notices" USING btree ("source_system_id","created_at");--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_raised_by_staff_id_staff_users_id_fk" FOREIGN KEY ("raised_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_proposed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("proposed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_requests_queue_idx" ON "correction_requests" USING btree ("local_authority_code","status","due_on");