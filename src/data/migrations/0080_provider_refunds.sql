CREATE TABLE "provider_refunds" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"provider" text NOT NULL,
	"refund_id" text NOT NULL,
	"order_id" text NOT NULL,
	"request_key" text,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL CHECK ("status" IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
	"failure_reason" text,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_refunds_pk" PRIMARY KEY ("store_id", "provider", "refund_id")
);--> statement-breakpoint
CREATE INDEX "provider_refunds_order_idx" ON "provider_refunds" USING btree ("store_id", "order_id");
