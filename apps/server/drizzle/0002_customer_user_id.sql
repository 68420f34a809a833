ALTER TABLE "calls" ADD COLUMN "caller_user_id" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "caller_username" text;--> statement-breakpoint
CREATE INDEX "calls_caller_user_idx" ON "calls" USING btree ("workspace_id","caller_user_id","offered_at");