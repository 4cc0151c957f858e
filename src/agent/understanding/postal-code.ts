// US ZIP (5 or 9), Canadian (A1A 1A1), UK (SW1A 1AA) postcodes.
const PATTERNS = [/\b\d{5}(?:-\d{4})?\b/, /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/i, /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/i];

/** A postal code in a message, as written; undefined when there is none. */
export function findPostalCode(text: string, exclude: string[] = []): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text.replace(/#?\d{4,}(?=\D*$)/g, (m) => (exclude.includes(m.replace('#', '')) ? ' ' : m)));
    if (match && !exclude.includes(match[0])) return match[0];
  }
  return undefined;
}

/** Postal codes compare without case or spaces. */
export const samePostalCode = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
