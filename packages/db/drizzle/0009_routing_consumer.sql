CREATE TABLE "routing_consumers" (
	"id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_leases" (
	"partition" smallint PRIMARY KEY NOT NULL,
	"owner" text,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "events_unrouted";--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "entry_message_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "route_partition" smallint GENERATED ALWAYS AS (hashtext(contact_id) & 31) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "events_unrouted" ON "events" USING btree ("route_partition","seq") WHERE routed_at is null;--> statement-breakpoint
INSERT INTO "routing_leases" ("partition") SELECT generate_series(0, 31);