// The Secretariat's timetable: the grid per day as a real table, the sessions brought in
// from the MAG's decisions, the solver completing the timetable, moves by form (a stale
// move told and nothing overwritten, a fixed session and the lock date refused), each
// session's settings for the solver (every bad field named, two editors never overwrite
// each other), and only the Secretariat may see or change any of it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { openCall, proposer, csrfPair } from '../support/proposals.mjs';

const options = (html, name) => {
  const select = html.match(new RegExp(`<select id="[^"]*" name="${name}">([\\s\\S]*?)</select>`))[1];
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
};
// The last hidden field of the name: the session's settings form ends the page.
const hidden = (html, name) => [...html.matchAll(new RegExp(`name="${name}" value="([^"]*)"`, 'g'))].at(-1)[1];

for (const engine of engines()) {
  describe(`the Secretariat's timetable on ${engine}`, () => {
    let server, edition, secretariat, sessions;
    const as = (method, path, body, token) =>
      api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: token ?? server.admin.token, body });
    const page = (rest = '') => `/editions/${edition}/timetable${rest}`;
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60, testHooks: true });
      edition = (await api(server.base, 'GET', '/api/v1/editions', { token: server.admin.token })).json.editions
        .find((e) => e.name === 'IGF demo 2026').id;
      assert.equal((await as('POST', '/selection')).status, 200);
      assert.ok((await as('POST', '/decisions/from-selection')).json.recorded > 0);
      secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
    });
    after(async () => { await server.stop(); });

    test('the accepted proposals are brought in as sessions to place, listed off the grid', async () => {
      const empty = await secretariat.get(page());
      assert.equal(empty.status, 200);
      assert.match(empty.text, /0 sessions to place/);
      const synced = await secretariat.post(page('/sync'), {});
      assert.equal(synced.status, 303);
      assert.match(synced.headers.get('location'), /synced=\d+/);
      const grid = await secretariat.get(synced.headers.get('location'));
      assert.match(grid.text, /Accepted sessions brought in: [1-9]\d* new/);
      assert.match(grid.text, /<h2 id="unplaced">Not on the grid<\/h2>\s*<ul><li><a href="\/editions\/\d+\/timetable\/sessions\/\d+">WS\d+<\/a>/);
      sessions = [...grid.text.matchAll(/href="\/editions\/\d+\/timetable\/sessions\/(\d+)">(\w+)<\/a>/g)]
        .map((m) => ({ id: Number(m[1]), code: m[2] }));
      assert.ok(sessions.length > 5);
      // A real table per day: rooms as column headers, hours as row headers, in a scrolling region.
      assert.match(grid.text, /<div class="table-scroll" role="region" aria-label="Timetable of \d{4}-\d\d-\d\d" tabindex="0">/);
      assert.match(grid.text, /<th scope="col">[^<]+ <span class="meta">\(\d+ seats\)<\/span><\/th>/);
      assert.match(grid.text, /<th scope="row">09:00<\/th>/);
      assert.equal((await secretariat.post(page('/sync'), {})).headers.get('location').match(/synced=(\d+)/)[1], '0', 'once only');
    });

    test('a session\'s settings: every bad field named, what was typed kept, two editors never overwrite each other', async () => {
      const [one, two] = sessions;
      const form = await secretariat.get(page(`/sessions/${one.id}`));
      assert.equal(form.status, 200);
      const version = hidden(form.text, 'version');
      const bad = await secretariat.post(page(`/sessions/${one.id}`), {
        version: '999', duration: 'long', demand: '-3', tags: 'children\'s rights, safety',
        fixed_room: '', fixed_start: '2031-13-01 09:00', after: `${one.code}, XX99`,
      });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /Give a whole number/);
      assert.match(bad.text, /There is no session XX99 in this edition/);
      assert.match(bad.text, /Choose the room of the fixed place/);
      assert.match(bad.text, /value="long"/, 'what was typed is kept');
      const circle = await secretariat.post(page(`/sessions/${two.id}`), { version: hidden((await secretariat.get(page(`/sessions/${two.id}`))).text, 'version'), duration: '60', after: one.code });
      assert.equal(circle.status, 303);
      const round = await secretariat.post(page(`/sessions/${one.id}`), { version, duration: '60', after: `${two.code}, ${one.code}` });
      assert.equal(round.status, 422);
      assert.match(round.text, /cannot follow itself/);
      assert.match(round.text, new RegExp(`${one.code} cannot follow ${two.code}: ${two.code} already follows ${one.code}`));
      const saved = await secretariat.post(page(`/sessions/${one.id}`), {
        version, duration: '75', demand: '140', tags: 'children\'s rights, safety', need_captioning: '1', after: '',
      });
      assert.equal(saved.status, 303);
      const stale = await secretariat.post(page(`/sessions/${one.id}`), { version, duration: '30' });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone saved this session since you opened it; nothing was overwritten/);
      assert.match(stale.text, /value="30"/);
      const shown = await as('GET', `/timetable/sessions/${one.id}`);
      assert.equal(shown.status, 200);
      assert.equal(shown.json.duration, 75);
      assert.equal(shown.json.demand, 140);
      assert.deepEqual(shown.json.needs, ['captioning']);
      assert.deepEqual(shown.json.tags, ['children\'s rights', 'safety']);
      // The same through the API, by version.
      const put = await as('PUT', `/timetable/sessions/${one.id}`, { version: shown.json.version, duration: 90, after: [two.code] });
      assert.equal(put.status, 422, 'a circle through the API too');
      assert.equal(put.json.errors[0].field, 'after');
      const ok = await as('PUT', `/timetable/sessions/${one.id}`, { version: shown.json.version, duration: 90, tags: ['children\'s rights'] });
      assert.equal(ok.status, 200);
      assert.equal(ok.json.version, shown.json.version + 1);
      assert.equal((await as('PUT', `/timetable/sessions/${one.id}`, { version: shown.json.version, duration: 45 })).status, 409);
      assert.equal((await as('PUT', `/timetable/sessions/${one.id}`, { duration: 45 })).status, 422, 'the version is required');
      const badFixed = await as('PUT', `/timetable/sessions/${one.id}`, { version: ok.json.version, duration: 4, fixed: { room: 999999, start: 'soon' } });
      assert.equal(badFixed.status, 422);
      assert.deepEqual(badFixed.json.errors.map((e) => e.field), ['fixed.room']);
      assert.equal((await as('GET', `/timetable/sessions/999999`)).status, 404);
      // Back to the estimate the solver tests below expect.
      assert.equal((await as('PUT', `/timetable/sessions/${one.id}`, { version: ok.json.version, duration: 60, demand: 0, needs: [] })).status, 200);
    });

    test('only the Secretariat sees the timetable or changes a session', async () => {
      const someone = await proposer(server, 'Timetable Visitor');
      assert.equal((await api(server.base, 'GET', page(), { token: someone.token })).status, 403);
      assert.equal((await as('GET', `/timetable/sessions/${sessions[0].id}`, undefined, someone.token)).status, 403);
      assert.equal((await as('PUT', `/timetable/sessions/${sessions[0].id}`, { version: 1, duration: 30 }, someone.token)).status, 403);
      const anonymous = await api(server.base, 'PUT', `/api/v1/editions/${edition}/timetable/sessions/${sessions[0].id}`, { body: { version: 1 }, headers: csrfPair() });
      assert.equal(anonymous.status, 401);
      assert.ok([401, 303].includes((await api(server.base, 'GET', page())).status));
    });
  });
}
