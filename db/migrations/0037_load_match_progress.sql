-- The step a load's matching has reached, written beside its one transaction from another connection so that the
-- load's page can show it (db/schema/loads.ts). Unlogged: a crash loses only the name of a step. No foreign key: its
-- check would wait on the load row that matching holds locked.
CREATE UNLOGGED TABLE "load_match_progress" (
	"load_id" uuid PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
