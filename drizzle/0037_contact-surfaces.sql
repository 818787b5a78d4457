CREATE TABLE "contact_surface_actors" (
	"surface_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	CONSTRAINT "contact_surface_actors_surface_id_actor_id_pk" PRIMARY KEY("surface_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "contact_surface_places" (
	"surface_id" integer NOT NULL,
	"counterpart_id" integer NOT NULL,
	CONSTRAINT "contact_surface_places_surface_id_counterpart_id_pk" PRIMARY KEY("surface_id","counterpart_id")
);
--> statement-breakpoint
CREATE TABLE "contact_surfaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"description" text,
	"description_en" text,
	"date" text,
	"date_min" date,
	"end_date" text,
	"county_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"province_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_surfaces_kind_known" CHECK ("contact_surfaces"."kind" in ('investment', 'procurement', 'trade', 'academic', 'confucius', 'influence')),
	CONSTRAINT "contact_surfaces_visibility_known" CHECK ("contact_surfaces"."visibility" in ('public', 'shared', 'internal'))
);
--> statement-breakpoint
ALTER TABLE "citations" DROP CONSTRAINT "citations_subject_type_known";--> statement-breakpoint
ALTER TABLE "contact_surface_actors" ADD CONSTRAINT "contact_surface_actors_surface_id_contact_surfaces_id_fk" FOREIGN KEY ("surface_id") REFERENCES "public"."contact_surfaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_surface_actors" ADD CONSTRAINT "contact_surface_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_surface_places" ADD CONSTRAINT "contact_surface_places_surface_id_contact_surfaces_id_fk" FOREIGN KEY ("surface_id") REFERENCES "public"."contact_surfaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_surface_places" ADD CONSTRAINT "contact_surface_places_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_surfaces" ADD CONSTRAINT "contact_surfaces_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_surface_actors_actor_idx" ON "contact_surface_actors" USING btree ("actor_id","surface_id");--> statement-breakpoint
CREATE INDEX "contact_surface_places_counterpart_idx" ON "contact_surface_places" USING btree ("counterpart_id","surface_id");--> statement-breakpoint
CREATE INDEX "contact_surfaces_kind_idx" ON "contact_surfaces" USING btree ("kind","visibility");--> statement-breakpoint
CREATE INDEX "contact_surfaces_date_idx" ON "contact_surfaces" USING btree ("date_min" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_surfaces_organisation_idx" ON "contact_surfaces" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_subject_type_known" CHECK ("citations"."subject_type" in ('agreement', 'event', 'actor', 'counterpart', 'quotation', 'discrepancy', 'activity', 'action_plan', 'succession', 'contact_surface'));