CREATE TABLE "email_template_versions" (
	"workspace_id" text NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"hash" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_template_versions_workspace_id_template_id_version_pk" PRIMARY KEY("workspace_id","template_id","version")
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"draft" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"live_version" integer,
	"archived_at" timestamp with time zone,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_templates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "priority" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "template_id" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "template_version" integer;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "vapid_public_key" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "vapid_private_key" text;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_contact_channel_sent" ON "messages" USING btree ("contact_id","channel","sent_at");--> statement-breakpoint
CREATE INDEX "messages_provider_message_id" ON "messages" USING btree ("provider_message_id");