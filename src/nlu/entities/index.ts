import type { CatalogEntry, Entities } from '../../core/ports/nlu';
import { extractAmounts } from './amounts';
import { extractColors, extractQuantities, extractSizes } from './attributes';
import { extractDates } from './dates';
import { extractEmails } from './emails';
import { extractOrderCandidates, extractOrderNumbers } from './order-numbers';
import { extractPhones } from './phones';
import { extractProducts } from './products';
import { Claimed } from './spans';
import { extractTrackingNumbers } from './tracking-numbers';

/**
 * The entity pass. Order matters: the most specific shapes claim their characters first (e-mails,
 * tracking numbers, prices, dates, order numbers, phones), so a price or a phone number is never
 * also an order number.
 */
export function extractEntities(text: string, options: { referenceDate: Date; catalog?: readonly CatalogEntry[]; expectingOrderNumber?: boolean }): Entities {
  const claimed = new Claimed();
  const entities: Entities = {
    emails: extractEmails(text, claimed),
    trackingNumbers: extractTrackingNumbers(text, claimed),
    amounts: extractAmounts(text, claimed),
    orderNumbers: extractOrderNumbers(text, claimed, options.expectingOrderNumber),
    dates: extractDates(text, claimed, options.referenceDate),
    phones: extractPhones(text, claimed),
    sizes: extractSizes(text, claimed),
    colors: extractColors(text, claimed),
    quantities: extractQuantities(text, claimed),
    products: extractProducts(text, options.catalog),
  };
  entities.orderCandidates = extractOrderCandidates(text, claimed, entities.orderNumbers ?? []);
  for (const key of Object.keys(entities) as (keyof Entities)[]) if (entities[key]!.length === 0) delete entities[key];
  return entities;
}
