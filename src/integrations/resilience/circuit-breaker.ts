import type { Clock } from './clock';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  openMs: number;
}

/**
 * One provider of one store: closed (calls go through), open after `failureThreshold` failures
 * in a row (calls fail at once, nothing is sent), half-open after `openMs` (one trial call; its
 * success closes the circuit, its failure opens it again for another `openMs`).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private current: CircuitState = 'closed';

  constructor(
    private readonly options: CircuitOptions,
    private readonly clock: Clock,
  ) {}

  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() - this.openedAt >= this.options.openMs) this.current = 'half_open';
    return this.current;
  }

  /** Whether a call may go out now; in half-open, only one trial at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until a trial call is allowed (0 when not open). */
  retryInMs(): number {
    return this.state === 'open' ? Math.max(0, this.options.openMs - (this.clock.now() - this.openedAt)) : 0;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.current = 'closed';
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.current === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.clock.now();
    }
  }
}

/** The circuits of every (store, provider), created on first use. */
export class CircuitRegistry {
  private readonly circuits = new Map<string, CircuitBreaker>();

  constructor(
    private readonly options: CircuitOptions,
    private readonly clock: Clock,
  ) {}

  of(storeId: string, provider: string): CircuitBreaker {
    const key = `${storeId}\u0000${provider}`;
    let circuit = this.circuits.get(key);
    if (!circuit) {
      circuit = new CircuitBreaker(this.options, this.clock);
      this.circuits.set(key, circuit);
    }
    return circuit;
  }
}
