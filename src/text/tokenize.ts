const WORD = /[a-z0-9\u00c0-\u024f]+(?:'[a-z]+)?|\p{Extended_Pictographic}|[!?]/gu;

/** Words of normalised text (apostrophes kept inside words), emoji, and ! ? as tokens. */
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** Plain words only (no punctuation, no emoji), e.g. for word vectors and retrieval. */
export function words(normalized: string): string[] {
  return tokenize(normalized).filter((token) => /^[a-z0-9\u00c0-\u024f']+$/.test(token));
}
