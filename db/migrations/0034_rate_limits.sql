ALTER TYPE "public"."alert_kind" ADD VALUE 'repeated_refusals';--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"theoretical_arrival_at" timestamp with time zone NOT NULL
);
