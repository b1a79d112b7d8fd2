// The transcripts' speakers and who speaks: the Secretariat sees every label of an
// edition's transcripts (and of every edition's) with suggestions; a label linked once to
// a person holds in every transcript, of every edition; a role alone (MODERATOR) is never
// linked globally, only in one transcript; the statistics change at once; bad input is a
// 4xx naming the field; nobody else links. The seeds (../shared/seeds, skipped when
// absent): the chair's labels are suggested with the chair's own label.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { startServer, engines, cli } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';

// Our own transcripts in the forum's format (never the seeds' text). Words are counted
// by the server: each turn's text below has the number of words in its comment.
const opening = [
  'IGF 2034 - Day 1 - Room 2 - Opening of the Rivers Forum',
  '',
  '>> CHAIR NOOR SALEH: Good morning and welcome to all of you.', // 8
  '>> MODERATOR: Thank you, Chair.', // 3
  '>> MARTA McKINNON: The rivers need care.', // 4
  '>> Is this on?', // 3, not named
  '>> REMOTE INTERVENTION: From Nairobi, we agree.', // 4
  '>> CHAIR NOOR SALEH: Thanks.', // 1
  '',
].join('\n');
const closing = [
  'IGF 2034 - Day 3 - Room 2 - Closing of the Rivers Forum',
  '',
  '>> NOOR SALEH: We close the forum today.', // 5
  '>> MODERATOR: Last words, please.', // 3
  '>> MARTA MCKINNON: Thank you.', // 2
  '',
].join('\n');
const nextYear = '>> NOOR SALEH: A year later, again.\n>> PAUL OKAFOR: Yes.\n';

for (const engine of engines()) {
  describe(`transcript speakers and statistics on ${engine}`, () => {
    let server, edition, later, other, secretariatLater, t1, t2, t3, admin;
    const as = (who, method, p, body) => api(server.base, method, p, { token: who.token, body });
    const base = (e = edition) => `/api/v1/editions/${e}/transcripts`;
    const add = async (e, text) => {
      const r = await api(server.base, 'POST', base(e), { token: server.admin.token, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      assert.equal(r.status, 201, r.text);
      return r.json.id;
    };
    const fields = (r) => (r.json?.errors ?? []).map((e) => e.field);
    const transcript = async (e, id) => (await api(server.base, 'GET', `${base(e)}/${id}`)).json;
    const personOf = (t, label) => t.speakers.find((s) => s.label === label).person;
    const statistics = async (e = edition, id = null) => (await api(server.base, 'GET', `${base(e)}${id ? `/${id}` : ''}/statistics`)).json;

    before(async () => {
      server = await startServer(engine);
      const made = async (name, year) => (await as(server.admin, 'POST', '/api/v1/editions', { name, year, start_date: `${year}-06-01`, end_date: `${year}-06-04`, time_zone: 'UTC', venue: 'Oslo' })).json.id;
      edition = await made('IGF Rivers', 2034);
      later = await made('IGF Rivers Later', 2035);
      t1 = await add(edition, opening);
      t2 = await add(edition, closing);
      t3 = await add(later, nextYear);
      other = await proposer(server, 'Olly Other');
      const printed = cli(server.databaseUrl, ['user', 'add', '--email', 'later@test.example', '--name', 'Lea Later', '--role', 'admin', '--edition', String(later), '--password', 'a long enough password', '--token']);
      secretariatLater = { token: printed.match(/API token: (\w+)/)[1], email: 'later@test.example' };
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
    });
    after(async () => { await server.stop(); });

    test('every label of the edition, once for its spellings, with roles and a suggestion for the chair', async () => {
      const r = await as(server.admin, 'GET', `${base()}/speakers`);
      assert.equal(r.status, 200, r.text);
      const labels = Object.fromEntries(r.json.labels.map((l) => [l.label, l]));
      assert.deepEqual(Object.keys(labels).sort(), ['CHAIR NOOR SALEH', 'MARTA McKINNON', 'MODERATOR', 'NOOR SALEH', 'REMOTE INTERVENTION']);
      assert.deepEqual(labels['MARTA McKINNON'].spellings, ['MARTA MCKINNON']);
      assert.equal(labels['MARTA McKINNON'].transcripts, 2);
      assert.equal(labels['CHAIR NOOR SALEH'].role, 'chair');
      assert.equal(labels['CHAIR NOOR SALEH'].role_only, false);
      assert.equal(labels['CHAIR NOOR SALEH'].turns, 2);
      assert.equal(labels.MODERATOR.role_only, true);
      assert.equal(labels.MODERATOR.transcripts, 2);
      assert.equal(labels['REMOTE INTERVENTION'].role, 'remote_intervention');
      const chair = r.json.suggestions.find((s) => s.labels.includes('CHAIR NOOR SALEH'));
      assert.ok(chair, JSON.stringify(r.json.suggestions));
      assert.deepEqual([...chair.labels].sort(), ['CHAIR NOOR SALEH', 'NOOR SALEH']);
      assert.deepEqual(chair.new_person, { name: 'Noor Saleh' });
      assert.equal(chair.reasons[0].likeness, 'same_name');
      assert.match(chair.reasons[0].text, /^NOOR SALEH is the same name as CHAIR NOOR SALEH, written otherwise/);
      assert.ok(r.json.suggestions.every((s) => !s.labels.includes('MODERATOR') && !s.labels.includes('REMOTE INTERVENTION')));
      // Every edition's labels: the Secretariat of every edition only.
      const all = await as(server.admin, 'GET', `${base()}/speakers?scope=all`);
      assert.equal(all.status, 200);
      assert.ok(all.json.labels.some((l) => l.label === 'PAUL OKAFOR'));
      assert.equal(all.json.labels.find((l) => l.label === 'NOOR SALEH').transcripts, 2);
    });

    test('a label linked once holds in every transcript, of every edition, and the statistics change at once', async () => {
      const before = await statistics();
      assert.equal(before.words, 33);
      assert.equal(before.shares.chair, 27.3); // 9 of 33 words
      assert.equal(before.shares.remote_interventions, 12.1); // 4 of 33
      assert.equal(before.shares.not_named, 9.1); // 3 of 33
      assert.equal(before.shares.linked, 0);
      assert.equal(before.shares.women_of_linked, null);
      assert.equal(before.speakers.length, 5);

      let r = await as(server.admin, 'POST', `${base()}/speakers/links`, {
        labels: ['CHAIR NOOR SALEH', 'noor saleh'],
        new_person: { name: 'Noor Saleh', stakeholder_group: 'civil_society', gender: 'woman', country: 'KE' },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.person.created, true);
      assert.deepEqual(r.json.labels, ['chair noor saleh', 'noor saleh']);
      const noor = r.json.person.id;
      assert.equal(personOf(await transcript(edition, t1), 'CHAIR NOOR SALEH').id, noor);
      assert.equal(personOf(await transcript(edition, t2), 'NOOR SALEH').id, noor);
      assert.equal(personOf(await transcript(later, t3), 'NOOR SALEH').id, noor, 'another edition too');
      assert.equal(personOf(await transcript(edition, t1), 'MODERATOR'), null);

      const after = await statistics();
      assert.equal(after.speakers.length, 4, 'her two labels count as one speaker');
      assert.equal(after.speakers[0].person.name, 'Noor Saleh');
      assert.deepEqual([...after.speakers[0].labels].sort(), ['CHAIR NOOR SALEH', 'NOOR SALEH']);
      assert.equal(after.speakers[0].words, 14);
      assert.equal(after.shares.linked, 42.4); // 14 of 33
      assert.equal(after.shares.women_of_linked, 100);
      assert.equal(after.shares.chair, 27.3, 'the chair is counted by the label');
      const woman = after.by_gender.find((g) => g.value === 'woman');
      assert.equal(woman.words, 14);
      assert.equal(woman.label, 'Woman');
      assert.equal(after.by_region.find((g) => g.value === 'african').label, 'African Group');
      assert.equal(after.by_stakeholder_group.find((g) => g.value === 'civil_society').words, 14);
      assert.equal(after.by_gender.reduce((n, g) => n + g.words, 0), 33);
      assert.equal(Math.round(after.by_gender.reduce((n, g) => n + g.share, 0) * 10), 1000);
      // One transcript's figures, and the other edition's.
      const one = await statistics(edition, t2);
      assert.equal(one.transcripts, 1);
      assert.equal(one.speakers.find((s) => s.person?.id === noor).words, 5);
      assert.equal((await statistics(later)).shares.linked, 80); // 4 of 5 words

      // An existing person for another label; linking again replaces the link.
      r = await as(server.admin, 'POST', `${base()}/speakers/links`, { labels: ['MARTA McKINNON'], new_person: { name: 'Marta McKinnon', gender: 'woman' } });
      assert.equal(r.status, 201, r.text);
      const marta = r.json.person.id;
      r = await as(server.admin, 'POST', `${base()}/speakers/links`, { labels: ['MARTA MCKINNON'], person: marta });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.person.created, false);
      assert.equal((await statistics()).shares.linked, 60.6); // 20 of 33

      // Unlinking: the label counts as itself again, everywhere.
      r = await as(server.admin, 'POST', `${base()}/speakers/unlinks`, { labels: ['NOOR SALEH'] });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.unlinked, 1);
      assert.equal(personOf(await transcript(later, t3), 'NOOR SALEH'), null);
      assert.equal(personOf(await transcript(edition, t1), 'CHAIR NOOR SALEH').id, noor);
      r = await as(server.admin, 'POST', `${base()}/speakers/unlinks`, { labels: ['NOOR SALEH'] });
      assert.equal(r.json.unlinked, 0);
      r = await as(server.admin, 'POST', `${base()}/speakers/links`, { labels: ['NOOR SALEH'], person: noor });
      assert.equal(r.status, 200);
    });

    test('a role alone is linked in one transcript only, never for every transcript', async () => {
      const t = await transcript(edition, t1);
      const moderator = t.speakers.find((s) => s.label === 'MODERATOR');
      let r = await as(server.admin, 'POST', `${base()}/speakers/links`, { labels: ['MODERATOR'], new_person: { name: 'Mo Derator' } });
      assert.equal(r.status, 422, r.text);
      assert.deepEqual(fields(r), ['labels']);
      assert.match(r.json.errors[0].message, /MODERATOR is a role \(Moderator\), not a name: its person differs from session to session/);
      r = await as(server.admin, 'POST', `${base()}/speakers/links`, { labels: ['REMOTE INTERVENTION'], new_person: { name: 'Someone' } });
      assert.deepEqual(fields(r), ['labels']);
      r = await as(server.admin, 'POST', `${base()}/speakers/links`, { transcript: t1, speaker: moderator.id, new_person: { name: 'Mo Derator', gender: 'man', stakeholder_group: 'government', country: 'BR' } });
      assert.equal(r.status, 201, r.text);
      assert.equal(personOf(await transcript(edition, t1), 'MODERATOR').name, 'Mo Derator');
      assert.equal(personOf(await transcript(edition, t2), 'MODERATOR'), null, 'the other session\'s moderator is someone else');
      const s = await statistics(edition, t1);
      assert.equal(s.by_region.find((g) => g.value === 'grulac').words, 3);
      const labels = (await as(server.admin, 'GET', `${base()}/speakers`)).json.labels;
      const mod = labels.find((l) => l.label === 'MODERATOR');
      assert.equal(mod.person, null);
      assert.equal(mod.linked_in_transcripts, 1);
      // Unlinked in its transcript.
      r = await as(server.admin, 'POST', `${base()}/speakers/unlinks`, { transcript: t1, speaker: moderator.id });
      assert.equal(r.json.unlinked, 1);
      assert.equal(personOf(await transcript(edition, t1), 'MODERATOR'), null);
    });

    test('bad input is a 4xx naming the field, and nothing is kept of it', async () => {
      const link = (body) => as(server.admin, 'POST', `${base()}/speakers/links`, body);
      const valid = personOf(await transcript(edition, t1), 'CHAIR NOOR SALEH').id;
      const elsewhere = (await transcript(later, t3)).speakers[0].id;
      const people = async () => (await as(server.admin, 'GET', `${base()}/speakers`)).json;
      const cases = [
        [{ labels: 'NOOR SALEH', person: valid }, 'labels'],
        [{ labels: [5], person: valid }, 'labels'],
        [{ labels: [], person: valid }, 'labels'],
        [{}, 'labels'],
        [{ labels: ['NOBODY SAID THIS'], person: valid }, 'labels'],
        [{ labels: ['x'.repeat(5000)], person: valid }, 'labels'],
        [{ labels: ['NOOR SALEH'] }, 'person'],
        [{ labels: ['NOOR SALEH'], person: 999999 }, 'person'],
        [{ labels: ['NOOR SALEH'], person: 'twelve' }, 'person'],
        [{ labels: ['NOOR SALEH'], person: 1.5 }, 'person'],
        [{ labels: ['NOOR SALEH'], person: valid, new_person: { name: 'Two' } }, 'person'],
        [{ labels: ['NOOR SALEH'], new_person: { name: '' } }, 'new_person.name'],
        [{ labels: ['NOOR SALEH'], new_person: { name: 'Ana', gender: 'martian' } }, 'new_person.gender'],
        [{ labels: ['NOOR SALEH'], new_person: { name: 'Ana', country: 'XX' } }, 'new_person.country'],
        [{ labels: ['NOOR SALEH'], new_person: { name: 'Ana', stakeholder_group: 'cats' } }, 'new_person.stakeholder_group'],
        [{ labels: ['NOOR SALEH'], new_person: { name: 7 } }, 'new_person.name'],
        [{ labels: ['NOOR SALEH'], new_person: 'Ana' }, 'new_person'],
        [{ labels: ['NOOR SALEH'], transcript: t1, speaker: 1, person: valid }, 'transcript'],
        [{ transcript: 'abc', speaker: 1, person: valid }, 'transcript'],
        [{ transcript: t1, speaker: 99999999, person: valid }, 'speaker'],
        [{ transcript: t3, speaker: elsewhere, person: valid }, 'speaker'], // a transcript of another edition
        [{ labels: Array(51).fill('NOOR SALEH'), person: valid }, 'labels'],
      ];
      const count = (await people()).labels.length;
      for (const [body, field] of cases) {
        const r = await link(body);
        assert.equal(r.status, 422, `${JSON.stringify(body).slice(0, 80)}: ${r.status} ${r.text.slice(0, 200)}`);
        assert.deepEqual(fields(r), [field], JSON.stringify(body).slice(0, 80));
      }
      assert.equal((await people()).labels.length, count);
      // No person was made by a refused link with a good new person.
      const r = await link({ labels: ['NOOR SALEH', 'NOBODY SAID THIS'], new_person: { name: 'Stray Person' } });
      assert.equal(r.status, 422);
      const found = await admin.get(`/editions/${edition}/transcripts/speakers/label?key=noor%20saleh&find=stray`);
      assert.match(found.text, /Nobody of that name in the people records/);
      // Malformed bodies, unknown scopes.
      let bad = await api(server.base, 'POST', `${base()}/speakers/links`, { token: server.admin.token, body: '{"labels": [', headers: { 'content-type': 'application/json' } });
      assert.equal(bad.status, 400);
      bad = await as(server.admin, 'POST', `${base()}/speakers/links`, [1, 2]);
      assert.equal(bad.status, 400);
      bad = await as(server.admin, 'GET', `${base()}/speakers?scope=galaxy`);
      assert.equal(bad.status, 422);
      assert.deepEqual(fields(bad), ['scope']);
      bad = await as(server.admin, 'POST', `${base()}/speakers/unlinks`, { labels: ['MODERATOR'] });
      assert.deepEqual(fields(bad), ['labels']);
      assert.equal((await api(server.base, 'GET', `${base()}/999999/statistics`)).status, 404);
      assert.equal((await api(server.base, 'GET', `/api/v1/editions/999999/transcripts/statistics`)).status, 404);
    });

    test('only the Secretariat links, and only labels of its editions; anyone reads who speaks', async () => {
      const body = { labels: ['NOOR SALEH'], person: 1 };
      assert.equal((await api(server.base, 'GET', `${base()}/speakers`)).status, 401);
      assert.equal((await api(server.base, 'POST', `${base()}/speakers/links`, { body, headers: csrfPair() })).status, 401);
      assert.equal((await as(other, 'GET', `${base()}/speakers`)).status, 403);
      assert.equal((await as(other, 'POST', `${base()}/speakers/links`, body)).status, 403);
      assert.equal((await as(other, 'POST', `${base()}/speakers/unlinks`, body)).status, 403);
      // The Secretariat of the later edition: its own labels, not the other edition's.
      assert.equal((await as(secretariatLater, 'GET', `${base()}/speakers`)).status, 403);
      assert.equal((await as(secretariatLater, 'GET', `${base(later)}/speakers`)).status, 200);
      assert.equal((await as(secretariatLater, 'GET', `${base(later)}/speakers?scope=all`)).status, 403);
      let r = await as(secretariatLater, 'POST', `${base(later)}/speakers/links`, { labels: ['MARTA McKINNON'], new_person: { name: 'Not Mine' } });
      assert.equal(r.status, 403, r.text);
      r = await as(secretariatLater, 'POST', `${base(later)}/speakers/links`, { labels: ['PAUL OKAFOR'], new_person: { name: 'Paul Okafor' } });
      assert.equal(r.status, 201, r.text);
      // Statistics are public, as the transcripts.
      for (const path of [`${base()}/statistics`, `${base()}/${t1}/statistics`]) assert.equal((await api(server.base, 'GET', path)).status, 200);
      const visitor = new Visitor(server.base);
      for (const path of [`/editions/${edition}/transcripts/statistics`, `/editions/${edition}/transcripts/${t1}/statistics`]) {
        const page = await visitor.get(path);
        assert.equal(page.status, 200, path);
        assert.match(page.text, /<svg [^>]*role="img"/);
        assert.match(page.text, /<table class="chart-table">/);
        assert.doesNotMatch(page.text, /Link speakers to people/);
      }
      const gated = await visitor.get(`/editions/${edition}/transcripts/speakers`);
      assert.equal(gated.status, 303);
      assert.match(gated.headers.get('location'), /^\/login/);
    });

    test('the pages: suggestions in one click, a label page, a new person, a role in one transcript', async () => {
      // A fresh pair to suggest: a chair's label and a full name, in a new transcript.
      await add(edition, '>> CHAIR ADA OBI: Welcome.\n>> MADAM ADA OBI: Thank you all.\n>> ADAEZE OBI-EZE: Hello.\n');
      let page = await admin.get(`/editions/${edition}/transcripts/speakers`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<strong>CHAIR ADA OBI and MADAM ADA OBI<\/strong> → a new person, Ada Obi/);
      assert.match(page.text, /MADAM ADA OBI is the same name as CHAIR ADA OBI/);
      let r = await admin.post(`/editions/${edition}/transcripts/speakers/links`, [['label', 'MADAM ADA OBI'], ['label', 'CHAIR ADA OBI'], ['new', '1'], ['name', 'Ada Obi']]);
      assert.equal(r.status, 303, r.text.slice(0, 300));
      assert.match(r.headers.get('location'), new RegExp(`^/editions/${edition}/transcripts/speakers\\?linked=2&person=\\d+$`));
      page = await admin.get(r.headers.get('location'));
      assert.match(page.text, /Linked to Ada Obi: every transcript counts these labels as this person now\./);
      assert.doesNotMatch(page.text, /<strong>CHAIR ADA OBI and MADAM ADA OBI<\/strong>/);
      // The label page: people it may be, finding one, a new person with the label's name.
      page = await admin.get(`/editions/${edition}/transcripts/speakers/label?key=${encodeURIComponent('adaeze obi eze')}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<h1>The speaker label ADAEZE OBI-EZE<\/h1>/);
      assert.match(page.text, /value="Adaeze Obi-Eze"/);
      page = await admin.get(`/editions/${edition}/transcripts/speakers/label?key=${encodeURIComponent('adaeze obi eze')}&find=noor`);
      assert.match(page.text, /Link to Noor Saleh/);
      // A bad new person: 422 on the label page, what was typed kept.
      r = await admin.post(`/editions/${edition}/transcripts/speakers/links`, { key: 'adaeze obi eze', label: 'adaeze obi eze', new: '1', name: 'Adaeze Obi-Eze', gender: 'martian', country: 'KE' });
      assert.equal(r.status, 422);
      assert.match(r.text, /class="error-summary"/);
      assert.match(r.text, /<option value="KE" selected>/);
      assert.match(r.text, /value="Adaeze Obi-Eze"/);
      r = await admin.post(`/editions/${edition}/transcripts/speakers/links`, { key: 'adaeze obi eze', label: 'adaeze obi eze', new: '1', name: 'Adaeze Obi-Eze', gender: 'woman', country: 'NG' });
      assert.equal(r.status, 303);
      assert.match(r.headers.get('location'), /\/transcripts\/speakers\/label\?key=adaeze%20obi%20eze&linked=1$/);
      // A role alone: its page links in one transcript at a time.
      page = await admin.get(`/editions/${edition}/transcripts/speakers/label?key=moderator`);
      assert.match(page.text, /a role alone/);
      assert.doesNotMatch(page.text, /Add the person and link/);
      page = await admin.get(`/editions/${edition}/transcripts/speakers/label?key=moderator&transcript=${t2}`);
      assert.match(page.text, /Add the person and link/);
      const speaker = page.text.match(/name="speaker" value="(\d+)"/)[1];
      r = await admin.post(`/editions/${edition}/transcripts/speakers/links`, { key: 'moderator', transcript: String(t2), speaker, new: '1', name: 'Second Moderator' });
      assert.equal(r.status, 303);
      assert.equal(personOf(await transcript(edition, t2), 'MODERATOR').name, 'Second Moderator');
      // Nothing named: the form says so on the speakers page.
      r = await admin.post(`/editions/${edition}/transcripts/speakers/links`, { person: '1' });
      assert.equal(r.status, 422);
      assert.match(r.text, /Name the speaker labels to link/);
      assert.equal((await admin.get(`/editions/${edition}/transcripts/speakers/label?key=nobody`)).status, 404);
      // The transcript page leads to both.
      page = await admin.get(`/editions/${edition}/transcripts/${t1}`);
      assert.match(page.text, /href="\/editions\/\d+\/transcripts\/speakers">Link the speakers to people/);
      assert.match(page.text, new RegExp(`href="/editions/${edition}/transcripts/${t1}/statistics"`));
    });

    test('the seeds: the chair\'s labels are suggested with the chair\'s own label', async (t) => {
      const folder = '../shared/seeds';
      if (!existsSync(folder)) return t.skip('no seeds');
      const seedEdition = (await as(server.admin, 'POST', '/api/v1/editions', { name: 'Seeds', year: 2040, start_date: '2040-06-01', end_date: '2040-06-04', time_zone: 'UTC', venue: 'Geneva' })).json.id;
      for (const file of readdirSync(folder).sort()) {
        const r = await fetch(server.base + base(seedEdition), { method: 'POST', body: readFileSync(`${folder}/${file}`), headers: { authorization: `Bearer ${server.admin.token}`, accept: 'application/json', 'content-type': 'text/plain' } });
        assert.ok([200, 201, 422].includes(r.status), `${file}: ${r.status}`);
      }
      const r = await as(server.admin, 'GET', `${base(seedEdition)}/speakers`);
      assert.equal(r.status, 200);
      const labels = r.json.labels;
      // The chair's labels with a name, and the label that is that name in full.
      const pairs = [];
      for (const chair of labels.filter((l) => l.role === 'chair' && !l.role_only)) {
        const family = chair.key.replace(/^(co )?chair(man|woman|person)? /, '');
        for (const own of labels.filter((l) => l.role === null && l.key.endsWith(' ' + family))) pairs.push([chair, own]);
      }
      if (pairs.length === 0) return t.skip('no seed has a chair\'s label and the chair\'s own');
      for (const [chair, own] of pairs) {
        const s = r.json.suggestions.find((x) => x.keys.includes(chair.key) && x.keys.includes(own.key));
        assert.ok(s, `${chair.label} with ${own.label}: ${JSON.stringify(r.json.suggestions.slice(0, 5))}`);
        assert.equal(s.reasons.find((x) => x.label === chair.label).likeness, 'family_name');
      }
      assert.ok(r.json.suggestions.every((s) => s.labels.every((l) => !labels.find((x) => x.label === l).role_only)));
    });
  });
}
