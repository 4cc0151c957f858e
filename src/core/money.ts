/** Money in the domain is integer minor units (cents) with its currency: never a float. */
export interface Money {
  cents: number;
  currency: string;
}

const minorDigits = (currency: string): number => (['JPY', 'KRW', 'VND', 'CLP', 'ISK'].includes(currency) ? 0 : 2);

/** "49.99" (a decimal string or number in major units, as Shopify and settings write it) → 4999. */
export function toCents(major: string | number, currency = 'USD'): number {
  const digits = minorDigits(currency);
  const text = typeof major === 'number' ? major.toFixed(digits) : major.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not an amount: ${major}`);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 10 ** digits + Number((fraction + '00').slice(0, digits) || '0');
  return text.startsWith('-') ? -cents : cents;
}

/** 4999 → "49.99" (for storage as numeric and for provider APIs). */
export function toMajor(cents: number, currency = 'USD'): string {
  const digits = minorDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// Building a formatter costs more than formatting; a reply formats several amounts in a few currencies.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 4999, USD → "$49.99"; for replies. */
export function formatMoney(cents: number, currency: string, locale = 'en-US'): string {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minorDigits(currency) });
    if (moneyFormats.size < 64) moneyFormats.set(key, format);
  }
  return format.format(cents / 10 ** minorDigits(currency));
}
