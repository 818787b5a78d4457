CREATE TABLE "decision_bases" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	"version" integer NOT NULL,
	"purpose" text NOT NULL,
	"expected_benefit" text,
	"costs_so_far_sek" integer,
	"costs_planned_sek" integer,
	"costs_note" text,
	"counterpart_description" text,
	"democracy_human_rights" text,
	"security_advice_sought" boolean NOT NULL,
	"security_advice_from" text,
	"personal_data" text,
	"export_control" text,
	"register" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"comment" text,
	"organisation_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_bases_event_version" UNIQUE("event_id","version"),
	CONSTRAINT "decision_bases_costs_not_negative" CHECK (least("decision_bases"."costs_so_far_sek", "decision_bases"."costs_planned_sek") >= 0),
	CONSTRAINT "decision_bases_advice_from_when_sought" CHECK ("decision_bases"."security_advice_sought" or "decision_bases"."security_advice_from" is null)
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text NOT NULL,
	"body_sv" text NOT NULL,
	"body_en" text NOT NULL,
	"source_note" text,
	"owner_id" integer,
	"review_on" date NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_article_versions_article_version" UNIQUE("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text NOT NULL,
	"body_sv" text NOT NULL,
	"body_en" text NOT NULL,
	"source_note" text,
	"owner_id" integer,
	"review_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_event_id_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."status_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_bases_agreement_idx" ON "decision_bases" USING btree ("agreement_id");