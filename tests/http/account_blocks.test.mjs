// Blocked accounts: the Secretariat blocks an account with a reason (kept as history) and
// unblocks it; a blocked account is refused at once everywhere (sign-in, its sessions,
// API tokens, calendar address, links mailed to it, the captioner tokens it made), its
// requests waiting in live rooms' queues are withdrawn (the rooms' followers hear it),
// and it can neither chair nor caption. Nobody blocks their own account, and two
// administrators blocking each other at once leave one.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, proposer, linkInMail } from '../support/proposals.mjs';
import { eventReader } from '../support/events.mjs';

const password = 'a long enough password';

for (const engine of engines()) {
  describe(`blocked accounts on ${engine}`, () => {
    let server, adminId;
    const as = (who, method, path, body) => api(server.base, method, path, { token: who.token, body });
    const block = (who, id, body) => as(who, 'POST', `/api/v1/accounts/${id}/block`, body);
    const unblock = (who, id, body) => as(who, 'POST', `/api/v1/accounts/${id}/unblock`, body);
    const mailsTo = async (email) =>
      (await as(server.admin, 'GET', '/api/v1/outbox')).json.messages.filter((m) => m.recipient === email).length;

    before(async () => {
      server = await startServer(engine);
      adminId = (await as(server.admin, 'GET', '/api/v1/me')).json.id;
    });
    after(async () => { await server.stop(); });

    test('bad inputs: no reason, a blank or too long one, an unknown account, a non-admin, oneself', async () => {
      const p = await proposer(server, 'Ina Input');
      for (const body of [{}, { reason: '' }, { reason: '  \n ' }, { reason: 42 }, { reason: 'x'.repeat(1001) }, []]) {
        const r = await block(server.admin, p.id, body);
        assert.equal(r.status, 422, `${JSON.stringify(body).slice(0, 40)}: ${r.text}`);
        assert.deepEqual(r.json.errors.map((e) => e.field), ['reason']);
      }
      assert.match((await block(server.admin, p.id, { reason: 'x'.repeat(1001) })).text, /1001 characters long; the limit is 1000/);
      assert.equal((await block(server.admin, 99999999, { reason: 'Spam' })).status, 404);
      assert.equal((await as(server.admin, 'GET', '/api/v1/accounts/99999999')).status, 404);
      const other = await proposer(server, 'Otto Other');
      assert.equal((await block(other, p.id, { reason: 'I do not like them' })).status, 403);
      assert.equal((await unblock(other, p.id, { reason: 'x' })).status, 403);
      assert.equal((await as(other, 'GET', `/api/v1/accounts/${p.id}`)).status, 403);
      assert.equal((await api(server.base, 'POST', `/api/v1/accounts/${p.id}/block`, { body: { reason: 'x' }, headers: csrfPair() })).status, 401);
      const self = await block(server.admin, adminId, { reason: 'Testing' });
      assert.equal(self.status, 409);
      assert.match(self.json.detail, /your own account/);
      assert.equal((await unblock(server.admin, p.id, { reason: 'Never blocked' })).status, 409);
      // Nothing of the above blocked anybody.
      assert.equal((await as(p, 'GET', '/api/v1/me')).status, 200);
      assert.deepEqual((await as(server.admin, 'GET', `/api/v1/accounts/${p.id}`)).json.blocks, []);
    });

    test('a block ends sessions, API tokens, the calendar address and mailed links at once; sign-in says so only to the password', async () => {
      const p = await proposer(server, 'Bea Blocked');
      const browser = new Visitor(server.base);
      assert.equal((await browser.signIn(p.email, password)).status, 303);
      assert.equal((await browser.get('/account')).status, 200);
      const edition = (await as(server.admin, 'POST', '/api/v1/editions', { name: 'IGF Blocks', year: 2035, start_date: '2035-06-01', end_date: '2035-06-03', time_zone: 'UTC', venue: 'Riyadh' })).json.id;
      const calendar = await as(p, 'POST', `/api/v1/editions/${edition}/agenda/calendar`, {});
      assert.equal(calendar.status, 201, calendar.text);
      const feed = new URL(calendar.json.url).pathname;
      assert.equal((await api(server.base, 'GET', feed)).status, 200);
      await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: p.email }, headers: csrfPair() });
      const reset = await linkInMail(server, p.email, 'password-reset');

      const blocked = await block(server.admin, p.id, { reason: '  Posted private addresses of other participants.  ' });
      assert.equal(blocked.status, 200, blocked.text);
      assert.equal(blocked.json.blocked, true);
      assert.equal(blocked.json.blocks.length, 1);
      assert.equal(blocked.json.blocks[0].reason, 'Posted private addresses of other participants.');
      assert.equal(blocked.json.blocks[0].blocked_by, adminId);
      assert.equal(blocked.json.blocks[0].blocked_by_name, 'Ada Admin');
      assert.equal(blocked.json.blocks[0].in_force, true);
      assert.equal(blocked.json.blocks[0].unblocked_at, null);
      assert.equal((await block(server.admin, p.id, { reason: 'Again' })).status, 409);
      assert.equal((await as(server.admin, 'GET', '/api/v1/accounts')).json.accounts.find((a) => a.id === p.id).blocked, true);

      // Refused on the very next request.
      assert.equal((await as(p, 'GET', '/api/v1/me')).status, 401);
      const page = await browser.get('/account');
      assert.equal(page.status, 303);
      assert.match(page.headers.get('location'), /^\/login/);
      assert.equal((await api(server.base, 'GET', feed)).status, 404);
      // Signing in: the right password hears that the account is blocked (never why); a
      // wrong one hears what everybody hears.
      const refused = await new Visitor(server.base).signIn(p.email, password);
      assert.equal(refused.status, 403);
      assert.match(refused.text, /This account is blocked and cannot sign in/);
      assert.ok(!refused.text.includes('private addresses'), 'the reason stays with the Secretariat');
      const wrong = await new Visitor(server.base).signIn(p.email, 'not the password at all');
      assert.equal(wrong.status, 401);
      assert.doesNotMatch(wrong.text, /blocked/);
      const apiSignIn = await api(server.base, 'POST', '/api/v1/session', { body: `email=${encodeURIComponent(p.email)}&password=${encodeURIComponent(password)}`, headers: { ...csrfPair(), 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(apiSignIn.status, 403);
      // Links: the reset link sent before opens nothing; asking for another sends none,
      // with the answer everybody gets; registering the address again sends nothing.
      assert.equal((await new Visitor(server.base).get(`/password-reset/${reset}`)).status, 410);
      const use = await api(server.base, 'POST', `/api/v1/password-resets/${reset}`, { body: { password: 'a brand new long password' }, headers: csrfPair() });
      assert.equal(use.status, 410);
      assert.match(use.json.detail, /can no longer be used/);
      const before = await mailsTo(p.email);
      assert.equal((await api(server.base, 'POST', '/api/v1/password-resets', { body: { email: p.email }, headers: csrfPair() })).status, 202);
      assert.equal((await api(server.base, 'POST', '/api/v1/registrations', { body: { name: 'Bea Again', email: p.email, password: 'another long password' }, headers: csrfPair() })).status, 202);
      assert.equal(await mailsTo(p.email), before, 'no mail to a blocked account');
    });

    test('unblocking lets the owner sign in again; what the block ended stays ended; the history keeps every step', async () => {
      const p = await proposer(server, 'Uma Unblocked');
      assert.equal((await block(server.admin, p.id, { reason: 'Shared the account with a stranger.' })).status, 200);
      assert.equal((await unblock(server.admin, p.id, {})).status, 422);
      const lifted = await unblock(server.admin, p.id, { reason: 'Talked it through; the password is changed.' });
      assert.equal(lifted.status, 200, lifted.text);
      assert.equal(lifted.json.blocked, false);
      assert.equal(lifted.json.blocks[0].in_force, false);
      assert.equal(lifted.json.blocks[0].unblock_reason, 'Talked it through; the password is changed.');
      assert.equal(lifted.json.blocks[0].unblocked_by_name, 'Ada Admin');
      assert.ok(lifted.json.blocks[0].unblocked_at >= lifted.json.blocks[0].blocked_at);
      assert.equal((await unblock(server.admin, p.id, { reason: 'Twice' })).status, 409);
      assert.equal((await new Visitor(server.base).signIn(p.email, password)).status, 303);
      assert.equal((await as(p, 'GET', '/api/v1/me')).status, 401, 'the old API token stays revoked');
      assert.equal((await block(server.admin, p.id, { reason: 'Did it again.' })).status, 200);
      const record = (await as(server.admin, 'GET', `/api/v1/accounts/${p.id}`)).json;
      assert.deepEqual(record.blocks.map((b) => [b.reason, b.in_force]), [['Did it again.', true], ['Shared the account with a stranger.', false]]);
      const audit = (await as(server.admin, 'GET', '/api/v1/audit')).json.entries.filter((e) => e.subject === `account ${p.id}`).map((e) => e.action);
      assert.deepEqual(audit.filter((a) => a.includes('block')).sort(), ['account.block', 'account.block', 'account.unblock']);
    });

    test('live rooms: waiting requests are withdrawn and followers hear it; a blocked person neither asks, chairs nor captions', { timeout: 20000 }, async () => {
      const edition = (await as(server.admin, 'POST', '/api/v1/editions', { name: 'IGF Live Blocks', year: 2036, start_date: '2036-06-01', end_date: '2036-06-03', time_zone: 'UTC', venue: 'Oslo' })).json.id;
      const chair = await proposer(server, 'Cleo Chair');
      const ann = await proposer(server, 'Ann Asker');
      const bob = await proposer(server, 'Bob Blocked');
      const rooms = [];
      for (const title of ['Open consultation', 'Coordination call']) {
        const r = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title, chairs: [chair.email] });
        assert.equal(r.status, 201, r.text);
        rooms.push(r.json.id);
      }
      const room = (id, rest = '') => `/api/v1/editions/${edition}/live-rooms/${id}${rest}`;
      for (const id of rooms) {
        assert.equal((await as(ann, 'POST', room(id, '/queue'), { where: 'online' })).status, 201);
        assert.equal((await as(bob, 'POST', room(id, '/queue'), { where: 'onsite' })).status, 201);
      }
      assert.equal((await api(server.base, 'POST', room(rooms[0], '/queue'), { body: {}, headers: csrfPair() })).status, 401, 'signed out: refused');
      const cart = (await as(chair, 'POST', room(rooms[0], '/captioner-tokens'), { label: 'CART', days: 1 })).json.token;
      const push = (seq) => api(server.base, 'POST', `/api/v1/captions?token=${cart}&seq=${seq}&lang=en`, { body: `line ${seq}`, headers: { 'content-type': 'text/plain' } });
      assert.equal((await push(1)).status, 200);

      const controller = new AbortController();
      const follower = await fetch(server.base + `/live/live-room-${rooms[1]}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      const next = eventReader(follower);
      const before = (await api(server.base, 'GET', room(rooms[1]))).json.version;
      assert.equal((await block(server.admin, bob.id, { reason: 'Abuse in the chat.' })).status, 200);
      const heard = await next();
      assert.equal(heard.event, 'live.queue');
      assert.equal(heard.version, before + 1);
      assert.match(heard.text, /1 waiting/);
      controller.abort();
      for (const id of rooms) {
        const state = (await api(server.base, 'GET', room(id))).json;
        assert.deepEqual(state.waiting.map((w) => w.name), ['Ann Asker'], `room ${id}`);
      }
      assert.equal((await as(bob, 'POST', room(rooms[0], '/queue'), {})).status, 401);

      assert.equal((await block(server.admin, chair.id, { reason: 'Left the MAG in a dispute.' })).status, 200);
      assert.equal((await as(chair, 'POST', room(rooms[0], '/chair'), { action: 'next' })).status, 401);
      assert.equal((await push(2)).status, 403, 'the captioner token the blocked chair made is revoked');
      const named = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: 'Another', chairs: [chair.email] });
      assert.equal(named.status, 422);
      assert.ok(named.json.errors.some((e) => e.field === 'chairs' && /blocked/.test(e.message)), named.text);
      const captioner = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: 'Another', chairs: [ann.email], captioners: [bob.email] });
      assert.equal(captioner.status, 422);
      assert.ok(captioner.json.errors.some((e) => e.field === 'captioners'), captioner.text);
      // Unblocked, the chair chairs again (with a new sign-in).
      assert.equal((await unblock(server.admin, chair.id, { reason: 'Settled.' })).status, 200);
      const back = new Visitor(server.base);
      assert.equal((await back.signIn(chair.email, password)).status, 303);
      await back.get(`/editions/${edition}/live-rooms/${rooms[0]}`);
      assert.equal((await back.post(`/editions/${edition}/live-rooms/${rooms[0]}/chair`, { action: 'next' })).status, 303);
    });

    test("the Secretariat's pages: the list links each account; its page blocks and unblocks, keeping what was typed", async () => {
      const p = await proposer(server, 'Pia Page');
      const admin = new Visitor(server.base);
      assert.equal((await admin.signIn(server.admin.email, server.admin.password)).status, 303);
      const list = await admin.get('/admin/accounts');
      assert.match(list.text, new RegExp(`<a href="/admin/accounts/${p.id}">Pia Page</a>`));
      const page = await admin.get(`/admin/accounts/${p.id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Block this account/);
      assert.match(page.text, /never been blocked/);
      const missing = await admin.post(`/admin/accounts/${p.id}/block`, { reason: '' });
      assert.equal(missing.status, 422);
      assert.match(missing.text, /Reason is required/);
      const long = 'A long story. '.repeat(80);
      const tooLong = await admin.post(`/admin/accounts/${p.id}/block`, { reason: long });
      assert.equal(tooLong.status, 422);
      assert.ok(tooLong.text.includes(long.trim()), 'the reason as typed comes back');
      const done = await admin.post(`/admin/accounts/${p.id}/block`, { reason: 'Impersonated a speaker.' });
      assert.equal(done.status, 303);
      const after = await admin.get(done.headers.get('location'));
      assert.match(after.text, /The account is blocked/);
      assert.match(after.text, /Impersonated a speaker\./);
      assert.match(after.text, /Unblock this account/);
      assert.match((await admin.get('/admin/accounts')).text, /<strong>Blocked<\/strong>/);
      const lifted = await admin.post(`/admin/accounts/${p.id}/unblock`, { reason: 'It was a namesake.' });
      assert.equal(lifted.status, 303);
      assert.match((await admin.get(lifted.headers.get('location'))).text, /It was a namesake\./);
      const own = await admin.get(`/admin/accounts/${adminId}`);
      assert.match(own.text, /your own account/);
      assert.doesNotMatch(own.text, /action="\/admin\/accounts\/\d+\/block"/);
      const forced = await admin.post(`/admin/accounts/${adminId}/block`, { reason: 'Me' });
      assert.equal(forced.status, 409);
      assert.match(forced.text, /cannot block your own account/);
      const member = new Visitor(server.base);
      await member.signIn(p.email, password);
      assert.equal((await member.get(`/admin/accounts/${p.id}`)).status, 403);
    });

    // Last: the loser's API token stays revoked.
    test('two administrators blocking each other at once leave one of them able to unblock', { timeout: 20000 }, async () => {
      const made = cli(server.databaseUrl, ['user', 'add', '--email', 'second.admin@test.example', '--name', 'Sam Second', '--password', 'another correct horse battery', '--role', 'admin', '--token']);
      const second = { token: made.match(/API token: (\w+)/)[1] };
      const secondId = (await as(second, 'GET', '/api/v1/me')).json.id;
      const [a, b] = await Promise.all([block(server.admin, secondId, { reason: 'Race' }), block(second, adminId, { reason: 'Race' })]);
      const statuses = [a.status, b.status];
      assert.equal(statuses.filter((s) => s === 200).length, 1, `exactly one block: ${statuses} ${a.text} ${b.text}`);
      assert.ok(statuses.every((s) => [200, 401, 403, 409].includes(s)), statuses.join());
      const [winner, loserId] = a.status === 200 ? [server.admin, secondId] : [second, adminId];
      assert.equal((await as(winner, 'GET', '/api/v1/accounts')).status, 200, 'an administrator is left');
      assert.equal((await unblock(winner, loserId, { reason: 'A test race, over.' })).status, 200);
      assert.equal((await block(winner, winner === second ? secondId : adminId, { reason: 'Myself' })).status, 409);
    });
  });
}
