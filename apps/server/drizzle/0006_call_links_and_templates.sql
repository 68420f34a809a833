CREATE TABLE "call_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"tag" text,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "deeplink_payload" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "cta_payload" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "permission_template_name" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "permission_template_language" text;--> statement-breakpoint
ALTER TABLE "call_links" ADD CONSTRAINT "call_links_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_links" ADD CONSTRAINT "call_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_links_channel_idx" ON "call_links" USING btree ("channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_links_channel_tag_key" ON "call_links" USING btree ("channel_id","tag");--> statement-breakpoint
CREATE INDEX "calls_deeplink_idx" ON "calls" USING btree ("workspace_id","deeplink_payload","offered_at");--> statement-breakpoint
CREATE INDEX "calls_cta_idx" ON "calls" USING btree ("workspace_id","cta_payload","offered_at");