ALTER TABLE "knowledge_documents" ADD COLUMN "status" text DEFAULT 'ready' NOT NULL CHECK ("status" IN ('processing', 'ready', 'failed'));--> statement-breakpoint
ALTER TABLE "knowledge_documents" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "knowledge_documents" ADD COLUMN "input_hash" text;--> statement-breakpoint
CREATE TABLE "knowledge_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"document_id" uuid NOT NULL REFERENCES "knowledge_documents"("id") ON DELETE CASCADE,
	"format" text NOT NULL,
	"title" text,
	"source" text,
	"kind" text NOT NULL,
	"content" text NOT NULL,
	"input_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "knowledge_uploads_document_idx" ON "knowledge_uploads" USING btree ("document_id", "created_at");
