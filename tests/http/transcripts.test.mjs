// The transcripts' archive: the Secretariat adds a transcript in the forum's format
// (through the API as text, JSON or a form with a file; on the page as a file or pasted
// text) for a session; the same bytes twice are stored once and the Secretariat is told;
// bad files are 422 naming the field, never a 500, and pasted text is kept; anyone reads
// the list, the transcript (a speaker's turns alone) and its downloads (plain text that
// reads back the same, JSON, WebVTT only with times); `convene import transcript` reads a
// file or a folder and stores it with --into; a live room's captions become its
// transcript when the room closes, speakers linked through the queue, WebVTT from the
// captions' times.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, engines, moveClock, bin } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';

// A transcript of our own in the forum's format (never the seeds' text).
const meeting = [
  'IGF 2034 - Day 2 - Room 4 - Open Forum on Rivers',
  '',
  'The following are the outputs of the real-time captioning taken during the session. Although it is largely accurate, in some cases it may be incomplete or inaccurate.',
  '',
  '***',
  '',
  '\u00a0[ Gavel ]',
  '>> CHAIR NOOR SALEH:\u00a0 Good morning, everyone.\u00a0 We begin (pause) now.',
  '\u00a0 (standing by).',
  'Our first speaker, please.',
  '>>MARTA McKINNON: Thank you, Chair.  The river co\u2011operation works.',
  '>> Can you hear me?',
  '>> REMOTE INVERVENTION: From Nairobi: yes.',
  '>> CHAIR NOOR SALEH: Thanks to all.',
  '',
].join('\r\n');

const seeds = '../shared/seeds';

function runCli(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const engine of engines()) {
  describe(`the transcripts' archive on ${engine}`, () => {
    let server, edition, other, session, admin, dir;
    const as = (who, method, p, body, headers) => api(server.base, method, p, { token: who.token, body, headers });
    const url = (rest = '') => `/api/v1/editions/${edition}/transcripts${rest}`;
    const plain = (text, query = '') => api(server.base, 'POST', url(query), {
      token: server.admin.token, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    const field = (r) => r.json.errors.map((e) => e.field);
    // The bytes as they are (fetch sends a Buffer unchanged).
    const raw = async (buffer) => {
      const response = await fetch(server.base + url(), { method: 'POST', body: buffer, headers: { authorization: `Bearer ${server.admin.token}`, accept: 'application/json', 'content-type': 'text/plain' } });
      const text = await response.text();
      return { status: response.status, text, json: JSON.parse(text) };
    };

    before(async () => {
      server = await startServer(engine, { testHooks: true });
      const created = await as(server.admin, 'POST', '/api/v1/editions', { name: 'IGF Archive', year: 2034, start_date: '2034-06-01', end_date: '2034-06-04', time_zone: 'Europe/Oslo', venue: 'Oslo' });
      edition = created.json.id;
      other = await proposer(server, 'Olly Other');
      const s = await as(server.admin, 'POST', `/api/v1/editions/${edition}/timetable/sessions`, { code: 'OF7', title: 'Open Forum on Rivers', session_type: 'open_forum', duration: 60 });
      assert.equal(s.status, 201, s.text);
      session = s.json;
      admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      dir = mkdtempSync(join(tmpdir(), 'convene-transcripts-'));
    });
    after(async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); });

    test('the Secretariat adds a transcript for a session; the same bytes again are not stored twice', async () => {
      let r = await plain(meeting, '?session=OF7&file_name=rivers.txt');
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.existed, false);
      assert.equal(r.json.turns, 5);
      assert.equal(r.json.session.code, 'OF7');
      assert.equal(r.json.title, 'Open Forum on Rivers');
      assert.equal(r.json.day, 'Day 2');
      assert.equal(r.json.room, 'Room 4');
      assert.equal(r.json.event, 'IGF 2034');
      assert.equal(r.json.file_name, 'rivers.txt');
      assert.equal(r.headers.get('location'), `/editions/${edition}/transcripts/${r.json.id}`);
      const id = r.json.id;
      r = await plain(meeting, '?session=OF7');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.existed, true);
      assert.equal(r.json.id, id);
      r = await as(server.admin, 'POST', url(), { text: meeting });
      assert.equal(r.json.existed, true, 'as JSON too');
      const list = await api(server.base, 'GET', url());
      assert.equal(list.status, 200);
      assert.equal(list.json.transcripts.length, 1);

      const t = (await api(server.base, 'GET', url(`/${id}`))).json;
      assert.deepEqual(t.turns.map((x) => x.speaker), ['CHAIR NOOR SALEH', 'MARTA McKINNON', null, 'REMOTE INVERVENTION', 'CHAIR NOOR SALEH']);
      assert.equal(t.turns[0].text, 'Good morning, everyone. We begin (pause) now.\nOur first speaker, please.');
      assert.equal(t.turns[1].text, 'Thank you, Chair. The river co-operation works.');
      assert.deepEqual(t.directions.map((d) => [d.turn, d.text, d.within_text]),
        [[null, '[ Gavel ]', false], [0, '(pause)', true], [0, '(standing by)', false]]);
      const roles = Object.fromEntries(t.speakers.map((s) => [s.label, s.role]));
      assert.deepEqual(roles, { 'CHAIR NOOR SALEH': 'chair', 'MARTA McKINNON': null, 'REMOTE INVERVENTION': 'remote_intervention' });
      assert.equal(t.speakers[0].turns, 2);
      assert.match(t.disclaimer, /^The following are the outputs/);
    });

    test('bad files are refused naming the field, and only the Secretariat adds', async () => {
      let r = await plain('');
      assert.equal(r.status, 422, r.text);
      assert.deepEqual(field(r), ['body']);
      assert.match(r.json.errors[0].message, /empty/);
      r = await raw(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      assert.equal(r.status, 422, r.text);
      assert.match(r.json.errors[0].message, /PNG image/);
      r = await plain('Just a page of notes.\nNo speaker turns here.\n');
      assert.equal(r.status, 422);
      assert.match(r.json.errors[0].message, /No line begins with ">>"/);
      r = await plain('>> A B: ok\n', '?session=NOPE9');
      assert.equal(r.status, 422);
      assert.deepEqual(field(r), ['session']);
      r = await as(server.admin, 'POST', url(), { file_name: 'x.txt' });
      assert.equal(r.status, 422);
      assert.deepEqual(field(r), ['text']);
      // Invalid UTF-8 is kept where possible, the bad bytes named.
      r = await raw(Buffer.from('>> JOS\xc9 P\xc9REZ: caf\xe9\n', 'latin1'));
      assert.equal(r.status, 201, r.text);
      const t = (await api(server.base, 'GET', url(`/${r.json.id}`))).json;
      assert.equal(t.turns[0].speaker, 'JOSÉ PÉREZ');
      assert.equal(t.turns[0].text, 'café');
      assert.deepEqual(t.bad_bytes.map((b) => b.bytes), ['C9', 'C9', 'E9']);
      // Over the server's body limit: 413, never a 500.
      r = await plain('>> A B: ' + 'x'.repeat(2_000_000));
      assert.equal(r.status, 413);
      assert.equal((await plain('>> A B: ok\n')).status !== 500, true);
      assert.equal((await api(server.base, 'POST', url(), { body: meeting, headers: { 'content-type': 'text/plain', ...csrfPair() } })).status, 401);
      assert.equal((await as(other, 'POST', url(), { text: '>> A B: mine\n' })).status, 403);
    });

    test('the pages: the archive, the form with a file or pasted text, a transcript and its downloads', async () => {
      let page = await admin.get(`/editions/${edition}/transcripts`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Open Forum on Rivers/);
      assert.match(page.text, /enctype="multipart\/form-data"/);
      // A file through the form (multipart, as a browser sends it).
      const form = new FormData();
      form.set('csrf_token', admin.csrf);
      form.set('session', String(session.id));
      form.set('file', new Blob(['>> ANA LIMA: A new file.\n(Audio difficulties)\n>> BEN: ok\n']), 'ana.txt');
      let r = await fetch(server.base + `/editions/${edition}/transcripts`, { method: 'POST', body: form, headers: { cookie: admin.cookieHeader() }, redirect: 'manual' });
      assert.equal(r.status, 303);
      const at = r.headers.get('location');
      assert.match(at, new RegExp(`^/editions/${edition}/transcripts/\\d+\\?added=1$`));
      page = await admin.get(at);
      assert.match(page.text, /The transcript was added: 2 turns/);
      assert.match(page.text, /id="turn-1"/);
      assert.match(page.text, /<p class="direction"><span class="visually-hidden">Stage direction: <\/span>\(Audio difficulties\)<\/p>/);
      // Pasted text that is no transcript: 422, the text kept in the box.
      r = await admin.post(`/editions/${edition}/transcripts`, { text: 'Minutes of the day, no turns', session: 'OF7' });
      assert.equal(r.status, 422);
      assert.match(r.text, /No line begins with/);
      assert.match(r.text, /<textarea id="field-text" name="text"[^>]*>Minutes of the day, no turns<\/textarea>/);
      r = await admin.post(`/editions/${edition}/transcripts`, { text: '' });
      assert.equal(r.status, 422);
      assert.match(r.text, /Choose the transcript(&apos;|')s file, or paste its text below/);
      // The same text pasted again: the Secretariat is told it exists.
      r = await admin.post(`/editions/${edition}/transcripts`, { text: meeting.replaceAll('\r\n', '\n') });
      assert.equal(r.status, 303);
      r = await admin.post(`/editions/${edition}/transcripts`, { text: meeting.replaceAll('\r\n', '\n') });
      assert.equal(r.status, 303);
      assert.match(r.headers.get('location'), /\?existed=1$/);
      assert.match((await admin.get(r.headers.get('location'))).text, /This file was added before/);

      // Anyone reads a transcript; a speaker's turns alone.
      const list = (await api(server.base, 'GET', url())).json.transcripts;
      const rivers = list.find((x) => x.file_name === 'rivers.txt');
      const reader = new Visitor(server.base);
      page = await reader.get(rivers.url);
      assert.equal(page.status, 200);
      assert.match(page.text, /<strong>MARTA McKINNON<\/strong>/);
      assert.match(page.text, /<span class="direction">\(pause\)<\/span>/);
      assert.doesNotMatch(page.text, /What could not be read/);
      const full = (await api(server.base, 'GET', url(`/${rivers.id}`))).json;
      const chair = full.speakers.find((s) => s.label === 'CHAIR NOOR SALEH');
      page = await reader.get(`${rivers.url}?speaker=${chair.id}`);
      assert.match(page.text, /The turns of CHAIR NOOR SALEH \(2\)/);
      assert.doesNotMatch(page.text, /MARTA McKINNON<\/strong>/);
      assert.match(page.text, new RegExp(`href="${rivers.url}#turn-5"`));
      assert.equal((await reader.get(`${rivers.url}?speaker=999999`)).status, 404);
      assert.equal((await reader.get(`/editions/${edition}/transcripts/999999`)).status, 404);

      // Downloads: plain text that reads back to the same turns, JSON, no WebVTT without times.
      const text = await reader.get(rivers.downloads.text);
      assert.equal(text.status, 200);
      assert.match(text.headers.get('content-type'), /^text\/plain; charset=utf-8/);
      assert.match(text.text, /^IGF 2034 - Day 2 - Room 4 - Open Forum on Rivers\n/);
      assert.match(text.text, /\n>> CHAIR NOOR SALEH: Good morning, everyone\. We begin \(pause\) now\.\n\(standing by\)\nOur first speaker, please\.\n/);
      r = await plain(text.text.replace('Rivers', 'Rivers again'));
      assert.equal(r.status, 201);
      const again = (await api(server.base, 'GET', url(`/${r.json.id}`))).json;
      assert.deepEqual(again.turns.map((x) => [x.speaker, x.text]), full.turns.map((x) => [x.speaker, x.text]));
      assert.deepEqual(again.directions, full.directions);
      const json = await reader.get(rivers.downloads.json);
      assert.equal(json.json().turns.length, 5);
      assert.equal(rivers.downloads.webvtt, null);
      assert.equal((await reader.get(rivers.url + '/transcript.vtt')).status, 404);
      // The Secretariat sees what could not be read.
      r = await plain('Notes\nYou are here\n>> A B: x\n\nContact us\n\nmail@example.org\n+41 22 000 00 00\n');
      page = await admin.get(`/editions/${edition}/transcripts/${r.json.id}`);
      assert.match(page.text, /What could not be read/);
      assert.match(page.text, /Line 7: mail@example\.org/);
    });

    test('convene import transcript: a file, a folder, --into with a session, a second import found', async () => {
      const file = join(dir, 'meeting.txt');
      writeFileSync(file, meeting.replace('Rivers', 'Lakes'));
      let r = runCli(['import', 'transcript', file]);
      assert.equal(r.status, 0, r.stderr);
      const read = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(read).filter((k) => ['title', 'day', 'room', 'turns', 'directions', 'unread'].includes(k)).sort(),
        ['day', 'directions', 'room', 'title', 'turns', 'unread']);
      assert.equal(read.title, 'Open Forum on Lakes');
      assert.deepEqual(read.turns[2], { speaker: null, text: 'Can you hear me?' });
      assert.deepEqual(read.directions[0], { turn: null, text: '[ Gavel ]', within_text: false, paragraph: 0 });
      r = runCli(['--database', server.databaseUrl, 'import', 'transcript', file, '--into', String(edition), '--session', 'OF7']);
      assert.equal(r.status, 0, r.stderr);
      const stored = JSON.parse(r.stdout).stored_as;
      assert.ok(stored > 0);
      r = runCli(['--database', server.databaseUrl, 'import', 'transcript', file, '--into', String(edition)]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).exists.transcript, stored);
      assert.match(r.stderr, new RegExp(`already imported as transcript ${stored} of edition ${edition}`));
      r = runCli(['--database', server.databaseUrl, 'import', 'transcript', file, '--into', String(edition), '--session', 'NOPE']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no session NOPE/);
      // Bad files: named, exit 1.
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '');
      r = runCli(['import', 'transcript', empty]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /empty\.txt: The file is empty/);
      const big = join(dir, 'big.txt');
      writeFileSync(big, Buffer.alloc(50_000_000, 0x61));
      const started = Date.now();
      r = runCli(['import', 'transcript', big]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /The file is 50\.0 MB; a transcript may be at most 16\.0 MB/);
      assert.ok(Date.now() - started < 5000);
      rmSync(big);
      // A folder: one JSON line per file, what was read and where it went.
      const folder = join(dir, 'folder');
      spawnSync('mkdir', [folder]);
      writeFileSync(join(folder, 'a.txt'), '>> A B: one\n');
      writeFileSync(join(folder, 'b.txt'), 'no turns\n');
      r = runCli(['--database', server.databaseUrl, 'import', 'transcript', folder, '--into', String(edition)]);
      assert.equal(r.status, 1);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 2);
      assert.ok(lines[0].stored_as > 0);
      assert.match(lines[1].refused, /No line begins with/);
      assert.match(r.stderr, /2 files: 1 stored, 0 already there, 1 refused/);
    });

    test('a folder of more files than one transaction: every file stored, each one found by search', async () => {
      // 250 files go in by three transactions, with the index merged once at the end.
      const folder = join(dir, 'archive');
      spawnSync('mkdir', [folder]);
      const word = (i) => `zettaword${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
      for (let i = 0; i < 250; i++)
        writeFileSync(join(folder, `t${String(i).padStart(3, '0')}.txt`), `Archive session ${i}\n\n>> ANA LIMA: We spoke of ${word(i)} today.\n\n>> The floor is open.\n`);
      const r = runCli(['--database', server.databaseUrl, 'import', 'transcript', folder, '--into', String(edition)]);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 250);
      assert.ok(lines.every((l) => l.stored_as > 0 && l.turn_count === 2));
      assert.match(r.stderr, /250 files: 250 stored, 0 already there, 0 refused/);
      for (const i of [0, 99, 100, 249]) {
        const found = await api(server.base, 'GET', `/api/v1/transcripts/search?q=${word(i)}`);
        assert.equal(found.status, 200, found.text);
        assert.equal(found.json.results.length, 1, word(i));
        assert.equal(found.json.results[0].transcript.id, lines[i].stored_as);
      }
      // Stored again after the merge, a turn is found at once.
      writeFileSync(join(folder, 'late.txt'), '>> ANA LIMA: And zettawordlate too.\n');
      assert.equal(runCli(['--database', server.databaseUrl, 'import', 'transcript', join(folder, 'late.txt'), '--into', String(edition)]).status, 0);
      const late = await api(server.base, 'GET', '/api/v1/transcripts/search?q=zettawordlate');
      assert.equal(late.json.results.length, 1);
    });

    test('the seed transcripts import with every turn (skipped without ../shared/seeds)', { skip: !existsSync(seeds) }, async () => {
      const folder = join(dir, 'seeds');
      spawnSync('mkdir', [folder]);
      for (const f of readdirSync(seeds).filter((f) => /^00[0-3]_/.test(f))) copyFileSync(join(seeds, f), join(folder, f));
      const r = runCli(['--database', server.databaseUrl, 'import', 'transcript', folder, '--into', String(edition)]);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines.map((l) => l.turn_count), [102, 54, 265, 82]);
      const page = await new Visitor(server.base).get(`/editions/${edition}/transcripts/${lines[2].stored_as}`);
      assert.equal(page.status, 200);
      assert.equal((page.text.match(/class="turn" id="turn-/g) ?? []).length, 265);
    });

    test('a live room\'s captions become its transcript when it closes, speakers linked through the queue', async () => {
      const chair = await proposer(server, 'Chris Chair');
      const captioner = await proposer(server, 'Cathy Captioner');
      const ana = await proposer(server, 'Ana Onsite');
      const ben = await proposer(server, 'Ben Online');
      const rooms = `/api/v1/editions/${edition}/live-rooms`;
      const opened = await as(server.admin, 'POST', rooms, { kind: 'session', title: 'Open Forum on Rivers', session: session.id, chairs: [chair.email], captioners: [captioner.email] });
      assert.equal(opened.status, 201, opened.text);
      const room = opened.json.id;
      let seq = 0;
      const caption = async (text) => {
        const r = await as(captioner, 'POST', `${rooms}/${room}/captions`, { sequence: ++seq, language: 'en', text });
        assert.equal(r.status, 200, r.text);
      };
      const act = async (body) => {
        const r = await as(chair, 'POST', `${rooms}/${room}/chair`, body);
        assert.equal(r.status, 200, r.text);
        return r.json;
      };
      assert.equal((await as(ana, 'POST', `${rooms}/${room}/queue`, {})).status, 201);
      assert.equal((await as(ben, 'POST', `${rooms}/${room}/queue`, { where: 'online' })).status, 201);
      await caption('>> CHRIS CHAIR: Welcome (pause) all.\n');
      await moveClock(server, 5);
      await act({ action: 'next' });
      await moveClock(server, 1);
      await caption('>> ANA ONSITE: Thank you.\n');
      await moveClock(server, 20);
      await caption('More from me.\n');
      await moveClock(server, 5);
      await act({ action: 'next' });
      await moveClock(server, 1);
      await caption('>> REMOTE PARTICIPANT: Hello from Lagos.\n');
      await moveClock(server, 30);
      await act({ action: 'end' });
      await moveClock(server, 2);
      await caption('>> CHRIS CHAIR: We close.\n');
      await act({ action: 'close_room' });

      const list = (await api(server.base, 'GET', url())).json.transcripts;
      const made = list.find((x) => x.source === 'captions');
      assert.ok(made, 'the captions are in the archive');
      assert.equal(made.live_room.id, room);
      assert.equal(made.session.code, 'OF7');
      assert.equal(made.timed, true);
      assert.equal(made.turns, 4);
      const t = (await api(server.base, 'GET', url(`/${made.id}`))).json;
      assert.deepEqual(t.turns.map((x) => x.speaker), ['CHRIS CHAIR', 'ANA ONSITE', 'REMOTE PARTICIPANT', 'CHRIS CHAIR']);
      assert.ok(t.turns.every((x) => x.start && x.end));
      assert.equal(t.turns[1].text, 'Thank you. More from me.');
      assert.deepEqual(t.directions.map((d) => [d.turn, d.text]), [[0, '(pause)']]);
      const by = Object.fromEntries(t.speakers.map((s) => [s.label, [s.account, s.linked_by]]));
      assert.deepEqual(by['ANA ONSITE'], [ana.id, 'queue']);
      assert.deepEqual(by['REMOTE PARTICIPANT'], [ben.id, 'queue']);
      assert.deepEqual(by['CHRIS CHAIR'], [null, null], 'the chair was not given the floor by the queue');
      const vtt = await new Visitor(server.base).get(made.downloads.webvtt);
      assert.equal(vtt.status, 200);
      assert.match(vtt.headers.get('content-type'), /^text\/vtt/);
      assert.match(vtt.text, /^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:0\d\.\d{3}\n<v CHRIS CHAIR>Welcome \(pause\) all\.\n\n2\n00:00:06\.000 --> /);
      assert.match(vtt.text, /\n<v ANA ONSITE>Thank you\. More from me\.\n/);
      // Closing again (a room reopened is not possible; the transcript is made once): still one.
      assert.equal((await api(server.base, 'GET', url())).json.transcripts.filter((x) => x.source === 'captions').length, 1);
    });
  });
}
