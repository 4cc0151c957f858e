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
    return splitLong(sentence, counter, budget).map((text, part) => ({ text, tokens: counter.count(text), joiner: part === 0 ? joiner : ' ' }) as Unit);
  });
}

/** A sentence longer than a chunk is cut by tokens, at the last space of each window. */
function splitLong(sentence: string, counter: TokenCounter, budget: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (counter.count(rest) > budget) {
    const window = counter.decode(counter.encode(rest).slice(0, budget));
    const cut = window.lastIndexOf(' ') > window.length / 2 ? window.lastIndexOf(' ') : window.length;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
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
