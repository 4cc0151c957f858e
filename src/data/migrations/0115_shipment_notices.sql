CREATE TABLE "shipment_notices" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"fulfillment_id" text NOT NULL,
	"kind" text NOT NULL,
	"order_id" text NOT NULL,
	"conversation_id" uuid REFERENCES "conversations"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("store_id", "fulfillment_id", "kind")
);
