import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionQuestionsFor, itemInCategory, matchingCategory } from './categories';
import { addDays, isWithinWindow, wholeDaysBetween } from './days';
import { decisionFrom, reasonCodes, reasonMessages, strictestOutcome, type Outcome } from './decision';
import { daysAgo, testLineItem, testNow } from './test-fixtures';

const outcomeCases: [Outcome[], Outcome][] = [
  [[], 'allow'],
  [['allow', 'allow'], 'allow'],
  [['allow', 'review'], 'review'],
  [['review', 'deny', 'allow'], 'deny'],
];
for (const [outcomes, strictest] of outcomeCases)
  test(`strictest of [${outcomes.join(', ')}] is ${strictest}`, () => assert.equal(strictestOutcome(outcomes), strictest));

test('decisionFrom sorts reasons strictest first, keeps order among equals, copies the clock', () => {
  const reasons = [
    { code: 'a', effect: 'allow' as const, message: 'first allow' },
    { code: 'r', effect: 'review' as const, message: 'a review' },
    { code: 'b', effect: 'allow' as const, message: 'second allow' },
    { code: 'd', effect: 'deny' as const, message: 'a deny' },
  ];
  const decision = decisionFrom(reasons, testNow);
  assert.equal(decision.outcome, 'deny');
  assert.deepEqual(reasonCodes(decision), ['d', 'r', 'a', 'b']);
  assert.deepEqual(reasonMessages(decision), ['a deny', 'a review', 'first allow', 'second allow']);
  assert.notEqual(decision.decidedAt, testNow);
  assert.equal(decision.decidedAt.getTime(), testNow.getTime());
});

test('a decision without reasons is a bug', () => assert.throws(() => decisionFrom([], testNow), /at least one reason/));

const categoryCases: { name: string; productType: string; tags: string[]; category: string; in: boolean; by?: 'product_type' | 'tag' }[] = [
  { name: 'product type, other case', productType: 'Gift Card', tags: [], category: 'gift card', in: true, by: 'product_type' },
  { name: 'tag, other case and spaces', productType: 'Dresses', tags: ['Summer', ' Final-Sale'], category: 'final-sale', in: true, by: 'tag' },
  { name: 'substring is not a match', productType: 'Gift cards', tags: ['final-sale-2023'], category: 'final-sale', in: false },
  { name: 'blank category never matches', productType: '', tags: [''], category: '  ', in: false },
];
for (const c of categoryCases) {
  test(`category: ${c.name}`, () => {
    const item = testLineItem({ productType: c.productType, tags: c.tags });
    assert.equal(itemInCategory(item, c.category), c.in);
    assert.equal(matchingCategory(item, ['unrelated', c.category])?.matchedBy, c.by);
  });
}

const questionCases: [string, string[], number, RegExp][] = [
  ['Shoes', [], 1, /unworn/],
  ['Misc', ['electronics'], 2, /accessories/],
  ['Lipstick', ['Cosmetics'], 1, /unopened/],
  ['Candles', [], 1, /unused and in its original packaging/],
];
for (const [productType, tags, count, first] of questionCases) {
  test(`condition questions for ${productType} [${tags.join(', ')}]`, () => {
    const questions = conditionQuestionsFor(testLineItem({ productType, tags }));
    assert.equal(questions.length, count);
    assert.match(questions[0]!, first);
  });
}

const windowCases: [number, number, boolean][] = [
  [0, 0, true],
  [30, 30, true],
  [30.99, 30, true],
  [31, 30, false],
  [-1, 0, true],
];
for (const [ago, window, inside] of windowCases) {
  test(`${ago} days ago is ${inside ? 'inside' : 'outside'} a ${window}-day window`, () => assert.equal(isWithinWindow(daysAgo(ago), window, testNow), inside));
}

test('whole days and adding days', () => {
  assert.equal(wholeDaysBetween(daysAgo(2.5), testNow), 2);
  assert.equal(wholeDaysBetween(testNow, daysAgo(1)), -1);
  assert.equal(addDays(daysAgo(3), 3).getTime(), testNow.getTime());
});
