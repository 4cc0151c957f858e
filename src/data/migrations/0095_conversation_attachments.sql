CREATE TABLE "conversation_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"conversation_id" uuid NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
	"object_key" text NOT NULL,
	"content_type" text NOT NULL CHECK ("content_type" IN ('image/png', 'image/jpeg', 'image/webp')),
	"size" integer NOT NULL CHECK ("size" > 0),
	"sha256" text NOT NULL,
	"source" text NOT NULL CHECK ("source" IN ('api', 'widget', 'email')),
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "conversation_attachments_conversation_idx" ON "conversation_attachments" ("store_id", "conversation_id", "created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_attachments_object_key_idx" ON "conversation_attachments" ("store_id", "object_key");
