CREATE TABLE "action_plan_agreements" (
	"action_plan_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	CONSTRAINT "action_plan_agreements_action_plan_id_agreement_id_pk" PRIMARY KEY("action_plan_id","agreement_id")
);
--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "indicator" text;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "planned_activities" text;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "assessment" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "assessment_note" text;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "sort_order" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "responsible_unit" text;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "budget_sek" integer;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "reviewed_on" date;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "action_plan_goal_id" integer;--> statement-breakpoint
ALTER TABLE "action_plan_agreements" ADD CONSTRAINT "action_plan_agreements_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_agreements" ADD CONSTRAINT "action_plan_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_agreements_agreement_idx" ON "action_plan_agreements" USING btree ("agreement_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_action_plan_goal_id_action_plan_goals_id_fk" FOREIGN KEY ("action_plan_goal_id") REFERENCES "public"."action_plan_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_goals_plan_idx" ON "action_plan_goals" USING btree ("action_plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "activities_action_plan_goal_idx" ON "activities" USING btree ("action_plan_goal_id");--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD CONSTRAINT "action_plan_goals_assessment_known" CHECK ("action_plan_goals"."assessment" in ('met', 'partly_met', 'not_met', 'not_assessed'));--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_budget_sek_not_negative" CHECK ("action_plans"."budget_sek" >= 0);