-- Names actors and counterparts are also known by (exonyms, older romanisations), searched like their names.
ALTER TABLE "actors" ADD COLUMN "other_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "counterparts" ADD COLUMN "other_names" text[] DEFAULT '{}'::text[] NOT NULL;