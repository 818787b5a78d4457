-- A source's editorial note is Swedish, with its English beside it, as the notes on actors, places and
-- parties are (migrations 0011, 0012, 0015). A register loaded before gets the shipped notes so where a
-- note is still exactly the shipped English and has no English beside it; a note someone changed is left alone.
ALTER TABLE "sources" ADD COLUMN "note_en" text;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Koderna har skrivits in två gånger från SCB:s kodlista, av två personer, och stämts av mot varandra (data/check/); de finns inte i något av underlagets dokument.', "note_en" = 'Codes keyed twice from SCB''s code list by two people and reconciled (data/check/); not stated in any seed.'
  WHERE "slug" IN ('scb-codes') AND "note" = 'Codes keyed twice from SCB''s code list by two people and reconciled (data/check/); not stated in any seed.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Används bara för den överordnade administrativa enheten till en stad på häradsnivå som rapporten placerar direkt under provinsen (Qufu, Dunhuang), och för pinyin med tonmärken.', "note_en" = 'Used only for the parent of a county-level city that the report places directly under its province (Qufu, Dunhuang), and for pinyin with tone marks.'
  WHERE "slug" IN ('admin-divisions') AND "note" = 'Used only for the parent of a county-level city that the report places directly under its province (Qufu, Dunhuang), and for pinyin with tone marks.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Latitud och longitud med två decimaler (omkring 1 km) för orten där ett svenskt organ har sitt säte och för varje kinesisk stad; används bara för kartorna.', "note_en" = 'Latitude and longitude to two decimals (about 1 km) of the town a Swedish body sits in and of each Chinese city, for the maps only.'
  WHERE "slug" IN ('coordinates') AND "note" = 'Latitude and longitude to two decimals (about 1 km) of the town a Swedish body sits in and of each Chinese city, for the maps only.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Namn som används på engelska eller i äldre svenska och engelska texter, registrerade så att sökningen hittar dem: City of Gothenburg och Gothenburg (Göteborgs Stads eget engelska namn och den engelska exonymen), Canton (Guangzhou), Macao (den engelska stavning som regionens regering använder), Nanking (Nanjing) och Tientsin (Tianjin), som är postromaniseringar.', "note_en" = 'Names used in English or in older Swedish and English texts, recorded so that search finds them: City of Gothenburg and Gothenburg (Göteborgs Stad''s own English name and the English exonym), Canton (Guangzhou), Macao (the English spelling the region''s government uses), Nanking (Nanjing) and Tientsin (Tianjin), the postal romanisations.'
  WHERE "slug" IN ('other-names') AND "note" = 'Names used in English or in older Swedish and English texts, recorded so that search finds them: City of Gothenburg and Gothenburg (Göteborgs Stad''s own English name and the English exonym), Canton (Guangzhou), Macao (the English spelling the region''s government uses), Nanking (Nanjing) and Tientsin (Tianjin), the postal romanisations.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Malmöhus län blev en del av Skåne län 1997-01-01; Region Kronoberg tog över Regionförbundet södra Smålands uppgifter 2015-01-01.', "note_en" = 'Malmöhus län became part of Skåne län on 1997-01-01; Region Kronoberg took over the tasks of Regionförbundet södra Småland on 2015-01-01.'
  WHERE "slug" IN ('swedish-admin-history') AND "note" = 'Malmöhus län became part of Skåne län on 1997-01-01; Region Kronoberg took over the tasks of Regionförbundet södra Småland on 2015-01-01.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Intervju med chefen för näringslivskontoret i Kalix, 2010-12-15.', "note_en" = 'Interview with the head of the business development office of Kalix, 2010-12-15.'
  WHERE "slug" IN ('seed000-kalix') AND "note" = 'Interview with the head of the business development office of Kalix, 2010-12-15.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Odaterad; hänvisar till inriktningen för 2011–2012, som antogs 2011-06-09, och till planer för november 2012.', "note_en" = 'Undated; refers to the inriktning 2011–2012 adopted 2011-06-09 and plans for November 2012.'
  WHERE "slug" IN ('seed003-skane') AND "note" = 'Undated; refers to the inriktning 2011–2012 adopted 2011-06-09 and plans for November 2012.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Odaterad; nämner november 2014 och handlingsplaner för 2015–2018.', "note_en" = 'Undated; mentions November 2014 and action plans for 2015–2018.'
  WHERE "slug" IN ('seed004-linkoping') AND "note" = 'Undated; mentions November 2014 and action plans for 2015–2018.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Källan återges så som den anges i rapporten; Ortsband har inte läst den.', "note_en" = 'As cited in the report; not read by Ortsband.'
  WHERE "slug" IN ('fn12-goteborg-agreements', 'fn27-borlange-motion', 'fn28-borlange-protocol', 'fn45-kalix-investigation', 'fn46-kalix-decision', 'fn48-dalarna-pm', 'fn49-goteborg-report', 'fn52-malmo-protocol') AND "note" = 'As cited in the report; not read by Ortsband.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Källan återges så som den anges i rapporten, som hänvisar till s. 13 i källan; Ortsband har inte läst den.', "note_en" = 'As cited in the report, which refers to page 13 of this source; not read by Ortsband.'
  WHERE "slug" IN ('fn13-hellqvist') AND "note" = 'As cited in the report (s. 13); not read by Ortsband.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Fotnot 30 placerar den här intervjun i Västerås, men rapporten återger citatet som uttalat av en politiker i Falkenberg; det är fotnot 14 (intervju 3) som gäller Västerås. Registrerad så som den står i rapporten.', "note_en" = 'Footnote 30 places this interview in Västerås, but the report quotes it as a Falkenberg politician; footnote 14 (interview 3) is the Västerås one. Recorded as the report prints it.'
  WHERE "slug" IN ('fn16-interview2') AND "note" = 'Footnote 30 places this interview in Västerås, but the report quotes it as a Falkenberg politician; footnote 14 (interview 3) is the Västerås one. Recorded as the report prints it.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Källan återges så som den anges i rapporten; Ortsband har inte läst den. I fotnoterna står "§ 158MK KS 2020/00265-2"; det är oklart om "MK" hör till diarienumret.', "note_en" = 'As cited in the report; not read by Ortsband. The footnotes print "§ 158MK KS 2020/00265-2"; whether "MK" belongs to the case number is unclear.'
  WHERE "slug" IN ('fn31-mora-protocol') AND "note" = 'As cited in the report; not read by Ortsband. The footnotes print "§ 158MK KS 2020/00265-2"; whether "MK" belongs to the case number is unclear.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Källan återges så som den anges i rapporten; Ortsband har inte läst den. Avsnittet från Sveriges Radio: https://sverigesradio.se/avsnitt/1479988 (hämtad 2020-06-25). Titeln i fotnoten ("ifrågasatt") och webbadressen ("fortsatter") stämmer inte överens.', "note_en" = 'As cited in the report; not read by Ortsband. The Sveriges Radio episode: https://sverigesradio.se/avsnitt/1479988 (hämtad 2020-06-25). The footnote''s title ("ifrågasatt") and address ("fortsatter") do not agree.'
  WHERE "slug" IN ('fn32-bengtsfors-media') AND "note" = 'As cited in the report; not read by Ortsband. The Sveriges Radio episode: https://sverigesradio.se/avsnitt/1479988 (hämtad 2020-06-25). The footnote''s title ("ifrågasatt") and address ("fortsatter") do not agree.' AND "note_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "note" = 'Rapporten anger både Sveriges Radio och SVT Nyheter för den här artikeln.', "note_en" = 'The report names both Sveriges Radio and SVT Nyheter for this article.'
  WHERE "slug" IN ('fn35-skelleftea-media') AND "note" = 'The report names both Sveriges Radio and SVT Nyheter for this article.' AND "note_en" IS NULL;
