-- Written by hand around what drizzle-kit generated: the function the indexes
-- are built on. search_bigrams(text) is a text's two-character pieces (with
-- repeats; GIN keeps each once), leaving out those with a space or the '|'
-- that search_text puts between names: a GIN index of them finds a query of
-- two characters (苏州, "su"), which a trigram index cannot (src/domain/text/search.ts).
CREATE FUNCTION search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT coalesce(array_agg(piece), '{}') FROM generate_series(1, length(t) - 1) AS i, substr(t, i, 2) AS piece
	WHERE strpos(piece, ' ') = 0 AND strpos(piece, '|') = 0
$$;--> statement-breakpoint
CREATE INDEX "actors_search_bigrams" ON "actors" USING gin (search_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "agreement_county_entries_search_bigrams" ON "agreement_county_entries" USING gin ("county_code",search_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "agreements_search_bigrams" ON "agreements" USING gin (search_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "counterparts_search_bigrams" ON "counterparts" USING gin (search_bigrams("search_text"));