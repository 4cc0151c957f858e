import type { PiiSpan } from './pii-span';

// Surest first: an e-mail holds digits a phone pattern would take, a card number is a long digit run.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/dg;
const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/dg;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/dg;
const CARD_ENDING = /\b(?:card|visa|mastercard|amex|debit|credit)\b[^.\n]{0,24}?\b(?:ending|ends)\s+(?:in|with)\s+(\d{4})\b/dgi;
const UPS_TRACKING = /\b1Z[0-9A-Z]{16}\b/dgi;
const CUED_TRACKING = /\b(?:tracking|track|shipment|parcel|package)\b(?:\s+(?:number|no\.?|code|id|#))?\s*(?:is|:|=)?\s*#?([A-Z0-9]{8,30})\b/dgi;
const LONG_DIGITS = /(?<![\w.,$€£-])\d{12,22}(?![\w.,-])/dg;
const HASH_ORDER = /(?<![\w&])#\s?\d{3,10}\b/dg;
const CUED_ORDER = /\border\s*(?:number|no\.?|num|id)?\s*(?:is|:)?\s*#?\s*(\d{3,10})\b/dgi;
const STREET =
  /\b\d{1,5}[A-Za-z]?\s+(?:[A-Za-z0-9][\w'.-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Circle|Square|Sq|Highway|Hwy|Strasse|Straße)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Unit|Flat)\.?\s*#?\w+)?/dgi;
const PHONE = /(?<![\w#$€£])\+?\(?\d[\d\s().-]{7,18}\d(?![\w%])/dg;
const INTRODUCED_NAME = /\b(?:[Mm]y name(?: is|'s)|[Ii] am called|[Ii]t's|[Tt]his is|[Nn]ame:|[Ss]igned,?|[Tt]hanks,|[Rr]egards,)\s+((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){0,2})/dg;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Luhn: what tells a card number from another long number. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function* matches(pattern: RegExp, text: string, group = 0): Generator<{ start: number; end: number; value: string }> {
  for (const m of text.matchAll(pattern)) {
    const at = m.indices?.[group];
    if (!at) continue;
    yield { start: at[0], end: at[1], value: text.slice(at[0], at[1]) };
  }
}

const span = (kind: PiiSpan['kind']) => (m: { start: number; end: number }): PiiSpan => ({ start: m.start, end: m.end, kind, own: false });

/**
 * What patterns find, surest first: e-mails, payment details, tracking and order numbers, street
 * addresses, phones, introduced names. Prices, quantities, dates and SKUs are left alone: a phone
 * needs 9+ digits and no currency sign, a card passes Luhn, an order number needs `#` or the word "order".
 */
export function patternSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  out.push(...[...matches(EMAIL, text)].map(span('email')));
  for (const m of matches(CARD, text)) if (luhn(m.value.replace(/\D/g, ''))) out.push(span('payment')(m));
  out.push(...[...matches(IBAN, text)].map(span('payment')));
  out.push(...[...matches(CARD_ENDING, text, 1)].map(span('payment')));
  out.push(...[...matches(UPS_TRACKING, text)].map(span('tracking')));
  for (const m of matches(CUED_TRACKING, text, 1)) if (/\d/.test(m.value) && m.value.length >= 8) out.push(span('tracking')(m));
  out.push(...[...matches(LONG_DIGITS, text)].map(span('tracking')));
  out.push(...[...matches(HASH_ORDER, text)].map(span('order')));
  out.push(...[...matches(CUED_ORDER, text, 1)].map(span('order')));
  out.push(...[...matches(STREET, text)].map(span('address')));
  for (const m of matches(PHONE, text)) {
    const digits = m.value.replace(/\D/g, '');
    if (digits.length >= 9 && digits.length <= 15 && !ISO_DATE.test(m.value.trim())) out.push(span('phone')(m));
  }
  out.push(...[...matches(INTRODUCED_NAME, text, 1)].map(span('name')));
  return out;
}
