import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saysNoPhoto } from './no-photo';

test('"I cannot send a photo", in shoppers\' words, and not its look-alikes', () => {
  for (const text of [
    "I don't have a photo",
    'sorry i dont have any pictures',
    'I already threw the box away',
    'no',
    'nope',
    "my phone is broken so I can't take a picture",
    'I binned it already',
    'can you do it without a photo?',
  ])
    assert.ok(saysNoPhoto(text), text);
  for (const text of ['here is the photo', "ok I'll send a photo now", 'one sec, taking a picture', 'no problem, sending a photo', 'the box was crushed', 'yes'])
    assert.ok(!saysNoPhoto(text), text);
});
