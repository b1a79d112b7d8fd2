// The messages of the year on the demo's regional IGF (its programme published): the MAG
// and the Secretariat draft messages citing sessions (roles, bad input named, a draft kept,
// a stale save told and both versions kept), the public comment period (refused outside it,
// a flood limited per address and counted, scripts stored verbatim and shown escaped),
// moderation for abuse only, handling by paragraph, publishing and the public pages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';
import { signedInMember } from '../support/evaluation.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';

const demoName = 'Regional IGF demo 2027';
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

for (const engine of engines()) {
  describe(`messages of the year on ${engine}`, () => {
    let server, edition, themes, sessions, ana, ben, outsider, message, other;
    const url = (rest = '') => `/api/v1/editions/${edition}/messages${rest}`;
    const as = (method, path, body, token = server.admin.token) => api(server.base, method, path, { token, body });
    const diverging = () => ({
      theme: themes[0].id,
      title: 'Who pays to connect the unconnected',
      body: 'Sessions agreed that **meaningful** connectivity comes first.\n\nThey differed on who should pay for it.',
      stance: 'diverging',
      positions: [
        { text: 'Public funds and universal service obligations.', groups: ['government', 'civil_society'] },
        { text: 'Private investment with light regulation.', groups: ['private_sector'] },
      ],
      citations: [{ session: sessions[0].code, quote: 'Community networks need spectrum.' }, { session: sessions[1].code }],
    });

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 40, testHooks: true });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
      edition = (editions.editions ?? editions).find((e) => e.name === demoName).id;
      themes = (await as('GET', `/api/v1/editions/${edition}/themes`)).json.themes;
      sessions = (await as('GET', `/api/v1/editions/${edition}/programme`)).json.sessions;
      assert.ok(sessions.length >= 3, 'the demo publishes sessions');
      const team = [];
      for (const name of ['Ana Drafter', 'Ben Drafter']) {
        const email = `${name.split(' ')[0].toLowerCase()}.${edition}@mag.test`;
        const added = await as('POST', `/api/v1/editions/${edition}/members`, {
          name, email, organisation: `${name} Org`, country: 'BR', stakeholder_group: 'civil_society', gender: 'woman',
        });
        assert.equal(added.status, 201, added.text);
        team.push(await signedInMember(server, { email, password: added.json.temporary_password }));
      }
      [ana, ben] = team;
      outsider = await proposer(server, 'Olga Outsider');
    });
    after(async () => { await server.stop(); });

    test('drafts are for the MAG and the Secretariat; nobody else reads or writes them yet', async () => {
      assert.equal((await api(server.base, 'GET', url())).status, 401);
      assert.equal((await as('GET', url(), undefined, outsider.token)).status, 403);
      assert.equal((await as('POST', url(), diverging(), outsider.token)).status, 403);
      assert.equal((await ana.api('GET', url())).status, 200);
      const created = await ana.api('POST', url(), diverging());
      assert.equal(created.status, 201, created.text);
      message = created.json;
      assert.equal(message.stance, 'diverging');
      assert.deepEqual(message.citations.map((c) => c.code), [sessions[0].code, sessions[1].code]);
      assert.equal(message.citations[0].url, `/editions/${edition}/programme/${sessions[0].code}`);
      assert.equal(message.paragraphs.length, 2);
      assert.equal((await api(server.base, 'GET', url(`/${message.id}`))).status, 401);
      // The Secretariat writes too.
      const secretariat = await as('POST', url(), { ...diverging(), stance: 'converging', positions: [], title: 'Skills for all' });
      assert.equal(secretariat.status, 201, secretariat.text);
      other = secretariat.json;
    });

    test('bad input is named and nothing is stored; a form keeps what was typed', async () => {
      const tooLong = await ana.api('POST', url(), { ...diverging(), title: 'x'.repeat(201) });
      assert.equal(tooLong.status, 422);
      assert.deepEqual(tooLong.json.errors.map((e) => e.field), ['title']);
      const mixed = await ana.api('POST', url(), { ...diverging(), stance: 'converging', citations: [], positions: [{ text: 'x', groups: ['martians'] }] });
      assert.equal(mixed.status, 422);
      assert.deepEqual(mixed.json.errors.map((e) => e.field).sort(), ['citations', 'positions']);
      const types = await ana.api('POST', url(), { ...diverging(), title: 7, citations: [{ session: 'NOPE1' }], positions: 'many' });
      assert.equal(types.status, 422);
      assert.deepEqual(types.json.errors.map((e) => e.field).sort(), ['citations[0].session', 'positions', 'title']);
      const noTheme = await ana.api('POST', url(), { ...diverging(), theme: 999999 });
      assert.equal(noTheme.status, 422);
      assert.equal(noTheme.json.errors[0].field, 'theme');
      // The form: an over-long body comes back, typed, with the field named.
      const page = await ana.get(`/editions/${edition}/messages/new?theme=${themes[0].id}`);
      assert.equal(page.status, 200);
      const typed = 'My long draft. '.repeat(1400);
      const posted = await ana.post(`/editions/${edition}/messages`, {
        theme: String(themes[0].id), title: 'Kept draft', body: typed, stance: 'converging', citations: `${sessions[2].code} | a quote`,
      });
      assert.equal(posted.status, 422);
      assert.match(posted.text, /Message is 21000 characters long; the limit is 20000/);
      assert.ok(posted.text.includes(typed.trim()), 'the typed body is on the page');
      assert.match(posted.text, /value="Kept draft"/);
      const unknown = await ana.post(`/editions/${edition}/messages`, {
        theme: String(themes[0].id), title: 'T', body: 'B', stance: 'converging', citations: 'ZZ999',
      });
      assert.equal(unknown.status, 422);
      assert.match(unknown.text, /There is no session ZZ999 in this edition/);
      const list = await ana.api('GET', url());
      assert.equal(list.json.messages.length, 2, 'nothing stored by the refusals');
    });

    test('a stale save is told and both versions are kept with their authors', async () => {
      const bens = await ben.api('PUT', url(`/${message.id}`), { ...diverging(), title: 'Ben’s title', version: 1 });
      assert.equal(bens.status, 200, bens.text);
      assert.equal(bens.json.version, 2);
      const anas = await ana.api('PUT', url(`/${message.id}`), { ...diverging(), title: 'Ana’s title', version: 1 });
      assert.equal(anas.status, 409);
      assert.match(anas.json.detail, /Ben Drafter saved this message after you opened it/);
      const versions = (await ana.api('GET', url(`/${message.id}/versions`))).json.versions;
      assert.deepEqual(versions.map((v) => [v.kind, v.version, v.author, v.title]), [
        ['stale', 2, 'Ana Drafter', 'Ana’s title'],
        ['saved', 2, 'Ben Drafter', 'Ben’s title'],
        ['saved', 1, 'Ana Drafter', 'Who pays to connect the unconnected'],
      ]);
      assert.equal((await ana.api('GET', url(`/${message.id}`))).json.title, 'Ben’s title');
      // The form says so too, and keeps what was typed.
      await ana.get(`/editions/${edition}/messages/${message.id}/edit`);
      const form = await ana.post(`/editions/${edition}/messages/${message.id}`, {
        version: '1', title: 'Typed over an old version', body: 'Text', stance: 'converging', citations: sessions[0].code,
      });
      assert.equal(form.status, 409);
      assert.match(form.text, /saved this message after you opened it/);
      assert.match(form.text, /value="Typed over an old version"/);
      assert.equal((await ana.get(`/editions/${edition}/messages/${message.id}/history`)).text.match(/Kept aside/g).length, 2);
      assert.equal((await as('GET', url(`/${message.id}/versions`), undefined, outsider.token)).status, 403);
    });

    test('a message typed while the form token expired comes back filled', async () => {
      await ana.get(`/editions/${edition}/messages/${message.id}/edit`);
      const stale = await ana.post(`/editions/${edition}/messages/${message.id}`, {
        version: '2', title: 'Typed while away', body: 'Kept words', stance: 'converging', citations: sessions[0].code,
      }, { csrf: 'f'.repeat(64) });
      assert.equal(stale.status, 303);
      assert.match(stale.headers.get('location'), /^\/kept\/[0-9a-f]{64}$/);
      const refill = await ana.get(stale.headers.get('location'));
      assert.match(refill.headers.get('location'), new RegExp(`^/editions/${edition}/messages/${message.id}/edit\\?kept=`));
      const form = await ana.get(refill.headers.get('location'));
      assert.equal(form.status, 200);
      assert.match(form.text, /value="Typed while away"/);
      assert.match(form.text, />Kept words<\/textarea>/);
      // A new message too.
      await ana.get(`/editions/${edition}/messages/new?theme=${themes[1].id}`);
      const fresh = await ana.post(`/editions/${edition}/messages`, { theme: String(themes[1].id), title: 'New while away', body: 'B', stance: 'converging', citations: '' }, { csrf: 'f'.repeat(64) });
      const back = await ana.get((await ana.get(fresh.headers.get('location'))).headers.get('location'));
      assert.equal(back.status, 200);
      assert.match(back.text, /value="New while away"/);
      assert.match(back.text, new RegExp(`A new message on ${themes[1].name}`));
    });

    test('comments outside the period are refused, saying when it opens or closed', async () => {
      const comment = { paragraph: 1, name: 'Pia Public', stakeholder_group: 'youth', region: 'african', body: 'Agreed.' };
      const early = await api(server.base, 'POST', url(`/${message.id}/comments`), { body: comment, headers: csrfPair() });
      assert.equal(early.status, 401, 'nobody reads the draft before the period');
      const now = Date.now();
      assert.equal((await ana.api('PUT', url('/period'), { opens_at: iso(now), closes_at: iso(now + 86400000) })).status, 403);
      const bad = await as('PUT', url('/period'), { opens_at: 'soon', closes_at: iso(now) });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field), ['opens_at']);
      const set = await as('PUT', url('/period'), { opens_at: iso(now + 3600000), closes_at: iso(now + 2 * 86400000) });
      assert.equal(set.status, 200, set.text);
      assert.equal(set.json.comment_period, 'not_yet_open');
      const tooEarly = await as('POST', url(`/${message.id}/comments`), comment, outsider.token);
      assert.equal(tooEarly.status, 403, 'the draft is not public before the period opens');
      const memberEarly = await ana.api('POST', url(`/${message.id}/comments`), comment);
      assert.equal(memberEarly.status, 409);
      assert.match(memberEarly.json.detail, /The comment period opens .*UTC/);
      await moveClock(server, 2 * 3600);
    });

    test('anyone comments on a paragraph; scripts are kept verbatim and shown escaped', async () => {
      const visitor = new Visitor(server.base);
      const page = await visitor.get(`/editions/${edition}/messages/${message.id}?paragraph=2`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Comment on a paragraph/);
      assert.match(page.text, /<option value="2" selected>/);
      const script = '<script>alert("x")</script> see <a href="http://evil.test">this</a>';
      const sent = await visitor.post(`/editions/${edition}/messages/${message.id}/comments`, {
        paragraph: '2', name: 'Pia Public', stakeholder_group: 'youth', region: 'african', body: script,
      });
      assert.equal(sent.status, 303, sent.text.slice(0, 500));
      const shown = await visitor.get(`/editions/${edition}/messages/${message.id}`);
      assert.ok(!shown.text.includes('<script>alert'), 'never as markup');
      assert.ok(shown.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'shown escaped');
      const stored = (await api(server.base, 'GET', url(`/${message.id}/comments`))).json.comments;
      assert.equal(stored.at(-1).body, script, 'stored verbatim');
      assert.equal(stored.at(-1).paragraph, 2);
      const missing = await visitor.post(`/editions/${edition}/messages/${message.id}/comments`, {
        paragraph: '9', name: '', stakeholder_group: 'martians', region: '', body: 'x'.repeat(5001),
      });
      assert.equal(missing.status, 422);
      for (const text of ['Choose a paragraph', 'Your name is required', 'Choose your stakeholder group', 'Choose your region', 'Your comment is 5001 characters long'])
        assert.match(missing.text, new RegExp(text));
      const api422 = await api(server.base, 'POST', url(`/${message.id}/comments`), { body: { paragraph: 'two', name: 5 }, headers: csrfPair() });
      assert.equal(api422.status, 422);
      assert.deepEqual(api422.json.errors.map((e) => e.field).sort(), ['name', 'paragraph']);
    });

    test('the Secretariat hides abuse with a reason (counted); the MAG marks how each was handled', async () => {
      const abuse = await as('POST', url(`/${message.id}/comments`), { paragraph: 1, name: 'Troll', stakeholder_group: 'youth', region: 'weog', body: 'insults' }, outsider.token);
      assert.equal(abuse.status, 201, abuse.text);
      assert.equal((await ana.api('POST', url(`/${message.id}/comments/${abuse.json.id}/hide`), { reason: 'x' })).status, 403);
      const noReason = await as('POST', url(`/${message.id}/comments/${abuse.json.id}/hide`), { reason: '' });
      assert.equal(noReason.status, 422);
      assert.equal(noReason.json.errors[0].field, 'reason');
      const hidden = await as('POST', url(`/${message.id}/comments/${abuse.json.id}/hide`), { reason: 'Insults' });
      assert.equal(hidden.status, 200);
      assert.equal(hidden.json.hidden_reason, 'Insults');
      const publicView = (await api(server.base, 'GET', url(`/${message.id}/comments`))).json;
      assert.equal(publicView.hidden, 1);
      assert.ok(publicView.comments.every((c) => c.body !== 'insults'));
      const page = await new Visitor(server.base).get(`/editions/${edition}/messages/${message.id}`);
      assert.match(page.text, /1 comment\(s\) hidden by moderation/);
      assert.ok(!page.text.includes('insults'));
      const first = publicView.comments[0];
      const admin = new Visitor(server.base);
      assert.equal((await admin.signIn(server.admin.email, server.admin.password)).status, 303);
      assert.equal((await admin.get(`/editions/${edition}/messages/${message.id}/comments`)).status, 200);
      const formHide = await admin.post(`/editions/${edition}/messages/${message.id}/comments/${first.id}/hide`, { reason: '' });
      assert.equal(formHide.status, 422);
      assert.match(formHide.text, /Reason is required/);
      assert.match(formHide.text, /Paragraph 2/, 'the comments page again');
      assert.equal((await as('PUT', url(`/${message.id}/comments/${first.id}/handling`), { handling: 'partly' }, outsider.token)).status, 403);
      const wrong = await ana.api('PUT', url(`/${message.id}/comments/${first.id}/handling`), { handling: 'ignored', note: 'n'.repeat(2001) });
      assert.equal(wrong.status, 422);
      assert.deepEqual(wrong.json.errors.map((e) => e.field).sort(), ['handling', 'note']);
      const handled = await ana.api('PUT', url(`/${message.id}/comments/${first.id}/handling`), { handling: 'partly', note: 'Into paragraph 2.' });
      assert.equal(handled.status, 200);
      assert.equal(handled.json.handling, 'partly');
      const review = await ana.get(`/editions/${edition}/messages/${message.id}/comments`);
      assert.equal(review.status, 200);
      assert.match(review.text, /Paragraph 2/);
      assert.match(review.text, /Partly accepted/);
      assert.match(review.text, /Hidden by Ada Admin: Insults/);
      const outsiderView = (await as('GET', url(`/${message.id}/comments`), undefined, outsider.token)).json.comments[0];
      assert.equal(outsiderView.handling, undefined, 'the handling is for the MAG');
    });

    test('a flood of comments from one address is limited and counted', async () => {
      const comment = { paragraph: 1, name: 'Flo Od', stakeholder_group: 'youth', region: 'weog', body: 'again' };
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await api(server.base, 'POST', url(`/${message.id}/comments`), { body: comment, headers: csrfPair() })).status);
      assert.ok(statuses.includes(429), statuses.join());
      assert.ok(statuses.filter((s) => s === 201).length <= 10);
      const last = await api(server.base, 'POST', url(`/${message.id}/comments`), { body: comment, headers: csrfPair() });
      assert.equal(last.status, 429);
      assert.match(last.json.detail, /at most 10 an hour/);
      const round = (await as('GET', url())).json;
      assert.ok(round.refused_comments >= 3, `counted: ${round.refused_comments}`);
      await moveClock(server, 2 * 86400);
      const closed = await api(server.base, 'POST', url(`/${message.id}/comments`), { body: comment, headers: csrfPair() });
      assert.equal(closed.status, 409);
      assert.match(closed.json.detail, /The comment period closed/);
    });

    test('the Secretariat publishes; the pages are public and a cited session shows the message', async () => {
      assert.equal((await ana.api('POST', url('/publish'))).status, 403);
      const published = await as('POST', url('/publish'));
      assert.equal(published.status, 200, published.text);
      assert.equal(published.json.published, true);
      assert.equal((await as('POST', url('/publish'))).status, 409);
      assert.equal((await ana.api('PUT', url(`/${message.id}`), { ...diverging(), version: 2 })).status, 403);
      const anyone = new Visitor(server.base);
      const doc = await anyone.get(`/editions/${edition}/messages/document`);
      assert.equal(doc.status, 200);
      assert.match(doc.text, /class="print-document"/);
      assert.match(doc.text, /Ben’s title/);
      assert.match(doc.text, /Held by: Government, Civil Society/);
      const theme = await anyone.get(`/editions/${edition}/messages/themes/${themes[0].id}`);
      assert.equal(theme.status, 200);
      assert.match(theme.text, /1 converging and 1 diverging message\(s\)/);
      const session = await anyone.get(`/editions/${edition}/programme/${sessions[1].code}`);
      assert.equal(session.status, 200);
      assert.match(session.text, /Messages of the year drawn from this session/);
      assert.match(session.text, new RegExp(`href="/editions/${edition}/messages/${message.id}"`));
      const bySession = (await api(server.base, 'GET', url(`?session=${sessions[1].code}`))).json.messages;
      assert.deepEqual(bySession.map((m) => m.id).sort(), [message.id, other.id].sort());
      assert.equal((await anyone.get(`/editions/${edition}/messages/themes/999999`)).status, 404);
    });
  });
}
