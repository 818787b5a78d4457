ALTER TABLE "audit_log" ADD COLUMN "data_version" bigint;--> statement-breakpoint
CREATE INDEX "audit_log_data_version_idx" ON "audit_log" USING btree ("data_version");