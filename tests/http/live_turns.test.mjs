// Every finished turn of a speaking queue is also a row (who, group, gender if stated,
// where, start and end), written with the queue change that ended it: giving the floor to
// another, the next, ending the turn, the next agenda item, closing the room, and two
// chairs at once. The edition's figures (page and API) read these rows, for its
// Secretariat and its MAG only; an edition where nobody spoke says so.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { signedInMember } from '../support/evaluation.mjs';

const newEdition = async (server, name, year) => (await api(server.base, 'POST', '/api/v1/editions', {
  token: server.admin.token,
  body: { name, year, start_date: `${year}-06-01`, end_date: `${year}-06-04`, time_zone: 'UTC', venue: 'Geneva' },
})).json.id;

for (const engine of engines()) {
  describe(`turns as rows and the figures on ${engine}`, () => {
    let server, edition, emptyEdition, chair, coChair, people, member;
    const as = (who, method, p, body) => api(server.base, method, p, { token: who.token, body });
    const rooms = (rest = '') => `/api/v1/editions/${edition}/live-rooms${rest}`;
    const figures = async () => {
      const r = await as(server.admin, 'GET', rooms('/figures'));
      assert.equal(r.status, 200, r.text);
      return r.json;
    };
    const open = async (title, agenda = []) => {
      const r = await as(server.admin, 'POST', rooms(), { title, agenda, chairs: [chair.email, coChair.email] });
      assert.equal(r.status, 201, r.text);
      return r.json.id;
    };
    const act = (who, room, body) => as(who, 'POST', rooms(`/${room}/chair`), body);
    const ask = (who, room, body = {}) => as(who, 'POST', rooms(`/${room}/queue`), body);

    before(async () => {
      server = await startServer(engine, { testHooks: true });
      edition = await newEdition(server, 'IGF Turns', 2034);
      emptyEdition = await newEdition(server, 'IGF Quiet', 2035);
      chair = await proposer(server, 'Chris Chair');
      coChair = await proposer(server, 'Cora Cochair');
      people = [];
      for (const name of ['Ana Onsite', 'Ben Online', 'Chen Three', 'Dee Four'])
        people.push(await proposer(server, name));
      const added = await as(server.admin, 'POST', `/api/v1/editions/${edition}/members`, {
        name: 'Mia Member', email: `mia.${engine}@mag.test`, organisation: 'MAG', country: 'BR',
        stakeholder_group: 'government', gender: 'woman',
      });
      assert.equal(added.status, 201, added.text);
      member = await signedInMember(server, { email: `mia.${engine}@mag.test`, password: added.json.temporary_password });
    });
    after(async () => { await server.stop(); });

    test('an edition where nobody spoke says so', async () => {
      const r = await as(server.admin, 'GET', `/api/v1/editions/${emptyEdition}/live-rooms/figures`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.empty, true);
      assert.equal(r.json.all.turns, 0);
      assert.deepEqual(r.json.rooms, []);
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      const page = await admin.get(`/editions/${emptyEdition}/live-rooms/figures`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Nobody has spoken in a live room of this edition yet/);
    });

    test('giving the floor, the next, ending, the next item and closing the room each write the turn', async () => {
      const room = await open('MAG open consultation', ['Opening', 'Any other business']);
      assert.equal((await ask(people[0], room, { where: 'onsite', stakeholder_group: 'civil_society', gender: 'woman' })).status, 201);
      assert.equal((await ask(people[1], room, { where: 'online', stakeholder_group: 'government' })).status, 201);
      assert.equal((await ask(people[2], room, { stakeholder_group: 'academia', gender: 'man' })).status, 201);
      let r = await act(chair, room, { action: 'next' });
      assert.equal(r.json.speaking.name, 'Ana Onsite');
      assert.equal((await figures()).all.turns, 0, 'nobody has finished yet');
      await moveClock(server, 30);
      // give: Ana's turn ends as Chen gets the floor
      r = await act(chair, room, { action: 'give', request: r.json.waiting.find((w) => w.name === 'Chen Three').id });
      assert.equal(r.status, 200, r.text);
      let f = await figures();
      assert.equal(f.all.turns, 1);
      assert.equal(f.rooms[0].figures.by_group.find((g) => g.code === 'civil_society').seconds >= 30, true);
      await moveClock(server, 20);
      // next: Chen's turn ends as Ben gets the floor
      await act(coChair, room, { action: 'next' });
      await moveClock(server, 10);
      // end: Ben's turn
      await act(chair, room, { action: 'end' });
      f = await figures();
      assert.equal(f.all.turns, 3);
      // next_item: the speaker's turn ends with the item
      await ask(people[0], room, { where: 'onsite', stakeholder_group: 'civil_society', gender: 'woman' });
      await act(chair, room, { action: 'next' });
      await moveClock(server, 5);
      r = await act(chair, room, { action: 'next_item' });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.speaking, null);
      // close_room: the last speaker's turn ends with the room
      await ask(people[3], room, { where: 'online' });
      await act(chair, room, { action: 'next' });
      await moveClock(server, 7);
      r = await act(chair, room, { action: 'close_room' });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'closed');
      f = await figures();
      const mine = f.rooms.find((x) => x.id === room).figures;
      assert.equal(mine.turns, 5, 'give, next, end, next item, close room');
      assert.equal(mine.turns, r.json.figures.turns, 'as many rows as turns in the queue');
      assert.equal(mine.speakers, 4, 'Ana spoke twice and is counted once');
      assert.ok(mine.seconds >= 72 && mine.seconds < 90, `speaking time ${mine.seconds}`);
      const group = (code) => mine.by_group.find((g) => g.code === code);
      assert.equal(group('civil_society').turns, 2);
      assert.equal(group('civil_society').speakers, 1);
      assert.ok(group('civil_society').seconds >= 35);
      assert.equal(mine.by_where.find((w) => w.code === 'online').turns, 2);
      assert.equal(mine.by_where.find((w) => w.code === 'onsite').turns, 3);
      const unstated = mine.by_gender.find((g) => g.code === '');
      assert.equal(unstated.turns, 2, 'Ben and Dee gave no gender');
      assert.equal(unstated.label, 'Not given');
      assert.equal(mine.by_gender.find((g) => g.code === 'woman').speakers, 1);
      assert.match(mine.time, /^\d+:\d\d$/);
      assert.equal(f.empty, false);
      assert.equal(f.all.turns, mine.turns);
    });

    test('two chairs at once: every turn written once, in order', { timeout: 30000 }, async () => {
      const room = await open('Coordination call');
      for (const p of people) assert.equal((await ask(p, room, { where: 'online' })).status, 201);
      await act(chair, room, { action: 'relay', name: 'Remote Rita' });
      const answers = await Promise.all([
        act(chair, room, { action: 'next' }), act(coChair, room, { action: 'next' }),
        act(chair, room, { action: 'next' }), act(coChair, room, { action: 'next' }),
        act(chair, room, { action: 'next' }),
      ]);
      for (const a of answers) assert.equal(a.status, 200, a.text);
      const state = (await api(server.base, 'GET', rooms(`/${room}`))).json;
      assert.equal(state.figures.turns, 4, 'five gave the floor: four turns ended');
      const f = await figures();
      const mine = f.rooms.find((x) => x.id === room).figures;
      assert.equal(mine.turns, 4);
      assert.equal(mine.speakers, 4);
      assert.equal(mine.by_where.find((w) => w.code === 'online').turns, 4);
      await act(coChair, room, { action: 'close_room' });
      const closed = (await figures()).rooms.find((x) => x.id === room).figures;
      assert.equal(closed.turns, 5);
      assert.equal(closed.speakers, 5);
    });

    test('the figures are for the Secretariat and the MAG; the page draws them with their tables', async () => {
      assert.equal((await api(server.base, 'GET', rooms('/figures'))).status, 401);
      assert.equal((await as(people[0], 'GET', rooms('/figures'))).status, 403);
      assert.equal((await as(chair, 'GET', rooms('/figures'))).status, 403, 'chairing a room is not reading the edition');
      const byMember = await member.api('GET', rooms('/figures'));
      assert.equal(byMember.status, 200, byMember.text);
      assert.equal((await member.api('GET', `/api/v1/editions/${emptyEdition}/live-rooms/figures`)).status, 403, 'a member of another edition');
      const all = byMember.json.all;
      const sum = (list) => list.reduce((n, x) => n + x.turns, 0);
      assert.equal(sum(all.by_group), all.turns);
      assert.equal(sum(all.by_gender), all.turns);
      assert.equal(sum(all.by_where), all.turns);
      assert.equal(all.turns, byMember.json.rooms.reduce((n, r) => n + r.figures.turns, 0));

      const page = await member.get(`/editions/${edition}/live-rooms/figures`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Who spoke in the live rooms of IGF Turns/);
      assert.match(page.text, /<svg[^>]*role="img"/);
      assert.match(page.text, /<caption>Speaking time by stakeholder group: the numbers<\/caption>/);
      assert.match(page.text, /<caption>Speaking time by gender: the numbers<\/caption>/);
      assert.match(page.text, /<caption>Speaking time by where people spoke from: the numbers<\/caption>/);
      assert.match(page.text, /Coordination call/);
      assert.doesNotMatch(page.text, /href="[^"]*\/live-rooms"/, 'the rooms list is the Secretariat\'s');
      const proposerPage = new Visitor(server.base);
      await proposerPage.signIn(people[0].email, 'a long enough password');
      assert.equal((await proposerPage.get(`/editions/${edition}/live-rooms/figures`)).status, 403);
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      const list = await admin.get(`/editions/${edition}/live-rooms`);
      assert.match(list.text, /live-rooms\/figures/, 'the rooms list links to the figures');
    });

    test('the rows outlive a restart', { timeout: 30000 }, async () => {
      const before = await figures();
      await server.stop({ keepDatabase: true });
      server = await startServer(engine, { again: server, testHooks: true });
      assert.deepEqual(await figures(), before);
    });
  });

  describe(`the programme links to a session's live room on ${engine}`, () => {
    let server, edition;
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 20 });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
      edition = (editions.editions ?? editions).find((e) => e.name === 'Regional IGF demo 2027').id;
    });
    after(async () => { await server.stop(); });

    test('the session page links to its open room, the rooms list to the session; the demo meeting has its rows', async () => {
      const session = (await api(server.base, 'GET', `/api/v1/editions/${edition}/programme`)).json.sessions[0];
      const before = await fetch(`${server.base}/editions/${edition}/programme/${session.code}`);
      assert.doesNotMatch(await before.text(), /Join the speaking queue and captions/);
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      const list = await admin.get(`/editions/${edition}/live-rooms`);
      const option = list.text.match(new RegExp(`<option value="(\\d+)"[^>]*>${session.code} `));
      assert.ok(option, 'the session is offered');
      const opened = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
        token: server.admin.token, body: { kind: 'session', session: Number(option[1]), chairs: [server.admin.email] },
      });
      assert.equal(opened.status, 201, opened.text);
      const page = await (await fetch(`${server.base}/editions/${edition}/programme/${session.code}`)).text();
      assert.match(page, new RegExp(`<a class="button" href="/editions/${edition}/live-rooms/${opened.json.id}">Join the speaking queue and captions</a>`));
      const rooms = await admin.get(`/editions/${edition}/live-rooms`);
      assert.ok(rooms.text.includes(`href="/editions/${edition}/programme/${session.code}"`), 'the room links to its programme page');
      // The demo's open consultation: its earlier turns are rows too.
      const igfDemo = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo').id;
      const f = await api(server.base, 'GET', `/api/v1/editions/${igfDemo}/live-rooms/figures`, { token: server.admin.token });
      assert.equal(f.status, 200, f.text);
      const demo = f.json.rooms.find((r) => r.title === 'MAG open consultation');
      assert.equal(demo.figures.turns, 5);
      // Its captions so far, numbered from 1: the chair opens, then each turn's speaker in
      // order, the one with the floor speaking last; the room page and the full-screen
      // view show them to anyone at once.
      const demoPath = `/editions/${igfDemo}/live-rooms/${demo.id}`;
      const state = (await api(server.base, 'GET', '/api/v1' + demoPath)).json;
      const captions = await api(server.base, 'GET', '/api/v1' + demoPath + '/captions');
      assert.equal(captions.status, 200, captions.text);
      const sequences = captions.json.chunks.map((c) => c.sequence);
      assert.deepEqual(sequences, sequences.map((_, i) => i + 1));
      assert.equal(captions.json.last, sequences.length);
      const said = captions.json.chunks.map((c) => c.text).join('');
      assert.match(said, /^>> CHAIR: /);
      const named = [...said.matchAll(/^>> ([^:\n]+):/gm)].map((m) => m[1]).filter((n) => n !== 'CHAIR');
      const upper = (name) => name.replace(/[a-z]/g, (c) => c.toUpperCase());
      assert.equal(named.length, 6);
      assert.equal(named.at(-1), upper(state.speaking.name), 'the one with the floor speaks last');
      const roomPage = await (await fetch(server.base + demoPath)).text();
      assert.match(roomPage, /<h2 id="captions-heading">Captions<\/h2>/);
      assert.ok(roomPage.includes(`<div class="caption-turn" data-caption-open><h3 class="caption-speaker">${upper(state.speaking.name)}</h3>`), 'the speaker with the floor, still speaking');
      assert.match(roomPage, /data-caption-topic="live-captions-\d+-en"/);
      const fullScreen = await fetch(server.base + demoPath + '/captions');
      assert.equal(fullScreen.status, 200);
      assert.match(await fullScreen.text(), /stocktaking of intersessional work/);
      // Closed, the room is no longer offered from the programme.
      await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms/${opened.json.id}/chair`, { token: server.admin.token, body: { action: 'close_room' } });
      assert.doesNotMatch(await (await fetch(`${server.base}/editions/${edition}/programme/${session.code}`)).text(), /Join the speaking queue/);
    });
  });
}
