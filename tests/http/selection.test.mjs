// From the closed evaluation round to the published programme, through the API, on the
// demo's "IGF demo 2026" edition (300 proposals, 50 members, round over): the synthesis,
// the selection under quotas (the same as `convene select` on the exported instance,
// conflicting rules named with nothing stored), decisions edited by two people at once,
// decision messages sent twice, and the public results without any evaluator's identity.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, engines, bin } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`synthesis and selection on ${engine}`, () => {
    let server, edition;
    before(async () => {
      server = await startServer(engine, { demo: true });
      edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo 2026').id;
    });
    after(async () => { await server.stop(); });
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const url = (rest) => `/api/v1/editions/${edition}${rest}`;

    test('the synthesis: slots, cut-off, divided scores, diversity, gaps and merger candidates', async () => {
      const s = (await as('GET', url('/synthesis'))).json;
      assert.equal(s.plan.total_slots, 10 * 4 * 3, '10 workshop rooms, 4 slots, 3 days');
      assert.equal(s.workshop_slots, 120 - 38, 'minus the 38 reserved sessions');
      assert.equal(s.scored, 300);
      const within = s.ranking.filter((r) => r.within);
      assert.equal(within.length, s.workshop_slots);
      assert.equal(s.cutoff, within.at(-1).score);
      assert.ok(s.ranking.every((r, i) => i === 0 || s.ranking[i - 1].score >= r.score), 'ranked highest first');
      assert.ok(s.divided > 0 && s.ranking.some((r) => r.divided && r.standard_deviation >= 1));
      assert.equal(s.programme.source, 'cutoff');
      const groups = s.diversity.dimensions.find((d) => d.code === 'stakeholder_group');
      const total = (key) => groups.chart.rows.reduce((n, r) => n + r[key], 0);
      assert.equal(total('all'), s.diversity.all_people);
      assert.equal(total('programme'), s.diversity.programme_people);
      assert.equal(s.themes.length, 8);
      assert.ok(s.mergers.pairs.length > 0 && s.mergers.pairs[0].shared_words.length > 0);
      assert.ok(s.mergers.evaluator_marks.length > 0, "the evaluators' merge marks are shown");
      const member = await api(server.base, 'GET', url('/synthesis'), { token: undefined });
      assert.equal(member.status, 401);
    });

    test('bad slot plans and rules are named; nothing changes', async () => {
      const before = (await as('GET', url('/synthesis-settings'))).json;
      let r = await as('PUT', url('/synthesis-settings'), { plan: { streams: -2, reserved: { parties: 1 } } });
      assert.equal(r.status, 422);
      assert.deepEqual(r.json.errors.map((e) => e.field), ['streams', 'reserved.parties']);
      r = await as('PUT', url('/synthesis-settings'), { rules: { forced_in: [9999] } });
      assert.equal(r.status, 422);
      assert.equal(r.json.errors[0].field, 'forced_in[0]');
      r = await as('PUT', url('/synthesis-settings'), { rules: { constraints: [{ attribute: 'developing', value: true, min: 5, max: 2 }] } });
      assert.equal(r.json.errors[0].field, 'constraints[0]');
      r = await as('PUT', url('/synthesis-settings'), { rank_by: 'loudness' });
      assert.equal(r.json.errors[0].field, 'rank_by');
      assert.deepEqual((await as('GET', url('/synthesis-settings'))).json, before);
    });

    test('constraints that cannot all hold are named, and no selection is stored', async () => {
      const r0 = await as('PUT', url('/synthesis-settings'), {
        rules: { constraints: [{ attribute: 'developing', value: true, min: 200 }, { attribute: 'regional_group', value: 'weog', min: 10 }] },
      });
      assert.equal(r0.status, 200);
      const r = await as('POST', url('/selection'));
      assert.equal(r.status, 422);
      const named = r.json.errors.map((e) => e.message);
      assert.ok(named.includes('at least 200 from developing countries'), named.join('; '));
      assert.ok(named.some((m) => m.startsWith('at most 82 sessions')), 'the slots are part of the conflict');
      assert.equal((await as('GET', url('/selection'))).status, 404, 'nothing partial was written');
    });

    test('the selection under quotas is the optimum `convene select` finds, explained', async () => {
      const ranking = (await as('GET', url('/synthesis'))).json.ranking;
      const free = ranking.filter((r) => ![1, 2, 40, 249].includes(r.number));
      const best = free[0].number, worst = free.at(-1).number;
      const rules = {
        max_per_organisation: 1,
        constraints: [
          { attribute: 'developing', value: true, min: 45 },
          { attribute: 'regional_group', value: 'african', min: 15 },
          { attribute: 'first_time', value: true, min: 12 },
          { theme: 'Digital Inclusion', max: 8 },
        ],
        forced_in: [worst], forced_out: [best], merged: [[1, 2], [40, 249]],
      };
      assert.equal((await as('PUT', url('/synthesis-settings'), { rules })).status, 200);
      const instance = (await as('GET', url('/selection-instance'))).json;
      assert.equal(instance.slots, 82);
      assert.equal(instance.proposals.length, 300);
      const made = await as('POST', url('/selection'));
      assert.equal(made.status, 200);
      const dir = mkdtempSync(join(tmpdir(), 'convene-select-'));
      try {
        writeFileSync(join(dir, 'in.json'), JSON.stringify(instance));
        execFileSync(bin, ['select', '--in', join(dir, 'in.json'), '--out', join(dir, 'out.json')]);
        const offline = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
        assert.equal(made.json.total_score, offline.total_score);
        assert.deepEqual(made.json.selected.map((s) => s.number), offline.selected);
      } finally { rmSync(dir, { recursive: true }); }
      const numbers = made.json.selected.map((s) => s.number);
      assert.ok(numbers.includes(worst) && !numbers.includes(best), 'forced in and out');
      assert.equal(numbers.includes(1), numbers.includes(2), 'a merged pair is in or out together');
      assert.ok(made.json.rules_words.includes('at least 45 from developing countries'));
      assert.ok(made.json.binding.length > 0 && made.json.binding.every((b) => b.words.length > 0));
      for (const x of [...made.json.entered, ...made.json.left]) assert.ok(x.why.length > 0, `why for ${x.number}`);
      assert.ok(made.json.left.some((x) => x.number === best && x.why.includes('forced out')), JSON.stringify([best, made.json.left.slice(0, 3)]));
      const shown = (await as('GET', url('/selection'))).json;
      assert.deepEqual(shown.selected, made.json.selected);
      const synthesis = (await as('GET', url('/synthesis'))).json;
      assert.equal(synthesis.programme.source, 'selection');
    });

    test('slots above the number of proposals select every scored one', async () => {
      const saved = (await as('GET', url('/synthesis-settings'))).json;
      await as('PUT', url('/synthesis-settings'), { plan: { streams: 100, slots_per_day: 10 }, rules: {} });
      const all = await as('POST', url('/selection'));
      assert.equal(all.status, 200);
      assert.equal(all.json.selected.length, 300);
      assert.equal((await as('PUT', url('/synthesis-settings'), { plan: saved.plan, rules: saved.rules })).status, 200);
      assert.equal((await as('POST', url('/selection'))).status, 200);
    });

    test('decisions: recorded from the selection, two editors at once, conditions, confirmation', async () => {
      const recorded = await as('POST', url('/decisions/from-selection'));
      assert.equal(recorded.json.recorded, 300);
      assert.equal((await as('POST', url('/decisions/from-selection'))).json.recorded, 0, 'existing decisions are kept');
      const list = (await as('GET', url('/decisions'))).json;
      const declined = list.proposals.find((p) => !p.selected);
      const first = (await as('GET', `/api/v1/proposals/${declined.proposal}/decision`)).json;
      assert.equal(first.decision.kind, 'declined');
      // Two MAG members open the same decision; the second save is refused, not lost.
      const a = await as('PUT', `/api/v1/proposals/${declined.proposal}/decision`, { version: first.version, kind: 'lightning', reason: 'A strong idea for a short talk' });
      assert.equal(a.status, 200);
      const b = await as('PUT', `/api/v1/proposals/${declined.proposal}/decision`, { version: first.version, kind: 'accepted', reason: 'Overrides' });
      assert.equal(b.status, 409);
      assert.match(b.json.detail, /Offered a lightning talk/);
      assert.equal((await as('GET', `/api/v1/proposals/${declined.proposal}/decision`)).json.decision.kind, 'lightning');
      // Conditions need a due date and a proposal to merge with; a merge across themes is fine.
      const other = list.proposals.find((p) => p.theme !== declined.theme);
      const v = a.json.version;
      let r = await as('PUT', `/api/v1/proposals/${declined.proposal}/decision`, { version: v, kind: 'conditional', reason: 'Merge', conditions: ['merge'] });
      assert.deepEqual(r.json.errors.map((e) => e.field), ['merge_with', 'due_date']);
      r = await as('PUT', `/api/v1/proposals/${declined.proposal}/decision`, { version: v, kind: 'conditional', reason: 'Merge', conditions: ['merge'], merge_with: other.number, due_date: '2026-01-31' });
      assert.equal(r.status, 200);
      const confirmed = await as('POST', `/api/v1/proposals/${declined.proposal}/decision/confirm`, { outcome: 'accepted' });
      assert.equal(confirmed.status, 200, 'the due date has passed');
      assert.equal(confirmed.json.decision.outcome, 'accepted');
      const future = list.proposals.find((p) => p.selected);
      const fv = (await as('GET', `/api/v1/proposals/${future.proposal}/decision`)).json.version;
      await as('PUT', `/api/v1/proposals/${future.proposal}/decision`, { version: fv, kind: 'conditional', reason: 'Speakers', conditions: ['speakers'], due_date: '2099-12-31' });
      const early = await as('POST', `/api/v1/proposals/${future.proposal}/decision/confirm`, { outcome: 'declined' });
      assert.equal(early.status, 409, 'not before the due date');
      assert.equal((await as('GET', '/api/v1/proposals/999999/decision')).status, 404);
      const after = (await as('GET', url('/decisions'))).json;
      assert.ok(Array.isArray(after.speaker_rule));
      for (const o of after.speaker_rule) assert.ok(o.count > after.max_sessions_per_person);
    });

    test('decision messages go once per decision and recipient, without evaluators', async () => {
      const texts = await as('PUT', url('/synthesis-settings'), { texts: { declined: 'Sorry about {{titel}}' } });
      assert.equal(texts.json.errors[0].field, 'texts.declined');
      const preview = (await as('GET', url('/decision-messages'))).json;
      const first = await as('POST', url('/decision-messages'), { expected: preview.to_send });
      assert.ok(first.json.queued >= 300, `queued ${first.json.queued}`);
      assert.equal(first.json.queued, preview.to_send, 'the number previewed is the number sent');
      const again = await as('POST', url('/decision-messages'), { expected: 0 });
      assert.equal(again.json.queued, 0);
      assert.equal(again.json.already_sent, first.json.queued);
      const outbox = (await as('GET', '/api/v1/outbox')).json;
      const decision = outbox.messages.find((m) => m.kind === 'decision' && /What the evaluators wrote/.test(m.body));
      assert.ok(decision, 'a decision message with the comments');
      const members = (await as('GET', url('/members'))).json.members;
      for (const m of outbox.messages.filter((x) => x.kind === 'decision'))
        for (const member of members) {
          assert.ok(!m.body.includes(member.name), `evaluator ${member.name} named in a decision message`);
        }
    });

    test('results and the transparency report: hidden until published, then public without evaluators', async () => {
      const visitor = new Visitor(server.base);
      assert.equal((await visitor.get(`/editions/${edition}/results`)).status, 404);
      assert.equal((await api(server.base, 'GET', url('/transparency'))).status, 404);
      assert.equal((await as('PUT', url('/results'), { published: 'yes' })).status, 422);
      assert.equal((await as('PUT', url('/results'), { published: true })).status, 200);
      const results = await visitor.get(`/editions/${edition}/results`);
      assert.equal(results.status, 200);
      const listed = (results.text.match(/<li>\d+: /g) ?? []).length;
      const inProgramme = (await as('GET', url('/decisions'))).json.summary
        .filter((k) => ['accepted', 'conditional', 'moved'].includes(k.kind)).reduce((n, k) => n + k.count, 0);
      assert.equal(listed, inProgramme, 'every session in the programme is listed');
      const report = await visitor.get(`/editions/${edition}/transparency`);
      assert.equal(report.status, 200);
      assert.match(report.text, /Random seed: none/);
      assert.match(report.text, /at least 45 from developing countries/);
      const json = (await api(server.base, 'GET', url('/transparency'))).json;
      assert.equal(json.decisions.length, 300);
      assert.equal(json.evaluations_per_proposal.reduce((n, e) => n + e.proposals, 0), 300);
      const members = (await as('GET', url('/members'))).json.members;
      for (const m of members) {
        assert.ok(!report.text.includes(m.email) && !report.text.includes(m.name), `${m.name} appears in the report`);
        assert.ok(!JSON.stringify(json).includes(m.email), `${m.email} in the report's JSON`);
      }
      assert.match((await visitor.get(`/editions/${edition}`)).text, /Transparency report/);
    });
  });
}
