-- A note on a party's part in an agreement gets its English, as the notes on actors and places have
-- (migration 0011). A register loaded before gets the English of the four shipped party notes where
-- a note is still exactly the shipped Swedish and has no English.
ALTER TABLE "agreement_parties" ADD COLUMN "note_en" text;
--> statement-breakpoint
UPDATE "agreement_parties" ap SET "note_en" = 'According to the 2010 case study, it was to take over responsibility and develop the cooperation further.'
  FROM "actors" a WHERE a.id = ap.actor_id AND a.slug = 'handelskammaren-norrbotten' AND ap.role = 'participant'
  AND ap."note" = 'Skulle enligt fallstudien 2010 ta över ansvaret och vidareutveckla samarbetet.' AND ap."note_en" IS NULL;
--> statement-breakpoint
UPDATE "agreement_parties" ap SET "note_en" = 'The report''s appendix writes "Region Kronoberg (Växjö)".'
  FROM "actors" a WHERE a.id = ap.actor_id AND a.slug = 'vaxjo' AND ap.role = 'participant'
  AND ap."note" = 'I rapportens bilaga står "Region Kronoberg (Växjö)".' AND ap."note_en" IS NULL;
--> statement-breakpoint
UPDATE "agreement_parties" ap SET "note_en" = 'Co-financed the China initiative 2011–2014.'
  FROM "actors" a WHERE a.id = ap.actor_id AND a.slug IN ('lst-kronoberg', 'vaxjo') AND ap.role = 'co_financier'
  AND ap."note" = 'Medfinansierade Kinasatsningen 2011–2014.' AND ap."note_en" IS NULL;
