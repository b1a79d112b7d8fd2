// A participant makes the secret address of their calendar in a browser, at 1280 px and
// 390 px: the page explains it, the address is shown once to copy, and a new address can
// replace it. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS;  // a folder to keep screenshots in, when set

describe('a participant subscribing to their sessions', () => {
  let server, browser, edition;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    edition = (editions.find((e) => e.name === 'Regional IGF demo 2027') ?? editions[0]).id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`makes a calendar address at ${width} px`, { timeout: 120000 }, async () => {
      const page = await (await newContext(browser, { viewport: { width, height: 900 } })).newPage();
      const noScriptErrors = watchScriptErrors(page);
      const check = async (name) => {
        await assertAccessible(page);
        await assertNoSidewaysScroll(page);
        if (shots && !['login', 'home'].includes(name)) await page.screenshot({ path: `${shots}/calendar-${name}-${width}.png`, fullPage: true });
      };
      await page.goto(server.base + '/login');
      await check('login');
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check('home');

      await page.goto(`${server.base}/editions/${edition}/agenda/calendar`);
      await page.getByRole('heading', { level: 1, name: 'Your sessions in your calendar' }).waitFor();
      await check('before');
      const first = page.getByRole('button', { name: /Create (my calendar address|a new address)/ });
      await first.press('Enter');
      await page.getByRole('heading', { name: 'Your new calendar address' }).waitFor();
      await check('shown');
      const address = await page.getByLabel('Calendar address').inputValue();
      assert.match(address, /\/calendar\/[0-9a-f]{64}\.ics$/);
      assert.match(await page.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href'), /^webcal:\/\//);
      const feed = await fetch(address);
      assert.equal(feed.status, 200);
      assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);

      await page.goto(`${server.base}/editions/${edition}/agenda/calendar`);
      await check('again');
      assert.ok(!(await page.content()).includes(address), 'the address is shown once');
      await page.getByRole('button', { name: 'Create a new address' }).click();
      await page.getByRole('heading', { name: 'Your new calendar address' }).waitFor();
      assert.notEqual(await page.getByLabel('Calendar address').inputValue(), address);
      assert.equal((await fetch(address)).status, 404, 'the old address stops working');
      noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
