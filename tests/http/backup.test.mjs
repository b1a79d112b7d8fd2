// convene backup, restore and copy with the demo forum: a SQLite backup taken while the
// server serves (and writes), restored into a new file and served with the same editions
// and proposals; a restore over a forum refused unless --replace; with PostgreSQL, the
// forum copied SQLite -> PostgreSQL -> SQLite, verified, and served with the same
// editions, proposals and transcript search on each; pg_dump's backup restored into a new
// database; and a copy whose rows come out different exits non-zero naming the table.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { startServer, bin } from '../support/server.mjs';
import { api } from '../support/client.mjs';

const postgres = process.env.CONVENE_TEST_POSTGRES;
const convene = (args) => spawnSync(bin, args, { encoding: 'utf8' });

// A new, empty PostgreSQL database, as tests/support/server.mjs makes them.
function freshPostgres(drops) {
  const name = 'convene_' + randomBytes(6).toString('hex');
  execFileSync('psql', [postgres, '-q', '-c', `CREATE DATABASE ${name}`]);
  drops.push(() => { try { execFileSync('psql', [postgres, '-q', '-c', `DROP DATABASE ${name} WITH (FORCE)`]); } catch {} });
  return postgres.replace(/\/[^/]*$/, '/' + name);
}

const transcript = [
  'IGF 2034 - Day 2 - Room 4 - Open Forum on Rivers', '', '12 June 2034', '',
  '>> CHAIR NOOR SALEH: Bienvenue à l\'École de la gouvernance des rivières.',
  '>> WANG FANG: 我们讨论互联网治理论坛的未来。',
  '>> MARTA McKINNON: The river co-operation works.', '',
].join('\n');

// What the API shows of the forum: every edition, and every page of each one's proposals.
async function forum(server, { without = /^During backup/ } = {}) {
  const as = (path) => api(server.base, 'GET', path, { token: server.admin.token });
  const editions = await as('/api/v1/editions');
  assert.equal(editions.status, 200, editions.text);
  const shown = editions.json.editions.filter((e) => !without.test(e.name));
  const proposals = {};
  for (const e of shown) {
    proposals[e.id] = [];
    for (let page = 1; ; ++page) {
      const r = await as(`/api/v1/editions/${e.id}/proposals?page=${page}`);
      assert.equal(r.status, 200, r.text);
      proposals[e.id].push(...r.json.proposals);
      if (page >= r.json.pages) break;
    }
  }
  const search = await as('/api/v1/transcripts/search?q=' + encodeURIComponent('river'));
  assert.equal(search.status, 200, search.text);
  const found = search.json.results.map((x) => `${x.transcript.id}:${x.number}`).sort();
  return { editions: shown, proposals, found };
}

describe('backup, restore and copy of the demo forum', () => {
  let server, dir, original;
  const servers = [], drops = [];
  // Serves a database made by a backup, restore or copy, as the same admin.
  const serve = async (url) => {
    const s = await startServer(url.startsWith('sqlite:') ? 'sqlite' : 'postgresql',
      { again: { database: { url, drop() {} }, admin: server.admin } });
    servers.push(s);
    return s;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-backup-'));
    server = await startServer('sqlite', { demo: true, demoProposals: 60 });
    const as = (method, p, body, headers) => api(server.base, method, p, { token: server.admin.token, body, headers });
    const edition = (await as('POST', '/api/v1/editions', { name: 'IGF Rivers', year: 2034, start_date: '2034-06-11', end_date: '2034-06-14', time_zone: 'UTC', venue: 'Oslo' })).json.id;
    assert.equal((await as('POST', `/api/v1/editions/${edition}/timetable/sessions`, { code: 'OF7', title: 'Open Forum on Rivers', session_type: 'open_forum', duration: 60 })).status, 201);
    const added = await as('POST', `/api/v1/editions/${edition}/transcripts?session=OF7`, transcript, { 'content-type': 'text/plain; charset=utf-8' });
    assert.equal(added.status, 201, added.text);
    original = await forum(server);
    assert.ok(original.editions.length >= 4 && original.found.length === 1, JSON.stringify(original.found));
  });
  after(async () => {
    for (const s of servers) await s.stop();
    await server?.stop();
    for (const drop of drops) drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a SQLite backup taken while the server writes is one moment of it, and serves the same forum', async () => {
    const file = join(dir, 'forum.backup');
    // Editions made while the backup runs: the backup holds those before some moment.
    const writes = Promise.all([...Array(12).keys()].map((i) => api(server.base, 'POST', '/api/v1/editions', {
      token: server.admin.token,
      body: { name: `During backup ${i}`, year: 2040 + i, start_date: `${2040 + i}-01-10`, end_date: `${2040 + i}-01-12`, time_zone: 'UTC', venue: 'Here' },
    })));
    const reads = Promise.all([...Array(12).keys()].map(() => api(server.base, 'GET', '/api/v1/editions')));
    const { stdout } = await promisify(execFile)(bin, ['--database', server.databaseUrl, 'backup', file]);
    assert.match(stdout, /^Wrote .*forum\.backup: \d+ bytes, \d+ tables, \d+ rows\.\n$/);
    for (const r of [...await writes, ...await reads]) assert.ok(r.status === 200 || r.status === 201, r.text);

    const url = 'sqlite:' + join(dir, 'restored.db');
    const restored = convene(['--database', url, 'restore', file]);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /^Restored .* \d+ tables, \d+ rows, migrations up to 0\d\d_\w+\.\n$/);
    // Over a forum only with --replace.
    const again = convene(['--database', url, 'restore', file]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already holds a forum \(\w+ has \d+ rows\).*--replace/);
    assert.equal(convene(['--database', url, 'restore', '--replace', file]).status, 0);
    assert.equal(convene(['--database', url, 'migrate']).stdout, 'Database is up to date.\n');

    const copy = await serve(url);
    assert.deepEqual(await forum(copy), original);
    // The editions made during the backup that it holds are the first ones made.
    const during = (await api(copy.base, 'GET', '/api/v1/editions')).json.editions
      .filter((e) => e.name.startsWith('During backup')).map((e) => e.id).sort((a, b) => a - b);
    const all = (await api(server.base, 'GET', '/api/v1/editions')).json.editions
      .filter((e) => e.name.startsWith('During backup')).map((e) => e.id).sort((a, b) => a - b);
    assert.deepEqual(during, all.slice(0, during.length));
  });

  test('copied SQLite -> PostgreSQL -> SQLite, verified, each serves the same forum and search', { skip: !postgres && 'CONVENE_TEST_POSTGRES is not set' }, async () => {
    const now = await forum(server, { without: /^$/ });
    const pg = freshPostgres(drops);
    const there = convene(['copy', '--from', server.databaseUrl, '--to', pg]);
    assert.equal(there.status, 0, there.stderr);
    assert.match(there.stdout, /^proposals: \d+ rows, verified$/m);
    assert.match(there.stdout, /^Verified: \d+ tables, \d+ rows, the same row for row in postgresql:/m);
    assert.deepEqual(await forum(await serve(pg), { without: /^$/ }), now);

    const back = 'sqlite:' + join(dir, 'back.db');
    const again = convene(['copy', '--from', pg, '--to', back]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^Verified: /m);
    assert.deepEqual(await forum(await serve(back), { without: /^$/ }), now);

    // Never into a database with a forum.
    const refused = convene(['copy', '--from', back, '--to', pg]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /is not empty \(\w+ has \d+ rows\)/);
  });

  test('a pg_dump backup restores into a new PostgreSQL database only', { skip: !postgres && 'CONVENE_TEST_POSTGRES is not set' }, async () => {
    const pg = freshPostgres(drops);
    assert.equal(convene(['copy', '--from', server.databaseUrl, '--to', pg]).status, 0);
    const file = join(dir, 'forum.dump');
    const dumped = convene(['--database', pg, 'backup', file]);
    assert.equal(dumped.status, 0, dumped.stderr);
    assert.match(dumped.stdout, /^Wrote .*forum\.dump: \d+ bytes, pg_dump's custom format/);
    const fresh = freshPostgres(drops);
    const restored = convene(['--database', fresh, 'restore', file]);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /migrations up to 0\d\d_\w+\.\n$/);
    const refused = convene(['--database', fresh, 'restore', file]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /is not empty: it has \d+ tables/);
    // A file of the other engine is named for what it is.
    assert.match(convene(['--database', 'sqlite:' + join(dir, 'x.db'), 'restore', file]).stderr, /is a PostgreSQL dump/);
    assert.deepEqual(await forum(await serve(fresh), { without: /^$/ }), await forum(server, { without: /^$/ }));
  });

  test('a copy whose rows come out different exits non-zero naming the table', async () => {
    const url = 'sqlite:' + join(dir, 'spoilt.db');
    assert.equal(convene(['--database', url, 'migrate']).status, 0);
    // A trigger of the target's own changes each theme as it arrives.
    execFileSync('/usr/bin/python3', ['-c',
      'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()',
      url.slice(7), "CREATE TRIGGER spoil AFTER INSERT ON themes BEGIN UPDATE themes SET name = name || '!' WHERE id = new.id; END"]);
    const copied = convene(['copy', '--from', server.databaseUrl, '--to', url]);
    assert.equal(copied.status, 1, copied.stderr);
    assert.match(copied.stderr, /^themes differs: \d+ rows in the source, \d+ in the target; checksums \w+ and \w+\.$/m);
    assert.match(copied.stderr, /NOT verified: themes differ/);
    assert.doesNotMatch(copied.stdout, /^Verified/m);
  });
});
