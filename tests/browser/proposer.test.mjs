// A new proposer in a real browser, keyboard only: create an account, start a proposal,
// make a mistake and see it named with every value kept, complete and submit it; a
// speaker confirms by the link in their e-mail and the proposer's page hears of it live.
// Every page passes axe, and every page has the landmarks a screen reader jumps between.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, moveClock } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors } from '../support/browser.mjs';
import { startSmtp } from '../support/smtp.mjs';
import { openCall, proposer } from '../support/proposals.mjs';

// Moves the focus with Tab until it is on the control labelled `name` (never the mouse).
async function tabTo(page, name, max = 500) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      const text = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      return text.replace(/\s+/g, ' ').trim();
    });
    if (label === name || label.startsWith(name + ' (required)')) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function typeInto(page, name, text) {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

async function assertLandmarks(page) {
  assert.equal(await page.getByRole('banner').count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('contentinfo').count(), 1);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
}

describe('a proposer in a browser', () => {
  let server, browser, smtp;
  const checked = new Set();
  const check = async (page) => { await assertLandmarks(page); await assertAccessible(page, checked); };
  before(async () => {
    smtp = await startSmtp();
    server = await startServer('sqlite', { args: ['--smtp', smtp.url, '--smtp-retry-seconds', '1'] });
    await openCall(server);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
  });

  test('registers, submits a complete workshop proposal with the keyboard, and sees a speaker confirm', { timeout: 120000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const noScriptErrors = watchScriptErrors(page);
    await page.goto(server.base + '/');
    await check(page);

    await tabTo(page, 'Create account');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/register/);
    await check(page);
    await typeInto(page, 'Your name', 'Nia Newcomer');
    await typeInto(page, 'E-mail', 'nia@newcomers.test');
    await typeInto(page, 'Password', 'my very own passphrase');
    await page.keyboard.press('Enter');
    await assert.doesNotReject(page.getByRole('heading', { name: 'Check your mail' }).waitFor());
    await check(page);

    // The link in the mail confirms the address and signs in.
    const confirmation = await smtp.waitFor((m) => m.to === 'nia@newcomers.test');
    const confirmLink = confirmation.body.match(/http:\/\/\S+\/verify\/[0-9a-f]{64}/)[0];
    await page.goto(confirmLink);
    await check(page);
    await typeInto(page, 'Your password', 'my very own passphrase');
    await tabTo(page, 'Confirm my address');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/proposals\?verified=1$/);
    await check(page);
    // The edition's venue is in UTC: the deadline shows in UTC.
    assert.match(await page.locator('main time[datetime]').first().textContent(), /^\d{1,2} \w+ \d{4}, \d\d:\d\d UTC$/, 'the deadline in UTC');

    await tabTo(page, 'Start a proposal for IGF Test');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/proposals\/new$/);
    await check(page);

    // First a mistake: a title too long, and submit at once.
    await typeInto(page, 'Title', 'A'.repeat(101));
    await typeInto(page, 'Organiser 1: name', 'Nia Newcomer');
    await tabTo(page, 'Submit proposal');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'the limit is 100' }).waitFor());
    assert.equal(await page.getByLabel('Organiser 1: name').inputValue(), 'Nia Newcomer', 'what was typed is kept');
    await check(page);

    // The error summary links to the field; fix it from there with the keyboard.
    await page.getByRole('alert').getByRole('link').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Community networks for rural schools');
    await tabTo(page, 'Theme');
    await page.keyboard.type('Access');
    await tabTo(page, 'Format');
    await page.keyboard.type('Roundtable');
    await tabTo(page, 'Duration');
    await page.keyboard.type('60');
    await typeInto(page, 'Description', 'How *community networks* connect schools, and the rules that help them.');
    await tabTo(page, 'Which funding models work for the last mile?');
    await page.keyboard.press('Space');
    await typeInto(page, 'Organiser 1: organisation', 'Rural Links');
    await typeInto(page, 'Organiser 1: country', 'Kenya');
    const speakers = [['Ama Mensah', 'Ghana', 'Woman'], ['Bo Lindqvist', 'Sweden', 'Man'], ['Chen Wei', 'China', 'Woman']];
    for (const [i, [name, country, gender]] of speakers.entries()) {
      await typeInto(page, `Speaker ${i + 1}: name`, name);
      await typeInto(page, `Speaker ${i + 1}: e-mail`, `speaker${i + 1}@browser.test`);
      await typeInto(page, `Speaker ${i + 1}: country`, country);
      await tabTo(page, `Speaker ${i + 1}: gender`);
      await page.keyboard.type(gender);
      await tabTo(page, `Speaker ${i + 1}: confirmation`);
      await page.keyboard.type('Prov');
      await tabTo(page, `Speaker ${i + 1}: taking part`);
      await page.keyboard.type('Onsite');
    }
    await typeInto(page, 'Moderator 1: name', 'Dina Moderator');
    await typeInto(page, 'Online moderator 1: name', 'Eli Online');
    await typeInto(page, 'Rapporteur 1: name', 'Femi Rapporteur');
    await typeInto(page, 'Expected outcomes', 'A guide for ministries.');
    await typeInto(page, 'Plan for online participation and interaction', 'Questions from online first.');
    assert.equal(await page.locator('#field-theme').inputValue(), 'Access');
    assert.equal(await page.locator('#field-speakers-1-gender').inputValue(), 'man');
    await tabTo(page, 'Submit proposal');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/proposals\/\d+\?submitted=1$/);
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Your proposal is submitted' }).waitFor());
    await check(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Community networks for rural schools');
    assert.equal(await page.locator('.markdown em').first().textContent(), 'community networks');

    await tabTo(page, 'all revisions');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revisions$/);
    await check(page);
    const proposalUrl = page.url().replace(/\/revisions$/, '');
    const compare = page.getByRole('button', { name: 'Compare the two versions' });
    if (await compare.count()) {  // offered once there are two versions
      await compare.click();
      await page.waitForURL(/\/compare\?/);
      await check(page);
    }
    await page.goto(proposalUrl + '/edit');
    await check(page);
    await page.goto(proposalUrl);
    await page.waitForFunction(() => document.querySelector('[data-live="websocket"]'));

    // The speaker's side: the link in the mail, no account, keyboard only.
    const mail = await smtp.waitFor((m) => m.to === 'speaker1@browser.test');
    const link = mail.body.match(/http:\/\/\S+\/confirm\/[0-9a-f]{64}/)[0];
    const speakerContext = await newContext(browser);
    const speakerPage = await speakerContext.newPage();
    await speakerPage.goto(link);
    await check(speakerPage);
    await tabTo(speakerPage, 'I confirm');
    await speakerPage.keyboard.press('Enter');
    await speakerPage.waitForURL(/answered=1/);
    await assert.doesNotReject(speakerPage.getByText('You have confirmed.').waitFor());
    await check(speakerPage);

    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Ama Mensah confirmed.' }).waitFor({ timeout: 10000 }));
    await page.reload();
    assert.match(await page.getByRole('row', { name: /Ama Mensah/ }).textContent(), /confirmed/);
    await speakerContext.close();
    noScriptErrors();
    await context.close();
  });

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});

describe('a proposer whose sign-in expires', () => {
  let server, browser, edition;
  const checked = new Set();
  const check = async (page) => { await assertLandmarks(page); await assertAccessible(page, checked); };
  before(async () => {
    server = await startServer('sqlite', { testHooks: true });
    edition = await openCall(server, { closesInSeconds: 90 * 86400 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('saves a half-filled, partly wrong draft, signs out, signs in after expiry and finds everything', { timeout: 120000 }, async () => {
    const who = await proposer(server, 'Hana Halfway');
    const context = await newContext(browser);
    const page = await context.newPage();
    const noScriptErrors = watchScriptErrors(page);
    const signIn = async () => {
      await page.getByLabel('E-mail').fill(who.email);
      await page.getByLabel('Password').fill('a long enough password');
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await page.goto(server.base + '/login');
    assert.equal(await page.getByRole('main').getByRole('link', { name: 'Create account' }).getAttribute('href'), '/register');
    await signIn();
    await page.goto(`${server.base}/editions/${edition}/proposals/new`);
    await page.getByLabel('Title', { exact: false }).first().fill('T'.repeat(110));
    await page.getByLabel('Description', { exact: false }).fill('Half of a description.');
    await page.getByLabel('Speaker 1: name').fill('Ama Mensah');
    await page.getByLabel('Speaker 1: e-mail').fill('ama@');
    await page.getByLabel('Speaker 1: country').fill('Atlantis');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/proposals\/\d+\/edit\?saved=1$/);
    const editUrl = page.url().replace(/\?.*$/, '');
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: /Draft saved at \d\d:\d\d UTC/ }).waitFor());
    assert.match(await page.locator('.warning-summary').textContent(), /3 fields need attention/);
    await check(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await moveClock(server, 20 * 86400);
    try {
      await page.goto(editUrl);
      await page.waitForURL(/\/login\?next=/);
      await signIn();
      await page.waitForURL(editUrl);
      assert.equal(await page.getByLabel('Title', { exact: false }).first().inputValue(), 'T'.repeat(110));
      assert.equal(await page.getByLabel('Description', { exact: false }).inputValue(), 'Half of a description.');
      assert.equal(await page.getByLabel('Speaker 1: e-mail').inputValue(), 'ama@');
      assert.equal(await page.getByLabel('Speaker 1: country').inputValue(), 'Atlantis');
      assert.match(await page.locator('#field-speakers-0-email-error').textContent(), /ama@/);

      // The sign-in expires again while typing: the next save keeps what was typed.
      await moveClock(server, 20 * 86400);
      await page.getByLabel('Title', { exact: false }).first().fill('Community networks');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/login\?next=%2Fkept%2F/);
      await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'What you typed is kept' }).waitFor());
      await check(page);
      await signIn();
      await page.waitForURL(/\/edit\?kept=/);
      assert.equal(await page.getByLabel('Title', { exact: false }).first().inputValue(), 'Community networks');
      assert.equal(await page.getByLabel('Speaker 1: e-mail').inputValue(), 'ama@');
      await check(page);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/edit\?saved=1$/);
      assert.equal(await page.getByLabel('Title', { exact: false }).first().inputValue(), 'Community networks');
    } finally {
      await moveClock(server, -40 * 86400);
    }
    noScriptErrors();
    await context.close();
  });
});
