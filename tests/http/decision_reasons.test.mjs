// The reasons of decisions recorded from the selection are the selection's own (forced in,
// forced out, quota, organisation limit, a full theme, displaced, cut-off, merged), on the
// demo's closed round with 80 proposals and 22 workshop slots; the same reasons reach the
// proposers by mail (a real SMTP server) and the public transparency report.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines } from '../support/server.mjs';
import { api, Visitor } from '../support/client.mjs';
import { startSmtp } from '../support/smtp.mjs';

const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('<', '&lt;');

for (const engine of engines()) {
  describe(`true reasons on ${engine}`, () => {
    let smtp, server, edition, ranking, made, decisions;
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const url = (rest) => `/api/v1/editions/${edition}${rest}`;
    const reasonOf = (n) => decisions.find((d) => d.number === n).decision.reason;
    before(async () => {
      smtp = await startSmtp();
      server = await startServer(engine, { demo: true, demoProposals: 80, args: ['--smtp', smtp.url, '--smtp-retry-seconds', '1'] });
      edition = (await as('GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo 2026').id;
      assert.equal((await as('PUT', url('/synthesis-settings'), { plan: { streams: 5 } })).status, 200);
      ranking = (await as('GET', url('/synthesis'))).json.ranking;
      const slots = (await as('GET', url('/synthesis'))).json.workshop_slots;
      assert.equal(slots, 22);
      const best = ranking[0], worst = ranking.at(-1);
      const crowded = ranking[1].theme;  // a theme capped at one session holds back its others
      const rules = {
        max_per_organisation: 1,
        constraints: [{ attribute: 'developing', value: true, min: 15 }, { theme: crowded, max: 1 }],
        forced_in: [worst.number], forced_out: [best.number],
        merged: [[ranking[slots - 1].number, ranking[slots].number]],
      };
      assert.equal((await as('PUT', url('/synthesis-settings'), { rules })).status, 200);
      made = (await as('POST', url('/selection'))).json;
      assert.equal((await as('POST', url('/decisions/from-selection'))).json.recorded, 80);
      decisions = (await as('GET', url('/decisions'))).json.proposals;
    });
    after(async () => { await server.stop(); await smtp.stop(); });

    test('a 5.0 forced out is told the MAG left it out, a low score forced in that the MAG included it', () => {
      const best = ranking[0], worst = ranking.at(-1);
      assert.ok(made.left.some((x) => x.number === best.number && /forced out/.test(x.why)));
      assert.match(reasonOf(best.number), /^Not selected: the MAG decided to leave it out of the programme, although its score \(5\.00\) was within the 22 workshop slots\.$/);
      assert.doesNotMatch(reasonOf(best.number), /higher-scored/);
      assert.match(reasonOf(worst.number), /^Selected: the MAG decided to include it in the programme, whatever its score/);
      assert.doesNotMatch(reasonOf(worst.number), /diversity/);
      assert.equal(decisions.find((d) => d.number === worst.number).decision.kind, 'accepted');
      assert.equal(decisions.find((d) => d.number === best.number).decision.kind, 'declined');
    });

    test('every proposal that entered or left has the reason the selection page shows', () => {
      const seen = new Set();
      for (const x of [...made.entered, ...made.left]) {
        const reason = reasonOf(x.number), why = x.why;
        let m;
        if (/forced in/.test(why)) { seen.add('forced_in'); assert.match(reason, /the MAG decided to include it/); }
        else if (/forced out/.test(why)) { seen.add('forced_out'); assert.match(reason, /the MAG decided to leave it out/); }
        else if ((m = why.match(/needed for: ([^;]+)/))) { seen.add('quota'); assert.ok(reason.includes(`the edition's rule "${m[1]}"`), `${x.number}: ${reason} / ${why}`); }
        else if ((m = why.match(/held back by: at most (\d+) per organisation \((.+)\)$/))) {
          seen.add('organisation_limit');
          assert.ok(reason.includes(`at most ${m[1]} session(s) per organisation, and ${m[2]} has that many selected`), `${x.number}: ${reason}`);
        } else if ((m = why.match(/held back by: (at most \d+ in the theme .+)$/))) { seen.add('theme'); assert.ok(reason.includes(`rule "${m[1]}" left no room`), reason); }
        else if (/displaced|the slots available/.test(why)) { seen.add('displaced'); assert.match(reason, /its place went to proposals the edition's rules require \(at least 15 from developing countries\)/); }
        else if (/freed/.test(why)) { seen.add('freed'); assert.match(reason, /came free/); }
        else assert.fail(`no reason path for ${x.number}: ${why}`);
      }
      for (const path of ['forced_in', 'forced_out', 'quota', 'organisation_limit', 'theme'])
        assert.ok(seen.has(path), `the demo's selection has a ${path} case (${[...seen]})`);
      const moved = new Set([...made.entered, ...made.left].map((x) => x.number));
      const selected = new Set(made.selected.map((s) => s.number));
      for (const d of decisions.filter((d) => !moved.has(d.number))) {
        if (selected.has(d.number)) assert.match(d.decision.reason, /^Selected within the 22 workshop slots by its score/, `${d.number}`);
        else assert.match(d.decision.reason, /^Not selected: its score \(\d\.\d+\) was below the cut-off of the 22 workshop slots\./, `${d.number}`);
      }
    });

    test('both proposals of a merged pair name each other and their joint score', () => {
      const [a, b] = made.rules.merged[0];
      assert.match(reasonOf(a), new RegExp(`together with proposal ${b}, with which the MAG merged it \\(joint score \\d`));
      assert.match(reasonOf(b), new RegExp(`together with proposal ${a},`));
      assert.equal(made.selected.some((s) => s.number === a), made.selected.some((s) => s.number === b));
    });

    test('the proposers receive these reasons by mail, and the transparency report publishes them', { timeout: 60000 }, async () => {
      const preview = (await as('GET', url('/decision-messages'))).json;
      assert.equal((await as('POST', url('/decision-messages'), { expected: preview.to_send })).json.queued, preview.to_send);
      const outbox = (await as('GET', '/api/v1/outbox')).json.messages;
      for (const number of [ranking[0].number, ranking.at(-1).number, made.rules.merged[0][0]]) {
        const queued = outbox.find((m) => m.kind === 'decision' && m.subject.endsWith(`proposal ${number}`));
        assert.ok(queued, `a message for ${number}`);
        const mail = await smtp.waitFor((m) => m.to === queued.recipient && m.subject === queued.subject);
        assert.ok(mail.body.includes(`Reason: ${reasonOf(number)}`), `the mail for ${number} gives its reason: ${mail.body.slice(0, 400)}`);
      }
      assert.equal((await as('PUT', url('/results'), { published: true })).status, 200);
      const report = (await api(server.base, 'GET', url('/transparency'))).json;
      for (const d of decisions) assert.equal(report.decisions.find((r) => r.number === d.number).reason, d.decision.reason);
      const page = (await new Visitor(server.base).get(`/editions/${edition}/transparency`)).text;
      for (const number of [ranking[0].number, ranking.at(-1).number])
        assert.ok(page.includes(escaped(reasonOf(number))), `the report shows ${number}'s reason`);
    });
  });
}
