/** Kinds of personal data the shield replaces before a remote call. */
export type PiiKind = 'email' | 'phone' | 'name' | 'address' | 'postcode' | 'order' | 'tracking' | 'payment';

/** A stretch of text holding personal data; `own` when it is the conversation's shopper's, from the store's records. */
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
  /** Which part of the shopper's record it is (first or last name), for a readable token. */
  part?: 'first_name' | 'last_name';
  own: boolean;
}

/** Keeps each span that overlaps none kept before it: callers pass the surest detectors first. */
export function claimInOrder(spans: PiiSpan[]): PiiSpan[] {
  const kept: PiiSpan[] = [];
  for (const span of spans) if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}
