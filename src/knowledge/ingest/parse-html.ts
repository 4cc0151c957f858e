import { Parser } from 'htmlparser2';
import { SectionBuilder, type ParsedDocument } from './section';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'nav', 'iframe']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'li',
  'dt',
  'dd',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'form',
  'br',
  'hr',
  'details',
  'summary',
]);

/** Deeper than any real page; htmlparser2's open-element stack costs O(depth) per tag, so depth is bounded. */
const MAX_DEPTH = 512;

/** HTML to sections: h1–h6 open sections, block elements end paragraphs, scripts and navigation are dropped. */
export function parseHtml(html: string): ParsedDocument {
  const builder = new SectionBuilder();
  let skipDepth = 0;
  let headingLevel = 0;
  let text = '';
  let documentTitle = '';
  let inTitle = false;
  let depth = 0;
  const flush = () => {
    if (headingLevel > 0) builder.heading(headingLevel, text);
    else builder.paragraph(text);
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        depth += 1;
        if (depth > MAX_DEPTH) throw new Error(`elements are nested deeper than ${MAX_DEPTH}`);
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name)) skipDepth += 1;
        if (skipDepth > 0) return;
        const level = /^h([1-6])$/.exec(name);
        if (level || BLOCKS.has(name)) flush();
        if (level) headingLevel = Number(level[1]);
        if (name === 'li') text = '- ';
        if (name === 'td' || name === 'th') text += ' ';
      },
      ontext(data) {
        if (inTitle) documentTitle += data;
        else if (skipDepth === 0) text += data;
      },
      onclosetag(name) {
        depth -= 1;
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (/^h[1-6]$/.test(name)) {
          flush();
          headingLevel = 0;
        } else if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const parsed = builder.finish();
  return { ...parsed, title: parsed.title ?? (documentTitle.trim() || undefined) };
}
