// Stage-1 screening through the API, on the demo forum's 300 proposals.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
      // The list adds what it knows of the proposal (screening, scores, decision) apart, under `listed`.
      for (const key of Object.keys(first).filter((k) => k !== 'listed')) assert.deepEqual(one.json[key], first[key], key);
      assert.equal(one.json.status, 'submitted');
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
      const stored = (await as(`/api/v1/editions/${edition}/screening-rules`)).json.screening;
      for (const [rule, value] of Object.entries(off.screening)) assert.equal(stored[rule], value, rule);
      assert.equal(stored.speaker_confirmation, 'declared', 'a rule not sent keeps its default, and is shown');
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

    test('the Secretariat overrides a verdict in the browser, with a justification that is audited and kept', async () => {
      await as(`/api/v1/editions/${edition}/screening-rules`, { method: 'PUT', body: { screening: {} } });
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      await admin.get(`/editions/${edition}/screening`);
      const run = await admin.post(`/editions/${edition}/screening`, {});
      assert.equal(run.status, 303);
      const page = await admin.get(`/editions/${edition}/screening`);
      assert.match(page.text, /<dt>Proposals screened<\/dt><dd>300<\/dd>/);
      const declined = (await as(`/api/v1/editions/${edition}/screening`)).json.results.find((r) => !r.passed);
      const review = await admin.get(`/editions/${edition}/screening/${declined.proposal}`);
      assert.equal(review.status, 200);
      assert.match(review.text, new RegExp(declined.failures[0].code));

      const missing = await admin.post(`/editions/${edition}/screening/${declined.proposal}`, { decision: 'pass', justification: ' ' });
      assert.equal(missing.status, 422);
      assert.match(missing.text, /Justification is required/);
      assert.match(missing.text, /value="pass" checked/, 'the choice made is kept');
      const noChoice = await admin.post(`/editions/${edition}/screening/${declined.proposal}`, { justification: 'Because.' });
      assert.equal(noChoice.status, 422);
      assert.match(noChoice.text, /Choose whether the proposal passes/);

      const why = '=HYPERLINK("x") The third speaker confirmed by e-mail on 2 March.';
      const ok = await admin.post(`/editions/${edition}/screening/${declined.proposal}`, { decision: 'pass', justification: why });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), `/editions/${edition}/screening#p${declined.number}`);
      const after = await admin.get(`/editions/${edition}/screening`);
      assert.match(after.text, /Passed \(override\)/);

      await admin.post(`/editions/${edition}/screening`, {});
      const kept = (await as(`/api/v1/editions/${edition}/screening`)).json.results.find((r) => r.proposal === declined.proposal);
      assert.equal(kept.final_passed, true, 'running screening again keeps the override');
      assert.equal(kept.override.justification, why);
      assert.equal(kept.override.by, 'Ada Admin');

      const audit = await as('/api/v1/audit');
      assert.ok(audit.json.entries.some((e) => e.action === 'screening.override' && JSON.parse(e.detail).justification === why));

      const csv = await admin.get(`/editions/${edition}/screening.csv`);
      assert.match(csv.headers.get('content-type'), /text\/csv/);
      assert.equal(csv.text.split('\r\n').length, 302, 'heading, 300 rows, final newline');
      assert.ok(csv.text.includes(`"'=HYPERLINK(""x"") The third speaker`), 'formulas are defused and quotes doubled');
      const xlsx = await fetch(server.base + `/editions/${edition}/screening.xlsx`, { headers: { cookie: admin.cookieHeader() } });
      assert.equal(xlsx.status, 200);
      assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'a zip container');
      const json = await admin.get(`/editions/${edition}/screening.json`);
      assert.equal(json.json().results.length, 300);
    });

    test('an override through the API', async () => {
      const results = (await as(`/api/v1/editions/${edition}/screening`)).json.results;
      const target = results.find((r) => r.final_passed);
      const bad = await as(`/api/v1/proposals/${target.proposal}/screening-override`, { method: 'POST', body: { passed: false } });
      assert.equal(bad.status, 422);
      assert.equal(bad.json.errors[0].field, 'justification');
      const r = await as(`/api/v1/proposals/${target.proposal}/screening-override`, { method: 'POST', body: { passed: false, justification: 'Not about Internet governance.' } });
      assert.equal(r.status, 200);
      assert.equal(r.json.final_passed, false);
      assert.equal(r.json.override.justification, 'Not about Internet governance.');
    });

    test('a past session imported from its published page without a report declines its organisers now', async () => {
      await as(`/api/v1/editions/${edition}/screening-rules`, { method: 'PUT', body: { screening: {} } });
      const past = await as('/api/v1/editions', { method: 'POST', body: { name: 'IGF 2026', year: 2026, start_date: '2026-06-01', end_date: '2026-06-03', time_zone: 'UTC', venue: 'Last year' } });
      const proposals = (await as(`/api/v1/editions/${edition}/proposals`)).json.proposals;
      const [late, punctual] = [proposals[10], proposals[20]];
      const dir = mkdtempSync(join(tmpdir(), 'convene-pages-'));
      const pageOf = (n, organisation, report) => `(No.${n}) A session of last year\nWorkshop Theme:\nAccess\nConcise Description of Workshop:\nText.\nOrganiser(s) Name:\n${organisation} [Civil Society]\nSubmitted Workshop Panelists:\nA Speaker, Somewhere [Confirmed, Civil Society, WEOG]\n` +
        (report ? 'Reported by:\nA Speaker\nConclusions and further comments:\nDone.\n' : '');
      writeFileSync(join(dir, 'late.txt'), pageOf(1, late.organisers[0].organisation, false));
      writeFileSync(join(dir, 'punctual.txt'), pageOf(2, punctual.organisers[0].organisation, true));
      const stored = JSON.parse(cli(server.databaseUrl, ['import', 'workshop-page', join(dir, 'late.txt'), '--into', String(past.json.id)]));
      assert.ok(stored.stored_as > 0);
      cli(server.databaseUrl, ['import', 'workshop-page', join(dir, 'punctual.txt'), '--into', String(past.json.id)]);
      const run = (await as(`/api/v1/editions/${edition}/screening`, { method: 'POST' })).json.results;
      const byId = Object.fromEntries(run.map((r) => [r.proposal, r]));
      const lateFailure = byId[late.id].failures.find((f) => f.code === 'missing_previous_report');
      assert.ok(lateFailure, 'the organiser without a report is declined');
      assert.match(lateFailure.message, /held the session "A session of last year" in the previous edition and filed no report/);
      assert.ok(!byId[punctual.id].failures.some((f) => f.code === 'missing_previous_report'), 'a filed report is enough');
    });

    test('only the Secretariat screens', async () => {
      const out = cli(server.databaseUrl, ['user', 'add', '--email', 'mag@test.example', '--name', 'Mo Mag', '--role', 'evaluator', '--edition', String(edition), '--token']);
      const token = out.match(/API token: (\w+)/)[1];
      assert.equal((await api(server.base, 'POST', `/api/v1/editions/${edition}/screening`, { token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${edition}/proposals`, { token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${edition}/screening`)).status, 401);
      assert.equal((await api(server.base, 'POST', `/api/v1/proposals/1/screening-override`, { token, body: { passed: true, justification: 'x' } })).status, 403);
      const mag = await fetch(server.base + `/editions/${edition}/screening.csv`, { redirect: 'manual' });
      assert.equal(mag.status, 303, 'anonymous: to the sign-in page');
    });
  });
}
