CREATE TABLE "decision_bases" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	"version" integer NOT NULL,
	"purpose" text NOT NULL,
	"expected_benefit" text,
	"costs_so_far_sek" integer,
	"costs_planned_sek" integer,
	"costs_note" text,
	"counterpart_description" text,
	"democracy_human_rights" text,
	"security_advice_sought" boolean NOT NULL,
	"security_advice_from" text,
	"personal_data" text,
	"export_control" text,
	"register" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"comment" text,
	"organisation_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_bases_event_version" UNIQUE("event_id","version"),
	CONSTRAINT "decision_bases_costs_not_negative" CHECK (least("decision_bases"."costs_so_far_sek", "decision_bases"."costs_planned_sek") >= 0),
	CONSTRAINT "decision_bases_advice_from_when_sought" CHECK ("decision_bases"."security_advice_sought" or "decision_bases"."security_advice_from" is null)
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text NOT NULL,
	"body_sv" text NOT NULL,
	"body_en" text NOT NULL,
	"source_note" text,
	"owner_id" integer,
	"review_on" date NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_article_versions_article_version" UNIQUE("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text NOT NULL,
	"body_sv" text NOT NULL,
	"body_en" text NOT NULL,
	"source_note" text,
	"owner_id" integer,
	"review_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_event_id_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."status_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_bases" ADD CONSTRAINT "decision_bases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_bases_agreement_idx" ON "decision_bases" USING btree ("agreement_id");--> statement-breakpoint
-- The guidance shipped with the product, drawn from the seed documents (each article names its own); owned by nobody until a coordinator takes it over.
INSERT INTO "knowledge_articles" ("slug", "title_sv", "title_en", "body_sv", "body_en", "source_note", "review_on") VALUES
('infor-beslut', 'Inför ett beslut om ett samarbete med Kina', 'Before a decision on a cooperation with China',
$$Ett beslut att inleda, förnya, pausa eller avsluta ett samarbete med en kinesisk motpart bör vila på ett skriftligt underlag. Rapporten "Lokal frost i relationerna" (Nationellt kunskapscentrum om Kina, 2022) rekommenderar att förståelsen för syftet, nyttan och riskerna med kontaktytor mot Kina ökar, så att kommuner och regioner kan undvika fallgropar och fatta medvetna beslut.

Underlaget i Ortsband (beslutsunderlaget vid varje beslut) frågar efter:
- syftet med samarbetet och den nytta som väntas, för invånare, näringsliv, skolor eller organisationen själv;
- kostnaderna hittills och de som planeras;
- vad som har hänt i samarbetet de senaste åren (hämtas ur registrets aktiviteter);
- vem motparten är, och vad den vill få ut av samarbetet;
- demokrati och mänskliga rättigheter;
- vilka säkerhetsråd som har inhämtats, och från vem;
- personuppgifter och exportkontroll;
- vad andra svenska kommuner, regioner och länsstyrelser med samma motpart eller provins har beslutat, och varför (hämtas ur registret).

Region Skånes Kinastrategi betonar att man för varje ny kontakt bör undersöka och diskutera vad de kinesiska intressenterna vill få ut av ett samarbete, och vilka fördelar den egna organisationen ser.

Rapporten påminner också om att samverkan med auktoritära samhällen alltid skiljer sig från samverkan med demokratier, och att både vinster och svårigheter bör diskuteras öppet.$$,
$$A decision to start, renew, pause or end a cooperation with a Chinese counterpart should rest on a written basis. The report "Lokal frost i relationerna" (the Swedish National China Centre, 2022) recommends strengthening the understanding of the purpose, the benefit and the risks of ties with China, so that municipalities and regions can avoid pitfalls and take informed decisions.

The decision basis in Ortsband (kept with every decision) asks for:
- the purpose of the cooperation and the benefit expected, for residents, business, schools or the organisation itself;
- the costs so far and those planned;
- what has happened in the cooperation in recent years (taken from the register's activities);
- who the counterpart is, and what it wants from the cooperation;
- democracy and human rights;
- which security advice was sought, and from whom;
- personal data and export control;
- what other Swedish municipalities, regions and county boards with the same counterpart or province have decided, and why (taken from the register).

Region Skåne's China strategy stresses that for every new contact one should find out and discuss what the Chinese parties want from a cooperation, and which advantages one's own organisation sees.

The report also reminds that cooperation with authoritarian societies always differs from cooperation with democracies, and that both gains and difficulties should be discussed openly.$$,
'Lokal frost i relationerna (NKK 2022), avsnittet Rekommendationer (seed 001); Region Skånes strategi för samarbetet med Kina (seed 003).', '2027-06-30'),
('folj-upp-avtalen', 'Följ upp avtalen', 'Follow up the agreements',
$$Många samarbeten med Kina har avslutats för att de präglats av bristande aktivitet; en del "rann ut i sanden" utan ett formellt beslut (Lokal frost i relationerna, 2022). Kalix bedömde 2017 att partnerskapet med Lanzhou hade stannat av, och kommunfullmäktige beslutade 2018 att avsluta det. Mora noterade 2020 att utbytet de senaste åren varit obefintligt.

Så här följer andra upp sina samarbeten:
- Region Skåne: dokumentationen efter varje besök ska innehålla punkter för uppföljning, och en samlad uppföljning med ekonomisk redovisning presenteras årligen för regionstyrelsen.
- Linköping: handlingsplaner med mål per tematiskt område, och en översyn av relationen inför nya avtal som redovisas för kommunstyrelsen.

I Ortsband: registrera aktiviteterna med kostnader och uppföljningspunkter, håll handlingsplanen aktuell och ta fram årsrapporten. Avtal utan registrerad aktivitet flaggas för beslut, och förnyelser blir påminnelser.$$,
$$Many cooperations with China were ended because they lacked activity; some "ran into the sand" without a formal decision (Lokal frost i relationerna, 2022). Kalix judged in 2017 that the partnership with Lanzhou had come to a halt, and the municipal council decided in 2018 to end it. Mora noted in 2020 that the exchange of recent years had been non-existent.

How others follow up their cooperations:
- Region Skåne: the record of every visit is to hold points for follow-up, and a combined follow-up with the accounts is presented every year to the regional board.
- Linköping: action plans with goals per thematic area, and a review of the relationship before new agreements, reported to the municipal executive board.

In Ortsband: record the activities with their costs and follow-up points, keep the action plan up to date and produce the yearly report. Agreements without recorded activity are flagged for a decision, and renewals become reminders.$$,
'Lokal frost i relationerna (NKK 2022), avsnittet Bristande aktivitet i samarbetet (seed 001); Region Skånes strategi, Uppföljning (seed 003); Linköpings samarbete med Guangzhou, Handlingsplaner och Uppföljning (seed 004).', '2027-06-30'),
('samordna-med-andra', 'Samordna med andra organisationer', 'Coordinate with other bodies',
$$Rapporten "Lokal frost i relationerna" (2022) ser ett behov av mer samverkan och informationsdelning om Kinafrågor mellan lokal och nationell nivå, och av bättre samordning mellan kommuner och regioner, där det i dag varken finns beständiga eller tillfälliga samarbetsplattformar. Rapporten rekommenderar också att kontaktytorna mot Kina kartläggs bredare än avtalen: investeringar, upphandlingar, företag med handel med Kina, lärosäten och informationspåverkan.

I Ortsband:
- Besökskalendern visar andra organisationers besök och delegationer.
- Delegationsvarningar visar när andra organisationer har aktiviteter med samma ort eller provins nära ett inkommande besök, och vem man kan kontakta där.
- Inbjudningar från Kina registreras, och andras inbjudningar från samma avsändare eller provins visas bredvid.
- Beslutsunderlaget visar vad andra med samma motpart eller provins har beslutat, och varför.

Kontakta gärna länsstyrelsen, SKR eller Nationellt kunskapscentrum om Kina inför ett besök eller ett beslut.$$,
$$The report "Lokal frost i relationerna" (2022) sees a need for more cooperation and sharing of information on China between the local and the national level, and for better coordination between municipalities and regions, where there are today neither permanent nor temporary platforms for cooperation. The report also recommends mapping the ties with China more widely than the agreements: investments, procurement, firms trading with China, universities and information influence.

In Ortsband:
- The calendar of visits shows other organisations' visits and delegations.
- Delegation warnings show when other organisations have activities with the same place or province close to an incoming visit, and whom to contact there.
- Invitations from China are recorded, and others' invitations from the same sender or province are shown beside them.
- The decision basis shows what others with the same counterpart or province have decided, and why.

Consider contacting the county administrative board, SKR or the National China Centre before a visit or a decision.$$,
'Lokal frost i relationerna (NKK 2022), avsnittet Rekommendationer: Öka samordningen, Kartlägg kontaktytor mot Kina (seed 001).', '2027-06-30');
