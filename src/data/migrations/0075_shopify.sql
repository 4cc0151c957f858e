-- Shopify connections (issue 16, docs/adr/0027): which shop a store is connected to (the domain
-- names the store for webhooks; the access token itself is sealed in stores.api_credentials), the
-- OAuth install's state nonces, and the privacy exports asked for by customers/data_request.
CREATE TABLE "shopify_shops" (
	"store_id" uuid PRIMARY KEY NOT NULL REFERENCES "stores"("id") ON DELETE cascade,
	"shop_domain" text NOT NULL,
	"granted_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"connected_via" text NOT NULL CHECK ("connected_via" IN ('token', 'oauth')),
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_shops_domain_idx" ON "shopify_shops" ("shop_domain");
--> statement-breakpoint
CREATE TABLE "shopify_oauth_states" (
	"nonce" text PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE cascade,
	"shop_domain" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE cascade,
	"source" text NOT NULL,
	"request_id" text,
	"conversations" integer NOT NULL,
	"subject_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"sealed" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "privacy_exports_store_idx" ON "privacy_exports" ("store_id", "created_at");
