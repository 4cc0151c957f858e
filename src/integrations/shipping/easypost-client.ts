import EasyPostClient from '@easypost/api';

/** The client's instance type. */
export type EasyPost = InstanceType<typeof EasyPostClient>;

export interface ShippingCredentials {
  provider: 'easypost';
  apiKey: string;
  returnAddress?: { name?: string; company?: string; street1: string; street2?: string; city: string; state?: string; zip: string; country: string; phone?: string };
  returnParcel?: { length: number; width: number; height: number; weight: number };
}

/** The official EasyPost client for one key; `apiBase` (EASYPOST_API_BASE, with /v2/) points it elsewhere, e.g. a local EasyPost-protocol server. */
export function easyPostClients(apiBase?: string, timeoutMs = 10_000) {
  const clients = new Map<string, EasyPost>();
  const baseUrl = apiBase ? (apiBase.endsWith('/') ? apiBase : `${apiBase}/`) : undefined;
  return (apiKey: string): EasyPost => {
    let client = clients.get(apiKey);
    if (!client) {
      client = new EasyPostClient(apiKey, { timeout: timeoutMs, ...(baseUrl ? { baseUrl } : {}) });
      clients.set(apiKey, client);
    }
    return client;
  };
}
