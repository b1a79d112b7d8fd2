// The Secretariat's synthesis page for the demo's finished round with N proposals
// (default 800; 50 members, 5 evaluations each): the first request (which computes the
// ranking, every proposal's people and the merger candidates), then `clients` officers
// reloading the page at once for some seconds; prints p50, p90, p99 and the page's size,
// and the same for the selection under quotas made through the API.
// Usage: node bench/synthesis.mjs sqlite|postgresql [seconds] [clients] [proposals]
import { startServer } from '../tests/support/server.mjs';
import { api, Visitor } from '../tests/support/client.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 10);
const clients = Number(process.argv[4] ?? 10);
const proposals = Number(process.argv[5] ?? 800);

const server = await startServer(engine, { demo: true, demoProposals: proposals });
try {
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo 2026').id;
  const officer = new Visitor(server.base);
  if ((await officer.signIn(server.admin.email, server.admin.password)).status !== 303) throw new Error('sign-in');
  const page = `/editions/${edition}/synthesis`;
  let t0 = performance.now();
  const first = await officer.get(page);
  if (first.status !== 200) throw new Error(`synthesis ${first.status}`);
  const cold = performance.now() - t0;
  const times = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  const cookie = officer.cookieHeader();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < until) {
      const t = performance.now();
      const r = await fetch(server.base + page, { headers: { cookie } });
      await r.arrayBuffer();
      if (r.status === 200) times.push(performance.now() - t); else failures++;
    }
  }));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${engine}, ${proposals} proposals: synthesis page ${(first.text.length / 1024).toFixed(0)} KB; ` +
    `first request ${cold.toFixed(0)} ms; ${clients} officers for ${seconds} s: ${times.length} pages ` +
    `(${(times.length / seconds).toFixed(0)}/s), p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, ${failures} failures`);
  await as('PUT', `/api/v1/editions/${edition}/synthesis-settings`, {
    rules: { max_per_organisation: 1, constraints: [{ attribute: 'developing', value: true, min: 45 }, { attribute: 'first_time', value: true, min: 12 }] },
  });
  t0 = performance.now();
  const made = await as('POST', `/api/v1/editions/${edition}/selection`);
  console.log(`${engine}, ${proposals} proposals: selection under quotas through the API in ${(performance.now() - t0).toFixed(0)} ms (status ${made.status})`);
} finally {
  await server.stop();
}
