// MAG members evaluate the proposals assigned to them, as they would in a browser and
// through the API: anonymised proposals, drafts and submissions, scores out of range,
// two tabs, deadlines with grace, conflicts declared after scoring, 403 for what is
// not theirs; the Secretariat follows progress, reminds, closes and reads the sheet.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { evaluationEdition, signedInMember, hidden } from '../support/evaluation.mjs';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

for (const engine of engines()) {
  describe(`evaluation on ${engine}`, () => {
    let server, setup, reasons;
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const listOf = (account) => setup.assignments.filter((a) => a.evaluator === String(account)).map((a) => Number(a.proposal));
    const memberFor = (proposal, skip = []) => setup.members.find((m) => listOf(m.account).includes(proposal) && !skip.includes(m));

    before(async () => {
      server = await startServer(engine);
      setup = await evaluationEdition(server);
      reasons = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-settings`)).json.reasons;
    });
    after(async () => { await server.stop(); });

    test('a member sees exactly their list, with their progress', async () => {
      const m = setup.members[0];
      const v = await signedInMember(server, m);
      const list = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.json.evaluations.map((e) => e.proposal).sort(), listOf(m.account).sort());
      assert.equal(list.json.progress.submitted, 0);
      assert.equal(list.json.round.state, 'open');
      const page = await v.get(`/editions/${setup.edition}/evaluations`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Declare a conflict/);
      assert.match(page.text, new RegExp(`You have submitted 0 of ${listOf(m.account).length}`));
      const outbox = (await as('GET', '/api/v1/outbox')).json;
      const told = (outbox.messages ?? outbox).filter((x) => x.kind === 'evaluation_list');
      assert.equal(told.length, setup.members.filter((x) => listOf(x.account).length > 0).length, 'each member with a list is told');
      assert.ok(told.some((x) => x.recipient === m.email && x.subject.startsWith(`Your ${listOf(m.account).length} proposals`)));
    });

    test('no page or JSON an evaluator can reach names the organisers or the proposer', { timeout: 60000 }, async () => {
      const secrets = [...hidden.names, ...hidden.emails, ...hidden.organisations, setup.author.email];
      let pages = 0;
      for (const m of setup.members) {
        const v = await signedInMember(server, m);
        const seen = new Set();
        const queue = ['/', '/editions', `/editions/${setup.edition}`, `/editions/${setup.edition}/evaluations`];
        const api = [`/api/v1/editions/${setup.edition}/evaluations`, '/api/v1/me', '/api/v1/editions',
          `/api/v1/editions/${setup.edition}`, `/api/v1/editions/${setup.edition}/proposals`,
          `/api/v1/editions/${setup.edition}/evaluation-sheet`, `/api/v1/editions/${setup.edition}/assignment`,
          `/api/v1/editions/${setup.edition}/members`, '/api/v1/me/proposals'];
        for (const p of setup.proposals)
          api.push(`/api/v1/editions/${setup.edition}/evaluations/${p}`, `/api/v1/proposals/${p}`,
            `/api/v1/proposals/${p}/evaluations`, `/api/v1/proposals/${p}/revisions`, `/proposals/${p}`,
            `/editions/${setup.edition}/evaluations/${p}`, `/editions/${setup.edition}/evaluations/${p}/conflict`);
        queue.push(...api);
        while (queue.length) {
          const path = queue.shift();
          if (seen.has(path)) continue;
          seen.add(path);
          const r = path.startsWith('/api/') ? await v.api('GET', path) : await v.get(path);
          if (r.status !== 200) continue;
          pages += 1;
          for (const s of secrets) assert.ok(!r.text.toLowerCase().includes(s.toLowerCase()), `${path} shows "${s}" to ${m.email}`);
          for (const [, href] of r.text.matchAll(/href="(\/[^"#?]*)[^"]*"/g))
            if (!href.startsWith('/static/') && !seen.has(href)) queue.push(href);
        }
      }
      assert.ok(pages > setup.members.length * 5, `walked ${pages} pages and documents`);
    });

    test('the evaluation form hides names, shows the developing-country flag, and keeps the draft on errors', async () => {
      const proposal = setup.proposals[0];
      const m = memberFor(proposal);
      const v = await signedInMember(server, m);
      const form = await v.get(`/editions/${setup.edition}/evaluations/${proposal}`);
      assert.equal(form.status, 200);
      assert.match(form.text, /The main proposer is from a developing country/);
      assert.match(form.text, /names hidden/);
      const shown = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`);
      assert.equal(shown.json.proposal.proposer_from_developing_country, true);
      assert.deepEqual(shown.json.criteria.map((c) => c.code), ['overall']);
      const version = shown.json.version;
      // Out of range: refused, naming the field, and the page keeps what was typed.
      const bad = await v.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version, 'score-overall': '6', comment: 'Kept across errors', action: 'submit' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /href="#field-score-overall"/);
      assert.match(bad.text, /Kept across errors/);
      const api6 = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 6 }, version });
      assert.equal(api6.status, 422);
      assert.equal(api6.json.errors[0].field, 'score-overall');
      // A low score needs a standard reason to be submitted; a draft does not.
      const low = await v.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version, 'score-overall': '2', comment: 'Thin on outcomes', action: 'submit' });
      assert.equal(low.status, 422);
      assert.match(low.text, /standard reasons/);
      const draft = await v.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version, 'score-overall': '2', comment: 'Thin on outcomes', action: 'save' });
      assert.equal(draft.status, 303);
      const saved = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`);
      assert.equal(saved.json.status, 'draft');
      assert.equal(saved.json.evaluation.scores.overall, 2);
      const submitted = await v.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version: saved.json.version, 'score-overall': '2', 'reason-overall': reasons[4], comment: 'Thin on outcomes', action: 'submit' });
      assert.equal(submitted.status, 303);
      const after = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`);
      assert.equal(after.json.status, 'submitted');
      // Edited after submitting, still before the deadline.
      const edited = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 4 }, comment: 'Better on a second reading', version: after.json.version });
      assert.equal(edited.status, 200);
      assert.equal(edited.json.status, 'submitted');
      assert.equal(edited.json.evaluation.scores.overall, 4);
      const incomplete = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: {}, version: edited.json.version });
      assert.equal(incomplete.status, 422, 'a submitted evaluation cannot lose its score');
    });

    test('two tabs: the second save is refused, its entries kept on the page', async () => {
      const proposal = setup.proposals[1];
      const m = memberFor(proposal);
      const tab = await signedInMember(server, m);
      const first = await tab.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`);
      const version = first.json.version;
      await tab.get(`/editions/${setup.edition}/evaluations/${proposal}`);
      const a = await tab.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version, 'score-overall': '5', comment: 'From tab A', action: 'submit' });
      assert.equal(a.status, 303);
      const b = await tab.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version, 'score-overall': '4', comment: 'From tab B', action: 'submit' });
      assert.equal(b.status, 409);
      assert.match(b.text, /another tab or window/);
      assert.match(b.text, /From tab B/);
      const stale = await tab.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 3 }, reasons: { overall: reasons[0] }, version });
      assert.equal(stale.status, 409);
      const kept = await tab.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`);
      assert.equal(kept.json.evaluation.comment, 'From tab A');
      // Both tabs creating the first version at once: one wins, the other is told.
      const other = setup.proposals.find((p) => listOf(m.account).includes(p) && p !== proposal && p !== setup.proposals[0]);
      assert.ok(other, 'the member has a third proposal on their list for the race');
      const [x, y] = await Promise.all([
        tab.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${other}`, { scores: { overall: 4 }, version: 0 }),
        tab.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${other}`, { scores: { overall: 5 }, version: 0 }),
      ]);
      assert.deepEqual([x.status, y.status].sort(), [200, 409]);
    });

    test('nobody opens what is not theirs', async () => {
      const m = setup.members[0];
      const v = await signedInMember(server, m);
      const notMine = setup.proposals.find((p) => !listOf(m.account).includes(p));
      assert.ok(notMine, 'some proposal is not on the first member\'s list');
      assert.equal((await v.get(`/editions/${setup.edition}/evaluations/${notMine}`)).status, 403);
      assert.equal((await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${notMine}`)).status, 403);
      assert.equal((await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${notMine}`, { scores: { overall: 5 } })).status, 403);
      const owner = memberFor(setup.proposals[0]);
      const reader = setup.members.find((x) => x !== owner);
      const r = await signedInMember(server, reader);
      assert.equal((await r.api('GET', `/api/v1/proposals/${setup.proposals[0]}/evaluations/${owner.account}`)).status, 403);
      assert.equal((await r.api('GET', `/api/v1/proposals/${setup.proposals[0]}/evaluations`)).status, 403);
      assert.equal((await r.api('GET', `/api/v1/editions/${setup.edition}/evaluation-sheet`)).status, 403);
      assert.equal((await r.api('GET', `/api/v1/editions/${setup.edition}/evaluation-progress`)).status, 403);
      const secretariat = await as('GET', `/api/v1/proposals/${setup.proposals[0]}/evaluations/${owner.account}`);
      assert.equal(secretariat.status, 200);
      assert.equal(secretariat.json.status, 'submitted');
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${setup.edition}/evaluations`)).status, 401);
    });

    test('a conflict declared after scoring discards the score and reassigns the proposal at once', async () => {
      const proposal = setup.proposals[0];
      const m = memberFor(proposal);
      const before = (await as('GET', `/api/v1/editions/${setup.edition}/assignment`)).json.assignments;
      const v = await signedInMember(server, m);
      const confirm = await v.get(`/editions/${setup.edition}/evaluations/${proposal}/conflict`);
      assert.match(confirm.text, /will be discarded/);
      const done = await v.post(`/editions/${setup.edition}/evaluations/${proposal}/conflict`, {});
      assert.equal(done.status, 303);
      const list = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations`);
      assert.ok(!list.json.evaluations.some((e) => e.proposal === proposal));
      assert.equal((await v.get(`/editions/${setup.edition}/evaluations/${proposal}`)).status, 403);
      const after = (await as('GET', `/api/v1/editions/${setup.edition}/assignment`)).json.assignments;
      const key = (a) => `${a.evaluator}:${a.proposal}`;
      const gone = before.filter((a) => !after.some((b) => key(a) === key(b)));
      const added = after.filter((a) => !before.some((b) => key(a) === key(b)));
      assert.deepEqual(gone.map(key), [`${m.account}:${proposal}`], 'every other assignment stays');
      assert.equal(added.length, 1);
      assert.equal(added[0].proposal, String(proposal));
      assert.notEqual(added[0].evaluator, String(m.account));
      const evaluations = (await as('GET', `/api/v1/proposals/${proposal}/evaluations`)).json.evaluations;
      assert.ok(!evaluations.some((e) => e.account === m.account), 'the score is discarded');
      const replacement = setup.members.find((x) => String(x.account) === added[0].evaluator);
      const r = await signedInMember(server, replacement);
      assert.equal((await r.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`)).status, 200);
      setup.assignments = after;
    });

    test('the deadline is the server\'s, in UTC, with the grace period; then the round closes', async () => {
      const proposal = setup.proposals[2];
      const m = memberFor(proposal);
      const v = await signedInMember(server, m);
      await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { deadline: iso(Date.now() - 60000), grace_minutes: 30 });
      const inGrace = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 4 }, submit: true, version: 0 });
      assert.equal(inGrace.status, 200);
      assert.equal(inGrace.json.round.state, 'grace');
      await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { grace_minutes: 0 });
      const late = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 5 }, version: inGrace.json.version });
      assert.equal(late.status, 409);
      assert.match(late.json.detail, /deadline .* has passed/);
      await v.get(`/editions/${setup.edition}/evaluations/${proposal}`);
      const latePage = await v.post(`/editions/${setup.edition}/evaluations/${proposal}`, { version: String(inGrace.json.version), 'score-overall': '5', comment: 'Typed too late', action: 'submit' });
      assert.equal(latePage.status, 409);
      assert.match(latePage.text, /Typed too late/);
      await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { deadline: iso(Date.now() + 86400000) });
      // A day before the deadline, with evaluations missing: the numbers, and nothing closes.
      const early = await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/close`);
      assert.equal(early.status, 409);
      const progress = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-progress`)).json;
      assert.match(early.json.detail, new RegExp(`${progress.submitted} of ${progress.assigned} evaluations are submitted \\(${progress.assigned - progress.submitted} missing\\)`));
      assert.match(early.json.detail, /deadline .* has not come/);
      assert.equal(progress.round.state, 'open', 'still open');
      const badConfirm = await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/close`, { confirm: 'yes' });
      assert.equal(badConfirm.status, 422);
      assert.equal(badConfirm.json.errors[0].field, 'confirm');
      const closed = await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/close`, { confirm: true });
      assert.equal(closed.json.state, 'closed');
      const refused = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: 5 }, version: inGrace.json.version });
      assert.equal(refused.status, 409);
      assert.match(refused.json.detail, /closed/);
      assert.equal((await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/reopen`)).json.state, 'open');
    });

    test('progress, reminders once a day, and the ranked sheet as JSON, CSV and XLSX', async () => {
      // Everyone submits what is left, so that the sheet has scores to rank.
      const score = new Map(setup.proposals.map((p, i) => [p, 1 + (i % 5)]));
      const progress = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-progress`)).json;
      assert.ok(progress.percent < 100);
      assert.equal(progress.members.length, setup.members.length);
      const queued = (await as('POST', `/api/v1/editions/${setup.edition}/evaluation-reminders`)).json.queued;
      assert.ok(queued > 0);
      assert.equal((await as('POST', `/api/v1/editions/${setup.edition}/evaluation-reminders`)).json.queued, 0, 'one reminder per member and day');
      const outbox = (await as('GET', '/api/v1/outbox')).json;
      const reminders = (outbox.messages ?? outbox).filter((m) => m.kind === 'evaluation_reminder');
      assert.equal(reminders.length, queued);
      for (const m of setup.members) {
        const v = await signedInMember(server, m);
        for (const e of (await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations`)).json.evaluations) {
          const current = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${e.proposal}`);
          const n = score.get(e.proposal);
          const r = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${e.proposal}`, { scores: { overall: n }, reasons: n <= 3 ? { overall: reasons[0] } : {}, submit: true, version: current.json.version, merge_with: null });
          assert.equal(r.status, 200, r.text);
        }
      }
      const done = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-progress`)).json;
      assert.equal(done.percent, 100);
      const sheet = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-sheet?rank=mean`)).json;
      const ranked = sheet.proposals.filter((p) => p.rank !== null);
      assert.equal(ranked.length, setup.proposals.length);
      for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].mean >= ranked[i].mean);
      assert.equal(ranked[0].mean, 5);
      assert.equal((await as('GET', `/api/v1/editions/${setup.edition}/evaluation-sheet?rank=sideways`)).status, 400);
      const byDeviation = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-sheet?rank=standard_deviation`)).json;
      assert.equal(byDeviation.ranked_by, 'standard_deviation');
      const csv = await api(server.base, 'GET', `/editions/${setup.edition}/evaluation/sheet.csv?rank=median`, { token: server.admin.token });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      assert.match(lines[0], /^Rank,Number,Title,Theme,Format,Evaluations,Mean,Median,Standard deviation,Normalised/);
      assert.equal(lines.length, setup.proposals.length + 1);
      const xlsx = await fetch(`${server.base}/editions/${setup.edition}/evaluation/sheet.xlsx`, { headers: { authorization: `Bearer ${server.admin.token}` } });
      assert.equal(xlsx.status, 200);
      assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    });

    test('per-criterion scoring leaves diversity out for flash sessions', async () => {
      const s = await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { scheme: 'criteria' });
      assert.equal(s.status, 200);
      assert.equal(s.json.criteria.length, 6);
      const flash = setup.proposals[setup.proposals.length - 1];
      const m = memberFor(flash);
      const v = await signedInMember(server, m);
      const shown = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations/${flash}`);
      assert.deepEqual(shown.json.criteria.map((c) => c.code), ['content', 'policy_questions', 'relevance', 'format', 'participation']);
      const bad = await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { scheme: 'stars', criteria: [{ code: 'x', weight: -1 }] });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field), ['scheme', 'criteria[0].weight']);
      await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { scheme: 'holistic' });
    });
  });
}
