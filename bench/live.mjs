// The speaking queue under load, one node, loopback: P participants (accounts made through
// the registration API) ask for the floor and withdraw, each pausing a moment between
// actions, while the chair gives the floor to the next; F WebSocket followers of the
// room's topic (`live-room-<id>`) hear every change. For each action: p50 and p99 of its
// response time and of its fan-out (from the action's response to the last follower's
// receipt), for each number of followers in turn.
// Each participant pauses 1 to `pause` seconds between actions (3 by default: about 100
// actions a second from 200 people). The followers are spread over `workers` child
// processes (bench/live_spread.mjs), 4 by default; 0: read by this one Node process, which
// at 2,000 followers falls behind. The server drops a follower that falls behind (it never
// waits for a slow reader) and the table says how many; their fan-out is then not counted.
// Usage: node bench/live.mjs [sqlite|postgresql] [participants] [followers,...] [seconds] [pause] [workers]
import { startServer } from '../tests/support/server.mjs';
import { api } from '../tests/support/client.mjs';
import { proposer } from '../tests/support/proposals.mjs';
import { follow, timed, settle, fanout, percentile } from './live_follow.mjs';
import { followSpread } from './live_spread.mjs';

const engine = process.argv[2] ?? 'sqlite';
const participants = Number(process.argv[3] ?? 200);
const followerCounts = (process.argv[4] ?? '200,2000').split(',').map(Number);
const seconds = Number(process.argv[5] ?? 15);
const pause = Number(process.argv[6] ?? 3) * 1000;
const workers = Number(process.argv[7] ?? 4);

const server = await startServer(engine, {
  threads: 2,
  args: ['--max-connections', '19000', '--max-connections-per-address', '19000', '--max-live-per-address', '19000'],
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  const as = (who, method, path, body) => api(server.base, method, path, { token: who.token, body });
  const created = await as(server.admin, 'POST', '/api/v1/editions', {
    name: 'IGF bench', year: 2040, start_date: '2040-06-01', end_date: '2040-06-04', time_zone: 'UTC', venue: 'Loopback',
  });
  if (created.status !== 201) throw new Error(created.text);
  const edition = created.json.id;
  const chair = await proposer(server, 'Chair of the bench');
  const people = [];
  const made = Date.now();
  for (let i = 0; i < participants; i += 10)
    people.push(...await Promise.all(Array.from({ length: Math.min(10, participants - i) }, (_, j) => proposer(server, `Participant ${i + j + 1}`))));
  console.log(`${participants} participants registered in ${((Date.now() - made) / 1000).toFixed(1)} s; ${seconds} s of queue work per run`);

  const rows = [];
  for (const count of followerCounts) {
    const opened = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, { title: `Bench room, ${count} followers`, chairs: [chair.email] });
    if (opened.status !== 201) throw new Error(opened.text);
    const room = opened.json.id;
    const path = (rest) => `/api/v1/editions/${edition}/live-rooms/${room}${rest}`;
    const started = Date.now();
    const following = workers > 0
      ? await followSpread(server.base, `live-room-${room}`, { count, kind: 'ws', key: { field: 'version', event: 'live.queue' }, workers })
      : await follow(server.base, `live-room-${room}`, { count, kind: 'ws', key: (m) => (m.event === 'live.queue' ? m.version : undefined) });
    const connectSeconds = (Date.now() - started) / 1000;
    const memory = process.memoryUsage().rss;
    // One record per answered action; refusals (409: already speaking, nobody waiting) count apart.
    const records = { ask: [], withdraw: [], next: [] };
    const refused = { ask: 0, withdraw: 0, next: 0 };
    const failed = { ask: 0, withdraw: 0, next: 0 };
    const until = Date.now() + seconds * 1000;
    const run = (name, who, p, body) => timed(async () => {
      const r = await as(who, 'POST', p, body);
      if (r.status === 409) { refused[name]++; return undefined; }
      if (r.status >= 300) { failed[name]++; return undefined; }
      return r.json.version;
    }).then((record) => { if (record.key !== undefined) records[name].push(record); });
    const participant = async (who) => {
      await sleep(Math.random() * pause);
      while (Date.now() < until) {
        await run('ask', who, path('/queue'), { where: Math.random() < 0.5 ? 'onsite' : 'online' });
        await sleep(1000 + Math.random() * (pause - 1000));
        if (Date.now() >= until) break;
        await run('withdraw', who, path('/queue/withdraw'), {});
        await sleep(1000 + Math.random() * (pause - 1000));
      }
    };
    const chairing = async () => {
      while (Date.now() < until) {
        await run('next', chair, path('/chair'), { action: 'next' });
        await sleep(250);
      }
    };
    await Promise.all([chairing(), ...people.map(participant)]);
    const all = [...records.ask, ...records.withdraw, ...records.next];
    if (workers > 0) {
      const keys = all.map((r) => r.key).filter((k) => k !== undefined);
      if (keys.length) await following.settle(Math.max(...keys));
      await following.collect();
    } else {
      await settle(following, all);
    }
    for (const name of Object.keys(records)) {
      const list = records[name];
      const fan = list.map((r) => fanout(following, r));
      rows.push({
        followers: count, action: name, count: list.length, refused: refused[name], failed: failed[name],
        p50: percentile(list.map((r) => r.action), 0.5), p99: percentile(list.map((r) => r.action), 0.99),
        f50: percentile(fan, 0.5), f99: percentile(fan, 0.99), lost: fan.filter((f) => f === Infinity).length,
      });
    }
    console.log(`${count} WebSocket followers (${workers > 0 ? `${workers} processes` : 'this process'}) connected in ${connectSeconds.toFixed(1)} s ` +
      `(bench process ${(memory / 1048576).toFixed(0)} MiB); ${all.length} actions answered; ` +
      `${following.dropped()} followers dropped by the server as too slow to read`);
    await following.close();
    await as(chair, 'POST', path('/chair'), { action: 'close_room' });
    await sleep(500);
  }

  const ms = (v) => (Number.isNaN(v) ? '-' : Number.isFinite(v) ? v.toFixed(1) : '∞').padStart(8);
  console.log('\nfollowers  action    answered  refused  failed  p50 ms  p99 ms  fan-out p50  fan-out p99  never heard');
  for (const r of rows)
    console.log(`${String(r.followers).padStart(9)}  ${r.action.padEnd(8)}  ${String(r.count).padStart(8)}  ` +
      `${String(r.refused).padStart(7)}  ${String(r.failed).padStart(6)}  ${ms(r.p50)}${ms(r.p99)}  ` +
      `${ms(r.f50)}     ${ms(r.f99)}     ${String(r.lost).padStart(6)}`);
} finally {
  await server.stop();
}
