-- The report's footnote 12 names two agreements between Göteborgs Stad and
-- Shanghai. The register held them as one source whose title mixed Swedish
-- and English; they are two sources now, each under its English title with
-- its date. A register loaded before gets them: the citations of the
-- agreement of 2003 and of its events go to the agreement of 2003, the others
-- to the memorandum of 1986, and the old source goes once nothing cites it.
-- Where the old source is gone or renamed, nothing happens.
INSERT INTO "sources" ("slug", "kind", "title", "language", "published", "seed_file", "seed_passage", "note", "note_en", "organisation_id", "visibility")
	SELECT v.slug, s.kind, v.title, 'en', v.published, s.seed_file, s.seed_passage, s.note, s.note_en, s.organisation_id, s.visibility
	FROM "sources" s, (VALUES
		('fn12-goteborg-mou-1986', 'Memorandum of cooperation', '1986-05'),
		('fn12-goteborg-sister-city-2003', 'Agreement on the establishment of sister city relationship between Shanghai municipality of the People’s Republic of China and the city of Göteborg of the kingdom of Sweden', '2003-10-23')
	) AS v(slug, title, published)
	WHERE s.slug = 'fn12-goteborg-agreements'
	ON CONFLICT ("slug") DO NOTHING;
--> statement-breakpoint
UPDATE "citations" c SET "source_id" = (
		SELECT id FROM "sources" WHERE "slug" = CASE
			WHEN (c.subject_type = 'agreement' AND c.subject_id = a.id) OR (c.subject_type = 'event' AND c.subject_id IN (SELECT e.id FROM "status_events" e WHERE e.agreement_id = a.id))
			THEN 'fn12-goteborg-sister-city-2003' ELSE 'fn12-goteborg-mou-1986' END)
	FROM (SELECT coalesce((SELECT id FROM "agreements" WHERE "slug" = 'goteborg--shanghai--2003'), 0) AS id) a
	WHERE c.source_id = (SELECT id FROM "sources" WHERE "slug" = 'fn12-goteborg-agreements');
--> statement-breakpoint
DELETE FROM "sources" s WHERE s.slug = 'fn12-goteborg-agreements' AND NOT EXISTS (SELECT 1 FROM "citations" c WHERE c.source_id = s.id);
