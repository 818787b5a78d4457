CREATE TABLE "status_day_deltas" (
	"day" date NOT NULL,
	"status" text NOT NULL,
	"visibility" text NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "status_day_deltas_status_visibility_day_pk" PRIMARY KEY("status","visibility","day")
);
