// The programme's pages on an IGF-size edition: the demo's regional IGF grown to 301
// sessions on 14 rooms and 4 days (convene demo --proposals 1500 --rooms 14 --days 4),
// completed by the solver and published. For the Secretariat's timetable grid (one day),
// the public programme (the whole edition, and one day) and the iCalendar feed of the
// whole programme: p50, p90 and p99 under N concurrent readers for S seconds, requests per
// second, and the bytes of each (as sent, and gzip-compressed as browsers ask).
// Usage: node bench/programme.mjs [sqlite|postgresql] [seconds] [readers]
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 10);
const readers = Number(process.argv[4] ?? 16);

const server = await startServer(engine, { threads: 2 });
try {
  execFileSync(process.env.CONVENE_BIN, ['--database', server.databaseUrl, 'demo', '--seed', '3',
    '--proposals', '1500', '--rooms', '14', '--days', '4']);
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
  const started = Date.now();
  const complete = await as('POST', `/api/v1/editions/${edition}/timetable/complete`, { keep_placed: false, time_limit: 10 });
  if (complete.status !== 200) throw new Error(complete.text);
  console.log(`complete the timetable: ${complete.json.placed} placed, ${complete.json.unplaced.length} unplaced, ` +
    `total ${complete.json.total}, lower bound ${complete.json.lower_bound}, ${((Date.now() - started) / 1000).toFixed(1)} s over HTTP`);
  const publish = await as('POST', `/api/v1/editions/${edition}/timetable/publish`, {});
  if (publish.status >= 300) console.log(`publish: ${publish.status} ${publish.text.slice(0, 200)}`);

  const admin = new Visitor(server.base);
  const { email, password } = server.admin;
  if ((await admin.signIn(email, password)).status !== 303) throw new Error('sign-in');
  const cookie = admin.cookieHeader();
  const pages = [
    ['timetable grid, one day', `/editions/${edition}/timetable?day=2027-04-21`, { cookie }],
    ['public programme, whole', `/editions/${edition}/programme`, {}],
    ['public programme, one day', `/editions/${edition}/programme?day=2027-04-21`, {}],
    ['iCalendar, whole programme', `/editions/${edition}/programme.ics`, {}],
  ];
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  for (const [name, path, headers] of pages) {
    const first = await fetch(server.base + path, { headers });
    const body = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200) { console.log(`${name}: ${first.status}, skipped`); continue; }
    const times = [];
    let failures = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: readers }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        const r = await fetch(server.base + path, { headers: { ...headers, 'accept-encoding': 'gzip, br' } });
        await r.arrayBuffer();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (r.status !== 200) failures++;
      }
    }));
    times.sort((a, b) => a - b);
    console.log(`${name}: ${(times.length / seconds).toFixed(0)} req/s with ${readers} readers, ` +
      `p50 ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, ` +
      `p99 ${percentile(times, 0.99).toFixed(1)} ms, ${failures} failures; ` +
      `${(body.length / 1024).toFixed(1)} KiB, ${(gzipSync(body).length / 1024).toFixed(1)} KiB gzip`);
  }
} finally {
  await server.stop();
}
