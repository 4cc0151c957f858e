import { createRequire } from 'node:module';
import type { Sentiment } from '../core/ports/nlu';
import type { SentimentScorer } from './evaluate';

const require = createRequire(import.meta.url);

/** The plain lexicon scorers we compare against (dev dependencies): AFINN via `sentiment`, VADER via `vader-sentiment`. */
export function lexiconBaselines(): Record<string, SentimentScorer> {
  const baselines: Record<string, SentimentScorer> = {};
  try {
    const Afinn = require('sentiment') as new () => { analyze(text: string): { comparative: number; score: number } };
    const afinn = new Afinn();
    baselines.afinn = (text) => label(afinn.analyze(text).score, 0);
  } catch {
    // not installed (production install): the comparison is skipped
  }
  try {
    const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
    baselines.vader = (text) => label(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.05);
  } catch {
    // not installed
  }
  return baselines;
}

const label = (value: number, band: number): Sentiment => (value > band ? 'positive' : value < -band ? 'negative' : 'neutral');
