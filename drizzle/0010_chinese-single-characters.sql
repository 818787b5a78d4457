-- search_bigrams() also gives each Chinese character alone (code points from
-- U+2E80, the CJK blocks on): a query of one Chinese character (州, 京) is a
-- meaningful search and is then found through the same GIN indexes
-- (src/domain/text/search.ts). A single Latin letter is not indexed: nearly
-- every name holds it. The indexes are rebuilt with the new function.
CREATE OR REPLACE FUNCTION search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT coalesce(array_agg(piece), '{}') FROM (
		SELECT substr(t, i, 2) AS piece FROM generate_series(1, length(t) - 1) AS i
		UNION ALL
		SELECT substr(t, i, 1) FROM generate_series(1, length(t)) AS i WHERE ascii(substr(t, i, 1)) >= 11904
	) AS pieces
	WHERE strpos(piece, ' ') = 0 AND strpos(piece, '|') = 0
$$;--> statement-breakpoint
REINDEX INDEX "actors_search_bigrams";--> statement-breakpoint
REINDEX INDEX "agreement_county_entries_search_bigrams";--> statement-breakpoint
REINDEX INDEX "agreements_search_bigrams";--> statement-breakpoint
REINDEX INDEX "counterparts_search_bigrams";
