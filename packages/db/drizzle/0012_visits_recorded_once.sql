ALTER TABLE "node_visits" ADD COLUMN "run_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "node_visits_once" ON "node_visits" USING btree ("workflow_id","run_id","node_id","visit","outcome");