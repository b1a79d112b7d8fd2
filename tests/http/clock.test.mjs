// The server's clock decides every deadline and expiry. Tests move it through the test
// hooks (a build made with them, started with CONVENE_TEST_HOOKS=1) to cross them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { openCall, proposer, workshop, csrfPair, linkInMail } from '../support/proposals.mjs';

const day = 86400;

for (const engine of engines()) {
  describe(`the server's clock on ${engine}`, () => {
    let server;
    before(async () => { server = await startServer(engine, { testHooks: true }); });
    after(async () => { await server.stop(); });

    test('an hour after the call closes, a save is refused and the draft stays as it was', async () => {
      const edition = await openCall(server, { closesInSeconds: 3600 });
      const p = await proposer(server);
      const draft = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body: { ...workshop('Access'), description: 'Before the deadline' } });
      assert.equal(draft.status, 201);
      await moveClock(server, 2 * 3600);
      try {
        const late = await api(server.base, 'PUT', `/api/v1/proposals/${draft.json.id}`, { token: p.token, body: { ...workshop('Access'), description: 'After the deadline', version: 1 } });
        assert.equal(late.status, 409);
        assert.match(late.json.title, /call is closed/);
        const kept = await api(server.base, 'GET', `/api/v1/proposals/${draft.json.id}`, { token: p.token });
        assert.equal(kept.json.description, 'Before the deadline');
      } finally {
        await moveClock(server, -2 * 3600);
      }
    });

    test('links expire: confirmation after 3 days, co-organiser invitation after 14', async () => {
      const email = `late.${engine}@clock.test`;
      await api(server.base, 'POST', '/api/v1/registrations', { body: { name: 'Lee Late', email, password: 'a long enough password' }, headers: csrfPair() });
      const link = await linkInMail(server, email);
      const edition = await openCall(server, { closesInSeconds: 60 * day });
      const p = await proposer(server);
      const created = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body: workshop('Access') });
      const friend = await proposer(server, 'Fay Friend');
      await api(server.base, 'POST', `/api/v1/proposals/${created.json.id}/co-organisers`, { token: p.token, body: { email: friend.email } });
      const invitation = await linkInMail(server, friend.email, 'co-organise');
      await moveClock(server, 4 * day);
      try {
        const expired = await api(server.base, 'POST', `/api/v1/verifications/${link}`, { body: { password: 'a long enough password' }, headers: csrfPair() });
        assert.equal(expired.status, 410);
        assert.match(expired.json.detail, /expired/);
        assert.equal((await new Visitor(server.base).get(`/co-organise/${invitation}`)).status, 200, 'the invitation still works after 4 days');
        await moveClock(server, 11 * day);
        assert.equal((await new Visitor(server.base).get(`/co-organise/${invitation}`)).status, 410, 'and no longer after 15');
      } finally {
        await moveClock(server, -15 * day);
      }
    });
  });
}

describe('without the test hooks', () => {
  test('the clock cannot be moved', async () => {
    const server = await startServer('sqlite');
    try {
      const r = await fetch(`${server.base}/_test/clock`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin.token}` }, body: '{"advance_seconds": 86400}' });
      assert.equal(r.status, 404);
    } finally {
      await server.stop();
    }
  });
});
