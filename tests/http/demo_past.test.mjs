// The demo's past edition over HTTP on both engines: last year's regional IGF was held; its
// reports page lists reports filed, late and missing, the compliance page counts them, its
// published messages of the year cite its sessions, a session's page shows its report and
// the Secretariat reads its feedback; and this year's screening declines the proposal of the
// organiser whose full report of last year is missing, naming that report.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';

const pastName = 'Regional IGF demo 2026';

for (const engine of engines()) {
  describe(`the demo's past edition on ${engine}`, () => {
    let server, past, current, secretariat, compliance;
    const as = (path, opts = {}) => api(server.base, opts.method ?? 'GET', path, { token: server.admin.token, ...opts });

    before(async () => {
      server = await startServer(engine, { demo: true });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
      past = editions.find((e) => e.name === pastName);
      current = editions.find((e) => e.name === 'IGF demo');
      assert.ok(past && current, JSON.stringify(editions.map((e) => e.name)));
      secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      compliance = (await as(`/api/v1/editions/${past.id}/reports/compliance`)).json;
    });
    after(async () => { await server.stop(); });

    test('last year: its sessions took place, in rooms and at times, before today', async () => {
      const programme = (await api(server.base, 'GET', `/api/v1/editions/${past.id}/programme`)).json;
      assert.ok(programme.sessions.length >= 50, `${programme.sessions.length} sessions`);
      const today = new Date().toISOString().slice(0, 10);
      assert.ok(past.end_date < today, past.end_date);
      assert.equal(compliance.sessions.length, programme.sessions.length);
    });

    test('the reports page lists reports filed, late and missing', async () => {
      const list = (await api(server.base, 'GET', `/api/v1/editions/${past.id}/reports`)).json.reports;
      const full = new Set(list.map((r) => r.full));
      for (const status of ['filed', 'late', 'missing']) assert.ok(full.has(status), `a full report ${status}`);
      assert.ok(list.some((r) => r.short === 'late'), 'a short report filed late');
      const page = await api(server.base, 'GET', `/editions/${past.id}/reports`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Full report: Filed</);
      assert.match(page.text, /Full report: Filed late/);
      assert.match(page.text, /Full report: Missing: the deadline has passed/);
    });

    test('the compliance page counts them', async () => {
      const all = compliance.all;
      assert.ok(all.late > 0 && all.missing > 0, JSON.stringify(all));
      assert.ok(all.filed > all.late + all.missing, JSON.stringify(all));
      assert.equal(all.due, 0);
      assert.equal(all.total, compliance.sessions.length);
      assert.equal(compliance.sessions.filter((s) => s.full === 'missing').length, all.missing);
      const page = await secretariat.get(`/editions/${past.id}/reports/compliance`);
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`<strong>${all.filed}</strong> filed on time · <strong>${all.late}</strong> late · <strong>${all.missing}</strong> missing`));
    });

    test('the published messages of the year cite its sessions', async () => {
      const messages = await api(server.base, 'GET', `/api/v1/editions/${past.id}/messages`);
      assert.equal(messages.status, 200, 'published: anyone reads them');
      const list = messages.json.messages;
      assert.ok(list.length >= 2);
      assert.ok(list.some((m) => m.stance === 'diverging') && list.some((m) => m.stance === 'converging'));
      const codes = new Set(compliance.sessions.map((s) => s.code));
      for (const m of list) {
        assert.ok(m.citations.length >= 2, m.title);
        for (const c of m.citations) assert.ok(codes.has(c.code), JSON.stringify(c));
      }
      const page = await api(server.base, 'GET', `/editions/${past.id}/messages`);
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`${list[0].title}</a> · <span class="stance-`));
      const document = await api(server.base, 'GET', `/editions/${past.id}/messages/document`);
      assert.equal(document.status, 200);
      assert.match(document.text, new RegExp(list[0].title));
      const cited = list[0].citations[0];
      assert.match(document.text, new RegExp(`href="/editions/${past.id}/programme/${cited.code}"`));
    });

    test('a session page shows its report, and the Secretariat its feedback', async () => {
      const results = (await as(`/api/v1/editions/${past.id}/feedback`)).json;
      assert.ok(results.rated_sessions >= 2, JSON.stringify(results.rated_sessions));
      const filed = new Set(compliance.sessions.filter((s) => s.full === 'filed').map((s) => s.code));
      const rated = results.sessions.find((s) => s.count > 0 && filed.has(s.code));
      assert.ok(rated, 'a rated session with its report filed');
      const page = await api(server.base, 'GET', `/editions/${past.id}/programme/${rated.code}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<h2 id="report">Report<\/h2>/);
      assert.match(page.text, /Key messages/);
      assert.match(page.text, /Gender report card/);
      assert.match(page.text, /Messages of the year drawn from this session|messages-citing/);
      assert.match(page.text, /How useful was this session\?/, 'participants may still rate it');
      const mine = await secretariat.get(`/editions/${past.id}/programme/${rated.code}`);
      assert.match(mine.text, /Feedback results for this session/);
      const feedback = await secretariat.get(`/editions/${past.id}/programme/${rated.code}/feedback`);
      assert.equal(feedback.status, 200);
      assert.match(feedback.text, new RegExp(`<strong>${rated.count}</strong> rating`));
    });

    test("this year's screening declines the organiser whose report of last year is missing", async () => {
      const run = await as(`/api/v1/editions/${current.id}/screening`, { method: 'POST' });
      assert.equal(run.status, 200, run.text);
      const declined = run.json.results.filter((r) => r.failures.some((f) => f.code === 'missing_previous_report'));
      assert.equal(declined.length, 1, JSON.stringify(declined));
      const failure = declined[0].failures.find((f) => f.code === 'missing_previous_report');
      const missing = compliance.sessions.filter((s) => s.full === 'missing');
      const session = missing.find((s) => failure.message.includes(`"${s.title}"`));
      assert.ok(session, `${failure.message} names a session whose full report is missing`);
      assert.match(failure.message, /in the previous edition and filed no report/);
      const proposal = (await as(`/api/v1/proposals/${declined[0].proposal}`)).json;
      const names = proposal.organisers.map((o) => o.name);
      assert.ok(names.some((n) => failure.message.startsWith(n) || session.organisers.some((o) => o.startsWith(n))), JSON.stringify({ names, session }));
      // The Secretariat's screening page says so too.
      const page = await secretariat.get(`/editions/${current.id}/screening/${declined[0].proposal}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /filed no report/);
    });
  });
}
