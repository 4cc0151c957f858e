import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intents } from '../core/ports/nlu';
import { loadHeldOut, loadPublicStyle, loadWrittenCorpus } from './corpus';

// Same text up to case, punctuation and spacing (emoji-only lines compared as written).
const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') || text.trim();

test('the held-out and public-style splits are never trained on', () => {
  const training = new Set(loadWrittenCorpus().map((e) => key(e.text)));
  const leaked = [...loadHeldOut(), ...loadPublicStyle()].filter((e) => training.has(key(e.text)));
  assert.deepEqual(leaked.map((e) => e.text), []);
});

test('the public-style split covers every intent', () => {
  const split = loadPublicStyle();
  for (const intent of intents) assert.ok(split.filter((e) => e.intent === intent).length >= 10, `${intent}: fewer than 10 public-style examples`);
});

test('every intent has at least 200 written training examples and its held-out examples', () => {
  const written = loadWrittenCorpus();
  const heldOut = loadHeldOut();
  for (const intent of intents) {
    assert.ok(written.filter((e) => e.intent === intent).length >= 200, `${intent}: fewer than 200 training examples`);
    assert.ok(heldOut.filter((e) => e.intent === intent).length >= 20, `${intent}: fewer than 20 held-out examples`);
  }
});

test('no training text carries two different intents', () => {
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  for (const e of loadWrittenCorpus()) {
    const previous = seen.get(key(e.text));
    if (previous && previous !== e.intent) conflicts.push(`${e.text}: ${previous} / ${e.intent}`);
    seen.set(key(e.text), e.intent);
  }
  assert.deepEqual(conflicts, []);
});
