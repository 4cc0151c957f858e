// The knowledge base: ingestion (parse, chunk, embed), hybrid retrieval, grounded answers.
export { knowledgeBase, type KnowledgeService, type KnowledgeBaseDeps, type SearchOptions } from './knowledge-base';
export { localWordVectorEmbeddings } from './embeddings/local-word-vectors';
export { groundedAnswerer } from './answer/grounded-answer';
export { defaultArticles } from './default-articles';
export { syncProducts, type SyncReport } from './catalog-sync';
export { formatOfFile } from './ingest/parse-document';
export { builtinDocuments } from './builtin/builtin-documents';
export { openAiEmbeddings } from './embeddings/openai-embeddings';
