-- Idempotency records (issue 13 items 4 and 9): scoped to the caller as well as the store, answers
-- sealed at rest (AES-256-GCM; they carry new keys and conversation tokens), expired after 24 hours.
-- The answers stored so far are in plain text: they are dropped (a retry within the day runs anew).
DELETE FROM "idempotency_keys";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "caller" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_store_id_route_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_store_id_caller_route_key_pk" PRIMARY KEY ("store_id", "caller", "route", "key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");
