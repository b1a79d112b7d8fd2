// Session reports on an IGF-size edition: the demo's regional IGF grown to 301 sessions
// on 14 rooms and 4 days (convene demo --proposals 1500 --rooms 14 --days 4), completed by
// the solver and published as bench/programme.mjs does. With the server's clock moved to
// the night after the last day, a full report with its gender report card is filed
// through the API for 300 sessions (the short reports are left missing); then, half a day
// later, the reminder run of the edition (POST .../reports/reminders: every session's
// short report is late, a reminder to each rapporteur and organiser) is timed, and timed
// again (nothing new to send). Reads the Secretariat's compliance page (never cached) and
// the public statistics pages of the edition and across editions: p50, p90 and p99 under
// N concurrent readers for S seconds, requests per second, and the bytes of each (as
// sent, and gzip-compressed as browsers ask). The server's own reminder loop is off.
// Usage: node bench/reports.mjs [sqlite|postgresql] [seconds] [readers]
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 10);
const readers = Number(process.argv[4] ?? 16);

const server = await startServer(engine, { threads: 2, testHooks: true, args: ['--reminder-seconds', '0'] });
try {
  execFileSync(process.env.CONVENE_BIN ?? 'build/convene', ['--database', server.databaseUrl, 'demo', '--seed', '3',
    '--proposals', '1500', '--rooms', '14', '--days', '4']);
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const e = (await as('GET', '/api/v1/editions')).json.editions.find((x) => x.name === 'Regional IGF demo 2027');
  const edition = e.id;
  let started = Date.now();
  const complete = await as('POST', `/api/v1/editions/${edition}/timetable/complete`, { keep_placed: false, time_limit: 10 });
  if (complete.status !== 200) throw new Error(complete.text);
  const publish = await as('POST', `/api/v1/editions/${edition}/timetable/publish`, {});
  if (publish.status >= 300) throw new Error(publish.text);
  console.log(`timetable completed and published in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The server's clock: the night after the last day (every session over), then noon.
  const setClock = async (iso) => {
    const now = (await as('POST', '/_test/clock', { advance_seconds: 0 })).json.now;
    const r = await as('POST', '/_test/clock', { advance_seconds: Math.round((Date.parse(iso) - Date.parse(now)) / 1000) });
    if (r.status !== 200) throw new Error(r.text);
  };
  const dayAfter = new Date(Date.parse(`${e.end_date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  await setClock(`${dayAfter}T04:00:00Z`);
  const compliance = (await as('GET', `/api/v1/editions/${edition}/reports/compliance`)).json;
  const codes = compliance.sessions.map((s) => s.code).slice(0, 300);
  const women = ['none', 'a_few', 'about_a_third', 'about_half', 'more_than_half'];
  const discussed = ['not_raised', 'mentioned', 'main_topic'];
  const text = (n) => Array.from({ length: n }, (_, i) => `word${i % 50}`).join(' ');
  started = Date.now();
  for (const [i, code] of codes.entries()) {
    const r = await as('PUT', `/api/v1/editions/${edition}/programme/${code}/report/full`, {
      version: 0, file: true, women_present: women[i % 5], gender_discussed: discussed[i % 3],
      fields: { key_issues: text(120), presentations: text(400), discussions: text(250), way_forward: text(150) },
    });
    if (r.status !== 200) throw new Error(`${code}: ${r.text}`);
  }
  console.log(`${compliance.sessions.length} published sessions; ${codes.length} full reports filed in ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s over HTTP`);

  await setClock(`${dayAfter}T16:00:00Z`);
  for (const round of ['first run', 'second run']) {
    started = process.hrtime.bigint();
    const r = await as('POST', `/api/v1/editions/${edition}/reports/reminders`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 200) throw new Error(r.text);
    console.log(`reminder run for ${compliance.sessions.length} sessions, ${round}: ${r.json.queued} reminders queued ` +
      `for ${r.json.sessions} sessions in ${ms.toFixed(0)} ms over HTTP`);
  }

  const admin = new Visitor(server.base);
  if ((await admin.signIn(server.admin.email, server.admin.password)).status !== 303) throw new Error('sign-in');
  const cookie = admin.cookieHeader();
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  const measure = async (name, path, headers) => {
    const first = await fetch(server.base + path, { headers });
    const body = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200) { console.log(`${name}: ${first.status}, skipped`); return; }
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
  };
  await measure('compliance page, Secretariat (not cached)', `/editions/${edition}/reports/compliance`, { cookie });
  await measure('statistics of the edition, anyone (cached)', `/editions/${edition}/reports/statistics`, {});
  await measure('statistics across editions, anyone (cached)', '/reports/statistics', {});
} finally {
  await server.stop();
}
