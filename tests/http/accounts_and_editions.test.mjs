// The Secretariat's first day, over HTTP as a browser sends it: sign in, create an
// edition, add a theme and a MAG member, read the audit log, sign out.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';

for (const engine of engines()) {
  describe(`accounts and editions on ${engine}`, () => {
    let server;
    before(async () => { server = await startServer(engine); });
    after(async () => { await server.stop(); });

    test('a wrong password shows an error and no session starts', async () => {
      const v = new Visitor(server.base);
      const r = await v.signIn(server.admin.email, 'wrong password');
      assert.equal(r.status, 401);
      assert.match(r.text, /The e-mail address or the password is wrong/);
      assert.ok(!v.cookies.has('convene_session'));
      assert.match(r.text, new RegExp(`value="${server.admin.email}"`), 'the e-mail typed is kept');
    });

    test('signing in sets an HttpOnly SameSite session cookie and returns to the page asked for', async () => {
      const v = new Visitor(server.base);
      const first = await v.get('/editions/new');
      assert.equal(first.status, 303);
      assert.equal(first.headers.get('location'), '/login?next=%2Feditions%2Fnew');
      await v.get('/login?next=%2Feditions%2Fnew');
      const r = await v.post('/login', { email: server.admin.email, password: server.admin.password, next: '/editions/new' });
      assert.equal(r.status, 303);
      assert.equal(r.headers.get('location'), '/editions/new');
      const cookie = r.headers.getSetCookie().find((c) => c.startsWith('convene_session='));
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Secure/, 'plain http base URL: no Secure flag');
      const page = await v.get('/editions/new');
      assert.equal(page.status, 200);
      assert.match(page.text, /Signed in as Ada Admin/);
    });

    test('an external next address is ignored after signing in', async () => {
      const v = new Visitor(server.base);
      await v.get('/login');
      const r = await v.post('/login', { email: server.admin.email, password: server.admin.password, next: '//evil.example/' });
      assert.equal(r.headers.get('location'), '/');
    });

    test('the admin creates an edition, a theme and a MAG member who can then sign in', async () => {
      const admin = new Visitor(server.base);
      await admin.signIn(server.admin.email, server.admin.password);
      await admin.get('/editions/new');
      const created = await admin.post('/editions', {
        name: 'IGF 2031', year: '2031', start_date: '2031-11-10', end_date: '2031-11-13',
        time_zone: 'Africa/Nairobi', venue: 'United Nations Office at Nairobi',
      });
      assert.equal(created.status, 303);
      const url = created.headers.get('location');
      assert.match(url, /^\/editions\/\d+$/);
      const page = await admin.get(url);
      assert.match(page.text, /<h1>IGF 2031<\/h1>/);
      assert.match(page.text, /United Nations Office at Nairobi/);
      assert.match(page.text, /Workshop \(60,90 minutes\)/, 'standard session types come with the edition');

      const theme = await admin.post(`${url}/themes`, { name: 'Digital Inclusion', description: 'Connecting the next billion.' });
      assert.equal(theme.status, 303);
      const withTheme = await admin.get(url);
      assert.match(withTheme.text, /<strong>Digital Inclusion<\/strong>: Connecting the next billion./);

      const duplicate = await admin.post(`${url}/themes`, { name: 'Digital Inclusion', description: '' });
      assert.equal(duplicate.status, 409);
      assert.match(duplicate.text, /already has a theme named Digital Inclusion/);

      await admin.get(`${url}/members`);
      const member = await admin.post(`${url}/members`, {
        name: 'Wanjiru Mwangi', email: 'Wanjiru@Example.org', organisation: 'Open Rights Foundation',
        country: 'KE', stakeholder_group: 'civil_society', gender: 'woman',
      });
      assert.equal(member.status, 201);
      const password = member.text.match(/Temporary password: <code>(\w+)<\/code>/)[1];
      const list = await admin.get(`${url}/members`);
      assert.match(list.text, /<td>Wanjiru Mwangi<\/td><td>Open Rights Foundation<\/td><td>Civil Society<\/td><td>Kenya<\/td>/);

      const mag = new Visitor(server.base);
      const signedIn = await mag.signIn('wanjiru@example.org', password);
      assert.equal(signedIn.status, 303);
      assert.equal((await mag.get('/editions/new')).status, 403, 'a MAG member may not create editions');
      assert.equal((await mag.get('/admin/audit')).status, 403);
      assert.equal((await mag.get(`${url}/members`)).status, 403);
      await mag.get(url);
      const sneaky = await mag.post(`${url}/themes`, { name: 'Sneaky theme' });
      assert.equal(sneaky.status, 403);

      const audit = await admin.get('/admin/audit');
      assert.equal(audit.status, 200);
      for (const action of ['edition.create', 'theme.create', 'member.add', 'account.sign_in'])
        assert.match(audit.text, new RegExp(`<td>${action.replace('.', '\\.')}</td>`));
      assert.match(audit.text, /<td>Ada Admin<\/td><td>edition\.create<\/td>/);

      const accounts = await admin.get('/admin/accounts');
      assert.match(accounts.text, /wanjiru@example.org/);
      assert.match(accounts.text, /MAG member \(evaluator\), IGF 2031/);
    });

    test('signing out ends the session on the server', async () => {
      const v = new Visitor(server.base);
      await v.signIn(server.admin.email, server.admin.password);
      const stolen = v.cookies.get('convene_session');
      await v.get('/editions');
      const out = await v.post('/logout', {});
      assert.equal(out.status, 303);
      assert.ok(!v.cookies.has('convene_session'));
      const replay = await fetch(server.base + '/admin/audit', { headers: { cookie: `convene_session=${stolen}` }, redirect: 'manual' });
      assert.equal(replay.status, 303, 'the old session cookie no longer signs anyone in');
    });

    test('a form with invalid values is shown again with every value and the errors at their fields', async () => {
      const v = new Visitor(server.base);
      await v.signIn(server.admin.email, server.admin.password);
      await v.get('/editions/new');
      const r = await v.post('/editions', {
        name: 'Kept name', year: 'next year', start_date: '2031-02-30', end_date: '2031-01-01',
        time_zone: 'Nairobi', venue: '',
      });
      assert.equal(r.status, 422);
      assert.match(r.text, /value="Kept name"/);
      assert.match(r.text, /value="next year"/);
      assert.match(r.text, /id="field-year-error"[^>]*><span class="visually-hidden">Error: <\/span>Year must be a number/);
      assert.match(r.text, /Start date must be a date/);
      assert.match(r.text, /Time zone must be a name such as Europe\/Paris/);
      assert.match(r.text, /Venue is required/);
      assert.match(r.text, /aria-invalid="true"/);
      assert.match(r.text, /<a href="#field-venue">Venue is required.<\/a>/, 'the summary links to the field');
      const list = await api(server.base, 'GET', '/api/v1/editions');
      assert.ok(!list.json.editions.some((e) => e.name === 'Kept name'), 'nothing stored');
    });

    test('login is throttled per account after repeated failures', async () => {
      const email = 'throttled@test.example';
      const add = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'Throttle edition', year: 2030, start_date: '2030-01-01', end_date: '2030-01-02', time_zone: 'UTC', venue: 'Geneva' } });
      const edition = add.json.id;
      const created = await api(server.base, 'POST', `/api/v1/editions/${edition}/members`, { token: server.admin.token, body: { name: 'Tom Throttle', email, stakeholder_group: 'government', country: 'FR' } });
      const password = created.json.temporary_password;
      const v = new Visitor(server.base);
      for (let i = 0; i < 5; i++) assert.equal((await v.signIn(email, 'guess ' + i)).status, 401);
      const blocked = await v.signIn(email, password);
      assert.equal(blocked.status, 429);
      assert.match(blocked.text, /Too many failed sign-ins/);
    });
  });
}
