// npm run nlu:validate-sentiment -- [--public-weight X] [--public-min N] [--no-public] <eval dirs…>
// Trains the sentiment model alone and scores it on eval directories (sentiment.jsonl), to compare
// settings for the public sentiment-only corpus. Pass only dev sets here, never a test half.
import { parseArgs } from 'node:util';
import { loadSentimentCorpus, loadTrainingCorpus } from '../src/nlu/corpus';
import { defaultTrainOptions, trainSentimentForValidation } from '../src/nlu/train';
import { loadWordVectors } from '../src/text/word-vectors';
import { asLinearModel } from '../src/nlu/model-file';
import { analyzeSentiment } from '../src/nlu/sentiment/analyze';
import { loadBlindSet } from '../src/nlu/blind/blind-set';
import { score } from '../src/nlu/evaluate';
import type { LoadedModel } from '../src/nlu/model-loader';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'public-weight': { type: 'string' }, 'public-min': { type: 'string' }, 'no-public': { type: 'boolean' }, epochs: { type: 'string' }, augment: { type: 'string' } } });
const options = {
  ...defaultTrainOptions,
  ...(values['public-weight'] ? { publicSentimentWeight: Number(values['public-weight']) } : {}),
  ...(values['public-min'] ? { publicMinFeatureCount: Number(values['public-min']) } : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.augment ? { augmentCopies: Number(values.augment) } : {}),
};
const started = Date.now();
const vectors = loadWordVectors();
const trained = trainSentimentForValidation(loadTrainingCorpus(), vectors, options, values['no-public'] ? [] : loadSentimentCorpus());
const index = new Map(trained.featureKeys.map((key, i) => [key, i]));
const model = { file: { sentiment: trained.sentiment }, index, vectors, sentiment: asLinearModel(trained.sentiment, trained.featureKeys.length) } as unknown as LoadedModel;
const figures: Record<string, number | string> = { publicWeight: options.publicSentimentWeight, publicMin: options.publicMinFeatureCount, noPublic: values['no-public'] ? 1 : 0, features: trained.featureKeys.length };
for (const dir of positionals) {
  const cases = loadBlindSet(dir).sentiment;
  const scores = score(cases.map((c) => ({ expected: c.sentiment, predicted: analyzeSentiment(model, c.text).sentiment })), ['negative', 'neutral', 'positive']);
  const name = dir.replace(/\/+$/, '').split('/').slice(-2).join('/');
  figures[`${name} macroF1`] = scores.macroF1;
  figures[`${name} accuracy`] = scores.accuracy;
}
figures.seconds = Math.round((Date.now() - started) / 1000);
console.log(JSON.stringify(figures));
