-- Unlogged: a matching transaction writes and deletes its own rows here, so nothing in it outlives a transaction
-- (drizzle-kit has no word for unlogged; the schema declares the columns).
CREATE UNLOGGED TABLE "load_lookup_children" (
	"load_id" uuid NOT NULL,
	"child_id" uuid NOT NULL
);
