import { type Claimed, unclaimed, unique } from './spans';

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'C$': 'CAD', 'CA$': 'CAD', 'A$': 'AUD' };
const WORDS: Record<string, string> = { usd: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', gbp: 'GBP', pound: 'GBP', pounds: 'GBP', cad: 'CAD', aud: 'AUD', jpy: 'JPY', yen: 'JPY' };

// The number is read whole ("$5000" is 5000, not 500): grouped thousands first, then plain digits, never stopping mid-number.
const BEFORE = /(C\$|CA\$|A\$|[$€£¥])\s?(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?![\d,])|\d+(?:\.\d{1,2})?(?!\d))/g;
const AFTER = /\b(\d{1,3}(?:,\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(usd|dollars?|bucks|eur|euros?|gbp|pounds?|cad|aud|jpy|yen)\b/gi;
const TRAILING_SYMBOL = /\b(\d+(?:[.,]\d{1,2})?)\s?([€£])/g;

const amount = (value: string) => {
  const normalized = value.replace(/,(?=\d{3}\b)/g, '').replace(',', '.');
  return Number(normalized).toFixed(2);
};

/** Amounts with their currency, e.g. "49.99 USD". */
export function extractAmounts(text: string, claimed: Claimed): string[] {
  const found: string[] = [];
  for (const m of unclaimed(text, BEFORE, claimed)) found.push(`${amount(m[2]!)} ${SYMBOLS[m[1]!]}`);
  for (const m of unclaimed(text, AFTER, claimed)) found.push(`${amount(m[1]!)} ${WORDS[m[2]!.toLowerCase()]}`);
  for (const m of unclaimed(text, TRAILING_SYMBOL, claimed)) found.push(`${amount(m[1]!)} ${SYMBOLS[m[2]!]}`);
  return unique(found);
}
