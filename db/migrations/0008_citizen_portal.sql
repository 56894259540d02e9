CREATE TYPE "public"."activation_channel" AS ENUM('post', 'email');--> statement-breakpoint
CREATE TYPE "public"."correction_message_author" AS ENUM('citizen', 'staff');--> statement-breakpoint
CREATE TYPE "public"."stay_on_request_status" AS ENUM('requested', 'approved', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TABLE "correction_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author" "correction_message_author" NOT NULL,
	"staff_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stay_on_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"child_id" uuid NOT NULL,
	"requested_by_citizen_id" uuid,
	"requested_by_staff_id" uuid,
	"basis" "stay_on_basis" NOT NULL,
	"consent_statement" text NOT NULL,
	"status" "stay_on_request_status" DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "stay_on_requests_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "activation_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"relationship" "citizen_relationship" NOT NULL,
	"carer_id" uuid,
	"channel" "activation_channel" NOT NULL,
	"code_hash" text NOT NULL,
	"letter_date" date,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_sign_in_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_sign_in_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "printed_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activation_code_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"printed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "correction_messages" ADD CONSTRAINT "correction_messages_request_id_correction_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."correction_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_messages" ADD CONSTRAINT "correction_messages_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_on_requests" ADD CONSTRAINT "stay_on_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_on_requests" ADD CONSTRAINT "stay_on_requests_requested_by_citizen_id_citizen_accounts_id_fk" FOREIGN KEY ("requested_by_citizen_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_on_requests" ADD CONSTRAINT "stay_on_requests_requested_by_staff_id_staff_users_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_on_requests" ADD CONSTRAINT "stay_on_requests_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_citizen_id_citizen_accounts_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "printed_letters" ADD CONSTRAINT "printed_letters_activation_code_id_activation_codes_id_fk" FOREIGN KEY ("activation_code_id") REFERENCES "public"."activation_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "printed_letters" ADD CONSTRAINT "printed_letters_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_messages_request_idx" ON "correction_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "stay_on_requests_child_idx" ON "stay_on_requests" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "activation_codes_citizen_idx" ON "activation_codes" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "printed_letters_unprinted_idx" ON "printed_letters" USING btree ("created_at") WHERE "printed_letters"."printed_at" is null;