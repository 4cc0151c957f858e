import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { Intent, Sentiment } from '../core/ports/nlu';
import type { LinearModel } from './linear-model';

/** A linear model stored compactly: int8 weights with one scale per feature row. */
export interface QuantizedLinear {
  classes: number;
  rowScale: Float32Array;
  weights: Int8Array;
  bias: number[];
  temperature: number;
}

export interface NluModelFile {
  version: 2;
  corpusHash: string;
  examples: number;
  featureKeys: string[];
  intent: QuantizedLinear & { labels: Intent[]; otherThreshold: number };
  sentiment: QuantizedLinear & { labels: Sentiment[] };
}

export function quantize(model: LinearModel): QuantizedLinear {
  const { classes, features, weights } = model;
  const scales = new Float32Array(features);
  const q = new Int8Array(weights.length);
  for (let f = 0; f < features; f += 1) {
    let max = 0;
    for (let c = 0; c < classes; c += 1) max = Math.max(max, Math.abs(weights[f * classes + c]!));
    const scale = max / 127 || 1;
    scales[f] = scale;
    for (let c = 0; c < classes; c += 1) q[f * classes + c] = Math.round(weights[f * classes + c]! / scale);
  }
  return { classes, rowScale: scales, weights: q, bias: [...model.bias].map((b) => Number(b.toFixed(6))), temperature: model.temperature };
}

/** The stored model as the classifier runs it: int8 weights scaled per row at scoring time (no copy). */
export function asLinearModel(stored: QuantizedLinear, features: number): LinearModel {
  return { classes: stored.classes, features, weights: stored.weights, rowScale: stored.rowScale, bias: Float32Array.from(stored.bias), temperature: stored.temperature };
}

const MAGIC = 'CNLU2';

// The file: MAGIC, then brotli of [u32 header length][header JSON][u32 keys length][keys, one a line]
// followed by the arrays (float32 row scales, int8 weights) in the order the header lists them.
// Brotli at a fixed quality is deterministic: the same model gives the same bytes.
export function encodeModelFile(file: NluModelFile): Buffer {
  const arrays: Uint8Array[] = [];
  const place = (q: QuantizedLinear) => {
    arrays.push(new Uint8Array(q.rowScale.buffer, q.rowScale.byteOffset, q.rowScale.byteLength), new Uint8Array(q.weights.buffer, q.weights.byteOffset, q.weights.byteLength));
    return { ...q, rowScale: q.rowScale.length, weights: q.weights.length };
  };
  const header = {
    version: file.version,
    corpusHash: file.corpusHash,
    examples: file.examples,
    intent: place(file.intent),
    sentiment: place(file.sentiment),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const keyBytes = Buffer.from(file.featureKeys.join('\n'));
  const body = Buffer.concat([u32(headerBytes.length), headerBytes, u32(keyBytes.length), keyBytes, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
  const packed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return Buffer.concat([Buffer.from(MAGIC), packed]);
}

type StoredShape = Omit<QuantizedLinear, 'rowScale' | 'weights'> & { rowScale: number; weights: number };
type Header = Omit<NluModelFile, 'featureKeys' | 'intent' | 'sentiment'> & {
  intent: StoredShape & { labels: Intent[]; otherThreshold: number };
  sentiment: StoredShape & { labels: Sentiment[] };
};

export function decodeModelFile(bytes: Buffer): NluModelFile {
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not an NLU model file (run `npm run nlu:train`)');
  const body = brotliDecompressSync(bytes.subarray(MAGIC.length));
  let at = 0;
  const take = (length: number) => {
    const part = body.subarray(at, at + length);
    at += length;
    return part;
  };
  const length = () => take(4).readUInt32LE(0);
  const header = JSON.parse(take(length()).toString()) as Header;
  const featureKeys = take(length()).toString().split('\n');
  // Copies, so the arrays are aligned and do not pin the decompressed buffer.
  const load = (q: StoredShape): QuantizedLinear => {
    const scaleBytes = take(q.rowScale * 4);
    const rowScale = new Float32Array(q.rowScale);
    new Uint8Array(rowScale.buffer).set(scaleBytes);
    const weights = new Int8Array(q.weights);
    new Uint8Array(weights.buffer).set(take(q.weights));
    return { ...q, rowScale, weights };
  };
  const intent = { ...header.intent, ...load(header.intent) };
  const sentiment = { ...header.sentiment, ...load(header.sentiment) };
  return { version: 2, corpusHash: header.corpusHash, examples: header.examples, featureKeys, intent, sentiment };
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
