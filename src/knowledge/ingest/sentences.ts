const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|incl|no|nr|mr|mrs|ms|dr|st|inc|ltd|co|u\.s|u\.k)\.$/i;

/** Splits a paragraph at sentence ends (. ! ? followed by a capital, digit or quote), not after common abbreviations. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]["”’)]?\s+(?=["“(\p{Lu}\d-])/gu;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = paragraph.slice(start, end);
    // The candidate's end only: testing all of it after each skipped abbreviation was quadratic.
    if (ABBREVIATIONS.test(candidate.slice(-10))) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
