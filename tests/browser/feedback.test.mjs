// Participants' feedback in a browser, at 1280 px and 390 px: after a session's end a
// participant rates it with the keyboard only (Tab to the rating's radio buttons, arrows to
// choose, a comment, a stakeholder group by typing, Enter to send) and is thanked; sending
// without a rating names the field; the session's organiser opens its results from the
// session's page; the Secretariat reads every session's, by theme and by type. Every page
// passes axe, never scrolls sideways and raises no script error; screenshots are kept in
// /tmp/convene-screenshots/feedback.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, signedInPage, assertEveryVisitedPageChecked } from '../support/browser.mjs';
import { demoEdition, organisedSession, clockTo } from '../support/feedback.mjs';
import { api } from '../support/client.mjs';

const shots = process.env.SCREENSHOTS_DIR ?? '/tmp/convene-screenshots/feedback';

// Tab until the focused element matches `found` (given the active element's facts).
async function tabUntil(page, found, what, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a?.tagName, type: a?.type, name: a?.name, label: (a?.labels?.[0]?.textContent ?? a?.textContent ?? '').replace(/\s+/g, ' ').trim() };
    });
    if (found(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('participants rate a session; its organiser and the Secretariat read the results', () => {
  let server, browser, edition, own;
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer('sqlite', { demo: true, demoProposals: 20, testHooks: true });
    browser = await launch();
    edition = await demoEdition(server);
    const first = (await api(server.base, 'GET', `/api/v1/editions/${edition}/programme`)).json.sessions[0];
    own = await organisedSession(server, edition, { code: 'FB1', day: first.day, email: server.demoMember.email });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a participant rates with the keyboard only; the organiser sees it, at ${width} px`, { timeout: 180000 }, async () => {
      await clockTo(server, own.end_utc, -600);
      const person = await proposer(server, `Kim Keyboard ${width}`);
      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, { email: person.email }, { width, shots });
      const url = `${server.base}/editions/${edition}/programme/FB1`;
      await page.goto(url);
      await page.getByText('Feedback opens when the session ends').waitFor();
      await check('session-before');

      await clockTo(server, own.end_utc, 60);
      await page.goto(url);
      await page.getByRole('group', { name: 'How useful was this session?' }).waitFor();
      await check('session-after');
      // Sending without a rating: the form again, the field named.
      await tabUntil(page, (el) => el.tag === 'BUTTON' && el.label === 'Send feedback', 'the send button');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      assert.match(await page.locator('.error-summary').innerText(), /Choose how useful the session was/);
      await check('rate-error');

      // Keyboard only: Tab to the rating group, arrows to "4", a comment, a group, Enter.
      await page.goto(url);
      await tabUntil(page, (el) => el.type === 'radio' && el.name === 'rating', 'the rating');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.value), '4');
      assert.ok(await page.getByLabel('4: Very useful').isChecked());
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.name), 'comment');
      await page.keyboard.type('Clear <b>and</b> practical: https://example.org');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.name), 'stakeholder_group');
      await page.keyboard.type('Civil');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Send feedback');
      await page.keyboard.press('Enter');
      await page.getByText('Thank you, your feedback is saved.').waitFor();
      assert.match(await page.locator('#feedback [role="status"]').innerText(), /You rated this session 4 out of 5: Very useful\./);
      assert.ok(await page.getByLabel('4: Very useful').isChecked(), 'the rating shown as sent');
      assert.equal(await page.getByLabel('Your stakeholder group (optional)').inputValue(), 'civil_society');
      await check('session-rated');
      noScriptErrors();

      // The organiser opens the results from the session's page.
      const organiser = await signedInPage(browser, server.base, server.demoMember, { width, shots });
      await organiser.page.goto(url);
      await organiser.page.getByRole('link', { name: 'Feedback results for this session' }).click();
      await organiser.page.getByRole('heading', { level: 1, name: /Feedback on FB1/ }).waitFor();
      const text = await organiser.page.locator('main').innerText();
      assert.match(text, /\d+ ratings?, a mean of \d\.\d\d out of 5/);
      assert.match(text, /Clear <b>and<\/b> practical: https:\/\/example\.org/, 'the comment shown as typed, escaped');
      assert.equal(await organiser.page.locator('main b').count(), 0, 'no markup from the comment');
      await organiser.check('results');
      organiser.noScriptErrors();
      await organiser.context.close();

      // The Secretariat's page of every session.
      const secretariat = await signedInPage(browser, server.base, server.admin, { width, shots });
      await secretariat.page.goto(`${server.base}/editions/${edition}/feedback`);
      await secretariat.page.getByRole('heading', { level: 1, name: /Participants' feedback/ }).waitFor();
      await secretariat.page.getByRole('table', { name: 'Ratings by theme' }).waitFor();
      await secretariat.page.getByRole('table', { name: 'Ratings by session type' }).waitFor();
      await secretariat.check('edition');
      secretariat.noScriptErrors();
      await secretariat.context.close();
    });
  }

  test('every page visited was checked', () => {
    assertEveryVisitedPageChecked();
  });
});
