import { type Claimed, unclaimed, unique } from './spans';

const PHONE = /(?<![\w#-])(\+?\d{1,3}[\s.-]?)?(\(\d{2,4}\)|\d{2,4})[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w-])|\+\d{10,14}\b/g;

/** Phone numbers: 10 to 15 digits with the separators people type; returned as written, trimmed. */
export function extractPhones(text: string, claimed: Claimed): string[] {
  const found: string[] = [];
  for (const m of unclaimed(text, PHONE, claimed)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 10 && digits.length <= 15) found.push(m[0].trim());
  }
  return unique(found);
}
