// Live rooms' remaining bad inputs and faults (issue #15): a floor request from someone
// signed out (401 in the API, the sign-in page in HTML; accounts cannot be blocked, so
// there is no blocked account to refuse); a caption viewer that never reads is
// disconnected while the other viewers receive every chunk promptly. (A restart in the
// middle of a session is covered by live_rooms.test.mjs for the queue and the running
// turn's start, and by captions.test.mjs for the captions.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import crypto from 'node:crypto';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { eventReader } from '../support/events.mjs';
import { csrfPair } from '../support/proposals.mjs';

// A WebSocket to `topic` that does the upgrade handshake and then stops reading.
function stalledViewer(base, topic) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks = [];
    let upgraded = false, closed = false, head = '';
    socket.on('error', () => { closed = true; });
    socket.on('close', () => { closed = true; });
    socket.on('data', (d) => {
      if (upgraded) { chunks.push(d); return; }
      head += d.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = true;
      socket.pause();  // never reads again until told to
      if (!/^HTTP\/1\.1 101/.test(head)) return reject(new Error(head));
      const rest = Buffer.from(head.slice(end + 4), 'latin1');
      if (rest.length) chunks.push(rest);
      resolve({
        // Reads all that is left; resolves with the number of text frames once the server
        // sent its close frame (or closed the connection).
        drain: () => new Promise((done) => {
          const check = () => {
            const seen = frames(Buffer.concat(chunks));
            if (seen.closing || closed) done(seen.text);
          };
          socket.on('data', check);
          socket.on('close', check);
          socket.resume();
          check();
        }),
        destroy: () => socket.destroy(),
      });
    });
    socket.on('connect', () => {
      socket.write(`GET /live/${topic} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n');
    });
  });
}

// The number of whole text frames (opcode 1) in what a server sent (unmasked), and
// whether a close frame (opcode 8) came.
function frames(data) {
  let at = 0, text = 0, closing = false;
  while (at + 2 <= data.length) {
    const opcode = data[at] & 0x0f;
    let length = data[at + 1] & 0x7f, header = 2;
    if (length === 126) { length = data.readUInt16BE(at + 2); header = 4; }
    else if (length === 127) { length = Number(data.readBigUInt64BE(at + 2)); header = 10; }
    if (at + header + length > data.length) break;
    if (opcode === 1) text++;
    if (opcode === 8) closing = true;
    at += header + length;
  }
  return { text, closing };
}

for (const engine of engines()) {
  describe(`live rooms' faults on ${engine}`, () => {
    let server, edition, room;
    const roomPath = () => `/editions/${edition}/live-rooms/${room}`;

    before(async () => {
      server = await startServer(engine);
      const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Faults', year: 2035, start_date: '2035-06-01', end_date: '2035-06-04', time_zone: 'UTC', venue: 'Geneva' } });
      edition = e.json.id;
      const opened = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
        token: server.admin.token, body: { title: 'Open consultation', chairs: [server.admin.email], captioners: [server.admin.email] },
      });
      assert.equal(opened.status, 201, opened.text);
      room = opened.json.id;
    });
    after(async () => { await server.stop(); });

    test('a floor request from someone signed out: 401 in the API, the sign-in page in HTML', async () => {
      const viaApi = await api(server.base, 'POST', `/api/v1${roomPath()}/queue`, { body: { where: 'onsite' }, headers: csrfPair() });
      assert.equal(viaApi.status, 401, viaApi.text);
      const visitor = new Visitor(server.base);
      const page = await visitor.get(roomPath());
      assert.equal(page.status, 200);
      const form = await visitor.post(roomPath() + '/queue', { where: 'onsite' });
      assert.ok([303, 401].includes(form.status), `${form.status} ${form.text.slice(0, 300)}`);
      if (form.status === 303) assert.match(form.headers.get('location'), /^\/login/);
      else assert.match(form.text, /name="password"/);
      const state = await api(server.base, 'GET', `/api/v1${roomPath()}`);
      assert.equal(state.json.waiting.length, 0, 'nothing was queued');
    });

    test('a caption viewer that never reads is disconnected; the others receive every chunk promptly', { timeout: 120000 }, async () => {
      const topic = `live-captions-${room}-en`;
      const stalled = await stalledViewer(server.base, topic);
      const controller = new AbortController();
      const follower = await fetch(`${server.base}/live/${topic}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(follower.status, 200);
      const next = eventReader(follower);
      await new Promise((r) => setTimeout(r, 200));
      // Backspaces only (the text stays empty): each message is as large as a chunk may make
      // it, so the socket's buffers fill and the server's queue for the stalled one grows.
      const count = 600;
      const received = [];
      for (let sequence = 1; sequence <= count; sequence++) {
        const text = '\b'.repeat(16000);
        const pushed = await api(server.base, 'POST', `/api/v1${roomPath()}/captions`, { token: server.admin.token, body: { sequence, language: 'en', text } });
        assert.equal(pushed.status, 200, pushed.text);
        const started = Date.now();
        const event = await next();
        assert.ok(Date.now() - started < 2000, `chunk ${sequence} arrived late`);
        received.push(event.sequence ?? event.data?.sequence);
      }
      assert.deepEqual(received, Array.from({ length: count }, (_, i) => i + 1));
      controller.abort();
      const seen = await Promise.race([stalled.drain(), new Promise((r) => setTimeout(() => r('still open'), 10000))]);
      stalled.destroy();
      assert.notEqual(seen, 'still open', 'the stalled viewer was disconnected');
      assert.ok(seen < count, `the stalled viewer got ${seen} of ${count}`);
    });
  });
}
