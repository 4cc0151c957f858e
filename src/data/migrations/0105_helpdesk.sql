CREATE TABLE "helpdesk_tickets" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"provider" text NOT NULL CHECK ("provider" IN ('zendesk', 'gorgias')),
	"ticket_id" text NOT NULL,
	"conversation_id" uuid REFERENCES "conversations"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_tickets_pk" PRIMARY KEY ("store_id", "provider", "ticket_id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_tickets_conversation_idx" ON "helpdesk_tickets" USING btree ("conversation_id") WHERE "conversation_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "helpdesk_comments" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"provider" text NOT NULL,
	"ticket_id" text NOT NULL,
	"comment_id" text NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_comments_pk" PRIMARY KEY ("store_id", "provider", "ticket_id", "comment_id")
);--> statement-breakpoint
CREATE TABLE "helpdesk_posts" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"post_key" text NOT NULL,
	"provider" text NOT NULL,
	"ticket_id" text NOT NULL,
	"conversation_id" uuid REFERENCES "conversations"("id") ON DELETE CASCADE,
	"message_id" uuid REFERENCES "messages"("id") ON DELETE CASCADE,
	"kind" text NOT NULL CHECK ("kind" IN ('reply', 'note', 'handoff')),
	"status" text NOT NULL CHECK ("status" IN ('pending', 'posting', 'posted', 'failed', 'skipped')),
	"remote_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_posts_pk" PRIMARY KEY ("store_id", "post_key")
);--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_posts_message_idx" ON "helpdesk_posts" USING btree ("message_id") WHERE "message_id" IS NOT NULL;
