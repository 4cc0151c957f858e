import type { KnowledgeChunkReader } from '../../core/ports/knowledge-chunks';
import type { Database } from '../database';

const MAX_CHUNKS = 2000;

/** A document's chunks in order (the document must belong to the store). */
export function knowledgeChunkReader(database: Database): KnowledgeChunkReader {
  return {
    async chunks(storeId, documentId) {
      const found = await database.query('SELECT 1 FROM knowledge_documents WHERE store_id = $1 AND id = $2', [storeId, documentId]);
      if (found.length === 0) return undefined;
      const rows = await database.query<{ id: string | number; ordinal: number; title_path: string[]; content: string; token_count: number }>(
        `SELECT id, ordinal, title_path, content, token_count FROM knowledge_chunks WHERE store_id = $1 AND document_id = $2 ORDER BY ordinal LIMIT ${MAX_CHUNKS}`,
        [storeId, documentId],
      );
      return rows.map((r) => ({
        id: String(r.id),
        ordinal: Number(r.ordinal),
        titlePath: r.title_path ?? [],
        content: r.content,
        tokenCount: Number(r.token_count),
      }));
    },
  };
}
