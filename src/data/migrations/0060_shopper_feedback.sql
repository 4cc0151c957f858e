CREATE TABLE "shopper_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"conversation_id" uuid NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
	"message_id" uuid REFERENCES "messages"("id") ON DELETE CASCADE,
	"kind" text NOT NULL CHECK ("kind" IN ('thumb', 'rating')),
	"score" smallint NOT NULL CHECK (("kind" = 'thumb' AND "score" IN (-1, 1) AND "message_id" IS NOT NULL) OR ("kind" = 'rating' AND "score" BETWEEN 1 AND 5 AND "message_id" IS NULL)),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "shopper_feedback_thumb_idx" ON "shopper_feedback" USING btree ("store_id", "message_id") WHERE "kind" = 'thumb';--> statement-breakpoint
CREATE UNIQUE INDEX "shopper_feedback_rating_idx" ON "shopper_feedback" USING btree ("store_id", "conversation_id") WHERE "kind" = 'rating';--> statement-breakpoint
CREATE INDEX "shopper_feedback_store_time_idx" ON "shopper_feedback" USING btree ("store_id", "updated_at");
