// Remote participation in a browser, keyboard only, at 1280 px and 390 px: a hub organiser
// registers a hub, chooses a published session it follows, opens that session's live room
// from the hub's page and relays a request for someone at the hub; the Secretariat sets
// the session's online link and the date links are published from, and reads the hubs by
// region. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/hubs';
mkdirSync(shots, { recursive: true });

async function press(locator) {
  await locator.focus();
  await locator.press('Enter');
}

describe('remote hubs in a browser', () => {
  let server, browser, edition, session, sessionId;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
    session = (await api(server.base, 'GET', `/api/v1/editions/${edition}/programme`)).json.sessions[0];
    const timetable = (await api(server.base, 'GET', `/api/v1/editions/${edition}/timetable`, { token: server.admin.token })).json;
    sessionId = timetable.sessions.find((s) => s.code === session.code).id;
    const chair = await proposer(server, 'Chloe Chair');
    const room = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, { token: server.admin.token, body: { kind: 'session', session: sessionId, chairs: [chair.email] } });
    assert.equal(room.status, 201, room.text);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a hub organiser registers a hub, follows a session and relays a request (${width} px)`, { timeout: 120000 }, async () => {
      const organiser = await proposer(server, `Hana Hub ${width}`);
      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, organiser, { width, shots });
      await page.goto(`${server.base}/editions/${edition}/hubs`);
      await check('hubs');
      await page.getByLabel('City').fill('Nairobi');
      await page.getByLabel('Country').selectOption({ label: 'Kenya' });
      await page.getByLabel('Host organisation').fill('KICTANet');
      await page.getByLabel('Expected participants').fill('zero');
      await press(page.getByRole('button', { name: 'Register the hub' }));
      await page.getByText('Expected participants must be a whole number').first().waitFor();
      await check('hubs-error');
      assert.equal(await page.getByLabel('City').inputValue(), 'Nairobi', 'the typed city is kept');
      await page.getByLabel('Expected participants').fill('40');
      await press(page.getByRole('button', { name: 'Register the hub' }));
      await page.getByRole('heading', { level: 1, name: 'Nairobi, Kenya' }).waitFor();
      await check('hub');

      const box = page.getByRole('checkbox', { name: new RegExp(`^${session.code} `) });
      await box.focus();
      await page.keyboard.press('Space');
      await press(page.getByRole('button', { name: 'Save the sessions followed' }));
      await page.getByText('The sessions followed are saved.').waitFor();
      assert.equal(await box.isChecked(), true);
      await check('hub-following');

      await page.getByRole('link', { name: `Live room of ${session.code}` }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Relay a hub request' }).waitFor();
      await check('room');
      const name = `Wanjiru ${width}`;
      await page.locator('#hub-relay-name').fill(name);
      await page.locator('#hub-relay-group').selectOption({ label: 'Civil Society' });
      await press(page.getByRole('button', { name: 'Add the hub request to the queue' }));
      await page.getByText('Done.').waitFor();
      await check('room-relayed');
      assert.match(await page.locator('ol.queue').textContent(), new RegExp(`${name} \\(Civil Society, [^)]*: Nairobi, Kenya\\)`));
      noScriptErrors();
    });

    test(`the Secretariat sets the online link and reads the hubs by region (${width} px)`, { timeout: 120000 }, async () => {
      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, server.admin, { width, shots });
      await page.goto(`${server.base}/editions/${edition}/remote`);
      await check('remote');
      await page.getByLabel('Publish online links from (UTC)').fill('2020-01-01 09:00');
      await press(page.getByRole('button', { name: 'Save the date' }));
      await page.getByText('Saved.').waitFor();
      await page.getByRole('link', { name: new RegExp(`^${session.code} `) }).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Online link').waitFor();
      await page.getByLabel('Online link').fill('javascript:alert(1)');
      await press(page.getByRole('button', { name: 'Save' }));
      await page.getByText('The online link must be a web address').first().waitFor();
      await check('online-link-error');
      await page.getByLabel('Online link').fill(`https://meet.example.org/${session.code}`);
      await page.getByLabel('Online moderator').fill('Mona Moderator');
      await press(page.getByRole('button', { name: 'Save' }));
      await page.getByText('The online link is saved.').waitFor();
      await check('online-link');
      await page.goto(`${server.base}/editions/${edition}/programme/${session.code}`);
      await check('session');
      assert.match(await page.locator('main').textContent(), /Online moderator: Mona Moderator/);
      assert.equal(await page.getByRole('link', { name: `https://meet.example.org/${session.code}` }).count(), 1);
      await page.goto(`${server.base}/editions/${edition}/hubs/regions`);
      await check('regions');
      assert.match(await page.locator('table').first().textContent(), /African Group/);
      noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
