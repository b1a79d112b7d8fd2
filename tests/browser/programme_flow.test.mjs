// Issue #14 "Done when", as one story in a browser at 1280 px (every page also checked at
// 390 and 320 px): a new Secretariat officer of the regional IGF adds a room with its open
// windows, creates a session on the planning page, completes the timetable with the solver
// (no conflict), moves two sessions by keyboard only and sees the conflict the second move
// causes, puts it back, and publishes; the organiser of the moved published session gets the
// change request by mail, opens the link and accepts; a participant marks three sessions,
// makes their calendar address, fetches it and finds the session at its new time with a
// higher SEQUENCE. Every page passes axe, never scrolls sideways, and raises no script error.
// Screenshots of every page at 1280 and 390 px are kept in /tmp/convene-screenshots/flow.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { startSmtp } from '../support/smtp.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, submitSignIn, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/flow';

// Tab until the focused control's label (or its own text) is `name`: keyboard only.
async function tabTo(page, name, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      const text = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      return text.replace(/\s+/g, ' ').trim();
    });
    if (label === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

// The label of the first option of the select labelled `name` that matches `pattern`.
async function optionLabel(page, name, pattern) {
  const labels = await page.getByLabel(name, { exact: true }).locator('option').allTextContents();
  const found = labels.find((l) => pattern.test(l.trim()));
  if (!found) throw new Error(`no option ${pattern} in ${labels.join(' | ')}`);
  return found.trim();
}

// The VEVENT of a session (by its code in SUMMARY) in an iCalendar text: start and SEQUENCE.
function event(ics, code) {
  const text = ics.replace(/\r\n[ \t]/g, '');
  const found = text.split('BEGIN:VEVENT').slice(1).find((e) => new RegExp(`^SUMMARY:${code}\\b`, 'm').test(e));
  if (!found) return null;
  const field = (name) => (found.match(new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm')) ?? [])[1]?.trim();
  return { start: field('DTSTART'), sequence: Number(field('SEQUENCE') ?? 0) };
}

// The mail's text with quoted-printable soft breaks undone.
const plain = (body) => body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('issue #14: from the venue to a participant\'s calendar', () => {
  let server, browser, smtp, edition;
  const as = (method, path, body) => api(server.base, method, `/api/v1/editions/${edition.id}${path}`, { token: server.admin.token, body });
  before(async () => {
    mkdirSync(shots, { recursive: true });
    smtp = await startSmtp();
    server = await startServer('sqlite', { demo: true, demoProposals: 40, args: ['--smtp', smtp.url, '--smtp-retry-seconds', '1'] });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
  });

  test('the Secretariat plans and publishes, an organiser consents, a participant subscribes', { timeout: 300000 }, async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const noScriptErrors = watchScriptErrors(page);
    // Axe at 1280 px, layout at 1280, 390 and 320 px; a screenshot at 1280 and at 390 px.
    const look = async (p, name) => {
      await assertAccessible(p);
      await assertNoSidewaysScroll(p);
      if (!name) return;
      await p.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
      await p.setViewportSize({ width: 390, height: 900 });
      await assertNoSidewaysScroll(p);
      await p.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
      await p.setViewportSize({ width: 1280, height: 900 });
    };
    const check = (name) => look(page, name);

    // The public programme before: the baseline of every session's SEQUENCE.
    const before = await (await fetch(`${server.base}/editions/${edition.id}/programme.ics`)).text();

    await page.goto(server.base + '/login');
    await check('login');
    await submitSignIn(page, server.admin.email, server.admin.password);
    await check();

    // 1. The venue: a room with its features and open windows.
    await page.goto(`${server.base}/editions/${edition.id}`);
    await check('edition');
    assert.match(await page.getByRole('status').filter({ hasText: 'Next:' }).textContent(), /The timetable is published/);
    await page.getByRole('link', { name: /Venue: rooms/ }).click();
    await page.getByRole('heading', { level: 1, name: /Venue of/ }).waitFor();
    await check('venue');
    await page.getByLabel('Name').fill('Community Room');
    await page.getByLabel('Seats').fill('80');
    await page.getByLabel('Captioning').check();
    await page.getByLabel('Open windows').fill('2027-04-20 09:00-18:00\n2027-04-21 09:00-18:00\n2027-04-22 09:00-13:00');
    await tabTo(page, 'Add the room');
    await page.keyboard.press('Enter');
    await page.getByText('The room is saved.').waitFor();
    await check('venue-saved');
    assert.match(await page.locator('main table tr', { hasText: 'Community Room' }).textContent(), /80/);

    // 2. Planning: one more session, not yet on the grid.
    await page.goto(`${server.base}/editions/${edition.id}`);
    await page.getByRole('link', { name: /^Planning/ }).click();
    await page.getByRole('heading', { level: 1, name: /Planning the programme of/ }).waitFor();
    await check('planning');
    await page.getByLabel('Code').fill('YF1');
    await page.getByLabel('Title').fill('Youth forum on digital rights');
    await page.getByLabel('Duration (minutes)').fill('60');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await check();

    // 3. The grid: the solver completes the timetable, keeping what is placed.
    await page.getByRole('link', { name: 'Timetable', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Timetable of/ }).waitFor();
    await check('timetable');
    await page.getByRole('button', { name: 'Complete the timetable' }).click();
    await page.getByRole('heading', { name: 'The solver completed the timetable' }).waitFor();
    await check('timetable-completed');
    assert.match(await page.locator('#result').textContent(), /\d+ sessions placed, 0 left off the grid/);
    assert.match(await page.locator('main').textContent(), /No conflict: every placed session keeps every rule/);
    assert.match(await page.locator('main').textContent(), /Every session is on the grid/);

    // 4. First move, keyboard only: a published session to the new room, its last start.
    const published = (await as('GET', '/timetable')).json.sessions.filter((s) => s.placement && !s.fixed && s.code !== 'YF1');
    const day = published[0].placement.start.slice(0, 10);
    await page.goto(`${server.base}/editions/${edition.id}/timetable?day=${day}`);
    await check();
    const first = published.find((s) => s.placement.start.startsWith(day));
    await tabTo(page, first.code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${first.code}:`) }).waitFor();
    await check('session');
    await tabTo(page, 'Room');
    await page.getByLabel('Room', { exact: true }).selectOption({ label: await optionLabel(page, 'Room', /^Community Room/) });
    // The list of starts is the edition's, whatever the room: the officer picks one inside
    // the room's windows (the second day, 14:00).
    const start = '2027-04-21T14:00';
    await tabTo(page, 'Start (venue time)');
    await page.getByLabel('Start (venue time)').selectOption(start);
    await tabTo(page, `Move ${first.code}`);
    await page.keyboard.press('Enter');
    await page.locator('#moved').waitFor();
    await check('moved-first');
    assert.match(await page.locator('#moved').textContent(), new RegExp(`${first.code}\\s+is now at Community Room`));
    assert.doesNotMatch(await page.locator('#moved').textContent(), /Conflict:/, 'the first move breaks no rule');

    // 5. Second move onto the same room and start: the conflict shows at once.
    await page.goto(`${server.base}/editions/${edition.id}/timetable?day=${start.slice(0, 10)}`);
    await check();
    const second = published.find((s) => s.id !== first.id && s.placement.start.startsWith(start.slice(0, 10))) ?? published.find((s) => s.id !== first.id);
    if (!second.placement.start.startsWith(start.slice(0, 10))) await page.goto(`${server.base}/editions/${edition.id}/timetable?day=${second.placement.start.slice(0, 10)}`);
    await tabTo(page, second.code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${second.code}:`) }).waitFor();
    await check();
    const home = { room: await page.getByLabel('Room', { exact: true }).inputValue(), start: await page.getByLabel('Start (venue time)').inputValue() };
    await tabTo(page, 'Room');
    await page.getByLabel('Room', { exact: true }).selectOption({ label: await optionLabel(page, 'Room', /^Community Room/) });
    await tabTo(page, 'Start (venue time)');
    await page.getByLabel('Start (venue time)').selectOption(start);
    await tabTo(page, `Move ${second.code}`);
    await page.keyboard.press('Enter');
    await page.locator('#moved').waitFor();
    await check('moved-conflict');
    const inView = await page.evaluate((code) => {
      const link = [...document.querySelectorAll('.timetable-grid .slot a')].find((a) => a.textContent.trim() === code);
      const region = link.closest('.table-scroll').getBoundingClientRect(), box = link.getBoundingClientRect();
      return box.left >= region.left && box.right <= region.right;
    }, second.code);
    assert.ok(inView, 'the grid shows the moved session\'s room');
    const moved = await page.locator('#moved').textContent();
    assert.match(moved, /It is in these conflicts/);
    assert.match(moved, /Conflict:/);
    assert.match(moved, new RegExp(`${first.code} and ${second.code}|${second.code} and ${first.code}`));
    assert.match(await page.locator('#conflicts + h3').textContent(), /Conflicts to resolve \([1-9]/);

    // The officer puts the second session back where it was: no conflict left.
    await page.locator('#moved').getByRole('link', { name: second.code }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${second.code}:`) }).waitFor();
    await check();
    await tabTo(page, 'Room');
    await page.getByLabel('Room', { exact: true }).selectOption(home.room);
    await tabTo(page, 'Start (venue time)');
    await page.getByLabel('Start (venue time)').selectOption(home.start);
    await tabTo(page, `Move ${second.code}`);
    await page.keyboard.press('Enter');
    await page.locator('#moved').waitFor();
    await check();
    assert.match(await page.locator('#moved').textContent(), /It causes no conflict/);
    assert.match(await page.locator('main').textContent(), /No conflict: every placed session keeps every rule/);

    // 6. Publishing: the new session is shown at once, the moved one is sent for consent.
    await page.goto(`${server.base}/editions/${edition.id}`);
    await page.getByRole('link', { name: /^Publishing: the published timetable/ }).click();
    await page.getByRole('heading', { level: 1, name: /Published timetable of/ }).waitFor();
    await check('versions');
    const preview = await page.locator('main').textContent();
    assert.match(preview, /New sessions, shown to the public at once: .*YF1/);
    assert.match(preview, new RegExp(`Published sessions moved, each sent to its organisers for consent .*${first.code}`));
    await tabTo(page, 'Publish the timetable');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Changes awaiting consent/ }).waitFor();
    await check('changes');
    assert.match(await page.locator('section.change', { hasText: first.code }).textContent(), new RegExp(start.slice(11)));
    await page.goto(`${server.base}/editions/${edition.id}`);
    await check();
    assert.match(await page.getByRole('status').filter({ hasText: 'Next:' }).textContent(), /await their organisers' consent: 1/);

    // 7. The organiser: the mail, the link, no account, keyboard only.
    const change = (await as('GET', '/timetable/changes')).json.changes.find((c) => c.session === first.id);
    const organiser = change.asked[0].email;
    const mail = await smtp.waitFor((m) => m.to?.includes(organiser) && plain(m.body).includes('/consent/'));
    const link = plain(mail.body).match(/http:\/\/\S+\/consent\/[0-9a-f]{64}/)[0];
    assert.ok(plain(mail.body).includes(change.to.text), 'the mail names the new room and time');
    const theirs = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    const noOrganiserErrors = watchScriptErrors(theirs);
    await theirs.goto(link);
    await theirs.getByRole('heading', { level: 1, name: new RegExp(`A change to your session ${first.code}`) }).waitFor();
    await look(theirs, 'consent');
    await tabTo(theirs, 'Accept the change');
    await theirs.keyboard.press('Enter');
    await theirs.getByText(/Thank you, .*: you accepted\./).waitFor();
    await look(theirs, 'consent-accepted');
    noOrganiserErrors();

    // 8. A participant: three sessions, the calendar address, the change in the feed.
    const participant = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    const noParticipantErrors = watchScriptErrors(participant);
    await participant.goto(server.base + '/login');
    await look(participant);
    await submitSignIn(participant, server.demoMember.email, server.demoMember.password);
    await look(participant);
    await participant.goto(`${server.base}/editions/${edition.id}`);
    await look(participant, 'participant-edition');
    await participant.getByRole('link', { name: /The programme: sessions by day/ }).click();
    await participant.getByRole('heading', { level: 1, name: /Programme of/ }).waitFor();
    await look(participant, 'programme');
    const chosen = [first.code, 'YF1', published.find((s) => s.id !== first.id).code];
    for (const [i, code] of chosen.entries()) {
      await participant.goto(`${server.base}/editions/${edition.id}/programme?q=${encodeURIComponent(code)}`);
      await look(participant);
      await participant.getByRole('link', { name: new RegExp(`^${code} `) }).click();
      await participant.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
      await look(participant, i === 0 ? 'programme-session' : undefined);
      if (i === 0) assert.ok((await participant.locator('main').textContent()).includes(start.slice(11)), 'the public page shows the accepted time');
      await participant.getByRole('button', { name: 'I plan to attend' }).click();
      await participant.getByText('You plan to attend.').waitFor();
      await look(participant);
    }
    await participant.getByRole('link', { name: 'Your agenda' }).click();
    await participant.getByRole('heading', { level: 1, name: /Your agenda/ }).waitFor();
    await look(participant, 'agenda');
    assert.deepEqual((await participant.locator('.agenda > li > a strong').allTextContents()).sort(), [...chosen].sort());
    await participant.getByRole('link', { name: /calendar feed/ }).click();
    await participant.getByRole('heading', { level: 1, name: 'Your sessions in your calendar' }).waitFor();
    await look(participant, 'calendar');
    await participant.getByRole('button', { name: /Create (my calendar address|a new address)/ }).click();
    await participant.getByRole('heading', { name: 'Your new calendar address' }).waitFor();
    await look(participant, 'calendar-address');
    const address = await participant.getByLabel('Calendar address').inputValue();
    const feed = await fetch(address);
    assert.equal(feed.status, 200);
    const ics = await feed.text();
    for (const code of chosen) assert.ok(event(ics, code), `${code} is in the feed`);
    const was = event(before, first.code), now = event(ics, first.code);
    assert.ok(now.start !== was.start, `the new start is in the feed (${was.start} -> ${now.start})`);
    assert.ok(now.sequence > was.sequence, `SEQUENCE went up (${was.sequence} -> ${now.sequence})`);
    noParticipantErrors();
    noScriptErrors();
  });

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
