import type { ShopperRecords } from '../../../core/ports/language-model';
import type { PiiSpan } from './pii-span';

interface Word {
  start: number;
  end: number;
  norm: string;
  capitalised: boolean;
}

// Street words as written and abbreviated compare equal.
const STREET_WORDS: Record<string, string> = {
  street: 'st', avenue: 'ave', road: 'rd', boulevard: 'blvd', lane: 'ln', drive: 'dr', court: 'ct', place: 'pl',
  parkway: 'pkwy', square: 'sq', highway: 'hwy', apartment: 'apt', suite: 'ste', north: 'n', south: 's', east: 'e', west: 'w',
};

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const normWord = (word: string) => {
  const folded = fold(word).replace(/[.'’]/g, '');
  return STREET_WORDS[folded] ?? folded;
};

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    norm: normWord(m[0]),
    capitalised: /^\p{Lu}/u.test(m[0]),
  }));
}

/** Damerau-free edit distance, stopping early past `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** A word written nearly as the record's: numbers exactly, short words exactly, longer ones within one typo (two from 8 letters). */
function sameWord(written: string, recorded: string): boolean {
  if (written === recorded) return true;
  if (/\d/.test(recorded) || recorded.length < 5) return false;
  return withinEdits(written, recorded, recorded.length >= 8 ? 2 : 1);
}

/** Where the record's words appear in a row (each nearly as written) in the text. */
function sequenceSpans(words: Word[], recorded: string[], kind: PiiSpan['kind'], part?: PiiSpan['part']): PiiSpan[] {
  const out: PiiSpan[] = [];
  if (recorded.length === 0) return out;
  for (let i = 0; i + recorded.length <= words.length; i++) {
    if (recorded.every((r, k) => sameWord(words[i + k]!.norm, r))) {
      out.push({ start: words[i]!.start, end: words[i + recorded.length - 1]!.end, kind, own: true, ...(part ? { part } : {}) });
      i += recorded.length - 1;
    }
  }
  return out;
}

const recordWords = (value: string) => wordsOf(value).map((w) => w.norm);

function nameSpans(words: Word[], names: string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const name of names) {
    const parts = recordWords(name);
    if (parts.length > 1) out.push(...sequenceSpans(words, parts, 'name'));
    // One part alone: the first and last names, as words; a short part only when written with a capital (so "will" the verb stays).
    parts.forEach((p, index) => {
      if (p.length < 2) return;
      const part = index === 0 ? 'first_name' : index === parts.length - 1 ? 'last_name' : undefined;
      for (const s of sequenceSpans(words, [p], 'name', part)) {
        const word = words.find((w) => w.start === s.start)!;
        if (p.length >= 5 || word.capitalised) out.push(s);
      }
    });
  }
  return out;
}

function addressSpans(words: Word[], addresses: string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const address of addresses) {
    const lines = address.split(/\s*[,\n]\s*/).filter((l) => l.length > 0);
    for (const line of lines) {
      const recorded = recordWords(line);
      // A postcode is personal on its own; a city or country alone is not.
      if (recorded.length === 1 && /\d/.test(recorded[0]!)) out.push(...sequenceSpans(words, recorded, 'postcode'));
      else if (recorded.length >= 2 && recorded.some((w) => /\d/.test(w))) out.push(...sequenceSpans(words, recorded, 'address'));
    }
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function literalSpans(text: string, values: string[], kind: PiiSpan['kind'], boundary: boolean): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const value of values) {
    const bare = value.replace(/^#/, '').trim();
    if (bare.length < 3) continue;
    const pattern = new RegExp(boundary ? `(?<![\\w$€£.,])(?:#\\s?)?${escapeRegExp(bare)}(?![\\w])` : escapeRegExp(bare), 'gi');
    for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length, kind, own: true });
  }
  return out;
}

function phoneSpans(text: string, phones: string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const tails = phones.map((p) => p.replace(/\D/g, '').slice(-9)).filter((t) => t.length >= 7);
  for (const m of text.matchAll(/\+?\(?\d[\d\s().-]{5,18}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (tails.some((t) => digits.endsWith(t))) out.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', own: true });
  }
  return out;
}

/**
 * What the store's own records of the conversation's shopper find in the text, exactly or nearly
 * written: names and their parts, address lines and postcodes, e-mails, phones, order and tracking numbers.
 */
export function recordSpans(text: string, records: ShopperRecords): PiiSpan[] {
  const words = wordsOf(text);
  return [
    ...literalSpans(text, records.emails, 'email', false),
    ...literalSpans(text, records.trackingNumbers, 'tracking', true),
    ...literalSpans(text, records.orderNumbers, 'order', true),
    ...phoneSpans(text, records.phones),
    ...addressSpans(words, records.addresses),
    ...nameSpans(words, records.names),
  ].sort((a, b) => b.end - b.start - (a.end - a.start));
}
