// MAG members at work on the demo forum (300 proposals, 50 members, k = 10, so about 60
// proposals on each list): 200 concurrent evaluators (four browser sessions per member)
// each open their list page, open one of their evaluation forms and save a draft, over
// and over; prints p50, p90 and p99 of each for the engine given. With a think time,
// each evaluator pauses a random 0 to 2x that many milliseconds between requests, as
// people reading a proposal do; without, they send the next request at once (saturation).
// With `wrk` as the client (a sixth argument), the same evaluators' list pages and forms
// (reads only: a draft save needs the version its last save returned) are requested by wrk
// with no think time: Node's own client needed a full core for 630 requests/s, as much as
// the server, so it measured itself.
// Usage: node bench/evaluate.mjs sqlite|postgresql [seconds] [evaluators] [think ms] [server threads] [node|wrk]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 15);
const concurrency = Number(process.argv[4] ?? 200);
const think = Number(process.argv[5] ?? 0);
const threads = Number(process.argv[6] ?? 2);
const client = process.argv[7] ?? 'node';
// The server's CPU time (user + system) in ms, from /proc/<pid>/stat (clock ticks of 10 ms).
const serverCpu = () => readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0) * 10;
const pause = () => (think ? new Promise((r) => setTimeout(r, Math.random() * 2 * think)) : null);

const server = await startServer(engine, { demo: true, threads });
try {
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo').id;
  await as('POST', `/api/v1/editions/${edition}/screening`);
  await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { per_proposal: 10 });
  const run = await as('POST', `/api/v1/editions/${edition}/assignment`);
  if (run.status !== 200) throw new Error(run.text);
  await as('POST', `/api/v1/editions/${edition}/assignment/publish`);
  const members = (await as('GET', `/api/v1/editions/${edition}/members`)).json.members;
  const sessions = [];
  for (const m of members) {
    const v = new Visitor(server.base);
    const r = await v.signIn(m.email, server.demoMember.password);
    if (r.status !== 303) throw new Error('sign-in ' + r.status);
    const list = await v.request('GET', `/api/v1/editions/${edition}/evaluations`, { headers: { accept: 'application/json' } });
    sessions.push({ cookie: v.cookieHeader(), csrf: v.cookies.get('convene_csrf'), proposals: list.json().evaluations.map((e) => e.proposal) });
  }
  const perProposal = run.json.assignments.length / new Set(run.json.assignments.map((a) => a.proposal)).size;
  if (client === 'wrk') {
    // Each request the next of a fixed rotation: a member's list page, then one of their forms.
    const requests = [];
    for (let n = 0; requests.length < 2000; n++)
      for (const s of sessions) {
        requests.push([`/editions/${edition}/evaluations`, s.cookie]);
        requests.push([`/editions/${edition}/evaluations/${s.proposals[n % s.proposals.length]}`, s.cookie]);
      }
    const dir = mkdtempSync(join(tmpdir(), 'convene-wrk-'));
    const lua = join(dir, 'pages.lua');
    writeFileSync(lua, `local requests = {${requests.map(([path, cookie]) => `{${JSON.stringify(path)}, ${JSON.stringify(cookie)}}`).join(',\n')}}
local n = 0
local statuses = {}
function setup(thread) thread:set("id", tostring(thread)) end
function request()
  n = n % #requests + 1
  return wrk.format("GET", requests[n][1], { ["Cookie"] = requests[n][2], ["Accept-Encoding"] = "gzip" })
end
function response(status) if status ~= 200 then statuses[status] = (statuses[status] or 0) + 1 end end
function done(summary, latency, requests)
  io.write(string.format("pages %d (%.0f/s, %.1f KiB each) p50 %.1f ms p90 %.1f ms p99 %.1f ms; non-2xx %d, socket errors %d\\n",
    summary.requests, summary.requests / (summary.duration / 1e6), summary.bytes / summary.requests / 1024, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`);
    const cpuBefore = serverCpu();
    const out = execFileSync('wrk', ['-t2', `-c${concurrency}`, `-d${seconds}s`, '-s', lua, server.base + '/'], { encoding: 'utf8' });
    const cpuMs = serverCpu() - cpuBefore;
    rmSync(dir, { recursive: true, force: true });
    const line = out.trim().split('\n').pop();
    const pages = Number(line.match(/^pages (\d+)/)[1]);
    console.log(`evaluators' pages on ${engine} by wrk, ${concurrency} connections, ${sessions.length} members, k=${perProposal.toFixed(1)}, ${threads} server threads, ${seconds} s: ${line}; server CPU ${(cpuMs / pages).toFixed(2)} ms per page`);
  } else {
    const times = { list: [], form: [], save: [] };
    let failures = 0;
    const timed = async (kind, path, init, expect) => {
      await pause();
      const start = process.hrtime.bigint();
      const r = await fetch(server.base + path, { redirect: 'manual', ...init });
      const body = await r.text();
      times[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== expect) { failures++; if (failures < 4) console.error(kind, r.status, body.slice(0, 200)); }
      return body;
    };
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, async (_, i) => {
      const s = sessions[i % sessions.length];
      const lane = Math.floor(i / sessions.length);  // each session of a member saves its own proposals
      const own = s.proposals.filter((_, n) => n % Math.ceil(concurrency / sessions.length) === lane);
      const version = new Map();
      for (let n = 0; Date.now() < until; n++) {
        await timed('list', `/editions/${edition}/evaluations`, { headers: { cookie: s.cookie } }, 200);
        const p = own.length ? own[n % own.length] : s.proposals[n % s.proposals.length];
        await timed('form', `/editions/${edition}/evaluations/${p}`, { headers: { cookie: s.cookie } }, 200);
        if (!own.length) continue;
        const body = await timed('save', `/api/v1/editions/${edition}/evaluations/${p}`, {
          method: 'PUT',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ scores: { overall: 4 }, comment: `Draft ${n}`, version: version.get(p) ?? 0 }),
        }, 200);
        try { version.set(p, JSON.parse(body).version); } catch { /* counted as a failure */ }
      }
    }));
    const summary = (kind) => {
      const l = times[kind].sort((a, b) => a - b);
      const at = (q) => l[Math.min(l.length - 1, Math.floor(q * l.length))].toFixed(1);
      return `${kind} ${l.length} (${(l.length / seconds).toFixed(0)}/s) p50 ${at(0.5)} ms p90 ${at(0.9)} ms p99 ${at(0.99)} ms`;
    };
    console.log(`evaluators on ${engine}, ${concurrency} concurrent, ${sessions.length} members, ~${Math.round(sessions.reduce((n, s) => n + s.proposals.length, 0) / sessions.length)} proposals per list (k=${perProposal.toFixed(1)}), ${think ? `think time ${think} ms` : 'no think time'}, ${threads} server threads, ${seconds} s: ` +
      `${summary('list')}; ${summary('form')}; ${summary('save')}; failures ${failures}`);
  }
} finally {
  await server.stop();
}
