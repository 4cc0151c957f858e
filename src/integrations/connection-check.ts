import { AppError } from '../core/errors';
import type { IntegrationCheck } from '../core/ports/integration-check';
import { isProviderUnavailable } from '../core/provider-unavailable';
import type { Resilience } from './resilience/resilient-call';

/**
 * A connection test: one harmless read with the store's credentials, through the resilience
 * wrapper (one attempt, so the operator hears at once). A refusal (401/403) says the key is wrong;
 * unavailable says the provider could not be reached.
 */
export function connectionCheck<C>(o: { provider: string; credentials(storeId: string): Promise<C | undefined>; resilience: Resilience; read(credentials: C, signal: AbortSignal): Promise<string> }): IntegrationCheck {
  return {
    async check(storeId) {
      const credentials = await o.credentials(storeId);
      if (!credentials) throw new AppError('unprocessable', `${o.provider} is not configured for this store: set it in the settings' channels first`);
      try {
        const what = await o.resilience.call({ storeId, provider: o.provider, operation: 'connection test' }, (signal) => o.read(credentials, signal));
        return { provider: o.provider, ok: true, message: what };
      } catch (error) {
        if (isProviderUnavailable(error)) return { provider: o.provider, ok: false, message: `${o.provider} could not be reached: ${error.message}` };
        const status = (error as { statusCode?: number; status?: number }).statusCode ?? (error as { status?: number }).status;
        if (status === 401 || status === 403) return { provider: o.provider, ok: false, message: `${o.provider} refused the stored credentials (HTTP ${status})` };
        return { provider: o.provider, ok: false, message: `${o.provider} answered with an error${status ? ` (HTTP ${status})` : ''}` };
      }
    },
  };
}
