// The messages of the year on an IGF-size edition: the demo's regional IGF grown to 301
// sessions (convene demo --proposals 1500 --rooms 14 --days 4), with 5 messages per theme
// drafted through the API, every session cited by some message (each message cites 8),
// half of them diverging with three positions, four paragraphs each, and 50 comments on
// one message (the clock moved past the flood limit). Reads the messages' overview and the printable document of every theme as a
// MAG member (never cached), the document and a theme's page as anyone once published
// (the page cache), and the message with its comments: p50, p90 and p99 under N
// concurrent readers for S seconds, requests per second, and the bytes of each (as sent,
// and gzip-compressed as browsers ask).
// Usage: node bench/messages.mjs [sqlite|postgresql] [seconds] [readers]
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { startServer, moveClock } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 10);
const readers = Number(process.argv[4] ?? 16);
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

const server = await startServer(engine, { threads: 2, testHooks: true });
try {
  execFileSync(process.env.CONVENE_BIN ?? 'build/convene', ['--database', server.databaseUrl, 'demo', '--seed', '3',
    '--proposals', '1500', '--rooms', '14', '--days', '4']);
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
  const themes = (await as('GET', `/api/v1/editions/${edition}/themes`)).json.themes;
  const sessions = (await as('GET', `/api/v1/editions/${edition}/timetable`)).json.sessions.map((s) => s.code);
  console.log(`${sessions.length} sessions, ${themes.length} themes`);
  const email = `bench.${edition}@mag.test`;
  const added = await as('POST', `/api/v1/editions/${edition}/members`, {
    name: 'Bench Member', email, organisation: 'Bench', country: 'KE', stakeholder_group: 'civil_society', gender: 'woman',
  });
  if (added.status !== 201) throw new Error(added.text);
  const member = new Visitor(server.base);
  if ((await member.signIn(email, added.json.temporary_password)).status !== 303) throw new Error('sign-in');

  const paragraph = (i) => `Paragraph ${i}: participants stressed that **meaningful access** needs affordable devices, ` +
    'local content in local languages, digital skills and trust, and that [community networks](https://example.org) fill gaps markets leave.';
  let cursor = 0, first = null;
  const started = Date.now();
  for (const theme of themes)
    for (let m = 0; m < 5; m++) {
      const diverging = m % 2 === 1;
      const cited = Array.from({ length: 8 }, () => sessions[cursor++ % sessions.length]);
      const r = await as('POST', `/api/v1/editions/${edition}/messages`, {
        theme: theme.id, title: `${theme.name}: message ${m + 1}`, body: [1, 2, 3, 4].map(paragraph).join('\n\n'),
        stance: diverging ? 'diverging' : 'converging',
        positions: diverging ? [
          { text: 'Regulate first: rights need rules.', groups: ['government', 'civil_society'] },
          { text: 'Innovate first: rules follow practice.', groups: ['private_sector', 'technical_community'] },
          { text: 'Neither, for young people: ask them.', groups: ['youth'] },
        ] : [],
        citations: cited.map((code, i) => ({ session: code, quote: i % 2 ? '' : `A key message of ${code}.` })),
      });
      if (r.status !== 201) throw new Error(r.text);
      first ??= r.json.id;
    }
  console.log(`${themes.length * 5} messages written in ${((Date.now() - started) / 1000).toFixed(1)} s over HTTP`);
  await as('PUT', `/api/v1/editions/${edition}/messages/period`, { opens_at: iso(Date.now() - 60000), closes_at: iso(Date.now() + 86400000) });
  for (let i = 0; i < 50; i++) {
    // One address may send 10 an hour: the clock moves an hour every 10 comments.
    if (i > 0 && i % 10 === 0) await moveClock(server, 3601);
    const r = await as('POST', `/api/v1/editions/${edition}/messages/${first}/comments`, {
      paragraph: 1 + (i % 4), name: `Commenter ${i}`, stakeholder_group: 'youth', region: 'african', body: `Comment ${i} <b>with markup</b>.`,
    });
    if (r.status !== 201) throw new Error(r.text);
  }

  const cookie = member.cookieHeader();
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  const measure = async (name, path, headers) => {
    const firstResponse = await fetch(server.base + path, { headers });
    const body = Buffer.from(await firstResponse.arrayBuffer());
    if (firstResponse.status !== 200) { console.log(`${name}: ${firstResponse.status}, skipped`); return; }
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
  const base = `/editions/${edition}/messages`;
  await measure('messages overview, MAG member', base, { cookie });
  await measure('printable document, MAG member (not cached)', `${base}/document`, { cookie });
  await measure('one message with 50 comments, MAG member', `${base}/${first}`, { cookie });
  await measure('a session page citing a message, anyone', `/editions/${edition}/programme/${sessions[0]}`, {});
  const published = await as('POST', `/api/v1/editions/${edition}/messages/publish`);
  if (published.status !== 200) throw new Error(published.text);
  await measure('printable document, anyone (cached)', `${base}/document`, {});
  await measure('one theme, anyone (cached)', `${base}/themes/${themes[0].id}`, {});
} finally {
  await server.stop();
}
