// Publishing the timetable of the demo's regional IGF (published as version 1): a move of
// a published session is a change its organisers accept or decline by a mailed link,
// while the public keeps the old placement; links work once, only with their token,
// until they expire; the Secretariat imposes only with a reason, or withdraws; from the
// lock date nothing published moves; every version is kept and two are compared.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, linkInMail, openCall, proposer } from '../support/proposals.mjs';

const minutes = (local) => Date.parse(local + ':00Z') / 60000;
const local = (m) => new Date(m * 60000).toISOString().slice(0, 16);

for (const engine of engines()) {
  describe(`publishing the timetable on ${engine}`, () => {
    let server, edition, secretariat, sessions;
    const as = (method, path, body, token) =>
      api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: token === undefined ? server.admin.token : token, body });
    const consent = (token, answer) => api(server.base, answer ? 'POST' : 'GET', `/api/v1/consent/${token}`,
      { body: answer ? { answer } : undefined, headers: csrfPair() });
    const draft = async () => (await as('GET', '/timetable')).json.sessions;
    const used = new Set();
    // A placed session not used by an earlier test, with organisers to ask.
    const pick = async () => {
      for (const s of await draft()) {
        if (!s.placement || s.fixed || used.has(s.id) || !/^[A-Z]+\d+$/.test(s.code) || s.code === 'OP1') continue;
        used.add(s.id);
        return s;
      }
      throw new Error('no session left to move');
    };
    // Moves it an hour later in its room (the grid reports conflicts; it does not refuse them).
    const move = async (s, by = 60) => {
      const start = local(minutes(s.placement.start) + by);
      const r = await as('POST', '/timetable/moves', { session: s.id, room: s.placement.room, start, version: s.version });
      assert.equal(r.status, 200, r.text);
      return { room: s.placement.room, start };
    };
    const publish = async () => {
      const r = await as('POST', '/timetable/publish');
      assert.equal(r.status, 200, r.text);
      return r.json;
    };
    const changeOf = async (id, status = 'all') =>
      (await as('GET', `/timetable/changes?status=${status}`)).json.changes.find((c) => c.id === id);
    const linksOf = async (change) => Promise.all(change.asked.map((a) => linkInMail(server, a.email, 'consent')));

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60, testHooks: true });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
      edition = editions.find((e) => e.name === 'Regional IGF demo 2027').id;
      secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
      sessions = await draft();
    });
    after(async () => { await server.stop(); });

    test('the demo ships version 1; publishing an unchanged draft records nothing new', async () => {
      const versions = (await as('GET', '/timetable/versions')).json.versions;
      assert.deepEqual(versions.map((v) => v.number), [1]);
      const done = await publish();
      assert.deepEqual(done, { version: 1, recorded: false, added: 0, removed: 0, changes: [] });
      assert.ok(sessions.filter((s) => s.placement).length > 5);
    });

    test('a move of a published session waits for its organisers; one accepts by the mailed link', async () => {
      const s = await pick();
      const to = await move(s);
      const done = await publish();
      assert.equal(done.recorded, false, 'the public timetable did not change');
      assert.equal(done.changes.length, 1);
      const change = await changeOf(done.changes[0], 'pending');
      assert.equal(change.session, s.id);
      assert.deepEqual([change.from.room, change.from.start], [s.placement.room, s.placement.start]);
      assert.deepEqual([change.to.room, change.to.start], [to.room, to.start]);
      assert.ok(change.asked.length >= 1, 'its organisers were asked');
      assert.equal((await as('GET', '/timetable/versions')).json.versions.length, 1, 'published unchanged');
      const publicStart = async () => (await api(server.base, 'GET', `/api/v1/editions/${edition}/programme/${s.code}`)).json.start;
      assert.equal(await publicStart(), s.placement.start, 'the public programme keeps the old placement');
      const sequence = change.sequence;
      const [token, other] = await linksOf(change);
      // Opening the link changes nothing and says what changes, in words.
      const page = await new Visitor(server.base).get(`/consent/${token}`);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(change.from.text) && page.text.includes(change.to.text));
      assert.equal((await changeOf(change.id)).status, 'pending');
      const r = await consent(token, 'accept');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'accepted');
      assert.equal(r.json.sequence, sequence + 1, 'SEQUENCE bumped');
      assert.equal(await publicStart(), to.start, 'the public programme shows the new placement');
      const ics = await fetch(`${server.base}/editions/${edition}/programme.ics`).then((x) => x.text());
      const event = ics.split('BEGIN:VEVENT').find((v) => v.includes(`UID:session-${s.id}@`));
      assert.match(event, new RegExp(`SEQUENCE:${sequence + 1}\\r?\\n`), 'the calendar feed carries the new SEQUENCE');
      const versions = (await as('GET', '/timetable/versions')).json.versions;
      assert.equal(versions[0].number, 2);
      assert.match(versions[0].note, new RegExp(`${s.code} moved, accepted by `));
      const diff = (await as('GET', '/timetable/versions/1/diff/2')).json;
      assert.deepEqual(diff.moved.map((m) => [m.code, m.from.start, m.to.start]), [[s.code, s.placement.start, to.start]]);
      assert.deepEqual([diff.added, diff.cancelled], [[], []]);
      // Used once; the change's other links die with the answer; a forged one is unknown.
      const again = await consent(token, 'decline');
      assert.equal(again.status, 410);
      assert.match(again.json.detail, /used on/);
      if (other) assert.equal((await consent(other, 'decline')).status, 410);
      assert.equal((await consent('ab'.repeat(32), 'accept')).status, 404);
      assert.equal((await new Visitor(server.base).get(`/consent/${'ab'.repeat(32)}`)).status, 404);
      assert.equal((await changeOf(change.id)).status, 'accepted');
    });

    test('an organiser declines: nothing published moves and the draft goes back', async () => {
      const s = await pick();
      await move(s);
      const done = await publish();
      const change = await changeOf(done.changes[0]);
      const [token] = await linksOf(change);
      const page = await new Visitor(server.base).get(`/consent/${token}`);
      const r = await new Visitor(server.base).post(`/consent/${token}`, { answer: 'decline' }, { csrf: null });
      assert.notEqual(r.status, 200, 'a form without its CSRF token is refused');
      assert.equal((await changeOf(change.id)).status, 'pending', 'and nothing is answered');
      const visitor = new Visitor(server.base);
      await visitor.get(`/consent/${token}`);
      const answered = await visitor.post(`/consent/${token}`, { answer: 'decline' });
      assert.equal(answered.status, 200);
      assert.match(answered.text, /you declined/);
      assert.ok(page.text.includes('Decline the change'));
      assert.equal((await changeOf(change.id)).status, 'declined');
      const back = (await draft()).find((x) => x.id === s.id);
      assert.deepEqual(back.placement, s.placement, 'the draft is back at the published placement');
      assert.equal((await as('GET', '/timetable/versions')).json.versions.length, 2, 'no new version');
    });

    test('a link expires after 14 days (on the server clock)', async () => {
      const s = await pick();
      await move(s);
      const change = await changeOf((await publish()).changes[0]);
      const [token] = await linksOf(change);
      await moveClock(server, 15 * 86400);
      try {
        const late = await consent(token, 'accept');
        assert.equal(late.status, 410);
        assert.match(late.json.detail, /expired/);
        assert.equal((await new Visitor(server.base).get(`/consent/${token}`)).status, 410);
      } finally {
        await moveClock(server, -15 * 86400);
      }
      assert.equal((await changeOf(change.id)).status, 'pending', 'nothing changed');
      // The Secretariat withdraws it: the draft goes back, the link is dead.
      const w = await as('POST', `/timetable/changes/${change.id}/withdraw`);
      assert.equal(w.status, 200);
      assert.equal(w.json.status, 'withdrawn');
      assert.deepEqual((await draft()).find((x) => x.id === s.id).placement, s.placement);
      const dead = await consent(token, 'accept');
      assert.equal(dead.status, 410);
      assert.match(dead.json.detail, /withdrawn/);
    });

    test('the Secretariat imposes only with a written reason, which the organisers are mailed', async () => {
      const s = await pick();
      const to = await move(s);
      const change = await changeOf((await publish()).changes[0]);
      const empty = await as('POST', `/timetable/changes/${change.id}/impose`, { reason: '   ' });
      assert.equal(empty.status, 422);
      assert.deepEqual(empty.json.errors.map((e) => e.field), ['reason']);
      await secretariat.get(`/editions/${edition}/timetable/changes`);
      const form = await secretariat.post(`/editions/${edition}/timetable/changes/${change.id}/impose`, { reason: '' });
      assert.equal(form.status, 422);
      assert.match(form.text, /Write the reason the organisers will read/);
      assert.equal((await changeOf(change.id)).status, 'pending', 'nothing imposed');
      const ok = await secretariat.post(`/editions/${edition}/timetable/changes/${change.id}/impose`, { reason: 'The room floods on Tuesdays.' });
      assert.equal(ok.status, 303);
      const imposed = await changeOf(change.id);
      assert.equal(imposed.status, 'imposed');
      assert.equal(imposed.reason, 'The room floods on Tuesdays.');
      const versions = (await as('GET', '/timetable/versions')).json.versions;
      assert.match(versions[0].note, /imposed by the Secretariat: The room floods on Tuesdays\./);
      const diff = (await as('GET', `/timetable/versions/${versions[1].number}/diff/${versions[0].number}`)).json;
      assert.deepEqual(diff.moved.map((m) => [m.code, m.to.start]), [[s.code, to.start]]);
      const outbox = (await api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token })).json.messages;
      for (const a of change.asked) {
        const mail = outbox.find((m) => m.recipient === a.email && m.subject.includes(`${s.code} moved by the Secretariat`));
        assert.ok(mail, `the reason mailed to ${a.email}`);
        assert.match(mail.body, /Their reason: The room floods on Tuesdays\./);
      }
      assert.equal((await as('POST', `/timetable/changes/${change.id}/impose`, { reason: 'again' })).status, 409);
    });

    test('a later publication replaces a pending change; the first link dies', async () => {
      const s = await pick();
      await move(s);
      const first = await changeOf((await publish()).changes[0]);
      const [oldToken] = await linksOf(first);
      const moved = (await draft()).find((x) => x.id === s.id);
      await move(moved, 30);
      const second = await publish();
      assert.equal(second.changes.length, 1);
      assert.equal((await changeOf(first.id)).status, 'withdrawn');
      assert.equal((await changeOf(second.changes[0])).status, 'pending');
      assert.equal((await consent(oldToken, 'accept')).status, 410);
      assert.equal((await as('POST', `/timetable/changes/${second.changes[0]}/withdraw`)).status, 200);
      await secretariat.get(`/editions/${edition}/timetable/changes`);
      const twice = await secretariat.post(`/editions/${edition}/timetable/changes/${second.changes[0]}/withdraw`, {});
      assert.equal(twice.status, 409);
      assert.match(twice.text, /no longer waiting/);
      assert.match(twice.text, /href="#pending"/);
    });

    test('two officers publishing at once ask the organisers once', async () => {
      const s = await pick();
      await move(s);
      const both = await Promise.all([as('POST', '/timetable/publish'), as('POST', '/timetable/publish')]);
      for (const r of both) assert.ok([200, 409].includes(r.status), r.text);
      const pending = (await as('GET', '/timetable/changes')).json.changes.filter((c) => c.session === s.id);
      assert.equal(pending.length, 1, 'one change waits');
      assert.equal((await as('POST', `/timetable/changes/${pending[0].id}/withdraw`)).status, 200);
    });

    test('a session taken off and put back is removed, then added, with the versions to compare', async () => {
      const s = await pick();
      const off = await as('POST', '/timetable/moves', { session: s.id, room: null, version: s.version });
      assert.equal(off.status, 200, off.text);
      const removed = await publish();
      assert.equal(removed.removed, 1);
      assert.equal(removed.recorded, true);
      const back = await as('POST', '/timetable/moves', { session: s.id, room: s.placement.room, start: s.placement.start, version: 0 });
      assert.equal(back.status, 200, back.text);
      const added = await publish();
      assert.equal(added.added, 1);
      const diff = (await as('GET', `/timetable/versions/${removed.version}/diff/${added.version}`)).json;
      assert.deepEqual(diff.added.map((x) => x.code), [s.code]);
      const gone = (await as('GET', `/timetable/versions/${added.version - 2}/diff/${removed.version}`)).json;
      assert.deepEqual(gone.cancelled.map((x) => x.code), [s.code]);
      const page = await secretariat.get(`/editions/${edition}/timetable/versions/${removed.version}/diff/${added.version}`);
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`<th scope="row">${s.code} `));
      const form = await secretariat.get(`/editions/${edition}/timetable/versions/diff?from=1&to=${added.version}`);
      assert.equal(form.status, 303);
      assert.equal(form.headers.get('location'), `/editions/${edition}/timetable/versions/1/diff/${added.version}`);
      assert.equal((await as('GET', '/timetable/versions/1/diff/999')).status, 404);
    });

    test('from the lock date: publishing a move and imposing are refused; earlier links still work', async () => {
      const early = await pick(), second = await pick();
      await move(early);
      await move(second);
      const made = await Promise.all((await publish()).changes.map((id) => changeOf(id)));
      const change = made.find((c) => c.session === early.id), secondChange = made.find((c) => c.session === second.id);
      const [token] = await linksOf(change);
      const [secondToken] = await linksOf(secondChange);
      const later = await pick();
      await move(later);
      await new Promise((r) => setTimeout(r, 1100));
      const lock = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      assert.equal((await as('PUT', '/timetable/settings', { locked_from: lock })).status, 200);
      try {
        const before = (await as('GET', '/timetable/versions')).json.versions.length;
        const refused = await as('POST', '/timetable/publish');
        assert.equal(refused.status, 409);
        assert.match(refused.json.detail, /locked/);
        const page = await secretariat.post(`/editions/${edition}/timetable/publish`, {});
        assert.equal(page.status, 409);
        assert.match(page.text, /locked/);
        const impose = await as('POST', `/timetable/changes/${change.id}/impose`, { reason: 'Too late' });
        assert.equal(impose.status, 409);
        assert.equal((await as('GET', '/timetable/versions')).json.versions.length, before, 'nothing published');
        const accepted = await consent(token, 'accept');
        assert.equal(accepted.status, 200, 'a change made before the lock may still be accepted');
        // A lock dated before the change: its links no longer work.
        const yesterday = new Date(Date.now() - 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
        assert.equal((await as('PUT', '/timetable/settings', { locked_from: yesterday })).status, 200);
        const refusedLink = await consent(secondToken, 'accept');
        assert.equal(refusedLink.status, 409);
        assert.match(refusedLink.json.detail, /locked/);
        assert.equal((await changeOf(secondChange.id)).status, 'pending', 'nothing changed');
      } finally {
        assert.equal((await as('PUT', '/timetable/settings', { locked_from: '' })).status, 200);
      }
    });

    test('only the Secretariat of the edition publishes and reads the versions and changes', async () => {
      const p = await proposer(server);
      for (const [method, path] of [['POST', '/timetable/publish'], ['GET', '/timetable/versions'],
        ['GET', '/timetable/versions/1/diff/1'], ['GET', '/timetable/changes'], ['POST', '/timetable/changes/1/impose'],
        ['POST', '/timetable/changes/1/withdraw']]) {
        assert.equal((await as(method, path, method === 'POST' ? {} : undefined, p.token)).status, 403, `${method} ${path}`);
        assert.equal((await api(server.base, method, `/api/v1/editions/${edition}${path}`, { body: method === 'POST' ? {} : undefined, headers: csrfPair() })).status, 401);
      }
      const visitor = new Visitor(server.base);
      assert.equal((await visitor.get(`/editions/${edition}/timetable/changes`)).status, 303);
    });

    test('an edition with nothing placed has nothing to publish', async () => {
      const empty = await openCall(server, { name: 'Empty forum' });
      const r = await api(server.base, 'POST', `/api/v1/editions/${empty}/timetable/publish`, { token: server.admin.token });
      assert.equal(r.status, 422);
      assert.deepEqual(r.json.errors.map((e) => e.field), ['timetable']);
    });
  });
}
