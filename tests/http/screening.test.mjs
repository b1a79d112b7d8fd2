// Stage-1 screening through the API, on the demo forum's 300 proposals.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`screening on ${engine}`, () => {
    let server, edition;
    before(async () => {
      server = await startServer(engine, { demo: true });
      const list = await api(server.base, 'GET', '/api/v1/editions');
      edition = list.json.editions.find((e) => e.name === 'IGF demo').id;
    });
    after(async () => { await server.stop(); });
    const as = (path, opts = {}) => api(server.base, opts.method ?? 'GET', path, { token: server.admin.token, ...opts });

    test('a proposal reads in the JSON shape that convene screen takes', async () => {
      const all = await as(`/api/v1/editions/${edition}/proposals`);
      assert.equal(all.json.proposals.length, 300);
      const first = all.json.proposals[0];
      const one = await as(`/api/v1/proposals/${first.id}`);
      assert.deepEqual(one.json, first);
      assert.equal(typeof one.json.id, 'number');
      assert.ok(one.json.speakers.length >= 3);
      assert.ok(['confirmed', 'provisionally_confirmed', 'invited', 'proposed'].includes(one.json.speakers[0].confirmation));
      assert.equal(one.json.moderators.length, 1);
      assert.equal((await as('/api/v1/proposals/99999999')).status, 404);
    });

    test('screening gives every proposal a verdict with coded reasons, and is stored', async () => {
      const run = await as(`/api/v1/editions/${edition}/screening`, { method: 'POST' });
      assert.equal(run.status, 200);
      assert.equal(run.json.results.length, 300);
      assert.equal(run.json.passed + run.json.failed, 300);
      assert.ok(run.json.failed > 0 && run.json.passed > 0);
      const failure = run.json.results.find((r) => !r.passed).failures[0];
      assert.match(failure.code, /^[a-z_]+$/);
      assert.ok(failure.message.length > 10);
      const stored = await as(`/api/v1/editions/${edition}/screening`);
      assert.equal(stored.json.results.length, 300);
      assert.deepEqual(stored.json.results.map((r) => r.passed), run.json.results.map((r) => r.passed));
    });

    test('the rules are settings of the edition; turned off, everything passes', async () => {
      const off = { screening: { min_confirmed_speakers: 0, max_proposals_per_person: 0, max_proposals_per_institution: 0, mag_members_excluded: false, previous_report_required: false, require_online_moderator: false, check_completeness: false } };
      const put = await as(`/api/v1/editions/${edition}/screening-rules`, { method: 'PUT', body: off });
      assert.equal(put.status, 200);
      assert.deepEqual((await as(`/api/v1/editions/${edition}/screening-rules`)).json, off);
      const run = await as(`/api/v1/editions/${edition}/screening`, { method: 'POST' });
      assert.equal(run.json.failed, 0);
      const strict = await as(`/api/v1/editions/${edition}/screening-rules`, { method: 'PUT', body: { screening: { min_confirmed_speakers: 6 } } });
      assert.equal(strict.status, 200);
      const rerun = await as(`/api/v1/editions/${edition}/screening`, { method: 'POST' });
      assert.ok(rerun.json.results.every((r) => r.passed === !r.failures.length));
      assert.ok(rerun.json.results.some((r) => r.failures.some((f) => f.message.endsWith('of the required 6 speakers have confirmed'))));
    });

    test('a misspelt rule is refused, naming it, and the stored rules stay', async () => {
      const before = (await as(`/api/v1/editions/${edition}/screening-rules`)).json;
      const bad = await as(`/api/v1/editions/${edition}/screening-rules`, { method: 'PUT', body: { screening: { min_onsite_speaker: 2 } } });
      assert.equal(bad.status, 422);
      assert.equal(bad.json.errors[0].field, 'screening.min_onsite_speaker');
      assert.deepEqual((await as(`/api/v1/editions/${edition}/screening-rules`)).json, before);
    });

    test('only the Secretariat screens', async () => {
      const out = cli(server.databaseUrl, ['user', 'add', '--email', 'mag@test.example', '--name', 'Mo Mag', '--role', 'evaluator', '--edition', String(edition), '--token']);
      const token = out.match(/API token: (\w+)/)[1];
      assert.equal((await api(server.base, 'POST', `/api/v1/editions/${edition}/screening`, { token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${edition}/proposals`, { token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${edition}/screening`)).status, 401);
    });
  });
}
