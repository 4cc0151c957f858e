import Stripe from 'stripe';

export interface StripeCredentials {
  secretKey: string;
  webhookSecret?: string;
  orderMetadataKey?: string;
}

/**
 * The official client for one store's key. `apiBase` (the instance's STRIPE_API_BASE) points it at
 * another origin, e.g. a local Stripe-protocol server in tests. The client's own retries are off:
 * the resilience wrapper retries, with the same idempotency key, and counts failures per store.
 */
export function stripeClient(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: 0,
    telemetry: false,
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === 'http:' ? 80 : 443), protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const) }
      : {}),
  });
}

/** One client per key, reused across calls (the client keeps its own connection agent). */
export function stripeClients(apiBase?: string) {
  const clients = new Map<string, Stripe>();
  return (secretKey: string): Stripe => {
    let client = clients.get(secretKey);
    if (!client) {
      client = stripeClient(secretKey, apiBase);
      clients.set(secretKey, client);
    }
    return client;
  };
}
