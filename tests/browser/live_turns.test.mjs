// Who spoke, in a browser at 1280 px and 390 px: the Secretariat and a MAG member read the
// demo edition's figures of its live rooms (charts with their tables, axe clean, nothing
// scrolling sideways); a reader of the programme follows a session's link to its live room
// ("Join the speaking queue and captions") by keyboard.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/turns';
mkdirSync(shots, { recursive: true });

describe('who spoke, and the programme links to the live room, in a browser', () => {
  let server, browser, demo, regional, session, room;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    demo = editions.find((e) => e.name === 'IGF demo');
    regional = editions.find((e) => e.name === 'Regional IGF demo 2027');
    session = (await api(server.base, 'GET', `/api/v1/editions/${regional.id}/programme`)).json.sessions[0];
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`the Secretariat and the MAG read who spoke (${width} px)`, { timeout: 120000 }, async () => {
      const admin = await signedInPage(browser, server.base, server.admin, { width, shots });
      await admin.page.goto(`${server.base}/editions/${demo.id}/live-rooms`);
      await admin.check();
      await admin.page.getByRole('link', { name: 'Who spoke: the figures of every room' }).focus();
      await admin.page.keyboard.press('Enter');
      await admin.page.getByRole('heading', { level: 1, name: /Who spoke in the live rooms of IGF demo/ }).waitFor();
      await admin.check('figures');
      assert.ok(await admin.page.locator('svg[role="img"]').count() >= 6, 'charts in all and for the room');
      assert.match(await admin.page.locator('main').textContent(), /Turns: 5\./);
      await admin.context.close();

      const member = await signedInPage(browser, server.base, server.demoMember, { width, shots });
      await member.page.goto(`${server.base}/editions/${demo.id}/live-rooms/figures`);
      await member.page.getByRole('heading', { level: 1 }).waitFor();
      await member.check();
      assert.equal(await member.page.getByRole('link', { name: 'Live rooms' }).count(), 0, 'the rooms list is the Secretariat\'s');
      member.noScriptErrors();
      await member.context.close();
    });
  }

  test('a programme reader goes from the session to its live room by keyboard (390 px)', { timeout: 120000 }, async () => {
    const list = await api(server.base, 'GET', `/api/v1/editions/${regional.id}/live-rooms`);
    assert.equal(list.status, 200);
    const admin = await signedInPage(browser, server.base, server.admin, { width: 1280, shots });
    await admin.page.goto(`${server.base}/editions/${regional.id}/live-rooms`);
    await admin.check();
    const value = await admin.page.locator('#field-session option', { hasText: session.code + ' ' }).first().getAttribute('value');
    const opened = await api(server.base, 'POST', `/api/v1/editions/${regional.id}/live-rooms`, {
      token: server.admin.token, body: { kind: 'session', session: Number(value), chairs: [server.admin.email] },
    });
    assert.equal(opened.status, 201, opened.text);
    room = opened.json.id;
    await admin.page.goto(`${server.base}/editions/${regional.id}/live-rooms`);
    await admin.check('rooms-with-programme');
    assert.equal(await admin.page.locator(`a[href="/editions/${regional.id}/programme/${session.code}"]`).count(), 1);
    await admin.context.close();

    const reader = await checkedPage(browser, { width: 390, shots });
    await reader.page.goto(`${server.base}/editions/${regional.id}/programme/${session.code}`);
    await reader.check('session-with-room');
    const join = reader.page.getByRole('link', { name: 'Join the speaking queue and captions' });
    await join.focus();
    await reader.page.keyboard.press('Enter');
    await reader.page.waitForURL(`**/live-rooms/${room}`);
    await reader.page.getByRole('heading', { level: 1 }).waitFor();
    await reader.check();
    reader.noScriptErrors();
    await reader.context.close();
  });

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
