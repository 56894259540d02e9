DROP INDEX "addresses_postcode_idx";--> statement-breakpoint
CREATE INDEX "addresses_postcode_line1_idx" ON "addresses" USING btree ("postcode",lower("line1"));