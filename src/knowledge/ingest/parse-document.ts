import type { KnowledgeFormat } from '../../core/ports/knowledge';
import { parseHtml } from './parse-html';
import { parseMarkdown } from './parse-markdown';
import { parsePdf } from './parse-pdf';
import type { ParsedDocument } from './section';
import { parseText } from './parse-text';

/** Text formats arrive as strings, PDF as bytes (base64 over JSON). */
export async function parseDocument(format: KnowledgeFormat, content: string | Uint8Array): Promise<ParsedDocument> {
  if (format === 'pdf') return parsePdf(typeof content === 'string' ? Buffer.from(content, 'base64') : content);
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  if (format === 'html') return parseHtml(text);
  if (format === 'markdown') return parseMarkdown(text);
  return parseText(text);
}

const EXTENSIONS: Record<string, KnowledgeFormat> = { md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', txt: 'text', text: 'text', pdf: 'pdf' };

/** The format a file name implies, or undefined for a file we do not read. */
export function formatOfFile(name: string): KnowledgeFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}
