import type { Address } from '../../core/commerce';

const COUNTRIES: Record<string, string> = { us: 'US', usa: 'US', 'united states': 'US', canada: 'CA', ca: 'CA', uk: 'GB', 'united kingdom': 'GB', gb: 'GB' };

/**
 * Reads a postal address written on one line or several ("221 Baker St, Apt 2, Springfield, IL 62704, US").
 * Needs a street with a number, a city and a postal code; the country defaults to the order's.
 */
export function readAddress(text: string, defaultCountry = 'US'): Address | undefined {
  // Order references are not part of it ("please ship #1129 to 500 Granville St…").
  text = text.replace(/(#\s?|\border\s+(?:number\s+|no\.?\s*)?#?)\d{3,20}\b/gi, ' ');
  // "change the address on 1082 to 77 Lakeview Drive…": a bare order number before "to" is not the house number (docs/adr/0039).
  text = text.replace(/\b(?:on|for|of)\s+\d{3,20}(?=\s+to\b)/gi, ' ');
  const parts = text
    .replace(/^(please )?(ship|send|deliver|change( it)?|update( it)?)( it)?( (to|the address to))?:?\s*/i, '')
    .split(/\n|,/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A house number, then a word with a letter in it ("221 Baker St", "12 5th Avenue").
  const streetIndex = parts.findIndex((p) => /(^|\s)\d+[a-z]?\s+\S*[a-z]/i.test(p));
  if (streetIndex < 0) return undefined;
  // "ship it to 221 Baker Street": the street starts at its number.
  parts[streetIndex] = parts[streetIndex]!.slice(parts[streetIndex]!.search(/(?<=^|\s)\d+[a-z]?\s+\S*[a-z]/i));
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

/** A piece of an address typed on its own ("45 Elm Street apt 3", "Denver, CO 80203"), to be put together with the rest. */
export function looksLikeAddressPart(text: string): boolean {
  const t = text.trim();
  return /^\d+[a-z]?\s+[a-z][\w .'-]*(street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|terrace|crescent|highway|hwy)\b/i.test(t) ||
    /^(apt|apartment|suite|ste|unit|floor)\b/i.test(t) ||
    /^[a-z][a-z .'-]+,?\s+[A-Z]{2}\s+(\d{5}(-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b/i.test(t) ||
    /^[a-z][a-z .'-]+,\s*[a-z .'-]+,?\s*(\d{5}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i.test(t);
}
