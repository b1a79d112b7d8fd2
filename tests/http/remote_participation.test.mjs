// Remote participation: the Secretariat sets each session's online link and online
// moderator and the date links are published from (before it, the session page and the
// agenda say when the link will appear; from it, they show it: moved by the test clock);
// remote hubs are registered, edited and follow published sessions; the Secretariat
// counts them by region; a hub's organiser relays requests for the floor into the live
// rooms of the sessions the hub follows, and nowhere else.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';

const demoName = 'Regional IGF demo 2027';
const day = 86400;
const fieldsOf = (r) => (r.json?.errors ?? []).map((e) => e.field);

for (const engine of engines()) {
  describe(`remote participation on ${engine}`, () => {
    let server, edition, sessions, ids, organiser, other, chair, hubId, otherHub;
    const path = (rest = '') => `/api/v1/editions/${edition}${rest}`;
    const as = (who, method, rest, body) => api(server.base, method, path(rest), { token: who?.token, body });
    const nairobi = { city: 'Nairobi', country: 'KE', host: 'KICTANet', expected: 40, contact_email: 'hub@kictanet.test' };

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 20, testHooks: true });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
      edition = (editions.editions ?? editions).find((e) => e.name === demoName).id;
      sessions = (await as(null, 'GET', '/programme')).json.sessions;
      const timetable = (await as(server.admin, 'GET', '/timetable')).json;
      ids = Object.fromEntries(timetable.sessions.map((s) => [s.code, s.id]));
      organiser = await proposer(server, 'Hana Hub');
      other = await proposer(server, 'Otto Other');
      chair = await proposer(server, 'Chloe Chair');
    });
    after(async () => { await server.stop(); });

    test('the Secretariat sets a session\'s online link and moderator; bad links are refused naming online_link', async () => {
      const code = sessions[0].code;
      const online = `/timetable/sessions/${ids[code]}/online`;
      for (const bad of ['javascript:alert(1)', 'not a link', 'ftp://files.example.org', 'https://', 'https://meet.example.org/a b'] ) {
        const r = await as(server.admin, 'PUT', online, { online_link: bad });
        assert.equal(r.status, 422, bad);
        assert.deepEqual(fieldsOf(r), ['online_link'], bad);
      }
      assert.equal((await as(server.admin, 'PUT', online, { online_link: 'https://meet.example.org/x', moderator: 'nobody@nowhere.test' })).status, 422);
      assert.equal((await as(organiser, 'PUT', online, { online_link: 'https://meet.example.org/x' })).status, 403);
      assert.equal((await api(server.base, 'PUT', path(online), { body: { online_link: 'https://meet.example.org/x' }, headers: csrfPair() })).status, 401);
      const saved = await as(server.admin, 'PUT', online, { online_link: 'https://meet.example.org/ws-one', moderator: organiser.email });
      assert.equal(saved.status, 200, saved.text);
      assert.equal(saved.json.online_link, 'https://meet.example.org/ws-one');
      assert.equal(saved.json.moderator_name, 'Hana Hub');
      const named = await as(server.admin, 'PUT', `/timetable/sessions/${ids[sessions[1].code]}/online`, { online_link: 'http://meet.example.org/two', moderator: 'Mona Moderator' });
      assert.equal(named.json.moderator_name, 'Mona Moderator');
      const shown = await as(server.admin, 'GET', online);
      assert.equal(shown.json.moderator, organiser.email);
      // The form keeps what was typed and names the field.
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      await secretariat.get(`/editions/${edition}${online}`);
      const form = await secretariat.post(`/editions/${edition}${online}`, { online_link: 'javascript:alert(1)', moderator: 'Mona' });
      assert.equal(form.status, 422);
      assert.match(form.text, /The online link must be a web address/);
      assert.match(form.text, /value="javascript:alert\(1\)"/);
    });

    test('links are published from the Secretariat\'s date: before it the page says when, from it the link shows', async () => {
      const code = sessions[0].code;
      assert.equal((await as(server.admin, 'PUT', '/remote', { online_links_from: 'next week' })).status, 422);
      assert.deepEqual(fieldsOf(await as(server.admin, 'PUT', '/remote', { online_links_from: '2027-02-30T00:00:00Z' })), ['online_links_from']);
      assert.equal((await as(organiser, 'PUT', '/remote', { online_links_from: '' })).status, 403);
      const from = new Date(Date.now() + day * 1000).toISOString().slice(0, 19) + 'Z';
      const set = await as(server.admin, 'PUT', '/remote', { online_links_from: from });
      assert.equal(set.status, 200, set.text);
      assert.equal(set.json.published, false);
      const before = await as(null, 'GET', `/programme/${code}`);
      assert.equal(before.json.online.published, false);
      assert.equal(before.json.online.url, '');
      assert.equal(before.json.online.waiting, true);
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme/${code}`);
      assert.match(page.text, /The online link appears here from/);
      assert.doesNotMatch(page.text, /meet\.example\.org/);
      assert.match(page.text, /Online moderator: Hana Hub/);
      // A participant's agenda says the same.
      const reader = new Visitor(server.base);
      const person = await proposer(server, 'Ada Agenda');
      await reader.signIn(person.email, 'a long enough password');
      await api(server.base, 'PUT', path(`/programme/${code}/attendance`), { token: person.token, body: { attending: true } });
      assert.match((await reader.get(`/editions/${edition}/agenda`)).text, /The online link appears here from/);
      await moveClock(server, 2 * day);
      try {
        const after = await as(null, 'GET', `/programme/${code}`);
        assert.equal(after.json.online.published, true);
        assert.equal(after.json.online.url, 'https://meet.example.org/ws-one');
        const shown = await new Visitor(server.base).get(`/editions/${edition}/programme/${code}`);
        assert.match(shown.text, /href="https:\/\/meet\.example\.org\/ws-one"/);
        assert.match((await reader.get(`/editions/${edition}/agenda`)).text, /href="https:\/\/meet\.example\.org\/ws-one"/);
      } finally {
        await moveClock(server, -2 * day);
      }
    });

    test('hubs: registered by a signed-in person, edited by its organiser only, bad input named', async () => {
      assert.equal((await api(server.base, 'POST', path('/hubs'), { body: nairobi, headers: csrfPair() })).status, 401);
      const signedOut = await new Visitor(server.base).get(`/editions/${edition}/hubs`);
      assert.equal(signedOut.status, 303);
      assert.match(signedOut.headers.get('location'), /login/);
      for (const expected of [0, 'many', 100001, 2.5]) {
        const r = await as(organiser, 'POST', '/hubs', { ...nairobi, expected });
        assert.equal(r.status, 422, String(expected));
        assert.deepEqual(fieldsOf(r), ['expected'], String(expected));
      }
      assert.deepEqual(fieldsOf(await as(organiser, 'POST', '/hubs', { ...nairobi, country: 'XX' })), ['country']);
      assert.deepEqual(fieldsOf(await as(organiser, 'POST', '/hubs', { ...nairobi, contact_email: 'nope' })), ['contact_email']);
      const made = await as(organiser, 'POST', '/hubs', nairobi);
      assert.equal(made.status, 201, made.text);
      hubId = made.json.id;
      assert.equal(made.json.name, 'Nairobi, Kenya');
      assert.equal(made.json.region, 'african');
      assert.equal((await as(other, 'GET', `/hubs/${hubId}`)).status, 403);
      assert.equal((await as(other, 'PUT', `/hubs/${hubId}`, { ...nairobi, expected: 5 })).status, 403);
      assert.equal((await as(other, 'PUT', `/hubs/${hubId}/sessions`, { sessions: [] })).status, 403);
      const edited = await as(organiser, 'PUT', `/hubs/${hubId}`, { ...nairobi, expected: 60 });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.json.expected, 60);
      assert.equal((await as(organiser, 'PUT', `/hubs/${hubId}/sessions`, { sessions: ['NOPE1'] })).status, 422);
      const followed = await as(organiser, 'PUT', `/hubs/${hubId}/sessions`, { sessions: [sessions[0].code] });
      assert.equal(followed.status, 200, followed.text);
      assert.deepEqual(followed.json.sessions, [sessions[0].code]);
      const mine = await as(organiser, 'GET', '/hubs');
      assert.deepEqual(mine.json.hubs.map((h) => h.id), [hubId]);
      assert.deepEqual((await as(other, 'GET', '/hubs')).json.hubs, []);
      // The page form keeps the typed values and names the field.
      const v = new Visitor(server.base);
      await v.signIn(other.email, 'a long enough password');
      await v.get(`/editions/${edition}/hubs`);
      const bad = await v.post(`/editions/${edition}/hubs`, { city: 'Lima', country: 'PE', host: 'Hub Lima', expected: '0', contact_email: 'lima@hub.test' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /Expected participants must be a whole number/);
      assert.match(bad.text, /value="Lima"/);
      assert.equal((await v.get(`/editions/${edition}/hubs/${hubId}`)).status, 403);
    });

    test('the Secretariat counts hubs and expected participants by region', async () => {
      otherHub = (await as(other, 'POST', '/hubs', { city: 'São Paulo', country: 'BR', host: 'NIC.br', expected: 100, contact_email: 'hub@nic.test' })).json.id;
      await as(other, 'POST', '/hubs', { city: 'Mombasa', country: 'KE', host: 'Coast Hub', expected: 15, contact_email: 'coast@hub.test' });
      assert.equal((await as(organiser, 'GET', '/hubs/regions')).status, 403);
      const r = await as(server.admin, 'GET', '/hubs/regions');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.hubs, 3);
      assert.equal(r.json.participants, 175);
      const by = Object.fromEntries(r.json.regions.map((x) => [x.region, [x.hubs, x.participants]]));
      assert.deepEqual(by, { african: [2, 75], grulac: [1, 100] });
      const page = await (async () => {
        const s = new Visitor(server.base);
        await s.signIn(server.admin.email, server.admin.password);
        return s.get(`/editions/${edition}/hubs/regions`);
      })();
      assert.equal(page.status, 200);
      assert.match(page.text, /African Group<\/th><td>2<\/td><td>75<\/td>/);
    });

    test('a hub organiser relays requests in the rooms of the sessions the hub follows, nowhere else', async () => {
      const open = async (code) => (await as(server.admin, 'POST', '/live-rooms', { kind: 'session', session: ids[code], chairs: [chair.email] })).json.id;
      const followedRoom = await open(sessions[0].code);
      const otherRoom = await open(sessions[1].code);
      const relay = (who, room, body) => as(who, 'POST', `/live-rooms/${room}/chair`, { action: 'relay_hub', ...body });
      const ok = await relay(organiser, followedRoom, { hub: hubId, name: 'Wanjiru at the hub', stakeholder_group: 'civil_society', gender: 'woman' });
      assert.equal(ok.status, 200, ok.text);
      const last = ok.json.waiting.at(-1);
      assert.equal(last.where, 'hub');
      assert.equal(last.hub, 'Nairobi, Kenya');
      assert.equal(last.name, 'Wanjiru at the hub');
      assert.equal((await relay(organiser, otherRoom, { hub: hubId, name: 'Not followed' })).status, 403);
      assert.equal((await relay(other, followedRoom, { hub: otherHub, name: 'Not following' })).status, 403);
      assert.equal((await relay(other, followedRoom, { hub: hubId, name: 'Not my hub' })).status, 403);
      assert.equal((await relay(organiser, followedRoom, { hub: hubId, name: '' })).status, 422);
      assert.equal((await relay(organiser, followedRoom, { hub: hubId, name: 'X', gender: 'robot' })).status, 422);
      assert.equal((await api(server.base, 'POST', path(`/live-rooms/${followedRoom}/chair`), { body: { action: 'relay_hub', hub: hubId, name: 'Anon' }, headers: csrfPair() })).status, 401);
      // The room's page offers the hub form to the organiser only.
      const v = new Visitor(server.base);
      await v.signIn(organiser.email, 'a long enough password');
      const page = await v.get(`/editions/${edition}/live-rooms/${followedRoom}`);
      assert.match(page.text, /Relay a hub request/);
      const posted = await v.post(`/editions/${edition}/live-rooms/${followedRoom}/chair`, { action: 'relay_hub', hub: String(hubId), name: 'Otieno at the hub', stakeholder_group: 'academia', gender: '' });
      assert.equal(posted.status, 303);
      assert.match((await v.get(`/editions/${edition}/live-rooms/${followedRoom}`)).text, /Otieno at the hub<\/strong> \([^)]*: Nairobi, Kenya\)/);
      assert.doesNotMatch((await v.get(`/editions/${edition}/live-rooms/${otherRoom}`)).text, /Relay a hub request/);
    });

    test('a meeting has its own online link, shown on its live room page once links are published', async () => {
      const meeting = (await as(server.admin, 'POST', '/live-rooms', { title: 'MAG call', chairs: [chair.email] })).json.id;
      assert.deepEqual(fieldsOf(await as(server.admin, 'PUT', `/live-rooms/${meeting}/online`, { online_link: 'javascript:alert(1)' })), ['online_link']);
      assert.equal((await as(chair, 'PUT', `/live-rooms/${meeting}/online`, { online_link: 'https://meet.example.org/mag' })).status, 403);
      const saved = await as(server.admin, 'PUT', `/live-rooms/${meeting}/online`, { online_link: 'https://meet.example.org/mag', moderator: chair.email });
      assert.equal(saved.status, 200, saved.text);
      assert.equal(saved.json.moderator_name, 'Chloe Chair');
      await as(server.admin, 'PUT', '/remote', { online_links_from: '2020-01-01T00:00:00Z' });
      const page = await new Visitor(server.base).get(`/editions/${edition}/live-rooms/${meeting}`);
      assert.match(page.text, /href="https:\/\/meet\.example\.org\/mag"/);
      assert.match(page.text, /Online moderator: Chloe Chair/);
    });
  });
}
