import type { Order } from '../core/commerce';
import { toCents } from '../core/money';
import type { StoreSettings } from '../core/settings';

/**
 * Whether an order is high value for escalation: its total is at or above
 * escalation.highValueOrderAmount. 0 turns the check off. An order in another currency than the
 * settings cannot be compared and counts as high value (a human looks).
 */
export function isHighValueOrder(order: Pick<Order, 'totalCents' | 'currency'>, settings: StoreSettings): boolean {
  const threshold = settings.escalation.highValueOrderAmount;
  if (threshold === 0) return false;
  if (order.currency !== settings.currency) return true;
  return order.totalCents >= toCents(threshold, settings.currency);
}
