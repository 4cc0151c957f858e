CREATE TABLE "widget_logos" (
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
	"hash" text NOT NULL,
	"content_type" text NOT NULL CHECK ("content_type" IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
	"bytes" bytea NOT NULL CHECK (octet_length("bytes") <= 65536),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("store_id", "hash")
);
