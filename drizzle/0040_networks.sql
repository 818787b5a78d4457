CREATE TABLE "network_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"held_on" text NOT NULL,
	"held_min" date NOT NULL,
	"held_max" date NOT NULL,
	"place" text,
	"agenda" text,
	"minutes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"network_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_members_network_id_organisation_id_pk" PRIMARY KEY("network_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "network_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"written_by" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"county_code" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networks_kind_known" CHECK ("networks"."kind" in ('county', 'regional', 'national', 'other')),
	CONSTRAINT "networks_county_code_format" CHECK ("networks"."county_code" ~ '^[0-9]{2}$'),
	CONSTRAINT "networks_visibility_known" CHECK ("networks"."visibility" in ('public', 'shared', 'internal'))
);
--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_notes" ADD CONSTRAINT "network_notes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_notes" ADD CONSTRAINT "network_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_meetings_network_idx" ON "network_meetings" USING btree ("network_id","held_min");--> statement-breakpoint
CREATE INDEX "network_members_organisation_idx" ON "network_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "network_notes_network_idx" ON "network_notes" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "networks_organisation_idx" ON "networks" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "networks_county_idx" ON "networks" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "activities_kind_day_idx" ON "activities" USING btree ("kind","date_min");