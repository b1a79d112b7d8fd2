// Reminders about session reports and the reports' statistics over HTTP on both engines:
// with the server's clock moved (the test clock), the server's own run queues a reminder
// to the rapporteur and the organiser before each deadline and after it, in their words,
// once each (the run repeated by the loop, the API, the button and the CLI sends nothing
// new), none for a report filed; only the Secretariat may run it; the statistics per
// edition and across editions count filing, delay and the gender report card.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, proposer } from '../support/proposals.mjs';
import { publishedSession, sessionPeople } from '../support/reports.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const engine of engines()) {
  describe(`report reminders and statistics on ${engine}`, () => {
    let server, rita, olu, otto, s;
    const as = (who, method, path, body) => api(server.base, method, path, { token: who?.token, body });
    const reminders = async () => (await as(server.admin, 'GET', '/api/v1/outbox')).json.messages
      .filter((m) => m.kind.startsWith('report_reminder'));
    // Sets the server's clock to a UTC time (the session ends 2030-06-02 11:00 UTC).
    const setClock = async (iso) => {
      const now = (await as(server.admin, 'POST', '/_test/clock', { advance_seconds: 0 })).json.now;
      const seconds = Math.round((Date.parse(iso) - Date.parse(now)) / 1000);
      const r = await as(server.admin, 'POST', '/_test/clock', { advance_seconds: seconds });
      assert.equal(r.status, 200, r.text);
    };
    // The server's own run comes every second: waits until `count` reminders are queued.
    const waitFor = async (count) => {
      for (let i = 0; i < 100; i++) {
        const got = await reminders();
        if (got.length >= count) return got;
        await sleep(100);
      }
      return reminders();
    };

    before(async () => {
      server = await startServer(engine, { testHooks: true, args: ['--reminder-seconds', '1'] });
      rita = await proposer(server, 'Rita Rapporteur');
      olu = await proposer(server, 'Olu Organiser');
      otto = await proposer(server, 'Otto Outsider');
      const { people } = await sessionPeople(server, { organiser: olu, rapporteur: rita });
      s = await publishedSession(server, { name: 'IGF 2030', year: 2030, code: 'WS9', people });
    });
    after(async () => { await as(server.admin, 'POST', '/_test/clock', { reset: true }); await server.stop(); });

    test('only the Secretariat runs the reminders; nothing is due long before the session', async () => {
      const url = `/api/v1/editions/${s.edition}/reports/reminders`;
      assert.equal((await api(server.base, 'POST', url, { headers: csrfPair() })).status, 401);
      assert.equal((await as(rita, 'POST', url)).status, 403);
      const r = await as(server.admin, 'POST', url);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, { edition: s.edition, queued: 0, sessions: 0 });
      assert.equal((await reminders()).length, 0);
    });

    test('two hours before the short report is due, the server reminds the rapporteur and the organiser, once', async () => {
      await setClock('2030-06-02T21:30:00Z');
      const got = await waitFor(2);
      assert.deepEqual(got.map((m) => m.recipient).sort(), [olu.email, rita.email].sort());
      const toRita = got.find((m) => m.recipient === rita.email);
      assert.equal(toRita.kind, 'report_reminder_soon');
      assert.match(toRita.subject, /^Short report of WS9 due 2 June 2030, 23:00/);
      assert.match(toRita.body, /Dear Rita Rapporteur,/);
      assert.match(toRita.body, /"Session WS9" at IGF 2030/);
      assert.ok(toRita.body.includes(`/editions/${s.edition}/programme/WS9/report/short`), toRita.body);
      // The loop runs again and again, the API and the CLI too: nothing new.
      await sleep(1500);
      const again = await as(server.admin, 'POST', `/api/v1/editions/${s.edition}/reports/reminders`);
      assert.equal(again.json.queued, 0);
      assert.match(cli(server.databaseUrl, ['remind', 'reports', '--edition', String(s.edition)]), /^0 reminders queued/);
      assert.equal((await reminders()).length, 2);
    });

    test('a filed short report is not reminded late; the full report is, before and after its deadline', async () => {
      const report = `/api/v1/editions/${s.edition}/programme/WS9/report`;
      let r = await as(rita, 'PUT', `${report}/short`, { version: 0, key_messages: ['Access matters'], file: true });
      assert.equal(r.status, 200, r.text);
      await setClock('2030-06-03T00:00:00Z');
      await sleep(1500);
      assert.equal((await reminders()).length, 2, 'no late reminder for a filed report');

      await setClock('2030-06-13T12:00:00Z');
      let got = await waitFor(4);
      const fullSoon = got.filter((m) => m.subject.startsWith('Full report of WS9'));
      assert.equal(fullSoon.length, 2, JSON.stringify(got.map((m) => m.subject)));

      await setClock('2030-06-16T12:00:00Z');
      got = await waitFor(6);
      const late = got.filter((m) => m.kind === 'report_reminder_late');
      assert.deepEqual(late.map((m) => m.recipient).sort(), [olu.email, rita.email].sort());
      assert.match(late[0].subject, /^Late: the full report of WS9, file it now/);
      assert.match(late[0].body, /The screening rule of the next edition counts it/);
      await sleep(1500);
      assert.equal((await reminders()).length, 6, 'each reminder once');
    });

    test('the compliance page has the button; pressing it sends nothing twice; others may not', async () => {
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      let page = await secretariat.get(`/editions/${s.edition}/reports/compliance`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Send due reminders now/);
      assert.match(page.text, /6 sent so far/);
      const r = await secretariat.post(`/editions/${s.edition}/reports/reminders`, {});
      assert.equal(r.status, 303, r.text);
      assert.match(r.headers.get('location'), /reports\/compliance\?reminded=0/);
      page = await secretariat.get(r.headers.get('location'));
      assert.match(page.text, /No reminder was due: nothing was sent\./);
      const outsider = new Visitor(server.base);
      await outsider.signIn(otto.email, 'a long enough password');
      await outsider.get('/editions');
      assert.equal((await outsider.post(`/editions/${s.edition}/reports/reminders`, {})).status, 403);
      assert.equal((await reminders()).length, 6);
    });

    test('the statistics: filing rate, delay and the gender report card, per edition and across editions', async () => {
      const report = `/api/v1/editions/${s.edition}/programme/WS9/report`;
      const r = await as(rita, 'PUT', `${report}/full`, { version: 0, fields: { key_issues: 'Issues' }, women_present: 'about_half', gender_discussed: 'mentioned', file: true });
      assert.equal(r.status, 200, r.text);
      const stats = await api(server.base, 'GET', `/api/v1/editions/${s.edition}/reports/statistics`);
      assert.equal(stats.status, 200, stats.text);
      assert.equal(stats.json.sessions, 1);
      const { short, full } = stats.json.filing;
      assert.deepEqual([short.on_time, short.late, short.missing, short.due], [1, 0, 0, 0]);
      assert.equal(short.on_time_percent, 100);
      assert.equal(short.delay_hours.median, 10.5, 'filed at 21:30, the session ended at 11:00');
      assert.deepEqual([full.on_time, full.late, full.missing], [0, 1, 0]);
      assert.equal(full.delay_hours.p90, 337, 'fourteen days and an hour');
      assert.equal(stats.json.card.reports, 1);
      assert.equal(stats.json.card.women_present.about_half, 1);
      assert.equal(stats.json.card.gender_discussed.mentioned, 1);
      assert.equal(stats.json.card.women_present.none, 0);

      const across = await api(server.base, 'GET', '/api/v1/reports/statistics');
      assert.equal(across.status, 200, across.text);
      const mine = across.json.editions.find((e) => e.edition === s.edition);
      assert.equal(mine.name, 'IGF 2030');
      assert.ok(across.json.all.card.reports >= 1);
      assert.ok(across.json.all.filing.full.late >= 1);

      const visitor = new Visitor(server.base);
      const page = await visitor.get(`/editions/${s.edition}/reports/statistics`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<h1>Session reports in figures<\/h1>/);
      assert.match(page.text, /About half<\/th><td>1<\/td><td>100\.0%/);
      assert.match(page.text, /10\.5 hours/);
      const all = await visitor.get('/reports/statistics');
      assert.equal(all.status, 200);
      assert.match(all.text, /IGF 2030/);
    });
  });
}
