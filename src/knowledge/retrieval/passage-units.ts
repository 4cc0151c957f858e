import { splitSentences } from '../ingest/sentences';

/**
 * Sentence-level retrieval units of a passage, for a sentence encoder (docs/adr/0040). One vector for a
 * whole passage averages its sentences, and the encoder reads only its first 128 word pieces: a question
 * about the passage's fourth sentence ("the sofa I bought is huge, how will it get to me" against "Furniture
 * and rugs over 70 lb travel by freight") sits far from it. Each sentence is embedded with its heading, so
 * "We can deliver them through USPS" still says it is about PO boxes; the heading alone is one more unit.
 */
export function passageUnits(titlePath: readonly string[], content: string): string[] {
  const heading = (titlePath.length > 1 ? titlePath.slice(1) : titlePath).join(' › ').trim();
  const sentences = content
    .split('\n')
    .flatMap((paragraph) => splitSentences(paragraph))
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence))
    .slice(0, MAX_UNITS - 1);
  const units = sentences.map((sentence) => (heading ? `${heading}: ${sentence}` : sentence));
  if (heading) units.push(heading);
  return units;
}

// A 500-token passage of short sentences has about 30; this bounds a pathological one (a list of 400 lines).
export const MAX_UNITS = 48;

// The passage's own vector and its best sentence count alike: the sentence finds the detail, the whole
// passage what it is about overall (each alone ranked the answer lower than the two together).
const BEST_UNIT_SHARE = 0.5;

/**
 * How close a passage is to the question: the mean of its whole-passage cosine and its best unit's
 * cosine. Vectors are unit length. A passage stored without units (another model, not re-embedded) keeps
 * its whole-passage cosine.
 */
export function passageSimilarity(query: Float32Array, passageCosine: number, units: readonly Float32Array[] | undefined): number {
  if (!units || units.length === 0) return passageCosine;
  let best = -1;
  for (const unit of units) {
    let dot = 0;
    for (let d = 0; d < query.length; d += 1) dot += query[d]! * unit[d]!;
    if (dot > best) best = dot;
  }
  return BEST_UNIT_SHARE * best + (1 - BEST_UNIT_SHARE) * passageCosine;
}
