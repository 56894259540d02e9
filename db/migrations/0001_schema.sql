CREATE TYPE "public"."actor_kind" AS ENUM('staff', 'citizen', 'api_client', 'system');--> statement-breakpoint
CREATE TYPE "public"."address_status" AS ENUM('current', 'last_known', 'no_known_address', 'left_england');--> statement-breakpoint
CREATE TYPE "public"."carer_relationship" AS ENUM('mother', 'father', 'carer', 'foster_carer', 'other');--> statement-breakpoint
CREATE TYPE "public"."citizen_relationship" AS ENUM('self', 'parent');--> statement-breakpoint
CREATE TYPE "public"."consent_basis" AS ENUM('consent', 'significant_harm');--> statement-breakpoint
CREATE TYPE "public"."correction_status" AS ENUM('received', 'in_review', 'awaiting_information', 'applied', 'refused', 'closed');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'not_specified');--> statement-breakpoint
CREATE TYPE "public"."indication_kind" AS ENUM('caf_assessment', 'lead_professional');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('local_authority', 'school', 'nursery', 'college', 'gp_practice', 'health_service', 'youth_service', 'police', 'voluntary_sector', 'other');--> statement-breakpoint
CREATE TYPE "public"."other_name_kind" AS ENUM('former', 'alias');--> statement-breakpoint
CREATE TYPE "public"."record_item_kind" AS ENUM('child', 'other_name', 'address', 'carer', 'education', 'gp', 'involvement', 'indication');--> statement-breakpoint
CREATE TYPE "public"."record_status" AS ENUM('live', 'archived');--> statement-breakpoint
CREATE TYPE "public"."source_system_kind" AS ENUM('la_childrens_services', 'school_census', 'gp_registration', 'youth_service', 'health_service');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('practitioner', 'caseworker', 'administrator');--> statement-breakpoint
CREATE TYPE "public"."staff_status" AS ENUM('pending_activation', 'active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."stay_on_basis" AS ENUM('care_leaver', 'learning_difficulty');--> statement-breakpoint
CREATE TYPE "public"."verification_level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TABLE "local_authorities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"index_team_phone" text NOT NULL,
	"index_team_email" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"local_authority_code" text NOT NULL,
	"address_line1" text,
	"address_line2" text,
	"town" text,
	"postcode" text,
	"phone" text,
	"email" text,
	"accredited_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_identities" (
	"source_system_id" uuid NOT NULL,
	"source_person_id" text NOT NULL,
	"child_id" uuid NOT NULL,
	"first_seen_on" date NOT NULL,
	"last_seen_on" date NOT NULL,
	CONSTRAINT "source_identities_source_system_id_source_person_id_pk" PRIMARY KEY("source_system_id","source_person_id")
);
--> statement-breakpoint
CREATE TABLE "source_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "source_system_kind" NOT NULL,
	"organisation_id" uuid,
	"local_authority_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_systems_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"is_national_administrator" boolean DEFAULT false NOT NULL,
	"has_child_protection_role" boolean DEFAULT false NOT NULL,
	"sensitive_service_code" text,
	"organisation_id" uuid NOT NULL,
	"local_authority_code" text NOT NULL,
	"status" "staff_status" DEFAULT 'pending_activation' NOT NULL,
	"password_hash" text,
	"pin_hash" text,
	"totp_secret" text,
	"training_completed_on" date,
	"user_agreement_signed_on" date,
	"police_check_expires_on" date,
	"last_active_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"index_number" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"gender" "gender" NOT NULL,
	"date_of_birth" date NOT NULL,
	"date_of_death" date,
	"address_status" "address_status" NOT NULL,
	"postcode" text,
	"family_name_phonetic" text GENERATED ALWAYS AS (dmetaphone(family_name)) STORED,
	"family_name_phonetic_alt" text GENERATED ALWAYS AS (dmetaphone_alt(family_name)) STORED,
	"given_name_phonetic" text GENERATED ALWAYS AS (dmetaphone(split_part(given_names, ' ', 1))) STORED,
	"postcode_district" text GENERATED ALWAYS AS (split_part(postcode, ' ', 1)) STORED,
	"is_shielded" boolean DEFAULT false NOT NULL,
	"is_new_identity" boolean DEFAULT false NOT NULL,
	"status" "record_status" DEFAULT 'live' NOT NULL,
	"merged_into_id" uuid,
	"stay_on_until" date,
	"stay_on_basis" "stay_on_basis",
	"archived_at" timestamp with time zone,
	"purge_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_index_number_key" UNIQUE("index_number"),
	CONSTRAINT "children_stay_on_has_basis" CHECK (("children"."stay_on_until" is null) = ("children"."stay_on_basis" is null)),
	CONSTRAINT "children_postcode_matches_status" CHECK ("children"."postcode" is null or "children"."address_status" in ('current', 'last_known'))
);
--> statement-breakpoint
CREATE TABLE "other_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" "other_name_kind" NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"family_name_phonetic" text GENERATED ALWAYS AS (dmetaphone(family_name)) STORED,
	"used_until" date,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"postcode_district" text GENERATED ALWAYS AS (split_part(postcode, ' ', 1)) STORED
);
--> statement-breakpoint
CREATE TABLE "child_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"lived_from" date,
	"lived_until" date,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"address_id" uuid,
	"phone" text,
	"email" text,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_carers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"carer_id" uuid NOT NULL,
	"relationship" "carer_relationship" NOT NULL,
	"has_parental_responsibility" boolean NOT NULL,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_carers_child_carer_key" UNIQUE("child_id","carer_id")
);
--> statement-breakpoint
CREATE TABLE "education_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"started_on" date,
	"ended_on" date,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gp_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"registered_on" date,
	"ended_on" date,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "involvements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"service_type_code" text NOT NULL,
	"organisation_id" uuid,
	"practitioner_staff_id" uuid,
	"practitioner_name" text,
	"phone" text,
	"email" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"consent_basis" "consent_basis",
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_sensitive" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" "indication_kind" NOT NULL,
	"recorded_on" date NOT NULL,
	"ended_on" date,
	"organisation_id" uuid,
	"contact_staff_id" uuid,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"source_system_id" uuid,
	"recorded_by_staff_id" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"responsible_local_authority_code" text NOT NULL,
	"reason" text NOT NULL,
	"shielded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shielded_by_staff_id" uuid,
	"lifted_at" timestamp with time zone,
	"lifted_by_staff_id" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "correction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"child_id" uuid NOT NULL,
	"requested_by_citizen_id" uuid,
	"item_kind" "record_item_kind" NOT NULL,
	"item_id" uuid,
	"field" text NOT NULL,
	"value_as_held" text,
	"requested_value" text NOT NULL,
	"explanation" text,
	"status" "correction_status" DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"paused_at" timestamp with time zone,
	"days_paused" integer DEFAULT 0 NOT NULL,
	"assigned_to_staff_id" uuid,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"applied_version" integer,
	CONSTRAINT "correction_requests_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by_staff_id" uuid,
	"source_system_id" uuid,
	"correction_request_id" uuid,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "record_versions_child_version_key" UNIQUE("child_id","version")
);
--> statement-breakpoint
CREATE TABLE "citizen_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_record_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"relationship" "citizen_relationship" NOT NULL,
	"carer_id" uuid,
	"verification_level" "verification_level" NOT NULL,
	"verification_method" text NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "parent_access_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"carer_id" uuid NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" uuid,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"reason" text,
	"query" jsonb,
	"child_ids" uuid[] DEFAULT '{}' NOT NULL,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"client_address" "inet"
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_identities" ADD CONSTRAINT "source_identities_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_identities" ADD CONSTRAINT "source_identities_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_systems" ADD CONSTRAINT "source_systems_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_systems" ADD CONSTRAINT "source_systems_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_sensitive_service_code_service_types_code_fk" FOREIGN KEY ("sensitive_service_code") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_merged_into_id_children_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_names" ADD CONSTRAINT "other_names_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_names" ADD CONSTRAINT "other_names_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_names" ADD CONSTRAINT "other_names_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_addresses" ADD CONSTRAINT "child_addresses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_addresses" ADD CONSTRAINT "child_addresses_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_addresses" ADD CONSTRAINT "child_addresses_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_addresses" ADD CONSTRAINT "child_addresses_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carers" ADD CONSTRAINT "carers_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carers" ADD CONSTRAINT "carers_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carers" ADD CONSTRAINT "carers_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_carers" ADD CONSTRAINT "child_carers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_carers" ADD CONSTRAINT "child_carers_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_carers" ADD CONSTRAINT "child_carers_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_carers" ADD CONSTRAINT "child_carers_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_placements" ADD CONSTRAINT "education_placements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_placements" ADD CONSTRAINT "education_placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_placements" ADD CONSTRAINT "education_placements_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_placements" ADD CONSTRAINT "education_placements_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_service_type_code_service_types_code_fk" FOREIGN KEY ("service_type_code") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_practitioner_staff_id_staff_users_id_fk" FOREIGN KEY ("practitioner_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involvements" ADD CONSTRAINT "involvements_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_contact_staff_id_staff_users_id_fk" FOREIGN KEY ("contact_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shields" ADD CONSTRAINT "shields_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shields" ADD CONSTRAINT "shields_responsible_local_authority_code_local_authorities_code_fk" FOREIGN KEY ("responsible_local_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shields" ADD CONSTRAINT "shields_shielded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("shielded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shields" ADD CONSTRAINT "shields_lifted_by_staff_id_staff_users_id_fk" FOREIGN KEY ("lifted_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_requested_by_citizen_id_citizen_accounts_id_fk" FOREIGN KEY ("requested_by_citizen_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_assigned_to_staff_id_staff_users_id_fk" FOREIGN KEY ("assigned_to_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_changed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_correction_request_id_correction_requests_id_fk" FOREIGN KEY ("correction_request_id") REFERENCES "public"."correction_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_record_links" ADD CONSTRAINT "citizen_record_links_citizen_id_citizen_accounts_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_record_links" ADD CONSTRAINT "citizen_record_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_record_links" ADD CONSTRAINT "citizen_record_links_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_access_agreements" ADD CONSTRAINT "parent_access_agreements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_access_agreements" ADD CONSTRAINT "parent_access_agreements_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kind_code_key" ON "organisations" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "organisations_la_idx" ON "organisations" USING btree ("local_authority_code");--> statement-breakpoint
CREATE INDEX "source_identities_child_idx" ON "source_identities" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_username_key" ON "staff_users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "staff_users_organisation_idx" ON "staff_users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "staff_users_la_idx" ON "staff_users" USING btree ("local_authority_code");--> statement-breakpoint
CREATE INDEX "children_family_name_phonetic_idx" ON "children" USING btree ("family_name_phonetic","postcode_district");--> statement-breakpoint
CREATE INDEX "children_merged_into_idx" ON "children" USING btree ("merged_into_id") WHERE "children"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "children_status_idx" ON "children" USING btree ("status","date_of_birth") WHERE "children"."status" <> 'live';--> statement-breakpoint
CREATE INDEX "other_names_child_idx" ON "other_names" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "addresses_postcode_idx" ON "addresses" USING btree ("postcode");--> statement-breakpoint
CREATE INDEX "child_addresses_child_idx" ON "child_addresses" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_addresses_address_idx" ON "child_addresses" USING btree ("address_id") WHERE "child_addresses"."lived_until" is null;--> statement-breakpoint
CREATE INDEX "carers_address_idx" ON "carers" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "child_carers_carer_idx" ON "child_carers" USING btree ("carer_id");--> statement-breakpoint
CREATE INDEX "education_placements_child_idx" ON "education_placements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "education_placements_organisation_idx" ON "education_placements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "gp_registrations_child_idx" ON "gp_registrations" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "gp_registrations_organisation_idx" ON "gp_registrations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "involvements_child_idx" ON "involvements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "involvements_practitioner_idx" ON "involvements" USING btree ("practitioner_staff_id");--> statement-breakpoint
CREATE INDEX "indications_child_idx" ON "indications" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shields_one_active_per_child" ON "shields" USING btree ("child_id") WHERE "shields"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "shields_child_idx" ON "shields" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "correction_requests_child_idx" ON "correction_requests" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "correction_requests_queue_idx" ON "correction_requests" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "record_versions_child_idx" ON "record_versions" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_accounts_email_key" ON "citizen_accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "citizen_record_links_citizen_idx" ON "citizen_record_links" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_record_links_child_idx" ON "citizen_record_links" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "parent_access_agreements_child_idx" ON "parent_access_agreements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_child_ids_idx" ON "audit_events" USING gin ("child_ids");