// What the Secretariat adds to the programme by hand, on the demo's regional IGF: its own
// sessions (people by e-mail, an optional fixed place), the times people cannot be there,
// online speakers' time zones; on the page and through the API, every bad input named by
// its field with what was typed kept, and the solver honouring all of it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`planning on ${engine}`, () => {
    let server, edition, rooms, secretariat;
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const url = (rest) => `/api/v1/editions/${edition}${rest}`;
    const page = () => `/editions/${edition}/timetable/planning`;
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60 });
      edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
      rooms = (await as('GET', url('/venue'))).json.rooms;
      secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
    });
    after(async () => { await server.stop(); });

    test('the Secretariat creates a main session on the page, fixed in the main hall', async () => {
      assert.equal((await secretariat.get(page())).status, 200);
      const r = await secretariat.post(`${page()}/sessions`, {
        code: 'MS9', title: 'Main session: the future of the regional IGF', session_type: 'main_session',
        duration: '90', demand: '300', need_interpretation: '1',
        people: `${server.demoMember.email}, moderator\n`,
        fixed_room: String(rooms[0].id), fixed_start: '2027-04-21 15:00',
      });
      assert.equal(r.status, 303);
      const ms9 = (await as('GET', url('/timetable'))).json.sessions.find((s) => s.code === 'MS9');
      assert.deepEqual(ms9.fixed, { room: rooms[0].id, start: '2027-04-21T15:00' });
      assert.deepEqual(ms9.needs, ['interpretation']);
      assert.equal(ms9.expected, 300);
    });

    test('a bad session is named field by field, what was typed comes back, nothing is stored', async () => {
      const before = (await as('GET', url('/timetable'))).json.sessions.length;
      const r = await secretariat.post(`${page()}/sessions`, {
        code: 'MS 10!', title: 'High-level leaders', session_type: 'main_session', duration: 'long',
        people: 'nobody@example.org, speaker\njust a name\n', fixed_room: '', fixed_start: '',
      });
      assert.equal(r.status, 422);
      assert.match(r.text, /Give a whole number/);
      assert.match(r.text, /Nobody with the address nobody@example.org/);
      assert.match(r.text, /Line &quot;just a name&quot;|Line "just a name"/);
      assert.match(r.text, /value="High-level leaders"/);
      const again = await secretariat.post(`${page()}/sessions`, {
        code: 'MS9', title: 'Twice', session_type: 'main_session', duration: '60', people: '',
      });
      assert.equal(again.status, 409);
      assert.match(again.text, /already has a session with the code MS9/);
      const api422 = await as('POST', url('/timetable/sessions'), {
        code: 'HL1', title: '', session_type: 'main_session', duration: 5, needs: ['teleportation'],
        people: [{ email: server.demoMember.email, role: 'chair' }], fixed: { room: rooms[0].id, start: '2030-01-01T09:00' },
      });
      assert.equal(api422.status, 422);
      assert.deepEqual([...new Set(api422.json.errors.map((e) => e.field))].sort(), ['duration', 'fixed_start', 'needs', 'people', 'title']);
      assert.equal((await as('GET', url('/timetable'))).json.sessions.length, before);
      const created = await as('POST', url('/timetable/sessions'), { code: 'HL1', title: 'High-level leaders', session_type: 'main_session', duration: 60 });
      assert.equal(created.status, 201);
      assert.equal(created.json.code, 'HL1');
    });

    test('unavailable times and time zones, on the page and through the API', async () => {
      const bad = await as('POST', url('/timetable/unavailability'), { email: 'nobody@example.org', start: '2027-04-21T12:00', end: '2027-04-21T11:00' });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['email', 'end']);
      const added = await as('POST', url('/timetable/unavailability'), { email: server.demoMember.email, start: '2027-04-21T09:00', end: '2027-04-21T12:00' });
      assert.equal(added.status, 201);
      assert.equal(added.json.unavailable.length, 1);
      const onPage = await secretariat.post(`${page()}/unavailability`, { email: server.demoMember.email, start: '2027-04-22 14:00', end: 'later' });
      assert.equal(onPage.status, 422);
      assert.match(onPage.text, /value="2027-04-22 14:00"/);
      const id = added.json.unavailable[0].id;
      assert.equal((await as('DELETE', url(`/timetable/unavailability/${id}`))).status, 200);
      assert.equal((await as('DELETE', url(`/timetable/unavailability/${id}`))).status, 404);
      assert.equal((await as('PUT', url('/timetable/time-zones'), { email: server.demoMember.email, time_zone: 'Mars/Base' })).json.errors[0].field, 'time_zone');
      assert.equal((await as('PUT', url('/timetable/time-zones'), { email: server.demoMember.email, time_zone: 'Asia/Tokyo' })).status, 200);
      assert.match((await secretariat.get(page())).text, /Asia\/Tokyo/);
    });

    test('the solver keeps the fixed session where it was put and places the rest', async () => {
      await as('POST', url('/timetable/unavailability'), { email: server.demoMember.email, start: '2027-04-20T09:00', end: '2027-04-20T19:00' });
      const r = await as('POST', url('/timetable/complete'), { keep_placed: false, time_limit: 2 });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      assert.deepEqual(r.json.unplaced, []);
      const draft = (await as('GET', url('/timetable'))).json;
      assert.deepEqual(draft.conflicts, []);
      const ms9 = draft.sessions.find((s) => s.code === 'MS9');
      assert.deepEqual(ms9.placement, { room: rooms[0].id, start: '2027-04-21T15:00' });
    });

    test('only the Secretariat plans', async () => {
      const member = new Visitor(server.base);
      await member.signIn(server.demoMember.email, server.demoMember.password);
      assert.equal((await member.get(page())).status, 403);
    });
  });
}
