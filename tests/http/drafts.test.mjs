// Nothing typed is lost: a draft saves whatever is typed and names its format problems as
// warnings; submission lists every problem at once; a form sent after the sign-in or its
// token expired comes back filled after signing in; a proposal can be withdrawn and is
// kept, marked withdrawn, out of screening.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, moveClock } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { workshop, openCall, proposer } from '../support/proposals.mjs';

const day = 86400;
const password = 'a long enough password';

async function signedIn(server, name) {
  const account = await proposer(server, name);
  const v = new Visitor(server.base);
  await v.signIn(account.email, password);
  return { v, account };
}

// Every field of the form wrong in its own way.
const everythingWrong = {
  session_type: 'workshop', title: 'T'.repeat(120), theme: 'Access', format: 'flash', duration: '90',
  description: 'word '.repeat(260), 'organisers-rows': '1', 'organisers-0-name': 'Olu Organiser', 'organisers-0-email': 'olu@',
  'organisers-0-country': 'Atlantis', 'speakers-rows': '1', 'speakers-0-name': '', 'speakers-0-email': 'nobody@nowhere',
  'speakers-0-organisation': 'Somewhere', action: 'save',
};

describe('drafts, warnings and submission', () => {
  let server, edition;
  before(async () => {
    server = await startServer('sqlite', { testHooks: true });
    edition = await openCall(server, { closesInSeconds: 60 * day });
  });
  after(async () => { await server.stop(); });

  test('a draft with every field wrong is saved, every warning listed beside its field', async () => {
    const { v } = await signedIn(server, 'Wanda Wrong');
    await v.get(`/editions/${edition}/proposals/new`);
    const saved = await v.post(`/editions/${edition}/proposals`, everythingWrong);
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get('location'), /^\/proposals\/\d+\/edit\?saved=1$/);
    const form = await v.get(saved.headers.get('location'));
    assert.equal(form.status, 200);
    assert.match(form.text, /Draft saved at \d\d:\d\d UTC \(version 1\)/);
    assert.match(form.text, /7 fields need attention before you can submit/);
    for (const field of ['title', 'duration', 'description', 'organisers-0-email', 'organisers-0-country', 'speakers-0-name', 'speakers-0-email'])
      assert.match(form.text, new RegExp(`href="#field-${field}"`), field);
    assert.match(form.text, /Title is 120 characters long; the limit is 100/);
    assert.match(form.text, /value="olu@"/, 'the bad address is kept as typed');
    assert.match(form.text, /value="Atlantis"/, 'the unknown country too');
    assert.match(form.text, /value="nobody@nowhere"/);
  });

  test('submission lists every problem at once; the API says the same with a 422 naming each field', async () => {
    const p = await proposer(server);
    const body = { ...workshop('Access'), title: 'T'.repeat(120), description: '', format: 'flash', duration: 90, speakers: [{ name: 'A', email: 'bad' }] };
    const draft = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: p.token, body });
    assert.equal(draft.status, 201);
    assert.deepEqual(draft.json.warnings.map((w) => w.field).sort(), ['duration', 'speakers[0].email', 'title']);
    const put = await api(server.base, 'PUT', `/api/v1/proposals/${draft.json.id}`, { token: p.token, body: { ...body, version: 1, title: 'T'.repeat(130) } });
    assert.equal(put.status, 200, 'a draft PUT with format problems is saved');
    assert.equal(put.json.title, 'T'.repeat(130));
    assert.ok(put.json.warnings.some((w) => w.field === 'title'));
    const submit = await api(server.base, 'PUT', `/api/v1/proposals/${draft.json.id}`, { token: p.token, body: { ...body, version: 2, submit: true } });
    assert.equal(submit.status, 422);
    assert.deepEqual(submit.json.errors.map((e) => e.field).sort(), ['description', 'duration', 'speakers[0].email', 'title']);
    const kept = await api(server.base, 'GET', `/api/v1/proposals/${draft.json.id}`, { token: p.token });
    assert.equal(kept.json.status, 'draft');
  });

  test('a form posted after the sign-in expired comes back filled after signing in', async () => {
    const { v, account } = await signedIn(server, 'Sam Sleeper');
    await v.get(`/editions/${edition}/proposals/new`);
    await moveClock(server, 15 * day);
    try {
      const late = await v.post(`/editions/${edition}/proposals`, { ...everythingWrong, title: 'Typed while away' });
      assert.equal(late.status, 303);
      const login = late.headers.get('location');
      assert.match(login, /^\/login\?next=%2Fkept%2F[0-9a-f]{64}$/);
      const page = await v.get(login);
      assert.match(page.text, /What you typed is kept/);
      assert.match(page.text, /<a href="\/register">Create account<\/a>/);
      const back = await v.post('/login', { email: account.email, password, next: decodeURIComponent(login.split('next=')[1]) });
      assert.equal(back.status, 303);
      const kept = await v.get(back.headers.get('location'));
      assert.equal(kept.status, 303);
      const form = await v.get(kept.headers.get('location'));
      assert.equal(form.status, 200);
      assert.match(form.text, /value="Typed while away"/);
      assert.match(form.text, /value="nobody@nowhere"/);
      assert.match(form.text, /value="Atlantis"/);
      assert.match(form.text, /nothing was saved yet/);
      // Someone else with the link gets nothing.
      const { v: other } = await signedIn(server, 'Otto Other');
      assert.equal((await other.get(back.headers.get('location'))).status, 410);
      // Saving it now works.
      const saved = await v.post(`/editions/${edition}/proposals`, { ...everythingWrong, title: 'Typed while away', creation_key: form.text.match(/name="creation_key" value="([0-9a-f]{64})"/)[1] });
      assert.equal(saved.status, 303);
    } finally {
      await moveClock(server, -15 * day);
    }
  });

  test('an expired form token keeps the values too, and a cross-site post keeps nothing', async () => {
    const { v } = await signedIn(server, 'Tia Token');
    await v.get(`/editions/${edition}/proposals/new`);
    const created = await v.post(`/editions/${edition}/proposals`, { title: 'First words', action: 'save', csrf_token: v.csrf });
    const id = created.headers.get('location').match(/\/proposals\/(\d+)/)[1];
    await v.get(`/proposals/${id}/edit`);
    const stale = await v.post(`/proposals/${id}`, { title: 'Second words', version: '1', action: 'save' }, { csrf: 'f'.repeat(64) });
    assert.equal(stale.status, 303);
    assert.match(stale.headers.get('location'), /^\/kept\/[0-9a-f]{64}$/);
    const refill = await v.get(stale.headers.get('location'));
    assert.match(refill.headers.get('location'), new RegExp(`^/proposals/${id}/edit\\?kept=`));
    const form = await v.get(refill.headers.get('location'));
    assert.match(form.text, /value="Second words"/);
    const cross = await v.post(`/proposals/${id}`, { title: 'Planted', version: '1' }, { csrf: 'f'.repeat(64), headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(cross.status, 403);
  });

  test('a bad co-organiser address comes back in the proposal page, typed, with its error, still signed in', async () => {
    const { v, account } = await signedIn(server, 'Cora Coorg');
    const made = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: account.token, body: { title: 'Shared' } });
    await v.get(`/proposals/${made.json.id}`);
    const bad = await v.post(`/proposals/${made.json.id}/co-organisers`, { email: 'not-an-address' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /value="not-an-address"/);
    assert.match(bad.text, /href="#field-email"/);
    assert.match(bad.text, /Sign out/, 'the header shows the person signed in');
  });

  test('a proposer withdraws a proposal: kept, marked withdrawn for staff, out of screening', async () => {
    const { v, account } = await signedIn(server, 'Will Withdraw');
    const made = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: account.token, body: { ...workshop('Access'), submit: true } });
    assert.equal(made.json.status, 'submitted');
    const id = made.json.id;
    const screenedIds = async () => (await api(server.base, 'GET', `/api/v1/editions/${edition}/screening`, { token: server.admin.token })).json.results.map((r) => String(r.proposal));
    assert.ok((await api(server.base, 'POST', `/api/v1/editions/${edition}/screening`, { token: server.admin.token })).status < 300);
    assert.ok((await screenedIds()).includes(String(id)), 'screened while it stands');
    const page = await v.get(`/proposals/${id}`);
    assert.match(page.text, /Withdraw proposal/);
    // Not ticked: the same proposal page again, the reason beside the box, nothing withdrawn.
    const unticked = await v.post(`/proposals/${id}/withdraw`, {});
    assert.equal(unticked.status, 422, 'the box must be ticked');
    assert.match(unticked.text, /<h1>[^<]*<\/h1>/);
    assert.ok(unticked.text.includes(`action="/proposals/${id}/withdraw"`), 'the withdraw form is still there');
    assert.match(unticked.text, /href="#field-confirm"/, 'the summary links to the box');
    assert.match(unticked.text, /id="field-confirm-error"><span class="visually-hidden">Error: <\/span>Tick the box to confirm that you withdraw this proposal\.<\/p><input id="field-confirm" name="confirm" type="checkbox" value="yes" aria-invalid="true" aria-describedby="field-confirm-error">/);
    assert.match(unticked.text, /Sign out/, 'still signed in');
    assert.match(unticked.text, /<dd>Submitted<\/dd>/, 'still submitted');
    const gone = await v.post(`/proposals/${id}/withdraw`, { confirm: 'yes' });
    assert.equal(gone.status, 303);
    const after = await v.get(gone.headers.get('location'));
    assert.match(after.text, /Your proposal is withdrawn/);
    assert.match(after.text, /<dd>Withdrawn<\/dd>/);
    assert.ok(!after.text.includes('Edit this proposal'));
    const staff = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: server.admin.token });
    assert.equal(staff.json.status, 'withdrawn');
    assert.equal(staff.json.title, workshop('Access').title, 'kept in the record');
    const again = await api(server.base, 'POST', `/api/v1/proposals/${id}/withdrawal`, { token: account.token });
    assert.equal(again.status, 409);
    const edit = await api(server.base, 'PUT', `/api/v1/proposals/${id}`, { token: account.token, body: { ...workshop('Access'), version: staff.json.version } });
    assert.equal(edit.status, 409);
    const stranger = await proposer(server);
    assert.equal((await api(server.base, 'POST', `/api/v1/proposals/${id}/withdrawal`, { token: stranger.token })).status, 403);
    assert.ok(!(await screenedIds()).includes(String(id)), 'out of the screening list');
    assert.ok((await api(server.base, 'POST', `/api/v1/editions/${edition}/screening`, { token: server.admin.token })).status < 300);
    assert.ok(!(await screenedIds()).includes(String(id)), 'and not screened again');
  });

  test('after a decision is recorded, withdrawing is refused with the reason: write to the Secretariat', async () => {
    const { v, account } = await signedIn(server, 'Dora Decided');
    const made = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: account.token, body: { ...workshop('Access'), submit: true } });
    const id = made.json.id;
    const decided = await api(server.base, 'PUT', `/api/v1/proposals/${id}/decision`, { token: server.admin.token, body: { kind: 'accepted', reason: 'A strong proposal.' } });
    assert.equal(decided.status, 200, decided.text);
    const page = await v.get(`/proposals/${id}`);
    assert.doesNotMatch(page.text, /Withdraw proposal<\/button>/, 'no withdraw button once decided');
    assert.match(page.text, /decision on this proposal has been recorded[^<]*write to the Secretariat/);
    // A form opened before the decision, sent after it: the page again, with the reason.
    const late = await v.post(`/proposals/${id}/withdraw`, { confirm: 'yes' });
    assert.equal(late.status, 409);
    assert.match(late.text, /A decision has been recorded for this proposal, so it can no longer be withdrawn here; write to the Secretariat/);
    assert.match(late.text, /href="#field-confirm"/);
    const viaApi = await api(server.base, 'POST', `/api/v1/proposals/${id}/withdrawal`, { token: account.token });
    assert.equal(viaApi.status, 409);
    assert.equal(viaApi.json.errors[0].field, 'confirm');
    assert.match(viaApi.json.errors[0].message, /write to the Secretariat/);
    const staff = await api(server.base, 'GET', `/api/v1/proposals/${id}`, { token: server.admin.token });
    assert.equal(staff.json.status, 'submitted', 'nothing changed');
  });
});
