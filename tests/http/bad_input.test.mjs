// Bad input never crashes and never stores half a change: each gets a clear answer.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';

const hostile = [
  `<script>alert("x")</script>`,
  `Robert'); DROP TABLE editions;--`,
  `" onmouseover="alert(1)`,
  `Ünïcødé – 互联网治理 – منتدى`,
];

function escaped(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

for (const engine of engines()) {
  describe(`bad input on ${engine}`, () => {
    let server, admin;
    before(async () => {
      server = await startServer(engine);
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
    });
    after(async () => { await server.stop(); });

    test('scripts and SQL in every text field are stored verbatim and shown escaped', async () => {
      for (const text of hostile) {
        await admin.get('/editions/new');
        const r = await admin.post('/editions', { name: text, year: '2033', start_date: '2033-01-01', end_date: '2033-01-02', time_zone: 'UTC', venue: text });
        assert.equal(r.status, 303, `edition named ${text}`);
        const url = r.headers.get('location');
        const page = await admin.get(url);
        assert.ok(page.text.includes(`<h1>${escaped(text)}</h1>`), 'name shown escaped');
        assert.ok(!page.text.includes('<script>alert'), 'never raw');
        const theme = await admin.post(`${url}/themes`, { name: text, description: text });
        assert.equal(theme.status, 303);
        await admin.get(`${url}/members`);
        const member = await admin.post(`${url}/members`, { name: text, email: `m${hostile.indexOf(text)}@test.example`, organisation: text, stakeholder_group: 'academia', country: 'NZ' });
        assert.equal(member.status, 201);
        const json = await api(server.base, 'GET', `/api/v1${url}`);
        assert.equal(json.json.name, text, 'stored verbatim');
        assert.equal(json.json.venue, text);
        assert.equal(json.json.themes[0].name, text);
        assert.equal(json.json.themes[0].description, text);
        const members = await api(server.base, 'GET', `/api/v1${url}/members`, { token: server.admin.token });
        assert.equal(members.json.members[0].name, text);
        assert.equal(members.json.members[0].organisation, text);
      }
      const list = await api(server.base, 'GET', '/api/v1/editions');
      assert.ok(list.json.editions.length >= hostile.length, 'the editions table survived');
    });

    test('a form without its CSRF token is refused and nothing is stored', async () => {
      await admin.get('/editions/new');
      const missing = await admin.post('/editions', { name: 'No token', year: '2033', start_date: '2033-01-01', end_date: '2033-01-02', time_zone: 'UTC', venue: 'x' }, { csrf: null });
      // Nothing stored, nothing lost: the values are kept for the sender to send again.
      assert.equal(missing.status, 303);
      assert.match(missing.headers.get('location'), /^\/kept\/[0-9a-f]{64}$/);
      const again = await admin.get(missing.headers.get('location'));
      assert.match(again.text, /value="No token"/);
      assert.match(again.text, /Send again/);
      const forged = await admin.post('/editions', { name: 'Forged token', year: '2033', start_date: '2033-01-01', end_date: '2033-01-02', time_zone: 'UTC', venue: 'x' }, { csrf: 'a'.repeat(64), headers: { 'sec-fetch-site': 'cross-site' } });
      assert.equal(forged.status, 403);
      assert.match(forged.text, /security token is missing or out of date/);
      const list = await api(server.base, 'GET', '/api/v1/editions');
      assert.ok(!list.json.editions.some((e) => e.name === 'No token' || e.name === 'Forged token'));
    });

    test('invalid UTF-8 in a form is rejected naming the field', async () => {
      await admin.get('/editions/new');
      const body = `csrf_token=${admin.csrf}&name=ok&venue=%FF%FE&year=2033`;
      const r = await admin.request('POST', '/editions', { body, type: 'application/x-www-form-urlencoded' });
      assert.equal(r.status, 400);
      assert.match(r.text, /The field &apos;venue&apos; is not valid UTF-8 text/);
    });

    test('control characters in a one-line field are an error naming it', async () => {
      await admin.get('/editions/new');
      const r = await admin.post('/editions', { name: 'bell\u0007', year: '2033', start_date: '2033-01-01', end_date: '2033-01-02', time_zone: 'UTC', venue: 'x' });
      assert.equal(r.status, 422);
      assert.match(r.text, /Name contains control characters/);
    });

    test('an oversize body is refused with 413', async () => {
      const big = 'x'.repeat(2 * 1024 * 1024);
      const r = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: JSON.stringify({ name: big }), headers: { 'content-type': 'application/json' } });
      assert.equal(r.status, 413);
      assert.match(r.json.detail, /larger than the limit/);
    });

    test('unknown pages are a 404 page, or a problem document for JSON clients', async () => {
      const html = await fetch(server.base + '/no/such/page');
      assert.equal(html.status, 404);
      assert.match(await html.text(), /<h1>Not found<\/h1>/);
      const json = await api(server.base, 'GET', '/api/v1/nothing');
      assert.equal(json.status, 404);
      assert.equal(json.json.title, 'Not found');
      assert.equal((await fetch(server.base + '/editions/999999')).status, 404);
      assert.equal((await fetch(server.base + '/editions/abc')).status, 404);
      assert.equal((await fetch(server.base + '/editions/99999999999999999999999')).status, 404);
      assert.equal((await fetch(server.base + '/healthz', { method: 'DELETE' })).status, 405);
    });

    test('an unsupported content type is 415', async () => {
      const r = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: '<edition/>', headers: { 'content-type': 'application/xml' } });
      assert.equal(r.status, 415);
    });

    test('the server still answers after all of this', async () => {
      const r = await api(server.base, 'GET', '/healthz');
      assert.equal(r.json.status, 'ok');
      assert.equal(r.json.database, engine);
    });
  });
}
