// Live updates: Server-Sent Events here (Node 20 has no WebSocket client; the browser
// test covers WebSocket). A write is pushed to followers after it commits.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { eventReader } from '../support/events.mjs';

for (const engine of engines()) {
  describe(`live updates on ${engine}`, () => {
    let server;
    before(async () => { server = await startServer(engine); });
    after(async () => { await server.stop(); });

    test('an event stream follower hears of a new edition once it is committed', { timeout: 20000 }, async () => {
      const controller = new AbortController();
      const response = await fetch(server.base + '/live/editions', { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/event-stream');
      const nextEvent = eventReader(response);
      const failed = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'Not valid' } });
      assert.equal(failed.status, 422);
      await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'Live <edition>', year: 2036, start_date: '2036-01-01', end_date: '2036-01-02', time_zone: 'UTC', venue: 'Accra' } });
      const event = await nextEvent();
      assert.equal(event.event, 'edition.created', 'the failed write sent nothing; the first event is the real one');
      assert.equal(event.name, 'Live <edition>');
      assert.match(event.text, /A new edition was created: Live <edition>/);
      const metrics = await (await fetch(server.base + '/metrics')).text();
      assert.match(metrics, /convene_live_subscribers 1/);
      controller.abort();
    });

    test('unknown topics and plain GETs of a live address are refused', async () => {
      assert.equal((await fetch(server.base + '/live/secret-room', { headers: { accept: 'text/event-stream' } })).status, 404);
      assert.equal((await fetch(server.base + '/live/editions')).status, 404);
    });
  });
}

test('SIGTERM closes live followers and the server exits', { timeout: 20000 }, async () => {
  const server = await startServer('sqlite');
  const response = await fetch(server.base + '/live/editions', { headers: { accept: 'text/event-stream' } });
  const reader = response.body.getReader();
  const exited = new Promise((r) => server.process.on('exit', (code) => r(code)));
  server.process.kill('SIGTERM');
  assert.equal(await exited, 0);
  for (;;) { const { done } = await reader.read().catch(() => ({ done: true })); if (done) break; }
  await server.stop();
});
