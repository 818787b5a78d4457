ALTER TABLE "decision_bases" ADD COLUMN "risk_democracy_human_rights_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_democracy_human_rights_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_security_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_security_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_personal_data_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_personal_data_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_export_control_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_export_control_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_reputation_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_reputation_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_finances_level" text DEFAULT 'not_assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD COLUMN "risk_finances_justification" text;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_democracy_human_rights_level_known" CHECK ("decision_bases"."risk_democracy_human_rights_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_security_level_known" CHECK ("decision_bases"."risk_security_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_personal_data_level_known" CHECK ("decision_bases"."risk_personal_data_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_export_control_level_known" CHECK ("decision_bases"."risk_export_control_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_reputation_level_known" CHECK ("decision_bases"."risk_reputation_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_risk_finances_level_known" CHECK ("decision_bases"."risk_finances_level" in ('not_assessed', 'low', 'moderate', 'high'));--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_high_risk_justified" CHECK (("decision_bases"."risk_democracy_human_rights_level" <> 'high' or "decision_bases"."risk_democracy_human_rights_justification" is not null)
        and ("decision_bases"."risk_security_level" <> 'high' or "decision_bases"."risk_security_justification" is not null)
        and ("decision_bases"."risk_personal_data_level" <> 'high' or "decision_bases"."risk_personal_data_justification" is not null)
        and ("decision_bases"."risk_export_control_level" <> 'high' or "decision_bases"."risk_export_control_justification" is not null)
        and ("decision_bases"."risk_reputation_level" <> 'high' or "decision_bases"."risk_reputation_justification" is not null)
        and ("decision_bases"."risk_finances_level" <> 'high' or "decision_bases"."risk_finances_justification" is not null));