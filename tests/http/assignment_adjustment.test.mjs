// The Secretariat adjusts the published assignment by hand: one member added to a
// proposal or removed from it, on the proposal's evaluators page and through the API.
// Every rule refuses by its name; a submitted evaluation goes only once confirmed; each
// change is audited and the added member finds the proposal on their list.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { evaluationEdition, signedInMember } from '../support/evaluation.mjs';
import { proposer } from '../support/proposals.mjs';

for (const engine of engines()) {
  describe(`manual assignment changes on ${engine}`, () => {
    let server, setup, admin;
    before(async () => {
      server = await startServer(engine);
      setup = await evaluationEdition(server, { proposals: 4, members: 6, perProposal: 3 });
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
    });
    after(async () => { await server.stop(); });
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const evaluators = async (p) => (await as('GET', `/api/v1/proposals/${p}/evaluators`)).json;
    const onIt = async (p) => (await evaluators(p)).evaluators.map((e) => e.account);
    const add = (p, account) => as('POST', `/api/v1/proposals/${p}/evaluators`, { account });
    const remove = (p, account, confirm) => as('DELETE', `/api/v1/proposals/${p}/evaluators/${account}${confirm === undefined ? '' : `?confirm=${confirm}`}`);
    const refusedBy = (r, rule) => {
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.rule, rule, r.text);
      assert.ok(r.json.detail.length > 20, 'the refusal says the rule in words');
    };
    const newMember = async (name, extra) => {
      const r = await as('POST', `/api/v1/editions/${setup.edition}/members`, {
        name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${setup.edition}@mag.test`, organisation: `${name} Org`,
        country: 'FR', stakeholder_group: 'academia', gender: 'woman', ...extra,
      });
      assert.equal(r.status, 201, r.text);
      return { account: r.json.account_id, email: extra?.email ?? `${name.toLowerCase().replace(/\W+/g, '.')}.${setup.edition}@mag.test`, password: r.json.temporary_password };
    };

    test('the evaluators page lists who evaluates, with their work, and who could be added', async () => {
      const p = setup.proposals[0];
      const page = await admin.get(`/editions/${setup.edition}/evaluation/proposals/${p}`);
      assert.equal(page.status, 200);
      const view = await evaluators(p);
      assert.equal(view.evaluators.length, 3);
      assert.equal(view.minimum, 3);
      assert.equal(view.evaluators.length + view.candidates.length, setup.members.length);
      for (const e of view.evaluators) assert.match(page.text, new RegExp(`${e.name}</th>`));
      assert.match(page.text, /Not started/);
      // Found from the round page by the proposal's number.
      const number = (await as('GET', `/api/v1/editions/${setup.edition}/evaluation-sheet`)).json.proposals.find((x) => x.proposal === p).number;
      const found = await admin.get(`/editions/${setup.edition}/evaluation/proposal?number=${number}`);
      assert.equal(found.status, 303);
      assert.equal(found.headers.get('location'), `/editions/${setup.edition}/evaluation/proposals/${p}`);
      assert.equal((await admin.get(`/editions/${setup.edition}/evaluation/proposal?number=999`)).status, 404);
      assert.match((await admin.get(`/editions/${setup.edition}/evaluation`)).text, /Change the evaluators of proposal number/);
    });

    test('a member added by the form finds the proposal on their list at once; the change is audited', async () => {
      const p = setup.proposals[1];
      const newcomer = (await evaluators(p)).candidates[0];
      const page = await admin.get(`/editions/${setup.edition}/evaluation/proposals/${p}`);
      assert.equal(page.status, 200);
      const r = await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/add`, { account: String(newcomer.account) });
      assert.equal(r.status, 303);
      const shown = await admin.get(r.headers.get('location'));
      assert.match(shown.text, new RegExp(`${newcomer.name} now evaluates this proposal`));
      assert.ok((await onIt(p)).includes(newcomer.account));
      const m = setup.members.find((x) => x.account === newcomer.account);
      const v = await signedInMember(server, m);
      const list = await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations`);
      assert.ok(list.json.evaluations.some((e) => e.proposal === p), 'on the added member\'s list');
      assert.equal((await v.get(`/editions/${setup.edition}/evaluations/${p}`)).status, 200);
      const outbox = (await as('GET', '/api/v1/outbox')).json;
      const told = (outbox.messages ?? outbox).filter((x) => x.kind === 'evaluation_added' && x.recipient === m.email);
      assert.equal(told.length, 1, 'the member is told by mail');
      assert.match(told[0].subject, /^Proposal \d+ added to your evaluations/);
      const audit = (await as('GET', '/api/v1/audit')).json.entries;
      const entry = audit.find((a) => a.action === 'evaluation.assignment.add' && a.subject === `proposal ${p}`);
      assert.ok(entry, 'audited');
      assert.equal(JSON.parse(entry.detail).account, newcomer.account);
    });

    test('each rule of an addition refuses by its name', async () => {
      const p = setup.proposals[0];
      const view = await evaluators(p);
      refusedBy(await add(p, view.evaluators[0].account), 'already_assigned');
      const author = await proposer(server);
      refusedBy(await add(p, author.id), 'not_a_member');
      // A declared conflict: the member leaves the proposal and may not come back.
      const conflicted = setup.members.find((m) => m.account === view.evaluators[1].account);
      const v = await signedInMember(server, conflicted);
      assert.equal((await v.api('POST', `/api/v1/editions/${setup.edition}/evaluations/${p}/conflict`, {})).status, 200);
      refusedBy(await add(p, conflicted.account), 'declared_conflict');
      // From the organisation that proposes it; named on it.
      const sameOrg = await newMember('Orla Foundation', { organisation: 'quartermaine foundation' });
      refusedBy(await add(p, sameOrg.account), 'proposing_organisation');
      const named = await newMember('Zebulon Member', { email: 'zebulon@quartermaine-foundation.test' });
      refusedBy(await add(p, named.account), 'named_on_proposal');
      // Issue areas: proposal 0 is on Access.
      const other = await newMember('Ada Other Area');
      assert.equal((await as('PUT', `/api/v1/editions/${setup.edition}/members/${other.account}/groups`, { groups: ['AI'] })).status, 200);
      refusedBy(await add(p, other.account), 'other_issue_area');
      // The load cap, while the round's settings set one.
      const onFirst = await onIt(p);
      const loaded = (await evaluators(setup.proposals[2])).evaluators.map((e) => e.account)
        .find((a) => a !== conflicted.account && !onFirst.includes(a));
      assert.ok(loaded, 'a member with a load who could otherwise take the proposal');
      assert.equal((await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { max_load: 1 })).status, 200);
      refusedBy(await add(p, loaded), 'load_cap');
      assert.equal((await as('PUT', `/api/v1/editions/${setup.edition}/evaluation-settings`, { max_load: 0 })).status, 200);
      // Stakeholder balance: at most two of one group when three evaluate.
      const q = setup.proposals[3];
      let refusal;
      for (let i = 1; i <= 3 && !refusal; i++) {
        const g = await newMember(`Gov Member ${i}`, { stakeholder_group: 'intergovernmental' });
        const r = await add(q, g.account);
        if (r.status !== 201) refusal = r;
      }
      refusedBy(refusal, 'stakeholder_balance');
      const groups = (await evaluators(q)).evaluators.filter((e) => e.stakeholder_group === 'intergovernmental');
      assert.equal(groups.length, 2);
      // Bad input names the field; other proposals and editions are not found.
      const bad = await as('POST', `/api/v1/proposals/${p}/evaluators`, { account: 'someone' });
      assert.equal(bad.status, 422);
      assert.equal(bad.json.errors[0].field, 'account');
      assert.equal((await add(999999, setup.members[0].account)).status, 404);
      assert.equal((await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/add`, { account: 'x' })).status, 422);
    });

    test('a removal keeps the minimum, and a submitted evaluation goes only once confirmed', async () => {
      const p = setup.proposals[1];  // four evaluators since a member was added
      const view = await evaluators(p);
      assert.equal(view.evaluators.length, 4);
      const m = setup.members.find((x) => x.account === view.evaluators[0].account);
      const v = await signedInMember(server, m);
      const saved = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${p}`, { scores: { overall: 4 }, comment: 'Solid plan', submit: true, version: 0 });
      assert.equal(saved.status, 200, saved.text);
      refusedBy(await remove(p, m.account), 'submitted_evaluation');
      refusedBy(await remove(p, m.account, false), 'submitted_evaluation');
      assert.equal((await remove(p, m.account, 'maybe')).status, 400);
      // The page asks, naming what will be lost, and removes on confirmation.
      const asked = await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/remove`, { account: String(m.account) });
      assert.equal(asked.status, 409);
      assert.match(asked.text, /Rule “submitted evaluation”/);
      assert.match(asked.text, /and discard their evaluation/);
      const done = await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/remove`, { account: String(m.account), confirm: 'yes' });
      assert.equal(done.status, 303);
      assert.match((await admin.get(done.headers.get('location'))).text, /Their evaluation was discarded/);
      const kept = (await as('GET', `/api/v1/proposals/${p}/evaluations`)).json.evaluations;
      assert.ok(!kept.some((e) => e.account === m.account), 'the evaluation no longer counts');
      assert.ok(!(await v.api('GET', `/api/v1/editions/${setup.edition}/evaluations`)).json.evaluations.some((e) => e.proposal === p));
      const audit = (await as('GET', '/api/v1/audit')).json.entries.find((a) => a.action === 'evaluation.assignment.remove');
      assert.equal(JSON.parse(audit.detail).discarded_evaluation, true);
      assert.equal(JSON.parse(audit.detail).evaluation.comment, 'Solid plan', 'the audit log keeps a copy');
      // Three left: the next removal would go below the minimum.
      refusedBy(await remove(p, view.evaluators[1].account), 'minimum_evaluators');
      refusedBy(await remove(p, m.account), 'not_assigned');
      const page = await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/remove`, { account: String(view.evaluators[1].account) });
      assert.equal(page.status, 409);
      assert.match(page.text, /Rule “minimum evaluators”/);
      // A member without submitted work goes at once, via the API.
      const extra = await newMember('Fresh Member', { stakeholder_group: 'technical_community' });
      const added = await add(p, extra.account);
      assert.equal(added.status, 201, added.text);
      const gone = await remove(p, extra.account);
      assert.equal(gone.status, 200, gone.text);
      assert.equal(gone.json.discarded_evaluation, false);
    });

    test('removals sent at the same moment never take a proposal below the minimum', async () => {
      const q = setup.proposals[3];
      const before = await onIt(q);
      assert.ok(before.length > 3, `${before.length} evaluators`);
      const answers = await Promise.all(before.map((account) => remove(q, account)));
      assert.equal(answers.filter((r) => r.status === 200).length, before.length - 3);
      for (const r of answers.filter((x) => x.status !== 200)) refusedBy(r, 'minimum_evaluators');
      assert.equal((await onIt(q)).length, 3);
    });

    test('a closed round and an unpublished assignment refuse every change', async () => {
      const p = setup.proposals[2];
      const candidate = (await evaluators(p)).candidates[0].account;
      assert.equal((await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/close`, { confirm: true })).status, 200);
      refusedBy(await add(p, candidate), 'round_closed');
      refusedBy(await remove(p, (await evaluators(p)).evaluators[0].account), 'round_closed');
      const page = await admin.post(`/editions/${setup.edition}/evaluation/proposals/${p}/add`, { account: String(candidate) });
      assert.equal(page.status, 409);
      assert.match(page.text, /Rule “round closed”/);
      const shown = await admin.get(`/editions/${setup.edition}/evaluation/proposals/${p}`);
      assert.doesNotMatch(shown.text, /Add to proposal|>Remove</, 'a closed round offers no change');
      assert.match(shown.text, /The round is closed/);
      assert.equal((await as('POST', `/api/v1/editions/${setup.edition}/evaluation-round/reopen`)).status, 200);
      const draft = await evaluationEdition(server, { proposals: 2, members: 4, perProposal: 2, assign: false });
      assert.equal((await as('POST', `/api/v1/editions/${draft.edition}/assignment`)).status, 200);
      const view = await evaluators(draft.proposals[0]);
      assert.equal(view.published, false);
      refusedBy(await add(draft.proposals[0], view.candidates[0].account), 'not_published');
    });

    test('only the Secretariat of the edition opens the evaluators page or changes it', async () => {
      const p = setup.proposals[0];
      const v = await signedInMember(server, setup.members[5]);
      assert.equal((await v.get(`/editions/${setup.edition}/evaluation/proposals/${p}`)).status, 403);
      assert.equal((await v.api('GET', `/api/v1/proposals/${p}/evaluators`)).status, 403);
      assert.equal((await v.api('POST', `/api/v1/proposals/${p}/evaluators`, { account: setup.members[5].account })).status, 403);
      const someone = await proposer(server);
      assert.equal((await api(server.base, 'DELETE', `/api/v1/proposals/${p}/evaluators/${setup.members[0].account}`, { token: someone.token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/proposals/${p}/evaluators`)).status, 401);
      // A proposal of another edition is not found under this one.
      const other = await evaluationEdition(server, { proposals: 1, members: 3, perProposal: 1 });
      assert.equal((await admin.get(`/editions/${setup.edition}/evaluation/proposals/${other.proposals[0]}`)).status, 404);
    });
  });
}
