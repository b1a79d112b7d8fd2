// Three Convene nodes on one PostgreSQL behind Debian's nginx, configured with the
// repository's deploy/nginx.conf, behave as one server: a write on node A is on node B's
// (cached) page and API at once; a live follower on node C hears an event caused on A;
// node B killed with SIGKILL in a burst of writes loses none that was acknowledged and
// nginx carries on with A and C; PostgreSQL restarted, the nodes connect again by
// themselves, pages, writes and live events included. A cluster of its own (it restarts
// it); skipped without nginx outside CI.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { eventReader } from '../support/events.mjs';
import { startNginx, nginxBin } from '../support/nginx.mjs';

const skip = !nginxBin && process.env.CI !== 'true' ? 'nginx is not installed (make test-deps installs it)' : false;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Tries `check` every 50 ms for up to `ms`; its last failure otherwise.
async function within(ms, check) {
  const until = Date.now() + ms;
  for (;;) {
    try { return await check(); } catch (e) { if (Date.now() > until) throw e; }
    await sleep(50);
  }
}

describe('three nodes on one PostgreSQL behind nginx', { skip }, () => {
  const pgdir = mkdtempSync(join(tmpdir(), 'convene-nodes-pg-'));
  let a, b, c, nginx, proxy, token;
  const edition = (name) => ({ name, year: 2040, start_date: '2040-05-01', end_date: '2040-05-03', time_zone: 'UTC', venue: 'Kigali' });
  const through = (base, method, path, body) => api(base, method, path, { token, body });

  before(async () => {
    const url = execFileSync('tests/support/postgres.sh', ['start', pgdir], { encoding: 'utf8' }).trim();
    process.env.CONVENE_TEST_POSTGRES = url;
    a = await startServer('postgresql');
    b = await startServer('postgresql', { again: a });
    c = await startServer('postgresql', { again: a });
    token = a.admin.token;

    nginx = await startNginx([a, b, c]);
    proxy = nginx.base;
  });

  after(async () => {
    nginx?.stop();
    for (const n of [c, b]) await n?.stop({ keepDatabase: true });
    await a?.stop();
    spawnSync('tests/support/postgres.sh', ['stop', pgdir]);
  });

  test('a write on node A is on node B\'s cached page and in its API at once', async () => {
    // B's public list of editions, served and kept in its page cache.
    for (let k = 0; k < 2; k++) assert.doesNotMatch(await (await fetch(b.base + '/editions')).text(), /Lake Kivu Forum/);
    const made = await through(a.base, 'POST', '/api/v1/editions', edition('Lake Kivu Forum'));
    assert.equal(made.status, 201, made.text);
    const started = Date.now();
    await within(1000, async () => assert.match(await (await fetch(b.base + '/editions')).text(), /Lake Kivu Forum/));
    assert.ok(Date.now() - started < 1000);
    const listed = await through(b.base, 'GET', '/api/v1/editions');
    assert.ok(listed.json.editions.some((e) => e.id === made.json.id));
    // And through nginx, whichever node answers.
    for (let k = 0; k < 6; k++) assert.match(await (await fetch(proxy + '/editions')).text(), /Lake Kivu Forum/);
  });

  test('a live follower on node C hears an event caused on node A, and one through nginx', { timeout: 20000 }, async () => {
    const controller = new AbortController();
    try {
      const onC = await fetch(c.base + '/live/editions', { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      const viaProxy = await fetch(proxy + '/live/editions', { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(viaProxy.status, 200);
      assert.equal(viaProxy.headers.get('content-type'), 'text/event-stream');
      const fromC = eventReader(onC), fromProxy = eventReader(viaProxy);
      await sleep(200);
      const made = await through(a.base, 'POST', '/api/v1/editions', edition('Lake Tana Forum'));
      assert.equal(made.status, 201);
      const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('no event within a second')), ms));
      for (const next of [fromC, fromProxy]) {
        const event = await Promise.race([next(), timeout(1000)]);
        assert.equal(event.event, 'edition.created');
        assert.equal(event.name, 'Lake Tana Forum');
      }
    } finally {
      controller.abort();
    }
  });

  test('node B killed in a burst of writes: every acknowledged write is kept and nginx carries on', { timeout: 60000 }, async () => {
    const acknowledged = [];
    let refused = 0;
    const writer = async (w) => {
      for (let k = 0; k < 25; k++) {
        const r = await through(proxy, 'POST', '/api/v1/editions', edition(`Burst ${w}-${k}`)).catch(() => null);
        if (r?.status === 201) acknowledged.push(r.json.id); else refused++;
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await sleep(150);
    b.process.kill('SIGKILL');
    await Promise.all(writers);
    assert.ok(acknowledged.length >= 90, `${acknowledged.length} acknowledged, ${refused} not`);
    const listed = await through(a.base, 'GET', '/api/v1/editions');
    const ids = new Set(listed.json.editions.map((e) => e.id));
    for (const id of acknowledged) assert.ok(ids.has(id), `acknowledged edition ${id} is kept`);
    // nginx carries on with A and C: every request answered.
    for (let k = 0; k < 20; k++) {
      assert.equal((await fetch(proxy + '/editions')).status, 200);
      assert.equal((await through(proxy, 'POST', '/api/v1/editions', edition(`After ${k}`))).status, 201);
    }
  });

  test('PostgreSQL restarted: the nodes connect again by themselves', { timeout: 60000 }, async () => {
    execFileSync('tests/support/postgres.sh', ['restart', pgdir]);
    for (const node of [a, c]) {
      await within(5000, async () => assert.equal((await through(node.base, 'GET', '/api/v1/editions')).status, 200));
      const r = await within(5000, async () => {
        const made = await through(node.base, 'POST', '/api/v1/editions', edition(`Restarted ${node.base}`));
        assert.equal(made.status, 201, made.text);
        return made;
      });
      assert.equal(r.status, 201);
    }
    // C listens again (its metrics say so): an event caused on A reaches C's followers.
    await within(5000, async () => assert.match(await (await fetch(c.base + '/metrics')).text(), /convene_nodes_listening 1/));
    const controller = new AbortController();
    try {
      const onC = await fetch(c.base + '/live/editions', { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      const next = eventReader(onC);
      await sleep(200);
      const made = await through(a.base, 'POST', '/api/v1/editions', edition('Heard after the restart'));
      assert.equal(made.status, 201);
      const event = await Promise.race([next(), sleep(2000).then(() => { throw new Error('no event within 2 s'); })]);
      assert.equal(event.event, 'edition.created');
      assert.equal(event.name, 'Heard after the restart');
    } finally {
      controller.abort();
    }
  });
});
