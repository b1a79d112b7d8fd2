// Starts the real convene server for a test, on a fresh database of either engine,
// with an admin account made by the CLI, and stops it afterwards.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const bin = process.env.CONVENE_BIN ?? 'build/convene';

// The engines this run can test: SQLite always, PostgreSQL when a cluster was started.
// Under CI both engines must run: a missing PostgreSQL fails the run instead of
// skipping half of it in silence.
export function engines() {
  if (!process.env.CONVENE_TEST_POSTGRES && process.env.CI === 'true')
    throw new Error('CI=true but CONVENE_TEST_POSTGRES names no PostgreSQL cluster: the PostgreSQL half of the tests would not run');
  return process.env.CONVENE_TEST_POSTGRES ? ['sqlite', 'postgresql'] : ['sqlite'];
}

function freshDatabase(engine) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'convene-test-'));
    return { url: `sqlite:${dir}/convene.db`, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.CONVENE_TEST_POSTGRES;
  const name = 'convene_' + randomBytes(6).toString('hex');
  execFileSync('psql', [base, '-q', '-c', `CREATE DATABASE ${name}`]);
  const url = base.replace(/\/[^/]*$/, '/' + name);
  return {
    url,
    drop: () => { try { execFileSync('psql', [base, '-q', '-c', `DROP DATABASE ${name} WITH (FORCE)`]); } catch {} },
  };
}

export function cli(databaseUrl, args) {
  return execFileSync(bin, ['--database', databaseUrl, ...args], { encoding: 'utf8' });
}

// Tests register many accounts from one address in seconds; unless a test asks for
// the default limits, the server allows that (tests/http/security.test.mjs checks them).
const generousLimits = ['--registrations-per-hour', '100000', '--invitations-per-hour', '100000'];

// `again`: a server stopped with stop({ keepDatabase: true }), whose database and admin
// this one takes over (a restart).
export async function startServer(engine = 'sqlite', { demo = false, demoProposals = 300, args = [], threads = 2, defaultLimits = false, logLevel = 'warn', testHooks = false, again = null } = {}) {
  const database = again ? again.database : freshDatabase(engine);
  const admin = again ? again.admin : { email: 'admin@test.example', password: 'correct horse battery staple' };
  cli(database.url, ['migrate']);
  if (!again) {
    const created = cli(database.url, ['user', 'add', '--email', admin.email, '--name', 'Ada Admin',
      '--password', admin.password, '--role', 'admin', '--token']);
    admin.token = created.match(/API token: (\w+)/)[1];
  }
  let demoMember = null;
  if (demo) {
    const printed = cli(database.url, ['demo', '--seed', '7', '--proposals', String(demoProposals)]);
    const m = printed.match(/MAG member \(evaluator\): (\S+) \/ (\S+)/);
    if (m) demoMember = { email: m[1], password: m[2] };
  }
  const child = spawn(bin, ['--database', database.url, '--log-level', logLevel, 'serve',
    '--listen', '127.0.0.1:0', '--threads', String(threads), ...(defaultLimits ? [] : generousLimits), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONVENE_TEST_HOOKS: testHooks ? '1' : '' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    base, admin, engine, databaseUrl: database.url, database, process: child, demoMember,
    stderr: () => stderr,
    async stop({ keepDatabase = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.on('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepDatabase) database.drop();
    },
  };
}

// Moves the clock of a server started with testHooks by `seconds` (negative: back).
export async function moveClock(server, seconds) {
  const r = await fetch(`${server.base}/_test/clock`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin.token}` }, body: JSON.stringify({ advance_seconds: seconds }) });
  if (r.status !== 200) throw new Error('the clock did not move: ' + r.status);
  return (await r.json()).now;
}
