// The transcripts' archive at the forum's size: N transcripts (10,000 by default) made at
// bench time from the seed files' turns (../shared/seeds), shuffled with a fixed seed so
// every run ingests the same text; nothing generated is kept. Prints, for one engine:
// - ingest: `convene import transcript FOLDER --into EDITION`, the whole folder, wall time;
// - search: p50 and p99 of /api/v1/transcripts/search, one request at a time, for single
//   words (frequent and rare), phrases, and filtered searches (speaker, room, dates);
// - the public page of the largest seed transcript (p50, p99, bytes).
// Usage: node bench/transcripts.mjs [sqlite|postgresql] [transcripts] [searches per kind]
// With CONVENE_BENCH_HOLD=S, the server is held S seconds after the ingest (its address
// printed) for a profiler or queries by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/support/server.mjs';
import { api } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const count = Number(process.argv[3] ?? 10000);
const searches = Number(process.argv[4] ?? 200);
const seeds = new URL('../../shared/seeds/', import.meta.url).pathname;
if (!existsSync(seeds)) {
  console.log(`no seed folder at ${seeds}: nothing to measure`);
  process.exit(0);
}
const bin = process.env.CONVENE_BIN;

// The seeds' transcripts as the importer reads them.
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f));
const read = (file) => JSON.parse(execFileSync(bin, ['import', 'transcript', file], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }));
const transcripts = [];
for (const file of seedFiles) {
  try {
    const t = read(file);
    if (t.turns?.length) transcripts.push({ file, size: statSync(file).size, ...t });
  } catch { /* not a transcript (the workshop page): refused by the importer */ }
}
const turns = transcripts.flatMap((t) => t.turns.filter((u) => u.text));
console.log(`${engine}: ${transcripts.length} seed transcripts, ${turns.length} turns to draw from`);

// A small fixed-seed generator (mulberry32): the same archive on every run.
let state = 20261202;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const rooms = ['Main Hall', 'Salle I', 'Salle XI', 'Room 3', 'Workshop Room 7', 'Hub Nairobi'];

const folder = mkdtempSync(join(tmpdir(), 'convene-transcripts-'));
let words = 0;
try {
  const made = Date.now();
  for (let i = 0; i < count; i++) {
    const year = 2006 + (i % 20);
    const lines = [`IGF ${year} - Day ${1 + (i % 4)} - ${pick(rooms)} - Session ${i + 1} on the future of the Internet`, '',
      `${23 + (i % 4)} June ${year}`, '',
      'This is the output of the real-time captioning taken during the session.', ''];
    const n = 20 + Math.floor(random() * 100);
    for (let k = 0; k < n; k++) {
      const turn = pick(turns);
      words += turn.text.split(' ').length;
      lines.push(turn.speaker ? `>> ${turn.speaker}: ${turn.text}` : `>> ${turn.text}`, '');
      if (random() < 0.05) lines.push('[ Applause ]', '');
    }
    writeFileSync(join(folder, `t${String(i).padStart(5, '0')}.txt`), lines.join('\n'));
  }
  console.log(`made ${count} transcripts (${(words / 1e6).toFixed(1)} M words) in ${((Date.now() - made) / 1000).toFixed(1)} s`);

  const server = await startServer(engine, { threads: 2 });
  try {
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const edition = (await as('POST', '/api/v1/editions', { name: 'Archive', year: 2025, start_date: '2025-06-23', end_date: '2025-06-27', time_zone: 'UTC', venue: 'Oslo' })).json.id;

    const started = process.hrtime.bigint();
    execFileSync(bin, ['--database', server.databaseUrl, 'import', 'transcript', folder, '--into', String(edition)], { stdio: 'ignore' });
    const ingest = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`ingest ${count} transcripts: ${ingest.toFixed(1)} s (${(count / ingest).toFixed(0)} transcripts/s)`);

    // The largest seed transcript, stored in the same edition, for its page.
    const largest = transcripts.reduce((a, b) => (b.size > a.size ? b : a));
    const stored = JSON.parse(execFileSync(bin, ['--database', server.databaseUrl, 'import', 'transcript', largest.file, '--into', String(edition)], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }));

    const hold = Number(process.env.CONVENE_BENCH_HOLD ?? 0);
    if (hold > 0) {
      console.log(`holding ${server.base} (pid ${server.process.pid}, edition ${edition}) for ${hold} s`);
      await new Promise((r) => setTimeout(r, hold * 1000));
    }

    // Queries: words by how often they occur in the pool, phrases of consecutive words.
    const frequency = new Map();
    for (const t of turns) for (const w of t.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const byCount = [...frequency.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const frequent = byCount.slice(0, 50), rare = byCount.slice(-500);
    // Two or three words that follow one another in a turn, with nothing between them but
    // a space (a number or "U.S." left out between two words would make a phrase the
    // archive never holds).
    const runsOf = (text) => {
      const ws = text.split(/\s+/), runs = [];
      for (let i = 0; i + 2 < ws.length; i++)
        if (ws.slice(i, i + 3).every((w) => /^\p{L}+$/u.test(w))) runs.push(i);
      return { ws, runs };
    };
    const withRuns = turns.map((t) => runsOf(t.text)).filter((t) => t.runs.length);
    const phrase = () => {
      if (!withRuns.length) return `"${frequent[0]}"`;
      const { ws, runs } = pick(withRuns);
      const at = pick(runs);
      return `"${ws.slice(at, at + 2 + Math.floor(random() * 2)).join(' ')}"`;
    };
    const speakers = [...new Set(turns.map((t) => t.speaker).filter(Boolean))];
    const kinds = [
      ['frequent word', () => ({ q: pick(frequent) })],
      ['rare word', () => ({ q: pick(rare) })],
      ['phrase', () => ({ q: phrase() })],
      ['word + speaker', () => ({ q: pick(frequent), speaker: pick(speakers) })],
      ['word + room + dates', () => {
        const year = 2006 + Math.floor(random() * 18);
        return { q: pick(frequent), edition: String(edition), room: pick(rooms), from: `${year}-06-24`, to: `${year + 2}-06-25` };
      }],
    ];
    const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
    const measure = async (path) => {
      const t = process.hrtime.bigint();
      const r = await fetch(server.base + path);
      const body = await r.arrayBuffer();
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, bytes: body.byteLength, text: r.status === 200 ? '' : Buffer.from(body).toString() };
    };
    for (const [name, query] of kinds) {
      const times = [];
      let failures = 0, hits = 0;
      for (let i = 0; i < searches; i++) {
        const r = await measure('/api/v1/transcripts/search?' + new URLSearchParams(query()));
        times.push(r.ms);
        if (r.status !== 200) { failures++; if (failures === 1) console.log(`  ${name}: ${r.status} ${r.text.slice(0, 200)}`); }
        else hits++;
      }
      times.sort((a, b) => a - b);
      console.log(`search, ${name}: p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms` +
        ` (${searches} searches${failures ? `, ${failures} failed` : ''})`);
    }
    const page = `/editions/${edition}/transcripts/${stored.stored_as ?? stored.exists?.transcript}`;
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      const r = await measure(page);
      if (r.status !== 200) throw new Error(`${page}: ${r.status}`);
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    console.log(`page of the largest seed transcript (${largest.turns.length} turns): p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
      `p99 ${percentile(times, 0.99).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
