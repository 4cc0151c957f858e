// The knowledge base: ingestion (parse, chunk, embed), hybrid retrieval, grounded answers.
export { knowledgeBase, type KnowledgeService } from './knowledge-base';
export { localWordVectorEmbeddings } from './embeddings/local-word-vectors';
export { groundedAnswerer } from './answer/grounded-answer';
export { defaultArticles } from './default-articles';
export { syncOneProduct, syncProducts } from './catalog-sync';
export { formatOfFile } from './ingest/parse-document';
export { loadThesaurus } from './retrieval/thesaurus';
export { knowledgeIngestion, type KnowledgeIngestion } from './ingestion-jobs';
