/** A passage of a knowledge document, as retrieval sees it. */
export interface KnowledgeChunk {
  id: string;
  ordinal: number;
  titlePath: string[];
  content: string;
  tokenCount: number;
}

/** Reads a document's passages so a store can see what the agent retrieves from; every call names the store. */
export interface KnowledgeChunkReader {
  /** undefined when the store has no such document. */
  chunks(storeId: string, documentId: string): Promise<KnowledgeChunk[] | undefined>;
}
