/** A matched stretch of the message; extractors claim spans so one string is not two entities. */
export interface Span {
  start: number;
  end: number;
}

export class Claimed {
  private readonly spans: Span[] = [];

  overlaps(start: number, end: number): boolean {
    return this.spans.some((s) => start < s.end && end > s.start);
  }

  claim(start: number, end: number): void {
    this.spans.push({ start, end });
  }
}

/** Runs a global regex, yielding matches not already claimed (and claiming them). */
export function* unclaimed(text: string, pattern: RegExp, claimed: Claimed, group = 0): Generator<RegExpExecArray> {
  // Module-level global patterns are reused (consumed synchronously), not recompiled per message.
  const regex = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const value = match[group];
    if (value === undefined) continue;
    const start = match.index + match[0].indexOf(value);
    const end = start + value.length;
    if (claimed.overlaps(start, end)) continue;
    claimed.claim(start, end);
    yield match;
  }
}

export const unique = (values: string[]) => [...new Set(values)];
