/** The vectors of one store held in memory, for exact cosine search where pgvector is missing. */
export interface VectorTable {
  revision: number;
  epoch: number;
  dims: number;
  ids: string[];
  /** Row-major, one L2-normalised vector per id. */
  matrix: Float32Array;
}

export function vectorTable(version: { revision: number; epoch: number }, dims: number, rows: { id: string; embedding: ArrayLike<number> }[]): VectorTable {
  const matrix = new Float32Array(rows.length * dims);
  rows.forEach((row, i) => matrix.set(row.embedding, i * dims));
  return { ...version, dims, ids: rows.map((row) => row.id), matrix };
}

/**
 * The table after chunks were added and removed: rows still live are kept, new rows appended. Chunk
 * ids only grow and a chunk's vector changes only with the epoch, so ids tell what changed.
 */
export function catchUp(
  table: VectorTable,
  version: { revision: number; epoch: number },
  liveIds: Set<string>,
  added: { id: string; embedding: ArrayLike<number> }[],
): VectorTable {
  const kept: number[] = [];
  table.ids.forEach((id, row) => {
    if (liveIds.has(id)) kept.push(row);
  });
  const { dims } = table;
  const matrix = new Float32Array((kept.length + added.length) * dims);
  kept.forEach((row, i) => matrix.set(table.matrix.subarray(row * dims, (row + 1) * dims), i * dims));
  added.forEach((row, i) => matrix.set(row.embedding, (kept.length + i) * dims));
  return { ...version, dims, ids: [...kept.map((row) => table.ids[row]!), ...added.map((row) => row.id)], matrix };
}

/** The `limit` best rows by dot product (cosine, the vectors being normalised), best first. */
export function nearest(table: VectorTable, query: Float32Array, limit: number): { id: string; score: number }[] {
  const { dims, matrix, ids } = table;
  const bestScores: number[] = [];
  const bestRows: number[] = [];
  let floor = -Infinity;
  const unrolled = dims - (dims % 4);
  for (let row = 0, offset = 0; row < ids.length; row += 1, offset += dims) {
    // Four running sums: a third faster than one on V8 (no SIMD in plain JavaScript).
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (; d < unrolled; d += 4) {
      s0 += matrix[offset + d]! * query[d]!;
      s1 += matrix[offset + d + 1]! * query[d + 1]!;
      s2 += matrix[offset + d + 2]! * query[d + 2]!;
      s3 += matrix[offset + d + 3]! * query[d + 3]!;
    }
    for (; d < dims; d += 1) s0 += matrix[offset + d]! * query[d]!;
    const dot = s0 + s1 + s2 + s3;
    if (dot <= floor) continue;
    let at = bestScores.length;
    while (at > 0 && bestScores[at - 1]! < dot) at -= 1;
    bestScores.splice(at, 0, dot);
    bestRows.splice(at, 0, row);
    if (bestScores.length > limit) {
      bestScores.pop();
      bestRows.pop();
    }
    if (bestScores.length === limit) floor = bestScores[limit - 1]!;
  }
  return bestRows.map((row, i) => ({ id: ids[row]!, score: bestScores[i]! }));
}
