import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asLinearModel, decodeModelFile, type NluModelFile } from './model-file';
import type { LinearModel } from './linear-model';
import { loadWordVectors, type WordVectors } from '../text/word-vectors';

export const modelPath = join(dirname(fileURLToPath(import.meta.url)), 'model', 'nlu-model.bin');

export interface LoadedModel {
  file: NluModelFile;
  index: Map<string, number>;
  intent: LinearModel;
  sentiment: LinearModel;
  vectors: WordVectors;
}

/** Reads the committed model artifact once (rebuilt by `npm run nlu:train`). */
export function loadModel(path = modelPath, vectors: WordVectors = loadWordVectors()): LoadedModel {
  if (!existsSync(path)) throw new Error(`NLU model not found at ${path}: run \`npm run nlu:train\``);
  return fromFile(decodeModelFile(readFileSync(path)), vectors);
}

export function fromFile(file: NluModelFile, vectors: WordVectors): LoadedModel {
  const index = new Map(file.featureKeys.map((key, i) => [key, i]));
  return { file, index, vectors, intent: asLinearModel(file.intent, file.featureKeys.length), sentiment: asLinearModel(file.sentiment, file.featureKeys.length) };
}
