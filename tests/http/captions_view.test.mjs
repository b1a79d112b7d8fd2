// The caption viewers: a room's page shows its captions as turns with the speakers' names
// and links to the full-screen view; that view is public, renders the captions on the
// server (backspaces applied, HTML escaped), carries what its script needs to resume
// (the last sequence, the last turn's text), and refuses a language the room is not
// captioned in, or a size or contrast not offered, naming the parameter.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';

const decode = (s) => s.replace(/&#10;/g, '\n').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

for (const engine of engines()) {
  describe(`caption viewers on ${engine}`, () => {
    let server, edition, room, captioner, chair;
    const view = (query = '') => `/editions/${edition}/live-rooms/${room}/captions${query}`;
    const push = (body) => api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms/${room}/captions`, { token: captioner.token, body });

    before(async () => {
      server = await startServer(engine);
      const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Captions', year: 2035, start_date: '2035-06-01', end_date: '2035-06-04', time_zone: 'UTC', venue: 'Geneva' } });
      edition = e.json.id;
      chair = await proposer(server, 'Chris Chair');
      captioner = await proposer(server, 'Cap Tioner');
      const opened = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
        token: server.admin.token, body: { title: 'Open consultation', chairs: [chair.email], captioners: [captioner.email] },
      });
      assert.equal(opened.status, 201, opened.text);
      room = opened.json.id;
    });
    after(async () => { await server.stop(); });

    test('before any caption: the room page and the full-screen view say so, without signing in', async () => {
      const visitor = new Visitor(server.base);
      const page = await visitor.get(`/editions/${edition}/live-rooms/${room}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<h2 id="captions-heading">Captions<\/h2>/);
      assert.match(page.text, /No captions yet/);
      assert.match(page.text, new RegExp(`href="/editions/${edition}/live-rooms/${room}/captions\\?language=en"`));
      const full = await visitor.get(view());
      assert.equal(full.status, 200);
      assert.match(full.headers.get('content-type'), /text\/html/);
      assert.match(full.text, /<title>Captions: Open consultation<\/title>/);
      assert.match(full.text, /role="log"/);
      assert.match(full.text, /data-caption-last="0"/);
      assert.match(full.text, /data-caption-announcer/);
      assert.doesNotMatch(full.text, /site-header/, 'its own small layout');
    });

    test('turns with speakers, backspaces applied, HTML shown as text; the script resumes from the last sequence', async () => {
      for (const [sequence, text] of [[1, '>> CHRIS CHAIR: Good morning, everyone.\n'], [2, '>> ANA ONSITE: I paste <script>alert(1)</script> here.'], [3, ' Thanks xx\b\b!\n']]) {
        const r = await push({ sequence, language: 'en', text });
        assert.equal(r.status, 200, r.text);
      }
      const full = await new Visitor(server.base).get(view('?language=en'));
      assert.equal(full.status, 200);
      assert.match(full.text, /<h2 class="caption-speaker">CHRIS CHAIR<\/h2><p>Good morning, everyone.<\/p>/);
      assert.match(full.text, /<h2 class="caption-speaker">ANA ONSITE<\/h2><p>I paste &lt;script&gt;alert\(1\)&lt;\/script&gt; here. Thanks !<\/p>/);
      assert.doesNotMatch(full.text, /<script>alert/);
      assert.match(full.text, /data-caption-last="3"/);
      const tail = decode(full.text.match(/data-caption-tail="([^"]*)"/)[1]);
      assert.equal(tail, '>> ANA ONSITE: I paste <script>alert(1)</script> here. Thanks !\n', 'the last turn as applied, for later backspaces');
      assert.equal((full.text.match(/data-caption-open/g) || []).length, 1, 'only the last turn stays open');
      const page = await new Visitor(server.base).get(`/editions/${edition}/live-rooms/${room}`);
      assert.match(page.text, /<h3 class="caption-speaker">CHRIS CHAIR<\/h3>/);
      assert.doesNotMatch(page.text, /<script>alert/);
    });

    test('the language, size and contrast are checked, naming the parameter', async () => {
      const other = await api(server.base, 'GET', view('?language=fr'));
      assert.equal(other.status, 404);
      assert.ok(other.json.errors.some((e) => e.field === 'language'), other.text);
      const html = await new Visitor(server.base).get(view('?language=fr'));
      assert.equal(html.status, 404);
      assert.match(html.text, /no captions in the language &quot;fr&quot;/);
      const bad = await api(server.base, 'GET', view('?language=%3Cscript%3E'));
      assert.equal(bad.status, 400);
      assert.ok(bad.json.errors.some((e) => e.field === 'language'), bad.text);
      assert.doesNotMatch(bad.text, /<script>/);
      const size = await api(server.base, 'GET', view('?size=9'));
      assert.equal(size.status, 400);
      assert.ok(size.json.errors.some((e) => e.field === 'size'));
      const contrast = await api(server.base, 'GET', view('?contrast=pink'));
      assert.equal(contrast.status, 400);
      assert.ok(contrast.json.errors.some((e) => e.field === 'contrast'));
      assert.equal((await api(server.base, 'GET', `/editions/${edition}/live-rooms/999999/captions`)).status, 404);
    });

    test('a room captioned in several languages: a switch between its streams, each separate', async () => {
      const set = await api(server.base, 'PUT', `/api/v1/editions/${edition}/live-rooms/${room}/caption-languages`, { token: server.admin.token, body: { languages: ['en', 'fr'] } });
      assert.equal(set.status, 200, set.text);
      assert.equal((await push({ sequence: 1, language: 'fr', text: '>> PRÉSIDENT: Bonjour à tous.\n' })).status, 200);
      const fr = await new Visitor(server.base).get(view('?language=fr&size=4&contrast=dark'));
      assert.equal(fr.status, 200);
      assert.match(fr.text, /PRÉSIDENT/);
      assert.doesNotMatch(fr.text, /CHRIS CHAIR/, 'the French stream alone');
      assert.match(fr.text, /data-caption-topic="live-captions-\d+-fr"/);
      assert.match(fr.text, /<span class="control-name">Language<\/span>/);
      assert.match(fr.text, /href="[^"]*language=en&amp;size=4&amp;contrast=dark" class="control" lang="en">English<\/a>/);
      assert.match(fr.text, /lang="fr" aria-current="page">French<\/a>/);
      const en = await new Visitor(server.base).get(view('?language=en'));
      assert.doesNotMatch(en.text, /PRÉSIDENT/);
      const page = await new Visitor(server.base).get(`/editions/${edition}/live-rooms/${room}`);
      assert.match(page.text, /Full-screen captions: <a href="[^"]*language=en">English<\/a> <a href="[^"]*language=fr">French<\/a>/);
    });

    test('the display choices are plain links: each keeps the others', async () => {
      const full = await new Visitor(server.base).get(view('?language=en&size=6&contrast=yellow'));
      assert.equal(full.status, 200);
      assert.match(full.text, /class="captions-full contrast-yellow caption-size-6"/);
      assert.match(full.text, /href="[^"]*size=5&amp;contrast=yellow" data-caption-step="-1"/);
      assert.match(full.text, /data-caption-step="1" class="control" aria-disabled="true"/, 'the largest size already');
      assert.match(full.text, /href="[^"]*size=6&amp;contrast=dark" data-caption-contrast-choice="dark"/);
      assert.match(full.text, /data-caption-contrast-choice="yellow" class="control" aria-current="true"/);
    });
  });
}
