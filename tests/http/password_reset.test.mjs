// "Forgot your password?": a link by mail, single use, bound to the account, expiring
// after an hour, answering the same whether or not an account uses the address; using
// it sets the new password and ends every session of the account.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer, csrfPair, linkInMail } from '../support/proposals.mjs';

const oldPassword = 'a long enough password';
const newPassword = 'copper kettle under the bridge';

async function resetMails(server, recipient) {
  const outbox = await api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token });
  return outbox.json.messages.filter((m) => m.recipient === recipient && m.body.includes('/password-reset/'));
}

describe('password reset by mail link', () => {
  let server;
  before(async () => { server = await startServer('sqlite', { testHooks: true }); });
  after(async () => { await server?.stop(); });

  test('from the sign-in page: the link sets a new password once and ends every session', async () => {
    const p = await proposer(server, 'Rita Reset');
    const elsewhere = new Visitor(server.base);
    assert.equal((await elsewhere.signIn(p.email, oldPassword)).status, 303);
    assert.equal((await elsewhere.get('/account')).status, 200);

    const v = new Visitor(server.base);
    const login = await v.get('/login');
    assert.match(login.text, /<a href="\/password-reset">Forgot your password\?<\/a>/);
    const form = await v.get('/password-reset');
    assert.equal(form.status, 200);
    assert.match(form.text, /<label for="field-email">E-mail/);
    const sent = await v.post('/password-reset', { email: p.email.toUpperCase() });
    assert.equal(sent.status, 202);
    assert.match(sent.text, /If an account uses .* a link to choose a new password is on its way/);
    const token = await linkInMail(server, p.email, 'password-reset');
    const [mail] = await resetMails(server, p.email);
    assert.match(mail.subject ?? mail.body, /new password/i);
    assert.match(mail.body, /works once, until/);

    const choose = await v.get(`/password-reset/${token}`);
    assert.equal(choose.status, 200);
    assert.match(choose.text, /Choose a new password/);
    const weak = await v.post(`/password-reset/${token}`, { password: 'short' });
    assert.equal(weak.status, 422, 'a password breaking the rules is refused, naming the field');
    assert.match(weak.text, /href="#field-password"/);
    const done = await v.post(`/password-reset/${token}`, { password: newPassword });
    assert.equal(done.status, 200);
    assert.match(done.text, /Your password is changed and every session of your account has ended/);

    assert.equal((await elsewhere.get('/account')).status, 303, 'the other session has ended');
    assert.notEqual((await new Visitor(server.base).signIn(p.email, oldPassword)).status, 303, 'the old password no longer works');
    assert.equal((await new Visitor(server.base).signIn(p.email, newPassword)).status, 303, 'the new one does');

    const again = await new Visitor(server.base).get(`/password-reset/${token}`);
    assert.equal(again.status, 410, 'a link used once is refused');
    assert.match(again.text, /This password reset link was used on .* each link works once/);
    const againApi = await api(server.base, 'POST', `/api/v1/password-resets/${token}`, { body: { password: 'yet another long password' }, headers: csrfPair() });
    assert.equal(againApi.status, 410);
    assert.match(againApi.json.detail, /was used on/);
  });

  test('an unknown address gets the same answer as a known one, and no mail', async () => {
    const p = await proposer(server, 'Kim Known');
    const unknown = `nobody.${Date.now()}@nowhere.test`;
    const known = new Visitor(server.base);
    await known.get('/password-reset');
    const knownAnswer = await known.post('/password-reset', { email: p.email });
    const stranger = new Visitor(server.base);
    await stranger.get('/password-reset');
    const unknownAnswer = await stranger.post('/password-reset', { email: unknown });
    assert.equal(knownAnswer.status, 202);
    assert.equal(unknownAnswer.status, 202);
    const main = (t) => t.match(/<main[^>]*>([\s\S]*)<\/main>/)[1];
    assert.equal(main(unknownAnswer.text).replace(unknown, 'X'), main(knownAnswer.text).replace(p.email, 'X'));
    const apiKnown = await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: p.email }, headers: csrfPair() });
    const apiUnknown = await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: unknown }, headers: csrfPair() });
    assert.equal(apiKnown.status, 202);
    assert.equal(apiUnknown.status, 202);
    assert.equal(apiUnknown.json.status, apiKnown.json.status);
    assert.equal(apiUnknown.json.detail.replace(unknown, 'X'), apiKnown.json.detail.replace(p.email, 'X'));
    assert.equal((await resetMails(server, unknown)).length, 0);
    assert.ok((await resetMails(server, p.email)).length >= 1);

    const bad = await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: 'not an address' }, headers: csrfPair() });
    assert.equal(bad.status, 422);
    assert.ok(JSON.stringify(bad.json).includes('email'));
    const missing = await api(server.base, 'POST', '/api/v1/password-resets', { body: {}, headers: csrfPair() });
    assert.equal(missing.status, 422);
    const nonsense = await api(server.base, 'POST', `/api/v1/password-resets/${'0'.repeat(64)}`, { body: { password: newPassword }, headers: csrfPair() });
    assert.equal(nonsense.status, 404);
  });

  test('a link older than an hour is refused with words; at most 3 mails an hour per account, the answer unchanged', async () => {
    const p = await proposer(server, 'Eli Expired');
    const r = await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: p.email }, headers: csrfPair() });
    assert.equal(r.status, 202);
    const token = await linkInMail(server, p.email, 'password-reset');
    await moveClock(server, 61 * 60);
    try {
      const late = await api(server.base, 'POST', `/api/v1/password-resets/${token}`, { body: { password: newPassword }, headers: csrfPair() });
      assert.equal(late.status, 410);
      assert.match(late.json.detail, /expired on .* Ask for a new one/);
      const page = await new Visitor(server.base).get(`/password-reset/${token}`);
      assert.equal(page.status, 410);
      assert.match(page.text, /This password reset link expired on/);
      assert.equal((await new Visitor(server.base).signIn(p.email, oldPassword)).status, 303, 'the password is unchanged');

      for (let i = 0; i < 4; i++) {
        const again = await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: p.email }, headers: csrfPair() });
        assert.equal(again.status, 202);
      }
      assert.equal((await resetMails(server, p.email)).length, 1 + 3, 'the fourth request in the hour sends no mail');
    } finally {
      await moveClock(server, -61 * 60);
    }
  });
});
