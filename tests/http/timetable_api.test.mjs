// The draft timetable through the API, on the demo's regional IGF (61 sessions placed by
// the solver and published): two editors moving one session, a session with a fixed place,
// a move onto it, starts off the grid or outside the edition's days, the lock date, the
// solver run with nothing to place; only the Secretariat of the edition may do any of it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair } from '../support/proposals.mjs';

for (const engine of engines()) {
  describe(`timetable API on ${engine}`, () => {
    let server, edition, empty, rooms, draft;
    const as = (method, path, body, token) =>
      api(server.base, method, path, { token: token === undefined ? server.admin.token : token, body });
    const url = (rest, e = edition) => `/api/v1/editions/${e}${rest}`;
    const session = (code) => draft.sessions.find((s) => s.code === code);
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60, testHooks: true });
      const editions = (await as('GET', '/api/v1/editions')).json.editions;
      edition = editions.find((e) => e.name === 'Regional IGF demo 2027').id;
      empty = editions.find((e) => e.name === 'IGF demo').id;
      rooms = (await as('GET', url('/venue'))).json.rooms;
      draft = (await as('GET', url('/timetable'))).json;
    });
    after(async () => { await server.stop(); });

    test('the demo ships a complete draft without a hard conflict', () => {
      assert.equal(draft.sessions.length, 13, '12 accepted proposals and the opening');
      assert.equal(draft.placed, 13);
      assert.deepEqual(draft.conflicts, []);
      assert.equal(draft.locked, false);
      assert.deepEqual(session('OP1').fixed, { room: rooms[0].id, start: '2027-04-20T09:00' });
    });

    test('a move returns the new version; a second editor over the old one is told, nothing overwritten', async () => {
      const s = draft.sessions.find((x) => x.code !== 'OP1');
      const room = rooms.at(-1).id;
      const first = await as('POST', url('/timetable/moves'), { session: s.id, room, start: '2027-04-22T17:00', version: s.version });
      assert.equal(first.status, 200);
      assert.equal(first.json.version, s.version + 1);
      const second = await as('POST', url('/timetable/moves'), { session: s.id, room, start: '2027-04-21T10:00', version: s.version });
      assert.equal(second.status, 409);
      assert.match(second.json.detail, /Someone else moved/);
      const now = (await as('GET', url('/timetable'))).json.sessions.find((x) => x.id === s.id);
      assert.deepEqual(now.placement, { room, start: '2027-04-22T17:00' });
      // A move that breaks a rule is kept and the conflict is named at once.
      const hall = rooms[0].id;
      const late = await as('POST', url('/timetable/moves'), { session: s.id, room: hall, start: '2027-04-21T13:00', version: now.version });
      assert.equal(late.status, 200);
      const conflicts = (await as('GET', url('/timetable'))).json.conflicts;
      assert.ok(conflicts.some((c) => c.rule === 'window' && c.sessions.includes(s.code)), JSON.stringify(conflicts));
      // Off the grid, then back on it.
      const off = await as('POST', url('/timetable/moves'), { session: s.id, room: null, version: late.json.version });
      assert.equal(off.status, 200);
      assert.equal(off.json.version, 0);
      const back = await as('POST', url('/timetable/moves'), { session: s.id, room, start: '2027-04-22T17:00', version: 0 });
      assert.equal(back.status, 200);
    });

    test('bad moves are named by their field; fixed sessions do not move and nothing lands on them', async () => {
      const s = draft.sessions.find((x) => x.code !== 'OP1');
      const current = (await as('GET', url('/timetable'))).json.sessions.find((x) => x.id === s.id);
      const move = (body) => as('POST', url('/timetable/moves'), { session: s.id, version: current.version, ...body });
      for (const [body, field] of [
        [{ room: rooms[1].id, start: 'tomorrow' }, 'start'],
        [{ room: rooms[1].id, start: '2027-04-21T10:07' }, 'start'],
        [{ room: rooms[1].id, start: '2027-05-01T10:00' }, 'start'],
        [{ room: 999999, start: '2027-04-21T10:00' }, 'room'],
        [{ room: 'one', start: '2027-04-21T10:00' }, 'room'],
      ]) {
        const r = await move(body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.ok(r.json.errors.some((e) => e.field === field), JSON.stringify(r.json));
      }
      assert.equal((await as('POST', url('/timetable/moves'), { session: 'x' })).status, 422);
      assert.equal((await as('POST', url('/timetable/moves'), { session: 999999, room: null })).status, 404);
      const opening = session('OP1');
      const fixed = await as('POST', url('/timetable/moves'), { session: opening.id, room: rooms[1].id, start: '2027-04-21T10:00', version: opening.version });
      assert.equal(fixed.status, 409);
      assert.match(fixed.json.detail, /OP1 has a fixed placement/);
      const onto = await move({ room: rooms[0].id, start: '2027-04-20T10:00' });
      assert.equal(onto.status, 409);
      assert.match(onto.json.detail, /OP1 is fixed in that room/);
      const after = (await as('GET', url('/timetable'))).json.sessions.find((x) => x.id === s.id);
      assert.deepEqual(after.placement, current.placement, 'nothing was stored');
    });

    test('the solver completes the timetable; with nothing to place it says so', async () => {
      const r = await as('POST', url('/timetable/complete'), { keep_placed: false, time_limit: 2 });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      assert.equal(r.json.placed, 13);
      assert.deepEqual(r.json.unplaced, []);
      assert.ok(r.json.lower_bound <= r.json.total);
      assert.deepEqual((await as('GET', url('/timetable'))).json.conflicts, []);
      const none = await as('POST', url('/timetable/complete', empty), {});
      assert.equal(none.status, 422);
      assert.ok(none.json.errors.some((e) => e.field === 'sessions'));
      const bad = await as('POST', url('/timetable/complete'), { keep_placed: 'yes', time_limit: 1000 });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['keep_placed', 'time_limit']);
    });

    test('from the lock date nothing moves', async () => {
      const bad = await as('PUT', url('/timetable/settings'), { locked_from: 'soon', granularity: 7 });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['granularity', 'locked_from']);
      const set = await as('PUT', url('/timetable/settings'), { locked_from: '2020-01-01T00:00:00Z' });
      assert.equal(set.status, 200);
      assert.equal(set.json.locked_from, '2020-01-01T00:00:00Z');
      const s = (await as('GET', url('/timetable'))).json.sessions.find((x) => x.code !== 'OP1');
      const r = await as('POST', url('/timetable/moves'), { session: s.id, room: s.placement.room, start: '2027-04-22T18:00', version: s.version });
      assert.equal(r.status, 409);
      assert.match(r.json.detail, /locked/);
      assert.equal((await as('POST', url('/timetable/complete'), {})).status, 409);
      assert.equal((await as('PUT', url('/timetable/settings'), { locked_from: '' })).status, 200);
    });

    test('only the Secretariat of the edition reads or changes the draft', async () => {
      const member = new Visitor(server.base);
      assert.equal((await member.signIn(server.demoMember.email, server.demoMember.password)).status, 303);
      assert.equal((await member.get(url('/timetable'))).status, 403);
      assert.equal((await as('GET', url('/timetable'), undefined, null)).status, 401);
      assert.equal((await api(server.base, 'POST', url('/timetable/moves'), { body: { session: 1, room: null }, headers: csrfPair() })).status, 401);
    });
  });
}
