-- Editorial notes on actors, places and successions in Swedish (note) and English (note_en), as every other text of the register.
-- The shipped data's notes were in English before; a register loaded before keeps its notes as they were written.
ALTER TABLE "actor_successions" ADD COLUMN "note_en" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "note_en" text;--> statement-breakpoint
ALTER TABLE "counterparts" ADD COLUMN "note_en" text;