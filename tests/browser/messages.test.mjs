// The messages of the year in a browser, on the demo's regional IGF (its programme
// published): a MAG member drafts a diverging message citing two sessions, the
// Secretariat opens the comment period, a member of the public comments on a paragraph,
// the Secretariat publishes; the published theme page, the printable document and a cited
// session's page. axe passes on every page, nothing scrolls sideways at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/messages';
mkdirSync(shots, { recursive: true });
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

describe('the messages of the year in a browser', () => {
  let server, browser, edition, themes, sessions, member;
  const messages = {};

  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 40 });
    browser = await launch();
    const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
    edition = (editions.editions ?? editions).find((e) => e.name === 'Regional IGF demo 2027').id;
    themes = (await as('GET', `/api/v1/editions/${edition}/themes`)).json.themes;
    sessions = (await as('GET', `/api/v1/editions/${edition}/programme`)).json.sessions;
    const email = `drafter.${edition}@mag.test`;
    const added = await as('POST', `/api/v1/editions/${edition}/members`, {
      name: 'Dora Drafter', email, organisation: 'Drafters Network', country: 'KE', stakeholder_group: 'civil_society', gender: 'woman',
    });
    assert.equal(added.status, 201, added.text);
    member = { email, password: added.json.temporary_password };
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a MAG member drafts a diverging message, the public comments on a paragraph (${width} px)`, { timeout: 180000 }, async () => {
      const mag = await signedInPage(browser, server.base, member, { width, shots });
      await mag.page.goto(`${server.base}/editions/${edition}/messages`);
      await mag.check('overview-draft');
      await mag.page.getByRole('link', { name: `Write a message on ${themes[0].name}` }).click();
      await mag.check('new');
      const title = `Who pays for connectivity (${width})`;
      await mag.page.getByLabel('Title').fill(title);
      await mag.page.getByLabel('Message (required)').fill('Sessions agreed that **meaningful** connectivity comes first.\n\nThey differed on who should pay for it, and how fast.');
      // A diverging message without positions: refused, what was typed kept.
      await mag.page.getByLabel(/^Diverging/).check();
      await mag.page.getByLabel('Sessions the message draws on').fill(`${sessions[0].code} | Community networks need spectrum.\n${sessions[1].code}`);
      await mag.page.getByRole('button', { name: 'Save the message' }).click();
      await mag.page.waitForSelector('.error-summary');
      assert.match(await mag.page.locator('.error-summary').innerText(), /at least two positions/);
      assert.equal(await mag.page.getByLabel('Title').inputValue(), title);
      await mag.check('new-error');
      await mag.page.getByLabel('Position 1').fill('Public funds and universal service obligations.');
      await mag.page.getByRole('group', { name: 'Stakeholder groups holding position 1' }).getByLabel('Government', { exact: true }).check();
      await mag.page.getByRole('group', { name: 'Stakeholder groups holding position 1' }).getByLabel('Civil Society').check();
      await mag.page.getByLabel('Position 2').fill('Private investment with light regulation.');
      await mag.page.getByRole('group', { name: 'Stakeholder groups holding position 2' }).getByLabel('Private Sector').check();
      await mag.page.getByRole('button', { name: 'Save the message' }).click();
      await mag.page.waitForURL(/\/messages\/\d+\?saved=1$/);
      messages[width] = mag.page.url().replace(/\?.*$/, '');
      assert.match(await mag.page.locator('h1').innerText(), /Who pays for connectivity/);
      assert.equal(await mag.page.locator('.cited-sessions li').count(), 2);
      assert.match(await mag.page.locator('.positions').innerText(), /Held by: Government, Civil Society/);
      await mag.check('message-draft');

      // The Secretariat opens the comment period.
      const secretariat = await signedInPage(browser, server.base, server.admin, { width, shots });
      await secretariat.page.goto(`${server.base}/editions/${edition}/messages`);
      await secretariat.page.getByLabel('Comments open (UTC)').fill(iso(Date.now() - 60000));
      await secretariat.page.getByLabel('Comments close (UTC)').fill(iso(Date.now() + 7 * 86400000));
      await secretariat.page.getByRole('button', { name: 'Set the comment period' }).click();
      await secretariat.page.waitForURL(/\?saved=period$/);
      assert.match(await secretariat.page.locator('.lead').innerText(), /The comment period is open until/);
      await secretariat.check('overview-secretariat');

      // A member of the public comments on the second paragraph.
      const reader = await checkedPage(browser, { width, shots });
      await reader.page.goto(messages[width]);
      await reader.check('message-public');
      await reader.page.getByRole('link', { name: 'Comment on paragraph 2' }).click();
      assert.equal(await reader.page.getByLabel('Paragraph (required)').inputValue(), '2');
      await reader.page.getByLabel('Your name').fill('Pia Public');
      await reader.page.getByLabel('Your stakeholder group').selectOption({ label: 'Technical Community' });
      await reader.page.getByLabel('Your region').selectOption({ label: 'African Group' });
      await reader.page.getByLabel('Your comment').fill('Say who pays <script>alert(1)</script> and see https://example.org');
      await reader.page.getByRole('button', { name: 'Send the comment' }).click();
      await reader.page.waitForURL(/saved=comment/);
      assert.match(await reader.page.locator('.notice').innerText(), /your comment is saved/);
      await reader.page.getByText('1 comment(s) on paragraph 2').click();
      assert.match(await reader.page.locator('.comment-list').innerText(), /Pia Public, Technical Community, African Group/);
      assert.match(await reader.page.locator('.comment-list').innerText(), /<script>alert\(1\)<\/script>/);
      await reader.check('message-commented');
      reader.noScriptErrors();

      // The MAG sees the comment by paragraph and marks it handled.
      await mag.page.goto(messages[width] + '/comments');
      await mag.check();
      await mag.page.getByLabel('Partly accepted').check();
      await mag.page.getByRole('button', { name: 'Save how it was handled' }).click();
      await mag.page.waitForURL(/saved=handled/);
      assert.match(await mag.page.getByRole('region', { name: 'Paragraph 2' }).innerText(), /Handled: Partly accepted/);
      await mag.check('comments');
      await mag.context.close();
      await secretariat.context.close();
      await reader.context.close();
    });
  }

  test('the Secretariat publishes; anyone reads the theme, the document and the cited session', { timeout: 180000 }, async () => {
    const secretariat = await signedInPage(browser, server.base, server.admin, { width: 1280, shots });
    await secretariat.page.goto(`${server.base}/editions/${edition}/messages`);
    await secretariat.page.getByRole('button', { name: 'Publish the messages of the year' }).click();
    await secretariat.page.waitForURL(/saved=published/);
    assert.match(await secretariat.page.locator('.lead').innerText(), /^Published/);
    await secretariat.check('overview-published');
    for (const width of [1280, 390]) {
      const reader = await checkedPage(browser, { width, shots });
      await reader.page.goto(`${server.base}/editions/${edition}/messages/themes/${themes[0].id}`);
      assert.equal(await reader.page.locator('.year-message').count(), 2);
      await reader.check('theme');
      await reader.page.goto(`${server.base}/editions/${edition}/messages/document`);
      await reader.check('document');
      await reader.page.emulateMedia({ media: 'print' });
      assert.equal(await reader.page.locator('.site-header').isVisible(), false, 'no site header in print');
      await reader.page.screenshot({ path: `${shots}/document-print-${width}.png`, fullPage: true });
      if (width === 1280) await reader.page.pdf?.({ path: `${shots}/document.pdf` }).catch(() => {});
      await reader.page.emulateMedia({ media: 'screen' });
      await reader.page.goto(`${server.base}/editions/${edition}/programme/${sessions[1].code}`);
      assert.match(await reader.page.locator('.cited-by').innerText(), /Who pays for connectivity/);
      await reader.check('session');
      reader.noScriptErrors();
      await reader.context.close();
    }
    await secretariat.context.close();
    assertEveryVisitedPageChecked();
  });
});
