-- The titles of the reference-data sources Ortsband wrote itself were English; they are Swedish, as the
-- interface is Swedish first. A register loaded before gets them where a title is still the shipped English.
UPDATE "sources" SET "title" = 'SCB: kommun- och länskoder (referensdata, inte från underlaget)' WHERE "title" = 'SCB: kommun- och länskoder (reference data, not from the seeds)';
--> statement-breakpoint
UPDATE "sources" SET "title" = 'Folkrepubliken Kinas administrativa indelning (referensdata, inte från underlaget)' WHERE "title" = 'Administrative divisions of the People''s Republic of China (reference data, not from the seeds)';
--> statement-breakpoint
UPDATE "sources" SET "title" = 'Koordinater för orter och städer (referensdata, inte från underlaget)' WHERE "title" = 'Coordinates of towns and cities (reference data, not from the seeds)';
--> statement-breakpoint
UPDATE "sources" SET "title" = 'Andra namn på orter och organisationer (referensdata, inte från underlaget)' WHERE "title" = 'Other names of places and bodies (reference data, not from the seeds)';
--> statement-breakpoint
UPDATE "sources" SET "title" = 'Svensk förvaltningshistoria (referensdata, inte från underlaget)' WHERE "title" = 'Swedish administrative history (reference data, not from the seeds)';
