CREATE TABLE "enrolments" (
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"run_key" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"listens_to" text[] DEFAULT '{}' NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "enrolments_workspace_id_journey_id_contact_id_pk" PRIMARY KEY("workspace_id","journey_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "node_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "node_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"version" integer NOT NULL,
	"contact_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"visit" integer NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_memberships" (
	"workspace_id" text NOT NULL,
	"segment" text NOT NULL,
	"contact_id" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_memberships_workspace_id_segment_contact_id_pk" PRIMARY KEY("workspace_id","segment","contact_id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "enrolments_active_by_contact" ON "enrolments" USING btree ("workspace_id","contact_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "enrolments_active_by_journey" ON "enrolments" USING btree ("workspace_id","journey_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "node_visits_journey_node" ON "node_visits" USING btree ("workspace_id","journey_id","node_id");--> statement-breakpoint
CREATE INDEX "node_visits_contact" ON "node_visits" USING btree ("workspace_id","contact_id","at");--> statement-breakpoint
CREATE INDEX "segment_memberships_contact" ON "segment_memberships" USING btree ("workspace_id","contact_id");