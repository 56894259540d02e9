CREATE TABLE "organisation_services" (
	"organisation_id" uuid NOT NULL,
	"service_type_code" text NOT NULL,
	"added_by_staff_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"approved_by_staff_id" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "organisation_services_organisation_id_service_type_code_pk" PRIMARY KEY("organisation_id","service_type_code"),
	CONSTRAINT "organisation_services_second_person" CHECK ("organisation_services"."approved_by_staff_id" is null or "organisation_services"."added_by_staff_id" is null or "organisation_services"."approved_by_staff_id" <> "organisation_services"."added_by_staff_id")
);
--> statement-breakpoint
ALTER TABLE "organisation_services" ADD CONSTRAINT "organisation_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_services" ADD CONSTRAINT "organisation_services_service_type_code_service_types_code_fk" FOREIGN KEY ("service_type_code") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_services" ADD CONSTRAINT "organisation_services_added_by_staff_id_staff_users_id_fk" FOREIGN KEY ("added_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_services" ADD CONSTRAINT "organisation_services_approved_by_staff_id_staff_users_id_fk" FOREIGN KEY ("approved_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_services_service_idx" ON "organisation_services" USING btree ("service_type_code");--> statement-breakpoint
-- A database that already holds organisations keeps working: schools record as education settings, councils as
-- their own children's services, and every provider as the services its source systems already say it provides.
-- Involvements recorded by staff are left out, as they may be the very ones recorded as a service not provided.
INSERT INTO "organisation_services" ("organisation_id", "service_type_code", "reason", "approved_at")
SELECT o."id", s."code", 'Provided before services were kept per organisation', now()
FROM "organisations" o
JOIN "service_types" s ON (o."kind" IN ('school', 'nursery', 'college') AND s."code" = 'education')
  OR (o."kind" = 'local_authority' AND s."code" IN ('childrens_social_care', 'early_help', 'education_welfare', 'send_support', 'virtual_school'))
UNION
SELECT DISTINCT i."organisation_id", i."service_type_code", 'Provided before services were kept per organisation', now()
FROM "involvements" i
WHERE i."organisation_id" IS NOT NULL AND i."practitioner_staff_id" IS NULL
ON CONFLICT DO NOTHING;
