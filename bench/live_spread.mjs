// Followers of a live topic spread over several child processes (bench/live_worker.mjs),
// each with its own sockets, so that the benchmark's client is not the bottleneck: one Node
// process reading thousands of sockets on a small machine falls behind and the server
// drops its followers as too slow. Receipt times are on the machine's monotonic clock
// (process.hrtime, as `clock()` in bench/live_follow.mjs), comparable with the parent's.
// `key` is { field, event }: a message's key is `message[field]` (only for messages whose
// `event` is `event`, when given).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./live_worker.mjs', import.meta.url));

function ask(child, message, answer) {
  return new Promise((resolve, reject) => {
    const on = (m) => {
      if (m.type === 'failed') { child.off('message', on); reject(new Error(m.error)); }
      if (m.type === answer) { child.off('message', on); resolve(m); }
    };
    child.on('message', on);
    child.send(message);
  });
}

export async function followSpread(base, topic, { count, kind = 'ws', key, workers = 4 }) {
  const children = Array.from({ length: workers }, () => fork(worker, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const share = (i) => Math.floor(count / workers) + (i < count % workers ? 1 : 0);
  await Promise.all(children.map((child, i) =>
    ask(child, { type: 'open', base, topic, count: share(i), kind, field: key.field, event: key.event }, 'opened')));
  const spread = {
    followers: [],
    // Waits until every follower still connected has key `k` (or `patience` ms passed).
    async settle(k, patience = 10000) {
      await Promise.all(children.map((child) => ask(child, { type: 'wait', key: k, patience }, 'waited')));
    },
    // Brings every follower's receipts to this process (then `lastReceipt` and `dropped`).
    async collect() {
      const parts = await Promise.all(children.map((child) => ask(child, { type: 'collect' }, 'collected')));
      spread.followers = parts.flatMap((p) => p.followers.map((seen) => ({ seen })));
    },
    dropped: () => spread.followers.filter((f) => f.seen.dropped).length,
    // When a follower still connected first received key `k` or later (undefined: never).
    receipt(seen, k) {
      let lo = 0, hi = seen.keys.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (seen.keys[mid] < k) lo = mid + 1; else hi = mid; }
      return lo === seen.keys.length ? undefined : seen.times[lo];
    },
    lastReceipt(k) {
      let last = 0;
      for (const { seen } of spread.followers) {
        if (seen.dropped) continue;
        const at = spread.receipt(seen, k);
        if (at === undefined) return undefined;
        last = Math.max(last, at);
      }
      return last;
    },
    async close() {
      await Promise.all(children.map((child) => new Promise((r) => { child.on('exit', r); child.send({ type: 'close' }); })));
    },
  };
  return spread;
}
