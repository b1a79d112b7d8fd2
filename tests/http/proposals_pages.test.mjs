// The proposers' and the Secretariat's pages without JavaScript: forms that keep every
// value, the conflict page with both versions, the deadline, escaping and Markdown.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { workshop, openCall, setCall, proposer } from '../support/proposals.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The proposal form's fields for a proposal in the API's shape.
function formFields(p, extra = {}) {
  const f = { session_type: p.session_type, title: p.title, theme: p.theme, format: p.format, duration: String(p.duration), description: p.description, expected_outcomes: p.expected_outcomes, online_participation: p.online_participation, policy_questions: p.policy_questions[0] };
  for (const [field, list] of Object.entries({ organisers: p.organisers, speakers: p.speakers, moderators: p.moderators, online_moderators: p.online_moderators, rapporteurs: p.rapporteurs })) {
    f[`${field}-rows`] = String(list.length);
    list.forEach((person, i) => {
      for (const k of ['name', 'email', 'organisation', 'country', 'stakeholder_group', 'gender', 'confirmation']) if (person[k]) f[`${field}-${i}-${k}`] = person[k];
    });
  }
  return { ...f, ...extra };
}

async function signedInProposer(server, name) {
  const account = await proposer(server, name);
  const v = new Visitor(server.base);
  await v.get('/login');
  await v.post('/login', { email: account.email, password: 'a long enough password' });
  return { v, account };
}

describe('proposal pages', () => {
  let server, edition;
  before(async () => {
    server = await startServer('sqlite');
    edition = await openCall(server);
  });
  after(async () => { await server.stop(); });

  test('a new proposal with a mistake comes back with every value and the error next to its field', async () => {
    const { v } = await signedInProposer(server, 'Form Filler');
    const form = await v.get(`/editions/${edition}/proposals/new`);
    assert.equal(form.status, 200);
    const key = form.text.match(/name="creation_key" value="([0-9a-f]{64})"/)[1];
    const fields = formFields(workshop('Access'), { title: 'x'.repeat(120), creation_key: key, action: 'submit', 'speakers-1-email': 'broken@' });
    const again = await v.post(`/editions/${edition}/proposals`, fields);
    assert.equal(again.status, 422);
    assert.match(again.text, /Title is 120 characters long; the limit is 100/);
    assert.match(again.text, /href="#field-speakers-1-email"/);
    assert.match(again.text, /value="broken@"/);
    assert.match(again.text, /value="Speaker 4"/);
    assert.match(again.text, /How schools far from cities/);
    assert.match(again.text, /Not submitted: 2 problems\. Your draft is saved \(version 1, at \d\d:\d\d UTC\)/);
    // The draft is kept: the form now saves over it.
    const action = again.text.match(/<form method="post" action="(\/proposals\/\d+)"/)[1];
    const twice = await v.post(`/editions/${edition}/proposals`, fields);
    assert.equal(twice.status, 422, 'the same form sent twice makes one proposal');
    assert.match(twice.text, new RegExp(`action="${action}"`));
    const fixed = await v.post(action, { ...fields, version: '1', title: 'Fixed', 'speakers-1-email': 'fine@speakers.test' });
    assert.equal(fixed.status, 303);
    const page = await v.get(fixed.headers.get('location'));
    assert.match(page.text, /Your proposal is submitted/);
  });

  test('a row for another speaker is added without losing what was typed', async () => {
    const { v } = await signedInProposer(server, 'Row Adder');
    await v.get(`/editions/${edition}/proposals/new`);
    const more = await v.post(`/editions/${edition}/proposals`, { title: 'Keep me', 'speakers-rows': '4', 'speakers-0-name': 'First speaker', action: 'add-speakers' });
    assert.equal(more.status, 200);
    assert.match(more.text, /value="Keep me"/);
    assert.match(more.text, /value="First speaker"/);
    assert.match(more.text, /Speaker 5: name/);
  });

  test('other session types get a shorter form with their own durations', async () => {
    const { v } = await signedInProposer(server, 'Open Forum Host');
    await v.get(`/editions/${edition}/proposals/new`);
    const workshopForm = await v.get(`/editions/${edition}/proposals/new`);
    assert.match(workshopForm.text, /id="field-format"/);
    assert.match(workshopForm.text, /Rapporteur 1: name/);
    const openForum = await v.post(`/editions/${edition}/proposals`, { session_type: 'open_forum', title: 'Typed before switching', action: 'change-type' });
    assert.equal(openForum.status, 200);
    assert.ok(!openForum.text.includes('id="field-format"'));
    assert.ok(!openForum.text.includes('Rapporteur 1: name'));
    assert.match(openForum.text, /value="Typed before switching"/);
    assert.match(openForum.text, /30 or 60 minutes/);
    const tooLong = await v.post(`/editions/${edition}/proposals`, { session_type: 'open_forum', title: 'Open forum', duration: '90', action: 'save' });
    assert.equal(tooLong.status, 303, 'the draft is saved');
    assert.match(tooLong.headers.get('location'), /^\/proposals\/\d+\/edit\?saved=1$/);
    const shown = await v.get(tooLong.headers.get('location'));
    assert.match(shown.text, /Draft saved at \d\d:\d\d UTC \(version 1\)/);
    assert.match(shown.text, /This session type lasts 30 or 60 minutes, not 90/);
  });

  test('text is shown escaped and Markdown is rendered safely', async () => {
    const { v, account } = await signedInProposer(server, 'Script Kiddie');
    const body = { ...workshop('Access'), title: '<script>alert("t")</script>', description: '**Bold** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=alert(3)>' };
    const created = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: account.token, body });
    const page = await v.get(`/proposals/${created.json.id}`);
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('<script>alert'), 'no script from users reaches the page');
    assert.match(page.text, /&lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt;/);
    assert.match(page.text, /<strong>Bold<\/strong>/);
    assert.ok(!page.text.includes('javascript:alert'));
    assert.ok(!page.text.includes('<img src=x'));
  });

  test('a co-organiser saving an old version sees both versions, and nothing is overwritten', async () => {
    const owner = await signedInProposer(server, 'Owner Two');
    const created = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: owner.account.token, body: workshop('Access') });
    const id = created.json.id;
    await owner.v.get(`/proposals/${id}/edit`);
    const first = await owner.v.post(`/proposals/${id}`, formFields(workshop('Access'), { version: '1', title: 'Title from the owner', action: 'save' }));
    assert.equal(first.status, 303);
    const stale = await owner.v.post(`/proposals/${id}`, formFields(workshop('Access'), { version: '1', title: 'Title from a second tab', action: 'save' }));
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Someone else saved this proposal/);
    assert.match(stale.text, /<td class="pre">Title from the owner<\/td><td class="pre">Title from a second tab<\/td>/);
    assert.match(stale.text, /name="version" value="2"/);
    assert.match(stale.text, /id="field-title" name="title" type="text" value="Title from a second tab"/);
    const stored = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: owner.account.token });
    assert.equal(stored.json.title, 'Title from the owner');
    const revisions = await owner.v.get(`/proposals/${id}/revisions`);
    assert.match(revisions.text, /Compare the two versions/);
    const compare = await owner.v.get(`/proposals/${id}/compare?from=1&to=2`);
    assert.match(compare.text, /Title from the owner/);
    const stranger = await signedInProposer(server, 'Not Invited');
    assert.equal((await stranger.v.get(`/proposals/${id}`)).status, 403);
    assert.equal((await stranger.v.get(`/proposals/${id}/revisions`)).status, 403);
  });

  test('after the deadline the form is read-only and a late save keeps the typed text on screen', async () => {
    const late = await openCall(server, { closesInSeconds: 2, name: 'Closing now' });
    const owner = await signedInProposer(server, 'Late Larry');
    const created = await api(server.base, 'POST', `/api/v1/editions/${late}/proposals`, { token: owner.account.token, body: workshop('Access') });
    const id = created.json.id;
    await owner.v.get(`/proposals/${id}/edit`);
    await sleep(3000);
    const refused = await owner.v.post(`/proposals/${id}`, formFields(workshop('Access'), { version: '1', title: 'Typed too late', action: 'submit' }));
    assert.equal(refused.status, 409);
    assert.match(refused.text, /closed on/);
    assert.match(refused.text, /value="Typed too late"/);
    const edit = await owner.v.get(`/proposals/${id}/edit`);
    assert.equal(edit.status, 303, 'the edit form is no longer offered');
    const page = await owner.v.get(`/proposals/${id}`);
    assert.match(page.text, /read-only: the call has closed/);
    assert.ok(!page.text.includes('Edit this proposal'));
    await setCall(server, late, { closesInSeconds: 3600 });
  });

  test('the Secretariat sets the call on a page that names mistakes; only the Secretariat', async () => {
    const admin = new Visitor(server.base);
    await admin.signIn(server.admin.email, server.admin.password);
    const page = await admin.get(`/editions/${edition}/call`);
    assert.equal(page.status, 200);
    assert.match(page.text, /flash \| Flash session \| 30/);
    const bad = await admin.post(`/editions/${edition}/call`, { opens_at: '2027-02-01 00:00', closes_at: 'whenever', formats: 'panel | Panel | sixty', session_types: 'workshop', title_characters: '100', description_words: '250', text_words: '500', text_characters: '5000', max_people_per_role: '20' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /href="#field-closes_at"/);
    assert.match(bad.text, /this line is not: panel \| Panel \| sixty/);
    assert.match(bad.text, /value="2027-02-01 00:00"|value="2027-02-01T00:00:00Z"/);
    const good = await admin.post(`/editions/${edition}/call`, { opens_at: '2026-01-01 00:00', closes_at: '2099-04-15 23:59', formats: 'panel | Panel | 60, 90\nflash | Flash | 30', session_types: 'workshop', tags: 'Access\nAI', title_characters: '80', description_words: '250', text_words: '500', text_characters: '5000', max_people_per_role: '20' });
    assert.equal(good.status, 303);
    const call = await api(server.base, 'GET', `/api/v1/editions/${edition}/call`);
    assert.equal(call.json.closes_at, '2099-04-15T23:59:00Z');
    assert.deepEqual(call.json.session_types, ['workshop']);
    assert.equal(call.json.limits.title_characters, 80);
    const { v } = await signedInProposer(server, 'Curious');
    assert.equal((await v.get(`/editions/${edition}/call`)).status, 403);
    assert.equal((await v.get('/admin/outbox')).status, 403);
    assert.equal((await api(server.base, 'GET', '/api/v1/outbox', { token: (await proposer(server)).token })).status, 403);
  });
});
