// The venue the timetable fills: rooms with seats, features, languages, turnover and
// open windows, set by the Secretariat on a page and through the API. Every bad input is
// named by its field and stores nothing; two editors of one room never overwrite each
// other; anyone reads the venue, only the Secretariat changes it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';
import { openCall, proposer, csrfPair } from '../support/proposals.mjs';

for (const engine of engines()) {
  describe(`venue on ${engine}`, () => {
    let server, edition, secretariat;
    const as = (method, path, body, token) =>
      api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: token ?? server.admin.token, body });
    before(async () => {
      server = await startServer(engine);
      edition = await openCall(server, { timeZone: 'Europe/Oslo' });  // 2031-06-01 to 06-04
      secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
    });
    after(async () => { await server.stop(); });

    test('the Secretariat adds a room on the page, its windows typed one per line', async () => {
      const page = await secretariat.get(`/editions/${edition}/venue`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Europe\/Oslo/);
      const r = await secretariat.post(`/editions/${edition}/venue/rooms`, {
        name: 'Main Hall', capacity: '900', feature_interpretation: '1', feature_captioning: '1',
        languages: 'ar, EN, fr', turnover: '20',
        windows: '2031-06-02 15:00-18:00\n2031-06-02 09:00–12:00\n',
      });
      assert.equal(r.status, 303);
      const venue = (await as('GET', '/venue', undefined, null)).json;  // anyone reads it
      assert.equal(venue.time_zone, 'Europe/Oslo');
      const hall = venue.rooms.find((x) => x.name === 'Main Hall');
      assert.deepEqual(hall.features, ['captioning', 'interpretation']);
      assert.deepEqual(hall.languages, ['ar', 'en', 'fr']);
      assert.deepEqual(hall.windows, [
        { start: '2031-06-02T09:00', end: '2031-06-02T12:00' },
        { start: '2031-06-02T15:00', end: '2031-06-02T18:00' },
      ], 'sorted by time');
      const list = await secretariat.get(`/editions/${edition}/venue`);
      assert.match(list.text, /Main Hall/);
      assert.match(list.text, /Captioning, Interpretation; interpretation: ar, en, fr/);
    });

    test('every bad room is named by its field, what was typed comes back, nothing is stored', async () => {
      const before = (await as('GET', '/venue')).json.rooms.length;
      const typed = {
        name: 'Room 7', capacity: 'many', feature_interpretation: '1', languages: '',
        windows: '2031-06-03 12:00-09:00\n2031-07-01 09:00-10:00\nsometime\n',
      };
      const r = await secretariat.post(`/editions/${edition}/venue/rooms`, typed);
      assert.equal(r.status, 422);
      assert.match(r.text, /Give a whole number/);
      assert.match(r.text, /&quot;sometime&quot; is not a window|"sometime" is not a window/);
      assert.match(r.text, /value="Room 7"/, 'the name typed is kept');
      assert.match(r.text, /2031-07-01 09:00-10:00/, 'the windows typed are kept');
      const api422 = await as('POST', '/venue/rooms', {
        name: 'Room 7', capacity: 50, features: ['interpretation', 'jacuzzi'], languages: [],
        windows: [{ start: '2031-06-03T12:00', end: '2031-06-03T09:00' },
                  { start: '2031-06-05T09:00', end: '2031-06-05T10:00' },
                  { start: '2031-06-03T13:00', end: '2031-06-03T15:00' },
                  { start: '2031-06-03T14:00', end: '2031-06-03T16:00' }],
      });
      assert.equal(api422.status, 422);
      const fields = api422.json.errors.map((e) => e.field);
      assert.deepEqual(fields, ['features[1]', 'languages', 'windows[0]', 'windows[1]', 'windows[3]']);
      assert.match(api422.json.errors.find((e) => e.field === 'windows[1]').message, /outside the edition's days/);
      assert.match(api422.json.errors.find((e) => e.field === 'windows[3]').message, /overlaps/);
      for (const body of [[], { name: 7, capacity: 10 }, { name: 'X', capacity: '10' },
        { name: 'X', capacity: 10, windows: 'all day' }, { name: 'X', capacity: 10, windows: [{ start: 1 }] }]) {
        const bad = await as('POST', '/venue/rooms', body);
        assert.equal(bad.status, 422, JSON.stringify(body));
        assert.ok(bad.json.errors.length > 0);
      }
      assert.equal((await as('GET', '/venue')).json.rooms.length, before, 'nothing stored');
    });

    test('a second room of the same name, and a stale edit, are refused without overwriting', async () => {
      const first = await as('POST', '/venue/rooms', { name: 'Room 2', capacity: 40, windows: [{ start: '2031-06-01T09:00', end: '2031-06-01T19:00' }] });
      assert.equal(first.status, 201);
      const twin = await as('POST', '/venue/rooms', { name: 'Room 2', capacity: 60 });
      assert.equal(twin.status, 409);
      assert.equal(twin.json.errors[0].field, 'name');
      const id = first.json.id;
      // Two editors opened version 1; the first saves, the second is told.
      const one = await as('PUT', `/venue/rooms/${id}`, { name: 'Room 2', capacity: 45, version: 1 });
      assert.equal(one.status, 200);
      assert.equal(one.json.version, 2);
      const two = await as('PUT', `/venue/rooms/${id}`, { name: 'Room 2', capacity: 99, version: 1 });
      assert.equal(two.status, 409);
      assert.equal((await as('GET', '/venue')).json.rooms.find((x) => x.id === id).capacity, 45);
      assert.equal((await as('PUT', `/venue/rooms/${id}`, { name: 'Room 2', capacity: 45 })).status, 422, 'the version is required');
      // The same on the page: the form keeps what was typed and says someone saved first.
      const form = await secretariat.get(`/editions/${edition}/venue/rooms/${id}`);
      assert.equal(form.status, 200);
      const stale = await secretariat.post(`/editions/${edition}/venue/rooms/${id}`, { name: 'Room 2', capacity: '70', version: '1', windows: '' });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone saved this room since you opened it/);
      assert.match(stale.text, /value="70"/);
      const saved = await secretariat.post(`/editions/${edition}/venue/rooms/${id}`, { name: 'Room 2', capacity: '70', version: '2', windows: '2031-06-04 09:00-12:00', feature_streaming: '1' });
      assert.equal(saved.status, 303);
      const room = (await as('GET', '/venue')).json.rooms.find((x) => x.id === id);
      assert.equal(room.capacity, 70);
      assert.deepEqual(room.features, ['streaming']);
      assert.deepEqual(room.windows, [{ start: '2031-06-04T09:00', end: '2031-06-04T12:00' }]);
      assert.equal((await as('PUT', '/venue/rooms/999999', { name: 'Z', capacity: 1, version: 1 })).status, 404);
    });

    test('only the Secretariat changes the venue', async () => {
      const someone = await proposer(server, 'Venue Visitor');
      const page = await api(server.base, 'GET', `/editions/${edition}/venue`, { token: someone.token });
      assert.equal(page.status, 403);
      const add = await as('POST', '/venue/rooms', { name: 'Mine', capacity: 5 }, someone.token);
      assert.equal(add.status, 403);
      const anonymous = await api(server.base, 'POST', `/api/v1/editions/${edition}/venue/rooms`, { body: { name: 'Mine', capacity: 5 }, headers: csrfPair() });
      assert.equal(anonymous.status, 401);
      assert.ok(!(await as('GET', '/venue')).json.rooms.some((x) => x.name === 'Mine'));
    });
  });
}

describe('the demo venue', () => {
  let server;
  before(async () => { server = await startServer('sqlite', { demo: true, demoProposals: 20 }); });
  after(async () => { await server.stop(); });

  test('the demo editions ship with rooms, features and open windows', async () => {
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    const demo = editions.find((e) => e.name === 'IGF demo');
    const venue = (await api(server.base, 'GET', `/api/v1/editions/${demo.id}/venue`)).json;
    const hall = venue.rooms.find((r) => r.features.includes('interpretation'));
    assert.ok(hall, 'an interpreted main hall');
    assert.deepEqual(hall.languages, ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    assert.ok(hall.windows.every((w) => w.end.slice(11) <= '18:00'), 'three-hour windows');
    assert.ok(venue.rooms.some((r) => !r.features.includes('captioning')), 'not every room has captioning');
    assert.ok(venue.rooms.every((r) => r.windows.length > 0));
  });
});
