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
    // Another instance created it at the same moment (IF NOT EXISTS races), or this role may not:
    // only the second means searching exactly.
    return (await database.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'")).length > 0;
  }
}

/** A partial HNSW index for one dimension (cosine); idempotent. */
export async function ensureVectorIndex(database: Database, dims: number): Promise<void> {
  assertDims(dims);
  const name = `knowledge_chunks_hnsw_${dims}`;
  try {
    await database.query(
      `CREATE INDEX IF NOT EXISTS ${name} ON knowledge_chunks USING hnsw ((embedding::vector(${dims})) vector_cosine_ops) WHERE dims = ${dims}`,
    );
  } catch (error) {
    // IF NOT EXISTS races with another instance creating the same index; anything else is an error.
    if ((await database.query('SELECT 1 FROM pg_indexes WHERE indexname = $1', [name])).length === 0) throw error;
  }
}

/** Dimensions are written into SQL (a typmod cannot be a parameter), so they are checked first. */
export function assertDims(dims: number): void {
  if (!Number.isInteger(dims) || dims < 1 || dims > 2000) throw new Error(`embedding dimension ${dims} is not an integer in 1..2000 (HNSW's limit)`);
}
