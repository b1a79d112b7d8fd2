// Every route declares the gate its caller must pass (core/policy): this walks the served
// route table and knocks on every gated door as nobody, as a proposer, as a MAG member
// and as the Secretariat of every edition, so a route whose handler forgot a check, or
// that declares no gate, fails here.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, cli } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { csrfPair } from '../support/proposals.mjs';
import { evaluationEdition, signedInMember } from '../support/evaluation.mjs';

const gates = ['anyone', 'signed_in', 'secretariat', 'secretariat_of_edition', 'member_of_edition'];

// The doors open to everybody, by decision: a route that opens to "anyone" must be named
// here too (the results only once published, links only with their token; the handlers
// check those), so that an open gate is never an accident.
const publicRoutes = [
  // The site, signing in, registering
  'GET /', 'GET /healthz', 'GET /metrics', 'GET /static/{file}', 'GET /favicon.ico', 'GET /api/v1/openapi.json', 'GET /api/v1/countries',
  'GET /login', 'POST /login', 'POST /logout', 'GET /register', 'POST /register',
  'GET /api/v1/session', 'POST /api/v1/session', 'DELETE /api/v1/session', 'POST /api/v1/registrations',
  // Links sent by mail, each carrying its own token
  'GET /verify/{token}', 'POST /verify/{token}', 'POST /api/v1/verifications/{token}',
  'GET /enrolment/{token}', 'POST /enrolment/{token}', 'GET /co-organise/{token}', 'POST /co-organise/{token}',
  'GET /confirm/{token}', 'POST /confirm/{token}', 'GET /api/v1/confirmations/{token}', 'POST /api/v1/confirmations/{token}',
  'GET /consent/{token}', 'POST /consent/{token}', 'GET /api/v1/consent/{token}', 'POST /api/v1/consent/{token}',
  // Forgot the password: asking for a link answers the same whoever asks; the link is the token
  'GET /password-reset', 'POST /password-reset', 'GET /password-reset/{token}', 'POST /password-reset/{token}',
  'POST /api/v1/password-resets', 'POST /api/v1/password-resets/{token}',
  // What every edition publishes: itself, its themes and call, its results once published
  'GET /editions', 'GET /editions/{edition:int}', 'GET /api/v1/editions', 'GET /api/v1/editions/{edition:int}',
  'GET /api/v1/editions/{edition:int}/themes', 'GET /api/v1/editions/{edition:int}/call', 'GET /api/v1/editions/{edition:int}/venue',
  'GET /editions/{edition:int}/results', 'GET /editions/{edition:int}/transparency',
  'GET /api/v1/editions/{edition:int}/results', 'GET /api/v1/editions/{edition:int}/transparency',
  // The published programme and each session's page
  'GET /editions/{edition:int}/programme', 'GET /editions/{edition:int}/programme/{code}',
  'GET /api/v1/editions/{edition:int}/programme', 'GET /api/v1/editions/{edition:int}/programme/{code}',
  // Feedback on a session after its end, by participants signed in or not (the handler
  // refuses it before the end and limits floods; the results are for organisers)
  'POST /editions/{edition:int}/programme/{code}/feedback', 'PUT /api/v1/editions/{edition:int}/programme/{code}/feedback',
  // The published programme's feeds (only what the public programme shows), and a
  // participant's calendar behind its secret address (the handler checks the token)
  'GET /editions/{edition:int}/programme.ics', 'GET /editions/{edition:int}/schedule.xml', 'GET /editions/{edition:int}/schedule.json',
  'GET /editions/{edition:int}/programme.csv', 'GET /editions/{edition:int}/programme.xlsx', 'GET /api/v1/editions/{edition:int}/feeds',
  'GET /calendar/{feed}',
  // A live room's captions in full screen: public, as the room's page
  'GET /editions/{edition:int}/live-rooms/{room:int}/captions',
  // Live rooms: the floor and the queue are public by the forum's rules (asking for the
  // floor needs an account; the chair's actions check the room's roles)
  'GET /editions/{edition:int}/live-rooms/{room:int}', 'GET /api/v1/editions/{edition:int}/live-rooms',
  'GET /api/v1/editions/{edition:int}/live-rooms/{room:int}',
  // Captions: read by anyone, as the room; captioning software pushes with a captioner
  // token of its room (the handler checks it; no cookie, so no CSRF)
  'GET /api/v1/editions/{edition:int}/live-rooms/{room:int}/captions', 'POST /api/v1/captions',
  'GET /api/v1/editions/{edition:int}/live-rooms/{room:int}/caption-turns',
  // Transcripts are published, as the forum publishes them: the archive, each transcript
  // and its downloads (adding one is for the edition's Secretariat)
  'GET /editions/{edition:int}/transcripts', 'GET /editions/{edition:int}/transcripts/{transcript:int}',
  'GET /editions/{edition:int}/transcripts/{transcript:int}/transcript.txt',
  'GET /editions/{edition:int}/transcripts/{transcript:int}/transcript.json',
  'GET /editions/{edition:int}/transcripts/{transcript:int}/transcript.vtt',
  'GET /api/v1/editions/{edition:int}/transcripts', 'GET /api/v1/editions/{edition:int}/transcripts/{transcript:int}',
  // Searching every transcript is as public as reading them
  'GET /transcripts/search', 'GET /api/v1/transcripts/search',
  // Who speaks, as the transcripts it counts: words and shares of those linked, never one
  // person's gender (linking labels to people is for the Secretariat)
  'GET /editions/{edition:int}/transcripts/statistics', 'GET /editions/{edition:int}/transcripts/{transcript:int}/statistics',
  'GET /api/v1/editions/{edition:int}/transcripts/statistics', 'GET /api/v1/editions/{edition:int}/transcripts/{transcript:int}/statistics',
  // Session reports once filed, and the imported reports of past years (drafts, filing and
  // the template check who asks)
  'GET /editions/{edition:int}/reports', 'GET /editions/{edition:int}/reports/imported/{number:int}',
  'GET /api/v1/editions/{edition:int}/reports', 'GET /api/v1/editions/{edition:int}/reports/imported/{number:int}',
  'GET /api/v1/editions/{edition:int}/programme/{code}/report',
  // The reports' figures (filing rate, delay, the gender report card), per edition and across
  'GET /editions/{edition:int}/reports/statistics', 'GET /reports/statistics',
  'GET /api/v1/editions/{edition:int}/reports/statistics', 'GET /api/v1/reports/statistics',
  // The messages of the year: the handlers show drafts only to the edition's MAG and
  // Secretariat until the comment period opens; anyone comments while it is open
  'GET /editions/{edition:int}/messages', 'GET /editions/{edition:int}/messages/{message:int}',
  'GET /editions/{edition:int}/messages/themes/{theme:int}', 'GET /editions/{edition:int}/messages/document',
  'POST /editions/{edition:int}/messages/{message:int}/comments',
  'GET /api/v1/editions/{edition:int}/messages', 'GET /api/v1/editions/{edition:int}/messages/{message:int}',
  'GET /api/v1/editions/{edition:int}/messages/{message:int}/comments', 'POST /api/v1/editions/{edition:int}/messages/{message:int}/comments',
];

for (const engine of engines()) {
  describe(`route gates on ${engine}`, () => {
    let server, setup, member;
    before(async () => {
      server = await startServer(engine);
      setup = await evaluationEdition(server, { proposals: 2, members: 2, perProposal: 1 });
      member = await signedInMember(server, setup.members[0]);
    });
    after(async () => { await server.stop(); });

    const routes = () => cli(server.databaseUrl, ['routes']).trim().split('\n').map((line) => line.split(' '));
    const fill = (pattern) => pattern
      .replace('{edition:int}', setup.edition).replace('{proposal:int}', setup.proposals[0])
      .replace('{account:int}', setup.members[0].account).replace('{file}', 'app.css')
      .replace(/\{[a-z_]+(:int)?\}/g, '1');

    test('every route in the table names a gate the policy knows', () => {
      const table = routes();
      assert.ok(table.length > 100, 'the route table was read');
      const without = table.filter(([, , gate]) => !gates.includes(gate)).map((r) => r.join(' '));
      assert.deepEqual(without, [], 'routes without a known gate');
      const open = table.filter(([, , gate]) => gate === 'anyone').map(([method, pattern]) => `${method} ${pattern}`);
      assert.deepEqual(open.filter((r) => !publicRoutes.includes(r)), [], 'routes open to anyone that are not public by decision');
      assert.deepEqual(publicRoutes.filter((r) => !open.includes(r)), [], 'public routes that are gated or gone');
    });

    test('nobody signed in passes no gate but "anyone"', async () => {
      for (const [method, pattern, gate] of routes()) {
        if (gate === 'anyone') continue;
        const r = await api(server.base, method, fill(pattern), { body: method === 'GET' ? undefined : {}, headers: csrfPair() });
        assert.equal(r.status, 401, `${method} ${pattern} (${gate}) as nobody: ${r.status} ${r.text.slice(0, 120)}`);
      }
    });

    test('a proposer passes only "anyone" and "signed_in"', async () => {
      for (const [method, pattern, gate] of routes()) {
        if (gate === 'anyone' || gate === 'signed_in') continue;
        const r = await api(server.base, method, fill(pattern), { token: setup.author.token, body: method === 'GET' ? undefined : {} });
        assert.equal(r.status, 403, `${method} ${pattern} (${gate}) as a proposer: ${r.status} ${r.text.slice(0, 120)}`);
      }
    });

    test("a MAG member is refused the Secretariat's routes; the Secretariat a member's", async () => {
      for (const [method, pattern, gate] of routes()) {
        if (gate === 'secretariat' || gate === 'secretariat_of_edition') {
          const r = await member.api(method, fill(pattern), method === 'GET' ? undefined : {});
          assert.equal(r.status, 403, `${method} ${pattern} (${gate}) as a member: ${r.status}`);
        }
        if (gate === 'member_of_edition') {
          const r = await api(server.base, method, fill(pattern), { token: server.admin.token, body: method === 'GET' ? undefined : {} });
          assert.equal(r.status, 403, `${method} ${pattern} (${gate}) as the Secretariat: ${r.status}`);
        }
      }
    });

    test('the gate of a proposal route follows the proposal into its edition', async () => {
      const other = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF 2040', year: 2040, start_date: '2040-06-01', end_date: '2040-06-04', time_zone: 'UTC', venue: 'Somewhere' } });
      assert.equal(other.status, 201);
      // A member of this edition is refused another edition's Secretariat routes as well.
      const r = await member.api('GET', `/api/v1/editions/${other.json.id}/synthesis`);
      assert.equal(r.status, 403);
      const missing = await api(server.base, 'GET', '/api/v1/proposals/99999999/decision', { token: server.admin.token });
      assert.equal(missing.status, 404);
    });

    // Last: it blocks the second member.
    test('a blocked account passes no gate but "anyone": its session and token find nobody', async () => {
      const blocked = await signedInMember(server, setup.members[1]);
      assert.equal((await blocked.api('GET', '/api/v1/me')).status, 200);
      const r = await api(server.base, 'POST', `/api/v1/accounts/${setup.members[1].account}/block`, { token: server.admin.token, body: { reason: 'Checking every door.' } });
      assert.equal(r.status, 200, r.text);
      for (const [method, pattern, gate] of routes()) {
        if (gate === 'anyone') continue;
        const answer = await blocked.api(method, fill(pattern), method === 'GET' ? undefined : {});
        assert.equal(answer.status, 401, `${method} ${pattern} (${gate}) as a blocked member: ${answer.status}`);
      }
    });
  });
}
