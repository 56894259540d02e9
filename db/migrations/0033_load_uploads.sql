CREATE TYPE "public"."load_upload_status" AS ENUM('receiving', 'checking', 'staged', 'refused');--> statement-breakpoint
CREATE TABLE "load_upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "load_upload_chunks_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "load_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_system_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"as_of" date NOT NULL,
	"submitted_by_kind" "actor_kind" NOT NULL,
	"submitted_by_id" uuid,
	"status" "load_upload_status" DEFAULT 'receiving' NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"file_sha256" text,
	"refusal" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "load_upload_chunks" ADD CONSTRAINT "load_upload_chunks_upload_id_load_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."load_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "load_uploads" ADD CONSTRAINT "load_uploads_source_system_id_source_systems_id_fk" FOREIGN KEY ("source_system_id") REFERENCES "public"."source_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "load_uploads_one_at_a_time" ON "load_uploads" USING btree ("source_system_id") WHERE "load_uploads"."status" in ('receiving', 'checking');--> statement-breakpoint
CREATE INDEX "load_uploads_received_idx" ON "load_uploads" USING btree ("received_at");