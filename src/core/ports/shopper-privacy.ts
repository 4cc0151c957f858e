/** A shopper as a privacy request names them: e-mail, the platform's customer ids, their orders. */
export interface ShopperIdentity {
  email: string | null;
  customerIds: string[];
  orderIds: string[];
}

export interface PrivacyExportSummary {
  id: string;
  source: string;
  requestId: string | null;
  conversations: number;
  createdAt: Date;
}

/** What a data request exports: the shopper's conversations with their messages and feedback. */
export interface ShopperDataExport {
  conversations: {
    id: string;
    channel: string;
    status: string;
    createdAt: string;
    messages: { role: string; content: string; createdAt: string }[];
    feedback: { kind: string; score: number; messageId: string | null; createdAt: string }[];
  }[];
}

/** The privacy duties (GDPR/CCPA, Shopify's mandatory webhooks) over the data Concierge holds. */
export interface ShopperPrivacy {
  /** Gathers the shopper's data into an export the store fetches over the API (sealed at rest). */
  exportShopper(storeId: string, who: ShopperIdentity, request: { source: string; requestId: string | null }): Promise<PrivacyExportSummary>;
  /** Erases the shopper's conversations, messages, feedback, agent memory and verification records; anonymises the order-request ledger. */
  eraseShopper(storeId: string, who: ShopperIdentity): Promise<{ conversations: number }>;
  /** Erases every shopper's data of the store (shop/redact); the store, its settings and keys stay. */
  eraseStoreData(storeId: string): Promise<void>;
  listExports(storeId: string): Promise<PrivacyExportSummary[]>;
  getExport(storeId: string, exportId: string): Promise<(PrivacyExportSummary & { data: ShopperDataExport }) | undefined>;
}
