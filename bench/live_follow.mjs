// Followers of a live topic for the benchmarks, and the fan-out they see: many WebSocket
// (or Server-Sent Events) followers of one topic (`live-room-<id>`, or
// `live-captions-<room>-en` for captions), each noting when every message reached it; then,
// for each action, the time from the action's response to the last follower's receipt.
// Node 20 has no WebSocket client: a small one is here (RFC 6455, text frames, the client's
// frames masked, pings answered). Used by bench/live.mjs; the captions benchmark (5,000
// viewers, WebSocket and SSE) reuses `follow` and `fanout` with its own push function.
import net from 'node:net';
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const now = () => Number(process.hrtime.bigint()) / 1e6;  // milliseconds

// One WebSocket follower: resolves once the server accepted the upgrade; `onMessage(text,
// at)` for each text frame, `onClose()` when the server drops it.
export function wsFollower(base, topic, onMessage, onClose = () => {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let open = false;
    const send = (opcode, payload = Buffer.alloc(0)) => {
      const mask = randomBytes(4);
      const masked = Buffer.from(payload);
      for (let i = 0; i < masked.length; i++) masked[i] ^= mask[i % 4];
      socket.write(Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | masked.length]), mask, masked]));
    };
    socket.on('connect', () => {
      socket.write(`GET /live/${topic} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
        `Sec-WebSocket-Version: 13\r\n\r\n`);
    });
    socket.on('data', (chunk) => {
      const at = now();
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      if (!open) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        if (!/^HTTP\/1\.1 101/.test(head)) { socket.destroy(); reject(new Error(head.split('\r\n')[0])); return; }
        open = true;
        buffer = buffer.subarray(end + 4);
        resolve({ close: () => { send(0x8); socket.end(); } });
      }
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0] & 0x0f;
        let length = buffer[1] & 0x7f, offset = 2;
        if (length === 126) { if (buffer.length < 4) return; length = buffer.readUInt16BE(2); offset = 4; }
        else if (length === 127) { if (buffer.length < 10) return; length = Number(buffer.readBigUInt64BE(2)); offset = 10; }
        if (buffer.length < offset + length) return;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x1) onMessage(payload.toString(), at);
        else if (opcode === 0x9) send(0xa, payload);
        else if (opcode === 0x8) socket.end();
      }
    });
    socket.on('error', (e) => { if (!open) reject(e); });
    socket.on('close', onClose);
  });
}

// One Server-Sent Events follower, the same way.
export function sseFollower(base, topic, onMessage, onClose = () => {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/live/${topic}`, { headers: { accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) { reject(new Error(`SSE ${response.statusCode}`)); return; }
      response.setEncoding('utf8');
      let text = '';
      response.on('data', (chunk) => {
        const at = now();
        text += chunk;
        let end;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const event = text.slice(0, end);
          text = text.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data) onMessage(data, at);
        }
      });
      response.on('close', onClose);
      resolve({ close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

// `count` followers of `topic` ('ws' or 'sse'), opened `batch` at a time. Each keeps the
// keys of the messages it received, in order, with their times: `key(message)` gives a
// message's key (a number that grows: the queue's version, a caption's position), or
// undefined to ignore it.
export async function follow(base, topic, { count, kind = 'ws', key, batch = 100 }) {
  const open = kind === 'sse' ? sseFollower : wsFollower;
  const followers = [];
  for (let i = 0; i < count; i += batch) {
    const opened = await Promise.all(Array.from({ length: Math.min(batch, count - i) }, async () => {
      const seen = { keys: [], times: [], dropped: false };
      const onMessage = (text, at) => {
        let k;
        try { k = key(JSON.parse(text)); } catch { return; }
        if (k === undefined) return;
        seen.keys.push(k);
        seen.times.push(at);
      };
      const connection = await open(base, topic, onMessage, () => { seen.dropped = true; });
      return { seen, close: connection.close };
    }));
    followers.push(...opened);
  }
  return {
    followers,
    close: () => { for (const f of followers) { f.seen.closing = true; f.close(); } },
    // Followers the server dropped (too slow to read: the server never waits for them).
    dropped: () => followers.filter((f) => f.seen.dropped && !f.seen.closing).length,
    // When the last follower still connected first received a message with a key at least
    // `k` (undefined while one has not yet).
    lastReceipt(k) {
      let last = 0;
      for (const { seen } of followers) {
        if (seen.dropped) continue;
        let lo = 0, hi = seen.keys.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (seen.keys[mid] < k) lo = mid + 1; else hi = mid; }
        if (lo === seen.keys.length) return undefined;
        last = Math.max(last, seen.times[lo]);
      }
      return last;
    },
  };
}

// Runs `push()` (one action: resolves to the key its followers wait for, or undefined
// when nothing was published) and notes when it started and when its response came.
export async function timed(push) {
  const start = now();
  const key = await push();
  const answered = now();
  return { key, action: answered - start, answered };
}

// Waits (up to `patience` ms) until every follower has the largest key of `records`.
export async function settle(following, records, patience = 10000) {
  const keys = records.map((r) => r.key).filter((k) => k !== undefined);
  if (!keys.length) return;
  const largest = Math.max(...keys);
  const until = now() + patience;
  while (following.lastReceipt(largest) === undefined && now() < until)
    await new Promise((r) => setTimeout(r, 20));
}

// An action's fan-out, once settled: from its response to the last follower's receipt (0
// when every follower had it before the response came back; Infinity when one never did).
export function fanout(following, record) {
  const last = following.lastReceipt(record.key);
  return last === undefined ? Infinity : Math.max(0, last - record.answered);
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
};
export const clock = now;
