-- Lists in the order of the Swedish alphabet, the same on PostgreSQL and
-- PGlite. The databases' default collation is C, which puts Ä (U+00C4) before
-- Å (U+00C5); PGlite's ICU holds the root collation alone (its "sv-SE" puts Å
-- and Ä among the A's), and PostgreSQL 15 takes no collation rules.
-- swedish_sort_key(t) is a text whose C order is t's order by letter as
-- CLDR's Swedish has it: å, ä and ö are letters after z, written as the three
-- characters after z in ASCII ({ | }); æ and ę sort as ä; ø, ő and œ as ö; ü
-- and ű as y; any other letter with a diacritic as its letter; case is
-- ignored. Names get their key as a generated column, since the function
-- costs microseconds a call (7 µs on PostgreSQL for a 40-character name): a
-- list orders by the key, then by the name. The keys are compared in the "C"
-- collation (bytes) whatever the database's default: under "C.UTF-8" they
-- were compared through strcoll, and a county's list took 1.51 ms a
-- statement instead of 1.39 (the bench's 60 syllable × county pairs). tests/integration/register.test.ts
-- compares the order with Node's Intl.Collator("sv").
CREATE FUNCTION swedish_sort_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT lower(regexp_replace(
		normalize(translate(normalize(t, NFC), 'ÅåÄäÆæĘęÖöØøŐőŒœÜüŰű', '{{||||||}}}}}}}}yyyy'), NFD),
		U&'[\0300-\036F]', '', 'g'))
$$;--> statement-breakpoint
DROP INDEX "agreements_party_label_idx";--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "name_sort_key" text COLLATE "C" GENERATED ALWAYS AS (swedish_sort_key(name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_county_entries" ADD COLUMN "party_sort_key" text COLLATE "C" GENERATED ALWAYS AS (swedish_sort_key(party_label)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_county_entries" ADD COLUMN "counterpart_sort_key" text COLLATE "C" GENERATED ALWAYS AS (swedish_sort_key(counterpart_label)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "party_sort_key" text COLLATE "C" GENERATED ALWAYS AS (swedish_sort_key(party_label)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "counterpart_sort_key" text COLLATE "C" GENERATED ALWAYS AS (swedish_sort_key(counterpart_label)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "agreements_party_sort_idx" ON "agreements" USING btree ("party_sort_key");