// The screening override and the decision forms show what they decide on: the proposal's
// summary, its mean and each evaluator's score, unnamed as on the sheet, and their
// comments; only the Secretariat opens them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { evaluationEdition, signedInMember } from '../support/evaluation.mjs';

for (const engine of engines()) {
  describe(`review forms on ${engine}`, () => {
    let server, setup, admin, proposal;
    const comments = ['Clear questions & a diverse panel', 'Outcomes are thin', 'A fresh angle'];
    before(async () => {
      server = await startServer(engine);
      setup = await evaluationEdition(server, { proposals: 2, members: 3, perProposal: 3 });
      proposal = setup.proposals[0];
      const scores = [5, 4, 4];
      for (const [i, m] of setup.members.entries()) {
        const v = await signedInMember(server, m);
        const r = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: scores[i] }, comment: comments[i], submit: true, version: 0 });
        if (r.status !== 200) throw new Error('evaluation: ' + r.text);
      }
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
    });
    after(async () => { await server.stop(); });
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });

    const expectContext = async (text) => {
      const title = (await as('GET', `/api/v1/proposals/${proposal}`)).json.title;
      assert.ok(text.includes(title.replace(/&/g, '&amp;').replace(/'/g, '&#39;')) || text.includes(title), 'the title');
      assert.match(text, /<dt>Session type<\/dt><dd>Workshop/);
      assert.match(text, /<dt>Theme<\/dt><dd>Access<\/dd>/);
      assert.match(text, new RegExp(`href="/proposals/${proposal}"`), 'a link to the full proposal');
      assert.match(text, new RegExp(`href="/editions/${setup.edition}/evaluation/proposals/${proposal}"`));
      assert.match(text, /Mean <strong>4\.33<\/strong> of 3 submitted evaluations/);
      assert.match(text, /Evaluator 1: score 5\.00/);
      assert.match(text, /Evaluator 3: score 4\.00/);
      assert.ok(text.includes('Clear questions &amp; a diverse panel'), 'comments, escaped');
      for (const c of comments.slice(1)) assert.ok(text.includes(c), c);
      // Unnamed, as on the sheet: no member's name or e-mail.
      const members = (await as('GET', `/api/v1/editions/${setup.edition}/members`)).json.members;
      for (const m of members) {
        assert.ok(!text.includes(m.name), `${m.name} is not named`);
        assert.ok(!text.includes(m.email), `${m.email} is not shown`);
      }
    };

    test('the decision form shows the proposal, its scores and the comments beside the form', async () => {
      const page = await admin.get(`/editions/${setup.edition}/decisions/${proposal}`);
      assert.equal(page.status, 200);
      await expectContext(page.text);
      assert.match(page.text, /Save the decision/);
      // Kept on a refused save too.
      const refused = await admin.post(`/editions/${setup.edition}/decisions/${proposal}`, { version: '0', reason: '' });
      assert.equal(refused.status, 422);
      assert.match(refused.text, /Evaluator 2: score 4\.00/);
    });

    test('the screening override form shows the same; before any evaluation it says so', async () => {
      assert.equal((await as('POST', `/api/v1/editions/${setup.edition}/screening`)).status, 200);
      const page = await admin.get(`/editions/${setup.edition}/screening/${proposal}`);
      assert.equal(page.status, 200);
      await expectContext(page.text);
      assert.match(page.text, /Does the proposal pass screening\?/);
      const other = await admin.get(`/editions/${setup.edition}/screening/${setup.proposals[1]}`);
      assert.equal(other.status, 200);
      assert.match(other.text, /No evaluation of this proposal has been submitted/);
    });

    test('members and proposers may not open either form', async () => {
      const v = await signedInMember(server, setup.members[0]);
      assert.equal((await v.get(`/editions/${setup.edition}/decisions/${proposal}`)).status, 403);
      assert.equal((await v.get(`/editions/${setup.edition}/screening/${proposal}`)).status, 403);
      const author = await api(server.base, 'GET', `/editions/${setup.edition}/decisions/${proposal}`, { token: setup.author.token });
      assert.equal(author.status, 403);
    });
  });
}
