// Submitting a proposal with 8 speakers under 100 concurrent proposers: each proposer
// (its own account and API token) creates and submits proposals one after another for
// the run's duration; prints p50, p90, p99 and throughput for the engine given.
// Usage: node bench/submit.mjs sqlite|postgresql [seconds] [proposers] [server threads]
import { startServer } from '../tests/support/server.mjs';
import { api } from '../tests/support/client.mjs';
import { workshop, openCall, proposer } from '../tests/support/proposals.mjs';

const engine = process.argv[2] ?? 'sqlite';
const seconds = Number(process.argv[3] ?? 15);
const concurrency = Number(process.argv[4] ?? 100);
const threads = Number(process.argv[5] ?? 2);

const server = await startServer(engine, { threads });
try {
  const edition = await openCall(server, { closesInSeconds: 3600 });
  const proposers = [];
  for (let i = 0; i < concurrency; i++) proposers.push(await proposer(server, `Bench Proposer ${i}`));
  const latencies = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(proposers.map(async (p, i) => {
    for (let n = 0; Date.now() < until; n++) {
      const body = { ...workshop('Access', { speakers: 8, mailDomain: `p${i}-${n}.bench.test` }), submit: true };
      const start = process.hrtime.bigint();
      const r = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body });
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 201) { failures++; if (failures < 3) console.error(r.status, r.text.slice(0, 200)); }
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`submit a proposal with 8 speakers, ${concurrency} concurrent proposers, ${engine}, ${threads} server threads: ` +
    `${latencies.length} submissions in ${seconds} s (${(latencies.length / seconds).toFixed(0)}/s), ` +
    `p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, failures ${failures}`);
} finally {
  await server.stop();
}
