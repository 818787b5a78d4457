CREATE TABLE "received_invitation_recipients" (
	"invitation_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	CONSTRAINT "received_invitation_recipients_invitation_id_actor_id_pk" PRIMARY KEY("invitation_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "received_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"received_on" date NOT NULL,
	"sender" text NOT NULL,
	"counterpart_id" integer,
	"subject" text NOT NULL,
	"event_date" text,
	"event_date_min" date,
	"event_date_max" date,
	"note" text,
	"organisation_id" integer NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "received_invitations_visibility_known" CHECK ("received_invitations"."visibility" in ('public', 'shared', 'internal'))
);
--> statement-breakpoint
ALTER TABLE "received_invitation_recipients" ADD CONSTRAINT "received_invitation_recipients_invitation_id_received_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."received_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_invitation_recipients" ADD CONSTRAINT "received_invitation_recipients_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_invitations" ADD CONSTRAINT "received_invitations_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_invitations" ADD CONSTRAINT "received_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "received_invitation_recipients_actor_idx" ON "received_invitation_recipients" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "received_invitations_organisation_idx" ON "received_invitations" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "received_invitations_counterpart_idx" ON "received_invitations" USING btree ("counterpart_id");