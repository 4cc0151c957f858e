import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGeneralQuestion } from './general-question';
import { withoutLeadIn } from './policy-question';
import { shippingQuery } from './shipping-question';
import { isSideQuestion } from './side-question';

test('a question about how the store works is general: answered while a verification waits', () => {
  for (const text of ['do you ship to canada?', 'and how long do refunds take', 'do i have to pay for return shipping?', 'how much is shipping to the uk']) assert.equal(isGeneralQuestion(text), true, text);
});

test('a request about an order is not general: it waits its turn', () => {
  for (const text of ['where is order 1043', 'i want to return the boots', 'when will my package arrive?', 'cancel #1203', 'is my refund done yet?']) assert.equal(isGeneralQuestion(text), false, text);
});

test('the knowledge base is searched without the lead-in, with the topic words of a returns question', () => {
  assert.equal(withoutLeadIn('oh and how long do i have to return stuff?'), 'how long do i have to return stuff?');
  assert.equal(withoutLeadIn('and?'), 'and?');
  assert.equal(withoutLeadIn('do you ship to the uk btw?'), 'do you ship to the uk?');
  assert.equal(withoutLeadIn('how long do refunds take then, thanks'), 'how long do refunds take');
  assert.equal(withoutLeadIn('@shop can I order from Finland?'), 'can I order from Finland?');
  assert.equal(withoutLeadIn('@NorthwindHelp @shop do you ship to norway'), 'do you ship to norway');
  assert.equal(withoutLeadIn('can you write to ann@example.com about returns?'), 'can you write to ann@example.com about returns?');
  assert.match(shippingQuery('how long do i have to return stuff?'), /how long do I have to return something/);
  assert.match(shippingQuery('how many days until i see my refund'), /how long does a refund take/);
  assert.equal(shippingQuery('is the tent waterproof?'), 'is the tent waterproof?');
});

test('a question about an item in the middle of a task chooses nothing; asking for the task itself is not a side question', () => {
  for (const text of ['btw is the tent waterproof?', 'does the lamp take normal bulbs?', 'oh and what size is the parka?']) assert.equal(isSideQuestion(text), true, text);
  for (const text of ['the lamp', 'can i return the lamp?', 'is it possible to return the tent?', 'the tent please', 'both', 'what about the shoes?', 'and how about the lamp?']) assert.equal(isSideQuestion(text), false, text);
});
