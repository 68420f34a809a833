CREATE TABLE "call_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meta_media_id" text,
	"status" text DEFAULT 'awaiting' NOT NULL,
	"storage_key" text,
	"mime_type" text,
	"size_bytes" integer,
	"transcript_text" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stored_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "call_media_kind_check" CHECK ("call_media"."kind" in ('recording', 'transcript')),
	CONSTRAINT "call_media_status_check" CHECK ("call_media"."status" in ('awaiting', 'stored', 'failed', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "media_capture" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "media_capture" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "media_purpose" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "media_announcement_language" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "media_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_media" ADD CONSTRAINT "call_media_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_media" ADD CONSTRAINT "call_media_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_media_call_kind_key" ON "call_media" USING btree ("call_id","kind");--> statement-breakpoint
CREATE INDEX "call_media_due_idx" ON "call_media" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "call_media_expiry_idx" ON "call_media" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_media_capture_check" CHECK ("channels"."media_capture" in ('off', 'record', 'transcribe', 'both'));