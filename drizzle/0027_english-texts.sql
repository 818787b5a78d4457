-- English beside the Swedish for what English pages still showed in Swedish: the passages citations
-- quote (Ortsband's translation; the passage stays the source's words), an agreement's themes and
-- funding, the language of its official title and an English rendering of it, the two values of a
-- discrepancy, and the titles of the reference-data sources Ortsband wrote itself.
ALTER TABLE "agreements" ADD COLUMN "official_title_language" text;
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "official_title_en" text;
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "themes_en" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "funding_en" text;
--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "passage_en" text;
--> statement-breakpoint
ALTER TABLE "discrepancies" ADD COLUMN "recorded_value_en" text;
--> statement-breakpoint
ALTER TABLE "discrepancies" ADD COLUMN "other_value_en" text;
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "title_en" text;
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_official_title_language_known" CHECK ("agreements"."official_title_language" ~ '^[a-z]{2}$');
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_themes_en_match" CHECK (cardinality("agreements"."themes_en") in (0, cardinality("agreements"."themes")));
--> statement-breakpoint
-- A register loaded before gets the shipped English where a row still holds exactly the shipped
-- Swedish and has no English yet; a value someone changed is left alone.
UPDATE "sources" SET "title_en" = 'Administrative divisions of the People''s Republic of China (reference data, not from the seeds)' WHERE "slug" = 'admin-divisions' AND "title" = 'Folkrepubliken Kinas administrativa indelning (referensdata, inte från underlaget)' AND "title_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "title_en" = 'Coordinates of towns and cities (reference data, not from the seeds)' WHERE "slug" = 'coordinates' AND "title" = 'Koordinater för orter och städer (referensdata, inte från underlaget)' AND "title_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "title_en" = 'Other names of places and bodies (reference data, not from the seeds)' WHERE "slug" = 'other-names' AND "title" = 'Andra namn på orter och organisationer (referensdata, inte från underlaget)' AND "title_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "title_en" = 'SCB: municipality and county codes (reference data, not from the seeds)' WHERE "slug" = 'scb-codes' AND "title" = 'SCB: kommun- och länskoder (referensdata, inte från underlaget)' AND "title_en" IS NULL;
--> statement-breakpoint
UPDATE "sources" SET "title_en" = 'Swedish administrative history (reference data, not from the seeds)' WHERE "slug" = 'swedish-admin-history' AND "title" = 'Svensk förvaltningshistoria (referensdata, inte från underlaget)' AND "title_en" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'amal--dunhuang' AND "official_title" = 'friendship city relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'amal--dunhuang--kp' AND "official_title" = 'municipal partnership' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation arrangement' WHERE "slug" = 'bollnas--heze' AND "official_title" = 'samarbetsöverenskommelse' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'Cooperation agreement' WHERE "slug" = 'boras--yancheng' AND "official_title" = 'Samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'sister-city agreement' WHERE "slug" = 'falkenberg--shijiazhuang' AND "official_title" = 'systerstadsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'goteborg--shanghai' AND "official_title" = 'Memorandum of Cooperation' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'goteborg--shanghai--2003' AND "official_title" = 'Agreement on the establishment of sister city relationship between Shanghai municipality of the People’s Republic of China and the city of Göteborg of the kingdom of Sweden' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'karlskrona--chuxiong' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'linkoping--guangzhou' AND "official_title" = 'friendly relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'partner city' WHERE "slug" = 'linkoping--macau' AND "official_title" = 'samarbetsort' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation project/agreement' WHERE "slug" = 'lst-blekinge--yunnan' AND "official_title" = 'samarbetsprojekt/avtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'lst-dalarna--chengdu' AND "official_title" = 'friendly cooperation' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'lst-gotland--hainan' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'lst-uppsala--zhejiang' AND "official_title" = 'friendship-province' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'lst-varmland--fujian' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'lst-vasterbotten--heilongjiang' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation project' WHERE "slug" = 'lst-vastmanland--shandong' AND "official_title" = 'samarbetsprojekt' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'lst-vastra-gotaland--anhui' AND "official_title" = 'friendly relations' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'thematically limited partnership agreement/cooperation agreement' WHERE "slug" = 'lund--hangzhou' AND "official_title" = 'tematiskt begränsat partnerskapsavtal/samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'orebro--yantai' AND "official_title" = 'sister-city relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'ostersund--jilin' AND "official_title" = 'cooperative economic and trade relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'overkalix--zhuji' AND "official_title" = 'exchange and cooperation relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'pitea--dongying' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'region-dalarna--hubei' AND "official_title" = 'sister regions' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'region-dalarna--hubei--kp' AND "official_title" = 'friendship and cooperation' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'twin region' WHERE "slug" = 'region-jonkoping--tianjin' AND "official_title" = 'vänregion' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement, twin county with Changxing' WHERE "slug" = 'region-kalmar--changxing' AND "official_title" = 'samarbetsavtal, vänlän med Changxing' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'region-kalmar--huzhou' AND "official_title" = 'memorandum of understanding' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'region-ostergotland--jiangsu' AND "official_title" = 'friendly relations' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'region-skane--guangdong' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'arrangement on cooperation in the field of life science' WHERE "slug" = 'region-skane--tianjin' AND "official_title" = 'överenskommelse om samverkan inom life science området' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'arrangement on cooperation' WHERE "slug" = 'saffle--ningde' AND "official_title" = 'överenskommelse om samverkan' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'sodertalje--wuxi' AND "official_title" = 'sister-city relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'umea--lanzhou' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'cooperation agreement' WHERE "slug" = 'umea--qufu' AND "official_title" = 'samarbetsavtal' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'en', "official_title_en" = NULL WHERE "slug" = 'vara--huangshan' AND "official_title" = 'friendship city relationship' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "official_title_language" = 'sv', "official_title_en" = 'citizens'' dialogue' WHERE "slug" = 'vasteras--jinan--kp' AND "official_title" = 'invånardialog' AND "official_title_language" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['waste management', 'environment', 'democracy']::text[] WHERE "slug" = 'borlange--wuhan--kp' AND "themes" = ARRAY['avfallshantering', 'miljö', 'demokrati']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['school', 'sport']::text[] WHERE "slug" = 'falkenberg--shijiazhuang' AND "themes" = ARRAY['skola', 'idrott']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['business', 'transport', 'internationalisation']::text[] WHERE "slug" = 'kalix--lanzhou--kp' AND "themes" = ARRAY['näringsliv', 'transport', 'internationalisering']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['enterprise and trade', 'energy and environmental technology and urban innovation', 'research and education', 'education', 'health and social care', 'culture', 'tourism']::text[] WHERE "slug" = 'linkoping--guangzhou' AND "themes" = ARRAY['företagsamhet och handel', 'energi- och miljöteknologi och urbana innovationer', 'forskning och utbildning', 'utbildning', 'vård och omsorg', 'kultur', 'turism']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['business', 'investment', 'environmental technology']::text[] WHERE "slug" = 'region-kronoberg--suzhou' AND "themes" = ARRAY['näringsliv', 'investeringar', 'miljöteknik']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['life science', 'material science', 'food', 'packaging', 'health care', 'medical research and clinical trials', 'innovation strategies and environmental technology']::text[] WHERE "slug" = 'region-skane--guangdong' AND "themes" = ARRAY['life science', 'material science', 'food', 'packaging', 'hälso- och sjukvård', 'medicinsk forskning och kliniska prövningar', 'innovationsstrategier och miljöteknik']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['life science', 'cancer research']::text[] WHERE "slug" = 'region-skane--tianjin' AND "themes" = ARRAY['life science', 'cancerforskning']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['climate', 'indoor climate', 'Agenda 2030']::text[] WHERE "slug" = 'umea--xian--kp' AND "themes" = ARRAY['klimat', 'inomhusklimat', 'Agenda 2030']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "themes_en" = ARRAY['citizen dialogue', 'parks', 'democracy']::text[] WHERE "slug" = 'vasteras--jinan--kp' AND "themes" = ARRAY['medborgardialog', 'parker', 'demokrati']::text[] AND cardinality("themes_en") = 0;
--> statement-breakpoint
UPDATE "agreements" SET "funding_en" = 'Kalix kommun; Lanzhou; Handelskammaren Norrbotten (the Norrbotten Chamber of Commerce); some support from Sveriges Kommuner och Landsting (the Swedish Association of Local Authorities and Regions) (the 2010 case study).' WHERE "slug" = 'kalix--lanzhou--kp' AND "funding" = 'Kalix kommun; Lanzhou; Handelskammaren Norrbotten; visst stöd från Sveriges Kommuner och Landsting (fallstudien 2010).' AND "funding_en" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "funding_en" = 'Each participating administration, company, university and business pays for its own participation.' WHERE "slug" = 'linkoping--guangzhou' AND "funding" = 'Varje deltagande förvaltning, bolag, universitet och företag bekostar sin medverkan.' AND "funding_en" IS NULL;
--> statement-breakpoint
UPDATE "agreements" SET "funding_en" = 'Regionförbundet södra Småland, co-financed by Länsstyrelsen Kronoberg and Växjö kommun (2011).' WHERE "slug" = 'region-kronoberg--suzhou' AND "funding" = 'Regionförbundet södra Småland, medfinansierat av Länsstyrelsen Kronoberg och Växjö kommun (2011).' AND "funding_en" IS NULL;
--> statement-breakpoint
UPDATE "discrepancies" d SET "recorded_value_en" = 'two years', "other_value_en" = 'three years' FROM "agreements" a WHERE a.id = d.agreement_id AND a.slug = 'goteborg--shanghai--2003' AND d.field = 'term' AND d.recorded_value = 'två år' AND d.other_value = 'tre år' AND d.recorded_value_en IS NULL AND d.other_value_en IS NULL;
--> statement-breakpoint
UPDATE "discrepancies" d SET "recorded_value_en" = 'friendly relationship', "other_value_en" = 'sister-city agreement (“systerortsavtal”)' FROM "agreements" a WHERE a.id = d.agreement_id AND a.slug = 'linkoping--guangzhou' AND d.field = 'official_title' AND d.recorded_value = 'friendly relationship' AND d.other_value = 'systerortsavtal' AND d.recorded_value_en IS NULL AND d.other_value_en IS NULL;
--> statement-breakpoint
UPDATE "discrepancies" d SET "recorded_value_en" = 'partner city (“samarbetsort”)', "other_value_en" = 'sister-city agreement (“systerortsavtal”)' FROM "agreements" a WHERE a.id = d.agreement_id AND a.slug = 'linkoping--macau' AND d.field = 'official_title' AND d.recorded_value = 'samarbetsort' AND d.other_value = 'systerortsavtal' AND d.recorded_value_en IS NULL AND d.other_value_en IS NULL;
--> statement-breakpoint
UPDATE "discrepancies" d SET "recorded_value_en" = NULL, "other_value_en" = '2009 at the earliest' FROM "agreements" a WHERE a.id = d.agreement_id AND a.slug = 'umea--xian--kp' AND d.field = 'established' AND d.recorded_value = '2007' AND d.other_value = 'tidigast 2009' AND d.recorded_value_en IS NULL AND d.other_value_en IS NULL;
--> statement-breakpoint
UPDATE "citations" c SET "passage_en" = v.passage_en FROM "sources" s, (VALUES
  ('admin-divisions', 'namn på latin och pinyin', 'names in Latin letters and pinyin'),
  ('admin-divisions', 'pinyin', 'pinyin'),
  ('coordinates', 'lat/lon', 'latitude/longitude'),
  ('nkk2022', 'Appendix, not 2: ”Vänlänssamarbete” har i studien kodats som ”vänortssamarbete”.', 'Appendix, note 2: “Vänlänssamarbete” (twin-county cooperation) has been coded in the study as “vänortssamarbete” (twinning).'),
  ('nkk2022', 'Appendix, rad 1', 'Appendix, row 1'),
  ('nkk2022', 'Appendix, rad 10', 'Appendix, row 10'),
  ('nkk2022', 'Appendix, rad 11', 'Appendix, row 11'),
  ('nkk2022', 'Appendix, rad 12', 'Appendix, row 12'),
  ('nkk2022', 'Appendix, rad 13', 'Appendix, row 13'),
  ('nkk2022', 'Appendix, rad 14', 'Appendix, row 14'),
  ('nkk2022', 'Appendix, rad 15', 'Appendix, row 15'),
  ('nkk2022', 'Appendix, rad 16', 'Appendix, row 16'),
  ('nkk2022', 'Appendix, rad 16 och 17', 'Appendix, rows 16 and 17'),
  ('nkk2022', 'Appendix, rad 16 och 17 (Tianjin förekommer bara där, med Jönköpings kommun och Region Jönköpings län)', 'Appendix, rows 16 and 17 (Tianjin appears only there, with Jönköpings kommun and Region Jönköpings län)'),
  ('nkk2022', 'Appendix, rad 17', 'Appendix, row 17'),
  ('nkk2022', 'Appendix, rad 18', 'Appendix, row 18'),
  ('nkk2022', 'Appendix, rad 18, 39 och 48', 'Appendix, rows 18, 39 and 48'),
  ('nkk2022', 'Appendix, rad 19', 'Appendix, row 19'),
  ('nkk2022', 'Appendix, rad 2', 'Appendix, row 2'),
  ('nkk2022', 'Appendix, rad 20', 'Appendix, row 20'),
  ('nkk2022', 'Appendix, rad 21', 'Appendix, row 21'),
  ('nkk2022', 'Appendix, rad 22', 'Appendix, row 22'),
  ('nkk2022', 'Appendix, rad 22: Region Kronoberg (Växjö)', 'Appendix, row 22: Region Kronoberg (Växjö)'),
  ('nkk2022', 'Appendix, rad 23', 'Appendix, row 23'),
  ('nkk2022', 'Appendix, rad 24', 'Appendix, row 24'),
  ('nkk2022', 'Appendix, rad 25', 'Appendix, row 25'),
  ('nkk2022', 'Appendix, rad 26', 'Appendix, row 26'),
  ('nkk2022', 'Appendix, rad 26 och 40', 'Appendix, rows 26 and 40'),
  ('nkk2022', 'Appendix, rad 27', 'Appendix, row 27'),
  ('nkk2022', 'Appendix, rad 28', 'Appendix, row 28'),
  ('nkk2022', 'Appendix, rad 29', 'Appendix, row 29'),
  ('nkk2022', 'Appendix, rad 3', 'Appendix, row 3'),
  ('nkk2022', 'Appendix, rad 30', 'Appendix, row 30'),
  ('nkk2022', 'Appendix, rad 31', 'Appendix, row 31'),
  ('nkk2022', 'Appendix, rad 32', 'Appendix, row 32'),
  ('nkk2022', 'Appendix, rad 33', 'Appendix, row 33'),
  ('nkk2022', 'Appendix, rad 34', 'Appendix, row 34'),
  ('nkk2022', 'Appendix, rad 35', 'Appendix, row 35'),
  ('nkk2022', 'Appendix, rad 36', 'Appendix, row 36'),
  ('nkk2022', 'Appendix, rad 37', 'Appendix, row 37'),
  ('nkk2022', 'Appendix, rad 38', 'Appendix, row 38'),
  ('nkk2022', 'Appendix, rad 38–40', 'Appendix, rows 38–40'),
  ('nkk2022', 'Appendix, rad 39', 'Appendix, row 39'),
  ('nkk2022', 'Appendix, rad 4', 'Appendix, row 4'),
  ('nkk2022', 'Appendix, rad 40', 'Appendix, row 40'),
  ('nkk2022', 'Appendix, rad 41', 'Appendix, row 41'),
  ('nkk2022', 'Appendix, rad 42', 'Appendix, row 42'),
  ('nkk2022', 'Appendix, rad 43', 'Appendix, row 43'),
  ('nkk2022', 'Appendix, rad 44', 'Appendix, row 44'),
  ('nkk2022', 'Appendix, rad 45', 'Appendix, row 45'),
  ('nkk2022', 'Appendix, rad 46', 'Appendix, row 46'),
  ('nkk2022', 'Appendix, rad 47', 'Appendix, row 47'),
  ('nkk2022', 'Appendix, rad 48', 'Appendix, row 48'),
  ('nkk2022', 'Appendix, rad 49', 'Appendix, row 49'),
  ('nkk2022', 'Appendix, rad 5', 'Appendix, row 5'),
  ('nkk2022', 'Appendix, rad 50', 'Appendix, row 50'),
  ('nkk2022', 'Appendix, rad 51', 'Appendix, row 51'),
  ('nkk2022', 'Appendix, rad 52', 'Appendix, row 52'),
  ('nkk2022', 'Appendix, rad 6', 'Appendix, row 6'),
  ('nkk2022', 'Appendix, rad 6, 15 och 23', 'Appendix, rows 6, 15 and 23'),
  ('nkk2022', 'Appendix, rad 7', 'Appendix, row 7'),
  ('nkk2022', 'Appendix, rad 8', 'Appendix, row 8'),
  ('nkk2022', 'Appendix, rad 9', 'Appendix, row 9'),
  ('nkk2022', 'Appendix, rad 9, 28 och 33', 'Appendix, rows 9, 28 and 33'),
  ('nkk2022', 'Bristande aktivitet i samarbetet', 'Lack of activity in the cooperation'),
  ('nkk2022', 'Den gyllene eran', 'The golden era'),
  ('nkk2022', 'Den gyllene eran, första stycket om kommunala partnerskap', 'The golden era, first paragraph on municipal partnerships'),
  ('nkk2022', 'Den gyllene eran: I samarbetet mellan Wuhan och Borlänge blev en kock från den kinesiska staden, som arbetade på en kinarestaurang i Borlänge, mellanhand. Wuhans lokalregering tog hjälp av kinarestaurangen för att arrangera en kräftfest dit Borlängeborna bjöds in, vilket blev inledningen till de två städernas samarbete.', 'The golden era: In the cooperation between Wuhan and Borlänge, a chef from the Chinese city who worked at a Chinese restaurant in Borlänge became the go-between. Wuhan''s local government enlisted the Chinese restaurant''s help to arrange a crayfish party to which the people of Borlänge were invited, which became the beginning of the two cities'' cooperation.'),
  ('nkk2022', 'Den gyllene eran: År 1986 markerar startskottet för Sveriges och Kinas subnationella utbyten, då Shanghai och Göteborg etablerade ett vänortssamarbete.', 'The golden era: The year 1986 marks the starting shot for Sweden''s and China''s subnational exchanges, when Shanghai and Göteborg established a twinning.'),
  ('nkk2022', 'En osäker framtid', 'An uncertain future'),
  ('nkk2022', 'En osäker framtid: Göteborgs beslut innebar som synes inte att allt samarbete med Shanghai avslutades, då grundavtalet från 1986 ligger kvar.', 'An uncertain future: Göteborg''s decision evidently did not mean that all cooperation with Shanghai was ended, since the basic agreement from 1986 remains in place.'),
  ('nkk2022', 'En osäker framtid: Inom ramen för grundavtalet ’Memorandum of Cooperation’ och utifrån sina grunduppdrag kan BRG [Business Region Göteborg] och Hamnen fortsätta sina utbyten med Shanghai om de önskar/bedömer det som ändamålsenligt.', 'An uncertain future: Within the framework of the basic agreement ‘Memorandum of Cooperation’ and on the basis of their basic remits, BRG [Business Region Göteborg] and the Port can continue their exchanges with Shanghai if they so wish/judge it appropriate.'),
  ('nkk2022', 'En osäker framtid: Även Göteborg – som inledde det första svenska utbytet med Kina 1986 – beslutade 2020 att inte förlänga sitt så kallade samförståndsavtal med Shanghai.', 'An uncertain future: Göteborg too – which began the first Swedish exchange with China in 1986 – decided in 2020 not to extend its so-called memorandum of understanding with Shanghai.'),
  ('nkk2022', 'Missnöje med den kinesiska statens agerande mot Sverige', 'Dissatisfaction with the Chinese state''s conduct towards Sweden'),
  ('nkk2022', 'Olust över utvecklingen för demokrati och mänskliga rättigheter i Kina', 'Unease at the development of democracy and human rights in China'),
  ('nkk2022', 'Sammanfattning', 'Summary'),
  ('nkk2022', 'Vändpunkten', 'The turning point'),
  ('nkk2022', 'fotnot 46: Lanzhou, Gansuprovinsen', 'footnote 46: Lanzhou, Gansu province'),
  ('nkk2022', 'fotnot 5: Enligt denna rapports definition inkluderar ”vänortssamarbeten” även avtal med andra benämningar, såsom avtal om ”friendly relations”, ”exchange and cooperation relationship” samt ”samarbetsavtal”.', 'footnote 5: By this report''s definition, “twinnings” (vänortssamarbeten) also include agreements with other names, such as agreements on “friendly relations”, “exchange and cooperation relationship” and “cooperation agreement” (samarbetsavtal).'),
  ('scb-codes', 'kommunkod och länskod', 'municipality code and county code'),
  ('scb-codes', 'länskod', 'county code'),
  ('seed002-kronoberg', 'Genom målmedvetet arbete ska affärsmöjligheter skapas för länets företag både i Kina och på hemmaplan, samtidigt som kinesiska investeringar och etableringar attraheras till länet.', 'Through purposeful work, business opportunities are to be created for the county''s companies both in China and at home, while Chinese investments and establishments are attracted to the county.'),
  ('seed002-kronoberg', 'Hållbar region', 'Sustainable region'),
  ('seed002-kronoberg', 'I juni 2011 beslutade regionstyrelsen för Södra Småland att fortsätta Kinasatsningen under tre år.', 'In June 2011 the regional board of Södra Småland decided to continue the China initiative for three years.'),
  ('seed002-kronoberg', 'I samband med Expo skrev regionen också under ett samarbetsavtal med staden Suzhou.', 'In connection with the Expo the region also signed a cooperation agreement with the city of Suzhou.'),
  ('seed002-kronoberg', 'Regionförbundet södra Småland deltog tillsammans med regionförbunden i Kalmar, Jönköping och Blekinge samt Länsstyrelsen och Växjö kommun vid Expo 2010 i Shanghai.', 'Regionförbundet södra Småland took part, together with the regional associations of Kalmar, Jönköping and Blekinge and the County Administrative Board and Växjö kommun, in Expo 2010 in Shanghai.'),
  ('seed002-kronoberg', 'Satsningen medfinansieras av Länsstyrelsen Kronoberg och Växjö kommun.', 'The initiative is co-financed by Länsstyrelsen Kronoberg and Växjö kommun.'),
  ('seed002-kronoberg', 'Satsningen ska ytterligare fördjupa samarbetet med Suzhou, särskilt med avseende på affärsmöjligheter för Kronobergs näringsliv.', 'The initiative is to deepen the cooperation with Suzhou further, particularly with regard to business opportunities for Kronoberg''s businesses.'),
  ('seed003-skane', 'Fokusområden, Tematisk prioritering', 'Focus areas, Thematic priorities'),
  ('seed003-skane', 'Intern ansvarsfördelning och samordning, Ansvar i Region Skånes tjänstemannaorganisation, första punkten', 'Internal division of responsibility and coordination, Responsibility in Region Skåne''s organisation of officials, first point'),
  ('seed003-skane', 'Länsstyrelsen i dåvarande Malmöhus län tecknade 1995 ett samarbetsavtal med den kinesiska provinsen Guangdong', 'The County Administrative Board of what was then Malmöhus län signed a cooperation agreement with the Chinese province of Guangdong in 1995'),
  ('seed003-skane', 'Region Skåne ska ha större närvaro på plats i Guangdong, genom minst två besök per år på tjänstemannanivå', 'Region Skåne is to have a greater presence on the ground in Guangdong, through at least two visits a year at the level of officials'),
  ('seed003-skane', 'Samarbetsavtal', 'Cooperation agreement'),
  ('seed003-skane', 'Samarbetsavtal, fjärde stycket', 'Cooperation agreement, fourth paragraph'),
  ('seed003-skane', 'Samarbetsavtal, första stycket', 'Cooperation agreement, first paragraph'),
  ('seed003-skane', 'Samarbetsavtalet och relationerna med Guangdong kommer därför även fortsättningsvis att vara en av huvudprioriteringarna i Region Skånes arbete gentemot Kina.', 'The cooperation agreement and the relations with Guangdong will therefore continue to be one of the main priorities of Region Skåne''s work towards China.'),
  ('seed003-skane', 'Skåne Care AB, ett av Region Skåne helägt bolag, sålt en utbildning i hälso- och sjukvårdsadministration', 'Skåne Care AB, a company wholly owned by Region Skåne, sold a training programme in health care administration'),
  ('seed003-skane', 'Uppföljning, tredje och fjärde punkten', 'Follow-up, third and fourth points'),
  ('seed003-skane', 'deltagande i ”Guangdong International Week on Cooperation and Exchange”, November 2012, i samverkan med Lunds universitet, Malmö högskola och Högskolan Kristianstad', 'participation in “Guangdong International Week on Cooperation and Exchange”, November 2012, together with Lund University, Malmö University College and Kristianstad University College'),
  ('seed003-skane', 'den överenskommelse om samverkan inom life science området som förbereds med storstadsregionen Tianjin', 'the agreement on cooperation in the field of life science that is being prepared with the metropolitan region of Tianjin'),
  ('seed003-skane', 'men även för att stödja samarbete mellan skånska life science-företag och kinesiska företag/institutioner.', 'but also to support cooperation between life science companies in Skåne and Chinese companies/institutions.'),
  ('seed004-linkoping', '1997 skrevs ett systerortsavtal mellan städerna.', 'In 1997 a sister-city agreement was signed between the cities.'),
  ('seed004-linkoping', 'De första kontakterna mellan städerna togs redan 1994 på initiativ av den kinesiska staden. Dåvarande generalkonsuln i Hongkong ombesörjde inledningsvis kontakterna mellan städerna.', 'The first contacts between the cities were made as early as 1994 on the initiative of the Chinese city. The then Consul General in Hong Kong initially arranged the contacts between the cities.'),
  ('seed004-linkoping', 'Ett viktigt steg i utvecklingen av relationerna mellan Guangzhou och Linköping är den planerade etableringen av ett gemensamt forskningscenter inom hållbar stadsutveckling mellan Guangzhou universitet och Linköpings universitet.', 'An important step in the development of relations between Guangzhou and Linköping is the planned establishment of a joint research centre in sustainable urban development between Guangzhou University and Linköping University.'),
  ('seed004-linkoping', 'Framstående arrangemang var ett besök 2006 i samband med att ostindiefararen Götheborg, en kopia av en ostindiefarare från Sverige byggt på 1700-talet, kom till Guangzhouregionen. En delegation från Linköping med dåvarande borgmästare deltog i festligheterna.', 'A prominent event was a visit in 2006 when the East Indiaman Götheborg, a replica of an East Indiaman from Sweden built in the 18th century, came to the Guangzhou region. A delegation from Linköping with the then mayor took part in the festivities.'),
  ('seed004-linkoping', 'Från Guangzhous sida såg man att Linköping var intressant med tanke på hur framgångsrikt Mjärdevi Science Park arbetade med innovationer.', 'On Guangzhou''s side, Linköping was seen as interesting in view of how successfully Mjärdevi Science Park worked with innovation.'),
  ('seed004-linkoping', 'Förslag är att ett nytt samverkansavtal med Guangzhou tas fram till 20-års jubileum 2017.', 'The proposal is that a new cooperation agreement with Guangzhou be drawn up for the 20th anniversary in 2017.'),
  ('seed004-linkoping', 'Guangzhou, Macau och Linköping har egentligen band som är mer än 200 år gamla genom att Anders Ljungstedt,1759-1835, var verksam inom svenska ostindiska kompaniet i både Macao och Guangzhou.', 'Guangzhou, Macau and Linköping in fact have ties that are more than 200 years old, through Anders Ljungstedt, 1759–1835, who worked for the Swedish East India Company in both Macao and Guangzhou.'),
  ('seed004-linkoping', 'Guangzhou, även känd som Kanton, ibland även Kwangchou', 'Guangzhou, also known as Kanton (Canton), sometimes also Kwangchou'),
  ('seed004-linkoping', 'Hans grav finns i Macau.', 'His grave is in Macau.'),
  ('seed004-linkoping', 'Kommunstyrelsen ansvarar för samarbeten med vän-, samverkans- och systerorter', 'The municipal executive board is responsible for cooperation with twin, partner and sister cities'),
  ('seed004-linkoping', 'Kontakterna mellan städerna har varit sporadiska under åren.', 'The contacts between the cities have been sporadic over the years.'),
  ('seed004-linkoping', 'Linköping deltog i tävlingen Guangzhou International Urban Innovation Award 2014 med tävlingsbidraget Linköping Carbon Neutral 2025. Bidraget blev nominerat bland de 15 finalisterna.', 'Linköping took part in the competition Guangzhou International Urban Innovation Award 2014 with the entry Linköping Carbon Neutral 2025. The entry was nominated among the 15 finalists.'),
  ('seed004-linkoping', 'Linköping har sedan 1997 ett systerortsavtal med Guangzhou.', 'Linköping has had a sister-city agreement with Guangzhou since 1997.'),
  ('seed004-linkoping', 'Linköping har sedan 1997 ett systerortsavtal med Guangzhou. De första kontakterna mellan städerna togs redan 1994 på initiativ av den kinesiska staden.', 'Linköping has had a sister-city agreement with Guangzhou since 1997. The first contacts between the cities were made as early as 1994 on the initiative of the Chinese city.'),
  ('seed004-linkoping', 'Linköpings universitet har avtal om studentutbyte med Jinan University och South China University of Technology.', 'Linköping University has student exchange agreements with Jinan University and South China University of Technology.'),
  ('seed004-linkoping', 'Också som ett resultat av kommunens och universitetets gemensamma delegationsresa i mars 2014 skrev universitet i november ett Letter of Intent om ett gemensamt center för Urban Sustainable Development med University of Guangzhou. Målet är att centret ska vara etablerat sommaren 2017.', 'Also as a result of the municipality''s and the university''s joint delegation trip in March 2014, the university signed in November a Letter of Intent on a joint centre for Urban Sustainable Development with the University of Guangzhou. The aim is for the centre to be established by the summer of 2017.'),
  ('seed004-linkoping', 'Prioriteringen gäller för perioden 2015-2018', 'The priority applies to the period 2015–2018'),
  ('seed004-linkoping', 'Samarbete inom följande tematiska områden', 'Cooperation within the following thematic areas'),
  ('seed004-linkoping', 'Samarbetet mellan Guangzhou och Linköping avses struktureras genom handlingsplaner för åren 2015-2018.', 'The cooperation between Guangzhou and Linköping is to be structured through action plans for the years 2015–2018.'),
  ('seed004-linkoping', 'Samarbetet mellan Macau och Linköping initierades av dåvarande biträdande rektorn vid Anders Ljungstedts gymnasium.', 'The cooperation between Macau and Linköping was initiated by the then deputy head teacher of Anders Ljungstedts gymnasium (upper secondary school).'),
  ('seed004-linkoping', 'Varje deltagande förvaltning, bolag, universitet och företag bekostar sin medverkan i utbyte med Guangzhou.', 'Each participating administration, company, university and business pays for its own participation in the exchange with Guangzhou.'),
  ('seed004-linkoping', 'kommer ambitionen vara att hålla kontakterna på en lägre nivå utom för att stödja Linköpings universitets samarbete med universitet i Macau.', 'the ambition will be to keep the contacts at a lower level except to support Linköping University''s cooperation with universities in Macau.'),
  ('seed004-linkoping', 'År 2000 uppfördes Linköpings bidrag i Friendship park (Yun tai park) i Guangzhou. Elever från Anders Ljungstedts byggde ett typiskt svenskt torp.', 'In 2000 Linköping''s contribution to the Friendship park (Yun tai park) in Guangzhou was built. Pupils from Anders Ljungstedts built a typical Swedish cottage (torp).'),
  ('seed004-linkoping', 'År 2009 besöktes Guangzhou och Macau med anledning av 250-års jubileum av Anders Ljungstedts födelse.', 'In 2009 Guangzhou and Macau were visited on the occasion of the 250th anniversary of Anders Ljungstedt''s birth.'),
  ('seed004-linkoping', 'Östergötlands Hemslöjdsförening och Östergötlands Läns Museum hade en utställning i Guangzhou 2001.', 'Östergötlands Hemslöjdsförening (the Östergötland handicraft society) and Östergötlands Läns Museum (the Östergötland county museum) held an exhibition in Guangzhou in 2001.'),
  ('swedish-admin-history', 'Region Kronoberg 2015-01-01', 'Region Kronoberg 2015-01-01'),
  ('swedish-admin-history', 'Skåne län 1997-01-01', 'Skåne County (Skåne län) 1997-01-01'),
  ('swedish-admin-history', 'Skåne län 1997-01-01; Region Skåne 1999-01-01', 'Skåne County (Skåne län) 1997-01-01; Region Skåne 1999-01-01')
) AS v(source, passage, passage_en) WHERE s.id = c.source_id AND s.slug = v.source AND c.passage = v.passage AND c.passage_en IS NULL;
