// Live captions under load, one node, loopback: V viewers follow one room's captions
// (topic `live-captions-<room>-en`), first by WebSocket, then again by Server-Sent Events,
// spread over several child processes (bench/live_spread.mjs) so that the client is not the
// bottleneck. A captioner pushes a chunk every 250 to 500 ms (a CART writer's pace) for S
// seconds. For each chunk: from the captioner's send to each viewer's receipt; p50 and p99
// over the chunks of the last viewer's receipt and over all receipts (the goal: p99 under
// 50 ms), the viewers the server dropped as too slow, and the server's memory per viewer
// (its resident set, /proc/<pid>/status VmRSS, before and after the viewers connected).
// Every viewer holds a socket in the server and one here: `ulimit -n` must exceed V plus a
// margin (the server's and the workers' own; 20,000 on the bench machine).
// The viewers are held by `convene_viewers` (bench/load/viewers.cpp, one epoll thread, a few
// microseconds per receipt); `client=node` holds them in Node processes instead
// (bench/live_spread.mjs), whose own queueing on a two-core machine adds tens of ms.
// Usage: node bench/captions.mjs [sqlite|postgresql] [viewers] [seconds] [ws,sse] [workers] [threads] [native|node]
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { startServer } from '../tests/support/server.mjs';
import { api } from '../tests/support/client.mjs';
import { proposer } from '../tests/support/proposals.mjs';
import { clock, percentile } from './live_follow.mjs';
import { followSpread } from './live_spread.mjs';
import { followNative } from './live_native.mjs';

const engine = process.argv[2] ?? 'sqlite';
const viewers = Number(process.argv[3] ?? 5000);
const seconds = Number(process.argv[4] ?? 20);
const kinds = (process.argv[5] ?? 'ws,sse').split(',');
const workers = Number(process.argv[6] ?? 4);
const threads = Number(process.argv[7] ?? 2);
const client = process.argv[8] ?? 'native';

const limit = viewers + 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const files = execSync('ulimit -n', { shell: '/bin/sh', encoding: 'utf8' }).trim();
console.log(`${viewers} viewers ${client === 'node' ? `in ${workers} Node processes` : 'in convene_viewers'}, server --threads ${threads}, ${seconds} s of captions per run; ulimit -n ${files}`);
if (Number(files) < limit + 100) console.log(`ulimit -n ${files} is below ${limit + 100}: raise it (ulimit -n ${limit * 2}) or expect refused connections`);

// A fresh server for each kind of viewer, so that its memory is measured from the same start.
const rows = [];
for (const kind of kinds) {
  const server = await startServer(engine, {
    threads,
    args: ['--max-connections', String(limit), '--max-connections-per-address', String(limit), '--max-live-per-address', String(limit)],
  });
  // The server's CPU time (user + system) in ms, from /proc/<pid>/stat (clock ticks of 10 ms).
  const cpu = () => readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0) * 10;
  const rss = () => Number(readFileSync(`/proc/${server.process.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
  try {
    const as = (who, method, path, body) => api(server.base, method, path, { token: who.token, body });
    const created = await as(server.admin, 'POST', '/api/v1/editions', {
    name: 'IGF bench', year: 2040, start_date: '2040-06-01', end_date: '2040-06-04', time_zone: 'UTC', venue: 'Loopback',
    });
    if (created.status !== 201) throw new Error(created.text);
    const edition = created.json.id;
    const chair = await proposer(server, 'Chair of the bench');
    const captioner = await proposer(server, 'Captioner of the bench');
    const opened = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
      title: `Bench room, ${kind}`, chairs: [chair.email], captioners: [captioner.email],
    });
    if (opened.status !== 201) throw new Error(opened.text);
    const room = opened.json.id;
    const captions = `/api/v1/editions/${edition}/live-rooms/${room}/captions`;
    // A first chunk before the viewers, so the room's captions exist and are warm.
    await as(captioner, 'POST', captions, { sequence: 1, language: 'en', text: '>> CHAIR: Good morning.' });
    await sleep(300);
    const before = rss();
    const started = clock();
    const following = client === 'node'
      ? await followSpread(server.base, `live-captions-${room}-en`, { count: viewers, kind, key: { field: 'sequence' }, workers })
      : await followNative(server.base, `live-captions-${room}-en`, { count: viewers, kind });
    const connectSeconds = (clock() - started) / 1000;
    await sleep(1000);
    const after = rss();

    const sent = new Map();   // sequence → the captioner's send time
    const answers = [];       // the push's response times
    let failed = 0;
    const cpuBefore = cpu();
    const until = clock() + seconds * 1000;
    for (let sequence = 2; clock() < until; sequence++) {
      const text = ` chunk ${sequence} of what the speaker says`;
      const at = clock();
      sent.set(sequence, at);
      const r = await as(captioner, 'POST', captions, { sequence, language: 'en', text });
      answers.push(clock() - at);
      if (r.status !== 200 && r.status !== 201) failed++;
      await sleep(250 + Math.random() * 250 - (clock() - at));
    }
    const largest = Math.max(...sent.keys());
    await following.settle(largest);
    const serverCpu = (cpu() - cpuBefore) / sent.size;
    // The server's own part: from publishing a chunk to its last follower's socket.
    const metrics = await (await fetch(server.base + '/metrics')).text();
    const gauge = (name) => Number(metrics.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1] ?? NaN) * 1000;
    await following.collect();
    const last = [], all = [];
    let lost = 0;
    for (const [sequence, at] of sent) {
      let latest = 0;
      for (const { seen } of following.followers) {
        if (seen.dropped) continue;
        const got = following.receipt(seen, sequence);
        if (got === undefined) { lost++; latest = Infinity; continue; }
        all.push(got - at);
        latest = Math.max(latest, got - at);
      }
      last.push(latest);
    }
    const dropped = following.dropped();
    rows.push({
      kind, viewers, chunks: sent.size, failed, dropped, lost, connectSeconds,
      push50: percentile(answers, 0.5), push99: percentile(answers, 0.99),
      last50: percentile(last, 0.5), last99: percentile(last, 0.99),
      all50: percentile(all, 0.5), all99: percentile(all, 0.99),
      perViewer: (after - before) / viewers, before, after, serverCpu,
      fanout50: gauge('convene_live_fanout_p50_seconds'), fanout99: gauge('convene_live_fanout_p99_seconds'),
    });
    await following.close();
    await as(chair, 'POST', `/api/v1/editions/${edition}/live-rooms/${room}/chair`, { action: 'close_room' });
  } finally {
    await server.stop();
  }
}

{
  const ms = (v) => (Number.isNaN(v) ? '-' : Number.isFinite(v) ? v.toFixed(1) : '∞').padStart(8);
  console.log('\nviewers  via  connect s  chunks  push p50  push p99  last p50  last p99  all p50  all p99  fan-out p50  fan-out p99  dropped  missed  server CPU/chunk  server RSS before → after  per viewer');
  for (const r of rows)
    console.log(`${String(r.viewers).padStart(7)}  ${r.kind.padEnd(3)}  ${r.connectSeconds.toFixed(1).padStart(9)}  ${String(r.chunks).padStart(6)}  ` +
      `${ms(r.push50)}  ${ms(r.push99)}  ${ms(r.last50)}  ${ms(r.last99)} ${ms(r.all50)} ${ms(r.all99)}     ${ms(r.fanout50)}     ${ms(r.fanout99)}  ` +
      `${String(r.dropped).padStart(7)}  ${String(r.lost).padStart(6)}  ` +
      `${r.serverCpu.toFixed(1).padStart(11)} ms  ` +
      `${(r.before / 1048576).toFixed(1).padStart(8)} → ${(r.after / 1048576).toFixed(1)} MiB  ${(r.perViewer / 1024).toFixed(1).padStart(6)} KiB`);
  console.log('(ms from the captioner\'s send; last: the last viewer\'s receipt of each chunk; all: every receipt; goal p99 < 50 ms;');
  console.log(' fan-out: the server\'s own part, from publishing a chunk to its last viewer\'s socket, from /metrics)');
}
