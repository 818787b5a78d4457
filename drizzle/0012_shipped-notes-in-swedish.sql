-- A register loaded before migration 0011 holds the shipped data's editorial notes in English, in
-- the Swedish column. Each is moved to note_en and replaced by its Swedish, only where the row still
-- holds exactly the shipped English and no English note: a note someone has since changed is left as it is.
-- (On a new database the tables are empty here and the shipped data arrives with both languages.)
UPDATE "actors" SET "note" = 'I rapportens bilaga står "Region Kronoberg (Växjö)".', "note_en" = 'The report''s appendix writes "Region Kronoberg (Växjö)".' WHERE slug = 'region-kronoberg' AND "note" = 'The report''s appendix writes "Region Kronoberg (Växjö)".' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "actors" SET "note" = 'Kallar sig Malmö stad (rapportens fotnot 52).', "note_en" = 'Calls itself Malmö stad (the report''s footnote 52).' WHERE slug = 'malmo' AND "note" = 'Calls itself Malmö stad (the report''s footnote 52).' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "actors" SET "note" = 'Undertecknade avtalet med Guangdong 1995; Malmöhus län ingår numera i Skåne län (12).', "note_en" = 'Signed the agreement with Guangdong in 1995; Malmöhus län is now part of Skåne län (12).' WHERE slug = 'lst-malmohus' AND "note" = 'Signed the agreement with Guangdong in 1995; Malmöhus län is now part of Skåne län (12).' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "actors" SET "note" = 'Underlaget kallar den "The Chamber of Commerce in Norrbotten".', "note_en" = 'The seed calls it "The Chamber of Commerce in Norrbotten".' WHERE slug = 'handelskammaren-norrbotten' AND "note" = 'The seed calls it "The Chamber of Commerce in Norrbotten".' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "actors" SET "note" = 'Ägs helt av Region Skåne.', "note_en" = 'Wholly owned by Region Skåne.' WHERE slug = 'skane-care' AND "note" = 'Wholly owned by Region Skåne.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "actor_successions" SET "note" = 'Region Skåne förvaltar nu det avtal med Guangdong som Länsstyrelsen i Malmöhus län undertecknade 1995.', "note_en" = 'Region Skåne now manages the agreement with Guangdong that Länsstyrelsen i Malmöhus län signed in 1995.' WHERE predecessor_id = (select id from actors where slug = 'lst-malmohus') and successor_id = (select id from actors where slug = 'region-skane') AND "note" = 'Region Skåne now manages the agreement with Guangdong that Länsstyrelsen i Malmöhus län signed in 1995.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "counterparts" SET "note" = 'I bilagan står 湖州 på raden för Huzhou och 湖州市 på raden för Changxing.', "note_en" = 'The appendix writes 湖州 in the Huzhou row and 湖州市 in the Changxing row.' WHERE slug = 'huzhou' AND "note" = 'The appendix writes 湖州 in the Huzhou row and 湖州市 in the Changxing row.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "counterparts" SET "note" = 'Bilagan placerar den direkt under Shandong (曲阜市，山东省).', "note_en" = 'The appendix places it directly under Shandong (曲阜市，山东省).' WHERE slug = 'qufu' AND "note" = 'The appendix places it directly under Shandong (曲阜市，山东省).' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "counterparts" SET "note" = 'Bilagan placerar den direkt under Gansu (敦煌市，甘肃省).', "note_en" = 'The appendix places it directly under Gansu (敦煌市，甘肃省).' WHERE slug = 'dunhuang' AND "note" = 'The appendix places it directly under Gansu (敦煌市，甘肃省).' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "agreement_parties" SET "note" = 'I rapportens bilaga står "Region Kronoberg (Växjö)".' WHERE "note" = 'The appendix writes "Region Kronoberg (Växjö)".';
