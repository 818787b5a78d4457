CREATE TABLE "activity_agreements" (
	"activity_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	CONSTRAINT "activity_agreements_activity_id_agreement_id_pk" PRIMARY KEY("activity_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "activity_places" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"actor_id" integer,
	"counterpart_id" integer,
	CONSTRAINT "activity_places_one_place" CHECK (num_nonnulls("activity_places"."actor_id", "activity_places"."counterpart_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "activity_agreements" ADD CONSTRAINT "activity_agreements_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agreements" ADD CONSTRAINT "activity_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_places" ADD CONSTRAINT "activity_places_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_places" ADD CONSTRAINT "activity_places_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_places" ADD CONSTRAINT "activity_places_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_agreements_agreement_idx" ON "activity_agreements" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "activity_places_activity_idx" ON "activity_places" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_places_actor_key" ON "activity_places" USING btree ("activity_id","actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_places_counterpart_key" ON "activity_places" USING btree ("activity_id","counterpart_id");