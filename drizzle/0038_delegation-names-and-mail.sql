CREATE TABLE "delegation_checks" (
	"record_kind" text NOT NULL,
	"record_id" integer NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_checks_record_kind_record_id_pk" PRIMARY KEY("record_kind","record_id"),
	CONSTRAINT "delegation_checks_record_kind_known" CHECK ("delegation_checks"."record_kind" in ('activity', 'invitation'))
);
--> statement-breakpoint
CREATE TABLE "delegation_warnings_sent" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_kind" text NOT NULL,
	"first_id" integer NOT NULL,
	"second_kind" text NOT NULL,
	"second_id" integer NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_warnings_sent_once" UNIQUE("first_kind","first_id","second_kind","second_id","recipient"),
	CONSTRAINT "delegation_warnings_sent_first_kind_known" CHECK ("delegation_warnings_sent"."first_kind" in ('activity', 'invitation')),
	CONSTRAINT "delegation_warnings_sent_second_kind_known" CHECK ("delegation_warnings_sent"."second_kind" in ('activity', 'invitation'))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "delegation_name" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "delegation_persons" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "delegation_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "received_invitations" ADD COLUMN "delegation_name" text;--> statement-breakpoint
ALTER TABLE "received_invitations" ADD COLUMN "delegation_persons" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "received_invitations" ADD COLUMN "delegation_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "activities_delegation_keys_idx" ON "activities" USING gin ("delegation_keys");--> statement-breakpoint
CREATE INDEX "received_invitations_delegation_keys_idx" ON "received_invitations" USING gin ("delegation_keys");--> statement-breakpoint
CREATE INDEX "received_invitations_day_idx" ON "received_invitations" USING btree (coalesce("event_date_min", "received_on"));