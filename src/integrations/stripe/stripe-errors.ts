import { AppError } from '../../core/errors';

/**
 * A Stripe refusal (a 4xx the resilience wrapper does not retry) as the closed error set: a
 * refund Stripe will not make is unprocessable, a wrong key unauthorised. Other errors pass as they are.
 */
export function translateStripeError(error: unknown): unknown {
  const e = error as { type?: string; statusCode?: number; code?: string; message?: string };
  if (typeof e?.type !== 'string' || !e.type.startsWith('Stripe')) return error;
  const what = `stripe: ${e.code ?? e.type}${e.message ? `: ${e.message.slice(0, 200)}` : ''}`;
  if (e.statusCode === 401 || e.statusCode === 403) return new AppError('unauthorized', what);
  if (e.statusCode === 404) return new AppError('not_found', what);
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('unprocessable', what);
  return error;
}
