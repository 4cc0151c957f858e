import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfirmation } from './confirmation';
import { withdraws } from './withdrawal';

test('a shopper taking back the request, in their own words, is a withdrawal', () => {
  for (const text of [
    'actually dont cancel it, ill keep it',
    "actually don't cancel it",
    'never mind, forget it',
    'nvm forget about it',
    'oh wait scratch that',
    "no leave it as it is",
    "i'll keep them",
    'no need, thanks',
    "on second thought don't return it",
    'sorry, dont refund it after all',
  ]) assert.equal(withdraws(text), true, text);
});

test('what is not a withdrawal: a reason, a question, a request, an address', () => {
  for (const text of [
    'i changed my mind',
    "don't cancel it yet, can you tell me when it ships?",
    'why did you cancel it?',
    'keep it for the return, send me a new one',
    'cancel it',
    'yes please',
    'no need to ship it express, standard is fine',
    '45 Leave Lane, Denver, CO 80203',
  ]) assert.equal(withdraws(text), false, text);
});

test('a withdrawal is a no to the confirmation that waits, never a yes', () => {
  for (const text of ['actually dont cancel it, ill keep it', 'ok never mind', 'hmm forget it', "actually i'll keep it"]) assert.equal(readConfirmation(text), false, text);
});

test('a yes that says the action again is still a yes; a yes that runs into another request is not', () => {
  for (const text of ['ok then go ahead and cancel it', 'yes please cancel it', 'yes do it now please']) assert.equal(readConfirmation(text), true, text);
  for (const text of ['ok and do you have the large in navy?', 'yes but can you also change the address', 'sure, and what about the other order']) assert.equal(readConfirmation(text), undefined, text);
});
