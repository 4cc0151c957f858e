import { SectionBuilder, type ParsedDocument } from './section';

/** Plain text: paragraphs at blank lines, one section. */
export function parseText(text: string): ParsedDocument {
  const builder = new SectionBuilder();
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) builder.paragraph(paragraph.replace(/\n/g, ' '));
  return builder.finish();
}
