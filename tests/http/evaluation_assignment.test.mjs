// The Secretariat assigns MAG members to the demo forum's proposals through the API:
// every place filled, loads balanced, nobody on a proposal they are part of or from
// its organisations, at most ceil(k/2) of one stakeholder group, then published.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';

for (const engine of engines()) {
  describe(`assignment on ${engine}`, () => {
    let server, edition;
    before(async () => {
      server = await startServer(engine, { demo: true });
      edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo').id;
    });
    after(async () => { await server.stop(); });
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });

    test('settings and groups are checked and named', async () => {
      assert.equal((await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { per_proposal: 0 })).json.errors[0].field, 'per_proposal');
      assert.equal((await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { max_load: 'many' })).json.errors[0].field, 'max_load');
      const ok = await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { per_proposal: 5 });
      assert.equal(ok.json.per_proposal, 5);
      assert.equal(ok.json.max_load, 0);
      assert.equal(ok.json.scheme, 'holistic');
      const members = (await as('GET', `/api/v1/editions/${edition}/members`)).json.members;
      assert.equal((await as('PUT', `/api/v1/editions/${edition}/members/${members[0].account_id}/groups`, { groups: [''] })).status, 422);
      assert.equal((await as('PUT', `/api/v1/editions/${edition}/members/999999/groups`, { groups: ['Access'] })).status, 404);
      const someone = await proposer(server);
      assert.equal((await api(server.base, 'POST', `/api/v1/editions/${edition}/assignment`, { token: someone.token })).status, 403);
    });

    test('every screened-in proposal gets k members, balanced and free of conflicts', { timeout: 60000 }, async () => {
      await as('POST', `/api/v1/editions/${edition}/screening`);
      const screened = (await as('GET', `/api/v1/editions/${edition}/screening`)).json.results.filter((r) => r.final_passed);
      const proposals = new Map((await as('GET', `/api/v1/editions/${edition}/proposals`)).json.proposals.map((p) => [String(p.id), p]));
      const members = new Map((await as('GET', `/api/v1/editions/${edition}/members`)).json.members.map((m) => [String(m.account_id), m]));
      const run = await as('POST', `/api/v1/editions/${edition}/assignment`);
      assert.equal(run.status, 200);
      assert.equal(run.json.published, false);
      assert.equal(run.json.objective.filled, screened.length * 5);
      assert.deepEqual(run.json.unfilled, []);
      const loads = run.json.review.members.map((m) => m.load);
      assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `balanced loads: ${Math.min(...loads)} to ${Math.max(...loads)}`);
      assert.ok(run.json.review.most_of_one_stakeholder_group_on_a_proposal <= 3);
      for (const { evaluator, proposal } of run.json.assignments) {
        const p = proposals.get(proposal), m = members.get(evaluator);
        const people = [...p.organisers, ...p.speakers, ...p.moderators, ...p.online_moderators, ...p.rapporteurs];
        assert.ok(!people.some((x) => x.email && x.email.toLowerCase() === m.email.toLowerCase()), `${m.name} is on proposal ${proposal}`);
        assert.ok(!p.organisers.some((o) => o.organisation && o.organisation.toLowerCase() === m.organisation.toLowerCase()), `${m.name}'s organisation organises ${proposal}`);
      }
      const shown = await as('GET', `/api/v1/editions/${edition}/assignment`);
      assert.equal(shown.json.assignments.length, run.json.assignments.length);
      assert.equal(shown.json.objective.load_squares, run.json.objective.load_squares);
      const published = await as('POST', `/api/v1/editions/${edition}/assignment/publish`);
      assert.equal(published.json.published, true);
      assert.equal((await as('GET', `/api/v1/editions/${edition}/assignment`)).json.published, true);
    });

    test('issue-area groups keep members to their proposals', { timeout: 60000 }, async () => {
      const members = (await as('GET', `/api/v1/editions/${edition}/members`)).json.members;
      const themes = (await api(server.base, 'GET', `/api/v1/editions/${edition}/themes`)).json.themes.map((t) => t.name);
      for (const [i, m] of members.entries())
        assert.equal((await as('PUT', `/api/v1/editions/${edition}/members/${m.account_id}/groups`, { groups: [themes[i % themes.length], themes[(i + 1) % themes.length]] })).status, 200);
      const groupsOf = new Map(members.map((m, i) => [String(m.account_id), [themes[i % themes.length], themes[(i + 1) % themes.length]]]));
      const proposals = new Map((await as('GET', `/api/v1/editions/${edition}/proposals`)).json.proposals.map((p) => [String(p.id), p]));
      const run = await as('POST', `/api/v1/editions/${edition}/assignment`, { per_proposal: 3 });
      assert.equal(run.status, 200);
      for (const { evaluator, proposal } of run.json.assignments)
        assert.ok(groupsOf.get(evaluator).includes(proposals.get(proposal).theme));
      assert.equal((await as('GET', `/api/v1/editions/${edition}/assignment`)).json.published, false, 'a new run is a new draft');
    });
  });
}
