-- English beside each Swedish free text (schema.ts): null where none has been written.
ALTER TABLE "action_plan_goals" ADD COLUMN "theme_en" text;--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD COLUMN "goal_en" text;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "note_en" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants_en" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "purpose_en" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "outcome_en" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "summary_en" text;--> statement-breakpoint
ALTER TABLE "event_reasons" ADD COLUMN "text_en" text;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "text_en" text;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "speaker_role_en" text;--> statement-breakpoint
ALTER TABLE "status_events" ADD COLUMN "note_en" text;