ALTER TABLE "events" ADD COLUMN "context" jsonb;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "integrations" jsonb;