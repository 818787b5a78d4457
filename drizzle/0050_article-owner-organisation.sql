ALTER TABLE "knowledge_article_versions" ADD COLUMN "owner_organisation_id" integer;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD COLUMN "owner_organisation_id" integer;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The organisation that keeps each article and version with a person named: that person's.
UPDATE "knowledge_articles" k SET "owner_organisation_id" = u."organisation_id" FROM "users" u WHERE u."id" = k."owner_id";--> statement-breakpoint
UPDATE "knowledge_article_versions" v SET "owner_organisation_id" = u."organisation_id" FROM "users" u WHERE u."id" = v."owner_id";
