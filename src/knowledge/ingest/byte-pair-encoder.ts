/**
 * Byte-pair encoding in O(n log n) per piece: the same tokens as tiktoken's reference merge (lowest rank
 * first, leftmost among equal ranks), found with a heap instead of rescanning every pair after each merge.
 *
 * js-tiktoken's merge rescans the whole piece after every merge, O(n²) with a costly key per pair: one
 * 6,000-character word without spaces held the event loop for ~12 s, 5,000 zero-width joiners for minutes.
 * Pieces longer than MAX_PIECE_UNITS (only pathological text has them) are cut first, so a count can differ
 * from tiktoken's by a token per cut on such text, and never on ordinary words.
 * Special tokens ("<|endoftext|>") are ordinary text here: these are shoppers' and merchants' words.
 */
export interface ByteRanks {
  pat_str: string;
  bpe_ranks: string;
}

/** A pre-tokenized piece of a text: its UTF-16 offsets and how many tokens it encodes to. */
export interface TextPiece {
  start: number;
  end: number;
  tokens: number;
}

/** Longest piece merged at once (UTF-16 units): ≤ 384 UTF-8 bytes, so ≤ 384 tokens. */
export const MAX_PIECE_UNITS = 128;
const MAX_PIECE_BYTES = 3 * MAX_PIECE_UNITS;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export class BytePairEncoder {
  /** The UTF-8 bytes of a token as a latin1 string (one char per byte) → its rank. */
  private readonly ranks = new Map<string, number>();
  /** rank → the token's bytes as a latin1 string. */
  private readonly tokens = new Map<number, string>();
  private readonly pattern: RegExp;
  private readonly next = new Int32Array(MAX_PIECE_BYTES);
  private readonly prev = new Int32Array(MAX_PIECE_BYTES);
  private readonly alive = new Uint8Array(MAX_PIECE_BYTES);
  // Every merge proposes at most two pairs: n − 1 at first, two per merge after.
  private readonly heap = new PairHeap(3 * MAX_PIECE_BYTES);

  constructor(source: ByteRanks) {
    this.pattern = new RegExp(source.pat_str, 'gu');
    for (const line of source.bpe_ranks.split('\n')) {
      if (!line) continue;
      const [, offsetText, ...encoded] = line.split(' ');
      const offset = Number.parseInt(offsetText!, 10);
      encoded.forEach((token, i) => {
        const bytes = Buffer.from(token, 'base64').toString('latin1');
        this.ranks.set(bytes, offset + i);
        this.tokens.set(offset + i, bytes);
      });
    }
  }

  encode(text: string): number[] {
    const out: number[] = [];
    this.eachPiece(text, (_start, _end, bytes) => this.encodePiece(bytes, out));
    return out;
  }

  count(text: string): number {
    return this.encode(text).length;
  }

  /** The text's pieces in order (UTF-16 offsets) with their token counts: one pass for callers that cut text by tokens. */
  pieces(text: string): TextPiece[] {
    const out: TextPiece[] = [];
    const tokens: number[] = [];
    this.eachPiece(text, (start, end, bytes) => {
      tokens.length = 0;
      this.encodePiece(bytes, tokens);
      out.push({ start, end, tokens: tokens.length });
    });
    return out;
  }

  decode(tokens: number[]): string {
    return Buffer.from(tokens.map((token) => this.tokens.get(token) ?? '').join(''), 'latin1').toString('utf8');
  }

  /**
   * The pre-tokenizer's pieces, each cut to at most MAX_PIECE_UNITS UTF-16 units (between code points): no
   * word of real text is that long, and the cut bounds every merge to a few hundred bytes whatever the input.
   */
  private eachPiece(text: string, visit: (start: number, end: number, bytes: string) => void): void {
    for (const match of text.matchAll(this.pattern)) {
      const piece = match[0];
      const offset = match.index;
      for (let start = 0; start < piece.length; ) {
        let end = Math.min(piece.length, start + MAX_PIECE_UNITS);
        if (end < piece.length && isLowSurrogate(piece.charCodeAt(end))) end -= 1;
        const part = end - start === piece.length ? piece : piece.slice(start, end);
        // ASCII text is its own latin1 byte string; anything else goes through UTF-8.
        visit(offset + start, offset + end, /^[\x00-\x7f]*$/.test(part) ? part : Buffer.from(part, 'utf8').toString('latin1'));
        start = end;
      }
    }
  }

  private encodePiece(bytes: string, out: number[]): void {
    const whole = this.ranks.get(bytes);
    if (whole !== undefined) out.push(whole);
    else this.merge(bytes, out);
  }

  /** Merges the bytes of one piece, lowest-ranked adjacent pair first, appending the tokens to `out`. */
  private merge(bytes: string, out: number[]): void {
    const n = bytes.length;
    if (n === 1) {
      out.push(this.ranks.get(bytes)!);
      return;
    }
    // Parts as a linked list over byte offsets: a part starts at i and ends where next[i] starts.
    // The arrays are reused: a piece has at most MAX_PIECE_BYTES bytes.
    const { next, prev, alive, heap } = this;
    heap.clear();
    for (let i = 0; i < n; i += 1) {
      next[i] = i + 1;
      prev[i] = i - 1;
      alive[i] = 1;
    }
    const propose = (left: number) => {
      if (left < 0 || next[left]! >= n) return;
      const spanEnd = next[next[left]!]!; // next[i] === n for the last part
      const rank = this.ranks.get(bytes.slice(left, spanEnd));
      if (rank !== undefined) heap.push(rank, left, spanEnd);
    };
    for (let i = 0; i < n - 1; i += 1) propose(i);
    for (let entry = heap.pop(); entry; entry = heap.pop()) {
      const [left, spanEnd] = entry;
      const right = next[left]!;
      // Stale: the left part was merged away, or either side has grown since this pair was proposed.
      if (!alive[left] || right >= n || next[right] !== spanEnd) continue;
      alive[right] = 0;
      next[left] = next[right]!;
      if (next[left]! < n) prev[next[left]!] = left;
      if (prev[left]! >= 0) propose(prev[left]!);
      propose(left);
    }
    for (let i = 0; i < n; i = next[i]!) out.push(this.ranks.get(bytes.slice(i, next[i]!))!);
  }
}

/**
 * A binary min-heap of proposed merges in typed arrays: the key rank·2³² + left offset orders by rank,
 * then leftmost (ranks < 2¹⁷, offsets < 2³¹: exact in a double); each entry carries its span's end.
 */
class PairHeap {
  private keys: Float64Array;
  private ends: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(rank: number, left: number, spanEnd: number): void {
    if (this.size === this.keys.length) this.grow();
    const { keys, ends } = this;
    const key = rank * 2 ** 32 + left;
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      ends[i] = ends[parent]!;
      i = parent;
    }
    keys[i] = key;
    ends[i] = spanEnd;
  }

  /** The least entry as [left, spanEnd], or undefined when empty. */
  pop(): [number, number] | undefined {
    if (this.size === 0) return undefined;
    const { keys, ends } = this;
    const top: [number, number] = [keys[0]! - Math.floor(keys[0]! / 2 ** 32) * 2 ** 32, ends[0]!];
    this.size -= 1;
    const key = keys[this.size]!;
    const end = ends[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && keys[child + 1]! < keys[child]!) child += 1;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      ends[i] = ends[child]!;
      i = child;
    }
    keys[i] = key;
    ends[i] = end;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    keys.set(this.keys);
    ends.set(this.ends);
    this.keys = keys;
    this.ends = ends;
  }
}
