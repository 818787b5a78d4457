-- Every coded column (values from a closed set in the code, src/db/schema.ts)
-- held to that set, so that a restored backup or any write path cannot store
-- what the code does not know. A confidential source is never public: one
-- that is (no write path made one, but a backup could hold it) becomes
-- internal before the constraint is added.
UPDATE "sources" SET "visibility" = 'internal' WHERE "confidential" AND "visibility" = 'public';--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_visibility_known" CHECK ("action_plans"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_known" CHECK ("activities"."kind" in ('visit_outgoing', 'visit_incoming', 'meeting', 'project', 'exchange', 'event'));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_visibility_known" CHECK ("activities"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "actor_successions" ADD CONSTRAINT "actor_successions_kind_known" CHECK ("actor_successions"."kind" in ('renamed', 'merged', 'took_over'));--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_kind_known" CHECK ("actors"."kind" in ('kommun', 'region', 'lansstyrelse', 'regionforbund', 'municipal_company', 'university', 'business_organisation', 'friendship_association', 'other'));--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_visibility_known" CHECK ("actors"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "agreement_county_entries" ADD CONSTRAINT "agreement_county_entries_current_status_known" CHECK ("agreement_county_entries"."current_status" in ('planned', 'active', 'dormant', 'paused', 'partly_ended', 'ended'));--> statement-breakpoint
ALTER TABLE "agreement_county_entries" ADD CONSTRAINT "agreement_county_entries_visibility_known" CHECK ("agreement_county_entries"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_role_known" CHECK ("agreement_parties"."role" in ('party', 'original_signatory', 'co_financier', 'participant'));--> statement-breakpoint
ALTER TABLE "agreement_status_periods" ADD CONSTRAINT "agreement_status_periods_status_known" CHECK ("agreement_status_periods"."status" in ('planned', 'active', 'dormant', 'paused', 'partly_ended', 'ended'));--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_current_status_known" CHECK ("agreements"."current_status" in ('planned', 'active', 'dormant', 'paused', 'partly_ended', 'ended'));--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_visibility_known" CHECK ("agreements"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_subject_type_known" CHECK ("citations"."subject_type" in ('agreement', 'event', 'actor', 'counterpart', 'quotation', 'discrepancy', 'activity', 'action_plan', 'succession'));--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_level_known" CHECK ("counterparts"."level" in ('country', 'province', 'autonomous_region', 'municipality', 'sar', 'prefecture_city', 'autonomous_prefecture', 'county', 'county_city', 'district', 'other'));--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_country_code_known" CHECK ("counterparts"."country_code" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_visibility_known" CHECK ("counterparts"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_visibility_known" CHECK ("discrepancies"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "event_reasons" ADD CONSTRAINT "event_reasons_code_known" CHECK ("event_reasons"."code" in ('democracy_human_rights', 'chinese_state_actions', 'lack_of_activity', 'other'));--> statement-breakpoint
ALTER TABLE "event_reasons" ADD CONSTRAINT "event_reasons_stated_by_known" CHECK ("event_reasons"."stated_by" in ('decision_maker', 'representative', 'opposition'));--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_language_known" CHECK ("quotations"."language" ~ '^[a-z]{2}$');--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_visibility_known" CHECK ("quotations"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_kind_known" CHECK ("sources"."kind" in ('report', 'decision_protocol', 'agreement_text', 'motion', 'media_article', 'email', 'interview', 'web_page', 'strategy_document', 'blog_post', 'case_study', 'reference_data', 'other'));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_language_known" CHECK ("sources"."language" ~ '^[a-z]{2}$');--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_visibility_known" CHECK ("sources"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_confidential_not_public" CHECK (not ("sources"."confidential" and "sources"."visibility" = 'public'));--> statement-breakpoint
ALTER TABLE "status_day_deltas" ADD CONSTRAINT "status_day_deltas_status_known" CHECK ("status_day_deltas"."status" in ('planned', 'active', 'dormant', 'paused', 'partly_ended', 'ended'));--> statement-breakpoint
ALTER TABLE "status_day_deltas" ADD CONSTRAINT "status_day_deltas_visibility_known" CHECK ("status_day_deltas"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_type_known" CHECK ("status_events"."type" in ('planned', 'established', 'renewed', 'activity_observed', 'dormant', 'paused', 'resumed', 'partly_ended', 'ended'));--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_date_precision_known" CHECK ("status_events"."date_precision" in ('day', 'month', 'year', 'interval', 'unknown'));--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_side_known" CHECK ("status_events"."side" in ('swedish', 'counterpart', 'both'));--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_mode_known" CHECK ("status_events"."mode" in ('decision', 'non_renewal', 'expiry', 'faded_out'));--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_visibility_known" CHECK ("status_events"."visibility" in ('public', 'shared', 'internal'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_known" CHECK ("users"."role" in ('reader', 'editor', 'admin'));
