import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { loadEnv } from '../src/config/env';
import { demoStore } from './support/demo';
import { startTestSystem, type TestSystem } from './support/system';

const openssl = ['/usr/bin/openssl', '/bin/openssl'].find((path) => existsSync(path));

/** The first lines the listener answers to EHLO: what it offers. */
async function ehlo(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (/^220 /m.test(text) && !text.includes('EHLO-SENT')) {
        text += 'EHLO-SENT\n';
        socket.write('EHLO client.example\r\n');
      } else if (/^250 /m.test(text)) {
        socket.end('QUIT\r\n');
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
}

describe('inbound SMTP offers STARTTLS when a certificate is configured (issue 19)', { skip: openssl ? false : 'openssl is not installed: no certificate to test with' }, () => {
  let dir: string;
  let t: TestSystem;
  let port: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concierge-tls-'));
    // A self-signed certificate made for this test only.
    execFileSync(openssl!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=inbound.concierge.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    t = await startTestSystem({
      env: { CONCIERGE_SMTP_PORT: '0', CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test', CONCIERGE_SMTP_TLS_CERT_FILE: join(dir, 'cert.pem'), CONCIERGE_SMTP_TLS_KEY_FILE: join(dir, 'key.pem') },
    });
    port = (await t.system.startBackground()).smtpPort!;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('STARTTLS is offered, and a sender that requires TLS delivers over it', async () => {
    assert.match(await ehlo(port), /STARTTLS/);
    const s = await demoStore(t);
    const inbound = (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json().email.inboundAddress as string;
    const sender = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const sent = await sender.sendMail({ from: 'shopper@example.com', to: inbound, subject: 'Where is my order?', text: 'Where is my order #1001?' });
    sender.close();
    assert.match(sent.response, /^250 /);
    const [row] = await t.system.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_messages WHERE store_id = $1 AND direction = 'in'`, [s.storeId]);
    assert.equal(row!.n, 1);
  });

  test('one of the pair alone, or a file that cannot be read, stops the start with the reason', async () => {
    assert.throws(() => loadEnv({ CONCIERGE_SMTP_TLS_CERT_FILE: join(dir, 'cert.pem') }), /set both/);
    await assert.rejects(
      startTestSystem({ env: { CONCIERGE_SMTP_PORT: '0', CONCIERGE_SMTP_TLS_CERT_FILE: join(dir, 'missing.pem'), CONCIERGE_SMTP_TLS_KEY_FILE: join(dir, 'key.pem') } }),
      /CONCIERGE_SMTP_TLS_CERT_FILE: cannot read .*missing\.pem \(ENOENT\)/,
    );
  });
});

describe('inbound SMTP without a certificate', () => {
  test('does not offer STARTTLS (nothing to offer it with)', async () => {
    const t = await startTestSystem({ env: { CONCIERGE_SMTP_PORT: '0', CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    try {
      const { smtpPort } = await t.system.startBackground();
      assert.doesNotMatch(await ehlo(smtpPort!), /STARTTLS/);
    } finally {
      await t.close();
    }
  });
});
