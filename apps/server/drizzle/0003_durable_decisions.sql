CREATE TABLE "graph_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"action" text NOT NULL,
	"sdp" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"result" text,
	"last_error" text,
	CONSTRAINT "graph_actions_action_check" CHECK ("graph_actions"."action" in ('pre-accept', 'accept', 'reject', 'terminate')),
	CONSTRAINT "graph_actions_result_check" CHECK ("graph_actions"."result" in ('confirmed', 'refused', 'moot', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "graph_actions" ADD CONSTRAINT "graph_actions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_actions" ADD CONSTRAINT "graph_actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "graph_actions_call_action_key" ON "graph_actions" USING btree ("call_id","action");--> statement-breakpoint
CREATE INDEX "graph_actions_due_idx" ON "graph_actions" USING btree ("next_attempt_at","id") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "webhook_events_dead_idx" ON "webhook_events" USING btree ("dead_at") WHERE dead_at is not null;