-- The ledger of requests that move money or change an order (issue 13 item 1, issue 21): written
-- inside the order's critical section before the provider is called; see docs/adr/0011.
CREATE TABLE "order_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE cascade,
	"order_id" text NOT NULL,
	"order_name" text NOT NULL,
	"kind" text NOT NULL,
	"request_key" text NOT NULL,
	"status" text NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"returnless" boolean DEFAULT false NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"action_id" uuid,
	"conversation_id" uuid,
	"channel" text,
	"shopper_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "order_requests_live_key_idx" ON "order_requests" ("store_id", "request_key") WHERE status IN ('in_progress', 'pending', 'completed');
--> statement-breakpoint
CREATE INDEX "order_requests_order_idx" ON "order_requests" ("store_id", "order_id", "created_at");
--> statement-breakpoint
CREATE INDEX "order_requests_action_idx" ON "order_requests" ("store_id", "action_id");
--> statement-breakpoint
CREATE INDEX "order_requests_shopper_idx" ON "order_requests" USING gin ("shopper_keys");
