const WORD = /[a-z0-9\u00c0-\u024f]+(?:'[a-z]+)?|\p{Extended_Pictographic}|[!?]/gu;

/** Words of normalised text (apostrophes kept inside words), emoji, and ! ? as tokens. */
function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** The tokens of `tokenize` with where each starts in the text. */
export function tokenSpans(normalized: string): { token: string; at: number }[] {
  return [...normalized.matchAll(WORD)].map((match) => ({ token: match[0], at: match.index }));
}

/** Plain words only (no punctuation, no emoji), e.g. for word vectors and retrieval. */
export function words(normalized: string): string[] {
  return tokenize(normalized).filter((token) => /^[a-z0-9\u00c0-\u024f']+$/.test(token));
}
