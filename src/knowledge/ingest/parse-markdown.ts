import { SectionBuilder, type ParsedDocument } from './section';

const HEADING = /^(#{1,6})\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** Markdown to sections: ATX headings open sections; blank lines and list items end paragraphs. */
export function parseMarkdown(markdown: string): ParsedDocument {
  const builder = new SectionBuilder();
  let paragraph: string[] = [];
  let inFence = false;
  const endParagraph = () => {
    if (paragraph.length > 0) builder.paragraph(inline(paragraph.join(inFence ? '\n' : ' ')));
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      endParagraph();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      paragraph.push(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      builder.heading(heading[1]!.length, inline(withoutClosingHashes(heading[2]!)));
    } else if (line.trim() === '' || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      endParagraph();
    } else if (LIST_ITEM.test(line)) {
      endParagraph();
      paragraph.push(`- ${line.replace(LIST_ITEM, '')}`);
    } else {
      paragraph.push(line.trim().startsWith('|') ? tableRow(line) : line.trim());
    }
  }
  endParagraph();
  return builder.finish();
}

const tableRow = (line: string) =>
  /^\s*\|?\s*:?-{2,}/.test(line)
    ? ''
    : line
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join(' · ') + ';';

/** "Title ##" → "Title", with string operations: a regex for trailing space and hashes backtracks quadratically. */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end -= 1;
  return trimmed.slice(0, end).trimEnd();
}

/**
 * Inline syntax to plain text: links keep their words, emphasis and code marks go. Every scan stops at the
 * next opening mark (`[^\][]`, `[^()]`, `[^*_\n]`), so the work stays linear on text full of unclosed marks.
 */
function inline(text: string): string {
  return text
    .replace(/!\[[^\][]*\]\([^()]*\)/g, '')
    .replace(/\[([^\][]+)\]\([^()]*\)/g, '$1')
    .replace(/(\*\*|__)([^\n]+?)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(\S(?:[^*_\n]*?\S)?)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/gm, '');
}
