// Mail through a real SMTP server (python3-aiosmtpd): speakers confirm by the link in
// their invitation, proposers get a receipt, and an SMTP outage loses nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { eventReader } from '../support/events.mjs';
import { startSmtp, freePort } from '../support/smtp.mjs';
import { workshop, openCall, proposer } from '../support/proposals.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const linkIn = (mail) => mail.body.match(/(\/confirm\/[0-9a-f]{64})/)[1];

for (const engine of engines()) {
  describe(`mail on ${engine}`, () => {
    let smtp, server, edition;
    before(async () => {
      smtp = await startSmtp();
      server = await startServer(engine, { args: ['--smtp', smtp.url, '--smtp-retry-seconds', '1'] });
      edition = await openCall(server);
    });
    after(async () => { await server.stop(); await smtp.stop(); });

    test('speakers confirm or decline by link, without an account, and the proposal shows it live', { timeout: 30000 }, async () => {
      const p = await proposer(server);
      const body = workshop('Access', { mailDomain: `${engine}.speakers.test` });
      const sent = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body: { ...body, submit: true } });
      assert.equal(sent.status, 201);
      const id = sent.json.id;
      const receipt = await smtp.waitFor((m) => m.to === p.email && /Proposal received/.test(m.subject));
      assert.match(receipt.subject, /Proposal received/);
      assert.match(receipt.body, new RegExp(`/proposals/${id}`));

      const events = await fetch(`${server.base}/live/proposal-${id}`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${p.token}` } });
      assert.equal(events.status, 200);
      const nextEvent = eventReader(events);
      const stranger = await proposer(server, 'Stranger');
      const refused = await fetch(`${server.base}/live/proposal-${id}`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${stranger.token}` } });
      assert.equal(refused.status, 404, 'only the organisers follow a proposal');

      const first = await smtp.waitFor((m) => m.to === `speaker1@${engine}.speakers.test`);
      assert.match(first.subject, /Please confirm/);
      const second = await smtp.waitFor((m) => m.to === `speaker2@${engine}.speakers.test`);
      const speaker = new Visitor(server.base);
      const page = await speaker.get(linkIn(first));
      assert.equal(page.status, 200);
      assert.match(page.text, /Meaningful connectivity for rural schools/);
      assert.equal((await speaker.post(linkIn(first), { response: 'confirmed' })).status, 303);
      const event = await nextEvent();
      assert.equal(event.event, 'speaker.answered');
      assert.match(event.text, /Speaker 1 confirmed/);
      assert.equal((await speaker.post(linkIn(second), { response: 'declined' })).status, 303);
      assert.equal((await speaker.post(linkIn(second), { response: 'maybe' })).status, 422);

      const now = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: p.token });
      // The speakers' own answers, kept apart from what the organisers declared.
      assert.deepEqual([now.json.speakers[0].answer, now.json.speakers[0].confirmation], ['confirmed', 'provisionally_confirmed']);
      assert.deepEqual([now.json.speakers[1].answer, now.json.speakers[1].confirmation], ['declined', 'provisionally_confirmed']);
      // The organiser saving again does not undo the speakers' own answers.
      const resave = await api(server.base, 'PUT', `/api/v1/proposals/${id}`, { token: p.token, body: { ...body, title: 'Renamed', version: now.json.version } });
      assert.equal(resave.status, 200);
      assert.equal(resave.json.speakers[0].answer, 'confirmed');
      assert.equal(resave.json.speakers[1].answer, 'declined');
    });

    test('a forged link is refused', async () => {
      const visitor = new Visitor(server.base);
      assert.equal((await visitor.get('/confirm/' + 'ab'.repeat(32))).status, 404);
      assert.equal((await visitor.get('/confirm/not-even-a-token')).status, 404);
      assert.equal((await api(server.base, 'GET', '/api/v1/confirmations/' + 'cd'.repeat(32))).status, 404);
    });
  });
}

test('an expired confirmation link is refused with a way forward', { timeout: 30000 }, async () => {
  const server = await startServer('sqlite', { args: ['--speaker-link-days', '0'] });
  try {
    const edition = await openCall(server);
    const p = await proposer(server);
    await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body: { ...workshop('Access'), submit: true } });
    const outbox = await api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token });
    const mail = outbox.json.messages.find((m) => m.kind === 'speaker_invitation');
    const page = await new Visitor(server.base).get(linkIn(mail));
    assert.equal(page.status, 410);
    assert.match(page.text, /expired/);
    assert.match(page.text, /ask the organisers to send a new one/);
  } finally {
    await server.stop();
  }
});

test('while the mail server is down, mail waits and is retried; nothing is lost', { timeout: 60000 }, async () => {
  const port = await freePort();
  const server = await startServer('sqlite', { args: ['--smtp', `smtp://127.0.0.1:${port}`, '--smtp-retry-seconds', '1'] });
  let smtp;
  try {
    const edition = await openCall(server);
    const p = await proposer(server);
    await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body: { ...workshop('Access', { speakers: 1 }), submit: true } });
    const outbox = () => api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token });
    let failing;
    for (let i = 0; i < 100 && !failing; i++) {
      failing = (await outbox()).json.messages.find((m) => m.recipient === p.email && m.kind === 'receipt' && m.attempts >= 1);
      if (!failing) await sleep(100);
    }
    assert.ok(failing, 'the receipt was tried');
    assert.equal(failing.status, 'queued');
    assert.notEqual(failing.last_error, '');
    const admin = new Visitor(server.base);
    await admin.signIn(server.admin.email, server.admin.password);
    const page = await admin.get('/admin/outbox');
    assert.match(page.text, /waiting/);
    assert.match(page.text, new RegExp(p.email.replace(/\./g, '\\.')));

    smtp = await startSmtp(port);
    const arrived = await smtp.waitFor((m) => m.to === p.email && /Proposal received/.test(m.subject), 20000);
    assert.match(arrived.subject, /Proposal received/);
    let sent;
    for (let i = 0; i < 50 && !sent; i++) {
      sent = (await outbox()).json.messages.find((m) => m.recipient === p.email && m.kind === 'receipt' && m.status === 'sent');
      if (!sent) await sleep(100);
    }
    assert.ok(sent);
    assert.equal(smtp.messages().filter((m) => m.to === p.email && /Proposal received/.test(m.subject)).length, 1, 'sent once');
  } finally {
    await server.stop();
    if (smtp) await smtp.stop();
  }
});
