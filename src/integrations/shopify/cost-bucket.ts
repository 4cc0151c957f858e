/** Shopify's `extensions.cost.throttleStatus`. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * The client's view of Shopify's leaky bucket for one store: what the last answer said was
 * available, refilled at the restore rate since. Says how long to wait before a query of a cost.
 */
export class CostBucket {
  private status: ThrottleStatus | null = null;
  private seenAt = 0;

  update(status: ThrottleStatus | undefined, now: number): void {
    if (!status || !Number.isFinite(status.currentlyAvailable) || !(status.restoreRate > 0)) return;
    this.status = status;
    this.seenAt = now;
  }

  available(now: number): number | null {
    if (!this.status) return null;
    const refilled = this.status.currentlyAvailable + (this.status.restoreRate * (now - this.seenAt)) / 1000;
    return Math.min(this.status.maximumAvailable, refilled);
  }

  /** Milliseconds to wait before a query of this cost fits (0 when it fits or nothing is known yet). */
  waitMs(cost: number, now: number): number {
    const available = this.available(now);
    if (available === null || available >= cost) return 0;
    const needed = Math.min(cost, this.status!.maximumAvailable) - available;
    return Math.ceil((needed / this.status!.restoreRate) * 1000);
  }
}
