ALTER TABLE "agent_presence" DROP CONSTRAINT "agent_presence_status_check";--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "wrap_up_call_id" uuid;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "wrap_up_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "wrap_up_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "wrap_up" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "wrap_up_sec" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_status_check" CHECK ("agent_presence"."status" in ('available', 'away', 'busy', 'wrap-up', 'offline'));--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_wrap_up_check" CHECK ("channels"."wrap_up" in ('off', 'timed', 'until-save'));