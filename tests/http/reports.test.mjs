// Session reports over HTTP on both engines: the Secretariat's template and deadlines
// (page and API, bad values named), the rapporteur filing the short and the full report
// (drafts, limits named with the draft kept, a stale version told with both kept, a late
// filing taken and marked late), who may file and read drafts, the published report on
// the public session page and imported reports of past years, and the screening rule of
// the next edition declining an organiser whose report came late.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { csrfPair, proposer, setCall, workshop, person } from '../support/proposals.mjs';
import { publishedSession, sessionPeople } from '../support/reports.mjs';

const words = (n) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

for (const engine of engines()) {
  describe(`session reports on ${engine}`, () => {
    let server, rita, olu, otto, past, future, dir, seed, people;
    const as = (who, method, path, body) => api(server.base, method, path, { token: who?.token, body });
    const report = (s, rest = '') => `/api/v1/editions/${s.edition}/programme/${s.code}/report${rest}`;
    const fields = (r) => (r.json.errors ?? []).map((e) => e.field);

    before(async () => {
      server = await startServer(engine, { testHooks: true });
      dir = mkdtempSync(join(tmpdir(), 'convene-reports-'));
      rita = await proposer(server, 'Rita Rapporteur');
      olu = await proposer(server, 'Olu Organiser');
      otto = await proposer(server, 'Otto Outsider');
      // The people of the sessions come from a proposal that names them (a draft will do).
      ({ seed, people } = await sessionPeople(server, { organiser: olu, rapporteur: rita }));
      // A session of last year (its deadlines are over) and one of next year (still due).
      past = await publishedSession(server, { name: 'IGF 2025', year: 2025, code: 'WS1', people });
      future = await publishedSession(server, { name: 'IGF 2027', year: 2027, code: 'WS2', people });
    });
    after(async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); });

    test('the template and deadlines: the 2015 template by default, set by the Secretariat, bad values named', async () => {
      const url = `/api/v1/editions/${future.edition}/reports/settings`;
      let r = await as(server.admin, 'GET', url);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.fields.map((f) => f.key), ['key_issues', 'presentations', 'discussions', 'way_forward']);
      assert.equal(r.json.short_hours, 12);
      assert.equal(r.json.full_days, 14);
      for (const [body, field] of [[{ short_hours: 0 }, 'short_hours'], [{ full_days: 'two weeks' }, 'full_days'],
        [{ fields: [] }, 'fields'], [{ fields: [{ label: 'A', word_limit: -3 }] }, 'fields[0].word_limit'],
        [{ colour: 'red' }, 'colour'], [[1, 2], '']]) {
        r = await as(server.admin, 'PUT', url, body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.deepEqual(fields(r), [field], JSON.stringify(body));
      }
      assert.equal((await as(rita, 'PUT', url, { short_hours: 6 })).status, 403);
      assert.equal((await as(rita, 'GET', url)).status, 403);
      const fresh = r = await as(server.admin, 'GET', url);
      r = await as(server.admin, 'PUT', url, { ...fresh.json, fields: fresh.json.fields.map((f) => (f.key === 'key_issues' ? { ...f, word_limit: 20 } : f)) });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.fields[0].word_limit, 20);
      // The page: the same settings, a bad number named by its box and kept.
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      const page = await secretariat.get(`/editions/${future.edition}/reports/settings`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Key issues/);
      const bad = await secretariat.post(`/editions/${future.edition}/reports/settings`, { short_hours: 'soon', full_days: '14', key_message_words: '60', label_0: 'Key issues', key_0: 'key_issues', words_0: '20', hint_0: '' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /Give a whole number/);
      assert.match(bad.text, /value="soon"/, 'what was typed is kept');
    });

    test('who files: the rapporteur and the organisers, the Secretariat; nobody else, and drafts stay theirs', async () => {
      const nobody = await api(server.base, 'PUT', report(future, '/short'), { body: { version: 0, key_messages: ['x'] }, headers: csrfPair() });
      assert.equal(nobody.status, 401);
      assert.equal((await as(otto, 'PUT', report(future, '/short'), { version: 0, key_messages: ['x'] })).status, 403);
      let r = await as(rita, 'PUT', report(future, '/short'), { version: 0, key_messages: ['A draft message'] });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.short.status, 'due');
      assert.equal(r.json.short.version, 1);
      r = await as(olu, 'GET', report(future));
      assert.equal(r.json.may_file, true);
      assert.deepEqual(r.json.short.content.key_messages, ['A draft message'], 'the organiser reads the draft');
      r = await as(otto, 'GET', report(future));
      assert.equal(r.json.may_file, false);
      assert.equal(r.json.short.content, undefined, 'a draft is not public');
      assert.equal(r.json.versions, undefined);
      r = await as(null, 'GET', report(future));
      assert.equal(r.status, 200);
      assert.equal(r.json.short.content, undefined);
      const outsider = new Visitor(server.base);
      await outsider.signIn(otto.email, 'a long enough password');
      assert.equal((await outsider.get(`/editions/${future.edition}/programme/WS2/report`)).status, 403);
      assert.equal((await as(server.admin, 'GET', report(future))).json.versions.length, 1);
      assert.equal((await as(rita, 'GET', `/api/v1/editions/${future.edition}/programme/NOPE/report`)).status, 404);
    });

    test('over the limits: named, and what was typed is kept as a draft', async () => {
      let r = await as(rita, 'PUT', report(future, '/short'), { version: 1, key_messages: ['one', 'two', 'three', 'four'], file: true });
      assert.equal(r.status, 422, r.text);
      assert.deepEqual(fields(r), ['key_messages']);
      assert.equal(r.json.short.status, 'due', 'not filed');
      assert.equal(r.json.short.version, 2);
      assert.deepEqual(r.json.short.content.key_messages, ['one', 'two', 'three', 'four'], 'kept as a draft');
      r = await as(rita, 'PUT', report(future, '/full'), { version: 0, fields: { key_issues: words(21) }, women_present: 'about_half', gender_discussed: 'mentioned', file: true });
      assert.equal(r.status, 422, r.text);
      assert.deepEqual(fields(r), ['fields.key_issues']);
      assert.equal(r.json.full.content.fields.key_issues, words(21));
      for (const [body, field] of [[{ version: 'one' }, 'version'], [{ version: 1, file: 'yes' }, 'file'],
        [{ version: 1, key_messages: 'one' }, 'key_messages'], [{ version: 1, key_messages: ['ok', 7] }, 'key_messages[1]'],
        [{ version: 1, colour: 'red' }, 'colour']]) {
        r = await as(rita, 'PUT', report(future, '/short'), body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.deepEqual(fields(r), [field], JSON.stringify(body));
      }
      r = await as(rita, 'PUT', report(future, '/full'), { version: 1, women_present: 'lots', file: false });
      assert.equal(r.status, 422);
      assert.deepEqual(fields(r), ['women_present']);
    });

    test('a second rapporteur saving over the first is told, and both versions are kept', async () => {
      let r = await as(rita, 'PUT', report(future, '/short'), { version: 2, key_messages: ['Rita says'] });
      assert.equal(r.status, 200, r.text);
      r = await as(olu, 'PUT', report(future, '/short'), { version: 2, key_messages: ['Olu says'] });
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.short.version, 3);
      assert.deepEqual(r.json.short.content.key_messages, ['Rita says'], 'the newer version stands');
      assert.deepEqual(r.json.yours.key_messages, ['Olu says']);
      const kept = r.json.versions.find((v) => v.action === 'conflict');
      assert.deepEqual(kept.content.key_messages, ['Olu says'], 'both versions are kept');
      assert.equal(kept.author, 'Olu Organiser');
      // The form says so too, with what was typed still in its box.
      const form = new Visitor(server.base);
      await form.signIn(olu.email, 'a long enough password');
      const page = await form.get(`/editions/${future.edition}/programme/WS2/report`);
      assert.equal(page.status, 200);
      const posted = await form.post(`/editions/${future.edition}/programme/WS2/report/short`, { version: '2', key_message_1: 'Typed by Olu in the form', intent: 'draft' });
      assert.equal(posted.status, 409);
      assert.match(posted.text, /Someone saved a newer version/);
      assert.match(posted.text, /Typed by Olu in the form/);
      assert.match(posted.text, /Rita says/);
    });

    test('filing on time publishes the report on the session page; the speakers come prefilled', async () => {
      const rapporteur = new Visitor(server.base);
      await rapporteur.signIn(rita.email, 'a long enough password');
      const page = await rapporteur.get(`/editions/${future.edition}/programme/WS2/report`);
      assert.match(page.text, /Speaker 1 \(Speaker\)|Speaker 1 \(speaker\)/i);
      let r = await as(rita, 'PUT', report(future, '/short'), { version: 3, key_messages: ['Connectivity needs local funds', 'Schools first'], file: true });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.short.status, 'filed');
      assert.equal(r.json.late, false);
      const current = (await as(rita, 'GET', report(future))).json.full.version;
      r = await as(rita, 'PUT', report(future, '/full'), {
        version: current, file: true, speakers: 'Speaker 1, Example Institute\nSpeaker 2',
        fields: { key_issues: 'Access is **uneven**. <script>alert(1)</script>', discussions: 'A [link](javascript:alert(1)) and a list:\n\n- one\n- two' },
        women_present: 'more_than_half', gender_discussed: 'main_topic',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.full.status, 'filed');
      const pub = await api(server.base, 'GET', `/editions/${future.edition}/programme/WS2`);
      assert.equal(pub.status, 200);
      assert.match(pub.text, /Go to the report/);
      assert.match(pub.text, /Connectivity needs local funds/);
      assert.match(pub.text, /<strong>uneven<\/strong>/);
      assert.doesNotMatch(pub.text, /<script>alert/);
      assert.doesNotMatch(pub.text, /href="javascript/);
      assert.match(pub.text, /More than half of the participants were women/);
      assert.match(pub.text, /It was a main topic of the session/);
      assert.match(pub.text, /Reported by/);
      assert.match(pub.text, /Rita Rapporteur/);
      const list = await api(server.base, 'GET', `/api/v1/editions/${future.edition}/reports`);
      assert.equal(list.json.reports[0].code, 'WS2');
      assert.equal(list.json.reports[0].full, 'filed');
      // Public now: anyone reads the filed parts.
      r = await as(null, 'GET', report(future));
      assert.deepEqual(r.json.short.content.key_messages, ['Connectivity needs local funds', 'Schools first']);
    });

    test("the live room's queue: its speakers prefill the list, its measured share of women beside the card", async () => {
      const rooms = `/api/v1/editions/${past.edition}/live-rooms`;
      const opened = await as(server.admin, 'POST', rooms, { kind: 'session', session: past.session, chairs: [otto.email] });
      assert.equal(opened.status, 201, opened.text);
      const room = opened.json.id;
      assert.equal((await as(rita, 'POST', `${rooms}/${room}/queue`, { where: 'onsite', gender: 'woman' })).status, 201);
      assert.equal((await as(olu, 'POST', `${rooms}/${room}/queue`, { where: 'onsite' })).status, 201, 'no gender given: the linked person says');
      for (const action of ['next', 'next', 'close_room'])
        assert.equal((await as(otto, 'POST', `${rooms}/${room}/chair`, { action })).status, 200, action);
      const r = await as(rita, 'GET', report(past));
      assert.equal(r.json.queue.turns, 2);
      assert.equal(r.json.queue.women_turns, 1);
      assert.equal(r.json.queue.unknown_turns, 0);
      assert.equal(r.json.queue.women_speakers_percent, 50);
      const form = new Visitor(server.base);
      await form.signIn(rita.email, 'a long enough password');
      const page = await form.get(`/editions/${past.edition}/programme/WS1/report`);
      assert.match(page.text, /Olu Organiser \(spoke from the floor\)/);
      assert.match(page.text, /Measured in the session's speaking queue: 50% of the 2 speakers and 50% of the 2 turns/);
    });

    test('a report posted with an expired form token comes back filled: nothing typed is lost', async () => {
      const v = new Visitor(server.base);
      await v.signIn(rita.email, 'a long enough password');
      await v.get(`/editions/${future.edition}/programme/WS2/report`);
      const stale = await v.post(`/editions/${future.edition}/programme/WS2/report/full`, { version: '1', field_way_forward: 'Typed while the token expired', intent: 'draft' }, { csrf: 'f'.repeat(64) });
      assert.equal(stale.status, 303);
      assert.match(stale.headers.get('location'), /^\/kept\/[0-9a-f]{64}$/);
      const refill = await v.get(stale.headers.get('location'));
      assert.match(refill.headers.get('location'), new RegExp(`^/editions/${future.edition}/programme/WS2/report/full\\?kept=`));
      const form = await v.get(refill.headers.get('location'));
      assert.equal(form.status, 200);
      assert.match(form.text, /Typed while the token expired/);
      assert.match(form.text, /nothing was saved yet/);
    });

    test('after the deadline a report is filed, marked late and counted so', async () => {
      let r = await as(rita, 'PUT', report(past, '/full'), { version: 0, file: true, fields: { key_issues: 'Late but here.' }, women_present: 'a_few', gender_discussed: 'not_raised' });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.late, true);
      assert.equal(r.json.full.status, 'late');
      assert.equal(r.json.short.status, 'missing');
      const pub = await api(server.base, 'GET', `/editions/${past.edition}/programme/WS1`);
      assert.match(pub.text, /filed after its deadline/);
      const compliance = await as(server.admin, 'GET', `/api/v1/editions/${past.edition}/reports/compliance`);
      assert.equal(compliance.status, 200, compliance.text);
      assert.equal(compliance.json.all.late, 1);
      assert.equal(compliance.json.by_organiser[0].late, 1);
      assert.equal((await as(rita, 'GET', `/api/v1/editions/${past.edition}/reports/compliance`)).status, 403);
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      const page = await secretariat.get(`/editions/${past.edition}/reports/compliance`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Filed late/);
    });

    test('the next edition declines the organiser whose report came late', async () => {
      const next = (await as(server.admin, 'POST', '/api/v1/editions', { name: 'IGF 2028', year: 2028, start_date: '2028-06-01', end_date: '2028-06-04', time_zone: 'UTC', venue: 'Oslo' })).json.id;
      await as(server.admin, 'POST', `/api/v1/editions/${next}/themes`, { name: 'Access', description: '' });
      await setCall(server, next, { closesInSeconds: 86400 });
      const body = { ...workshop('Access'), submit: true };
      body.organisers = [person('Olu Organiser', { email: olu.email })];
      const submitted = await as(olu, 'POST', `/api/v1/editions/${next}/proposals`, body);
      assert.equal(submitted.status, 201, submitted.text);
      const run = await as(server.admin, 'POST', `/api/v1/editions/${next}/screening`);
      assert.equal(run.status, 200, run.text);
      const mine = run.json.results.find((x) => x.proposal === submitted.json.id || x.proposal === String(submitted.json.id));
      assert.ok(mine, JSON.stringify(run.json.results));
      const missing = mine.failures.filter((f) => f.code === 'missing_previous_report');
      assert.equal(missing.length, 1, JSON.stringify(mine.failures));
      assert.match(missing[0].message, /Session WS1/, 'the late one; WS2 was on time');
    });

    test('imported reports of past years are shown the same way, every wording of the card read', async () => {
      const file = join(dir, 'page.txt');
      writeFileSync(file, '(No.85) Quo Vadis\nWorkshop Theme:\nTaking Stock\nConcise Description of Workshop:\nAbout it.\nOrganiser(s) Name:\nExample Caucus [Civil Society]\nSubmitted Workshop Panelists:\nMs. Ana Lima, Professor, University [Confirmed, Civil Society, WEOG]\nGender Report Card\nPlease estimate the overall number of women participants present at the session:\nThere were more women than men\nTo what extent did the session discuss gender equality and/or women\'s empowerment?:\nIt was mentioned briefly\nReported by:\nAna Lima\nA brief substantive summary and the main issues that were raised:\nWe talked.\nConclusions and further comments:\nWe agreed.\n');
      const page = JSON.parse(cli(server.databaseUrl, ['import', 'workshop-page', file, '--into', String(seed)]));
      assert.equal(page.report.women_present, 'more_than_half');
      assert.equal(page.report.gender_discussed, 'mentioned');
      assert.ok(!page.unread.some((u) => /more women than men/.test(u)), JSON.stringify(page.unread));
      const list = await api(server.base, 'GET', `/api/v1/editions/${seed}/reports`);
      assert.equal(list.json.imported[0].number, 85);
      const shown = await api(server.base, 'GET', `/editions/${seed}/reports/imported/85`);
      assert.equal(shown.status, 200);
      assert.match(shown.text, /Go to the report/);
      assert.match(shown.text, /Gender report card/);
      assert.match(shown.text, /More than half of the participants were women/);
      assert.match(shown.text, /Ana Lima/);
      assert.match(shown.text, /We agreed\./);
      assert.equal((await api(server.base, 'GET', `/editions/${seed}/reports/imported/86`)).status, 404);
      const json = await api(server.base, 'GET', `/api/v1/editions/${seed}/reports/imported/85`);
      assert.equal(json.json.women_present, 'more_than_half');
    });
  });
}
