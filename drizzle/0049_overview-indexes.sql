DROP INDEX "agreements_organisation_idx";--> statement-breakpoint
CREATE INDEX "action_plans_unreviewed_idx" ON "action_plans" USING btree ("organisation_id") WHERE "action_plans"."reviewed_on" is null;--> statement-breakpoint
CREATE INDEX "agreements_organisation_status_idx" ON "agreements" USING btree ("organisation_id","current_status");--> statement-breakpoint
CREATE INDEX "agreements_organisation_ending_idx" ON "agreements" USING btree ("organisation_id") WHERE "agreements"."ends_on" is not null or "agreements"."term_months" is not null;