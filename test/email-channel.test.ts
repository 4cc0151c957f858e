import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { startSmtpSink, type SunkMail } from './support/smtp-sink';
import { startTestSystem, type TestSystem } from './support/system';
import { skipWithoutServer } from './support/databases';

// E-mail end to end over real SMTP on loopback: nodemailer → our smtp-server listener → the job
// queue → the agent → nodemailer → a local SMTP sink (smtp-server), PGlite, the embedded default.
describe('the e-mail channel over real SMTP', () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inbound: string;
  let smtpPort: number;
  let shopper: ReturnType<typeof nodemailer.createTransport>;

  before(async () => {
    sink = await startSmtpSink();
    t = await startTestSystem({ env: { SMTP_URL: sink.url, CONCIERGE_SMTP_PORT: '0', CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    s = await demoStore(t);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/stores/${s.storeId}/settings`,
      headers: s.headers,
      payload: { email: { fromName: 'Acme Support', fromAddress: 'help@acme.example' } },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    inbound = patched.json().email.inboundAddress;
    assert.match(inbound, /^s[0-9a-f]{20}@inbound\.concierge\.test$/);
    smtpPort = (await t.system.startBackground()).smtpPort!;
    shopper = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  });
  after(async () => {
    shopper.close();
    await t.close();
    await sink.close();
  });

  const sunkReplyTo = (messageId: string, timeoutMs = 15_000) =>
    eventually(async () => sink.received.find((m) => m.parsed.inReplyTo === messageId), timeoutMs) as Promise<SunkMail | undefined>;
  const recordOf = async (rfc: string) =>
    (await t.system.database.query<{ status: string; reason: string | null; conversation_id: string | null }>(`SELECT status, reason, conversation_id FROM email_messages WHERE rfc_message_id = $1 AND direction = 'in'`, [rfc]))[0];
  const settled = (rfc: string) => eventually(async () => {
    const row = await recordOf(rfc);
    return row && row.status !== 'received' ? row : undefined;
  }, 15_000);

  test('settings: the inbound address is generated and read-only; the sender is validated', async () => {
    const got = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers });
    assert.deepEqual(got.json().email, { fromName: 'Acme Support', fromAddress: 'help@acme.example', inboundAddress: inbound });
    for (const email of [{ inboundAddress: 'x@y.test' }, { fromAddress: 'not an address' }, { fromAddress: 'a@b.test\r\nBcc: c@d.test' }, { fromName: '<b>Acme</b>' }]) {
      const bad = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { email } });
      assert.equal(bad.statusCode, 400, JSON.stringify(email));
      assert.equal(bad.json().error.code, 'validation_failed');
    }
    assert.deepEqual((await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json().email.fromAddress, 'help@acme.example');
  });

  test('a message in, the reply out with the right headers, and a reply to the reply threaded into the same conversation', async () => {
    const order = s.demo.index.in_transit[0]!;
    const owner = s.demo.owners[order]!;
    const first = await shopper.sendMail({ from: `Jane Shopper <${owner.email}>`, to: inbound, subject: `Where is my order ${order}?`, text: `Hi,\n\nwhere is my order ${order}?\n\nThanks\n-- \nJane` });
    const reply = await sunkReplyTo(first.messageId);
    assert.ok(reply, 'the reply left by SMTP');
    const headers = reply.parsed.headers;
    assert.equal(reply.parsed.from?.value[0]?.address, 'help@acme.example');
    assert.equal(reply.parsed.from?.value[0]?.name, 'Acme Support');
    assert.deepEqual(reply.envelope.to, [owner.email]);
    assert.equal(reply.parsed.subject, `Re: Where is my order ${order}?`);
    assert.deepEqual([reply.parsed.references].flat(), [first.messageId]);
    assert.equal(headers.get('auto-submitted'), 'auto-replied');
    const replyTo = reply.parsed.replyTo?.value[0]?.address ?? '';
    assert.match(replyTo, new RegExp(`^${inbound.split('@')[0]}\\+[0-9a-f]{20}@inbound\\.concierge\\.test$`));
    assert.match(reply.parsed.text ?? '', /e-mail address or the postal code/, 'the From address is not proof: verification is asked');
    assert.ok(reply.parsed.html && reply.parsed.html.includes('<p>'), 'an HTML part too');
    assert.doesNotMatch(reply.parsed.text ?? '', /Tracking number/);

    // The shopper answers the reply from their mail client: threaded by In-Reply-To.
    const second = await shopper.sendMail({
      from: owner.email,
      to: replyTo,
      subject: `Re: ${reply.parsed.subject}`,
      inReplyTo: reply.parsed.messageId,
      references: [first.messageId, reply.parsed.messageId!],
      text: `${owner.email}\n\nOn Mon, Dec 7, 2026 at 5:02 PM Acme Support <help@acme.example> wrote:\n> ${reply.parsed.text?.split('\n')[0]}`,
    });
    const answer = await sunkReplyTo(second.messageId);
    assert.ok(answer);
    assert.match(answer.parsed.text ?? '', /is on its way with .* Tracking number: \S+/s);
    assert.deepEqual([answer.parsed.references].flat(), [first.messageId, reply.parsed.messageId, second.messageId]);
    const [a, b] = [await recordOf(first.messageId.slice(1, -1)), await recordOf(second.messageId.slice(1, -1))];
    assert.equal(a?.conversation_id, b?.conversation_id, 'one conversation');
    const conversation = await t.app.inject({ method: 'GET', url: `/v1/conversations/${a!.conversation_id}`, headers: s.headers });
    assert.equal(conversation.json().channel, 'email');
    assert.deepEqual(conversation.json().messages.map((m: { role: string }) => m.role), ['customer', 'assistant', 'customer', 'assistant']);
    assert.ok(!conversation.json().messages[2].content.includes('wrote:'), 'the quoted history was cut before the agent read it');

    // No In-Reply-To at all (a client that drops it): the reply token in the address threads it.
    const third = await shopper.sendMail({ from: owner.email, to: replyTo, subject: 'one more thing', text: 'thanks a lot!' });
    assert.ok(await sunkReplyTo(third.messageId));
    assert.equal((await recordOf(third.messageId.slice(1, -1)))?.conversation_id, a!.conversation_id);

    // An operator's answer in the console goes out by e-mail too, threaded.
    const human = await t.app.inject({ method: 'POST', url: `/v1/conversations/${a!.conversation_id}/handoff/reply`, headers: s.headers, payload: { content: 'Hi Jane, a person here: it will arrive on Friday.' } });
    assert.equal(human.statusCode, 201, human.body);
    const byHuman = await eventually(async () => sink.received.find((m) => (m.parsed.text ?? '').includes('a person here')), 15_000);
    assert.ok(byHuman, 'the operator reply left by SMTP');
    assert.equal(byHuman.parsed.headers.get('auto-submitted'), undefined, 'a human reply is not marked automatic');
    assert.ok(byHuman.parsed.inReplyTo, 'threaded under the last e-mail');
    assert.ok([byHuman.parsed.references].flat().includes(third.messageId));
  });

  test('an auto-reply, a bounce and list mail are kept and never answered; a delivery seen before is not answered twice', async () => {
    const owner = s.demo.owners[s.demo.index.in_transit[1]!]!;
    const before = sink.received.length;
    const auto = await shopper.sendMail({ from: owner.email, to: inbound, subject: 'Out of office', text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const bounce = await shopper.sendMail({
      envelope: { from: '', to: [inbound] },
      from: 'MAILER-DAEMON@mx.example.net',
      to: inbound,
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system. I am sorry to inform you that your message could not be delivered.',
    });
    const list = await shopper.sendMail({ from: 'news@shop.example', to: inbound, subject: 'Weekly deals', text: 'Sale!', headers: { 'List-Id': '<deals.shop.example>', Precedence: 'bulk' } });
    for (const [sent, reason] of [[auto, 'auto_submitted'], [bounce, 'null_sender'], [list, 'precedence']] as const) {
      const row = await settled(sent.messageId.slice(1, -1));
      assert.equal(row?.status, 'ignored');
      assert.equal(row?.reason, reason);
    }
    const once = { from: owner.email, to: inbound, subject: 'hello', text: 'Do you sell gift cards?', messageId: '<dup-1@client.example>' };
    await shopper.sendMail(once);
    await shopper.sendMail(once);
    assert.ok(await sunkReplyTo('<dup-1@client.example>'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(sink.received.filter((m) => m.parsed.inReplyTo === '<dup-1@client.example>').length, 1, 'one reply for one Message-ID');
    assert.deepEqual(sink.received.slice(before).map((m) => m.parsed.inReplyTo), ['<dup-1@client.example>'], 'nothing answered the robots');
  });

  test('a forged sender gets no order details: the From address is a claim', async () => {
    const order = s.demo.index.in_transit[2]!;
    const owner = s.demo.owners[order]!;
    // The victim's own conversation, then a forger writing as the victim and quoting its Message-ID.
    const real = await shopper.sendMail({ from: owner.email, to: inbound, subject: `order ${order}`, text: `where is my order ${order}?` });
    const realReply = await sunkReplyTo(real.messageId);
    assert.ok(realReply);
    const forged = await shopper.sendMail({ from: `"${owner.email}" <forger@evil.example>`, to: inbound, subject: `Re: order ${order}`, inReplyTo: realReply.parsed.messageId, text: `where is my order ${order}? tracking please` });
    const toForger = await sunkReplyTo(forged.messageId);
    assert.ok(toForger);
    assert.deepEqual(toForger.envelope.to, ['forger@evil.example'], 'the answer goes to the sender, never into the victim thread');
    assert.doesNotMatch(toForger.parsed.text ?? '', /on its way|Tracking number|UPS|USPS|FedEx|DHL/i);
    assert.notEqual((await recordOf(forged.messageId.slice(1, -1)))?.conversation_id, (await recordOf(real.messageId.slice(1, -1)))?.conversation_id);
    // Spoofing the owner's address itself: still only a claim, verification is asked.
    const spoofed = await shopper.sendMail({ from: owner.email, to: inbound, subject: 'tracking', text: `Send me the tracking for ${order} now.` });
    const toSpoofed = await sunkReplyTo(spoofed.messageId);
    assert.ok(toSpoofed);
    assert.doesNotMatch(toSpoofed.parsed.text ?? '', /on its way|Tracking number/i);
  });

  test('a failing outbound SMTP server is retried and the reply is sent once', async () => {
    const owner = s.demo.owners[s.demo.index.in_transit[3]!]!;
    sink.failNext(2);
    const sent = await shopper.sendMail({ from: owner.email, to: inbound, subject: 'returns', text: 'How long do I have to return something?' });
    const reply = await sunkReplyTo(sent.messageId, 20_000);
    assert.ok(reply, 'sent after the retries');
    assert.equal(sink.refusedCount() >= 2, true);
    const messageId = reply.parsed.messageId!;
    await t.system.email.sweep();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(sink.received.filter((m) => m.parsed.messageId === messageId).length, 1, 'sent exactly once');
    const [row] = await t.system.database.query<{ status: string }>(`SELECT status FROM email_messages WHERE rfc_message_id = $1 AND direction = 'out'`, [messageId.slice(1, -1)]);
    assert.equal(row?.status, 'sent');
  });

  test('unknown recipients are refused at RCPT TO', async () => {
    await assert.rejects(shopper.sendMail({ from: 'a@b.example', to: 'nobody@inbound.concierge.test', subject: 'x', text: 'x' }), /550/);
    await assert.rejects(shopper.sendMail({ from: 'a@b.example', to: 'someone@elsewhere.example', subject: 'x', text: 'x' }), /550/);
  });
});


describe('the e-mail channel in server mode (PostgreSQL, Redis), over real SMTP', { skip: skipWithoutServer }, () => {
  test('in, answered with the order once verified, a repeated delivery not answered twice, a refused send retried and sent once', async () => {
    const sink = await startSmtpSink();
    const t = await startTestSystem({ backend: 'postgres', redis: true, env: { SMTP_URL: sink.url, CONCIERGE_SMTP_PORT: '0', CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    const shopper = nodemailer.createTransport({ host: '127.0.0.1', port: (await t.system.startBackground()).smtpPort!, secure: false, ignoreTLS: true });
    try {
      const s = await demoStore(t);
      const inbound = (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json().email.inboundAddress;
      const order = s.demo.index.in_transit[0]!;
      const owner = s.demo.owners[order]!;
      sink.failNext(1);
      const mail = { from: owner.email, to: inbound, subject: `order ${order}`, text: `Where is my order ${order}? My e-mail on it is ${owner.email}.`, messageId: '<server-mode-1@client.example>' };
      await shopper.sendMail(mail);
      await shopper.sendMail(mail);
      const reply = await eventually(async () => sink.received.find((m) => m.parsed.inReplyTo === mail.messageId), 30_000);
      assert.ok(reply, 'the reply left after one refused attempt');
      assert.match(reply.parsed.text ?? '', /is on its way/);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(sink.received.filter((m) => m.parsed.inReplyTo === mail.messageId).length, 1);
      assert.equal(sink.refusedCount(), 1);
    } finally {
      shopper.close();
      await t.close();
      await sink.close();
    }
  });
});
