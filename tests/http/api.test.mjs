// The JSON API under /api/v1, as a script with a bearer token uses it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`API on ${engine}`, () => {
    let server;
    before(async () => { server = await startServer(engine); });
    after(async () => { await server.stop(); });
    const edition = { name: 'IGF 2032', year: 2032, start_date: '2032-06-01', end_date: '2032-06-04', time_zone: 'America/Sao_Paulo', venue: 'Centro de Convenções' };

    test('the OpenAPI document and the served route table agree, both ways', async () => {
      const r = await api(server.base, 'GET', '/api/v1/openapi.json');
      assert.equal(r.status, 200);
      assert.equal(r.json.openapi, '3.1.0');
      const served = cli(server.databaseUrl, ['routes']).trim().split('\n').map((line) => line.split(' '))
        .filter(([, pattern]) => pattern.startsWith('/api/v1/'))
        .map(([method, pattern]) => `${method} ${pattern.slice('/api/v1'.length).replace(/\{(\w+):int\}/g, '{$1}')}`);
      assert.ok(served.length > 60, 'the route table was read');
      const documented = [];
      for (const [path, item] of Object.entries(r.json.paths))
        for (const method of Object.keys(item).filter((k) => ['get', 'put', 'post', 'patch', 'delete'].includes(k)))
          documented.push(`${method.toUpperCase()} ${path}`);
      assert.deepEqual(served.filter((x) => !documented.includes(x)), [], 'routes the OpenAPI document lacks');
      assert.deepEqual(documented.filter((x) => !served.includes(x)), [], 'documented operations no route answers');
    });

    test('a token creates an edition and a theme; anyone reads them', async () => {
      const created = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: edition });
      assert.equal(created.status, 201);
      assert.equal(created.json.venue, 'Centro de Convenções');
      assert.equal(created.headers.get('location'), `/api/v1/editions/${created.json.id}`);
      const theme = await api(server.base, 'POST', `/api/v1/editions/${created.json.id}/themes`, { token: server.admin.token, body: { name: 'Sustentabilidade', description: 'Meio ambiente' } });
      assert.equal(theme.status, 201);
      const read = await api(server.base, 'GET', `/api/v1/editions/${created.json.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.json.themes.map((t) => t.name), ['Sustentabilidade']);
      assert.ok(read.json.session_types.some((t) => t.code === 'lightning_talk'));
    });

    test('missing and invalid members are named in a problem document', async () => {
      const r = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'x', year: 'soon', start_date: '2032-01-01' } });
      assert.equal(r.status, 422);
      assert.match(r.headers.get('content-type'), /application\/problem\+json/);
      assert.equal(r.json.status, 422);
      const fields = r.json.errors.map((e) => e.field).sort();
      assert.deepEqual(fields, ['end_date', 'time_zone', 'venue', 'year']);
      const nested = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { ...edition, name: { first: 'x' } } });
      assert.equal(nested.status, 400);
      assert.equal(nested.json.errors[0].field, 'name');
    });

    test('malformed JSON and invalid UTF-8 are 400 with a clear message', async () => {
      const malformed = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: '{"name": ', headers: { 'content-type': 'application/json' } });
      assert.equal(malformed.status, 400);
      assert.match(malformed.json.detail, /malformed at byte/);
      const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const bad = await fetch(server.base + '/api/v1/editions', { method: 'POST', body: bytes, headers: { authorization: `Bearer ${server.admin.token}`, 'content-type': 'application/json' } });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).detail, /not valid UTF-8/);
    });

    test('roles are checked on every endpoint', async () => {
      assert.equal((await api(server.base, 'POST', '/api/v1/editions', { body: edition })).status, 403, 'no token and no CSRF token');
      assert.equal((await api(server.base, 'GET', '/api/v1/me')).status, 401);
      assert.equal((await api(server.base, 'GET', '/api/v1/accounts', { token: 'f'.repeat(64) })).status, 401);
      const out = cli(server.databaseUrl, ['user', 'add', '--email', 'cap@test.example', '--name', 'Cara Proposer', '--role', 'proposer', '--token']);
      const token = out.match(/API token: (\w+)/)[1];
      assert.equal((await api(server.base, 'POST', '/api/v1/editions', { token, body: edition })).status, 403);
      assert.equal((await api(server.base, 'GET', '/api/v1/accounts', { token })).status, 403);
      assert.equal((await api(server.base, 'GET', '/api/v1/audit', { token })).status, 403);
      const me = await api(server.base, 'GET', '/api/v1/me', { token });
      assert.equal(me.json.name, 'Cara Proposer');
      assert.equal(me.json.roles[0].role, 'proposer');
    });

    test('the admin reads accounts and the audit log', async () => {
      const accounts = await api(server.base, 'GET', '/api/v1/accounts', { token: server.admin.token });
      assert.ok(accounts.json.accounts.some((a) => a.email === server.admin.email && a.roles[0].role === 'admin'));
      const audit = await api(server.base, 'GET', '/api/v1/audit', { token: server.admin.token });
      assert.ok(audit.json.entries.some((e) => e.action === 'edition.create'));
    });

    test('countries carry their UN regional group and development flags', async () => {
      const r = await api(server.base, 'GET', '/api/v1/countries');
      const by = Object.fromEntries(r.json.countries.map((c) => [c.code, c]));
      assert.equal(by.KE.regional_group, 'african');
      assert.equal(by.BR.regional_group, 'grulac');
      assert.equal(by.FJ.small_island, true);
      assert.equal(by.NP.least_developed, true);
      assert.equal(by.DE.developing, false);
      assert.equal(by.US.regional_group, 'weog');
    });

    test('a session started through the API works with its CSRF token', async () => {
      const first = await fetch(server.base + '/api/v1/session');
      const csrfCookie = first.headers.getSetCookie()[0].split(';')[0];
      const { csrf_token } = await first.json();
      const signIn = await fetch(server.base + '/api/v1/session', {
        method: 'POST', headers: { cookie: csrfCookie, 'x-csrf-token': csrf_token, 'content-type': 'application/json' },
        body: JSON.stringify({ email: server.admin.email, password: server.admin.password }),
      });
      assert.equal(signIn.status, 200);
      const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]);
      const session = cookies.find((c) => c.startsWith('convene_session='));
      const csrf = cookies.find((c) => c.startsWith('convene_csrf='));
      const withoutCsrf = await fetch(server.base + '/api/v1/editions', { method: 'POST', headers: { cookie: `${session}; ${csrf}`, 'content-type': 'application/json' }, body: JSON.stringify(edition) });
      assert.equal(withoutCsrf.status, 403, 'a cookie session needs the CSRF header');
      const withCsrf = await fetch(server.base + '/api/v1/editions', { method: 'POST', headers: { cookie: `${session}; ${csrf}`, 'x-csrf-token': csrf.split('=')[1], 'content-type': 'application/json' }, body: JSON.stringify(edition) });
      assert.equal(withCsrf.status, 201);
    });
  });
}
