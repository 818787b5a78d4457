-- Written by hand around what drizzle-kit generated: btree_gin (a GIN index
-- on county and search text together), and one SQL function that writes a
-- county's entries, called by the backfill below and by refresh-caches.ts, so
-- what an entry holds is written once.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "agreement_county_entries" (
	"county_code" text NOT NULL,
	"agreement_id" integer NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"official_title" text,
	"party_label" text NOT NULL,
	"counterpart_label" text NOT NULL,
	"established_min" date,
	"established_year" integer,
	"current_status" text NOT NULL,
	"visibility" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"party_kinds" text[] NOT NULL,
	"place_ids" integer[] NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "agreement_county_entries_county_code_agreement_id_pk" PRIMARY KEY("county_code","agreement_id")
);
--> statement-breakpoint
ALTER TABLE "agreement_county_entries" ADD CONSTRAINT "agreement_county_entries_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_county_entries_agreement_idx" ON "agreement_county_entries" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_county_entries_search" ON "agreement_county_entries" USING gin ("county_code","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION refresh_agreement_county_entries(ids integer[]) RETURNS void LANGUAGE sql AS $$
	DELETE FROM agreement_county_entries WHERE agreement_id = ANY(ids);
	INSERT INTO agreement_county_entries
	SELECT c.county_code, a.id, a.slug, a.kind, a.official_title, a.party_label, a.counterpart_label, a.established_min, a.established_year,
		a.current_status, a.visibility, a.organisation_id, a.party_kinds, a.place_ids, a.search_text
	FROM agreements a CROSS JOIN LATERAL unnest(a.party_counties) AS c(county_code)
	WHERE a.id = ANY(ids)
	ORDER BY c.county_code, a.id;
$$;--> statement-breakpoint
SELECT refresh_agreement_county_entries(array(SELECT id FROM agreements));--> statement-breakpoint
-- What earlier writes left in the GIN pending lists goes into the indexes now (see src/db/after-bulk-load.ts).
SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
	WHERE am.amname = 'gin' AND c.relnamespace = 'public'::regnamespace;
