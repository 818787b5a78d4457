ALTER TABLE "organisations" DROP CONSTRAINT "organisations_quiet_after_months_range";--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_kind_known";--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "term_months" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "renewal_months" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "notice_months" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "notice_days" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_term_months_range" CHECK ("agreements"."term_months" between 1 and 1200);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_renewal_months_range" CHECK ("agreements"."renewal_months" between 1 and 1200);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_notice_months_range" CHECK ("agreements"."notice_months" between 0 and 1200);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_notice_days_range" CHECK ("agreements"."notice_days" between 0 and 36500);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_renewal_needs_term" CHECK ("agreements"."renewal_months" is null or "agreements"."term_months" is not null);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_notice_needs_term" CHECK (("agreements"."notice_months" is null and "agreements"."notice_days" is null) or "agreements"."term_months" is not null);--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_notice_one_unit" CHECK ("agreements"."notice_months" is null or "agreements"."notice_days" is null);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_quiet_after_months_range" CHECK ("organisations"."quiet_after_months" between 1 and 120);--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind_known" CHECK ("reminders_sent"."kind" in ('follow_up_due', 'agreement_expires', 'quiet_agreement', 'notice_due', 'action_plan_review'));