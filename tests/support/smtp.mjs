// A real SMTP server for tests: Debian's python3-aiosmtpd writing every message it
// receives into a maildir, which the tests read.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForPort(port, ms = 10000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await new Promise((r) => {
      const s = connect(port, '127.0.0.1', () => { s.end(); r(true); });
      s.on('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port}`);
}

export async function startSmtp(port) {
  port = port ?? await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'convene-mail-'));
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`,
    '-c', 'aiosmtpd.handlers.Mailbox', join(dir, 'box')], { stdio: 'ignore' });
  await waitForPort(port);
  const messages = () => {
    let names = [];
    try { names = readdirSync(join(dir, 'box', 'new')).sort(); } catch { return []; }
    return names.map((name) => {
      const raw = readFileSync(join(dir, 'box', 'new', name), 'utf8');
      const split = raw.indexOf('\n\n');
      const head = raw.slice(0, split), body = raw.slice(split + 2);
      const header = (n) => (head.match(new RegExp(`^${n}: (.*)$`, 'mi')) ?? [])[1];
      return { to: header('To'), subject: header('Subject'), body, raw };
    });
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    // Waits until a message matching the test arrives.
    async waitFor(match, ms = 15000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const found = messages().find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no such mail arrived; got: ' + messages().map((m) => m.subject).join(' | '));
    },
    async stop() {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
