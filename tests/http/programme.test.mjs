// The public programme of the demo edition's published timetable: anyone reads it by day,
// room, theme, tag, type and words, without JavaScript; a session's page; a draft change
// stays off it until published; a signed-in participant marks "I plan to attend" (the
// marks are the demand the solver uses) and finds the session in their agenda; nobody
// signed in may read but not mark.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';

const demoName = 'Regional IGF demo 2027';

for (const engine of engines()) {
  describe(`public programme on ${engine}`, () => {
    let server, edition, sessions, participant;
    const path = (rest = '') => `/api/v1/editions/${edition}${rest}`;
    const get = (rest, token) => api(server.base, 'GET', path(rest), { token });
    const attend = (code, body, token = participant.token) =>
      api(server.base, 'PUT', path(`/programme/${code}/attendance`), { token, body });

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 20 });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
      edition = (editions.editions ?? editions).find((e) => e.name === demoName).id;
      sessions = (await get('/programme')).json.sessions;
      participant = await proposer(server, 'Paula Participant');
    });
    after(async () => { await server.stop(); });

    test('anyone reads the published programme, in time order, each with room, times and people', async () => {
      const r = await get('/programme');
      assert.equal(r.status, 200);
      assert.equal(r.json.published, true);
      assert.ok(sessions.length >= 5, `the demo publishes sessions (${sessions.length})`);
      const starts = sessions.map((s) => s.start);
      assert.deepEqual(starts, [...starts].sort(), 'in time order');
      for (const s of sessions) {
        assert.match(s.code, /^[A-Z0-9]+\d$/);
        assert.ok(s.room.name, `${s.code} has a room`);
        assert.match(s.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        assert.ok(s.end > s.start);
        assert.match(s.start_utc, /Z$/);
        assert.ok(Array.isArray(s.people));
        assert.equal(s.attending, undefined, 'nobody signed in has no marks');
      }
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme`);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(`Programme of ${demoName}`));
      for (const s of sessions.slice(0, 5)) assert.ok(page.text.includes(`>${s.code}</strong>`), s.code);
      assert.doesNotMatch(page.text, /<script(?![^>]*src=)/, 'no inline script');
      assert.ok(page.text.length < 200_000, `a small page (${page.text.length} bytes)`);
    });

    test('filters by day, room, theme, tag and type, and searches words, on the page and in the API', async () => {
      const s = sessions.find((x) => x.tags.length && x.theme) ?? sessions[0];
      const check = async (query, keep) => {
        const r = await get(`/programme?${new URLSearchParams(query)}`);
        assert.equal(r.status, 200, JSON.stringify(query));
        const expected = sessions.filter(keep).map((x) => x.code);
        assert.deepEqual(r.json.sessions.map((x) => x.code), expected, JSON.stringify(query));
        assert.ok(expected.includes(s.code));
        const page = await new Visitor(server.base).get(`/editions/${edition}/programme?${new URLSearchParams(query)}`);
        assert.equal(page.status, 200);
        for (const code of expected) assert.ok(page.text.includes(`>${code}</strong>`), code);
        return expected;
      };
      const oneDay = await check({ day: s.day }, (x) => x.day === s.day);
      await check({ room: s.room.name }, (x) => x.room.name === s.room.name);
      if (s.theme) await check({ theme: s.theme }, (x) => x.theme === s.theme);
      if (s.tags.length) await check({ tag: s.tags[0] }, (x) => x.tags.includes(s.tags[0]));
      await check({ type: s.type, day: s.day }, (x) => x.type === s.type && x.day === s.day);
      await check({ q: s.code.toLowerCase() }, (x) => x.code === s.code || `${x.title} ${x.code}`.toLowerCase().includes(s.code.toLowerCase()) || (x.description ?? '').toLowerCase().includes(s.code.toLowerCase()) || x.people.some((p) => p.name.toLowerCase().includes(s.code.toLowerCase())));
      assert.ok(oneDay.length < sessions.length || new Set(sessions.map((x) => x.day)).size === 1);
      if (s.people.length) {
        const name = s.people[0].name;
        const r = await get(`/programme?q=${encodeURIComponent(name.toUpperCase())}`);
        assert.ok(r.json.sessions.some((x) => x.code === s.code), 'people are found by name, whatever the case');
      }
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme`);
      assert.match(page.text, new RegExp(`href="/editions/${edition}/programme\\?day=${s.day}"`), 'a link per day');
      assert.match(page.text, /<form method="get"/, 'the filters are a plain GET form');
    });

    test('an empty result says so; a filter that is not text is a 400 naming it', async () => {
      const none = await new Visitor(server.base).get(`/editions/${edition}/programme?q=zzzz-no-such-words`);
      assert.equal(none.status, 200);
      assert.match(none.text, /No session matches/);
      assert.match(none.text, /0 sessions/);
      assert.deepEqual((await get('/programme?q=zzzz-no-such-words')).json.sessions, []);
      const long = await get(`/programme?q=${'x'.repeat(201)}`);
      assert.equal(long.status, 400);
      assert.equal(long.json.errors[0].field, 'q');
      const bad = await get('/programme?room=%FF');
      assert.equal(bad.status, 400);
      assert.equal(bad.json.errors[0].field, 'room');
    });

    test('a session has its own page with its people, room and times; an unknown code is 404', async () => {
      const s = sessions.find((x) => x.people.length) ?? sessions[0];
      const one = await get(`/programme/${s.code}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.code, s.code);
      assert.equal(typeof one.json.description, 'string');
      assert.deepEqual((await get(`/programme/${s.code.toLowerCase()}`)).json.code, s.code, 'any case');
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme/${s.code}`);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(s.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;')) || page.text.includes(s.code));
      assert.ok(page.text.includes(`<time datetime="${s.start_utc}"`), 'the start for the reader\'s own time');
      assert.match(page.text, new RegExp(s.room.name));
      for (const p of s.people.slice(0, 3)) assert.ok(page.text.includes(p.name.split(' ')[0]), p.name);
      assert.match(page.text, /Sign in to plan to attend/);
      assert.match(page.text, new RegExp(`/login\\?next=%2Feditions%2F${edition}%2Fprogramme%2F${s.code}`));
      assert.equal((await get('/programme/XX999')).status, 404);
      assert.equal((await new Visitor(server.base).get(`/editions/${edition}/programme/XX999`)).status, 404);
      assert.equal((await api(server.base, 'GET', '/api/v1/editions/999999/programme')).status, 404);
    });

    test('a change to the draft timetable stays off the public programme until published', async () => {
      const draft = await get('/timetable', server.admin.token);
      assert.equal(draft.status, 200);
      const rooms = (await get('/venue')).json.rooms;
      const moved = draft.json.sessions.find((x) => x.placement && !x.fixed && sessions.some((p) => p.code === x.code));
      const other = rooms.find((r) => r.id !== moved.placement.room);
      const r = await api(server.base, 'POST', path('/timetable/moves'), {
        token: server.admin.token,
        body: { session: moved.id, room: other.id, start: moved.placement.start, version: moved.version },
      });
      assert.equal(r.status, 200, r.text);
      const inDraft = (await get('/timetable', server.admin.token)).json.sessions.find((x) => x.id === moved.id);
      assert.equal(inDraft.placement.room, other.id, 'the draft moved');
      const published = sessions.find((x) => x.code === moved.code);
      const now = (await get(`/programme/${moved.code}`)).json;
      assert.equal(now.room.name, published.room.name, 'the public programme keeps the published room');
      assert.equal(now.start, published.start);
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme/${moved.code}`);
      assert.ok(page.text.includes(published.room.name) && !page.text.includes(`<dd>${other.name},`));
      const list = (await get(`/programme?room=${encodeURIComponent(other.name)}`)).json.sessions.map((x) => x.code);
      assert.ok(!list.includes(moved.code), 'not listed in the draft room');
    });

    test('nobody signed in may read but not mark, nor read an agenda', async () => {
      const s = sessions[0];
      const put = await api(server.base, 'PUT', path(`/programme/${s.code}/attendance`), { body: { attending: true }, headers: csrfPair() });
      assert.equal(put.status, 401);
      const anon = new Visitor(server.base);
      await anon.get(`/editions/${edition}/programme/${s.code}`);
      await anon.get('/login');
      const post = await anon.post(`/editions/${edition}/programme/${s.code}/attend`, { attending: '1' });
      assert.equal(post.status, 303);
      assert.match(post.headers.get('location'), /^\/login\?next=/, 'sent to sign in, then back');
      const agenda = await anon.get(`/editions/${edition}/agenda`);
      assert.equal(agenda.status, 303);
      assert.match(agenda.headers.get('location'), /^\/login\?next=%2Feditions%2F\d+%2Fagenda/);
      assert.equal((await get('/agenda')).status, 401);
      assert.equal((await get(`/programme/${s.code}`)).json.marks, s.marks, 'no mark was made');
      // The session page's "Sign in to plan to attend" comes back to the session.
      const reader = new Visitor(server.base);
      const page = await reader.get(`/editions/${edition}/programme/${s.code}`);
      const signIn = page.text.match(/href="(\/login\?next=[^"]+)">Sign in to plan to attend/)[1];
      await reader.get(signIn);
      const back = await reader.post('/login', { email: participant.email, password: 'a long enough password', next: decodeURIComponent(signIn.split('next=')[1]) });
      assert.equal(back.status, 303);
      assert.equal(back.headers.get('location'), `/editions/${edition}/programme/${s.code}`);
      assert.match((await reader.get(back.headers.get('location'))).text, /I plan to attend<\/button>/);
    });

    test('"I plan to attend" through the API adds and removes a mark; the agenda follows', async () => {
      const s = sessions[1];
      const before = (await get(`/programme/${s.code}`)).json.marks;
      const on = await attend(s.code, { attending: true });
      assert.equal(on.status, 200);
      assert.deepEqual(on.json, { code: s.code, attending: true, marks: before + 1 });
      assert.equal((await attend(s.code, { attending: true })).json.marks, before + 1, 'twice is once');
      assert.equal((await get(`/programme/${s.code}`)).json.marks, before + 1);
      assert.equal((await get(`/programme/${s.code}`, participant.token)).json.attending, true);
      const agenda = await get('/agenda', participant.token);
      assert.equal(agenda.status, 200);
      assert.deepEqual(agenda.json.sessions.map((x) => x.code), [s.code]);
      assert.equal(agenda.json.sessions[0].attending, true);
      assert.deepEqual(agenda.json.sessions[0].clashes, []);
      assert.equal(agenda.json.calendar, `/editions/${edition}/agenda/calendar`);
      const off = await attend(s.code, { attending: false });
      assert.deepEqual(off.json, { code: s.code, attending: false, marks: before });
      assert.deepEqual((await get('/agenda', participant.token)).json.sessions, []);
      for (const body of [{}, { attending: 'yes' }, { attending: 1 }, []]) {
        const r = await attend(s.code, body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.equal(r.json.errors[0].field, 'attending');
      }
      assert.equal((await attend('XX999', { attending: true })).status, 404);
    });

    test('a participant marks sessions on their pages, sees them on the programme and in the agenda, and removes one', async () => {
      const visitor = new Visitor(server.base);
      assert.equal((await visitor.signIn(participant.email, 'a long enough password')).status, 303);
      const chosen = sessions.slice(2, 5);
      for (const s of chosen) {
        const page = await visitor.get(`/editions/${edition}/programme/${s.code}`);
        assert.match(page.text, /I plan to attend<\/button>/);
        const r = await visitor.post(`/editions/${edition}/programme/${s.code}/attend`, { attending: '1', back: `/editions/${edition}/programme/${s.code}` });
        assert.equal(r.status, 303);
        assert.equal(r.headers.get('location'), `/editions/${edition}/programme/${s.code}`);
        const after = await visitor.get(`/editions/${edition}/programme/${s.code}`);
        assert.match(after.text, /You plan to attend\./);
        assert.match(after.text, /I no longer plan to attend/);
      }
      const list = await visitor.get(`/editions/${edition}/programme`);
      assert.equal((list.text.match(/You plan to attend</g) ?? []).length, 3);
      const agenda = await visitor.get(`/editions/${edition}/agenda`);
      assert.equal(agenda.status, 200);
      const order = chosen.map((s) => agenda.text.indexOf(`>${s.code}</strong>`));
      assert.ok(order.every((i) => i > 0), 'every marked session is in the agenda');
      assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in time order');
      assert.match(agenda.text, new RegExp(`href="/editions/${edition}/agenda/calendar"`));
      const removed = await visitor.post(`/editions/${edition}/programme/${chosen[0].code}/attend`, { attending: '0', back: `/editions/${edition}/agenda` });
      assert.equal(removed.status, 303);
      assert.equal(removed.headers.get('location'), `/editions/${edition}/agenda`);
      const now = await visitor.get(`/editions/${edition}/agenda`);
      assert.ok(!now.text.includes(`>${chosen[0].code}</strong>`));
      assert.ok(now.text.includes(`>${chosen[1].code}</strong>`));
      const elsewhere = await visitor.post(`/editions/${edition}/programme/${chosen[1].code}/attend`, { attending: '1', back: 'https://evil.example/' });
      assert.equal(elsewhere.headers.get('location'), `/editions/${edition}/programme/${chosen[1].code}`, 'never sent off the site');
      const bad = await visitor.post(`/editions/${edition}/programme/${chosen[1].code}/attend`, { attending: 'maybe' });
      assert.equal(bad.status, 422);
      const api3 = await get('/agenda', participant.token);
      assert.deepEqual(api3.json.sessions.map((x) => x.code), chosen.slice(1).map((x) => x.code));
    });

    test('the edition page links the programme', async () => {
      const page = await new Visitor(server.base).get(`/editions/${edition}`);
      assert.match(page.text, new RegExp(`href="/editions/${edition}/programme"`));
    });
  });
}
