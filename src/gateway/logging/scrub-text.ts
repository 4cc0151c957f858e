/**
 * Free-text scrubbing for log lines: whatever slips past the structured redaction (an error message
 * quoting a value, a library's message) loses its e-mails, phones, street addresses, tracking and
 * card-like numbers and credentials before it is written.
 */

const STREET =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Crescent|Close|Highway|Hwy|Parkway|Pkwy|Square|Sq)';

const RULES: [RegExp, string | ((match: string) => string)][] = [
  // Credentials: our own key and token formats, bearer headers, JWTs, PEM blocks.
  [/\b(?:sk|pk|ct|adm|ort|inv|whsec|rk)_[A-Za-z0-9_-]{8,}/g, '[secret]'],
  [/\bBearer\s+[^\s"',]+/gi, 'Bearer [secret]'],
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g, '[token]'],
  [/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, '[secret]'],
  // Personal data.
  [/[\w.+%-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+(?:[A-Z][\\w'-]*\\s+){1,4}${STREET}\\b\\.?`, 'g'), '[address]'],
  // Tracking numbers (UPS, DHL, UPU S10) and long digit runs (USPS, FedEx, Canada Post, cards).
  [/\b1Z[0-9A-Z]{16}\b/g, '[tracking]'],
  [/\bJ[A-Z]{1,2}\d{10,20}\b/g, '[tracking]'],
  [/\b[A-Z]{2}\d{9}[A-Z]{2}\b/g, '[tracking]'],
  // Phones and other long numbers: 9+ digits, maybe split by spaces, dots, dashes or brackets; not a
  // JSON number (after ':'), not part of an identifier (UUID segments), not a decimal.
  [
    /(?<![\w:.\-/])\+?\(?\d[\d\s().-]{7,}\d(?![\w-])/g,
    (match) => ((match.match(/\d/g) ?? []).length >= 9 && !/^\d+\.\d+$/.test(match) && !/^\d{4}-\d{2}-\d{2}/.test(match) ? '[number]' : match),
  ],
];

/** The text with personal data and secrets replaced by placeholders. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}
