ALTER TABLE "call_media" DROP CONSTRAINT "call_media_kind_check";--> statement-breakpoint
ALTER TABLE "channels" DROP CONSTRAINT "channels_when_nobody_check";--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "queue_limit_sec" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_media" ADD CONSTRAINT "call_media_kind_check" CHECK ("call_media"."kind" in ('recording', 'transcript', 'voicemail'));--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_when_nobody_check" CHECK ("channels"."when_nobody_available" in ('keep-ringing', 'reject', 'queue'));