DROP INDEX "status_periods_from_idx";--> statement-breakpoint
CREATE INDEX "status_periods_range_gist" ON "agreement_status_periods" USING gist (daterange("valid_from", "valid_to", '[)'));