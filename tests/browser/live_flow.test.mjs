// Issue #15's "done when", in a browser as new users would, keyboard only: the Secretariat
// opens the live room of a published session with its chair, online moderator and
// captioner; five people ask for the floor (three from their own phone or laptop, one of
// them online; one through the online moderator; one through a hub's organiser); the chair
// gives the floor, reorders, and closes the list after a last call whose countdown everyone
// sees; the captioner writes two speaker turns that a reader's full-screen view and its
// screen reader's live region receive; the server restarts and the queue, the turn being
// spoken and the captions are all still there. Every page passes axe and never scrolls
// sideways (participants and the reader on a 390 px phone).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, signedInPage, forgiveRefusedLiveConnections } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/live-flow';
mkdirSync(shots, { recursive: true });

async function press(locator) {
  await locator.focus();
  await locator.press('Enter');
}

describe('issue #15: a live room from the first request to a restart', () => {
  let server, browser, edition, session, people;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
    session = (await api(server.base, 'GET', `/api/v1/editions/${edition}/programme`)).json.sessions[1];
    people = {};
    for (const [key, name] of [['chair', 'Carmen Chair'], ['moderator', 'Omar Moderator'], ['captioner', 'Cora Captioner'],
      ['hub', 'Hana Hub'], ['ana', 'Ana Onsite'], ['ben', 'Ben Online'], ['chen', 'Chen Laptop']])
      people[key] = await proposer(server, name);
    // The hub was registered and follows the session before the day (its own browser test
    // covers registering): here it is the organiser's queue role that matters.
    const hub = await api(server.base, 'POST', `/api/v1/editions/${edition}/hubs`, {
      token: people.hub.token,
      body: { city: 'Nairobi', country: 'KE', host: 'KICTANet', expected: 40, contact_email: people.hub.email },
    });
    assert.equal(hub.status, 201, hub.text);
    const follows = await api(server.base, 'PUT', `/api/v1/editions/${edition}/hubs/${hub.json.id}/sessions`, {
      token: people.hub.token, body: { sessions: [session.code] },
    });
    assert.equal(follows.status, 200, follows.text);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (who, width) => signedInPage(browser, server.base, who, { width, shots });

  test('open, queue, last call, captions, restart', { timeout: 240000 }, async () => {
    // The Secretariat opens the session's room and names who runs it.
    const secretariat = await signedIn(server.admin, 1280);
    let page = secretariat.page;
    await page.goto(`${server.base}/editions/${edition}/live-rooms`);
    await secretariat.check('rooms');
    await page.getByLabel('A session of the timetable').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Session of the timetable', { exact: true }).selectOption({ label: `${session.code} ${session.title}` });
    await page.getByLabel(/^Chairs/).fill(people.chair.email);
    await page.getByLabel(/^Online moderators/).fill(people.moderator.email);
    await page.getByLabel(/^Captioners/).fill(people.captioner.email);
    await press(page.getByRole('button', { name: 'Open the room' }));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await secretariat.check('room-opened');
    const roomPath = new URL(page.url()).pathname;
    const roomId = roomPath.split('/').pop();
    const url = () => server.base + roomPath;
    const state = async () => (await api(server.base, 'GET', `/api/v1${roomPath}`)).json;
    secretariat.noScriptErrors();

    // The chair's page is open and listening before anyone asks.
    const chair = await signedIn(people.chair, 1280);
    await chair.page.goto(url());
    await chair.check('chair');
    await chair.page.waitForFunction(() => document.querySelector('[data-live-topic]')?.getAttribute('data-live') === 'websocket');

    // Three people ask from their own phone or laptop; Ben speaks online.
    for (const [who, where, width] of [[people.ana, 'In the room', 390], [people.ben, 'Online', 390], [people.chen, 'In the room', 1280]]) {
      const p = await signedIn(who, width);
      await p.page.goto(url());
      await p.check();
      await p.page.getByLabel(where).focus();
      await p.page.keyboard.press('Space');
      await p.page.getByLabel('Your stakeholder group').selectOption({ label: 'Civil Society' });
      await press(p.page.getByRole('button', { name: 'Add me to the queue' }));
      await p.page.getByText(/You are number \d in the queue/).waitFor();
      await p.check(`asked-${width}`);
      p.noScriptErrors();
    }
    // The online moderator adds someone speaking through the meeting tool.
    const moderator = await signedIn(people.moderator, 1280);
    await moderator.page.goto(url());
    await moderator.check();
    await moderator.page.getByLabel('Name', { exact: true }).fill('Rosa Remote');
    await moderator.page.getByLabel('Stakeholder group', { exact: true }).selectOption({ label: 'Academia' });
    await press(moderator.page.getByRole('button', { name: 'Add to the queue' }));
    await moderator.page.getByText('Done.').waitFor();
    await moderator.check('moderator');
    moderator.noScriptErrors();
    // The hub's organiser relays someone at the hub.
    const hub = await signedIn(people.hub, 390);
    await hub.page.goto(url());
    await hub.check();
    await hub.page.locator('#hub-relay-name').fill('Wanjiru Hub');
    await hub.page.locator('#hub-relay-group').selectOption({ label: 'Technical Community' });
    await press(hub.page.getByRole('button', { name: 'Add the hub request to the queue' }));
    await hub.page.getByText('Done.').waitFor();
    await hub.check('hub-relay');
    hub.noScriptErrors();

    let now = await state();
    assert.deepEqual(now.waiting.map((w) => w.name), ['Ana Onsite', 'Ben Online', 'Chen Laptop', 'Rosa Remote', 'Wanjiru Hub']);
    assert.deepEqual(now.waiting.map((w) => w.where), ['onsite', 'online', 'onsite', 'online', 'hub']);

    // The chair's page heard every request; the chair works the queue by keyboard.
    page = chair.page;
    await page.locator('[data-live-topic]').getByText('Nobody has the floor. 5 waiting.').waitFor();
    await page.reload();
    await chair.check();
    await press(page.getByRole('button', { name: 'Give the floor to the next' }));
    await page.getByText('Done.').waitFor();
    assert.match(await page.locator('#live-state').textContent(), /Ana Onsite\s+has the floor/);
    await press(page.getByRole('button', { name: 'Move up Wanjiru Hub' }));
    await page.getByText('Done.').waitFor();
    await chair.check('reordered');
    now = await state();
    assert.deepEqual(now.waiting.map((w) => w.name), ['Ben Online', 'Chen Laptop', 'Wanjiru Hub', 'Rosa Remote']);
    // Long enough for a reader to open the page on a busy machine (two cores, tests in parallel).
    await page.getByLabel('Last call: seconds before the list closes').fill('12');
    await press(page.getByRole('button', { name: 'Announce the last call' }));
    await page.locator('.last-call').waitFor();
    await chair.check('last-call');
    // A reader sees the countdown, then the closed list; a late request is refused.
    const reader = await checkedPage(browser, { width: 390, shots });
    await reader.page.goto(url());
    await reader.check('reader-last-call');
    assert.match(await reader.page.locator('.last-call').textContent(), /closes in \d+ seconds/);
    const closing = Date.now() + 20000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      await reader.page.reload();
      if (await reader.page.getByText('The list of speakers is closed.').count() || Date.now() > closing) break;
    }
    await reader.page.getByText('The list of speakers is closed.').waitFor();
    await reader.check('reader-closed');
    const late = await proposer(server, 'Lee Late');
    const refused = await api(server.base, 'POST', `/api/v1${roomPath}/queue`, { token: late.token, body: {} });
    assert.equal(refused.status, 409, refused.text);

    // A reader follows the captions in full screen, on a phone.
    await reader.page.goto(`${url()}/captions`);
    await reader.check('captions-empty');
    await reader.page.waitForFunction(() => document.querySelector('[data-caption-topic]')?.getAttribute('data-live') !== null
      || document.querySelector('.caption-log') !== null);
    // The captioner writes two speaker turns, names from the queue.
    const captioner = await signedIn(people.captioner, 1280);
    page = captioner.page;
    await page.goto(`${url()}/captions/write`);
    await captioner.check('captioner');
    const speaker = page.getByLabel('Speaker');
    await speaker.selectOption({ label: 'Ana Onsite (has the floor)' });
    await press(page.getByRole('button', { name: 'Insert the speaker' }));
    await page.keyboard.type('Thank you, chair. Hubs need the links early.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('caption-status').textContent === 'All sent.');
    await speaker.selectOption({ label: 'Ben Online (waiting)' });
    await press(page.getByRole('button', { name: 'Insert the speaker' }));
    await page.keyboard.type('I agree with the previous speaker.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('caption-status').textContent === 'All sent.');
    await captioner.check('captioner-sent');
    captioner.noScriptErrors();

    const log = reader.page.locator('.caption-log');
    await log.getByText('I agree with the previous speaker.').waitFor();
    assert.deepEqual(await log.locator('.caption-speaker').allTextContents(), ['ANA ONSITE', 'BEN ONLINE']);
    await reader.page.waitForFunction(() => /previous speaker/.test(document.querySelector('[data-caption-announcer]').textContent));
    assert.equal(await reader.page.locator('[data-caption-announcer]').getAttribute('aria-live'), 'polite');
    await reader.check('captions-live');

    // The server restarts in the middle of the session: everything comes back as it was.
    const before = await state();
    const captionsBefore = (await api(server.base, 'GET', `/api/v1${roomPath}/captions?language=en`)).json;
    await server.stop({ keepDatabase: true });
    server = await startServer('sqlite', { again: server });
    const after = await state();
    assert.deepEqual(after.waiting, before.waiting);
    assert.equal(after.speaking.name, 'Ana Onsite');
    assert.equal(after.speaking.start, before.speaking.start, 'the turn keeps its start: the timer goes on');
    assert.equal(after.closes_at, before.closes_at);
    const captionsAfter = (await api(server.base, 'GET', `/api/v1${roomPath}/captions?language=en`)).json;
    assert.deepEqual(captionsAfter.chunks, captionsBefore.chunks);
    // The pages still open on the stopped server (the new one has another port) kept trying.
    await reader.page.goto(`${url()}/captions`);
    forgiveRefusedLiveConnections(reader.page);
    await reader.check('captions-after-restart');
    assert.deepEqual(await reader.page.locator('.caption-log .caption-speaker').allTextContents(), ['ANA ONSITE', 'BEN ONLINE']);
    await chair.page.goto(url());
    forgiveRefusedLiveConnections(chair.page);
    await chair.check('chair-after-restart');
    assert.match(await chair.page.locator('#live-state').textContent(), /Ana Onsite\s+has the floor/);
    assert.match(await chair.page.locator('#live-state').textContent(), /The list of speakers is closed/);
    assert.equal(await chair.page.locator('ol.chair-queue > li').count(), 4);
    // And the chair carries on: the next speaker is the one the chair moved up behind Chen.
    await press(chair.page.getByRole('button', { name: 'Give the floor to the next' }));
    await chair.page.getByText('Done.').waitFor();
    assert.match(await chair.page.locator('#live-state').textContent(), /Ben Online\s+has the floor/);
    assert.ok(roomId);
    chair.noScriptErrors();
    reader.noScriptErrors();
  });

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
