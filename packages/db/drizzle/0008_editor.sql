CREATE TABLE "journey_drafts" (
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"graph" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_drafts_workspace_id_journey_id_pk" PRIMARY KEY("workspace_id","journey_id")
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "current_node" text;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "current_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "node_visits" ADD COLUMN "output" text;--> statement-breakpoint
ALTER TABLE "node_visits" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "enrolments_active_by_node" ON "enrolments" USING btree ("workspace_id","journey_id","current_node") WHERE status = 'active';