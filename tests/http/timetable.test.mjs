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
  const select = html.match(new RegExp(`<select id="[^"]*" name="${name}"[^>]*>([\\s\\S]*?)</select>`))[1];
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
      assert.match(grid.text, /<div class="table-scroll" role="region" aria-label="Timetable of \d{1,2} \w+ \d{4}" tabindex="0">/);
      assert.match(grid.text, /<th scope="col">[^<]+ <span class="meta">\(\d+ seats\)<\/span><\/th>/);
      assert.match(grid.text, /<th scope="row">09:00<\/th>/);
      assert.equal((await secretariat.post(page('/sync'), {})).headers.get('location').match(/synced=(\d+)/)[1], '0', 'once only');
      assert.equal((await secretariat.get(page('?day=1999-01-01'))).status, 404, 'a day the edition does not have');
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

    test('the solver completes the timetable from the page: counts, total, lower bound, no conflict', async () => {
      const r = await secretariat.post(page('/complete'), { keep_placed: '0' });
      assert.equal(r.status, 303);
      assert.match(r.headers.get('location'), /completed=run&placed=\d+/);
      const grid = await secretariat.get(r.headers.get('location'));
      assert.match(grid.text, /The solver completed the timetable/);
      assert.match(grid.text, /\d+ sessions placed, \d+ left off the grid\. Total of the compromises: \d+(, the best possible\.|; the lower bound is \d+, so it is at most \d+ from the best\.)/);
      assert.match(grid.text, /No conflict: every placed session keeps every rule/);
      assert.match(grid.text, /<div class="slot" data-session="\d+" data-version="\d+"><a href="[^"]+">WS\d+<\/a> \d\d:\d\d–\d\d:\d\d/);
      // The API names the same compromises, adding up to the total.
      const shown = (await as('GET', '/timetable')).json;
      assert.deepEqual(shown.conflicts, []);
      assert.equal(shown.total, shown.compromises.reduce((sum, c) => sum + c.cost, 0));
      for (const c of shown.compromises) assert.ok(c.text.includes(c.sessions[0]), JSON.stringify(c));
      // A run keeping what is placed changes none of it.
      const before = (await as('GET', '/timetable')).json.sessions.map((s) => [s.id, s.placement]);
      assert.equal((await secretariat.post(page('/complete'), { keep_placed: '1' })).status, 303);
      const after = (await as('GET', '/timetable')).json.sessions.map((s) => [s.id, s.placement]);
      for (const [id, placement] of before)
        if (placement) assert.deepEqual(after.find((x) => x[0] === id)[1], placement);
    });

    test('a solver run with nothing to place is a clear 422, and nothing changes', async () => {
      const editions = (await api(server.base, 'GET', '/api/v1/editions', { token: server.admin.token })).json.editions;
      const empty = editions.find((e) => e.name === 'IGF demo').id;
      const grid = await secretariat.get(`/editions/${empty}/timetable`);
      assert.equal(grid.status, 200);
      const r = await secretariat.post(`/editions/${empty}/timetable/complete`, { keep_placed: '1' });
      assert.equal(r.status, 422);
      assert.match(r.text, /There are no sessions to place yet/);
      assert.match(r.text, /0 sessions to place/);
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

// Moves by form on the demo's regional IGF: its 13 sessions placed by the solver and
// published, the opening fixed in the main hall.
for (const engine of engines()) {
  describe(`moving sessions by form on ${engine}`, () => {
    let server, edition, secretariat, rooms;
    const as = (method, path, body) =>
      api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: server.admin.token, body });
    const page = (rest = '') => `/editions/${edition}/timetable${rest}`;
    const draft = async () => (await as('GET', '/timetable')).json;
    const moveForm = (html) => ({ session: [...html.matchAll(/name="session" value="(\d+)"/g)][0][1], version: html.slice(html.indexOf('<h2 id="move">')).match(/name="version" value="(\d+)"/)[1] });
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 20, testHooks: true });
      edition = (await api(server.base, 'GET', '/api/v1/editions', { token: server.admin.token })).json.editions
        .find((e) => e.name === 'Regional IGF demo 2027').id;
      rooms = (await as('GET', '/venue')).json.rooms;
      secretariat = new Visitor(server.base);
      assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
    });
    after(async () => { await server.stop(); });

    test('a session moves by choosing a room and a start; the conflicts it causes show at once', async () => {
      const grid = await secretariat.get(page('?day=2027-04-21'));
      assert.equal(grid.status, 200);
      assert.match(grid.text, /aria-current="page">21 April 2027<\/a>/);
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1');
      const form = await secretariat.get(page(`/sessions/${s.id}`));
      assert.equal(form.status, 200);
      assert.deepEqual(options(form.text, 'room'), rooms.map((r) => String(r.id)));
      assert.ok(options(form.text, 'start').includes('2027-04-22T17:00'));
      const { version } = moveForm(form.text);
      assert.equal(Number(version), s.version);
      const hall = rooms[0].id;
      const moved = await secretariat.post(page('/moves'), { session: s.id, version, room: hall, start: '2027-04-21T13:00' });
      assert.equal(moved.status, 303);
      assert.equal(moved.headers.get('location'), `/editions/${edition}/timetable?day=2027-04-21&moved=${s.id}#moved`);
      const after = await secretariat.get(moved.headers.get('location'));
      assert.match(after.text, new RegExp(`${s.code}</a> is now at ${rooms[0].name}, 2027-04-21 13:00`));
      assert.match(after.text, /It is in these conflicts and compromises:<\/p><ul><li><strong>Conflict:<\/strong> [^<]*is not inside an open window/);
      assert.match(after.text, /<h3>Conflicts to resolve \(\d+\)<\/h3>/);
      // The second editor, over the version both saw, is told; nothing is overwritten.
      const stale = await secretariat.post(page('/moves'), { session: s.id, version, room: rooms[1].id, start: '2027-04-22T10:00' });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone else moved/);
      assert.match(stale.text, /<h2 id="move">Move<\/h2>/, 'the session\'s page, to move it again');
      assert.deepEqual((await draft()).sessions.find((x) => x.id === s.id).placement, { room: hall, start: '2027-04-21T13:00' });
      // Off the grid, then listed with what the solver says about it.
      const current = moveForm((await secretariat.get(page(`/sessions/${s.id}`))).text);
      const off = await secretariat.post(page('/moves'), { session: s.id, version: current.version, take_off: '1' });
      assert.equal(off.status, 303);
      const listed = await secretariat.get(off.headers.get('location'));
      assert.match(listed.text, /The session is off the grid/);
      assert.match(listed.text, new RegExp(`<li><a href="/editions/${edition}/timetable/sessions/${s.id}">${s.code}</a> [^<]*: it is off the grid, though it fits: `));
      const api = await draft();
      assert.match(api.unplaced.find((u) => u.session === s.code).reason, /it is off the grid, though it fits/);
      assert.equal(api.total, api.compromises.reduce((sum, c) => sum + c.cost, 0), 'the compromises add up to the total');
    });

    test('a fixed session does not move, nothing lands on it, and bad starts are named', async () => {
      const d = await draft();
      const opening = d.sessions.find((x) => x.code === 'OP1');
      const other = d.sessions.find((x) => x.code !== 'OP1' && x.placement);
      const fixed = await secretariat.post(page('/moves'), { session: opening.id, version: String(opening.version), room: rooms[1].id, start: '2027-04-21T10:00' });
      assert.equal(fixed.status, 409);
      assert.match(fixed.text, /OP1 has a fixed placement; change its fixed placement first/);
      const onto = await secretariat.post(page('/moves'), { session: other.id, version: String(other.version), room: rooms[0].id, start: '2027-04-20T09:30' });
      assert.equal(onto.status, 409);
      assert.match(onto.text, /cannot go there: OP1 is fixed in that room at that time/);
      const offGrid = await secretariat.post(page('/moves'), { session: other.id, version: String(other.version), room: rooms[1].id, start: '2027-04-21T10:07' });
      assert.equal(offGrid.status, 422);
      assert.equal((await secretariat.post(page('/moves'), { session: '999999', version: '1', room: rooms[1].id, start: '2027-04-21T10:00' })).status, 404);
      assert.deepEqual((await draft()).sessions.find((x) => x.id === other.id).placement, other.placement, 'nothing stored');
    });

    test('from the lock date set on the settings page, no session moves and the solver does not run', async () => {
      const settings = await secretariat.get(page('/settings'));
      assert.equal(settings.status, 200);
      const bad = await secretariat.post(page('/settings'), { granularity: '7', weight_overflow: 'lots', weight_similar: '50', weight_night: '20', weight_change: '100', locked_from: 'soon' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /value="lots"/);
      assert.match(bad.text, /href="#field-weight_overflow"/);
      assert.match(bad.text, /href="#field-locked_from"/);
      const now = new Date(await moveClock(server, 0));
      const inAnHour = new Date(now.getTime() + 3600e3).toISOString().slice(0, 16).replace('T', ' ');
      const saved = await secretariat.post(page('/settings'), { granularity: '15', weight_overflow: '1', weight_similar: '50', weight_night: '20', weight_change: '100', locked_from: inAnHour });
      assert.equal(saved.status, 303);
      assert.equal((await as('GET', '/timetable/settings')).json.locked_from, `${inAnHour.replace(' ', 'T')}:00Z`);
      const s = (await draft()).sessions.find((x) => x.code !== 'OP1' && x.placement);
      await moveClock(server, 7200);
      const grid = await secretariat.get(page());
      assert.match(grid.text, /The timetable is locked since/);
      const refused = await secretariat.post(page('/moves'), { session: s.id, version: String(s.version), room: s.placement.room, start: '2027-04-22T18:00' });
      assert.equal(refused.status, 409);
      assert.match(refused.text, /is locked: from the lock date no session moves/);
      const run = await secretariat.post(page('/complete'), { keep_placed: '1' });
      assert.equal(run.status, 409);
      assert.match(run.text, /is locked/);
      assert.deepEqual((await draft()).sessions.find((x) => x.id === s.id).placement, s.placement);
      await moveClock(server, -7200);
      assert.equal((await secretariat.post(page('/settings'), { granularity: '15', weight_overflow: '1', weight_similar: '50', weight_night: '20', weight_change: '100', locked_from: '' })).status, 303);
    });

    test('re-planning with the fewest changes keeps the published timetable where it can', async () => {
      const grid = await secretariat.get(page());
      assert.match(grid.text, /Re-plan with the fewest changes/);
      const r = await secretariat.post(page('/complete'), { keep_placed: '0', replan: '1' });
      assert.equal(r.status, 303);
      const after = await secretariat.get(r.headers.get('location'));
      assert.match(after.text, /The solver re-planned with the fewest changes/);
      assert.match(after.text, /No conflict: every placed session keeps every rule/);
    });
  });
}
