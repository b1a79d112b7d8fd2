// Followers of a live topic held by bench/load/viewers.cpp (the `convene_viewers` program
// built beside `convene`): one thread with epoll, a few microseconds per receipt, so that
// the client's own queueing does not count as the server's latency. The same interface as
// `followSpread` (bench/live_spread.mjs), which remains the Node client.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

export async function followNative(base, topic, { count, kind = 'ws' }) {
  const program = join(dirname(process.env.CONVENE_BIN ?? 'build/convene'), 'convene_viewers');
  const { hostname, port } = new URL(base);
  const child = spawn(program, [hostname, port, topic, String(count), kind], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const answer = (command) => new Promise((resolve) => {
    waiting.push(resolve);
    if (command) child.stdin.write(command + '\n');
  });
  const opened = await answer();
  if (!opened.startsWith('opened ')) throw new Error(`convene_viewers: ${opened}`);
  const spread = {
    opened: Number(opened.slice(7)),
    followers: [],
    async settle(k) { await answer(`wait ${k}`); },
    async collect() {
      const file = join(tmpdir(), `convene-viewers-${process.pid}.txt`);
      await answer(`report ${file}`);
      spread.followers = readFileSync(file, 'utf8').split('\n').slice(0, -1).map((line) => {
        if (line === 'dropped') return { seen: { dropped: true, keys: [], times: [] } };
        const keys = [], times = [];
        for (const pair of line.trim().split(' ').filter(Boolean)) {
          const [k, at] = pair.split(':');
          keys.push(Number(k));
          times.push(Number(BigInt(at)) / 1e6);
        }
        return { seen: { dropped: false, keys, times } };
      });
      rmSync(file, { force: true });
    },
    dropped: () => spread.followers.filter((f) => f.seen.dropped).length,
    receipt(seen, k) {
      let lo = 0, hi = seen.keys.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (seen.keys[mid] < k) lo = mid + 1; else hi = mid; }
      return lo === seen.keys.length ? undefined : seen.times[lo];
    },
    async close() {
      await new Promise((resolve) => { child.on('exit', resolve); child.stdin.write('quit\n'); });
    },
  };
  return spread;
}
