CREATE TABLE "parent_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"carer_id" uuid NOT NULL,
	"requested_by_citizen_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "correction_requests" ADD COLUMN "requested_change" jsonb;--> statement-breakpoint
ALTER TABLE "printed_letters" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "parent_access_requests" ADD CONSTRAINT "parent_access_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_access_requests" ADD CONSTRAINT "parent_access_requests_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_access_requests" ADD CONSTRAINT "parent_access_requests_requested_by_citizen_id_citizen_accounts_id_fk" FOREIGN KEY ("requested_by_citizen_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "parent_access_requests_open_key" ON "parent_access_requests" USING btree ("child_id","carer_id") WHERE "parent_access_requests"."answered_at" is null;--> statement-breakpoint
ALTER TABLE "printed_letters" ADD CONSTRAINT "printed_letters_reference_key" UNIQUE("reference");