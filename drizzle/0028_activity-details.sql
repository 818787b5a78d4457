ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_known";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cost_travel_sek" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cost_hospitality_sek" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cost_project_sek" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cost_other_sek" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "funding" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_politicians" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_officials" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_companies" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_education" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_students" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_funding_known" CHECK ("activities"."funding" <@ array['own_budget', 'icld_sida', 'eu', 'counterpart', 'other']::text[]);--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_amounts_not_negative" CHECK (least("activities"."cost_sek", "activities"."cost_travel_sek", "activities"."cost_hospitality_sek", "activities"."cost_project_sek", "activities"."cost_other_sek", "activities"."participants_politicians", "activities"."participants_officials", "activities"."participants_companies", "activities"."participants_education", "activities"."participants_students") >= 0);--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_known" CHECK ("activities"."kind" in ('visit_outgoing', 'visit_incoming', 'meeting', 'meeting_digital', 'project', 'exchange', 'event'));