// Searching every transcript's turns, on each engine with the same answers: each script
// found with and without its accents or marks (French, Russian, Arabic, Chinese without
// spaces), phrases, left-out words, OR; the filters (edition, session type, room,
// speaker, stakeholder group, dates); hostile queries and parameters are a 200 or a 400
// naming the parameter, never a 500; the words found are marked and the turn's text
// escaped; turns stored before the index are indexed at startup; and, when the seeds are
// there, a phrase read from a seed at test time is found at its turn.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, engines, cli } from '../support/server.mjs';
import { api } from '../support/client.mjs';

// Our own transcripts in the forum's format (never the seeds' text).
const rivers = [
  'IGF 2034 - Day 2 - Room 4 - Open Forum on Rivers',
  '',
  '12 June 2034',
  '',
  '>> CHAIR NOOR SALEH: Bienvenue à l\'École de la gouvernance. Nous sommes déjà prêts.',
  '>> IVAN PETROV: Ёлка и ЕЛКА: мой доклад о сетях.',
  '>> LAYLA HASSAN: مُنْتَدَى حَوْكَمَةِ الْإِنْتَرْنِتْ يبدأ الآن',
  '>> WANG FANG: 我们讨论互联网治理论坛的未来。',
  '>> MARTA McKINNON: The river co-operation works, said <script>alert(1)</script> & Co.',
  '>> Anyone: NEAR the "river" * ^ (brackets): colons.',
  '',
].join('\n');

const dams = [
  'IGF 2035 - Day 1 - Salle XI - Workshop on Dams',
  '',
  '3 March 2035',
  '',
  '>> CHAIR ST. AMOUR: The river dams are the topic. Ecole is a word here too.',
  '>> LYNN ST. AMOUR: Dams hold the river; the منتدى meets.',
  '>> MODERATOR: Thank you.',
  '',
].join('\n');

const seeds = '../shared/seeds';

// SQL where no action of the server does it within this test (linking a speaker's label
// to a person belongs to the speakers' pages): SQLite through Python, PostgreSQL by psql.
function sql(server, statement) {
  if (server.engine === 'sqlite')
    execFileSync('/usr/bin/python3', ['-c',
      'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],timeout=30)\nc.execute(sys.argv[2])\nc.commit()',
      server.databaseUrl.replace(/^sqlite:/, ''), statement]);
  else execFileSync('psql', [server.databaseUrl, '-q', '-c', statement]);
}

for (const engine of engines()) {
  describe(`searching the transcripts on ${engine}`, () => {
    let server, e1, e2, t1, t2;
    const search = (params) => api(server.base, 'GET', '/api/v1/transcripts/search?' + new URLSearchParams(params));
    // The turns found, as "transcript:number".
    const found = async (params) => {
      const r = await search(params);
      assert.equal(r.status, 200, `${JSON.stringify(params)}: ${r.text}`);
      return r.json.results.map((x) => `${x.transcript.id}:${x.number}`).sort();
    };
    const page = async (path) => {
      const r = await fetch(server.base + path);
      return { status: r.status, text: await r.text() };
    };

    before(async () => {
      server = await startServer(engine);
      const as = (method, p, body, headers) => api(server.base, method, p, { token: server.admin.token, body, headers });
      e1 = (await as('POST', '/api/v1/editions', { name: 'IGF Rivers', year: 2034, start_date: '2034-06-11', end_date: '2034-06-14', time_zone: 'UTC', venue: 'Oslo' })).json.id;
      e2 = (await as('POST', '/api/v1/editions', { name: 'IGF Dams', year: 2035, start_date: '2035-03-02', end_date: '2035-03-05', time_zone: 'UTC', venue: 'Lima' })).json.id;
      assert.equal((await as('POST', `/api/v1/editions/${e1}/timetable/sessions`, { code: 'OF7', title: 'Open Forum on Rivers', session_type: 'open_forum', duration: 60 })).status, 201);
      assert.equal((await as('POST', `/api/v1/editions/${e2}/timetable/sessions`, { code: 'WS3', title: 'Workshop on Dams', session_type: 'workshop', duration: 90 })).status, 201);
      const add = async (edition, text, session) => {
        const r = await as('POST', `/api/v1/editions/${edition}/transcripts?session=${session}`, text, { 'content-type': 'text/plain; charset=utf-8' });
        assert.equal(r.status, 201, r.text);
        return r.json.id;
      };
      t1 = await add(e1, rivers, 'OF7');
      t2 = await add(e2, dams, 'WS3');
    });
    after(async () => { await server.stop(); });

    test('every script is found with and without its accents and marks', async () => {
      const chair = [`${t1}:1`];
      for (const q of ['ecole', 'École', 'ÉCOLE', 'deja', 'déjà prets', 'gouvernance'])
        assert.deepEqual(await found({ q, edition: e1 }), chair, q);
      // The other edition says "Ecole" without its accent: found by "école" too.
      assert.deepEqual(await found({ q: 'école' }), [`${t1}:1`, `${t2}:1`]);
      // Russian: case, and ё read as е.
      for (const q of ['елка', 'ёлка', 'ЕЛКА', 'Ёлка доклад'])
        assert.deepEqual(await found({ q }), [`${t1}:2`], q);
      assert.deepEqual(await found({ q: 'мои' }), [], 'й stays apart from и');
      // Arabic with harakat found without them, and the reverse.
      assert.deepEqual(await found({ q: 'حوكمة الانترنت' }), [`${t1}:3`]);
      assert.deepEqual(await found({ q: 'منتدى' }), [`${t1}:3`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'مُنْتَدَى' }), [`${t1}:3`, `${t2}:2`]);
      // Chinese without spaces: any run of the text's characters, not the same characters apart.
      for (const q of ['互联网', '治理论坛', '互联网治理论坛的未来', '论坛'])
        assert.deepEqual(await found({ q }), [`${t1}:4`], q);
      assert.deepEqual(await found({ q: '互治' }), []);
    });

    test('phrases, left-out words and OR', async () => {
      assert.deepEqual(await found({ q: '"river co-operation"' }), [`${t1}:5`]);
      assert.deepEqual(await found({ q: 'co-operation' }), [`${t1}:5`]);
      assert.deepEqual(await found({ q: '"co-operation river"' }), []);
      assert.deepEqual(await found({ q: '“river dams”' }), [`${t2}:1`]);
      assert.deepEqual(await found({ q: 'river' }), [`${t1}:5`, `${t1}:6`, `${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river -dams' }), [`${t1}:5`, `${t1}:6`]);
      assert.deepEqual(await found({ q: 'river -"river dams"' }), [`${t1}:5`, `${t1}:6`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'dams OR доклад' }), [`${t1}:2`, `${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river dams OR works' }), [`${t1}:5`, `${t2}:1`, `${t2}:2`]);
      const r = await search({ q: 'River  "CO-OPERATION works" -Dams' });
      assert.equal(r.json.query, 'river "co operation works" -dams');
    });

    test('the filters: edition, session type, room, speaker, stakeholder group, dates', async () => {
      const all = [`${t1}:5`, `${t1}:6`, `${t2}:1`, `${t2}:2`];
      assert.deepEqual(await found({ q: 'river' }), all);
      assert.deepEqual(await found({ q: 'river', edition: e2 }), [`${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river', session_type: 'open_forum' }), [`${t1}:5`, `${t1}:6`]);
      assert.deepEqual(await found({ q: 'river', session_type: 'town_hall' }), []);
      assert.deepEqual(await found({ q: 'river', room: 'Salle XI' }), [`${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river', room: 'Nowhere' }), []);
      // A speaker by whole words of the label: both labels of St. Amour.
      assert.deepEqual(await found({ q: 'river', speaker: 'amour' }), [`${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river', speaker: 'Lynn St. Amour' }), [`${t2}:2`]);
      assert.deepEqual(await found({ q: 'river', speaker: 'amou' }), []);
      assert.deepEqual(await found({ q: 'river', from: '2035-01-01' }), [`${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: 'river', to: '2034-12-31' }), [`${t1}:5`, `${t1}:6`]);
      assert.deepEqual(await found({ q: 'river', from: '2034-06-12', to: '2034-06-12' }), [`${t1}:5`, `${t1}:6`]);
      // Linked to a person (of a stakeholder group), the label is found by the person's name too.
      sql(server, "INSERT INTO people (name, stakeholder_group, gender, first_time) VALUES ('Marta Kowalska McKinnon', 'civil_society', 'woman', 0)");
      sql(server, "INSERT INTO speaker_links (label_key, person_id, linked_at) SELECT 'marta mckinnon', id, '2034-06-12T10:00:00Z' FROM people WHERE name = 'Marta Kowalska McKinnon'");
      assert.deepEqual(await found({ q: 'river', stakeholder_group: 'civil_society' }), [`${t1}:5`]);
      assert.deepEqual(await found({ q: 'river', stakeholder_group: 'government' }), []);
      assert.deepEqual(await found({ q: 'river', speaker: 'kowalska' }), [`${t1}:5`]);
      const person = (await search({ q: 'river', speaker: 'kowalska' })).json.results[0];
      assert.equal(person.person, 'Marta Kowalska McKinnon');
      assert.equal(person.session.code, 'OF7');
      assert.equal(person.session.type, 'open_forum');
      assert.equal(person.transcript.date, '2034-06-12');
      assert.equal(person.transcript.room, 'Room 4');
      assert.equal(person.url, `/editions/${e1}/transcripts/${t1}#turn-5`);
    });

    test('the words found are marked; the text stays text', async () => {
      const r = await search({ q: 'script alert' });
      assert.equal(r.json.results.length, 1);
      const pieces = r.json.results[0].excerpt.pieces;
      assert.deepEqual(pieces.filter((p) => p.marked).map((p) => p.text), ['script', 'alert', 'script']);
      assert.equal(pieces.map((p) => p.text).join(''), r.json.results[0].text);
      const html = await page('/transcripts/search?q=script');
      assert.equal(html.status, 200);
      assert.match(html.text, /&lt;<mark>script<\/mark>&gt;alert\(1\)&lt;\/<mark>script<\/mark>&gt;/);
      assert.doesNotMatch(html.text, /<script>alert/);
      assert.match(html.text, new RegExp(`href="/editions/${e1}/transcripts/${t1}#turn-5"`));
      // Accents marked where written: "ecole" marks "École".
      const french = await page(`/transcripts/search?q=ecole+deja&edition=${e1}`);
      assert.match(french.text, /l(&apos;|&#39;|')<mark>École<\/mark>/);
      assert.match(french.text, /<mark>déjà<\/mark>/);
      const chinese = await page('/transcripts/search?q=' + encodeURIComponent('互联网治理'));
      assert.match(chinese.text, /我们讨论<mark>互联网治理<\/mark>论坛/);
    });

    test('hostile queries and parameters are a 200 or a 400 naming the parameter, never a 500', async () => {
      const hostile = ['"', '""', '"river', 'river"', '*', 'riv*', '-', '--', '-river', 'NEAR(river dams)', 'NEAR/3', 'river NEAR dams',
        'river AND', 'OR', 'OR OR OR', 'a OR', '(', ')', '((river)', 'col:umn', 'search_text:river', '^river', 'river^2', '{river}',
        "'; DROP TABLE transcripts; --", '\\', '%', '_', '\u0000', 'river\u0007', '\ud800'.normalize(), '🙂', 'ﷺ', 'x'.repeat(401),
        Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), '"' + 'a '.repeat(33) + '"', '中'.repeat(40), ' '];
      for (const q of hostile) {
        const r = await search({ q });
        assert.ok([200, 400].includes(r.status), `${JSON.stringify(q)}: ${r.status} ${r.text}`);
        if (r.status === 400) assert.deepEqual(r.json.errors.map((e) => e.field), ['q'], JSON.stringify(q));
        const html = await page('/transcripts/search?' + new URLSearchParams({ q }));
        assert.ok([200, 400].includes(html.status), `page ${JSON.stringify(q)}: ${html.status}`);
      }
      // Bytes that are not UTF-8 in the address.
      for (const raw of ['q=%FF%FE', 'q=river&speaker=%C3', 'q=river&room=%80', 'q=%C3%28']) {
        const r = await fetch(`${server.base}/api/v1/transcripts/search?${raw}`, { headers: { accept: 'application/json' } });
        assert.equal(r.status, 400, raw);
        const html = await fetch(`${server.base}/transcripts/search?${raw}`);
        assert.equal(html.status, 400, raw);
        assert.match(await html.text(), /There is a problem/);
      }
      const named = async (params, field) => {
        const r = await search(params);
        assert.equal(r.status, 400, JSON.stringify(params));
        assert.deepEqual(r.json.errors.map((e) => e.field), [field], JSON.stringify(params));
      };
      await named({}, 'q');
      await named({ q: '-only -out' }, 'q');
      await named({ q: 'river', edition: 'one' }, 'edition');
      await named({ q: 'river', edition: '-1' }, 'edition');
      await named({ q: 'river', session_type: "workshop' OR 1=1" }, 'session_type');
      await named({ q: 'river', stakeholder_group: 'robots' }, 'stakeholder_group');
      await named({ q: 'river', from: '2034-13-01' }, 'from');
      await named({ q: 'river', to: 'tomorrow' }, 'to');
      await named({ q: 'river', from: '2035-01-01', to: '2034-01-01' }, 'to');
      await named({ q: 'river', page: '0' }, 'page');
      await named({ q: 'river', page: '51' }, 'page');
      await named({ q: 'river', per_page: '1000' }, 'per_page');
      await named({ q: 'river', person: 'x' }, 'person');
      await named({ q: 'river', speaker: 'x'.repeat(201) }, 'speaker');
      // Filters that match nothing are no error.
      assert.deepEqual(await found({ q: 'river', edition: '999999' }), []);
      assert.deepEqual(await found({ q: 'river', speaker: '%' }), await found({ q: 'river' }));
      // The page shows the refusal on its field, the search kept in the box.
      const html = await page('/transcripts/search?q=' + encodeURIComponent('-only -out') + '&from=soon');
      assert.equal(html.status, 400);
      assert.match(html.text, /<a href="#field-q">Add a word to find/);
      assert.match(html.text, /<a href="#field-from">Give the date as year-month-day/);
      assert.match(html.text, /<input id="field-q" name="q" type="search" value="-only -out"/);
    });

    test('results come a page at a time', async () => {
      let r = await search({ q: 'river', per_page: '3' });
      assert.equal(r.json.results.length, 3);
      assert.equal(r.json.more, true);
      assert.match(r.json.next, /page=2/);
      const next = await api(server.base, 'GET', r.json.next);
      assert.equal(next.json.results.length, 1);
      assert.equal(next.json.more, false);
      const seen = [...r.json.results, ...next.json.results].map((x) => x.turn);
      assert.equal(new Set(seen).size, 4);
      r = await search({ q: 'river', page: '9' });
      assert.deepEqual(r.json.results, []);
      // Past the newest 1,000 matches, which are all that is ranked: an empty page at once.
      r = await search({ q: 'river', page: '50', per_page: '50' });
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.results, []);
      assert.equal(r.json.more, false);
      const html = await page('/transcripts/search?q=river&per_page=3');
      assert.match(html.text, /<a href="\/transcripts\/search\?q=river&amp;per_page=3&amp;page=2" rel="next">Next page<\/a>/);
      const second = await page('/transcripts/search?q=river&per_page=3&page=2');
      assert.match(second.text, /<ol class="search-results" start="4">/);
      assert.match(second.text, /rel="prev">Previous page/);
    });

    test('the page without a search, and the archive leading to it', async () => {
      let html = await page('/transcripts/search');
      assert.equal(html.status, 200);
      assert.match(html.text, /<form method="get" action="\/transcripts\/search"/);
      assert.doesNotMatch(html.text, /Turns found/);
      assert.match(html.text, /<option value="workshop">Workshop<\/option>/);
      assert.match(html.text, /<option value="Salle XI">Salle XI<\/option>/);
      assert.match(html.text, new RegExp(`<option value="${e2}">IGF Dams</option>`));
      html = await page(`/editions/${e1}/transcripts`);
      assert.match(html.text, /<form method="get" action="\/transcripts\/search"/);
      assert.match(html.text, new RegExp(`<input type="hidden" name="edition" value="${e1}">`));
      html = await page(`/transcripts/search?q=nothing+here&edition=${e1}`);
      assert.match(html.text, /No turn has these words under these filters/);
      assert.match(html.text, new RegExp(`<a href="/editions/${e1}/transcripts">Transcripts</a>`));
    });

    test('turns stored before the index are indexed when the server starts', async () => {
      sql(server, 'UPDATE transcript_turns SET search_text = NULL');
      assert.deepEqual(await found({ q: 'river' }), []);
      await server.stop({ keepDatabase: true });
      server = await startServer(engine, { again: server });
      assert.deepEqual(await found({ q: 'river' }), [`${t1}:5`, `${t1}:6`, `${t2}:1`, `${t2}:2`]);
      assert.deepEqual(await found({ q: '互联网' }), [`${t1}:4`]);
    });

    test('a phrase read from a seed transcript is found at its turn', { skip: !existsSync(seeds) && 'no ../shared/seeds' }, async () => {
      const edition = (await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'Seeds', year: 2018, start_date: '2018-11-12', end_date: '2018-11-14', time_zone: 'UTC', venue: 'Paris' } })).json.id;
      const files = readdirSync(seeds).filter((f) => /^00[0-3]_/.test(f)).sort();
      for (const f of files) cli(server.databaseUrl, ['import', 'transcript', join(seeds, f), '--into', String(edition)]);
      for (const f of files) {
        // The turns as the file has them: each line that begins with ">>" (after spaces).
        const lines = readFileSync(join(seeds, f), 'utf8').split(/\r\n|\r|\n/);
        const turns = lines.filter((l) => l.replace(/^[\s\u00a0]+/, '').startsWith('>>'));
        // A turn in the middle with words enough: four words near the end of its first
        // line (past the speaker's label) as a phrase.
        const at = turns.findIndex((l, i) => i >= turns.length / 2 && l.trim().split(/\s+/).length >= 14);
        const words = turns[at].trim().split(/\s+/).slice(-7, -3);
        const r = await search({ q: `"${words.join(' ')}"`, edition, per_page: '50' });
        assert.equal(r.status, 200);
        const hit = r.json.results.find((x) => x.number === at + 1);
        assert.ok(hit, `${f}: "${words.join(' ')}" at turn ${at + 1}; found ${r.json.results.map((x) => x.number)}`);
        assert.ok(hit.excerpt.pieces.some((p) => p.marked));
      }
    });
  });
}
