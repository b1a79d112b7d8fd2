// The server as operations see it: health, metrics, caching, keep-alive, slow clients,
// graceful shutdown, and the demo forum.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { startServer, engines, bin } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { rawExchange } from '../support/raw.mjs';

for (const engine of engines()) {
  describe(`server on ${engine}`, () => {
    let server;
    before(async () => { server = await startServer(engine, { demo: true }); });
    after(async () => { await server.stop(); });

    test('the demo forum is served: 300 proposals, 8 themes, 11 rooms, 50 MAG members', async () => {
      const list = await api(server.base, 'GET', '/api/v1/editions');
      const demo = list.json.editions.find((e) => e.name === 'IGF demo');
      const edition = await api(server.base, 'GET', `/api/v1/editions/${demo.id}`);
      assert.equal(edition.json.proposal_count, 300);
      assert.equal(edition.json.themes.length, 8);
      assert.equal(edition.json.rooms.length, 11);
      const members = await api(server.base, 'GET', `/api/v1/editions/${demo.id}/members`, { token: server.admin.token });
      assert.equal(members.json.members.length, 50);
      const groups = new Set(members.json.members.map((m) => m.regional_group));
      assert.equal(groups.size, 5, 'MAG members from all five UN regional groups');
    });

    test('each demo edition tells the Secretariat where it stands and what comes next', async () => {
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
      const id = (name) => editions.find((e) => e.name === name).id;
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      const next = async (name) => {
        const page = (await admin.get(`/editions/${id(name)}`)).text;
        const m = page.match(/<strong>Next:<\/strong> <a href="([^"]+)">([^<]+)<\/a>/);
        assert.ok(m, `${name} shows its next step`);
        return { url: m[1], text: m[2], page };
      };
      const open = await next('IGF demo');
      assert.match(open.text, /The call for proposals is open/);
      assert.match(open.page, /300 submitted, 0 drafts, 0 withdrawn/);
      const evaluating = await next('Demo national IGF 2027');
      assert.equal(evaluating.url, `/editions/${id('Demo national IGF 2027')}/evaluation/progress`);
      assert.match(evaluating.text, /The MAG is evaluating: \d+ of 180 evaluations submitted/);
      const evaluated = await next('IGF demo 2026');
      assert.equal(evaluated.url, `/editions/${id('IGF demo 2026')}/selection`);
      const published = await next('Regional IGF demo 2027');
      assert.equal(published.url, `/editions/${id('Regional IGF demo 2027')}/programme`, 'its timetable is published: past the call');
      assert.match(published.text, /The timetable is published/);
      const member = new Visitor(server.base);
      await member.signIn(server.demoMember.email, server.demoMember.password);
      assert.doesNotMatch((await member.get(`/editions/${id('IGF demo 2026')}`)).text, /Where the edition stands/, 'for the Secretariat only');
    });

    test('health and metrics', async () => {
      await fetch(server.base + '/');
      const metrics = await (await fetch(server.base + '/metrics')).text();
      assert.match(metrics, /convene_http_requests_total\{method="GET",route="\/",status="200"\} \d+/);
      assert.match(metrics, /convene_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+/);
      assert.match(metrics, /convene_db_pool_size \d+/);
      assert.match(metrics, /convene_db_pool_in_use \d+/);
    });

    test('public pages and static files carry ETags and answer 304', async () => {
      const page = await fetch(server.base + '/');
      const etag = page.headers.get('etag');
      assert.ok(etag);
      assert.equal(page.headers.get('set-cookie'), null, 'a public page sets no cookie');
      assert.equal((await fetch(server.base + '/', { headers: { 'if-none-match': etag } })).status, 304);
      const css = await fetch(server.base + '/static/convene.css');
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.match(css.headers.get('cache-control'), /max-age=/);
      assert.equal((await fetch(server.base + '/static/convene.css', { headers: { 'if-none-match': css.headers.get('etag') } })).status, 304);
      assert.equal((await fetch(server.base + '/static/nothing.css')).status, 404);
    });

    test('a write shows at once on the cached public page', async () => {
      const before = await (await fetch(server.base + '/')).text();
      assert.ok(!before.includes('Fresh edition'));
      await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'Fresh edition', year: 2034, start_date: '2034-01-01', end_date: '2034-01-02', time_zone: 'UTC', venue: 'Kyoto' } });
      assert.match(await (await fetch(server.base + '/')).text(), /Fresh edition/);
    });

    test('keep-alive: two requests on one connection', async () => {
      const req = `GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`;
      const last = `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;
      const data = await rawExchange(server.base, [req, last], { pauseMs: 50 });
      assert.equal(data.match(/HTTP\/1.1 200 OK/g).length, 2);
    });

    test('malformed request lines are 400, huge headers 431', async () => {
      const bad = await rawExchange(server.base, ['GARBAGE\r\n\r\n']);
      assert.match(bad, /^HTTP\/1.1 400/);
      const huge = await rawExchange(server.base, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`]);
      assert.match(huge, /^HTTP\/1.1 431/);
    });
  });
}

describe('process behaviour', () => {
  test('a slow client is disconnected after the request timeout', async () => {
    const server = await startServer('sqlite');
    try {
      // Restart the same database with a 1 s timeout.
      await server.stop();
    } catch {}
    const { mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/convene-slow-');
    const child = spawn(bin, ['--database', `sqlite:${dir}/c.db`, 'serve', '--listen', '127.0.0.1:0', '--request-timeout', '1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const base = await new Promise((resolve) => child.stdout.on('data', (d) => { const m = String(d).match(/(http:\/\/[\d.:]+)/); if (m) resolve(m[1]); }));
    const started = Date.now();
    const data = await rawExchange(base, ['GET / HTTP/1.1\r\nHo']);
    assert.equal(data, '', 'closed without an answer');
    assert.ok(Date.now() - started >= 900);
    child.kill('SIGTERM');
  });

  test('a long request (a solver) holds up no other connection of its thread, and finishes at SIGTERM', async () => {
    // One thread: without the long routes' own threads, every other request would wait.
    const server = await startServer('sqlite', { threads: 1, testHooks: true });
    try {
      const wait = (ms) => api(server.base, 'POST', '/_test/wait', { token: server.admin.token, body: { milliseconds: ms } });
      const started = Date.now();
      let waitedUntil = 0;
      const long = wait(4000).then((r) => { waitedUntil = Date.now(); return r; });
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < 5; i++) {
        assert.equal((await api(server.base, 'GET', '/healthz')).status, 200);
        assert.equal((await api(server.base, 'GET', '/api/v1/editions')).status, 200);
      }
      assert.equal(waitedUntil, 0, `the other requests were answered (${Date.now() - started} ms) while the long one ran`);
      const done = await long;
      assert.equal(done.status, 200, done.text);
      assert.ok(waitedUntil - started >= 3950);

      const bad = await wait(20000);
      assert.equal(bad.status, 422);
      assert.ok(bad.json.errors.some((e) => e.field === 'milliseconds'), bad.text);

      const exited = new Promise((r) => server.process.on('exit', (code, signal) => r({ code, signal })));
      const inFlight = wait(1500);
      await new Promise((r) => setTimeout(r, 500));
      server.process.kill('SIGTERM');
      const last = await inFlight;
      assert.equal(last.status, 200, 'the long request under way is answered before the server stops');
      assert.deepEqual(await exited, { code: 0, signal: null });
    } finally {
      await server.stop();
    }
  });

  test('SIGTERM lets an in-flight request finish, then the server exits', async () => {
    const server = await startServer('sqlite');
    const body = JSON.stringify({ name: 'In flight', year: 2035, start_date: '2035-01-01', end_date: '2035-01-02', time_zone: 'UTC', venue: 'Oslo' });
    const head = `POST /api/v1/editions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.admin.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    const exited = new Promise((r) => server.process.on('exit', (code, signal) => r({ code, signal })));
    const data = await rawExchange(server.base, [head + body.slice(0, 10), body.slice(10)], {
      pauseMs: 300,
      between: async () => { await new Promise((r) => setTimeout(r, 100)); server.process.kill('SIGTERM'); },
    });
    assert.match(data, /^HTTP\/1.1 201/, 'the request that was arriving is answered');
    assert.deepEqual(await exited, { code: 0, signal: null });
    await server.stop();
  });
});
