CREATE INDEX "action_plans_agreement_idx" ON "action_plans" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_organisation_idx" ON "agreements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "follow_up_points_agreement_idx" ON "follow_up_points" USING btree ("agreement_id");