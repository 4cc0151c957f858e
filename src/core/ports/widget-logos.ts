/** A store's uploaded widget logos, addressed by content hash (so a URL never changes what it shows). */
export interface WidgetLogo {
  hash: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface WidgetLogoStore {
  save(storeId: string, logo: WidgetLogo): Promise<void>;
  find(storeId: string, hash: string): Promise<WidgetLogo | undefined>;
}
