import type { ParsedDocument } from './section';
import { splitSentences } from './sentences';
import type { TokenCounter } from './token-counter';

export interface ChunkOptions {
  maxTokens: number;
  overlapTokens: number;
}

export const defaultChunkOptions: ChunkOptions = { maxTokens: 500, overlapTokens: 50 };

export interface Chunk {
  titlePath: string[];
  content: string;
  tokenCount: number;
}

/** A sentence (or a piece of an over-long one) with what joins it to the previous unit. */
interface Unit {
  text: string;
  tokens: number;
  joiner: ' ' | '\n';
}

/**
 * Cuts a document into chunks of at most `maxTokens`, never across a heading, at sentence ends; each
 * chunk after the first of its section starts with up to `overlapTokens` of the previous one's end.
 */
export function chunkDocument(document: ParsedDocument, title: string, counter: TokenCounter, options: ChunkOptions = defaultChunkOptions): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of document.sections) {
    const titlePath = [title, ...section.headings];
    const units = section.paragraphs.flatMap((paragraph) => unitsOf(paragraph, counter, options));
    for (const content of pack(units, counter, options)) chunks.push({ titlePath, content, tokenCount: counter.count(content) });
  }
  return chunks;
}

function unitsOf(paragraph: string, counter: TokenCounter, options: ChunkOptions): Unit[] {
  const budget = options.maxTokens - options.overlapTokens;
  return splitSentences(paragraph).flatMap((sentence, index) => {
    const joiner = index === 0 ? '\n' : ' ';
    const tokens = counter.count(sentence);
    if (tokens <= budget) return [{ text: sentence, tokens, joiner }];
    return splitLong(sentence, counter, budget).map((part, n) => ({ text: part.text, tokens: counter.count(part.text), joiner: n === 0 ? joiner : part.joiner }) as Unit);
  });
}

interface Part {
  text: string;
  joiner: Unit['joiner'];
}

/**
 * A sentence longer than a chunk is cut into parts of at most `budget` tokens, at the last space of each
 * window when that keeps at least half of it, else between two pieces. The sentence is tokenized once, so
 * the work stays linear in its length (re-counting the rest after every cut was quadratic on long text).
 */
function splitLong(sentence: string, counter: TokenCounter, budget: number): Part[] {
  const parts: Part[] = [];
  const pieces = counter.pieces(sentence);
  let from = 0; // the current part's first piece
  let tokens = 0;
  let lastSpace = -1; // the last piece of the current part that starts a word, and the tokens before it
  let tokensBeforeSpace = 0;
  const emit = (end: number) => {
    const text = sentence.slice(pieces[from]!.start, end).trim();
    // A part that starts inside a word is joined by a line break: the word's pieces then count as they were counted.
    if (text) parts.push({ text, joiner: from > 0 && /\s/.test(sentence[pieces[from]!.start]!) ? ' ' : '\n' });
  };
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (piece.tokens > budget) {
      // Only under very small budgets: a piece is at most MAX_PIECE_UNITS characters.
      if (i > from) emit(piece.start);
      parts.push(...cutWord(sentence.slice(piece.start, piece.end), counter, budget).map((text) => ({ text, joiner: '\n' as const })));
      from = i + 1;
      tokens = 0;
      lastSpace = -1;
      continue;
    }
    if (i > from && tokens + piece.tokens > budget) {
      const cut = lastSpace > from && tokensBeforeSpace >= budget / 2 ? lastSpace : i;
      emit(pieces[cut]!.start);
      tokens -= cut === i ? tokens : tokensBeforeSpace;
      from = cut;
      lastSpace = -1;
    }
    if (i > from && /\s/.test(sentence[piece.start]!)) {
      lastSpace = i;
      tokensBeforeSpace = tokens;
    }
    tokens += piece.tokens;
  }
  if (from < pieces.length) emit(sentence.length);
  return parts;
}

/** A word longer than a chunk (a URL, a hash, text without spaces) in pieces of at most `budget` tokens, cut between code points. */
function cutWord(word: string, counter: TokenCounter, budget: number): string[] {
  const characters = Array.from(word);
  const pieces: string[] = [];
  let size = budget * 4; // characters per piece (about four to a token in English), shrunk while a piece costs more
  for (let start = 0; start < characters.length; ) {
    let piece = characters.slice(start, start + size);
    let tokens = counter.count(piece.join(''));
    while (tokens > budget && size > 1) {
      size = Math.max(1, Math.floor((size * budget) / tokens) - 1);
      piece = characters.slice(start, start + size);
      tokens = counter.count(piece.join(''));
    }
    pieces.push(piece.join(''));
    start += piece.length;
  }
  return pieces;
}

function pack(units: Unit[], counter: TokenCounter, options: ChunkOptions): string[] {
  const out: string[] = [];
  let current: Unit[] = [];
  let tokens = 0;
  let fresh = 0; // units in `current` that are not overlap carried from the previous chunk
  for (const unit of units) {
    // +1 per unit: joining can merge or add a token at the seam.
    if (fresh > 0 && tokens + unit.tokens + 1 > options.maxTokens) {
      out.push(render(current));
      current = overlapOf(current, counter, options.overlapTokens);
      tokens = current.reduce((sum, u) => sum + u.tokens + 1, 0);
      fresh = 0;
    }
    current.push(unit);
    tokens += unit.tokens + 1;
    fresh += 1;
  }
  if (fresh > 0) out.push(render(current));
  return out;
}

/** The last sentences that fit in the overlap, or the tail of the last sentence cut at a word. */
function overlapOf(units: Unit[], counter: TokenCounter, overlapTokens: number): Unit[] {
  const carried: Unit[] = [];
  let tokens = 0;
  for (let i = units.length - 1; i >= 0; i -= 1) {
    const unit = units[i]!;
    if (tokens + unit.tokens + 1 > overlapTokens) break;
    carried.unshift(unit);
    tokens += unit.tokens + 1;
  }
  if (carried.length > 0 || overlapTokens <= 0 || units.length === 0) return carried;
  const last = units[units.length - 1]!;
  const tail = counter.decode(counter.encode(last.text).slice(-(overlapTokens - 1)));
  const text = tail.slice(tail.indexOf(' ') + 1).trim();
  return text ? [{ text, tokens: counter.count(text), joiner: '\n' }] : [];
}

const render = (units: Unit[]) => units.map((unit, i) => (i === 0 ? unit.text : unit.joiner + unit.text)).join('');
