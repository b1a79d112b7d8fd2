// The published programme's feeds, each read by an independent reader: the iCalendar by
// python3-icalendar, schedule.xml validated by xmllint against the c3voc schema, the
// schedule JSON by python3-jsonschema against the c3voc schema, the CSV by a small
// RFC 4180 reader here, the XLSX by python3-openpyxl. Times are checked against Node's own
// time zone data; a published change keeps the event's UID and raises its SEQUENCE; the
// personal calendar follows the sessions marked and dies with a new address.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, engines, moveClock } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';
import { readXlsx } from '../support/spreadsheet.mjs';
import { csrfPair } from '../support/proposals.mjs';

const demoName = 'Regional IGF demo 2027';
const checker = 'tests/support/feeds_check.py';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function withFile(text, f) {
  const dir = mkdtempSync(join(tmpdir(), 'convene-feed-'));
  try {
    const file = join(dir, 'feed');
    writeFileSync(file, text);
    return f(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readIcs = (text) => withFile(text, (file) =>
  JSON.parse(execFileSync('/usr/bin/python3', [checker, 'ics', file], { encoding: 'utf8', maxBuffer: 64 << 20 })));

// RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; rows end in CRLF.
function readCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; ++i; }
    else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

// Runs SQL on the server's database where no action of the server would do it within one
// test (a session cancelled, a person linked to an account): SQLite through Python,
// PostgreSQL by psql.
// The server keeps public feeds a few seconds: the test hook (the clock, moved by 0)
// forgets them, as any write through the server does.
async function sql(server, statement) {
  if (server.engine === 'sqlite') {
    const path = server.databaseUrl.replace(/^sqlite:/, '');
    execFileSync('/usr/bin/python3', ['-c',
      'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],timeout=30)\nc.execute(sys.argv[2])\nc.commit()',
      path, statement]);
  } else {
    execFileSync('psql', [server.databaseUrl, '-q', '-c', statement]);
  }
  await moveClock(server, 0);
}

// "2027-06-23T09:00:00+02:00" read back in the venue's zone by Node's own ICU.
function venueLocal(utcIso, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(utcIso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

for (const engine of engines()) {
  describe(`programme feeds on ${engine}`, () => {
    let server, edition, feeds, schedule, zone;
    const get = (url, headers = {}) => fetch(url, { headers, redirect: 'manual' });
    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 60, testHooks: true });
      const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
      const list = Array.isArray(editions) ? editions : editions.editions;
      const demo = list.find((e) => e.name === demoName);
      assert.ok(demo, 'the demo forum has the programme edition');
      edition = demo.id;
      zone = (await api(server.base, 'GET', `/api/v1/editions/${edition}/venue`)).json.time_zone;
      const r = await api(server.base, 'GET', `/api/v1/editions/${edition}/feeds`);
      assert.equal(r.status, 200);
      feeds = r.json;
    });
    after(async () => { await server.stop(); });

    test('the feeds are listed under /api/v1 for anyone', () => {
      for (const key of ['icalendar', 'schedule_xml', 'schedule_json', 'csv', 'xlsx', 'personal'])
        assert.ok(feeds[key].startsWith(server.base + `/editions/${edition}/`), key);
      assert.ok(feeds.icalendar_by_room.length > 0);
      assert.ok(feeds.icalendar_by_theme.length > 0);
    });

    test('schedule.json is valid against the c3voc schema and its times are the venue\'s', async () => {
      const r = await get(feeds.schedule_json);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^application\/json/);
      const text = await r.text();
      const check = withFile(text, (file) => spawnSync('/usr/bin/python3', [checker, 'json', file, 'tests/schemas/schedule.schema.json'], { encoding: 'utf8' }));
      assert.equal(check.status, 0, check.stdout + check.stderr);
      schedule = JSON.parse(text).schedule;
      const events = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      assert.ok(events.length >= 10, `the demo's published sessions (${events.length})`);
      for (const e of events) {
        assert.match(e.guid, uuid);
        assert.match(e.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
        assert.equal(venueLocal(e.date, zone), e.date.slice(0, 16), 'the offset is the venue\'s at that date');
        assert.equal(e.start, e.date.slice(11, 16));
      }
      assert.equal(new Set(events.map((e) => e.guid)).size, events.length, 'guids are unique');
      assert.equal(schedule.conference.time_zone_name, zone);
    });

    test('schedule.xml is valid against the frab schema (xmllint)', async () => {
      const r = await get(feeds.schedule_xml);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^application\/xml/);
      const text = await r.text();
      const check = withFile(text, (file) => spawnSync('xmllint', ['--noout', '--schema', 'tests/schemas/schedule.xml.xsd', file], { encoding: 'utf8' }));
      assert.equal(check.status, 0, check.stderr);
      const events = text.match(/<event /g) ?? [];
      const json = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      assert.equal(events.length, json.length, 'the XML and JSON hold the same sessions');
    });

    test('the iCalendar reads in python3-icalendar: one event per session, in UTC', async () => {
      const r = await get(feeds.icalendar);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^text\/calendar/);
      const text = await r.text();
      assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
      assert.ok(!/[^\r]\n/.test(text), 'CRLF line ends');
      const cal = readIcs(text);
      assert.equal(cal.version, '2.0');
      assert.equal(cal.name, `${demoName}: programme`);
      const json = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      const live = cal.events.filter((e) => e.status !== 'CANCELLED');
      assert.equal(live.length, json.length);
      for (const e of json) {
        const ev = cal.events.find((x) => x.uid === `session-${e.id}@${new URL(server.base).host}`);
        assert.ok(ev, `an event for session ${e.id}`);
        assert.equal(new Date(ev.start).toISOString(), new Date(e.date).toISOString());
        assert.match(ev.start, /\+00:00$/, 'DTSTART in UTC');
        assert.equal(ev.location, e.room);
        assert.equal(ev.summary, `${e.subtitle}: ${e.title}`);
        assert.equal(ev.url, e.url);
      }
    });

    test('per room and per theme, and an unknown room or theme is not found', async () => {
      const room = feeds.icalendar_by_room.find((x) => x.name);
      const cal = readIcs(await (await get(room.icalendar)).text());
      assert.ok(cal.events.every((e) => e.location === room.name));
      assert.match(cal.name, new RegExp(room.name));
      const theme = feeds.icalendar_by_theme[0];
      const byTheme = readIcs(await (await get(theme.icalendar)).text());
      assert.ok(byTheme.events.every((e) => e.categories.includes(theme.theme)));
      assert.equal((await get(`${feeds.icalendar}?room=99999999`)).status, 404);
      assert.equal((await get(`${feeds.icalendar}?room=abc`)).status, 404);
      assert.equal((await get(`${feeds.icalendar}?theme=${encodeURIComponent('No such theme')}`)).status, 404);
      assert.equal((await get(`${server.base}/editions/99999999/programme.ics`)).status, 404);
    });

    test('CSV and XLSX for the venue team hold a row per session', async () => {
      const csv = await get(feeds.csv);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      assert.match(csv.headers.get('content-disposition'), /attachment; filename="programme-\d+\.csv"/);
      const rows = readCsv(await csv.text());
      assert.deepEqual(rows[0], ['Day', 'Start', 'End', 'Room', 'Code', 'Title', 'Type', 'Needs', 'Expected attendance', 'People']);
      const json = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      assert.equal(rows.length - 1, json.length);
      const first = json[0];
      const row = rows.find((r) => r[4] === first.subtitle);
      assert.equal(row[0], first.date.slice(0, 10));
      assert.equal(row[1], first.start);
      assert.equal(row[3], first.room);
      const xlsx = await get(feeds.xlsx);
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
      const book = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
      const sheet = Object.values(book)[0];
      assert.equal(sheet.length, rows.length);
      assert.equal(sheet[0][8].value, 'Expected attendance');
      const again = sheet.find((r) => r[4].value === first.subtitle);
      assert.equal(again[8].type, 'n', 'expected attendance is a number');
    });

    test('an edition with nothing published has empty feeds that still read', async () => {
      const list = (await api(server.base, 'GET', '/api/v1/editions')).json;
      const other = (Array.isArray(list) ? list : list.editions).find((e) => e.id !== edition);
      const base = `${server.base}/editions/${other.id}`;
      assert.equal(readIcs(await (await get(`${base}/programme.ics`)).text()).events.length, 0);
      const xml = await (await get(`${base}/schedule.xml`)).text();
      const check = withFile(xml, (file) => spawnSync('xmllint', ['--noout', '--schema', 'tests/schemas/schedule.xml.xsd', file], { encoding: 'utf8' }));
      assert.equal(check.status, 0, check.stderr);
      const json = await (await get(`${base}/schedule.json`)).text();
      const valid = withFile(json, (file) => spawnSync('/usr/bin/python3', [checker, 'json', file, 'tests/schemas/schedule.schema.json'], { encoding: 'utf8' }));
      assert.equal(valid.status, 0, valid.stdout);
      assert.equal(readCsv(await (await get(`${base}/programme.csv`)).text()).length, 1, 'the headings only');
    });

    test('a published change keeps the UID and raises SEQUENCE; a cancellation says so', async () => {
      const json = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      const [moved, cancelled] = json.filter((e) => e.subtitle !== 'OP1');  // the opening is fixed
      const host = new URL(server.base).host;
      const before = readIcs(await (await get(feeds.icalendar)).text());
      const was = before.events.find((e) => e.uid === `session-${moved.id}@${host}`);
      // The Secretariat moves the session, publishes, and imposes the change with a reason.
      const as = (method, path, body) => api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: server.admin.token, body });
      const draft = (await as('GET', '/timetable')).json.sessions.find((x) => x.id === moved.id);
      const later = moved.date.slice(0, 11) + '17:45';
      const r = await as('POST', '/timetable/moves', { session: moved.id, room: draft.placement.room, start: later, version: draft.version });
      assert.equal(r.status, 200, r.text);
      const published = (await as('POST', '/timetable/publish')).json;
      assert.equal(published.changes.length, 1);
      const imposed = await as('POST', `/timetable/changes/${published.changes[0]}/impose`, { reason: 'The hall is needed for the plenary.' });
      assert.equal(imposed.status, 200, imposed.text);
      // A session whose proposal leaves the programme is cancelled (as the decisions' sync does).
      await sql(server, `UPDATE programme_sessions SET cancelled_at = '2027-01-01T00:00:00Z', sequence = sequence + 1 WHERE id = ${cancelled.id}`);
      const after = readIcs(await (await get(feeds.icalendar)).text());
      const now = after.events.find((e) => e.uid === `session-${moved.id}@${host}`);
      assert.ok(now, 'the same UID');
      assert.equal(now.sequence, was.sequence + 1);
      assert.equal(venueLocal(now.start, zone), later);
      const gone = after.events.find((e) => e.uid === `session-${cancelled.id}@${host}`);
      assert.equal(gone.status, 'CANCELLED');
      assert.ok(gone.sequence > before.events.find((e) => e.uid === gone.uid).sequence);
      const xml = await (await get(feeds.schedule_xml)).text();
      assert.ok(!xml.includes(`<event id="${cancelled.id}"`), 'the schedule leaves a cancelled session out');
    });

    test('the personal calendar: an address shown once, the sessions marked, a new one kills the old', async () => {
      const visitor = new Visitor(server.base);
      assert.equal((await visitor.signIn(server.admin.email, server.admin.password)).status, 303);
      const page = await visitor.get(`/editions/${edition}/agenda/calendar`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Create my calendar address/);
      const made = await visitor.post(`/editions/${edition}/agenda/calendar`, {});
      assert.equal(made.status, 200);
      const address = made.text.match(/>(http[^<]+\/calendar\/[0-9a-f]{64}\.ics)</)[1];
      assert.match(made.text, /href="webcal:\/\//);
      const again = await visitor.get(`/editions/${edition}/agenda/calendar`);
      assert.ok(!again.text.includes(address), 'shown once only');
      assert.match(again.text, /Create a new address/);

      let cal = readIcs(await (await get(address)).text());
      assert.equal(cal.events.length, 0, 'nothing marked yet');
      const current = JSON.parse(await (await get(feeds.schedule_json)).text()).schedule;
      const json = current.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      const marked = json.slice(2, 5).map((e) => e.id);
      const account = (await api(server.base, 'GET', '/api/v1/session', { token: server.admin.token })).json;
      const accountId = account.id ?? account.account?.id;
      const codes = new Map(json.map((e) => [e.id, e.subtitle]));  // the subtitle is the code
      for (const id of marked) {
        const r = await api(server.base, 'PUT', `/api/v1/editions/${edition}/programme/${codes.get(id)}/attendance`, { token: server.admin.token, body: { attending: true } });
        assert.equal(r.status, 200, r.text);
      }
      const r = await get(address);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('cache-control'), /no-store/);
      cal = readIcs(await r.text());
      const host = new URL(server.base).host;
      assert.deepEqual(cal.events.map((e) => e.uid).sort(), marked.map((id) => `session-${id}@${host}`).sort());

      // The sessions the account's person organises or speaks in come too.
      const now = JSON.parse(await (await get(feeds.schedule_json)).text()).schedule;
      const live = now.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      const person = live.find((e) => e.persons.length > 0 && !marked.includes(e.id)).persons[0].id;
      await sql(server, `UPDATE people SET account_id = ${accountId} WHERE id = ${person}`);
      const theirs = live.filter((e) => e.persons.some((p) => p.id === person)).map((e) => e.id);
      const expected = [...new Set([...marked, ...theirs])].map((id) => `session-${id}@${host}`).sort();
      cal = readIcs(await (await get(address)).text());
      // The person may take part in last year's edition of the demo too: its sessions come
      // in the same address; this edition's are those expected.
      const here = new Set(live.map((e) => `session-${e.id}@${host}`));
      assert.deepEqual(cal.events.filter((e) => e.status !== 'CANCELLED' && here.has(e.uid)).map((e) => e.uid).sort(), expected);

      const viaApi = await api(server.base, 'POST', `/api/v1/editions/${edition}/agenda/calendar`, { token: server.admin.token });
      assert.equal(viaApi.status, 201);
      assert.match(viaApi.json.url, /\/calendar\/[0-9a-f]{64}\.ics$/);
      assert.equal((await get(address)).status, 404, 'the old address stops working');
      assert.equal((await get(viaApi.json.url)).status, 200);
      assert.equal((await get(`${server.base}/calendar/${'0'.repeat(64)}.ics`)).status, 404, 'a forged address');
      assert.equal((await get(`${server.base}/calendar/nothing`)).status, 404);
      assert.equal((await api(server.base, 'POST', `/api/v1/editions/${edition}/agenda/calendar`, { headers: csrfPair() })).status, 401);
    });
  });
}
