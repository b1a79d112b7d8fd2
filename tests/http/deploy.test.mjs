// The systemd unit of the README's deployment (deploy/convene@.service): systemd reads it
// without a complaint and rates its sandbox "OK", and its command line, run as the unit
// runs it (the port from the instance name, the settings from the environment file's
// variables), serves the forum behind its proxy. Needs no systemd running: the unit is
// checked offline, and its command started by the test (the check skipped without
// systemd-analyze outside CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bin } from '../support/server.mjs';

const unit = readFileSync(new URL('../../deploy/convene@.service', import.meta.url), 'utf8');
const setting = (name) => unit.split('\n').filter((l) => l.startsWith(name + '=')).map((l) => l.slice(name.length + 1));
const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
const skipAnalyze = !analyze && process.env.CI !== 'true' ? 'systemd-analyze is not installed (make test-deps installs it)' : false;

// The unit as an instance for this machine: the built binary in place of the installed one.
function instanceUnit(dir, port) {
  const text = unit
    .replaceAll('/usr/local/bin/convene', resolve(bin))
    .replace('EnvironmentFile=/etc/convene/convene.env', `EnvironmentFile=${join(dir, 'convene.env')}`);
  const path = join(dir, `convene@${port}.service`);
  writeFileSync(join(dir, 'convene.env'), 'CONVENE_BASE_URL=https://forum.example.org\n');
  writeFileSync(path, text);
  return path;
}

test('systemd reads the unit without a warning and rates its sandbox OK', { skip: skipAnalyze }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-unit-'));
  try {
    const path = instanceUnit(dir, 8081);
    const verify = spawnSync('systemd-analyze', ['verify', '--man=no', path], { encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(verify.stderr.trim(), '', 'systemd-analyze verify complained');
    const security = spawnSync('systemd-analyze', ['security', '--offline=true', path], { encoding: 'utf8' });
    const level = (security.stdout + security.stderr).match(/Overall exposure level for \S+: ([\d.]+) (\w+)/);
    assert.ok(level, security.stdout + security.stderr);
    assert.ok(Number(level[1]) <= 2, `exposure ${level[1]} ${level[2]}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the unit's command line serves the forum with the environment file's settings", async () => {
  const port = await new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => done(p)); });
  });
  const dir = mkdtempSync(join(tmpdir(), 'convene-unit-'));
  const env = { ...process.env, CONVENE_DATABASE: `sqlite:${dir}/convene.db`, CONVENE_BASE_URL: 'https://forum.example.org' };
  const [command, ...args] = setting('ExecStart')[0].replaceAll('%i', String(port)).split(/\s+/);
  assert.equal(command, '/usr/local/bin/convene');
  assert.deepEqual(setting('EnvironmentFile'), ['/etc/convene/convene.env']);
  execFileSync(bin, ['migrate'], { env });
  const node = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let status = 0;
    for (let i = 0; i < 200 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(status, 200, 'the node did not answer /healthz');
    // Behind the proxy of deploy/nginx.conf at the https address of the settings: cookies
    // that browsers send over https only.
    const page = await fetch(`http://127.0.0.1:${port}/login`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.getSetCookie().join('\n'), /^__Host-convene_csrf=\w+;.*; Secure; SameSite=Lax$/m);
  } finally {
    node.kill('SIGTERM');
    await new Promise((r) => (node.exitCode !== null ? r() : node.on('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
});
