import { type Claimed, unclaimed, unique } from './spans';

// Carrier shapes: UPS 1Z + 16; USPS 20–22 digits starting 9x or 420+ZIP; DHL JD/JJD + digits or
// 10 digits after a DHL mention; FedEx 12 or 15 digits after a FedEx/tracking mention.
const SHAPES = [
  /\b1Z[0-9A-Z]{16}\b/gi,
  /\b9[2-5]\d{18,20}\b/g,
  /\b420\d{5}9[2-5]\d{18,20}\b/g,
  /\bJJ?D\d{10,18}\b/gi,
  /\b[A-Z]{2}\d{9}(?:US|GB|CA|DE|CN)\b/g,
];
const CONTEXTUAL = /\b(?:fedex|dhl|tracking|track|tracking\s*(?:no\.?|number|#))\D{0,20}?(\d{10,15}|\d{4} \d{4} \d{4})\b/gi;

/** Tracking numbers in the shapes carriers print them. */
export function extractTrackingNumbers(text: string, claimed: Claimed): string[] {
  const found = SHAPES.flatMap((shape) => [...unclaimed(text, shape, claimed)].map((m) => m[0].toUpperCase()));
  found.push(...[...unclaimed(text, CONTEXTUAL, claimed, 1)].map((m) => m[1]!.replace(/ /g, '')));
  return unique(found);
}
