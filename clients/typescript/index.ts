import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** The error body every Concierge endpoint answers with. */
export type ApiErrorBody = components['schemas']['Error'];

export interface ConciergeClientOptions {
  /** Where Concierge runs, e.g. `http://127.0.0.1:3000` (`''` in a page served by Concierge itself). */
  baseUrl: string;
  /** A store key (`sk_…`), an operator session or a service token; a function is asked before every call. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
}

/** A failed call: the status, the error code of the closed set, and the request id to quote. */
export class ConciergeApiError extends Error {
  override name = 'ConciergeApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ConciergeApiError {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    return new ConciergeApiError(status, error?.code ?? 'unknown', error?.message ?? `HTTP ${status}`, error?.requestId);
  }
}

/**
 * A typed client of the Concierge API (openapi-fetch over the generated `paths`):
 * `client.GET('/v1/conversations', { params: { query: { status: 'handed_off' } } })`.
 */
export function createConciergeClient(options: ConciergeClientOptions): Client<paths> {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** The data of a successful call, or a ConciergeApiError: `const page = await ok(client.GET(...))`. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw ConciergeApiError.from(response.status, error);
  return data as T;
}
