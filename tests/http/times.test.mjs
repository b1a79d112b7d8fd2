// Every time a person reads is in the venue's zone and in UTC, inside a <time datetime>
// the reader's own zone is added to by script; account pages have no venue (UTC). An
// edition's zone must be one the time zone database knows.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { workshop, openCall, proposer } from '../support/proposals.mjs';
import { venueTime } from '../support/times.mjs';

const password = 'a long enough password';

// Every <time> of a page: [datetime, data-zone, text].
const timesIn = (html) => [...html.matchAll(/<time datetime="([^"]*)" data-zone="([^"]*)">([^<]*)<\/time>/g)].map((m) => m.slice(1));

describe('times for people', () => {
  let server, oslo;
  before(async () => {
    server = await startServer('sqlite');
    oslo = await openCall(server, { name: 'IGF Oslo', timeZone: 'Europe/Oslo' });
  });
  after(async () => { await server.stop(); });

  test('a proposal shows its saved time and the deadline in Oslo time and UTC', async () => {
    const account = await proposer(server, 'Olga Oslo');
    const made = await api(server.base, 'POST', `/api/v1/editions/${oslo}/proposals`, { token: account.token, body: workshop('Access') });
    assert.equal(made.status, 201);
    const v = new Visitor(server.base);
    await v.signIn(account.email, password);
    const page = await v.get(`/proposals/${made.json.id}`);
    assert.equal(page.status, 200);
    const times = timesIn(page.text);
    assert.ok(times.length >= 1, 'the saved time is a <time> element');
    for (const [datetime, zone, text] of times) {
      assert.match(datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(zone, 'Europe/Oslo');
      assert.equal(text, venueTime(datetime, 'Europe/Oslo', 'Oslo'));
    }
    assert.doesNotMatch(page.text, /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ UTC/, 'no raw ISO text');
    // The call's sentence: Oslo and UTC, marked for the reader's own time.
    const call = (await api(server.base, 'GET', `/api/v1/editions/${oslo}/call`)).json;
    assert.ok(page.text.includes(`<span data-utc="${call.closes_at}" data-zone="Europe/Oslo">The call for proposals is open until ${venueTime(call.closes_at, 'Europe/Oslo', 'Oslo')}.</span>`));
    // "Draft saved at": the time of day in both zones.
    const saved = await v.get(`/proposals/${made.json.id}?saved=1`);
    assert.match(saved.text, /Draft saved at \d\d:\d\d \(Oslo time\) · \d\d:\d\d UTC \(version 1\)/);
    // The edition page and the revisions list too.
    const edition = await v.get(`/editions/${oslo}`);
    assert.match(edition.text, /open until \d{1,2} \w+ \d{4}, \d\d:\d\d \(Oslo time\) · /);
    const revisions = timesIn((await v.get(`/proposals/${made.json.id}/revisions`)).text);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0][2], venueTime(revisions[0][0], 'Europe/Oslo', 'Oslo'));
    // An account page has no venue: UTC alone.
    const mine = await v.get('/proposals');
    const listed = timesIn(mine.text);
    assert.ok(listed.some(([datetime, zone, text]) => zone === 'UTC' && text === venueTime(datetime)), 'last saved, in UTC');
    assert.ok(listed.some(([datetime, zone, text]) => zone === 'Europe/Oslo' && text === venueTime(datetime, 'Europe/Oslo', 'Oslo')), 'the open call closes in Oslo time');
  });

  test('the receipt mail gives the submission and the deadline in Oslo time and UTC', async () => {
    const account = await proposer(server, 'Rita Receipt');
    const made = await api(server.base, 'POST', `/api/v1/editions/${oslo}/proposals`, { token: account.token, body: { ...workshop('Access'), submit: true } });
    assert.equal(made.json.status, 'submitted');
    const outbox = (await api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token })).json.messages;
    const receipt = outbox.find((m) => m.recipient === account.email && m.kind === 'receipt') ?? outbox.find((m) => m.recipient === account.email && /was submitted on/.test(m.body));
    assert.ok(receipt, 'a receipt is queued');
    const call = (await api(server.base, 'GET', `/api/v1/editions/${oslo}/call`)).json;
    const body = receipt.body.replace(/\s+/g, ' ');
    assert.ok(body.includes(`until ${venueTime(call.closes_at, 'Europe/Oslo', 'Oslo')}:`), body);
    assert.match(body, /was submitted on \d{1,2} \w+ \d{4}, \d\d:\d\d \(Oslo time\) · /);
    assert.doesNotMatch(body, /\(UTC\)|\dZ/);
  });

  test('the evaluation round\'s deadline is in Oslo time and UTC, marked for the reader\'s own time', async () => {
    const deadline = '2027-03-28T01:30:00Z';  // the night Oslo moves to summer time
    const set = await api(server.base, 'PUT', `/api/v1/editions/${oslo}/evaluation-settings`, { token: server.admin.token, body: { deadline } });
    assert.equal(set.status, 200, set.text);
    const admin = new Visitor(server.base);
    await admin.signIn(server.admin.email, server.admin.password);
    const page = await admin.get(`/editions/${oslo}/evaluation/progress`);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`<span data-utc="${deadline}" data-zone="Europe/Oslo">[^<]*28 March 2027, 03:30 \\(Oslo time\\) · 01:30 UTC`));
  });

  test('the audit log and the outbox show UTC times in <time> elements', async () => {
    const admin = new Visitor(server.base);
    await admin.signIn(server.admin.email, server.admin.password);
    for (const path of ['/admin/audit', '/admin/outbox']) {
      const page = await admin.get(path);
      assert.equal(page.status, 200, path);
      const times = timesIn(page.text);
      assert.ok(times.length > 0, `${path} has times`);
      for (const [datetime, zone, text] of times) {
        assert.equal(zone, 'UTC');
        assert.equal(text, venueTime(datetime), path);
      }
      assert.doesNotMatch(page.text, /\(UTC\)/, `${path}: the time says UTC itself`);
    }
  });

  test('an edition\'s time zone must be a known IANA name: a 422 names time_zone', async () => {
    const body = { name: 'IGF Mars', year: 2034, start_date: '2034-06-01', end_date: '2034-06-04', time_zone: 'Mars/Olympus_Mons', venue: 'Olympus Mons' };
    const refused = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json.errors.map((e) => e.field), ['time_zone']);
    assert.match(refused.json.errors[0].message, /“Mars\/Olympus_Mons” is not a known time zone/);
    const admin = new Visitor(server.base);
    await admin.signIn(server.admin.email, server.admin.password);
    await admin.get('/editions/new');
    const form = await admin.post('/editions', { ...body, year: '2034' });
    assert.equal(form.status, 422);
    assert.match(form.text, /href="#field-time_zone"/);
    assert.match(form.text, /value="Mars\/Olympus_Mons"/, 'the zone as typed is kept');
    const fine = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { ...body, time_zone: 'America/Argentina/Buenos_Aires' } });
    assert.equal(fine.status, 201);
  });
});
