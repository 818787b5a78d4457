ALTER TABLE "documents" DROP CONSTRAINT "documents_one_record";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "network_meeting_id" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_network_meeting_id_network_meetings_id_fk" FOREIGN KEY ("network_meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_network_meeting_idx" ON "documents" USING btree ("network_meeting_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_not_public" CHECK ("documents"."network_meeting_id" is null or not "documents"."public");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_one_record" CHECK (num_nonnulls("documents"."source_id", "documents"."agreement_id", "documents"."network_meeting_id") = 1);