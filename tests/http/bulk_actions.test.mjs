// Safe bulk actions on the demo's closed round (80 proposals): decision messages are
// previewed (the number of mails, one rendered sample per kind) and sent only for the
// confirmed count, by page and API; two officers sending at once send once; a changed
// decision replaces its unsent message; publishing with no decision is refused with the
// reason; closing a round early shows the numbers and asks; reopening waits for a withdrawal.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { venueTime, escapeRegExp } from '../support/times.mjs';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`safe bulk actions on ${engine}`, () => {
    let server, edition, office;
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const url = (rest) => `/api/v1/editions/${edition}${rest}`;
    const page = (rest) => `/editions/${edition}${rest}`;
    const decisionMails = async () => (await as('GET', '/api/v1/outbox')).json.messages.filter((m) => m.kind === 'decision');
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 80 });
      edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo 2026').id;
      office = new Visitor(server.base);
      assert.equal((await office.signIn(server.admin.email, server.admin.password)).status, 303);
    });
    after(async () => { await server.stop(); });

    test('publishing with no decision is refused, with the reason on the page and in the API', async () => {
      const r = await as('PUT', url('/results'), { published: true });
      assert.equal(r.status, 409);
      assert.match(r.json.detail, /Record the decisions before publishing the results/);
      const decisions = await office.get(page('/decisions'));
      assert.doesNotMatch(decisions.text, />Publish the results</, 'no button that cannot work');
      assert.match(decisions.text, /id="publish-refused">Record the decisions before publishing the results/);
      const posted = await office.post(page('/decisions/publish'), { action: 'publish' });
      assert.equal(posted.status, 409);
      assert.match(posted.text, /Record the decisions before publishing the results/);
      assert.equal((await as('GET', url('/decisions'))).json.results_published_at, '');
    });

    test('with no decision there is nothing to send, and the confirm page says so', async () => {
      const preview = (await as('GET', url('/decision-messages'))).json;
      assert.deepEqual([preview.to_send, preview.kinds], [0, []]);
      assert.match((await office.get(page('/decisions/messages'))).text, /There is nothing new to send/);
    });

    test('the API sends only the count the caller confirms, naming the field otherwise', async () => {
      assert.equal((await as('PUT', url('/synthesis-settings'), { plan: { streams: 5 } })).status, 200);  // 22 slots
      assert.equal((await as('POST', url('/selection'))).status, 200);
      assert.equal((await as('POST', url('/decisions/from-selection'))).json.recorded, 80);
      const missing = await as('POST', url('/decision-messages'));
      assert.equal(missing.status, 422);
      assert.equal(missing.json.errors[0].field, 'expected');
      assert.equal((await as('POST', url('/decision-messages'), { expected: 'all' })).json.errors[0].field, 'expected');
      const preview = (await as('GET', url('/decision-messages'))).json;
      assert.ok(preview.to_send >= 80, `${preview.to_send} to send`);
      assert.deepEqual(preview.kinds.map((k) => k.kind), ['accepted', 'declined']);
      assert.equal(preview.kinds.reduce((n, k) => n + k.messages, 0), preview.to_send);
      const declined = preview.kinds.find((k) => k.kind === 'declined').sample;
      assert.match(declined.subject, /Declined - proposal \d+/);
      assert.match(declined.body, /Reason: Not selected/);
      const wrong = await as('POST', url('/decision-messages'), { expected: preview.to_send + 1 });
      assert.equal(wrong.status, 409);
      assert.match(wrong.json.detail, new RegExp(`you confirmed ${preview.to_send + 1} messages, and ${preview.to_send} are to be sent now`));
      assert.equal((await decisionMails()).length, 0, 'nothing was queued');
      // A decision changed before any message was sent queues nothing by itself.
      const d = (await as('GET', url('/decisions'))).json.proposals.find((p) => !p.selected);
      assert.equal((await as('PUT', `/api/v1/proposals/${d.proposal}/decision`, { version: d.version, kind: 'declined', reason: 'Not selected this year.' })).status, 200);
      assert.equal((await decisionMails()).length, 0, 'still nothing queued');
    });

    test('the page shows the number and a sample of each kind before sending; two officers confirming at once send once', async () => {
      const decisions = await office.get(page('/decisions'));
      assert.match(decisions.text, /href="\/editions\/\d+\/decisions\/messages">Preview and send the decision messages</);
      const confirm = await office.get(page('/decisions/messages'));
      const n = Number(confirm.text.match(/<strong>(\d+) messages<\/strong>/)[1]);
      assert.match(confirm.text, new RegExp(`<button type="submit">Send ${n} messages</button>`));
      assert.match(confirm.text, /<h3 id="sample-accepted">Accepted: \d+ messages<\/h3>/);
      assert.match(confirm.text, /<h3 id="sample-declined">Declined: \d+ messages<\/h3>/);
      assert.match(confirm.text, /<pre class="mail-body">Dear organisers,/);
      const unconfirmed = await office.post(page('/decisions/messages'), {});
      assert.equal(unconfirmed.status, 422);
      assert.match(unconfirmed.text, /Nothing was sent/);
      assert.equal((await decisionMails()).length, 0);
      // A second officer of the Secretariat confirms the same send through the API at the same moment.
      const second = cli(server.databaseUrl, ['user', 'add', '--email', 'second@test.example', '--name', 'Second Officer',
        '--password', 'correct horse battery staple', '--role', 'admin', '--token']).match(/API token: (\w+)/)[1];
      await office.get(page('/decisions/messages'));
      const [byPage, byApi] = await Promise.all([
        office.post(page('/decisions/messages'), { expected: String(n) }),
        api(server.base, 'POST', url('/decision-messages'), { token: second, body: { expected: n } }),
      ]);
      assert.deepEqual([byPage.status === 303, byApi.status === 200].filter(Boolean).length, 1, `one send: ${byPage.status} ${byApi.status}`);
      if (byPage.status === 303) {
        assert.equal(byApi.status, 409);
        assert.match(byApi.json.detail, /The messages were sent meanwhile, by another officer/);
        assert.match((await office.get(byPage.headers.get('location'))).text, new RegExp(`${n} messages queued; 0 had already been sent`));
      } else {
        assert.equal(byPage.status, 409);
        assert.match(byPage.text, /Nothing was sent.*The messages were sent meanwhile, by another officer/s);
        assert.equal(byApi.json.queued, n);
      }
      assert.equal((await decisionMails()).length, n, 'each message queued once');
      // The same confirmation sent again (a second click, a second tab) queues nothing.
      const twice = await office.post(page('/decisions/messages'), { expected: String(n) });
      assert.equal(twice.status, 409);
      assert.match(twice.text, /The messages were sent meanwhile/);
      assert.equal((await decisionMails()).length, n);
      assert.match((await office.get(page('/decisions/messages'))).text, new RegExp(`nothing new to send: every decision's message has been sent \\(${n} messages\\)`));
    });

    test('a changed decision replaces its unsent message: the proposer never gets both', async () => {
      const list = (await as('GET', url('/decisions'))).json.proposals;
      const target = list.find((p) => !p.selected);
      const before = (await decisionMails()).filter((m) => m.subject.endsWith(`proposal ${target.number}`));
      assert.ok(before.length > 0 && before.every((m) => m.status === 'queued' && /Declined/.test(m.subject)));
      const saved = await as('PUT', `/api/v1/proposals/${target.proposal}/decision`, { version: target.version, kind: 'lightning', reason: 'A strong idea for a short talk' });
      assert.equal(saved.status, 200);
      const after = (await decisionMails()).filter((m) => m.subject.endsWith(`proposal ${target.number}`));
      assert.equal(after.length, before.length, 'one message per recipient, not two');
      assert.ok(after.every((m) => /Offered a lightning talk/.test(m.subject) && /A strong idea for a short talk/.test(m.body)), JSON.stringify(after.map((m) => m.subject)));
      assert.deepEqual(after.map((m) => m.recipient).sort(), before.map((m) => m.recipient).sort());
      assert.equal((await as('GET', url('/decision-messages'))).json.to_send, 0, 'the replacement is already queued');
    });

    test('closing a round early shows the numbers and asks; reopening waits until the results are withdrawn', async () => {
      const future = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 19) + 'Z';
      assert.equal((await as('PUT', url('/evaluation-settings'), { deadline: future })).status, 200);
      assert.equal((await as('POST', url('/evaluation-round/reopen'))).status, 200);
      const progress = (await as('GET', url('/evaluation-progress'))).json;
      assert.equal(progress.round.state, 'open');
      await office.get(page('/evaluation/progress'));
      const asked = await office.post(page('/evaluation/close'), { action: 'close' });
      assert.equal(asked.status, 200);
      assert.match(asked.text, /Close the round now\?/);
      // The deadline as the venue in Oslo reads it, and in UTC, marked for the reader's own time.
      assert.ok(asked.text.includes(`The deadline (<time datetime="${future}" data-zone="Europe/Oslo">${venueTime(future, 'Europe/Oslo', 'Oslo')}</time>) has not come`), 'the deadline in Oslo and UTC');
      assert.match(asked.text, /proposals have fewer than 3 evaluations/);
      assert.match(asked.text, /Close the round anyway/);
      assert.equal((await as('GET', url('/evaluation-progress'))).json.round.state, 'open', 'asking closes nothing');
      const api409 = await as('POST', url('/evaluation-round/close'));
      assert.equal(api409.status, 409);
      assert.match(api409.json.detail, new RegExp(`the deadline ${escapeRegExp(venueTime(future, 'Europe/Oslo', 'Oslo'))} has not come; ${progress.submitted} of ${progress.assigned} evaluations are submitted`));
      const closed = await office.post(page('/evaluation/close'), { action: 'close', confirm: 'yes' });
      assert.equal(closed.status, 303);
      assert.equal((await as('GET', url('/evaluation-progress'))).json.round.state, 'closed');

      assert.equal((await as('PUT', url('/results'), { published: true })).status, 200);
      const refused = await as('POST', url('/evaluation-round/reopen'));
      assert.equal(refused.status, 409);
      assert.match(refused.json.detail, /Withdraw the results before reopening the round/);
      await office.get(page('/evaluation/progress'));
      const refusedPage = await office.post(page('/evaluation/close'), { action: 'reopen' });
      assert.equal(refusedPage.status, 409);
      assert.match(refusedPage.text, /Withdraw the results before reopening the round/);
      await office.get(page('/decisions'));
      assert.equal((await office.post(page('/decisions/publish'), { action: 'withdraw' })).status, 303);
      assert.equal((await as('POST', url('/evaluation-round/reopen'))).json.state, 'open');
    });
  });
}
