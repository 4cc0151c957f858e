import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resumeLine, tidyReply } from './reply-hygiene';

const base = { tone: 'friendly' as const, upset: false, asking: false, signOff: '— The Demo Store team' };
const STATUS = 'Order #1186 was delivered on Friday, October 30 by UPS.';
const PHOTO = 'So our team can sort out the Enamel Camp Mug from order #1231, could you send me a photo that shows the problem?';

test('a reply that would be the previous one word for word says so, never pasted twice in a row', () => {
  // "where is it" after the status was just given
  const again = tidyReply(STATUS, { ...base, previous: `${STATUS}\n\n— The Demo Store team` });
  assert.notEqual(again, STATUS);
  assert.match(again, /Order #1186 was delivered/);
  // a third time differs from the second
  const third = tidyReply(STATUS, { ...base, previous: `${again}\n\n— The Demo Store team` });
  assert.notEqual(third, again);
  assert.match(third, /Order #1186 was delivered/);
  assert.doesNotMatch(third, /:.*:.*Order/);
});

test('the same question after "yes sure" is asked again with thanks; the acknowledgement in front does not hide the repeat', () => {
  const first = `I'm sorry for the trouble, and I understand the frustration. Let's get this sorted. ${PHOTO}`;
  const afterYes = tidyReply(PHOTO, { ...base, asking: true, acknowledged: true, previous: `${first}\n\n— The Demo Store team` });
  assert.notEqual(afterYes, PHOTO);
  assert.match(afterYes, /^Great, thanks\./);
  const afterOk = tidyReply(PHOTO, { ...base, asking: true, acknowledged: true, previous: `${afterYes}\n\n— The Demo Store team` });
  assert.notEqual(afterOk, afterYes);
  assert.ok(afterOk.endsWith(PHOTO));
});

test('a sources line after the previous answer does not hide a repeat; a different reply is left alone', () => {
  const answer = 'We ship to the United States and Canada.';
  assert.notEqual(tidyReply(answer, { ...base, previous: `${answer}\n\nSource: Shipping › Where do you ship?\n\n— The Demo Store team` }), answer);
  assert.equal(tidyReply(answer, { ...base, previous: 'Order #1186 was delivered.' }), answer);
  assert.equal(tidyReply(answer, { ...base, previous: null }), answer);
});

test('the task picked up after a side question repeats its question without the words around it', () => {
  assert.equal(resumeLine(`Thanks! To carry on, I just need this from you: ${PHOTO}\n\n— The Demo Store team`, '— The Demo Store team', 'friendly'), `Back to where we were: ${PHOTO}`);
});
