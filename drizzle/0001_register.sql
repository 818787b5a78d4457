CREATE TABLE "action_plan_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_plan_id" integer NOT NULL,
	"theme" text NOT NULL,
	"goal" text NOT NULL,
	"follow_up" text
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"note" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" text NOT NULL,
	"date_min" date,
	"participants" text,
	"purpose" text,
	"outcome" text,
	"cost_sek" integer,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actor_successions" (
	"id" serial PRIMARY KEY NOT NULL,
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text,
	"county_code" text,
	"existed_from" text,
	"existed_to" text,
	"seat_lat" double precision,
	"seat_lon" double precision,
	"note" text,
	"search_text" text DEFAULT '' NOT NULL,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actors_slug_unique" UNIQUE("slug"),
	CONSTRAINT "actors_municipality_code_format" CHECK ("actors"."municipality_code" ~ '^[0-9]{4}$'),
	CONSTRAINT "actors_county_code_format" CHECK ("actors"."county_code" ~ '^[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "agreement_counterparts" (
	"agreement_id" integer NOT NULL,
	"counterpart_id" integer NOT NULL,
	CONSTRAINT "agreement_counterparts_agreement_id_counterpart_id_pk" PRIMARY KEY("agreement_id","counterpart_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"time_limited" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"role" text DEFAULT 'party' NOT NULL,
	"note" text,
	CONSTRAINT "agreement_parties_agreement_id_actor_id_role_pk" PRIMARY KEY("agreement_id","actor_id","role")
);
--> statement-breakpoint
CREATE TABLE "agreement_status_periods" (
	"agreement_id" integer NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "agreement_status_periods_agreement_id_valid_from_pk" PRIMARY KEY("agreement_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"official_title" text,
	"signed_on" text,
	"term" text,
	"renewal_rule" text,
	"ends_on" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"funding" text,
	"responsible_unit" text,
	"parent_id" integer,
	"summary" text,
	"current_status" text DEFAULT 'planned' NOT NULL,
	"established_min" date,
	"established_year" integer,
	"last_event_on" date,
	"party_label" text DEFAULT '' NOT NULL,
	"counterpart_label" text DEFAULT '' NOT NULL,
	"party_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"party_counties" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_label" text NOT NULL,
	"organisation_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"passage" text
);
--> statement-breakpoint
CREATE TABLE "counterparts" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"country_code" text NOT NULL,
	"name_latin" text NOT NULL,
	"name_native" text,
	"name_pinyin" text,
	"level" text NOT NULL,
	"parent_id" integer,
	"ancestor_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"note" text,
	"search_text" text DEFAULT '' NOT NULL,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counterparts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "discrepancies" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer,
	"field" text NOT NULL,
	"recorded_value" text NOT NULL,
	"other_value" text NOT NULL,
	"explanation_sv" text NOT NULL,
	"explanation_en" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_reasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"code" text NOT NULL,
	"stated_by" text DEFAULT 'decision_maker' NOT NULL,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "quotations" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"event_id" integer,
	"text" text NOT NULL,
	"language" text DEFAULT 'sv' NOT NULL,
	"speaker_role" text,
	"speaker_name" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"publisher" text,
	"published" text,
	"url" text,
	"archive_reference" text,
	"retrieved_on" text,
	"seed_file" text,
	"seed_passage" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"note" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"type" text NOT NULL,
	"date" text NOT NULL,
	"date_min" date,
	"date_max" date,
	"date_precision" text NOT NULL,
	"side" text,
	"mode" text,
	"deciding_body" text,
	"reference" text,
	"case_number" text,
	"note" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"subject" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text DEFAULT 'reader' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_subject_unique" UNIQUE("subject")
);
--> statement-breakpoint
ALTER TABLE "action_plan_goals" ADD CONSTRAINT "action_plan_goals_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_successions" ADD CONSTRAINT "actor_successions_predecessor_id_actors_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_successions" ADD CONSTRAINT "actor_successions_successor_id_actors_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_counterparts" ADD CONSTRAINT "agreement_counterparts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_counterparts" ADD CONSTRAINT "agreement_counterparts_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_status_periods" ADD CONSTRAINT "agreement_status_periods_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_kind_agreement_kinds_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."agreement_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_parent_id_agreements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_parent_id_counterparts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reasons" ADD CONSTRAINT "event_reasons_event_id_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."status_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_event_id_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."status_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_agreement_idx" ON "activities" USING btree ("agreement_id","date_min");--> statement-breakpoint
CREATE UNIQUE INDEX "actors_municipality_code_key" ON "actors" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "actors_county_idx" ON "actors" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "actors_search_trgm" ON "actors" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agreement_counterparts_counterpart_idx" ON "agreement_counterparts" USING btree ("counterpart_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_actor_idx" ON "agreement_parties" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "status_periods_from_idx" ON "agreement_status_periods" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "agreements_status_idx" ON "agreements" USING btree ("current_status");--> statement-breakpoint
CREATE INDEX "agreements_kind_idx" ON "agreements" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "agreements_established_idx" ON "agreements" USING btree ("established_min");--> statement-breakpoint
CREATE INDEX "agreements_parent_idx" ON "agreements" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agreements_search_trgm" ON "agreements" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agreements_place_ids_gin" ON "agreements" USING gin ("place_ids");--> statement-breakpoint
CREATE INDEX "agreements_party_kinds_gin" ON "agreements" USING gin ("party_kinds");--> statement-breakpoint
CREATE INDEX "agreements_party_counties_gin" ON "agreements" USING gin ("party_counties");--> statement-breakpoint
CREATE INDEX "agreements_party_label_idx" ON "agreements" USING btree ("party_label");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "citations_subject_idx" ON "citations" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "citations_source_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "counterparts_parent_idx" ON "counterparts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "counterparts_ancestors_gin" ON "counterparts" USING gin ("ancestor_ids");--> statement-breakpoint
CREATE INDEX "counterparts_search_trgm" ON "counterparts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "discrepancies_agreement_idx" ON "discrepancies" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "event_reasons_event_idx" ON "event_reasons" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "quotations_agreement_idx" ON "quotations" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "status_events_agreement_idx" ON "status_events" USING btree ("agreement_id","date_max","id");--> statement-breakpoint
CREATE INDEX "status_events_type_idx" ON "status_events" USING btree ("type","date_max");