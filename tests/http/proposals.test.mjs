// The call for proposals through the API: the Secretariat's call settings, proposers
// registering, drafts, limits, revisions, edit conflicts, double submits and the
// deadline, on both engines.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { workshop, openCall, setCall, proposer, csrfPair } from '../support/proposals.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const engine of engines()) {
  describe(`call for proposals on ${engine}`, () => {
    let server, edition;
    before(async () => {
      server = await startServer(engine);
      edition = await openCall(server);
    });
    after(async () => { await server.stop(); });
    const as = (who, method, path, body) => api(server.base, method, path, { token: who.token, body });

    test('the Secretariat sets the call; bad settings are named; anyone reads it', async () => {
      const admin = server.admin;
      const bad = await as(admin, 'PUT', `/api/v1/editions/${edition}/call`, { opens_at: '2031-13-01', closes_at: '2030-01-01T00:00:00Z', formats: [{ code: 'flash', name: 'Flash', durations: [0] }], colour: 'blue' });
      assert.equal(bad.status, 422);
      const fields = bad.json.errors.map((e) => e.field);
      assert.ok(fields.includes('opens_at') && fields.includes('colour') && fields.includes('formats[0].durations'), fields.join());
      const read = await api(server.base, 'GET', `/api/v1/editions/${edition}/call`);
      assert.equal(read.json.state, 'open');
      assert.deepEqual(read.json.formats.find((f) => f.code === 'flash').durations, [30]);
      assert.deepEqual(read.json.formats.find((f) => f.code === 'panel').durations, [60, 90]);
      assert.equal(read.json.limits.description_words, 250);
      const proposerAccount = await proposer(server);
      assert.equal((await as(proposerAccount, 'PUT', `/api/v1/editions/${edition}/call`, read.json)).status, 403);
      assert.equal((await as(admin, 'PUT', `/api/v1/editions/${edition}/call`, read.json)).status, 200, 'what GET gives, PUT takes');
    });

    test('registration checks every field; a second registration of an address tells its owner by mail', async () => {
      const bad = await api(server.base, 'POST', '/api/v1/registrations', { body: { name: '', email: 'nope', password: 'short' }, headers: csrfPair() });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['email', 'name', 'password']);
      const first = await proposer(server);
      const again = await api(server.base, 'POST', '/api/v1/registrations', { body: { name: 'X', email: first.email.toUpperCase(), password: 'another long password' }, headers: csrfPair() });
      assert.equal(again.status, 202, 'the same answer as for a new address');
      const outbox = await as(server.admin, 'GET', '/api/v1/outbox');
      assert.ok(outbox.json.messages.some((m) => m.recipient === first.email && m.kind === 'account_exists'));
      const signIn = new Visitor(server.base);
      assert.equal((await signIn.signIn(first.email, 'another long password')).status, 401, 'no second account, no new password');
    });

    test('a draft keeps anything typed; over-limit fields come back as warnings naming their limit', async () => {
      const p = await proposer(server);
      const long = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { ...workshop('Access'), title: 'T'.repeat(101), description: 'word '.repeat(251) });
      assert.equal(long.status, 201, 'saved as a draft');
      assert.equal(long.json.title, 'T'.repeat(101));
      const byField = Object.fromEntries(long.json.warnings.map((e) => [e.field, e.message]));
      assert.match(byField.title, /101 characters long; the limit is 100/);
      assert.match(byField.description, /251 words; the limit is 250/);
      const control = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { title: 'Bell\u0007' });
      assert.equal(control.status, 201);
      assert.equal(control.json.warnings[0].field, 'title');
      const nul = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { title: 'Null\u0000' });
      assert.equal(nul.status, 422, 'what no database stores is refused');
      assert.equal(nul.json.errors[0].field, 'title');
      assert.match(nul.json.errors[0].message, /nothing was saved/);
      const badPeople = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { title: 'x', format: 'flash', duration: 60, speakers: [{ name: 'A', email: 'not-mail', country: 'ZZ' }] });
      assert.equal(badPeople.status, 201);
      const fields = badPeople.json.warnings.map((e) => e.field);
      assert.ok(fields.includes('duration') && fields.includes('speakers[0].email') && fields.includes('speakers[0].country'), fields.join());
      assert.match(badPeople.json.warnings.find((e) => e.field === 'duration').message, /lasts 30 minutes, not 60/);
      assert.equal(badPeople.json.speakers[0].country, 'ZZ', 'kept as typed');
      const draft = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { title: '<script>alert(1)</script> half done' });
      assert.equal(draft.status, 201);
      assert.equal(draft.json.status, 'draft');
      assert.equal(draft.json.title, '<script>alert(1)</script> half done', 'stored verbatim');
      const notYet = await as(p, 'PUT', `/api/v1/proposals/${draft.json.id}`, { ...draft.json, submit: true });
      assert.equal(notYet.status, 422, 'an incomplete draft cannot be submitted');
      assert.ok(notYet.json.errors.some((e) => e.field === 'description'));
      const kept = await as(p, 'GET', `/api/v1/proposals/${draft.json.id}`);
      assert.equal(kept.json.status, 'draft');
      assert.equal(kept.json.title, draft.json.title);
    });

    test('a proposal is submitted once, however often the button is pressed', async () => {
      const p = await proposer(server);
      const key = 'tab-1-' + Date.now();
      const body = { ...workshop('Access'), creation_key: key, submit: true };
      const [a, b] = await Promise.all([as(p, 'POST', `/api/v1/editions/${edition}/proposals`, body), as(p, 'POST', `/api/v1/editions/${edition}/proposals`, body)]);
      assert.deepEqual([a.status, b.status].sort(), [200, 201]);
      assert.equal(a.json.id, b.json.id);
      assert.equal(a.json.status, 'submitted');
      const again = await as(p, 'PUT', `/api/v1/proposals/${a.json.id}`, { ...workshop('Access'), version: 1, submit: true });
      assert.equal(again.status, 200, 'the same content sent again is no conflict');
      const mine = await as(p, 'GET', '/api/v1/me/proposals');
      assert.equal(mine.json.proposals.length, 1);
      const outbox = await as(server.admin, 'GET', '/api/v1/outbox');
      const receipts = outbox.json.messages.filter((m) => m.kind === 'receipt' && m.recipient === p.email);
      assert.equal(receipts.length, 1, 'one receipt');
      const invitations = outbox.json.messages.filter((m) => m.kind === 'speaker_invitation' && m.recipient.endsWith('@speakers.test'));
      assert.ok(invitations.length >= 4);
    });

    test('co-organisers edit the same proposal; a stale save is a conflict that shows both versions', async () => {
      const owner = await proposer(server, 'Owner');
      const created = await as(owner, 'POST', `/api/v1/editions/${edition}/proposals`, workshop('Access'));
      const id = created.json.id;
      const co = await proposer(server, 'Co Organiser');
      const invite = await as(owner, 'POST', `/api/v1/proposals/${id}/co-organisers`, { email: co.email });
      assert.equal(invite.status, 201);
      const outbox = await as(server.admin, 'GET', '/api/v1/outbox');
      const link = outbox.json.messages.find((m) => m.recipient === co.email && m.kind === 'co_organiser_invitation').body.match(/\/co-organise\/([0-9a-f]{64})/)[1];
      const browser = new Visitor(server.base);
      await browser.get('/login');
      const signedIn = await browser.post('/api/v1/session', { email: co.email, password: 'a long enough password' });
      assert.equal(signedIn.status, 200);
      await browser.get(`/co-organise/${link}`);
      const accepted = await browser.post(`/co-organise/${link}`, {});
      assert.equal(accepted.status, 303);
      assert.equal((await as(co, 'GET', `/api/v1/proposals/${id}`)).status, 200);

      const stranger = await proposer(server, 'Stranger');
      assert.equal((await as(stranger, 'GET', `/api/v1/proposals/${id}`)).status, 403);
      assert.equal((await as(stranger, 'PUT', `/api/v1/proposals/${id}`, { ...workshop('Access'), version: 1 })).status, 403);

      const ownerSave = await as(owner, 'PUT', `/api/v1/proposals/${id}`, { ...workshop('Access'), title: 'Owner title', version: 1 });
      assert.equal(ownerSave.status, 200);
      assert.equal(ownerSave.json.version, 2);
      const coSave = await as(co, 'PUT', `/api/v1/proposals/${id}`, { ...workshop('Access'), title: 'Co title', version: 1 });
      assert.equal(coSave.status, 409);
      assert.equal(coSave.json.current.title, 'Owner title');
      assert.equal(coSave.json.yours.title, 'Co title');
      assert.deepEqual(coSave.json.changes.map((c) => c.field), ['title']);
      const now = await as(owner, 'GET', `/api/v1/proposals/${id}`);
      assert.equal(now.json.title, 'Owner title', 'nothing overwritten');
      const resolved = await as(co, 'PUT', `/api/v1/proposals/${id}`, { ...workshop('Access'), title: 'Co title', version: coSave.json.current_version });
      assert.equal(resolved.status, 200);
      const revisions = await as(owner, 'GET', `/api/v1/proposals/${id}/revisions`);
      assert.deepEqual(revisions.json.revisions.map((r) => r.version), [3, 2, 1]);
      assert.equal(revisions.json.revisions[0].saved_by, 'Co Organiser');
      const v1 = await as(owner, 'GET', `/api/v1/proposals/${id}/revisions/1`);
      assert.equal(v1.json.title, workshop('Access').title);
      const compare = await browser.get(`/proposals/${id}/compare?from=2&to=3`, { accept: 'application/json' });
      assert.deepEqual(compare.json().changes.map((c) => [c.before, c.after]), [['Owner title', 'Co title']]);
    });

    test('the deadline is the server\'s: one second after it, saving is refused and the draft stays', async () => {
      const late = await openCall(server, { closesInSeconds: 2, name: 'Closing soon' });
      const p = await proposer(server);
      const draft = await as(p, 'POST', `/api/v1/editions/${late}/proposals`, { ...workshop('Access'), description: 'Draft text' });
      assert.equal(draft.status, 201);
      await sleep(3000);
      const refused = await as(p, 'PUT', `/api/v1/proposals/${draft.json.id}`, { ...workshop('Access'), version: 1, submit: true });
      assert.equal(refused.status, 409);
      assert.match(refused.json.detail, /closed on .* UTC/);
      const kept = await as(p, 'GET', `/api/v1/proposals/${draft.json.id}`);
      assert.equal(kept.json.description, 'Draft text');
      assert.equal(kept.json.status, 'draft');
      assert.equal((await as(p, 'POST', `/api/v1/editions/${late}/proposals`, workshop('Access'))).status, 409);
      await setCall(server, late, { closesInSeconds: 3600 });
    });
  });
}
