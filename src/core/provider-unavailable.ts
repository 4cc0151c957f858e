import { AppError } from './errors';

/**
 * A store's provider (order system, payments, carrier tracking) cannot be reached: its circuit is
 * open, or every attempt timed out or failed on the provider's side. The agent answers it plainly
 * and hands the conversation to a person. `outcomeUnknown`: a write may have reached the provider
 * (a timeout, a 5xx), so it must be re-driven under the same idempotency key, never a new one.
 */
export class ProviderUnavailableError extends AppError {
  readonly provider: string;
  readonly outcomeUnknown: boolean;

  constructor(provider: string, message: string, options: { outcomeUnknown: boolean }) {
    super('unavailable', message, { provider, outcomeUnknown: options.outcomeUnknown });
    this.name = 'ProviderUnavailableError';
    this.provider = provider;
    this.outcomeUnknown = options.outcomeUnknown;
  }
}

export const isProviderUnavailable = (error: unknown): error is ProviderUnavailableError => error instanceof ProviderUnavailableError;
