// Durability on SQLite: the server killed with SIGKILL in the middle of a burst of draft
// saves and submissions. After a restart every write it acknowledged is there, as
// acknowledged (a submitted proposal submitted, a draft at the version it answered), and
// SQLite's integrity check of the file is ok.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { openCall, proposer, workshop } from '../support/proposals.mjs';

test('SIGKILL in a burst of draft saves and submissions loses no acknowledged write', { timeout: 120000 }, async () => {
  let server = await startServer('sqlite');
  try {
    const edition = await openCall(server);
    const proposers = [];
    for (let i = 0; i < 4; i++) proposers.push(await proposer(server, `Burst Proposer ${i}`));
    const as = (p, method, path, body) => api(server.base, method, path, { token: p.token, body });

    // Each proposer, in turn: a draft, saves of it, a submission; every answer noted.
    const drafts = new Map(), submitted = new Map();
    let stopped = false;
    const burst = async (p, w) => {
      for (let k = 0; !stopped; k++) {
        const created = await as(p, 'POST', `/api/v1/editions/${edition}/proposals`, { title: `Draft ${w}-${k}` }).catch(() => null);
        if (created?.status !== 201) return;
        const id = created.json.id;
        drafts.set(id, { p, title: `Draft ${w}-${k}`, version: created.json.version });
        for (let v = 1; v <= 3; v++) {
          const saved = await as(p, 'PUT', `/api/v1/proposals/${id}`, { title: `Draft ${w}-${k} saved ${v}`, version: drafts.get(id).version }).catch(() => null);
          if (saved?.status !== 200) return;
          drafts.set(id, { p, title: `Draft ${w}-${k} saved ${v}`, version: saved.json.version });
        }
        if (k % 2 === 0) {
          const body = { ...workshop('Access'), title: `Submitted ${w}-${k}`, version: drafts.get(id).version, submit: true };
          const sent = await as(p, 'PUT', `/api/v1/proposals/${id}`, body).catch(() => null);
          if (sent?.status !== 200) return;
          drafts.delete(id);
          submitted.set(id, p);
        }
      }
    };
    const running = proposers.map(burst);
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => server.process.on('exit', r));
    server.process.kill('SIGKILL');
    stopped = true;
    await exited;
    await Promise.all(running);
    assert.ok(drafts.size + submitted.size >= 8, `a burst: ${drafts.size} drafts, ${submitted.size} submitted`);

    const file = server.databaseUrl.replace(/^sqlite:/, '');
    const integrity = execFileSync('python3', ['-c', 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])', file], { encoding: 'utf8' }).trim();
    assert.equal(integrity, 'ok');

    server = await startServer('sqlite', { again: server });
    for (const [id, expected] of drafts) {
      const r = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: expected.p.token });
      assert.equal(r.status, 200, `draft ${id}`);
      assert.ok(r.json.version >= expected.version, `draft ${id} at version ${r.json.version}, acknowledged ${expected.version}`);
      if (r.json.version === expected.version) assert.equal(r.json.title, expected.title);
    }
    for (const [id, p] of submitted) {
      const r = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: p.token });
      assert.equal(r.json.status, 'submitted', `proposal ${id} was acknowledged as submitted`);
    }
  } finally {
    await server.stop();
  }
});
