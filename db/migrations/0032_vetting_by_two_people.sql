CREATE TABLE "staff_privilege_grants" (
	"staff_user_id" uuid PRIMARY KEY NOT NULL,
	"has_child_protection_role" boolean NOT NULL,
	"sensitive_service_code" text,
	"requested_by_staff_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_staff_id" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "staff_privilege_grants_not_for_oneself" CHECK ("staff_privilege_grants"."requested_by_staff_id" <> "staff_privilege_grants"."staff_user_id"),
	CONSTRAINT "staff_privilege_grants_second_person" CHECK ("staff_privilege_grants"."approved_by_staff_id" is null or ("staff_privilege_grants"."approved_by_staff_id" <> "staff_privilege_grants"."requested_by_staff_id" and "staff_privilege_grants"."approved_by_staff_id" <> "staff_privilege_grants"."staff_user_id"))
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "police_check_issued_on" date;--> statement-breakpoint
ALTER TABLE "staff_privilege_grants" ADD CONSTRAINT "staff_privilege_grants_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_privilege_grants" ADD CONSTRAINT "staff_privilege_grants_sensitive_service_code_service_types_code_fk" FOREIGN KEY ("sensitive_service_code") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_privilege_grants" ADD CONSTRAINT "staff_privilege_grants_requested_by_staff_id_staff_users_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_privilege_grants" ADD CONSTRAINT "staff_privilege_grants_approved_by_staff_id_staff_users_id_fk" FOREIGN KEY ("approved_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Checks recorded before this kept only their expiry: they are taken to have been issued three years before it.
UPDATE "staff_users" SET "police_check_issued_on" = ("police_check_expires_on" - interval '3 years')::date WHERE "police_check_expires_on" IS NOT NULL;
