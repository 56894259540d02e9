ALTER TYPE "public"."alert_kind" ADD VALUE 'unusual_volume';--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'out_of_hours';--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'searching_without_viewing';--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'possible_relative';--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_once_per_window" ON "alerts" USING btree ("kind","staff_user_id","window_start",coalesce("child_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "alerts"."window_start" is not null;