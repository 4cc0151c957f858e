/** The vector scaled to length 1, in place (a zero vector stays zero). */
export function toUnitLength(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (norm === 0) return vector;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < vector.length; d += 1) vector[d]! *= scale;
  return vector;
}
