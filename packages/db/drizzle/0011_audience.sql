CREATE TABLE "audience_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"rfm" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"requested_by" text,
	"counts" jsonb NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_merges" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"from_contact_id" text NOT NULL,
	"into_contact_id" text NOT NULL,
	"via" text NOT NULL,
	"message_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lifetime_value_models" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"purchases" jsonb NOT NULL,
	"spend" jsonb,
	"customers" integer NOT NULL,
	"horizon_days" integer NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lifetime_values" (
	"workspace_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"probability_alive" double precision NOT NULL,
	"expected_purchases" double precision NOT NULL,
	"expected_spend" double precision NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lifetime_values_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "rfm_scores" (
	"workspace_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"recency_days" integer NOT NULL,
	"frequency" integer NOT NULL,
	"monetary" double precision NOT NULL,
	"r" smallint NOT NULL,
	"f" smallint NOT NULL,
	"m" smallint NOT NULL,
	"group" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rfm_scores_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"computed_at" timestamp with time zone,
	"size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "identity_merges_into" ON "identity_merges" USING btree ("workspace_id","into_contact_id");--> statement-breakpoint
CREATE INDEX "rfm_scores_group" ON "rfm_scores" USING btree ("workspace_id","group");