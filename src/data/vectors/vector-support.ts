import type { Database } from '../database';

/**
 * pgvector is an accelerator, not a requirement: the schema keeps vectors as portable `real[]`, and
 * where the extension can be created an HNSW index over `embedding::vector(dims)` is added per
 * dimension in use. Returns whether pgvector is available.
 */
export async function enableVectorSupport(database: Database): Promise<boolean> {
  const available = await database.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (available.length === 0) return false;
  try {
    await database.query('CREATE EXTENSION IF NOT EXISTS vector');
    return true;
  } catch {
    return false; // installed but this role may not create it: search exactly instead
  }
}

/** A partial HNSW index for one dimension (cosine); idempotent. */
export async function ensureVectorIndex(database: Database, dims: number): Promise<void> {
  assertDims(dims);
  await database.query(
    `CREATE INDEX IF NOT EXISTS knowledge_chunks_hnsw_${dims} ON knowledge_chunks USING hnsw ((embedding::vector(${dims})) vector_cosine_ops) WHERE dims = ${dims}`,
  );
}

/** Dimensions are written into SQL (a typmod cannot be a parameter), so they are checked first. */
export function assertDims(dims: number): void {
  if (!Number.isInteger(dims) || dims < 1 || dims > 2000) throw new Error(`embedding dimension ${dims} is not an integer in 1..2000 (HNSW's limit)`);
}
