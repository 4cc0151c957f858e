import { seededRandom } from './linear-model';

const PREFIXES = ['hi ', 'hello, ', 'hey there ', 'good morning. ', 'hi team, ', ''];
const SUFFIXES = [' thanks', ' thank you!', ' pls', ' asap', '', ' thx'];

function typo(text: string, random: () => number): string {
  const chars = [...text];
  const at = Math.floor(random() * chars.length);
  const kind = random();
  if (!/[a-z]/i.test(chars[at] ?? '')) return text;
  if (kind < 0.33) chars.splice(at, 1);
  else if (kind < 0.66 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  else chars.splice(at, 0, chars[at]!);
  return chars.join('');
}

/**
 * Deterministic variants of a training example, the way the same shopper might type it: lower
 * case without punctuation, a typo or two, a greeting or sign-off around it, shouting.
 * Only training data is augmented; the held-out split stays as written.
 */
export function augment(text: string, seed: number, copies = 3): string[] {
  const random = seededRandom(seed);
  const variants = new Set<string>();
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < copies * 2 && variants.size < copies; i += 1) {
    let variant = text;
    const roll = random();
    if (roll < 0.35) variant = variant.toLowerCase().replace(/[.,!?;:]+/g, '');
    else if (roll < 0.5 && variant.length < 120) variant = variant.toUpperCase();
    if (random() < 0.6) variant = typo(variant, random);
    if (random() < 0.3) variant = typo(variant, random);
    if (random() < 0.35 && variant.length < 200) variant = `${pick(PREFIXES)}${variant}${pick(SUFFIXES)}`;
    if (variant !== text) variants.add(variant);
  }
  return [...variants];
}

/** A stable number from a string (FNV-1a), to seed each example's variants. */
export function stableSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
