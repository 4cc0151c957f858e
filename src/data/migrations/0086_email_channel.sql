ALTER TABLE "stores" ADD COLUMN "inbound_email_key" text DEFAULT ('s' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 20)) NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stores_inbound_email_key_idx" ON "stores" USING btree ("inbound_email_key");--> statement-breakpoint
CREATE TABLE "email_threads" (
	"conversation_id" uuid PRIMARY KEY NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"reply_token" text NOT NULL,
	"address" text NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "email_threads_reply_token_idx" ON "email_threads" USING btree ("store_id", "reply_token");--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"conversation_id" uuid REFERENCES "conversations"("id") ON DELETE CASCADE,
	"direction" text NOT NULL CHECK ("direction" IN ('in', 'out')),
	"rfc_message_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_id" text,
	"message_id" uuid REFERENCES "messages"("id") ON DELETE CASCADE,
	"status" text NOT NULL,
	"reason" text,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_rfc_idx" ON "email_messages" USING btree ("store_id", "direction", "rfc_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_provider_idx" ON "email_messages" USING btree ("store_id", "provider", "provider_id") WHERE "provider_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_out_idx" ON "email_messages" USING btree ("message_id") WHERE "direction" = 'out';--> statement-breakpoint
CREATE INDEX "email_messages_conversation_idx" ON "email_messages" USING btree ("conversation_id", "created_at");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "messages" USING btree ("created_at");
