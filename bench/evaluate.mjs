// MAG members at work on the demo forum (300 proposals, 50 members, k = 10, so about 60
// proposals on each list): 200 concurrent evaluators (four browser sessions per member)
// each open their list page, open one of their evaluation forms and save a draft, over
// and over; prints p50, p90 and p99 of each for the engine given. With a think time,
// each evaluator pauses a random 0 to 2x that many milliseconds between requests, as
// people reading a proposal do; without, they send the next request at once (saturation).
// Usage: node bench/evaluate.mjs sqlite|postgresql [seconds] [evaluators] [think ms] [server threads]
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 15);
const concurrency = Number(process.argv[4] ?? 200);
const think = Number(process.argv[5] ?? 0);
const threads = Number(process.argv[6] ?? 2);
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
} finally {
  await server.stop();
}
