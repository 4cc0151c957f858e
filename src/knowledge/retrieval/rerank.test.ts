import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadWordVectors } from '../../text/word-vectors';
import { rerank } from './rerank';

const vectors = loadWordVectors();

test("a word in every one of the store's passages (its own name) no longer decides between them", () => {
  // "how long is the Fernlake guarantee on a jacket": the brand is in every page of the store, so
  // the passage that is about the guarantee must beat the one that only names the brand twice.
  const queryWords = ['long', 'fernlake', 'guarantee'];
  const guarantee = { titlePath: ['Warranty', 'What is covered'], content: 'Everything we make is guaranteed against defects for 2 years.' };
  const contact = { titlePath: ['Warranty', 'Contact'], content: 'Write to help@fernlake.example; Fernlake answers within a day.' };
  // The store's statistics: "fernlake" in nearly every passage, "guarantee" in one.
  const specificity = (word: string) => ({ fernlake: 0.05, guarantee: 1 })[word as 'fernlake' | 'guarantee'];
  const score = (passage: typeof guarantee, withStatistics: boolean) =>
    rerank(vectors, { queryWords, ...passage, prior: 0.5, ...(withStatistics ? { specificity } : {}) }).score;
  assert.ok(score(guarantee, true) > score(contact, true), 'the guarantee passage wins once the brand counts little');
  assert.ok(score(guarantee, true) - score(contact, true) > score(guarantee, false) - score(contact, false));
});
