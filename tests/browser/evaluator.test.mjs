// A new MAG member in a real browser, keyboard only: signs in, finds their list,
// declares a conflict, evaluates a proposal (a low score without a reason is named,
// then fixed) and sees their progress. The Secretariat sets the round, puts members
// into groups, runs, reviews and publishes the assignment, follows progress and reads
// the sheet. Every page passes axe.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked } from '../support/browser.mjs';
import { evaluationEdition, hidden } from '../support/evaluation.mjs';

async function focusedLabel(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const text = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
    return text.replace(/\s+/g, ' ').trim();
  });
}

// Moves the focus with Tab until it is on the control labelled `name` (never the mouse).
async function tabTo(page, name, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await focusedLabel(page);
    if (label === name || label.startsWith(name + ' (required)')) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function signIn(page, base, email, password, checked) {
  await page.goto(base + '/login');
  await assertAccessible(page, checked);
  await tabTo(page, 'E-mail');
  await page.keyboard.type(email);
  await tabTo(page, 'Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname !== '/login');
  await assertAccessible(page, checked);
}

describe('the MAG evaluation in a browser', () => {
  let server, browser;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the Secretariat sets the round, groups the members, runs, reviews and publishes the assignment', { timeout: 120000 }, async () => {
    const setup = await evaluationEdition(server, { assign: false, proposals: 4, members: 5 });
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.base, server.admin.email, server.admin.password, checked);
    await page.goto(`${server.base}/editions/${setup.edition}`);
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'Evaluation round: settings, groups, assignment' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/evaluation$/);
    await assertAccessible(page, checked);
    // A wrong value is named, the typed values are kept.
    await tabTo(page, 'Evaluations per proposal (k)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await tabTo(page, 'Save settings');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Evaluations per proposal must be a whole number from 1 to 20.' }).waitFor();
    await assertAccessible(page, checked);
    await tabTo(page, 'Evaluations per proposal (k)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await tabTo(page, 'Save settings');
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=settings/);
    assert.equal(await page.getByLabel('Evaluations per proposal (k)').inputValue(), '3');
    // Everyone in both issue-area groups, then the assignment.
    const groupInputs = page.getByRole('textbox', { name: /^Groups of / });
    for (let i = 0; i < await groupInputs.count(); i++) await groupInputs.nth(i).fill('Access, AI');
    await groupInputs.first().focus();
    await tabTo(page, 'Save groups');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#groups$/);
    await tabTo(page, 'Run the assignment');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#assignment$/);
    await page.getByRole('table', { name: 'Load per member' }).waitFor();
    assert.match(await page.textContent('main'), /12 places filled/);
    await assertAccessible(page, checked);
    await tabTo(page, 'Publish the assignment to the members');
    await page.keyboard.press('Enter');
    await page.getByText('The assignment is published').waitFor();
    await page.goto(`${server.base}/editions/${setup.edition}/evaluation/progress`);
    assert.match(await page.textContent('main'), /0 of 12 evaluations submitted/);
    await assertAccessible(page, checked);
    await tabTo(page, 'Send reminders to members with evaluations left');
    await page.keyboard.press('Enter');
    await page.getByText('5 reminder mails queued').waitFor();
    await page.goto(`${server.base}/editions/${setup.edition}/evaluation/sheet`);
    await assertAccessible(page, checked);
  });

  test('a new member evaluates with the keyboard and never sees who proposed', { timeout: 120000 }, async () => {
    const setup = await evaluationEdition(server, { proposals: 4, members: 4 });
    const member = setup.members[0];
    const mine = setup.assignments.filter((a) => a.evaluator === String(member.account)).map((a) => Number(a.proposal));
    assert.ok(mine.length >= 2);
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.base, member.email, member.password, checked);
    await page.goto(`${server.base}/editions/${setup.edition}`);
    await assertAccessible(page, checked);
    await tabTo(page, 'Your list of proposals to evaluate');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/evaluations$/);
    await assertAccessible(page, checked);
    const numberOf = async (id) => (await (await fetch(`${server.base}/api/v1/proposals/${id}`, { headers: { authorization: `Bearer ${server.admin.token}` } })).json()).number;
    const [first, second] = [await numberOf(mine[0]), await numberOf(mine[1])];

    // The conflict first: the proposal leaves the list.
    await tabTo(page, `Declare a conflict with proposal ${second}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/conflict$/);
    await assertAccessible(page, checked);
    await tabTo(page, 'Declare the conflict and remove the proposal from my list');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `conflict of interest with proposal ${second} is recorded` }).waitFor();
    assert.equal(await page.getByRole('link', { name: `Evaluate proposal ${second}` }).count(), 0);

    // Then the evaluation.
    await tabTo(page, `Evaluate proposal ${first}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`Evaluate proposal ${first}`) }).waitFor();
    await assertAccessible(page, checked);
    const text = await page.textContent('body');
    for (const secret of [...hidden.names, ...hidden.emails, ...hidden.organisations]) assert.ok(!text.includes(secret), `the form shows ${secret}`);
    assert.match(text, /The main proposer is from a developing country/);
    await tabTo(page, '1 (poor)');
    await page.keyboard.press('ArrowRight');  // 2
    await tabTo(page, 'Comment for the MAG');
    await page.keyboard.type('The outcomes are vague.');
    await tabTo(page, 'Submit evaluation');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'a score of 3 or less needs one of the standard reasons' }).waitFor();
    await assertAccessible(page, checked);
    assert.equal(await page.getByLabel('Comment for the MAG').inputValue(), 'The outcomes are vague.');
    assert.equal(await page.getByRole('radio', { name: '2', exact: true }).isChecked(), true);
    await tabTo(page, 'Reason, for a score of 3 or less');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Submit evaluation');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Your evaluation of proposal ${first} is submitted` }).waitFor();
    assert.match(await page.textContent('main'), /You have submitted 1 of/);
    await assertAccessible(page, checked);
    assert.ok(checked.size >= 7, `axe checked ${[...checked].join(', ')}`);
  });

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
