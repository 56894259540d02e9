-- Trigram similarity and phonetic codes for tolerant name matching (search, record linkage).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
