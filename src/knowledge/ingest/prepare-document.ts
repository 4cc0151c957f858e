import { AppError } from '../../core/errors';
import type { IngestInput } from '../../core/ports/knowledge';
import { chunkDocument, type Chunk, type ChunkOptions } from './chunker';
import { parseDocument } from './parse-document';
import type { TokenCounter } from './token-counter';

/** A document parsed and cut into chunks, ready to embed and store. */
export interface PreparedDocument {
  title: string;
  chunks: Chunk[];
}

/** Turns a document into chunks: `prepare` runs this in a worker thread, off the event loop. */
export type DocumentPreparer = (input: IngestInput, options: ChunkOptions) => Promise<PreparedDocument>;

/** Parses and chunks a document (the CPU-heavy half of ingestion); refuses what cannot be read or holds no text. */
export async function prepareDocument(input: IngestInput, options: ChunkOptions, counter: TokenCounter): Promise<PreparedDocument> {
  const parsed = await parseDocument(input.format, input.content).catch((error: unknown) => {
    throw new AppError('unprocessable', `the ${input.format} document could not be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  const title = (input.title ?? parsed.title ?? input.source ?? firstWords(parsed)).trim();
  if (!title) throw new AppError('unprocessable', 'the document has no text');
  return { title, chunks: chunkDocument(parsed, title, counter, options) };
}

const firstWords = (parsed: { sections: { paragraphs: string[] }[] }) => (parsed.sections[0]?.paragraphs[0] ?? '').split(/\s+/).slice(0, 8).join(' ');
