// npm run nlu:validate -- [--epochs N] [--l2 X] [--rate X] [--augment N] [--composed N]
// Compares training settings on the validation fold of the training corpus (15% of the written
// examples, by origin), never on the held-out split; prints one JSON line last.
import { parseArgs } from 'node:util';
import { loadTrainingCorpus } from '../src/nlu/corpus';
import { defaultTrainOptions, validateTraining } from '../src/nlu/train';
import { loadWordVectors } from '../src/text/word-vectors';

const { values } = parseArgs({ options: { epochs: { type: 'string' }, l2: { type: 'string' }, rate: { type: 'string' }, augment: { type: 'string' }, composed: { type: 'string' } } });
const options = {
  ...defaultTrainOptions,
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.l2 ? { l2: Number(values.l2) } : {}),
  ...(values.rate ? { learningRate: Number(values.rate) } : {}),
  ...(values.augment ? { augmentCopies: Number(values.augment) } : {}),
};
const composed = values.composed ? Number(values.composed) : 8;
const started = Date.now();
const result = validateTraining(loadTrainingCorpus(composed), loadWordVectors(), options);
for (const c of result.perClass) console.log(`${c.label.padEnd(20)} F1 ${(100 * c.f1).toFixed(1)}%  n ${c.support}`);
console.log(JSON.stringify({ ...options, composed, validationExamples: result.examples, macroF1: result.macroF1, accuracy: result.accuracy, seconds: Math.round((Date.now() - started) / 1000) }));
