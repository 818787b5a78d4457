ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_kind_known";--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_topics_known" CHECK ("knowledge_articles"."topics" <@ array['decision_basis', 'delegation_warning', 'new_agreement']::text[]);--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind_known" CHECK ("reminders_sent"."kind" in ('follow_up_due', 'agreement_expires', 'quiet_agreement', 'notice_due', 'action_plan_review', 'article_review'));--> statement-breakpoint
-- The forms that link to guidance find it by topic, not by a slug that can be withdrawn (web/knowledge/guidance-links.tsx).
UPDATE "knowledge_articles" SET "topics" = '{decision_basis,new_agreement}' WHERE "slug" = 'infor-beslut';--> statement-breakpoint
UPDATE "knowledge_articles" SET "topics" = '{delegation_warning}' WHERE "slug" = 'samordna-med-andra';
