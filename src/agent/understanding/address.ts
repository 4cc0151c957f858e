import type { Address } from '../../core/commerce';

const COUNTRIES: Record<string, string> = { us: 'US', usa: 'US', 'united states': 'US', canada: 'CA', ca: 'CA', uk: 'GB', 'united kingdom': 'GB', gb: 'GB' };

/**
 * Reads a postal address written on one line or several ("221 Baker St, Apt 2, Springfield, IL 62704, US").
 * Needs a street with a number, a city and a postal code; the country defaults to the order's.
 */
export function readAddress(text: string, defaultCountry = 'US'): Address | undefined {
  const parts = text
    .replace(/^(please )?(ship|send|deliver|change( it)?|update( it)?)( it)?( (to|the address to))?:?\s*/i, '')
    .split(/\n|,/)
    .map((p) => p.trim())
    .filter(Boolean);
  const streetIndex = parts.findIndex((p) => /^\d+[a-z]?\s+\S+/i.test(p));
  if (streetIndex < 0) return undefined;
  const rest = parts.slice(streetIndex + 1);
  let country = defaultCountry;
  const last = rest.at(-1)?.toLowerCase();
  if (last && COUNTRIES[last]) {
    country = COUNTRIES[last]!;
    rest.pop();
  }
  const unit = rest[0] && /^(apt|apartment|suite|ste|unit|#|floor|fl)\b/i.test(rest[0]) ? rest.shift() : undefined;
  const tail = rest.pop();
  const city = rest.pop() ?? tail?.replace(/\b[A-Z]{2}\b.*$/, '').trim();
  const zip = tail?.match(/\b(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i)?.[0];
  const province = tail?.match(/\b([A-Z]{2})\b(?=\s*[\dA-Z]{3,})/)?.[1] ?? null;
  if (!city || !zip) return undefined;
  return { address1: parts[streetIndex]!, address2: unit ?? null, city: city.replace(/\s+[A-Z]{2}$/, ''), province, zip, country };
}
