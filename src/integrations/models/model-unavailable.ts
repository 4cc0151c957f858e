/** Why a remote call gave no answer: the caller falls back to the offline path whatever the reason. */
export class ModelUnavailable extends Error {
  override name = 'ModelUnavailable';
  constructor(
    readonly reason: 'circuit_open' | 'timeout' | 'provider_error',
    options?: { cause?: unknown },
  ) {
    super(`remote model unavailable: ${reason}`, options);
  }
}
