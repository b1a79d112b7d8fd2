// Live rooms and the speaking queue: the Secretariat opens a room and names its chairs and
// online moderator; participants ask for the floor (one open request each) and withdraw;
// the chair works the queue; two chairs acting at once lose nothing; the room's page is
// public and its forms work without JavaScript; a restart brings the queue back as it was.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, proposer } from '../support/proposals.mjs';
import { eventReader } from '../support/events.mjs';

const names = (room) => room.waiting.map((w) => w.name);

for (const engine of engines()) {
  describe(`live rooms on ${engine}`, () => {
    let server, edition, chair, coChair, moderator, people, room;
    const path = (rest = '') => `/api/v1/editions/${edition}/live-rooms/${room}${rest}`;
    const as = (who, method, p, body) => api(server.base, method, p, { token: who.token, body });

    before(async () => {
      server = await startServer(engine);
      const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Live', year: 2033, start_date: '2033-06-01', end_date: '2033-06-04', time_zone: 'UTC', venue: 'Geneva' } });
      edition = e.json.id;
      chair = await proposer(server, 'Chris Chair');
      coChair = await proposer(server, 'Cora Cochair');
      moderator = await proposer(server, 'Mo Moderator');
      people = [];
      for (const name of ['Ana Onsite', 'Ben Online', 'Chen Three', 'Dee Four', 'Eve Five', 'Fay Six'])
        people.push(await proposer(server, name));
    });
    after(async () => { await server.stop(); });

    test('the Secretariat opens a meeting with its agenda and names who runs it; others may not', async () => {
      const refused = await as(people[0], 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: 'Mine', chairs: [people[0].email] });
      assert.equal(refused.status, 403);
      const noChair = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: 'MAG open consultation' });
      assert.equal(noChair.status, 422);
      assert.ok(noChair.json.errors.some((e) => e.field === 'chairs'), noChair.text);
      const unknown = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: 'MAG open consultation', chairs: ['nobody@nowhere.test'] });
      assert.equal(unknown.status, 422);
      assert.match(unknown.text, /nobody@nowhere\.test/);
      const badSession = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { kind: 'session', session: 999999, chairs: [chair.email] });
      assert.equal(badSession.status, 422);
      assert.ok(badSession.json.errors.some((e) => e.field === 'session'));
      const opened = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
        title: 'MAG open consultation', agenda: ['Opening', 'Intersessional work', 'Any other business'],
        chairs: [chair.email, coChair.email], moderators: [moderator.email],
      });
      assert.equal(opened.status, 201, opened.text);
      room = opened.json.id;
      assert.equal(opened.json.kind, 'meeting');
      assert.equal(opened.json.agenda.length, 3);
      assert.equal(opened.json.current_item, 1);
      assert.equal(opened.json.ordering, 'received');
      const list = await api(server.base, 'GET', `/api/v1/editions/${edition}/live-rooms`);
      assert.equal(list.status, 200);
      assert.equal(list.json.rooms.length, 1);
    });

    test('one open request per person; withdraw; signed-out people and other roles are refused', async () => {
      const first = await as(people[0], 'POST', path('/queue'), { where: 'onsite', stakeholder_group: 'civil_society', gender: 'woman' });
      assert.equal(first.status, 201, first.text);
      assert.equal(first.json.my_position, 1);
      const again = await as(people[0], 'POST', path('/queue'), {});
      assert.equal(again.status, 409);
      assert.match(again.text, /already in the queue/);
      const second = await as(people[1], 'POST', path('/queue'), { where: 'online', stakeholder_group: 'government' });
      assert.equal(second.json.my_position, 2);
      assert.equal(second.json.waiting[1].where, 'online');
      assert.equal((await as(people[1], 'POST', path('/queue/withdraw'), {})).status, 200);
      assert.equal((await as(people[1], 'POST', path('/queue/withdraw'), {})).status, 409);
      assert.equal((await as(people[2], 'POST', path('/queue'), { where: 'at the moon' })).status, 422);
      assert.equal((await as(people[2], 'POST', path('/queue'), { stakeholder_group: 'aliens' })).status, 422);
      assert.equal((await api(server.base, 'POST', path('/queue'), { body: {}, headers: csrfPair() })).status, 401);
      assert.equal((await as(people[0], 'POST', path('/chair'), { action: 'next' })).status, 403);
      assert.equal((await as(moderator, 'POST', path('/chair'), { action: 'next' })).status, 403);
      const relayed = await as(moderator, 'POST', path('/chair'), { action: 'relay', name: 'Remote Rita', stakeholder_group: 'academia' });
      assert.equal(relayed.status, 200, relayed.text);
      assert.deepEqual(names(relayed.json), ['Ana Onsite', 'Remote Rita']);
      assert.equal(relayed.json.waiting[1].where, 'online');
      assert.equal((await as(moderator, 'POST', path('/chair'), { action: 'relay', name: 'remote rita' })).status, 409, 'one request per relayed person too');
      assert.equal((await as(chair, 'POST', path('/chair'), { action: 'juggle' })).status, 422);
      const anyone = await api(server.base, 'GET', path());
      assert.equal(anyone.status, 200);
      assert.deepEqual(names(anyone.json), ['Ana Onsite', 'Remote Rita']);
    });

    test('the chair gives the floor, reorders, puts a point of order first, times turns and runs a last call', async () => {
      let r = await as(chair, 'POST', path('/chair'), { action: 'next' });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.speaking.name, 'Ana Onsite');
      await as(people[2], 'POST', path('/queue'), { stakeholder_group: 'youth' });
      await as(people[3], 'POST', path('/queue'), { stakeholder_group: 'private_sector' });
      assert.deepEqual(names((await api(server.base, 'GET', path())).json), ['Remote Rita', 'Chen Three', 'Dee Four']);
      const dee = (await api(server.base, 'GET', path())).json.waiting[2].id;
      r = await as(coChair, 'POST', path('/chair'), { action: 'up', request: dee });
      assert.deepEqual(names(r.json), ['Remote Rita', 'Dee Four', 'Chen Three']);
      r = await as(chair, 'POST', path('/chair'), { action: 'point_of_order', request: r.json.waiting[2].id });
      assert.deepEqual(names(r.json), ['Chen Three', 'Remote Rita', 'Dee Four']);
      r = await as(chair, 'POST', path('/chair'), { action: 'limit', limit: 120 });
      assert.equal(r.json.limit, 120);
      assert.equal((await as(chair, 'POST', path('/chair'), { action: 'limit', limit: 99999 })).status, 422);
      r = await as(chair, 'POST', path('/chair'), { action: 'ordering', ordering: 'alternate_groups' });
      assert.equal(r.json.ordering, 'alternate_groups');
      assert.equal((await as(chair, 'POST', path('/chair'), { action: 'ordering', ordering: 'loudest' })).status, 422);
      r = await as(chair, 'POST', path('/chair'), { action: 'last_call', seconds: 600 });
      assert.ok(r.json.last_call_left > 590 && r.json.last_call_left <= 600);
      assert.equal(r.json.list_closed, false);
      r = await as(chair, 'POST', path('/chair'), { action: 'close' });
      assert.equal(r.json.list_closed, true);
      const late = await as(people[4], 'POST', path('/queue'), {});
      assert.equal(late.status, 409);
      assert.match(late.text, /closed/);
      r = await as(chair, 'POST', path('/chair'), { action: 'reopen' });
      assert.equal(r.json.list_closed, false);
      r = await as(chair, 'POST', path('/chair'), { action: 'give', request: r.json.waiting.find((w) => w.name === 'Remote Rita').id });
      assert.equal(r.json.speaking.name, 'Remote Rita');
      assert.equal(r.json.figures.turns, 1);
      assert.equal(r.json.figures.by_where.find((w) => w.code === 'onsite').turns, 1);
    });

    test('two chairs and many participants at once: one order, no request lost', { timeout: 30000 }, async () => {
      const before = (await api(server.base, 'GET', path())).json;
      const asked = [people[4], people[5], people[1]].map((p) => as(p, 'POST', path('/queue'), { where: 'online' }));
      const relays = ['Relay One', 'Relay Two', 'Relay Three'].map((name) => as(moderator, 'POST', path('/chair'), { action: 'relay', name }));
      const chairs = [as(chair, 'POST', path('/chair'), { action: 'next' }), as(coChair, 'POST', path('/chair'), { action: 'next' })];
      const answers = await Promise.all([...asked, ...relays, ...chairs]);
      for (const a of answers) assert.ok([200, 201].includes(a.status), `${a.status} ${a.text}`);
      const after = (await api(server.base, 'GET', path())).json;
      const count = (r) => r.waiting.length + (r.speaking ? 1 : 0) + r.figures.turns;
      assert.equal(count(after), count(before) + 6, 'every request is in the queue, speaking or spoken');
      assert.equal(after.figures.turns, before.figures.turns + 2, 'both chairs gave the floor, one after the other');
      assert.equal(after.version, before.version + 8);
      for (const name of ['Eve Five', 'Fay Six', 'Ben Online', 'Relay One', 'Relay Two', 'Relay Three'])
        assert.ok(names(after).includes(name) || after.speaking?.name === name || after.figures.turns > 0, name);
    });

    test('the room page is public; a participant and the chair use its forms without JavaScript', async () => {
      const anonymous = await fetch(server.base + `/editions/${edition}/live-rooms/${room}`);
      assert.equal(anonymous.status, 200);
      const html = await anonymous.text();
      assert.match(html, /has the floor/);
      assert.match(html, /aria-live="polite"/);
      assert.match(html, /data-live-topic="live-room-\d+"/);
      assert.match(html, /Sign in to ask for the floor/);
      assert.doesNotMatch(html, /Chair the room/);

      await as(people[0], 'POST', path('/queue/withdraw'), {}).catch(() => {});
      const ana = new Visitor(server.base);
      assert.equal((await ana.signIn(people[0].email, 'a long enough password')).status, 303);
      const page = await ana.get(`/editions/${edition}/live-rooms/${room}`);
      assert.match(page.text, /Add me to the queue/);
      const asked = await ana.post(`/editions/${edition}/live-rooms/${room}/queue`, { where: 'online', stakeholder_group: 'civil_society' });
      assert.equal(asked.status, 303);
      const mine = await ana.get(asked.headers.get('location'));
      assert.match(mine.text, /You are in the queue/);
      assert.match(mine.text, /You are number <strong>\d+<\/strong> in the queue/);
      const twice = await ana.post(`/editions/${edition}/live-rooms/${room}/queue`, {});
      assert.equal(twice.status, 409);
      assert.match(twice.text, /already in the queue/);
      const notChair = await ana.post(`/editions/${edition}/live-rooms/${room}/chair`, { action: 'next' });
      assert.equal(notChair.status, 403);
      const noToken = await ana.post(`/editions/${edition}/live-rooms/${room}/queue/withdraw`, {}, { csrf: null });
      assert.equal(noToken.status, 303);
      assert.match(noToken.headers.get('location'), /^\/kept\//, 'kept to send again, not done');
      assert.ok((await api(server.base, 'GET', path())).json.waiting.some((w) => w.name === 'Ana Onsite'));

      const chris = new Visitor(server.base);
      await chris.signIn(chair.email, 'a long enough password');
      const chairPage = await chris.get(`/editions/${edition}/live-rooms/${room}`);
      assert.match(chairPage.text, /Chair the room/);
      assert.match(chairPage.text, /Figures of the room/);
      assert.match(chairPage.text, /People who spoke: <strong>\d+<\/strong>\. Turns: <strong>\d+<\/strong>/);
      const bad = await chris.post(`/editions/${edition}/live-rooms/${room}/chair`, { action: 'last_call', seconds: 'soon' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /field-seconds/);
      assert.equal((await chris.post(`/editions/${edition}/live-rooms/${room}/chair`, { action: 'next' })).status, 303);

      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      const rooms = await secretariat.get(`/editions/${edition}/live-rooms`);
      assert.equal(rooms.status, 200);
      assert.match(rooms.text, /MAG open consultation/);
      const missing = await secretariat.post(`/editions/${edition}/live-rooms`, { kind: 'meeting', title: 'Coordination call', chairs: 'nobody@nowhere.test' });
      assert.equal(missing.status, 422);
      assert.match(missing.text, /value="Coordination call"/, 'what was typed is kept');
      const made = await secretariat.post(`/editions/${edition}/live-rooms`, { kind: 'meeting', title: 'Coordination call', agenda: 'One\nTwo', chairs: chair.email });
      assert.equal(made.status, 303);
    });

    test('followers of the room hear of a change once it is committed', { timeout: 20000 }, async () => {
      const controller = new AbortController();
      const response = await fetch(server.base + `/live/live-room-${room}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(response.status, 200);
      const next = eventReader(response);
      await as(chair, 'POST', path('/chair'), { action: 'end' });
      const event = await next();
      assert.equal(event.event, 'live.queue');
      assert.match(event.text, /Nobody has the floor\. \d+ waiting\./);
      controller.abort();
    });

    test('a restart brings the queue back as it was', { timeout: 30000 }, async () => {
      await as(chair, 'POST', path('/chair'), { action: 'next' });
      await as(chair, 'POST', path('/chair'), { action: 'last_call', seconds: 900 });
      const before = (await api(server.base, 'GET', path())).json;
      await server.stop({ keepDatabase: true });
      server = await startServer(engine, { again: server });
      const after = (await api(server.base, 'GET', path())).json;
      for (const key of ['waiting', 'ordering', 'limit', 'closes_at', 'version', 'current_item', 'agenda'])
        assert.deepEqual(after[key], before[key], key);
      assert.equal(after.speaking.name, before.speaking.name);
      assert.equal(after.speaking.start, before.speaking.start);
      assert.deepEqual(after.figures.by_group, before.figures.by_group);
    });
  });
}
