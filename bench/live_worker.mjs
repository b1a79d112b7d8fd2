// One child process of the spread followers (bench/live_spread.mjs): opens its share of the
// followers of a topic with its own sockets, notes each message's receipt time on the
// machine's monotonic clock (process.hrtime: CLOCK_MONOTONIC, the same clock in every
// process, so the parent compares it with its send times), and answers the parent's
// messages: `wait` (until each follower still connected has a key, or patience runs out),
// `collect` (every follower's keys and times) and `close`.
import { follow } from './live_follow.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let following;

process.on('message', async (m) => {
  if (m.type === 'open') {
    const key = (message) => (m.event && message.event !== m.event ? undefined : message[m.field]);
    try {
      following = await follow(m.base, m.topic, { count: m.count, kind: m.kind, key, batch: 50 });
      process.send({ type: 'opened', count: following.followers.length });
    } catch (e) {
      process.send({ type: 'failed', error: String(e) });
    }
  } else if (m.type === 'wait') {
    const until = Date.now() + m.patience;
    while (following.lastReceipt(m.key) === undefined && Date.now() < until) await sleep(20);
    process.send({ type: 'waited' });
  } else if (m.type === 'collect') {
    process.send({
      type: 'collected',
      followers: following.followers.map(({ seen }) => ({ keys: seen.keys, times: seen.times, dropped: seen.dropped })),
    });
  } else if (m.type === 'close') {
    following?.close();
    setTimeout(() => process.exit(0), 300);
  }
});
