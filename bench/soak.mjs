// Soak: many MAG evaluators at work at once, for minutes, on several Convene nodes on one
// PostgreSQL behind Debian's nginx (deploy/nginx.conf), as in production. The demo forum
// (its 50 MAG members, k = 10, enough proposals for each evaluator to have about five of
// their own) is given to `evaluators` concurrent evaluators, several browser sessions per
// member as in bench/evaluate.mjs. They arrive over the first minute (a tenth of the
// run at most); each, pausing 1 to 3 s between actions as a reader does, opens the list,
// a proposal's form, saves a draft and submits it (not after a refused draft), over and
// over, through nginx on keep-alive connections. Every answer other than 2xx/3xx and every
// network error counts as an error (there must be none); prints p50/p99 per action, the
// requests sent, and each node's resident memory (VmRSS, sampled every 30 s): first,
// middle and last sample, to judge whether it stays flat.
// Usage: node bench/soak.mjs [evaluators=1000] [minutes=10] [nodes=3]   (CONVENE_BIN)
import http from 'node:http';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';
import { startNginx } from '../tests/support/nginx.mjs';

const evaluators = Number(process.argv[2] ?? 1000);
const minutes = Number(process.argv[3] ?? 10);
const nodeCount = Number(process.argv[4] ?? 3);
const members = 50, perProposal = 10, ownEach = 5;  // the demo's MAG, k, proposals per evaluator
const proposals = Math.max(300, Math.ceil((evaluators * ownEach * 1.1) / perProposal));
const sampleEvery = 30000;
const arrival = Math.min(60000, minutes * 6000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(1000 + Math.random() * 2000);

process.chdir(new URL('..', import.meta.url).pathname);
const pgdir = mkdtempSync(join(tmpdir(), 'convene-soak-pg-'));
const nodes = [];
let nginx = null, cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  nginx?.stop();
  for (const n of nodes.slice(1).reverse()) await n.stop({ keepDatabase: true }).catch(() => {});
  await nodes[0]?.stop().catch(() => {});
  spawnSync('tests/support/postgres.sh', ['stop', pgdir]);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanUp().finally(() => process.exit(130)));

const rssMB = (pid) => {
  try { return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024; } catch { return NaN; }
};

let failed = false;
try {
  process.env.CONVENE_TEST_POSTGRES = execFileSync('tests/support/postgres.sh', ['start', pgdir], { encoding: 'utf8' }).trim();
  const first = await startServer('postgresql', { demo: true, demoProposals: proposals });
  nodes.push(first);
  for (let k = 1; k < nodeCount; k++) nodes.push(await startServer('postgresql', { again: first }));
  nginx = await startNginx(nodes, { connections: evaluators * 2 + 512 });
  const base = nginx.base;

  // The demo edition in evaluation, as bench/evaluate.mjs makes it.
  const as = (method, path, body) => api(base, method, path, { token: first.admin.token, body });
  const edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo').id;
  await as('POST', `/api/v1/editions/${edition}/screening`);
  await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { per_proposal: perProposal });
  const run = await as('POST', `/api/v1/editions/${edition}/assignment`);
  if (run.status !== 200) throw new Error('assignment: ' + run.text);
  await as('POST', `/api/v1/editions/${edition}/assignment/publish`);
  const team = (await as('GET', `/api/v1/editions/${edition}/members`)).json.members;
  const sessions = [];
  for (const m of team) {
    const v = new Visitor(base);
    const r = await v.signIn(m.email, first.demoMember.password);
    if (r.status !== 303) throw new Error('sign-in ' + r.status);
    const list = await v.request('GET', `/api/v1/editions/${edition}/evaluations`, { headers: { accept: 'application/json' } });
    sessions.push({ cookie: v.cookieHeader(), csrf: v.cookies.get('convene_csrf'), proposals: list.json().evaluations.map((e) => e.proposal) });
  }
  // Evaluator i is a browser session of member i mod M and evaluates its own share of
  // that member's list (so no two sessions save the same evaluation).
  const lanes = Math.ceil(evaluators / sessions.length);
  const people = Array.from({ length: evaluators }, (_, i) => {
    const s = sessions[i % sessions.length];
    return { ...s, own: s.proposals.filter((_, n) => n % lanes === Math.floor(i / sessions.length)) };
  });
  const shares = people.map((p) => p.own.length);
  if (Math.min(...shares) === 0) throw new Error('an evaluator has no proposal of their own: more proposals needed');

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: evaluators });
  const target = new URL(base);
  const times = { list: [], form: [], save: [], submit: [] };
  const errors = new Map();  // "action status method path" -> count
  let requests = 0, errorCount = 0;
  const request = (kind, method, path, headers, body) => new Promise((resolve) => {
    const start = process.hrtime.bigint();
    requests++;
    const fail = (why, text = '') => {
      errorCount++;
      const key = `${kind} ${why} ${method} ${path}`;
      if (!errors.has(key) && errors.size < 20) console.error(`error: ${key} ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
      errors.set(key, (errors.get(key) ?? 0) + 1);
      resolve(null);
    };
    const req = http.request({ host: target.hostname, port: target.port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (e) => fail(e.code ?? e.message));
      res.on('end', () => {
        times[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode < 200 || res.statusCode >= 400) fail(res.statusCode, text); else resolve(text);
      });
    });
    req.on('error', (e) => fail(e.code ?? e.message));
    req.end(body);
  });

  const until = Date.now() + minutes * 60000;
  const samples = nodes.map(() => []);
  const sample = () => nodes.forEach((n, k) => samples[k].push(rssMB(n.process.pid)));
  sample();
  const sampler = setInterval(sample, sampleEvery);
  await Promise.all(people.map(async (p) => {
    await sleep(Math.random() * arrival);
    const version = new Map();
    const save = async (kind, proposal, fields) => {
      const text = await request(kind, 'PUT', `/api/v1/editions/${edition}/evaluations/${proposal}`,
        { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json', accept: 'application/json' },
        JSON.stringify({ scores: { overall: 4 }, version: version.get(proposal) ?? 0, ...fields }));
      if (text === null) return false;  // counted as an error
      version.set(proposal, JSON.parse(text).version);
      return true;
    };
    for (let n = 0; Date.now() < until; n++) {
      const proposal = p.own[n % p.own.length];
      await request('list', 'GET', `/editions/${edition}/evaluations`, { cookie: p.cookie });
      if (Date.now() >= until) break;
      await think();
      const form = await request('form', 'GET', `/editions/${edition}/evaluations/${proposal}`, { cookie: p.cookie });
      const v = form?.match(/name="version" value="(\d+)"/);
      if (v) version.set(proposal, Number(v[1]));
      await think();
      const saved = await save('save', proposal, { comment: `Draft ${n}: a first reading` });
      await think();
      if (!saved) continue;  // as a person would, read the form again first
      await save('submit', proposal, { comment: `Read twice (${n})`, submit: true });
      await think();
    }
  }));
  clearInterval(sampler);
  sample();

  const seconds = minutes * 60;
  const summary = (kind) => {
    const l = times[kind].sort((a, b) => a - b);
    const at = (q) => (l.length ? l[Math.min(l.length - 1, Math.floor(q * l.length))].toFixed(1) : '-');
    return `${kind.padEnd(6)} ${String(l.length).padStart(7)} requests (${(l.length / seconds).toFixed(1)}/s)  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms`;
  };
  const proxyErrors = new Map();  // what nginx says of the nodes
  for (const m of nginx.errorLog().matchAll(/\[error\] [^*]*\*\d+ ([^(,]*)/g)) proxyErrors.set(m[1].trim(), (proxyErrors.get(m[1].trim()) ?? 0) + 1);
  console.log(`soak: ${evaluators} evaluators (${sessions.length} MAG members, ${proposals} proposals, k=${perProposal}, ${Math.min(...shares)}-${Math.max(...shares)} proposals each), ` +
    `${nodeCount} nodes on PostgreSQL behind nginx, ${minutes} min, arriving over ${arrival / 1000} s, think time 1-3 s, keep-alive`);
  for (const kind of Object.keys(times)) console.log(summary(kind));
  console.log(`total  ${String(requests).padStart(7)} requests (${(requests / seconds).toFixed(1)}/s), errors ${errorCount}`);
  const byKind = new Map();
  for (const [key, count] of errors) { const k = key.split(' ').slice(0, 3).join(' '); byKind.set(k, (byKind.get(k) ?? 0) + count); }
  for (const [k, count] of byKind) console.log(`  ${count} x ${k}`);
  for (const [key, count] of [...errors].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    e.g. ${count} x ${key}`);
  for (const [what, count] of proxyErrors) console.log(`nginx error log: ${count} x ${what}`);
  nodes.forEach((n, k) => {
    const s = samples[k];
    const mb = (x) => `${x.toFixed(1)} MB`;
    console.log(`node ${k + 1} RSS (${s.length} samples, every ${sampleEvery / 1000} s): first ${mb(s[0])}, middle ${mb(s[Math.floor(s.length / 2)])}, last ${mb(s[s.length - 1])}, max ${mb(Math.max(...s))}`);
  });
  failed = errorCount > 0;
  agent.destroy();
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
