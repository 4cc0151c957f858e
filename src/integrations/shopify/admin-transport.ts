import { createAdminApiClient } from '@shopify/admin-api-client';
import { CostBucket, type ThrottleStatus } from './cost-bucket';
import { ShopifyError } from './shopify-error';

/** The Admin API version Concierge speaks (quarterly; each is supported for at least 12 months). */
export const SHOPIFY_API_VERSION = '2026-10';

export type FetchApi = (url: string, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** `your-shop.myshopify.com`. */
  shopDomain: string;
  accessToken: string;
  apiVersion?: string;
  /** The HTTP client (tests point it at a local server); the global fetch by default. */
  fetchApi?: FetchApi;
  /** One call's time limit. */
  timeoutMs?: number;
  /** Tries per call, throttled answers included. */
  maxAttempts?: number;
  /** The longest wait the throttle may ask for before the call gives up. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface RequestOptions {
  /** Retry after a timeout or a 5xx: only for reads and for writes Shopify makes idempotent. */
  retryUncertain?: boolean;
  /** What the call does, for error messages ("refundCreate"). */
  label: string;
}

interface Cost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: string; cost?: number } & Record<string, unknown>;
}

/** One store's Admin GraphQL endpoint through the official client, with Shopify's throttle honoured. */
export interface ShopifyTransport {
  request<T>(document: string, variables: Record<string, unknown>, options: RequestOptions): Promise<T>;
  readonly bucket: CostBucket;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const jitter = (ms: number) => Math.round(ms * (0.5 + Math.random() * 0.5));

function retryAfterMs(response: Response | undefined): number | null {
  const header = response?.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number.parseFloat(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** A transport for one store. The official client's own retries are off: it reads Retry-After as milliseconds. */
export function shopifyTransport(options: TransportOptions): ShopifyTransport {
  const client = createAdminApiClient({
    storeDomain: options.shopDomain,
    apiVersion: options.apiVersion ?? SHOPIFY_API_VERSION,
    accessToken: options.accessToken,
    retries: 0,
    ...(options.fetchApi ? { customFetchApi: options.fetchApi as never } : {}),
    // The client's log lines carry request parameters (shoppers' data): none are kept.
    logger: () => undefined,
  });
  const bucket = new CostBucket();
  const lastCost = new Map<string, number>();
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 30_000;

  async function wait(ms: number, label: string): Promise<void> {
    if (ms > maxWaitMs) throw new ShopifyError('throttled', `${label} would wait ${Math.ceil(ms / 1000)} s for the rate limit`);
    if (ms > 0) await sleep(ms);
  }

  async function request<T>(document: string, variables: Record<string, unknown>, { retryUncertain = false, label }: RequestOptions): Promise<T> {
    let lastError: ShopifyError | null = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      await wait(bucket.waitMs(lastCost.get(document) ?? 1, now()), label);
      const signal = AbortSignal.timeout(timeoutMs);
      const result = await client.request(document, { variables, signal });
      const cost = result.extensions?.cost as Cost | undefined;
      bucket.update(cost?.throttleStatus, now());
      if (cost?.requestedQueryCost) lastCost.set(document, cost.requestedQueryCost);
      if (!result.errors) return result.data as T;

      const status = result.errors.networkStatusCode;
      const graphQLErrors = (result.errors.graphQLErrors ?? []) as GraphQLErrorShape[];
      if (status === 429) {
        lastError = new ShopifyError('throttled', `${label} was rate limited (429)`);
        await wait(retryAfterMs(result.errors.response) ?? jitter(1000 * 2 ** (attempt - 1)), label);
        continue;
      }
      const throttled = graphQLErrors.find((e) => e.extensions?.code === 'THROTTLED');
      if (throttled) {
        lastError = new ShopifyError('throttled', `${label} was throttled`);
        const requested = cost?.requestedQueryCost ?? lastCost.get(document) ?? 1;
        await wait(Math.max(bucket.waitMs(requested, now()), 250), label);
        continue;
      }
      if (status === 401 || status === 403) throw new ShopifyError('auth', `${label} was refused (${status}): the access token is invalid or lacks a scope`);
      if (status === 404) throw new ShopifyError('not_found', `${label}: the shop or API version was not found (404)`);
      const uncertain = signal.aborted
        ? new ShopifyError('timeout', `${label} did not answer within ${timeoutMs} ms`)
        : status === undefined || status >= 500
          ? new ShopifyError('unavailable', `${label} failed${status ? ` (${status})` : ''}: ${result.errors.message ?? 'no answer'}`)
          : null;
      if (uncertain) {
        if (!retryUncertain) throw uncertain;
        lastError = uncertain;
        await sleep(jitter(200 * 2 ** (attempt - 1)));
        continue;
      }
      const reasons = graphQLErrors.map((e) => e.message).filter(Boolean).join('; ');
      const accessDenied = graphQLErrors.some((e) => e.extensions?.code === 'ACCESS_DENIED');
      throw new ShopifyError(accessDenied ? 'auth' : 'graphql', `${label} was refused: ${reasons || result.errors.message || `HTTP ${status}`}`);
    }
    throw lastError ?? new ShopifyError('unavailable', `${label} failed`);
  }

  return { request, bucket };
}
