/**
 * The check after generation: a rewritten reply may not state a figure the facts do not hold.
 * Amounts, dates, tracking and order numbers, percentages and policy figures ("30 days") are read
 * from the reply and each must be found in the allowed text (the template's draft and the facts).
 */

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const CHECKS: { kind: string; pattern: RegExp }[] = [
  { kind: 'amount', pattern: /(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CAD|AUD|dollars?|euros?|pounds?)\b)/gi },
  { kind: 'percentage', pattern: /\d+(?:\.\d+)?\s?(?:%|percent\b)/gi },
  { kind: 'date', pattern: new RegExp(`\\b(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS}))\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b`, 'gi') },
  { kind: 'policy figure', pattern: /\b\d+\s?(?:-\s?\d+\s?)?(?:business\s+|working\s+|calendar\s+)?(?:days?|weeks?|months?|hours?|years?)\b/gi },
  { kind: 'order number', pattern: /#\s?\d{2,}\b|\border\s+(?:number\s+)?#?\d{3,}\b/gi },
  { kind: 'tracking number', pattern: /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{10,}\b|\b\d{10,}\b/g },
  { kind: 'placeholder', pattern: /\{\{[^}]*\}\}/g },
];

const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday)\b/gi;

/** Digits and letters only, lower case: "$1,049.00" and "1049.00" compare equal, and so do "#1042" and "1042". */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]/g, '').replace(/\.0+\b|\.(?=\D|$)/g, '');

function numbersOf(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '').replace(/\.0+$/, ''));
}

export interface FactCheck {
  ok: boolean;
  /** What was stated without a source, by kind ("tracking number"), never the value (logs hold no personal data). */
  unsupported: string[];
}

/** Whether every figure of the reply is in the allowed text; weekdays and relative days must be there too. */
export function checkFacts(reply: string, allowed: string): FactCheck {
  const allowedSquashed = squash(allowed);
  const allowedNumbers = new Set(numbersOf(allowed));
  const unsupported: string[] = [];
  for (const { kind, pattern } of CHECKS) {
    for (const match of reply.match(pattern) ?? []) {
      if (kind === 'placeholder') {
        unsupported.push(kind);
        continue;
      }
      const numbers = numbersOf(match);
      const found = allowedSquashed.includes(squash(match)) || (numbers.length > 0 && numbers.every((n) => allowedNumbers.has(n)) && kind !== 'tracking number' && kind !== 'date');
      if (!found) unsupported.push(kind);
    }
  }
  const allowedLower = allowed.toLowerCase();
  for (const day of reply.match(WEEKDAYS) ?? []) if (!allowedLower.includes(day.toLowerCase())) unsupported.push('date');
  return { ok: unsupported.length === 0, unsupported: [...new Set(unsupported)] };
}
