-- The language a source is written in, so that a page in another language can mark its title as such.
-- Every shipped source is Swedish but the Kalix case study (seed 000), which is in English; a register
-- loaded before gets that where the source is still the shipped one.
ALTER TABLE "sources" ADD COLUMN "language" text DEFAULT 'sv' NOT NULL;
--> statement-breakpoint
UPDATE "sources" SET "language" = 'en' WHERE "slug" = 'seed000-kalix' AND "title" = 'Developing contacts in China (case study, Municipality of Kalix)';
