// Issue #14's programme tried by an attacker and a careless user: wrong JSON types, huge
// and negative numbers, ids of another edition, bad text, huge and deeply nested bodies,
// forged and reused links, forms without their CSRF token, impossible times, races. Every
// answer is a 4xx naming the field (or 404/409), never a 500, and nothing is half-stored.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, linkInMail, openCall, proposer } from '../support/proposals.mjs';

const fields = (r) => (r.json?.errors ?? []).map((e) => e.field);
const refused = (r, what) => {
  assert.ok(r.status >= 400 && r.status < 500, `${what}: ${r.status} ${r.text.slice(0, 300)}`);
};
const named = (r, field, what) => {
  assert.equal(r.status, 422, `${what}: ${r.status} ${r.text.slice(0, 300)}`);
  assert.ok(fields(r).some((f) => f.replace(/[._[]/g, '_').startsWith(field.replace(/[._[]/g, '_'))),
    `${what}: names ${field}: ${r.text.slice(0, 300)}`);
};
// A change made behind the server's back, as a test of what it then refuses.
function sql(server, statement) {
  if (server.engine === 'sqlite')
    execFileSync('/usr/bin/python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],timeout=30)\nc.execute(sys.argv[2])\nc.commit()',
      server.databaseUrl.replace(/^sqlite:/, ''), statement]);
  else execFileSync('psql', [server.databaseUrl, '-q', '-c', statement]);
}
const emailLike = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/g;

for (const engine of engines()) {
  describe(`the programme under abuse on ${engine}`, () => {
    let server, a, b, draftA, roomsA, roomB, sessionB, daysB;
    const as = (method, path, body, token) =>
      api(server.base, method, path, { token: token === undefined ? server.admin.token : token, body });
    const url = (e, rest) => `/api/v1/editions/${e}${rest}`;
    const raw = (method, path, body, type = 'application/json') =>
      fetch(server.base + path, { method, body, headers: { authorization: `Bearer ${server.admin.token}`, accept: 'application/json', 'content-type': type } })
        .then(async (r) => { const text = await r.text(); let json; try { json = JSON.parse(text); } catch {} return { status: r.status, text, json }; });
    const draft = async (e = a) => (await as('GET', url(e, '/timetable'))).json;

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60, testHooks: true });
      const editions = (await as('GET', '/api/v1/editions')).json.editions;
      a = editions.find((e) => e.name === 'Regional IGF demo 2027').id;
      b = await openCall(server, { name: 'IGF elsewhere' });
      draftA = await draft();
      roomsA = (await as('GET', url(a, '/venue'))).json.rooms;
      const edB = (await as('GET', `/api/v1/editions/${b}`)).json;
      daysB = [edB.start_date, edB.end_date];
      const room = await as('POST', url(b, '/venue/rooms'), {
        name: 'Room of B', capacity: 50, windows: [{ start: `${daysB[0]}T09:00`, end: `${daysB[0]}T11:00` }],
      });
      assert.equal(room.status, 201, room.text);
      roomB = room.json.id ?? room.json.room?.id;
      const s = await as('POST', url(b, '/timetable/sessions'), { code: 'XB1', title: 'A session of B', session_type: 'workshop', duration: 60 });
      assert.equal(s.status, 201, s.text);
      sessionB = s.json;
    });
    after(async () => { await server.stop(); });

    test('ids of another edition are not found there, and nothing acts on them', async () => {
      const sA = draftA.sessions.find((s) => s.code !== 'OP1' && s.placement);
      const move = await as('POST', url(b, '/timetable/moves'), { session: sA.id, room: roomB, start: `${daysB[0]}T09:00`, version: sA.version });
      assert.equal(move.status, 404, move.text);
      const intoA = await as('POST', url(a, '/timetable/moves'), { session: sA.id, room: roomB, start: sA.placement.start, version: sA.version });
      named(intoA, 'room', 'a room of B under A');
      const bIntoA = await as('POST', url(a, '/timetable/moves'), { session: sessionB.id, room: roomsA[0].id, start: '2027-04-21T10:00' });
      assert.equal(bIntoA.status, 404, bIntoA.text);
      assert.equal((await as('GET', url(b, `/timetable/sessions/${sA.id}`))).status, 404);
      assert.equal((await as('PUT', url(b, `/timetable/sessions/${sA.id}`), { version: sA.version, duration: 90 })).status, 404);
      assert.equal((await as('PUT', url(b, `/venue/rooms/${roomsA[0].id}`), { name: 'Taken', capacity: 5 })).status, 404);
      assert.equal((await as('GET', url(b, `/programme/${sA.code}`))).status, 404);
      assert.equal((await as('PUT', url(b, `/programme/${sA.code}/attendance`), { attending: true })).status, 404);
      const secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
      assert.equal((await secretariat.get(`/editions/${b}/venue/rooms/${roomsA[0].id}`)).status, 404);
      assert.equal((await secretariat.get(`/editions/${b}/timetable/sessions/${sA.id}`)).status, 404);
      await secretariat.get(`/editions/${b}/timetable`);
      const form = await secretariat.post(`/editions/${b}/timetable/sessions/${sA.id}`, { version: String(sA.version), duration: '90' });
      assert.equal(form.status, 404);
      const now = (await draft()).sessions.find((s) => s.id === sA.id);
      assert.deepEqual([now.placement, now.version, now.duration], [sA.placement, sA.version, sA.duration], 'nothing acted');
      assert.equal((await as('GET', url(a, '/venue'))).json.rooms[0].name, roomsA[0].name);
    });

    test("a session's fixed place in a room of another edition, after links to another edition or itself", async () => {
      const id = draftA.sessions.find((x) => x.code !== 'OP1').id;
      const s = (await as('GET', url(a, `/timetable/sessions/${id}`))).json;
      const put = (body) => as('PUT', url(a, `/timetable/sessions/${s.id}`), { version: s.version, ...body });
      named(await put({ fixed: { room: roomB, start: '2027-04-21T10:00' } }), 'fixed', 'room of B');
      named(await put({ fixed: { room: -1, start: '2027-04-21T10:00' } }), 'fixed', 'negative room');
      named(await put({ fixed: { room: 2 ** 63, start: '2027-04-21T10:00' } }), 'fixed', 'huge room');
      named(await put({ fixed: { room: 'one', start: '2027-04-21T10:00' } }), 'fixed', 'room as text');
      named(await put({ fixed: [] }), 'fixed', 'fixed as list');
      named(await put({ fixed: { room: roomsA[1].id, start: '2027-02-30T09:00' } }), 'fixed_start', 'February 30');
      named(await put({ fixed: { room: roomsA[1].id, start: '2027-06-15T24:00' } }), 'fixed_start', 'hour 24');
      named(await put({ fixed: { room: roomsA[1].id, start: '2031-04-21T10:00' } }), 'fixed_start', 'outside the days');
      named(await put({ after: ['XB1'] }), 'after', 'a code of another edition');
      named(await put({ after: [s.code] }), 'after', 'itself');
      named(await put({ after: [42] }), 'after', 'a number');
      named(await put({ after: 'OP1' }), 'after', 'text, not a list');
      named(await put({ duration: 2 ** 53 }), 'duration', 'huge duration');
      named(await put({ duration: -60 }), 'duration', 'negative duration');
      named(await put({ duration: '60' }), 'duration', 'duration as text');
      named(await put({ duration: 60.5 }), 'duration', 'fractional duration');
      named(await put({ demand: 1e300 }), 'demand', 'huge demand');
      named(await put({ tags: ['ok', 'bad\u0007bell'] }), 'tags', 'control character');
      named(await put({ tags: ['x'.repeat(100000)] }), 'tags', 'long tag');
      named(await put({ needs: ['teleporter'] }), 'needs', 'unknown need');
      refused(await put({ version: 'one' }), 'version as text');
      refused(await put({ version: -5, duration: 90 }), 'negative version');
      const form = new Visitor(server.base);
      await form.signIn(server.admin.email, server.admin.password);
      await form.get(`/editions/${a}/timetable/sessions/${s.id}`);
      const typed = await form.post(`/editions/${a}/timetable/sessions/${s.id}`, {
        version: String(s.version), duration: '60', after: `XB1, ${s.code}`, fixed_room: String(roomB), fixed_start: '2027-02-30 09:00',
      });
      assert.equal(typed.status, 422);
      assert.match(typed.text, /XB1/);
      const now = (await as('GET', url(a, `/timetable/sessions/${s.id}`))).json;
      assert.deepEqual([now.version, now.after, now.fixed, now.duration, now.tags], [s.version, s.after, s.fixed, s.duration, s.tags], 'nothing stored');
    });

    test('moves with impossible times and wrong JSON types', async () => {
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement);
      const move = (body) => as('POST', url(a, '/timetable/moves'), { session: s.id, version: s.version, room: roomsA[1].id, ...body });
      named(await move({ start: '2027-02-30T09:00' }), 'start', 'February 30');
      named(await move({ start: '2027-06-15T24:00' }), 'start', 'hour 24');
      named(await move({ start: '2027-04-21T10:00\u0000' }), 'start', 'NUL');
      named(await move({ start: 20270421 }), 'start', 'a number');
      named(await move({ room: -3, start: '2027-04-21T10:00' }), 'room', 'negative room');
      named(await move({ room: 1e300, start: '2027-04-21T10:00' }), 'room', 'huge room');
      named(await move({ room: 2 ** 63, start: '2027-04-21T10:00' }), 'room', '2^63 room');
      named(await move({ room: true, start: '2027-04-21T10:00' }), 'room', 'boolean room');
      named(await move({ version: 'v', start: '2027-04-21T10:00' }), 'version', 'version text');
      named(await move({ version: 2 ** 64, start: '2027-04-21T10:00' }), 'version', 'version 2^64');
      named(await move({ session: -1, start: '2027-04-21T10:00' }), 'session', 'negative session');
      named(await move({ session: { id: s.id }, start: '2027-04-21T10:00' }), 'session', 'session object');
      const huge = await move({ session: 2 ** 62, start: '2027-04-21T10:00' });
      assert.equal(huge.status, 404, huge.text);
      for (const body of [[], 'text', 42, null, true]) refused(await as('POST', url(a, '/timetable/moves'), body), JSON.stringify(body));
      const now = (await draft()).sessions.find((x) => x.id === s.id);
      assert.deepEqual([now.placement, now.version], [s.placement, s.version], 'nothing moved');
    });

    test('every programme API refuses bodies of the wrong shape, bad bytes, 1 MB and deep nesting', async () => {
      const s = draftA.sessions.find((x) => x.code !== 'OP1');
      const writes = [
        ['POST', url(a, '/venue/rooms')], ['PUT', url(a, `/venue/rooms/${roomsA[0].id}`)],
        ['POST', url(a, '/timetable/moves')], ['POST', url(a, '/timetable/complete')],
        ['PUT', url(a, '/timetable/settings')], ['POST', url(a, '/timetable/sessions')],
        ['PUT', url(a, `/timetable/sessions/${s.id}`)], ['POST', url(a, '/timetable/unavailability')],
        ['PUT', url(a, '/timetable/time-zones')], ['PUT', url(a, `/programme/${s.code}/attendance`)],
        ['POST', url(a, '/timetable/changes/1/impose')], ['POST', '/api/v1/consent/' + 'ab'.repeat(32)],
      ];
      const megabyte = JSON.stringify({ name: 'x'.repeat(1 << 20), capacity: 5 });
      const deep = '['.repeat(200000) + ']'.repeat(200000);
      const deepObject = '{"a":'.repeat(100000) + '1' + '}'.repeat(100000);
      const badUtf8 = Buffer.concat([Buffer.from('{"name":"Room '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","capacity":5,"code":"Z1","title":"t","reason":"r","email":"e"}')]);
      const bodies = ['[]', '"text"', '42', 'null', 'true', '{"name":', '{"name":{"$gt":""},"capacity":"5","session":[1],"room":{},"reason":7,"attending":"yes","email":[],"granularity":1e400}',
        megabyte, deep, deepObject, badUtf8, '\u0000'];
      for (const [method, path] of writes)
        for (const body of bodies) {
          const r = await raw(method, path, body);
          refused(r, `${method} ${path} ${String(body).slice(0, 40)}`);
        }
      // Nothing was stored by any of it.
      assert.equal((await as('GET', url(a, '/venue'))).json.rooms.length, roomsA.length);
      assert.equal((await draft()).sessions.length, draftA.sessions.length);
    });

    test('text fields refuse control characters and invalid UTF-8, and say which field', async () => {
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall\u0000B', capacity: 5 }), 'name', 'NUL in a room name');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall\u001bB', capacity: 5 }), 'name', 'ESC in a room name');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall', capacity: 1e12 }), 'capacity', 'huge capacity');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall', capacity: 5, windows: [{ start: '2031-01-01T09:00', end: '2031-01-01T10:00' }] }), 'windows', 'window outside the days');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall', capacity: 5, windows: [{ start: '2027-04-21T09:00', end: '2027-04-21T24:00' }] }), 'windows', 'window to 24:00');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall', capacity: 5, windows: [{ start: '2027-04-21T09:00', end: '2027-04-21T12:00' }, { start: '2027-04-21T11:00', end: '2027-04-21T13:00' }] }), 'windows', 'overlapping windows');
      named(await as('POST', url(a, '/venue/rooms'), { name: 'Hall', capacity: 5, windows: 'all week' }), 'windows', 'windows as text');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q\u00001', title: 'T', session_type: 'workshop', duration: 60 }), 'code', 'NUL in a code');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T\u0007', session_type: 'workshop', duration: 60 }), 'title', 'bell in a title');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T', session_type: 'workshop', duration: 1e9 }), 'duration', 'huge duration');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T', session_type: '<script>', duration: 60 }), 'session_type', 'a type nobody offers');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T', session_type: 'workshop', duration: 60, fixed: { room: roomB, start: '2027-04-21T10:00' } }), 'fixed', 'fixed in a room of B');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T', session_type: 'workshop', duration: 60, people: [{ email: 'x\u0000@y.z', role: 'speaker' }] }), 'people', 'NUL in an address');
      named(await as('POST', url(a, '/timetable/sessions'), { code: 'Q1', title: 'T', session_type: 'workshop', duration: 60, people: 'everyone' }), 'people', 'people as text');
      named(await as('POST', url(a, '/timetable/unavailability'), { email: 'nobody@nowhere.test', start: '2027-02-30T09:00', end: '2027-04-21T10:00' }), 'start', 'February 30');
      named(await as('POST', url(a, '/timetable/unavailability'), { email: 'nobody@nowhere.test', start: '2027-04-21T11:00', end: '2027-04-21T10:00' }), 'end', 'an end before the start');
      refused(await as('POST', url(a, '/timetable/unavailability'), { email: 'a\u0000b', start: '2027-04-21T09:00', end: '2027-04-21T10:00' }), 'NUL in an address');
      refused(await as('PUT', url(a, '/timetable/time-zones'), { email: 'nobody@nowhere.test', time_zone: '../../etc/passwd' }), 'a path as a zone');
      const long = await as('PUT', url(a, '/timetable/time-zones'), { email: 'é'.repeat(50000), time_zone: 'ü'.repeat(50000) });
      assert.deepEqual(fields(long).sort(), ['email', 'time_zone']);
      assert.ok(long.text.length < 2000, 'what was typed is not echoed in full');
      named(await as('PUT', url(a, '/timetable/settings'), { granularity: 2 ** 40 }), 'granularity', 'huge granularity');
      named(await as('PUT', url(a, '/timetable/settings'), { weights: { overflow: 1e300 } }), 'weights', 'huge weight');
      named(await as('PUT', url(a, '/timetable/settings'), { weights: { overflow: -5 } }), 'weights', 'negative weight');
      named(await as('PUT', url(a, '/timetable/settings'), { locked_from: '2027-02-30T00:00:00Z' }), 'locked_from', 'February 30');
      const form = new Visitor(server.base);
      await form.signIn(server.admin.email, server.admin.password);
      await form.get(`/editions/${a}/venue`);
      const r = await form.request('POST', `/editions/${a}/venue/rooms`, {
        body: `csrf_token=${form.csrf}&name=Hall%FF%FE&capacity=5&windows=`, type: 'application/x-www-form-urlencoded',
      });
      assert.equal(r.status, 400, r.text.slice(0, 300));
      assert.match(r.text, /The field &apos;name&apos; is not valid UTF-8 text/);
      assert.equal((await as('GET', url(a, '/venue'))).json.rooms.length, roomsA.length, 'no room stored');
      assert.equal((await draft()).sessions.length, draftA.sessions.length, 'no session stored');
      assert.equal((await as('GET', url(a, '/timetable/settings'))).json.locked_from, '');
    });

    test('a session longer than every window, then "complete": said, not a 500', async () => {
      const s = (await as('GET', url(b, `/timetable/sessions/${sessionB.id}`))).json;
      const long = await as('PUT', url(b, `/timetable/sessions/${s.id}`), { version: s.version, duration: 480 });
      assert.equal(long.status, 200, long.text);
      const done = await as('POST', url(b, '/timetable/complete'), { keep_placed: false, time_limit: 1 });
      assert.ok([200, 422].includes(done.status), done.text);
      if (done.status === 200) assert.deepEqual(done.json.unplaced.map((u) => u.code), ['XB1']);
      const placement = (await draft(b)).sessions.find((x) => x.id === s.id).placement;
      assert.equal(placement, null, 'nothing placed that cannot fit');
    });

    test('two concurrent moves of one session: exactly one wins; concurrent publishes: no 500', async () => {
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement && !x.fixed);
      const body = (start) => ({ session: s.id, room: s.placement.room, start, version: s.version });
      const results = await Promise.all(['2027-04-22T17:00', '2027-04-22T16:00', '2027-04-22T15:00'].map((t) => as('POST', url(a, '/timetable/moves'), body(t))));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409], results.map((r) => r.text).join('\n'));
      const winner = results.find((r) => r.status === 200);
      const now = (await draft()).sessions.find((x) => x.id === s.id);
      assert.equal(now.version, winner.json.version);
      const publishes = await Promise.all([1, 2, 3].map(() => as('POST', url(a, '/timetable/publish'))));
      for (const p of publishes) assert.ok([200, 409].includes(p.status), p.text);
      assert.ok(publishes.some((p) => p.status === 200));
      const changes = (await as('GET', url(a, '/timetable/changes?status=pending'))).json.changes.filter((c) => c.session === s.id);
      assert.equal(changes.length, 1, 'one pending change, not one per publish');
      const versions = (await as('GET', url(a, '/timetable/versions'))).json.versions.map((v) => v.number);
      assert.equal(new Set(versions).size, versions.length, 'no version number twice');
      // The change of A is not B's.
      const change = changes[0];
      assert.equal((await as('POST', url(b, `/timetable/changes/${change.id}/impose`), { reason: 'Because.' })).status, 404);
      assert.equal((await as('POST', url(b, `/timetable/changes/${change.id}/withdraw`))).status, 404);
      assert.equal((await as('GET', url(b, '/timetable/versions/1/diff/1'))).status, 404);
      named(await as('POST', url(a, `/timetable/changes/${change.id}/impose`), { reason: 'x'.repeat(5000) }), 'reason', 'a long reason');
      named(await as('POST', url(a, `/timetable/changes/${change.id}/impose`), { reason: 'bad\u0000' }), 'reason', 'NUL in a reason');
      named(await as('POST', url(a, `/timetable/changes/${change.id}/impose`), { reason: 5 }), 'reason', 'a number');
      assert.equal((await as('POST', url(a, '/timetable/changes/99999999999999999999/impose'), { reason: 'r' })).status, 404);
      assert.equal((await as('POST', url(a, '/timetable/changes/-1/withdraw'))).status, 404);
      assert.equal((await as('GET', url(a, '/timetable/versions/-1/diff/99999999999999999999'))).status, 404);
      assert.equal((await as('GET', url(a, '/timetable/changes?status=%00'))).status < 500, true);
      assert.equal((await as('GET', url(a, '/timetable/changes'))).json.changes.find((c) => c.id === change.id).status, 'pending', 'untouched');
      // Its consent links: a forged, an odd-shaped and a reused one.
      const [token] = await Promise.all(change.asked.map((x) => linkInMail(server, x.email, 'consent')));
      const consent = (t, answer) => api(server.base, answer ? 'POST' : 'GET', `/api/v1/consent/${t}`, { body: answer ? { answer } : undefined, headers: csrfPair() });
      for (const forged of ['ab'.repeat(32), 'AB'.repeat(32), token.slice(0, 63), token + '0', 'x', '%00', 'z'.repeat(5000), '..%2F..%2Fetc']) {
        const r = await consent(forged, 'accept');
        assert.ok([404, 400].includes(r.status), `${forged.slice(0, 20)}: ${r.status}`);
        assert.ok([404, 400].includes((await new Visitor(server.base).get(`/consent/${forged}`)).status));
      }
      named(await consent(token, 'maybe'), 'answer', 'an unknown answer');
      named(await api(server.base, 'POST', `/api/v1/consent/${token}`, { body: { answer: ['accept'] }, headers: csrfPair() }), 'answer', 'a list');
      assert.equal((await api(server.base, 'POST', `/api/v1/consent/${token}`, { body: { answer: 'accept' } })).status, 403, 'no CSRF pair');
      const both = await Promise.all([consent(token, 'accept'), consent(token, 'decline')]);
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 410], both.map((r) => r.text).join('\n'));
      assert.equal((await consent(token, 'accept')).status, 410, 'reused');
    });

    test('forms without their CSRF token are refused and store nothing', async () => {
      const v = new Visitor(server.base);
      await v.signIn(server.admin.email, server.admin.password);
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement && !x.fixed);
      const unavailable = (await as('GET', url(a, '/timetable/unavailability'))).json.unavailable.length;
      const versions = (await as('GET', url(a, '/timetable/versions'))).json.versions.length;
      const posts = [
        [`/editions/${a}/venue/rooms`, { name: 'Forged room', capacity: '5' }],
        [`/editions/${a}/venue/rooms/${roomsA[0].id}`, { name: 'Forged', capacity: '5', version: '1' }],
        [`/editions/${a}/timetable/planning/sessions`, { code: 'F1', title: 'Forged', session_type: 'workshop', duration: '60' }],
        [`/editions/${a}/timetable/planning/unavailability`, { email: 'x@y.test', start: '2027-04-21T09:00', end: '2027-04-21T10:00' }],
        [`/editions/${a}/timetable/planning/time-zones`, { zone_email: 'x@y.test', time_zone: 'UTC' }],
        [`/editions/${a}/timetable/sync`, {}],
        [`/editions/${a}/timetable/moves`, { session: String(s.id), room: '', version: String(s.version) }],
        [`/editions/${a}/timetable/complete`, { keep_placed: '1' }],
        [`/editions/${a}/timetable/settings`, { granularity: '15', locked_from: '2020-01-01T00:00' }],
        [`/editions/${a}/timetable/sessions/${s.id}`, { version: String(s.version), duration: '120' }],
        [`/editions/${a}/timetable/publish`, {}],
        [`/editions/${a}/programme/${s.code}/attend`, { attending: '1' }],
        [`/editions/${a}/agenda/calendar`, {}],
      ];
      // Refused, or kept for the sender to send again after signing in (never done).
      for (const [path, fields] of posts) {
        const r = await v.post(path, fields, { csrf: null });
        assert.ok([303, 403].includes(r.status), `${path}: ${r.status}`);
      }
      assert.ok(!(await as('GET', url(a, '/venue'))).json.rooms.some((r) => /Forged/.test(r.name)));
      assert.ok(!(await draft()).sessions.some((x) => x.code === 'F1'));
      assert.equal((await as('GET', url(a, '/timetable/unavailability'))).json.unavailable.length, unavailable);
      assert.equal((await as('GET', url(a, '/timetable/versions'))).json.versions.length, versions);
      const now = (await draft()).sessions.find((x) => x.id === s.id);
      assert.deepEqual([now.placement, now.version, now.duration], [s.placement, s.version, s.duration]);
      assert.equal((await as('GET', url(a, '/venue'))).json.rooms.length, roomsA.length);
      assert.equal((await as('GET', url(a, '/timetable/settings'))).json.locked_from, '');
    });

    test('attend on an unpublished session or an unknown code; a personal calendar of another shape', async () => {
      const reader = await proposer(server, 'Rae Reader');
      const attend = (e, code, body = { attending: true }) => as('PUT', url(e, `/programme/${encodeURIComponent(code)}/attendance`), body, reader.token);
      assert.equal((await attend(b, 'XB1')).status, 404, 'B has published nothing');
      assert.equal((await attend(a, 'NOPE99')).status, 404);
      assert.equal((await attend(a, '%00')).status, 404);
      assert.equal((await attend(a, 'x'.repeat(5000))).status, 404);
      const published = (await as('GET', url(a, '/programme'), undefined, null)).json.sessions[0];
      named(await attend(a, published.code, { attending: 'yes' }), 'attending', 'text');
      named(await attend(a, published.code, { attending: 1 }), 'attending', 'a number');
      refused(await attend(a, published.code, []), 'a list');
      const v = new Visitor(server.base);
      await v.signIn(reader.email, 'a long enough password');
      await v.get(`/editions/${b}/programme`);
      const page = await v.post(`/editions/${b}/programme/XB1/attend`, { attending: '1' });
      assert.equal(page.status, 404);
      for (const feed of ['abc.ics', 'ab'.repeat(32) + '.ics', 'ab'.repeat(32), '..%2F..%2Fetc%2Fpasswd', '%00.ics', 'x'.repeat(5000) + '.ics', '.ics', 'AB'.repeat(32) + '.ics']) {
        const r = await fetch(`${server.base}/calendar/${feed}`);
        assert.equal(r.status, 404, `${feed.slice(0, 20)}: ${r.status}`);
      }
    });

    test('a code twice in one edition; a cancelled session neither moves nor takes marks', async () => {
      for (const code of ['OP1', 'op1', ' OP1 ']) {
        const r = await as('POST', url(a, '/timetable/sessions'), { code, title: 'Twin', session_type: 'workshop', duration: 60 });
        assert.ok([409, 422].includes(r.status), `code ${code}: ${r.text}`);
        assert.deepEqual(fields(r), ['code']);
      }
      const published = (await as('GET', url(a, '/programme'), undefined, null)).json.sessions.find((x) => x.code !== 'OP1');
      const s = (await draft()).sessions.find((x) => x.code === published.code);
      sql(server, `UPDATE programme_sessions SET cancelled_at = '2027-01-01T00:00:00Z' WHERE id = ${s.id}`);
      try {
        const reader = await proposer(server, 'Cass Cancelled');
        const r = await as('PUT', url(a, `/programme/${s.code}/attendance`), { attending: true }, reader.token);
        assert.equal(r.status, 404, r.text);
        const move = await as('POST', url(a, '/timetable/moves'), { session: s.id, room: roomsA[1].id, start: '2027-04-21T10:00', version: s.version });
        assert.ok([404, 409, 422].includes(move.status), `move of a cancelled session: ${move.status} ${move.text}`);
        const now = (await draft()).sessions.find((x) => x.id === s.id);
        assert.deepEqual(now?.placement ?? s.placement, s.placement, 'not moved');
      } finally {
        sql(server, `UPDATE programme_sessions SET cancelled_at = NULL WHERE id = ${s.id}`);
      }
    });

    test('races: marks, session codes, room saves, settings saves, impose against withdraw, solver runs', async () => {
      const statuses = (list) => list.map((r) => r.status).sort();
      const reader = await proposer(server, 'Rex Racer');
      const code = (await as('GET', url(a, '/programme'), undefined, null)).json.sessions.at(-1).code;
      const marks = await Promise.all([true, true, true, false, true].map((attending) => as('PUT', url(a, `/programme/${code}/attendance`), { attending }, reader.token)));
      for (const m of marks) assert.equal(m.status, 200, m.text);
      const twins = await Promise.all(['RC1', 'RC1', 'rc1'].map((c) => as('POST', url(b, '/timetable/sessions'), { code: c, title: 'Race', session_type: 'workshop', duration: 60 })));
      assert.deepEqual(statuses(twins), [201, 409, 409], twins.map((r) => r.text).join('\n'));
      const room = (await as('GET', url(b, '/venue'))).json.rooms.find((r) => r.id === roomB);
      const saves = await Promise.all(['One', 'Two', 'Three'].map((name) => as('PUT', url(b, `/venue/rooms/${roomB}`), { ...room, name, version: room.version })));
      assert.deepEqual(statuses(saves), [200, 409, 409], saves.map((r) => r.text).join('\n'));
      const session = (await as('GET', url(b, `/timetable/sessions/${sessionB.id}`))).json;
      const settings = await Promise.all([60, 90, 120].map((duration) => as('PUT', url(b, `/timetable/sessions/${sessionB.id}`), { version: session.version, duration })));
      assert.deepEqual(statuses(settings), [200, 409, 409], settings.map((r) => r.text).join('\n'));
      const solver = await Promise.all([1, 2].map(() => as('POST', url(b, '/timetable/complete'), { keep_placed: false, time_limit: 1 })));
      for (const r of solver) assert.ok([200, 409].includes(r.status), r.text);
      // A pending change of A, imposed and withdrawn at once: one wins.
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement && !x.fixed && x.code !== code);
      const later = new Date(Date.parse(s.placement.start + ':00Z') + 3600000).toISOString().slice(0, 16);
      assert.equal((await as('POST', url(a, '/timetable/moves'), { session: s.id, room: s.placement.room, start: later, version: s.version })).status, 200);
      const published = await as('POST', url(a, '/timetable/publish'));
      const change = published.json.changes.at(-1);
      assert.ok(change, published.text);
      const fight = await Promise.all([
        as('POST', url(a, `/timetable/changes/${change}/impose`), { reason: 'The hall is needed.' }),
        as('POST', url(a, `/timetable/changes/${change}/withdraw`)),
        as('POST', url(a, `/timetable/changes/${change}/withdraw`)),
      ]);
      assert.deepEqual(statuses(fight), [200, 409, 409], fight.map((r) => r.text).join('\n'));
      // A session taken off the grid: published at once by three publishes, one new version.
      const off = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement && !x.fixed && x.code !== code && x.id !== s.id);
      assert.equal((await as('POST', url(a, '/timetable/moves'), { session: off.id, room: null, version: off.version })).status, 200);
      const count = (await as('GET', url(a, '/timetable/versions'))).json.versions.length;
      const three = await Promise.all([1, 2, 3].map(() => as('POST', url(a, '/timetable/publish'))));
      for (const r of three) assert.ok([200, 409].includes(r.status), r.text);
      const numbers = (await as('GET', url(a, '/timetable/versions'))).json.versions.map((v) => v.number);
      assert.equal(numbers.length, count + 1, `one new version: ${three.map((r) => r.text).join('\n')}`);
      // Put back on the grid by two editors at once from "no placement": one wins.
      const back = await Promise.all([off.placement.start, later].map((start) => as('POST', url(a, '/timetable/moves'), { session: off.id, room: off.placement.room, start, version: 0 })));
      assert.deepEqual(statuses(back), [200, 409], back.map((r) => r.text).join('\n'));
      const calendars = await Promise.all([1, 2, 3].map(() => as('POST', url(a, '/agenda/calendar'), {}, reader.token)));
      for (const r of calendars) assert.ok([200, 201, 409].includes(r.status), r.text);
      const addresses = calendars.filter((r) => r.status < 300).map((r) => r.json.url ?? r.json.address ?? r.json.calendar);
      const alive = [];
      for (const address of addresses) if (address) alive.push((await fetch(address.replace(/^https?:\/\/[^/]+/, server.base))).status);
      assert.equal(alive.filter((x) => x === 200).length, 1, `one address works: ${JSON.stringify(calendars.map((r) => r.text))}`);
    });

    test('evaluators and proposers never see the draft or the Secretariat pages', async () => {
      const member = new Visitor(server.base);
      assert.equal((await member.signIn(server.demoMember.email, server.demoMember.password)).status, 303);
      const pro = await proposer(server, 'Pip Proposer');
      const s = draftA.sessions[0];
      const pages = ['/venue', `/venue/rooms/${roomsA[0].id}`, '/timetable', '/timetable/planning', '/timetable/settings',
        `/timetable/sessions/${s.id}`, '/timetable/versions', '/timetable/versions/diff', '/timetable/versions/1/diff/1', '/timetable/changes'];
      for (const p of pages) assert.equal((await member.get(`/editions/${a}${p}`)).status, 403, `member ${p}`);
      const apis = ['/timetable', '/timetable/settings', `/timetable/sessions/${s.id}`, '/timetable/unavailability', '/timetable/versions', '/timetable/versions/1/diff/1', '/timetable/changes'];
      for (const p of apis) assert.equal((await as('GET', url(a, p), undefined, pro.token)).status, 403, `proposer ${p}`);
      for (const [m, p, body] of [['POST', '/timetable/moves', { session: s.id, room: null }], ['POST', '/timetable/publish', {}], ['POST', '/timetable/complete', {}],
        ['PUT', '/timetable/settings', { granularity: 15 }], ['POST', '/venue/rooms', { name: 'R', capacity: 5 }]])
        assert.equal((await as(m, url(a, p), body, pro.token)).status, 403, `proposer ${m} ${p}`);
    });

    test('odd query strings, path ids and entries of another edition: never a 500', async () => {
      const v = new Visitor(server.base);
      await v.signIn(server.admin.email, server.admin.password);
      const gets = [
        `/editions/${a}/programme?day=%FF&room=abc&tag=%00&theme=-1&type=${'x'.repeat(3000)}&q=%E2%82`,
        `/editions/${a}/programme?day=2027-02-30&room=99999999999999999999&page=-1`,
        `/editions/${a}/programme/%FF`, `/editions/${a}/programme/${'Z'.repeat(3000)}`,
        `/editions/99999999999999999999/programme`, `/editions/-1/programme.ics`, `/editions/0/schedule.json`,
        `/editions/${a}/timetable?day=%FF&room=-1&focus=abc`, `/editions/${a}/timetable/versions/diff?from=abc&to=-1`,
        `/editions/${a}/timetable/versions/diff?from=99999999999999999999&to=1`, `/editions/${a}/timetable/changes?status=%FF`,
        `/editions/${a}/timetable/planning?email=%00`, `/editions/${a}/timetable/sessions/99999999999999999999`,
        `/editions/${a}/timetable/sessions/-1`, `/editions/${a}/venue/rooms/0`, `/editions/${a}/agenda?day=%FF`,
        `/api/v1/editions/${a}/programme?day=%FF&q=${'%C3'.repeat(10)}`, `/api/v1/editions/${a}/timetable/changes?status=nonsense`,
        `/api/v1/editions/${a}/timetable/versions/1/diff/99999999999999999999`, `/api/v1/editions/99999999999999999999/timetable`,
      ];
      for (const path of gets) {
        const r = await v.get(path);
        assert.ok(r.status < 500, `${path.slice(0, 80)}: ${r.status}`);
      }
      for (const path of [`/editions/${a}/timetable/versions/diff?from=abc&to=-1`, `/api/v1/editions/${a}/timetable/versions/1/diff/99999999999999999999`,
        `/editions/${a}/timetable/sessions/99999999999999999999`, `/api/v1/editions/99999999999999999999/timetable`]) {
        const r = await v.get(path);
        assert.ok([400, 404, 422].includes(r.status), `${path}: ${r.status}`);
      }
      // An unavailability entry of A removed under B: not found, still there.
      const before = (await as('GET', url(a, '/timetable/unavailability'))).json.unavailable;
      const email = server.demoMember.email;
      const added = await as('POST', url(a, '/timetable/unavailability'), { email, start: '2027-04-21T09:00', end: '2027-04-21T10:00' });
      assert.equal(added.status, 201, added.text);
      const entry = added.json.unavailable.find((x) => !before.some((y) => y.id === x.id));
      assert.equal((await as('DELETE', url(b, `/timetable/unavailability/${entry.id}`))).status, 404);
      assert.equal((await as('DELETE', url(a, '/timetable/unavailability/99999999999999999999'))).status, 404);
      assert.equal((await as('GET', url(a, '/timetable/unavailability'))).json.unavailable.length, before.length + 1);
      await v.get(`/editions/${b}/timetable/planning`);
      const form = await v.post(`/editions/${b}/timetable/planning/unavailability/${entry.id}/remove`, {});
      assert.equal(form.status, 404);
      assert.equal((await as('GET', url(a, '/timetable/unavailability'))).json.unavailable.length, before.length + 1);
      // Forms with typed nonsense: named, nothing stored.
      await v.get(`/editions/${a}/timetable/settings`);
      const settings = await v.post(`/editions/${a}/timetable/settings`, { granularity: '0', locked_from: '2027-02-30T00:00' });
      assert.equal(settings.status, 422);
      await v.get(`/editions/${a}/timetable/planning`);
      const session = await v.post(`/editions/${a}/timetable/planning/sessions`, { code: 'N\u00071', title: '', session_type: 'nonsense', duration: '99999999999', fixed_room: String(roomB), fixed_start: '2027-06-15T24:00' });
      assert.equal(session.status, 422);
      const zone = await v.post(`/editions/${a}/timetable/planning/time-zones`, { zone_email: email, time_zone: 'Mars/Olympus_Mons' });
      assert.equal(zone.status, 422);
      await v.get(`/editions/${a}/timetable`);
      const move = await v.post(`/editions/${a}/timetable/moves`, { session: 'abc', room: '-1', start: '2027-02-30T09:00', version: 'x' });
      assert.ok([404, 409, 422].includes(move.status), `form move: ${move.status}`);
      assert.equal((await draft()).sessions.length, draftA.sessions.length);
      assert.equal((await as('GET', url(a, '/timetable/settings'))).json.locked_from, '');
    });

    test('the public programme and its feeds never show an e-mail address', async () => {
      const outbox = (await as('GET', '/api/v1/outbox')).json.messages;
      const known = new Set(outbox.map((m) => m.recipient.toLowerCase()));
      const code = (await as('GET', url(a, '/programme'), undefined, null)).json.sessions[0].code;
      for (const path of [url(a, '/programme'), url(a, `/programme/${code}`), url(a, '/feeds'), url(a, '/venue'),
        `/editions/${a}/programme`, `/editions/${a}/programme/${code}`, `/editions/${a}/programme.ics`,
        `/editions/${a}/schedule.xml`, `/editions/${a}/schedule.json`, `/editions/${a}/programme.csv`]) {
        const text = await fetch(server.base + path).then((r) => r.text());
        const found = (text.match(emailLike) ?? []).filter((m) => known.has(m.toLowerCase()) || !/^session-\d+@/.test(m));
        assert.deepEqual(found, [], path);
      }
    });

    test('a draft never published is nobody\'s business but the Secretariat\'s', async () => {
      const xb1 = (await draft(b)).sessions.find((x) => x.code === 'XB1');
      const moved = await as('POST', url(b, '/timetable/moves'), { session: xb1.id, room: roomB, start: `${daysB[0]}T09:00`, version: xb1.version });
      assert.equal(moved.status, 200, moved.text);
      assert.ok((await draft(b)).sessions.find((x) => x.code === 'XB1').placement, 'XB1 is on the draft of B');
      assert.deepEqual((await as('GET', url(b, '/programme'), undefined, null)).json.sessions, []);
      assert.equal((await as('GET', url(b, '/programme/XB1'), undefined, null)).status, 404);
      assert.equal((await fetch(`${server.base}/editions/${b}/programme/XB1`)).status, 404);
      for (const feed of ['programme.ics', 'schedule.xml', 'schedule.json', 'programme.csv']) {
        const r = await fetch(`${server.base}/editions/${b}/${feed}`);
        assert.ok(r.status < 500, feed);
        assert.ok(!(await r.text()).includes('A session of B'), `${feed} shows no draft`);
      }
    });
  });
}
