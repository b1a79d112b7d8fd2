// Live captions: a signed-in captioner pushes chunks (JSON), captioning software pushes
// StreamText-style with a captioner token (no cookie, no CSRF); forged, revoked and
// expired tokens store nothing; chunks out of order wait, repeated ones are acknowledged
// once; two pushes of one sequence at once apply it once; bad text is 422 naming the
// field; anyone pulls by position; followers hear each applied chunk; a restart keeps
// the held chunks and the text; closing the room keeps the captions as timed turns.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { eventReader } from '../support/events.mjs';

for (const engine of engines()) {
  describe(`live captions on ${engine}`, () => {
    let server, edition, chair, captioner, other, room, cart;
    const base = () => `/api/v1/editions/${edition}/live-rooms/${room}`;
    const as = (who, method, p, body) => api(server.base, method, p, { token: who.token, body });
    const push = (who, body) => as(who, 'POST', base() + '/captions', body);
    const tokenPush = (token, seq, text, extra = '') =>
      api(server.base, 'POST', `/api/v1/captions?token=${token}&seq=${seq}&lang=en${extra}`,
        { body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const pull = (q = '') => api(server.base, 'GET', base() + '/captions' + q);
    const text = (chunks) => chunks.reduce((t, c) => {
      for (const ch of c.text) t = ch === '\b' ? [...t].slice(0, -1).join('') : t + ch;
      return t;
    }, '');

    before(async () => {
      server = await startServer(engine);
      const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Captions', year: 2034, start_date: '2034-06-01', end_date: '2034-06-04', time_zone: 'UTC', venue: 'Geneva' } });
      edition = e.json.id;
      chair = await proposer(server, 'Chris Chair');
      captioner = await proposer(server, 'Cathy Captioner');
      other = await proposer(server, 'Olly Other');
      const opened = await as(server.admin, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
        title: 'MAG open consultation', chairs: [chair.email], captioners: [captioner.email],
      });
      assert.equal(opened.status, 201, opened.text);
      room = opened.json.id;
    });
    after(async () => { await server.stop(); });

    test('a signed-in captioner pushes chunks; out of order they wait, repeated ones are acknowledged once', async () => {
      let r = await push(captioner, { sequence: 1, language: 'en', text: '>> CHRIS CHAIR: Good morn' });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, { acknowledged: 1, applied: 1, outcome: 'applied' });
      r = await push(captioner, { sequence: 3, language: 'en', text: 'all.\n', timestamp: '2034-06-01T09:00:05.250+02:00' });
      assert.deepEqual(r.json, { acknowledged: 3, applied: 1, outcome: 'held' });
      r = await push(captioner, { sequence: 3, language: 'en', text: 'all.\n' });
      assert.deepEqual(r.json, { acknowledged: 3, applied: 1, outcome: 'duplicate' });
      r = await push(captioner, { sequence: 2, text: 'ing xx\b\b' });
      assert.deepEqual(r.json, { acknowledged: 2, applied: 3, outcome: 'applied' });
      r = await push(captioner, { sequence: 1, text: '>> CHRIS CHAIR: Good morn' });
      assert.deepEqual(r.json, { acknowledged: 1, applied: 3, outcome: 'duplicate' });
      // A number already holding other words is a second captioner's (a handover): refused,
      // nothing lost on either side, and the sender told the next free number.
      r = await push(captioner, { sequence: 1, text: 'again' });
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.errors[0].field, 'sequence');
      assert.match(r.json.errors[0].message, /next free number is 4\./);
      r = await pull();
      assert.equal(r.status, 200);
      assert.deepEqual(Object.keys(r.json).sort(), ['chunks', 'language', 'languages', 'last'].sort());
      assert.equal(r.json.language, 'en');
      assert.deepEqual(r.json.languages, ['en']);
      assert.equal(r.json.last, 3);
      assert.deepEqual(r.json.chunks.map((c) => c.sequence), [1, 2, 3]);
      assert.equal(r.json.chunks[1].text, 'ing xx\b\b', 'as sent, backspaces included');
      assert.equal(text(r.json.chunks), '>> CHRIS CHAIR: Good morning all.\n');
      r = await pull('?language=en&last=2');
      assert.deepEqual(r.json.chunks.map((c) => c.sequence), [3]);
      r = await pull('?last=3');
      assert.deepEqual(r.json.chunks, []);
      assert.equal(r.json.last, 3);
      for (const bad of ['-1', 'x', '1.5', '99999999999999'])
        assert.equal((await pull('?last=' + bad)).status, 400, bad);
      assert.ok((await pull('?last=x')).json.errors.some((e) => e.field === 'last'));
      assert.equal((await pull('?language=fr')).status, 400);
    });

    test('only the room\'s captioners, chairs and the Secretariat push; bad chunks are 422 naming the field', async () => {
      assert.equal((await push(other, { sequence: 4, text: 'no' })).status, 403);
      assert.equal((await api(server.base, 'POST', base() + '/captions', { body: { sequence: 4, text: 'no' } })).status, 403, 'no CSRF, no cookie');
      const field = async (body, name) => {
        const r = await push(captioner, body);
        assert.equal(r.status, 422, r.text);
        assert.ok(r.json.errors.some((e) => e.field === name), `${name}: ${r.text}`);
      };
      await field({ sequence: 0, text: 'x' }, 'sequence');
      await field({ sequence: 'four', text: 'x' }, 'sequence');
      await field({ sequence: 4, text: 'bell\u0007' }, 'text');
      await field({ sequence: 4, text: 'x'.repeat(17 * 1024) }, 'text');
      await field({ sequence: 4 }, 'text');
      await field({ sequence: 4, language: 'english', text: 'x' }, 'language');
      await field({ sequence: 4, language: 'fr', text: 'x' }, 'language');
      await field({ sequence: 4, text: 'x', timestamp: 'yesterday' }, 'timestamp');
      assert.equal((await push(chair, { sequence: 4, text: ' Thank you.' })).json.outcome, 'applied');
      assert.equal((await as(server.admin, 'POST', base() + '/captions', { sequence: 5, text: '\n' })).json.outcome, 'applied');
      assert.equal((await pull()).json.last, 5);
    });

    test('captioning software pushes with a token; forged, revoked and expired tokens are 403 and store nothing', async () => {
      assert.equal((await as(other, 'POST', base() + '/captioner-tokens', { label: 'Mine' })).status, 403);
      assert.equal((await as(captioner, 'GET', base() + '/captioner-tokens')).status, 403);
      const bad = await as(chair, 'POST', base() + '/captioner-tokens', { label: '', days: 99 });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['days', 'label']);
      const made = await as(chair, 'POST', base() + '/captioner-tokens', { label: 'CART writer', days: 2 });
      assert.equal(made.status, 201, made.text);
      cart = made.json.token;
      assert.match(cart, /^[0-9a-f]{64}$/);
      const list = await as(chair, 'GET', base() + '/captioner-tokens');
      assert.equal(list.json.tokens.length, 1);
      assert.equal(list.json.tokens[0].label, 'CART writer');
      assert.equal(list.json.tokens[0].valid, true);
      assert.ok(!list.text.includes(cart), 'the token is shown once only');

      let r = await tokenPush(cart, 6, '>> OLLY OTHER: From the floor.');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, { acknowledged: 6, applied: 6, outcome: 'applied' });
      r = await api(server.base, 'POST', '/api/v1/captions?seq=7&lang=en', { body: ' Bearer too.', headers: { authorization: `Bearer ${cart}`, 'content-type': 'text/plain' } });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.applied, 7);
      r = await tokenPush(cart, 7, ' Bearer too.');
      assert.equal(r.json.outcome, 'duplicate');
      r = await tokenPush(cart, 8, 'x', '&time=2034-06-01T09:10:00Z');
      assert.equal(r.json.outcome, 'applied');
      r = await tokenPush(cart, 9, '\b');
      assert.equal(r.json.applied, 9);
      // Invalid UTF-8 and control characters: 422 naming the field, nothing stored.
      r = await fetch(server.base + `/api/v1/captions?token=${cart}&seq=10&lang=en`, { method: 'POST', body: Buffer.from([0x41, 0xff, 0xfe]), headers: { 'content-type': 'text/plain', accept: 'application/json' } });
      assert.equal(r.status, 422);
      assert.ok((await r.json()).errors.some((e) => e.field === 'text'));
      r = await tokenPush(cart, 10, 'nul\u0000');
      assert.equal(r.status, 422);
      r = await tokenPush(cart, 'ten', 'x');
      assert.equal(r.status, 422);
      assert.ok(r.json.errors.some((e) => e.field === 'sequence'));
      // A session cookie's CSRF is not asked for: the token is the credential.
      assert.equal((await pull()).json.last, 9);

      const forged = 'f'.repeat(64);
      assert.equal((await tokenPush(forged, 10, 'forged')).status, 403);
      assert.equal((await tokenPush('', 10, 'none')).status, 403);
      assert.equal((await api(server.base, 'POST', '/api/v1/captions?seq=10', { body: 'x', headers: { authorization: `Bearer ${forged}` } })).status, 403);
      const revoked = await as(chair, 'DELETE', base() + `/captioner-tokens/${made.json.id}`);
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(revoked.json.tokens[0].valid, false);
      assert.equal((await tokenPush(cart, 10, 'revoked')).status, 403);
      assert.equal((await as(chair, 'DELETE', base() + `/captioner-tokens/${made.json.id}`)).status, 404);
      assert.equal((await pull()).json.last, 9, 'nothing stored');
      const again = await as(server.admin, 'POST', base() + '/captioner-tokens', { label: 'Second writer', days: 1 });
      assert.equal(again.status, 201);
      cart = again.json.token;
    });

    test('two pushes of one sequence at once: one applied, one a duplicate', async () => {
      const results = await Promise.all([
        push(captioner, { sequence: 10, text: ' Same.' }),
        tokenPush(cart, 10, ' Same.'),
        push(chair, { sequence: 10, text: ' Same.' }),
      ]);
      for (const r of results) assert.equal(r.status, 200, r.text);
      const outcomes = results.map((r) => r.json.outcome).sort();
      assert.deepEqual(outcomes, ['applied', 'duplicate', 'duplicate']);
      const all = (await pull()).json.chunks;
      assert.equal(all.filter((c) => c.sequence === 10).length, 1);
    });

    test('followers hear each chunk applied, held ones released in order', { timeout: 20000 }, async () => {
      const controller = new AbortController();
      const response = await fetch(server.base + `/live/live-captions-${room}-en`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(response.status, 200);
      const next = eventReader(response);
      await push(captioner, { sequence: 12, text: ' twelve' });
      await push(captioner, { sequence: 11, text: ' eleven' });
      assert.deepEqual(await next(), { sequence: 11, text: ' eleven', language: 'en' });
      assert.deepEqual(await next(), { sequence: 12, text: ' twelve', language: 'en' });
      controller.abort();
    });

    test('the pull pages by position', async () => {
      const all = await pull('?last=0');
      assert.equal(all.json.chunks.length, all.json.last);
      const first = await pull('?last=5');
      assert.equal(first.json.chunks[0].sequence, 6);
    });

    test('a restart in the middle keeps the held chunks and the text', { timeout: 30000 }, async () => {
      assert.equal((await push(captioner, { sequence: 14, text: '\n>> ANA: After the gap.' })).json.outcome, 'held');
      const before = await pull();
      await server.stop({ keepDatabase: true });
      server = await startServer(engine, { again: server });
      assert.deepEqual((await pull()).json, before.json);
      const r = await push(captioner, { sequence: 13, text: ' thirteen' });
      assert.deepEqual(r.json, { acknowledged: 13, applied: 14, outcome: 'applied' });
      assert.match(text((await pull()).json.chunks), /thirteen\n>> ANA: After the gap\.$/);
    });

    test('the captioner\'s page works without JavaScript: one chunk a form, with the next sequence', async () => {
      const cathy = new Visitor(server.base);
      await cathy.signIn(captioner.email, 'a long enough password');
      const page = await cathy.get(`/editions/${edition}/live-rooms/${room}/captions/write`);
      assert.equal(page.status, 200);
      assert.match(page.text, /data-next-sequence="15"/, 'after the 14 chunks stored');
      assert.doesNotMatch(page.text, /Tokens for captioning software/, 'tokens are for chairs');
      const sent = await cathy.post(`/editions/${edition}/live-rooms/${room}/captions/write`, { language: 'en', speaker: 'CHRIS CHAIR', text: 'We close.' });
      assert.equal(sent.status, 303, sent.text);
      const after = await pull('?last=14');
      assert.equal(after.json.chunks[0].sequence, 15);
      assert.equal(after.json.chunks[0].text, '\n>> CHRIS CHAIR: We close.');
      const bad = await cathy.post(`/editions/${edition}/live-rooms/${room}/captions/write`, { language: 'en', text: 'bell\u0007' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /control characters/);
      assert.match(bad.text, /bell/, 'what was typed is kept');
      const noCsrf = await cathy.post(`/editions/${edition}/live-rooms/${room}/captions/write`, { language: 'en', text: 'x' }, { csrf: 'f'.repeat(64) });
      assert.doesNotMatch(noCsrf.headers.get('location') ?? '', /done=sent/, 'a forged form is not sent');
      assert.equal((await pull()).json.last, 15);
      const olly = new Visitor(server.base);
      await olly.signIn(other.email, 'a long enough password');
      assert.equal((await olly.get(`/editions/${edition}/live-rooms/${room}/captions/write`)).status, 403);
      const chris = new Visitor(server.base);
      await chris.signIn(chair.email, 'a long enough password');
      const chairPage = await chris.get(`/editions/${edition}/live-rooms/${room}/captions/write`);
      assert.match(chairPage.text, /Tokens for captioning software/);
      const made = await chris.post(`/editions/${edition}/live-rooms/${room}/captions/tokens`, { label: 'Stenographer', days: '3' });
      assert.equal(made.status, 201);
      const token = made.text.match(/id="new-token">([0-9a-f]{64})</)[1];
      assert.equal((await tokenPush(token, 16, ' Bye.')).json.outcome, 'applied');
      const id = (await as(chair, 'GET', base() + '/captioner-tokens')).json.tokens.find((t) => t.label === 'Stenographer').id;
      const revoked = await chris.post(`/editions/${edition}/live-rooms/${room}/captions/tokens/${id}/revoke`, {});
      assert.equal(revoked.status, 303);
      assert.equal((await tokenPush(token, 17, 'x')).status, 403);
    });

    test('the room\'s languages; closing the room keeps the captions as timed turns', async () => {
      const langs = await as(chair, 'PUT', base() + '/caption-languages', { languages: ['en', 'fr'] });
      assert.equal(langs.status, 200, langs.text);
      assert.deepEqual(langs.json.languages, ['en', 'fr']);
      assert.equal((await as(chair, 'PUT', base() + '/caption-languages', { languages: ['english'] })).status, 422);
      assert.equal((await push(captioner, { sequence: 1, language: 'fr', text: '>> CHRIS CHAIR: Bonjour.' })).json.outcome, 'applied');
      assert.deepEqual((await pull('?language=fr')).json.languages, ['en', 'fr']);
      const closed = await as(chair, 'POST', base() + '/chair', { action: 'close_room' });
      assert.equal(closed.status, 200, closed.text);
      assert.equal((await push(captioner, { sequence: 17, text: 'late' })).status, 409);
      assert.equal((await tokenPush(cart, 17, 'late')).status, 403, 'a token ends with its room');
      assert.equal((await pull()).status, 200, 'still readable');
      const kept = await api(server.base, 'GET', base() + '/caption-turns');
      assert.equal(kept.status, 200);
      const en = kept.json.turns.filter((t) => t.language === 'en');
      assert.deepEqual(en.map((t) => t.speaker), ['CHRIS CHAIR', 'OLLY OTHER', 'ANA', 'CHRIS CHAIR']);
      assert.equal(en[3].text, 'We close. Bye.');
      assert.match(en[0].text, /^Good morning all\./);
      assert.equal(en[2].text, 'After the gap.');
      for (const t of kept.json.turns) {
        assert.match(t.started_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.ok(t.ended_at >= t.started_at);
      }
      assert.deepEqual(kept.json.turns.filter((t) => t.language === 'fr').map((t) => t.text), ['Bonjour.']);
      const page = new Visitor(server.base);
      await page.signIn(chair.email, 'a long enough password');
      const written = await page.get(`/editions/${edition}/live-rooms/${room}/captions/write`);
      assert.equal(written.status, 200);
      assert.match(written.text, /This room is closed/);
    });
  });
}
