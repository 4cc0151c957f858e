import { HelpdeskCallError, type HelpdeskName } from '../core/ports/helpdesk';
import { retryAfterMs } from './resilience/backoff';

export type FetchApi = typeof fetch;

/** Where and as whom a helpdesk's REST API is called. */
export interface HelpdeskTarget {
  provider: HelpdeskName;
  /** The API's root, e.g. https://acme.zendesk.com/api/v2 */
  baseUrl: string;
  authorization: string;
  fetchApi: FetchApi;
  timeoutMs: number;
}

/**
 * One JSON call to a helpdesk's REST API. Any answer other than 2xx, and any failure to get one,
 * becomes a `HelpdeskCallError` with the status and the Retry-After in milliseconds (a 429's wait);
 * the credentials never appear in an error. Redirects are refused (credentials stay on the host).
 */
export async function helpdeskRequest<T>(target: HelpdeskTarget, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const signals = [AbortSignal.timeout(target.timeoutMs), ...(signal ? [signal] : [])];
  let response: Response;
  try {
    response = await target.fetchApi(`${target.baseUrl}${path}`, {
      method,
      headers: { authorization: target.authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'error',
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    throw new HelpdeskCallError(target.provider, undefined, `${target.provider} could not be reached for ${method} ${path.split('?')[0]} (${error instanceof Error ? error.name : 'error'})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new HelpdeskCallError(target.provider, response.status, `${target.provider} answered HTTP ${response.status} to ${method} ${path.split('?')[0]}`, retryAfterMs(response.headers.get('retry-after'), Date.now()));
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The API origin for an account: a template with `{account}` (tests point it at a local server). */
export const accountBase = (template: string, account: string) => template.replace('{account}', account);

/** Plain text as minimal HTML paragraphs, everything escaped (for providers that want an HTML body too). */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
