CREATE TABLE "follow_up_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	"text" text NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"state_comment" text,
	"closed_at" timestamp with time zone,
	"organisation_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_points_state_known" CHECK ("follow_up_points"."state" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "follow_up_points" ADD CONSTRAINT "follow_up_points_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_points" ADD CONSTRAINT "follow_up_points_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_points" ADD CONSTRAINT "follow_up_points_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_points" ADD CONSTRAINT "follow_up_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_points_activity_idx" ON "follow_up_points" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "follow_up_points_owner_idx" ON "follow_up_points" USING btree ("owner_id","state","due_on");--> statement-breakpoint
CREATE INDEX "follow_up_points_organisation_idx" ON "follow_up_points" USING btree ("organisation_id","state","due_on");