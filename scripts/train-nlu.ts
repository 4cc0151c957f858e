// npm run nlu:train — rebuilds src/nlu/model/nlu-model.bin (deterministic: the same corpus gives the same bytes) from the corpus (deterministic).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSentimentCorpus, loadTrainingCorpus } from '../src/nlu/corpus';
import { modelPath } from '../src/nlu/model-loader';
import { defaultTrainOptions, trainNluModel } from '../src/nlu/train';
import { encodeModelFile } from '../src/nlu/model-file';
import { loadWordVectors } from '../src/text/word-vectors';

const started = Date.now();
const examples = loadTrainingCorpus();
const publicPosts = loadSentimentCorpus();
const model = trainNluModel(examples, loadWordVectors(), defaultTrainOptions, publicPosts);
mkdirSync(dirname(modelPath), { recursive: true });
writeFileSync(modelPath, encodeModelFile(model));
console.log(`trained on ${examples.length} examples and ${publicPosts.length} sentiment-only public posts, ${model.featureKeys.length} features, in ${Date.now() - started} ms → ${modelPath}`);
console.log(`intent temperature ${model.intent.temperature}, other threshold ${model.intent.otherThreshold}; sentiment temperature ${model.sentiment.temperature}`);
