import { SectionBuilder, type ParsedDocument } from './section';

/** PDF text, page by page (PDFs carry no reliable headings): each page is a section, cited as "page N". */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(pdf, { mergePages: false });
  const builder = new SectionBuilder();
  text.forEach((page, index) => {
    builder.heading(2, `page ${index + 1}`);
    // Lines of a PDF are layout, not meaning: join them, keeping blank-line paragraph breaks.
    for (const paragraph of page.split(/\n\s*\n/)) builder.paragraph(paragraph.replace(/-\n(?=[a-z])/g, '').replace(/\n/g, ' '));
  });
  return builder.finish();
}
