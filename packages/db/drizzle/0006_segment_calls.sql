CREATE TABLE "account_memberships" (
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_memberships_workspace_id_account_id_contact_id_pk" PRIMARY KEY("workspace_id","account_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_aliases" (
	"workspace_id" text NOT NULL,
	"previous_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_aliases_workspace_id_previous_id_user_id_pk" PRIMARY KEY("workspace_id","previous_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ingestion_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"call_type" text,
	"message_id" text,
	"field" text DEFAULT '' NOT NULL,
	"message" text NOT NULL,
	"payload" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingestion_errors_workspace_received" ON "ingestion_errors" USING btree ("workspace_id","received_at");--> statement-breakpoint
CREATE INDEX "events_workspace_received" ON "events" USING btree ("workspace_id","received_at");