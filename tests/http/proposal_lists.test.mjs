// The Secretariat's lists of proposals on the demo forum: one filter (words, session type,
// theme, status, screening, score range, decision, "divided"), sorting and pages of 50 on
// the proposal list, its API, screening, the evaluation sheet (and its download),
// decisions and progress. Unknown values are ignored and said, never an error; a page past
// the end says so and links to the last page; only the edition's Secretariat gets in.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';

const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/\s+/g, ' ');
// The rows of the page's table: [{href, title}] of each row's title link.
const titleLinks = (html) => [...html.matchAll(/<th scope="row"><a href="(\/proposals\/\d+)">([^<]*)<\/a><\/th>/g)].map((m) => ({ href: m[1], title: m[2] }));

for (const engine of engines()) {
  describe(`proposal lists on ${engine}`, () => {
    let server, first, evaluated, national, admin, all;
    before(async () => {
      server = await startServer(engine, { demo: true });
      const list = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
      first = list.find((e) => e.name === 'IGF demo').id;
      evaluated = list.find((e) => e.name === 'IGF demo 2026').id;
      national = list.find((e) => e.name === 'Demo national IGF 2027').id;
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      all = flat((await as(`/api/v1/editions/${evaluated}/proposals`)).json);
    });
    after(async () => { await server.stop(); });
    // Each proposal with what the list knows of it beside its own fields.
    const flat = (page) => ({ ...page, proposals: page.proposals.map((p) => ({ ...p, ...p.listed })) });
    const as = (path, opts = {}) => api(server.base, opts.method ?? 'GET', path, { token: server.admin.token, ...opts });
    // A word of some title, long enough to be a word and not in every title.
    const someWord = () => {
      const words = all.proposals.flatMap((p) => p.title.toLowerCase().split(/\W+/)).filter((w) => w.length > 5);
      return words.find((w) => { const n = all.proposals.filter((p) => p.title.toLowerCase().includes(w)).length; return n > 1 && n < 60; });
    };

    test('the API without a page gives every proposal, with the list facts and totals', async () => {
      assert.equal(all.proposals.length, all.total);
      assert.ok(all.total >= 100);
      assert.equal(all.matching, all.total);
      assert.deepEqual(all.ignored, []);
      const p = all.proposals[0];
      for (const key of ['id', 'title', 'speakers', 'listed']) assert.ok(key in p, key);
      for (const key of ['number', 'screening', 'mean', 'standard_deviation', 'divided', 'decision', 'evaluations']) assert.ok(key in p.listed, key);
    });

    test('the API searches words of the title and the number, filters, sorts and pages', async () => {
      const word = someWord();
      const found = flat((await as(`/api/v1/editions/${evaluated}/proposals?q=${word.toUpperCase()}`)).json);
      assert.ok(found.matching > 0 && found.matching < all.total);
      assert.equal(found.total, all.total);
      for (const p of found.proposals) assert.match(p.title.toLowerCase(), new RegExp(word));
      const target = all.proposals[17];
      const byNumber = flat((await as(`/api/v1/editions/${evaluated}/proposals?q=${target.number}`)).json);
      assert.ok(byNumber.proposals.some((p) => p.id === target.id));

      const divided = flat((await as(`/api/v1/editions/${evaluated}/proposals?divided=1`)).json);
      assert.ok(divided.matching > 0 && divided.matching < all.total);
      for (const p of divided.proposals) { assert.equal(p.divided, true); assert.ok(p.standard_deviation >= 1); }
      assert.equal(divided.matching, all.proposals.filter((p) => p.standard_deviation >= 1).length, 'the synthesis\'s definition');

      const range = flat((await as(`/api/v1/editions/${evaluated}/proposals?score_min=3&score_max=4&sort=score&order=desc`)).json);
      assert.ok(range.matching > 0);
      for (const p of range.proposals) assert.ok(p.mean >= 3 && p.mean <= 4, String(p.mean));
      const means = range.proposals.map((p) => p.mean);
      assert.deepEqual(means, [...means].sort((a, b) => b - a));

      const titles = flat((await as(`/api/v1/editions/${evaluated}/proposals?sort=title&page=1`)).json);
      assert.equal(titles.proposals.length, 50);
      assert.equal(titles.page_size, 50);
      assert.equal(titles.pages, Math.ceil(all.total / 50));
      const lower = titles.proposals.map((p) => p.title.toLowerCase());
      assert.deepEqual(lower, [...lower].sort());
      const second = flat((await as(`/api/v1/editions/${evaluated}/proposals?sort=title&page=2`)).json);
      assert.equal(second.page, 2);
      assert.ok(second.proposals[0].title.toLowerCase() >= lower[49]);

      const themes = (await api(server.base, 'GET', `/api/v1/editions/${evaluated}/themes`)).json.themes;
      const theme = themes[0];
      const themed = flat((await as(`/api/v1/editions/${evaluated}/proposals?theme=${theme.id}`)).json);
      assert.ok(themed.matching > 0);
      for (const p of themed.proposals) assert.equal(p.theme, theme.name);
      const workshops = flat((await as(`/api/v1/editions/${evaluated}/proposals?type=workshop&status=submitted`)).json);
      for (const p of workshops.proposals) { assert.equal(p.session_type, 'workshop'); assert.equal(p.status, 'submitted'); }
      const undecided = flat((await as(`/api/v1/editions/${evaluated}/proposals?decision=undecided`)).json);
      assert.equal(undecided.matching, all.total, 'no decision is recorded in the demo');
      assert.equal((await as(`/api/v1/editions/${evaluated}/proposals?decision=accepted`)).json.matching, 0);
    });

    test('the API past the last page: an empty list with the totals; unknown values named', async () => {
      const past = await as(`/api/v1/editions/${evaluated}/proposals?page=999`);
      assert.equal(past.status, 200);
      assert.deepEqual(past.json.proposals, []);
      assert.equal(past.json.matching, all.total);
      assert.equal(past.json.page, 999);
      const odd = await as(`/api/v1/editions/${evaluated}/proposals?status=bogus&sort=nope&page=abc&score_min=9&divided=perhaps`);
      assert.equal(odd.status, 200);
      assert.deepEqual(odd.json.ignored, ['status', 'sort', 'page', 'score_min', 'divided']);
      assert.equal(odd.json.matching, all.total, 'the ignored values narrow nothing');
    });

    test('the proposal list page: a word of a title finds it, "12 of 140", every title links', async () => {
      const word = someWord();
      const expected = all.proposals.filter((p) => p.title.toLowerCase().includes(word));
      const page = await admin.get(`/editions/${evaluated}/proposals?q=${word}`);
      assert.equal(page.status, 200);
      assert.match(text(page.text), new RegExp(`${expected.length} of ${all.total} proposals`));
      const links = titleLinks(page.text);
      assert.equal(links.length, Math.min(expected.length, 50));
      for (const l of links) {
        assert.match(l.title.toLowerCase(), new RegExp(word));
        assert.ok(expected.some((p) => `/proposals/${p.id}` === l.href), l.href);
      }
      assert.match(page.text, new RegExp(`name="q" type="search" value="${word}"`), 'the form keeps the words');
      const proposal = await admin.get(links[0].href);
      assert.equal(proposal.status, 200, 'the link opens the proposal for the Secretariat');
    });

    test('the proposal list page sorts, pages, and says past the end where the last page is', async () => {
      const firstPage = await admin.get(`/editions/${evaluated}/proposals?sort=title`);
      const titles = titleLinks(firstPage.text).map((l) => l.title.toLowerCase());
      assert.equal(titles.length, 50);
      assert.deepEqual(titles, [...titles].sort());
      const pages = Math.ceil(all.total / 50);
      assert.match(text(firstPage.text), new RegExp(`Page 1 of ${pages}`));
      assert.match(firstPage.text, /href="[^"]*sort=title&amp;page=2" rel="next"/);
      const past = await admin.get(`/editions/${evaluated}/proposals?sort=title&page=40`);
      assert.equal(past.status, 200);
      assert.match(text(past.text), new RegExp(`There is no page 40: this list ends at page ${pages}`));
      assert.match(past.text, new RegExp(`href="/editions/${evaluated}/proposals\\?sort=title&amp;page=${pages}">Go to the last page`));
      assert.equal(titleLinks(past.text).length, 0);
    });

    test('unknown values on the page are ignored and said, never an error', async () => {
      const page = await admin.get(`/editions/${evaluated}/proposals?status=bogus&sort=nope&page=abc&theme=999999`);
      assert.equal(page.status, 200);
      const notice = text(page.text.match(/<div class="notice" role="status" id="ignored-filters">[\s\S]*?<\/div>/)[0]);
      for (const name of ['status', 'sort', 'page', 'theme']) assert.match(notice, new RegExp(`\\( ?${name} ?\\)`));
      assert.match(text(page.text), new RegExp(`${all.total} proposals`));
      const nothing = await admin.get(`/editions/${evaluated}/proposals?q=zzzqqqxxx`);
      assert.match(text(nothing.text), /0 of \d+ proposals/);
      assert.match(text(nothing.text), /No proposal matches these filters/);
    });

    test('the evaluation sheet filters to divided proposals, and its download keeps the filter', async () => {
      const divided = all.proposals.filter((p) => p.divided);
      const sheet = await admin.get(`/editions/${evaluated}/evaluation/sheet?divided=1&rank=median`);
      assert.equal(sheet.status, 200);
      assert.match(text(sheet.text), new RegExp(`${divided.length} of \\d+ proposals`));
      const rows = titleLinks(sheet.text);
      assert.equal(rows.length, Math.min(50, divided.length));
      for (const r of rows) assert.ok(divided.some((p) => `/proposals/${p.id}` === r.href));
      assert.match(sheet.text, /<input type="hidden" name="rank" value="median">/, 'the form keeps the ranking');
      const csv = await api(server.base, 'GET', `/editions/${evaluated}/evaluation/sheet.csv?rank=median&divided=1`, { token: server.admin.token });
      assert.equal(csv.status, 200);
      assert.equal(csv.text.trim().split('\n').length, divided.length + 1, 'the header and the divided proposals');
      const odd = await admin.get(`/editions/${evaluated}/evaluation/sheet?rank=sideways&sort=nope`);
      assert.equal(odd.status, 200, 'the page forgives what the API refuses');
      assert.match(text(odd.text), /Rank by \( ?rank ?\)/);
      const past = await admin.get(`/editions/${evaluated}/evaluation/sheet?page=77`);
      assert.match(text(past.text), /There is no page 77/);
    });

    test('screening filters by its result and by words; decisions and progress take the same filter', async () => {
      assert.equal((await as(`/api/v1/editions/${first}/screening`, { method: 'POST' })).status, 200);
      const declined = await admin.get(`/editions/${first}/screening?screening=declined&sort=title`);
      assert.equal(declined.status, 200);
      const verdicts = [...declined.text.matchAll(/<tr id="p\d+">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
      assert.ok(verdicts.length > 0);
      const declinedCount = (await as(`/api/v1/editions/${first}/proposals?screening=declined`)).json.matching;
      assert.match(text(declined.text), new RegExp(`${declinedCount} of 300 proposals`));
      assert.ok(titleLinks(declined.text).length === Math.min(50, declinedCount));
      assert.equal((await admin.get(`/editions/${first}/screening?screening=bogus`)).status, 200);

      const word = someWord();
      const decisions = await admin.get(`/editions/${evaluated}/decisions?q=${word}`);
      assert.equal(decisions.status, 200);
      const rows = titleLinks(decisions.text);
      assert.ok(rows.length > 0);
      for (const r of rows) assert.match(r.title.toLowerCase(), new RegExp(word));
      const past = await admin.get(`/editions/${evaluated}/decisions?page=12&decision=bogus`);
      assert.equal(past.status, 200);
      assert.match(text(past.text), /There is no page 12/);
      assert.match(text(past.text), /Decision \( ?decision ?\)/);

      const progress = await admin.get(`/editions/${national}/evaluation/progress?sort=title&order=desc`);
      assert.equal(progress.status, 200);
      const short = titleLinks(progress.text).map((l) => l.title.toLowerCase());
      assert.ok(short.length > 0);
      assert.deepEqual(short, [...short].sort().reverse());
      assert.equal((await admin.get(`/editions/${national}/evaluation/progress?page=-3`)).status, 200);
    });

    test('only the edition\'s Secretariat sees the list: proposers and MAG members are refused', async () => {
      const pat = await proposer(server);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${evaluated}/proposals`, { token: pat.token })).status, 403);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/${evaluated}/proposals`)).status, 401);
      const member = new Visitor(server.base);
      await member.signIn(server.demoMember.email, server.demoMember.password);
      for (const path of [`/editions/${national}/proposals`, `/editions/${national}/evaluation/sheet?divided=1`])
        assert.equal((await member.get(path)).status, 403, path);
      const nobody = new Visitor(server.base);
      const anonymous = await nobody.get(`/editions/${evaluated}/proposals?q=water`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location'), /^\/login/);
      const edition = await admin.get(`/editions/${evaluated}`);
      assert.match(edition.text, new RegExp(`href="/editions/${evaluated}/proposals"`), 'the edition links the list for the Secretariat');
    });
  });
}
