// Participants' feedback on sessions (issue 17): refused before the session's end (server
// time, UTC, moved by the test clock); bad values (0, 6, "x", 4.5, none, an unknown group,
// a comment too long or of the wrong type) a 4xx naming the field, on the page with what
// was typed kept; one rating per account per session, changed by rating again; somebody
// not signed in rates from the page without JavaScript and is thanked, once per browser;
// floods limited per browser and per address, counted in /metrics and on the Secretariat's
// page, and other addresses not slowed; a comment with a script and links stored verbatim
// and shown escaped; results for the session's organisers and the Secretariat only, the
// edition's by theme and by type for the Secretariat only.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';
import { proposer, csrfPair } from '../support/proposals.mjs';
import { demoEdition, organisedSession, clockTo } from '../support/feedback.mjs';

for (const engine of engines()) {
  describe(`participants' feedback on ${engine}`, () => {
    let server, edition, sessions, first, later, participant, own;
    const path = (rest = '') => `/api/v1/editions/${edition}${rest}`;
    const rate = (code, body, { token, headers = csrfPair() } = {}) =>
      api(server.base, 'PUT', path(`/programme/${code}/feedback`), { token, body, headers: token ? {} : headers });
    const results = (code, token) => api(server.base, 'GET', path(`/programme/${code}/feedback`), { token });
    // An anonymous browser's headers: its CSRF pair, its feedback cookie, its address.
    const browser = (cookie, address) => {
      const pair = csrfPair();
      return { ...pair, cookie: `${pair.cookie}${cookie ? `; convene_feedback=${cookie}` : ''}`, ...(address ? { 'x-forwarded-for': address } : {}) };
    };

    before(async () => {
      server = await startServer(engine, { demo: true, demoProposals: 20, testHooks: true, args: ['--trusted-proxy', '127.0.0.1/32'] });
      edition = await demoEdition(server);
      sessions = (await api(server.base, 'GET', path('/programme'))).json.sessions;
      first = sessions[0];
      participant = await proposer(server, 'Rita Rater');
      own = await organisedSession(server, edition, { code: 'FB1', day: first.day, email: server.demoMember.email });
      sessions = (await api(server.base, 'GET', path('/programme'))).json.sessions;
      // The earliest session to end; another one ends later.
      first = [...sessions].filter((s) => s.code !== 'FB1').sort((a, b) => a.end_utc.localeCompare(b.end_utc))[0];
      later = sessions.find((s) => s.code !== 'FB1' && s.start_utc > first.end_utc);
      assert.ok(later, 'a session ends after the first');
    });
    after(async () => { await server.stop(); });

    test('before the session ends, feedback is refused (409) and its page says when it opens', async () => {
      const r = await rate(first.code, { rating: 4 }, { token: participant.token });
      assert.equal(r.status, 409, r.text);
      assert.match(r.json.detail, /feedback opens then/);
      const page = await new Visitor(server.base).get(`/editions/${edition}/programme/${first.code}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Feedback opens when the session ends/);
      assert.doesNotMatch(page.text, /How useful was this session\?/);
      await clockTo(server, first.end_utc, -60);
      assert.equal((await rate(first.code, { rating: 4 }, { token: participant.token })).status, 409, 'a minute before the end');
      await clockTo(server, first.end_utc, 0);
      assert.equal((await rate(later.code, { rating: 4 }, { token: participant.token })).status, 409, 'a later session is still refused');
    });

    test('bad values are a 4xx naming the field: 0, 6, "x", 4.5, none, an unknown group, a long comment', async () => {
      const cases = [
        [{ rating: 0 }, 'rating'], [{ rating: 6 }, 'rating'], [{ rating: 'x' }, 'rating'], [{ rating: '4' }, 'rating'],
        [{ rating: 4.5 }, 'rating'], [{}, 'rating'], [{ rating: null }, 'rating'], [{ rating: -1 }, 'rating'], [{ rating: 1e12 }, 'rating'],
        [{ rating: 3, stakeholder_group: 'aliens' }, 'stakeholder_group'], [{ rating: 3, stakeholder_group: 7 }, 'stakeholder_group'],
        [{ rating: 3, comment: 'a'.repeat(2001) }, 'comment'], [{ rating: 3, comment: ['x'] }, 'comment'],
      ];
      for (const [body, field] of cases) {
        const r = await rate(first.code, body, { token: participant.token });
        assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(body).slice(0, 60)}: ${r.status}`);
        assert.equal(r.json.errors[0].field, field, JSON.stringify(body).slice(0, 60));
      }
      for (const body of ['[1]', '"x"', '{"rating":']) {
        const r = await api(server.base, 'PUT', path(`/programme/${first.code}/feedback`), { token: participant.token, body, headers: { 'content-type': 'application/json' } });
        assert.ok(r.status === 400 || r.status === 422, `${body}: ${r.status}`);
      }
      // On the page: the form again with the error, the comment kept.
      const v = new Visitor(server.base);
      await v.get(`/editions/${edition}/programme/${first.code}`);
      for (const rating of ['0', '6', 'x', '']) {
        const r = await v.post(`/editions/${edition}/programme/${first.code}/feedback`, { rating, comment: 'Kept <b>as typed</b>' });
        assert.equal(r.status, 422, rating);
        assert.match(r.text, /There is a problem/);
        assert.match(r.text, /href="#field-rating"/);
        assert.match(r.text, /Kept &lt;b&gt;as typed&lt;/);
      }
      assert.equal((await results(first.code, server.admin.token)).json.count, 0, 'nothing was stored');
    });

    test('a signed-in participant rates once per session and changes their rating', async () => {
      const made = await rate(first.code, { rating: 2, stakeholder_group: 'youth' }, { token: participant.token });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual(made.json, { code: first.code, rating: 2, comment: '', stakeholder_group: 'youth', changed: false });
      const again = await rate(first.code, { rating: 5, comment: 'Clear and practical.' }, { token: participant.token });
      assert.equal(again.status, 200);
      assert.equal(again.json.changed, true);
      const r = (await results(first.code, server.admin.token)).json;
      assert.equal(r.count, 1, 'one rating per account');
      assert.equal(r.mean, 5);
      assert.deepEqual(r.distribution.map((d) => d.count), [1, 0, 0, 0, 0]);
      assert.equal(r.comments[0].comment, 'Clear and practical.');
    });

    test('somebody not signed in rates on the page without JavaScript, is thanked, and changes it from the same browser', async () => {
      const v = new Visitor(server.base);
      const page = await v.get(`/editions/${edition}/programme/${first.code}`);
      assert.match(page.text, /<fieldset id="field-rating"[^>]*>\s*<legend>How useful was this session\?<\/legend>/);
      for (let i = 1; i <= 5; i++) assert.match(page.text, new RegExp(`<input type="radio" id="rating-${i}" name="rating" value="${i}"> <label class="inline" for="rating-${i}">${i}: `));
      assert.equal(page.headers.get('cache-control'), 'no-store', 'a page with a form of one reader is never shared');
      const comment = '<script>alert("x")</script> see [here](javascript:alert(1)) and https://evil.example/?a=1&b=2';
      const sent = await v.post(`/editions/${edition}/programme/${first.code}/feedback`, { rating: '3', comment, stakeholder_group: 'civil_society' });
      assert.equal(sent.status, 303, sent.text);
      assert.equal(sent.headers.get('location'), `/editions/${edition}/programme/${first.code}?feedback=saved#feedback-saved`);
      assert.ok(v.cookies.get('convene_feedback'), 'the browser has its feedback cookie');
      const thanked = await v.get(sent.headers.get('location').replace(/#.*/, ''));
      assert.match(thanked.text, /role="status"[^>]*><p><strong>Thank you, your feedback is saved\.<\/strong> You rated this session 3 out of 5: Useful\./);
      assert.match(thanked.text, /id="rating-3" name="rating" value="3" checked/);
      assert.match(thanked.text, /<option value="civil_society" selected>/);
      // A second send from the same browser changes it.
      await v.post(`/editions/${edition}/programme/${first.code}/feedback`, { rating: '4', comment, stakeholder_group: 'civil_society' });
      const r = (await results(first.code, server.admin.token)).json;
      assert.equal(r.count, 2);
      assert.deepEqual(r.distribution.map((d) => d.count), [1, 1, 0, 0, 0]);
      assert.equal(r.mean, 4.5);
      assert.ok(r.comments.some((c) => c.comment === comment), 'stored verbatim');
      // Shown escaped on the organisers' page.
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      const shown = await secretariat.get(`/editions/${edition}/programme/${first.code}/feedback`);
      assert.equal(shown.status, 200);
      assert.ok(shown.text.includes('&lt;script&gt;alert('), 'escaped');
      assert.ok(!shown.text.includes('<script>alert'), 'never as markup');
      assert.ok(!/<a [^>]*href="javascript:/.test(shown.text), 'no link made of it');
      assert.match(shown.text, /<strong>2<\/strong> ratings, a mean of <strong>4\.50<\/strong> out of 5/);
    });

    test('floods: per browser and per address, refused with 429, counted, and other addresses go on', async () => {
      // One browser: 20 sends in ten minutes, then refused.
      const cookie = 'ab'.repeat(32);
      for (let i = 0; i < 20; i++) {
        const r = await rate(first.code, { rating: 1 + (i % 5) }, { headers: browser(cookie, '198.51.100.7') });
        assert.ok(r.status === 201 || r.status === 200, `${i}: ${r.status} ${r.text}`);
      }
      const refused = await rate(first.code, { rating: 1 }, { headers: browser(cookie, '198.51.100.7') });
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '600');
      // One address: 120 sends from browsers without a cookie, then refused, even a new browser.
      const started = Date.now();
      for (let i = 0; i < 120; i++) {
        const r = await rate(first.code, { rating: 5 }, { headers: browser('', '203.0.113.9') });
        assert.equal(r.status, 201, `${i}: ${r.text}`);
      }
      let blocked = 0, took = [];
      for (let i = 0; i < 50; i++) {
        const t = Date.now();
        const r = await rate(first.code, { rating: 5 }, { headers: browser(String(i).padStart(2, '0').repeat(32), '203.0.113.9') });
        took.push(Date.now() - t);
        if (r.status === 429) blocked++;
      }
      assert.equal(blocked, 50, 'every further send from the address is refused');
      took.sort((a, b) => a - b);
      assert.ok(took[25] < 100, `refusals are cheap (median ${took[25]} ms)`);
      // Other addresses and signed-in participants are not limited by it.
      const other = await rate(first.code, { rating: 2 }, { headers: browser('', '192.0.2.1') });
      assert.equal(other.status, 201);
      const metrics = await api(server.base, 'GET', '/metrics');
      const counted = Number(metrics.text.match(/convene_feedback_refused_total (\d+)/)?.[1]);
      assert.ok(counted >= 51, `refusals counted (${counted})`);
      const all = (await api(server.base, 'GET', path('/feedback'), { token: server.admin.token })).json;
      assert.ok(all.refused_floods >= 51);
      // Ten minutes later the address may send again.
      await clockTo(server, first.end_utc, 11 * 60 + Math.ceil((Date.now() - started) / 1000) + 60);
      assert.equal((await rate(first.code, { rating: 5 }, { headers: browser('', '203.0.113.9') })).status, 201);
    });

    test('results: the session\'s organisers and the Secretariat only; the edition\'s by theme and type for the Secretariat', async () => {
      await clockTo(server, own.end_utc, 60);
      assert.equal((await rate('FB1', { rating: 4, comment: 'Good one' }, { token: participant.token })).status, 201);
      // Nobody signed in, a participant, a MAG member of another edition: not the results.
      assert.equal((await results('FB1')).status, 401);
      assert.equal((await results('FB1', participant.token)).status, 403);
      assert.equal((await new Visitor(server.base).get(`/editions/${edition}/programme/FB1/feedback`)).status, 303);
      assert.equal((await api(server.base, 'GET', path('/feedback'), { token: participant.token })).status, 403);
      // The organiser (the demo's MAG member, organiser of FB1) reads FB1's, not another's.
      const organiser = new Visitor(server.base);
      await organiser.signIn(server.demoMember.email, server.demoMember.password);
      const mine = await organiser.get(`/editions/${edition}/programme/FB1/feedback`);
      assert.equal(mine.status, 200, mine.text.slice(0, 300));
      assert.match(mine.text, /<strong>1<\/strong> rating, a mean of <strong>4\.00<\/strong>/);
      assert.match(mine.text, /Good one/);
      assert.equal((await organiser.get(`/editions/${edition}/programme/${first.code}/feedback`)).status, 403);
      assert.equal((await organiser.get(`/editions/${edition}/feedback`)).status, 403);
      const session = await organiser.get(`/editions/${edition}/programme/FB1`);
      assert.match(session.text, /href="\/editions\/\d+\/programme\/FB1\/feedback">Feedback results for this session/);
      // The Secretariat: every session, by theme and by type, on the page and in the API.
      const all = await api(server.base, 'GET', path('/feedback'), { token: server.admin.token });
      assert.equal(all.status, 200);
      const fb1 = all.json.sessions.find((s) => s.code === 'FB1');
      assert.equal(fb1.count, 1);
      assert.ok(all.json.by_type.some((t) => t.key === 'workshop' && t.count >= 1));
      assert.equal(all.json.by_theme.reduce((n, t) => n + t.count, 0), all.json.count, 'themes add up');
      assert.equal(all.json.by_type.reduce((n, t) => n + t.count, 0), all.json.count, 'types add up');
      assert.equal(all.json.sessions.reduce((n, s) => n + s.count, 0), all.json.count, 'sessions add up');
      const secretariat = new Visitor(server.base);
      await secretariat.signIn(server.admin.email, server.admin.password);
      const page = await secretariat.get(`/editions/${edition}/feedback`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Ratings by theme/);
      assert.match(page.text, /Ratings by session type/);
      assert.match(page.text, /FB1/);
    });
  });
}
