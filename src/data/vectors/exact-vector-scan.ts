/** The vectors of one store held in memory, for exact cosine search where pgvector is missing. */
export interface VectorTable {
  revision: number;
  dims: number;
  ids: string[];
  /** Row-major, one L2-normalised vector per id. */
  matrix: Float32Array;
}

export function vectorTable(revision: number, dims: number, rows: { id: string; embedding: ArrayLike<number> }[]): VectorTable {
  const matrix = new Float32Array(rows.length * dims);
  rows.forEach((row, i) => matrix.set(row.embedding, i * dims));
  return { revision, dims, ids: rows.map((row) => row.id), matrix };
}

/** The `limit` best rows by dot product (cosine, the vectors being normalised), best first. */
export function nearest(table: VectorTable, query: Float32Array, limit: number): { id: string; score: number }[] {
  const { dims, matrix, ids } = table;
  const bestScores: number[] = [];
  const bestRows: number[] = [];
  for (let row = 0; row < ids.length; row += 1) {
    let dot = 0;
    const offset = row * dims;
    for (let d = 0; d < dims; d += 1) dot += matrix[offset + d]! * query[d]!;
    if (bestScores.length === limit && dot <= bestScores[limit - 1]!) continue;
    let at = bestScores.length;
    while (at > 0 && bestScores[at - 1]! < dot) at -= 1;
    bestScores.splice(at, 0, dot);
    bestRows.splice(at, 0, row);
    if (bestScores.length > limit) {
      bestScores.pop();
      bestRows.pop();
    }
  }
  return bestRows.map((row, i) => ({ id: ids[row]!, score: bestScores[i]! }));
}
