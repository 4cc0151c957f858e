-- Failed ownership checks kept across conversations and channels (issue 21): a lockout per order
-- and per shopper that a new conversation does not reset; see docs/adr/0023.
CREATE TABLE "verification_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE cascade,
	"subject_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"conversation_id" uuid,
	"channel" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "verification_failures_keys_idx" ON "verification_failures" USING gin ("subject_keys");
--> statement-breakpoint
CREATE INDEX "verification_failures_store_time_idx" ON "verification_failures" ("store_id", "created_at");
