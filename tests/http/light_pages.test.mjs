// Light pages: text answers compressed (Brotli or gzip, as the client accepts), static
// files under content-hashed names kept a year, a favicon, and the key pages of the demo
// forum under 30 KB on the wire.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { startServer } from '../support/server.mjs';
import { Visitor, api } from '../support/client.mjs';

// The bytes as sent, not decoded (fetch() decodes on its own).
function rawGet(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(base + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const limit = 30 * 1024;

describe('light pages', () => {
  let server, demo, last, secretariat, member;
  before(async () => {
    server = await startServer('sqlite', { demo: true });
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    demo = editions.find((e) => e.name === 'IGF demo');
    last = editions.find((e) => e.name === 'IGF demo 2026');
    secretariat = new Visitor(server.base);
    assert.equal((await secretariat.signIn(server.admin.email, server.admin.password)).status, 303);
    member = new Visitor(server.base);
    assert.equal((await member.signIn(server.demoMember.email, server.demoMember.password)).status, 303);
  });
  after(async () => { await server.stop(); });

  test('the key pages are under 30 KB transferred with Accept-Encoding: gzip, br', async () => {
    const list = await member.get(`/editions/${last.id}/evaluations`);
    const proposal = list.text.match(new RegExp(`/editions/${last.id}/evaluations/(\\d+)`));
    assert.ok(proposal, 'the demo MAG member has a proposal to evaluate');
    // The results at their largest: every proposal decided and published.
    const as = (method, path, body) => api(server.base, method, `/api/v1/editions/${last.id}${path}`, { token: server.admin.token, body });
    assert.equal((await as('POST', '/selection')).status, 200);
    assert.equal((await as('POST', '/decisions/from-selection')).status, 200);
    assert.equal((await as('PUT', '/results', { published: true })).status, 200);
    const pages = [
      ['home', null, '/'],
      ['edition', null, `/editions/${demo.id}`],
      ['call form', secretariat, `/editions/${demo.id}/proposals/new`],
      ['evaluation form', member, `/editions/${last.id}/evaluations/${proposal[1]}`],
      ['synthesis', secretariat, `/editions/${last.id}/synthesis`],
      ['results', null, `/editions/${last.id}/results`],
      ['decisions', secretariat, `/editions/${last.id}/decisions`],
    ];
    for (const [name, visitor, path] of pages) {
      const headers = { 'accept-encoding': 'gzip, br' };
      if (visitor) headers.cookie = visitor.cookieHeader();
      const r = await rawGet(server.base, path, headers);
      assert.equal(r.status, 200, `${name} (${path}) answers`);
      assert.equal(r.body.length, Number(r.headers['content-length']));
      assert.ok(r.body.length <= limit, `${name} (${path}) is ${r.body.length} bytes on the wire, over ${limit}`);
      if (r.headers['content-encoding'] === 'br') assert.match(zlib.brotliDecompressSync(r.body).toString(), /<\/html>/);
    }
  });

  test('a page round-trips through Brotli and gzip, the same as sent plain, with Vary', async () => {
    const path = `/editions/${demo.id}`;
    const plain = await rawGet(server.base, path, { 'accept-encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.headers.vary, /Accept-Encoding/);
    const br = await rawGet(server.base, path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers.vary, /Accept-Encoding/);
    assert.equal(zlib.brotliDecompressSync(br.body).toString(), plain.body.toString());
    assert.ok(br.body.length < plain.body.length / 2, 'Brotli at least halves the page');
    const gz = await rawGet(server.base, path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.body).toString(), plain.body.toString());
    // A coding refused with q=0 is not used.
    const refused = await rawGet(server.base, path, { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip');
  });

  test('signed-in pages, JSON and errors are compressed too; tiny bodies and XLSX are not', async () => {
    const page = await rawGet(server.base, `/editions/${last.id}/decisions`, { 'accept-encoding': 'br', cookie: secretariat.cookieHeader() });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(page.headers['cache-control'], /no-store/);
    const json = await rawGet(server.base, '/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    assert.equal(json.headers['content-encoding'], 'gzip');
    JSON.parse(zlib.gunzipSync(json.body).toString());
    const missing = await rawGet(server.base, '/editions/999999', { 'accept-encoding': 'gzip' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-encoding'], 'gzip');
    const health = await rawGet(server.base, '/healthz', { 'accept-encoding': 'gzip, br' });
    assert.equal(health.headers['content-encoding'], undefined, 'a body of a few bytes is sent as it is');
    const xlsx = await rawGet(server.base, `/editions/${last.id}/evaluation/sheet.xlsx`, { 'accept-encoding': 'gzip, br', cookie: secretariat.cookieHeader() });
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers['content-encoding'], undefined, 'an XLSX is a zip already');
    assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  });

  test('a cached page answers 304 to the ETag of its compressed answer', async () => {
    const first = await rawGet(server.base, '/', { 'accept-encoding': 'br' });
    const etag = first.headers.etag;
    assert.match(etag, /^W\/"/, 'the compressed answer carries a weak ETag');
    const again = await rawGet(server.base, '/', { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('static files under hashed names are kept a year; the plain name still answers', async () => {
    const home = (await rawGet(server.base, '/', {})).body.toString();
    const css = home.match(/<link rel="stylesheet" href="(\/static\/convene\.[0-9a-f]{10}\.css)">/);
    assert.ok(css, 'the page links the stylesheet by its hashed name');
    for (const script of ['live', 'local-time'])
      assert.match(home, new RegExp(`<script src="/static/${script}\\.[0-9a-f]{10}\\.js" defer>`));
    const hashed = await rawGet(server.base, css[1], { 'accept-encoding': 'br' });
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(hashed.headers['content-encoding'], 'br');
    const plain = await rawGet(server.base, '/static/convene.css', { 'accept-encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=300');
    assert.equal(zlib.brotliDecompressSync(hashed.body).toString(), plain.body.toString());
    const old = await rawGet(server.base, '/static/convene.0123456789.css', {});
    assert.equal(old.status, 200, 'a page of an earlier release still gets a stylesheet');
    assert.equal(old.headers['cache-control'], 'public, max-age=300', 'but not kept as if it were that release');
    assert.equal((await rawGet(server.base, '/static/nothing.0123456789.css', {})).status, 404);
    const revalidated = await rawGet(server.base, css[1], { 'accept-encoding': 'br', 'if-none-match': hashed.headers.etag });
    assert.equal(revalidated.status, 304);
  });

  test('a favicon: linked as SVG from every page, /favicon.ico redirecting to it', async () => {
    const home = (await rawGet(server.base, '/', {})).body.toString();
    const icon = home.match(/<link rel="icon" href="(\/static\/favicon\.[0-9a-f]{10}\.svg)" type="image\/svg\+xml">/);
    assert.ok(icon);
    const linked = await rawGet(server.base, icon[1], {});
    assert.equal(linked.status, 200);
    assert.equal(linked.headers['content-type'], 'image/svg+xml');
    assert.match(linked.body.toString(), /^<svg /);
    // A browser asking on its own is sent, permanently, to the same SVG: an .ico address
    // answering SVG is a type mismatch some browsers refuse.
    const ico = await rawGet(server.base, '/favicon.ico', {});
    assert.equal(ico.status, 301);
    assert.equal(ico.headers.location, icon[1]);
    assert.match(ico.headers['cache-control'], /max-age=86400/);
    const error = (await rawGet(server.base, '/editions/999999', {})).body.toString();
    assert.match(error, /<link rel="icon" href="\/static\/favicon\.[0-9a-f]{10}\.svg"/, 'error pages link it too');
  });

  test('live streams are not compressed', async () => {
    const controller = new AbortController();
    const r = await new Promise((resolve, reject) => {
      const req = http.get(`${server.base}/live/editions`, { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br' }, signal: controller.signal }, resolve);
      req.on('error', (e) => { if (e.name !== 'AbortError') reject(e); });
    });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'], /text\/event-stream/);
    assert.equal(r.headers['content-encoding'], undefined);
    controller.abort();
  });
});
