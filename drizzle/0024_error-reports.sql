CREATE TABLE "error_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"page" text,
	"message" text NOT NULL,
	"email" text,
	"sender_hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "error_reports_sender_at_idx" ON "error_reports" USING btree ("sender_hash","at");--> statement-breakpoint
CREATE INDEX "error_reports_at_idx" ON "error_reports" USING btree ("at");