-- A sentence encoder's vectors of each passage's sentences (docs/adr/0040): read for the vector retriever's candidates only, never indexed.
ALTER TABLE "knowledge_chunks" ADD COLUMN "unit_embeddings" bytea;
