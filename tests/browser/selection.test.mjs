// A new Secretariat officer in a real browser, from the demo forum's finished round:
// reads the synthesis (slots, cut-off, charts, merger candidates), corrects a bad slot
// plan, sets quotas, meets conflicting rules, makes the selection and reads why, records
// the decisions, puts one on conditions and confirms it, edits a message text, sends the
// messages twice (once delivered), publishes, and a visitor reads the results and the
// transparency report. Every page passes axe.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, assertChartsReadable } from '../support/browser.mjs';

describe('synthesis, selection and decisions in a browser', () => {
  let server, browser, page, edition;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite', { demo: true });
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    await page.goto(server.base + '/login');
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const main = () => page.locator('main');

  test('the synthesis shows slots, cut-off, charts and merger candidates; a bad plan is named', { timeout: 120000 }, async () => {
    await page.goto(server.base + '/editions');
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'IGF demo 2026', exact: true }).click();
    edition = page.url().match(/editions\/(\d+)/)[1];
    await page.getByRole('link', { name: 'Synthesis: slots, cut-off, diversity, merger candidates' }).click();
    await assertAccessible(page, checked);
    const text = await main().innerText();
    assert.match(text, /82 workshop slots: 10 parallel streams × 4 slots a day × 3 days = 120 slots, minus 38 reserved sessions/);
    assert.match(text, /Cut-off score: \d\.\d+/);
    const chart = page.getByRole('img', { name: 'Stakeholder group' });
    await chart.waitFor();
    assert.match(await chart.getAttribute('aria-labelledby'), /all-stakeholder_group-title all-stakeholder_group-desc/);
    assert.ok(await page.getByRole('table', { name: 'Stakeholder group: the numbers' }).isVisible());
    assert.ok(await page.getByRole('table', { name: 'The most similar pairs, with the words they share' }).isVisible());
    assert.ok(await page.getByRole('table', { name: 'Pairs evaluators marked for merging' }).isVisible());

    await page.getByText('Change the slot plan').click();
    await page.getByLabel('Parallel workshop streams').fill('-3');
    await page.getByRole('button', { name: 'Save the slot plan' }).click();
    assert.match(await main().innerText(), /Parallel workshop streams must be a whole number from 0 to 100/);
    assert.equal(await page.getByLabel('Parallel workshop streams').inputValue(), '-3', 'the entry is kept');
    await assertAccessible(page, checked);
    await page.getByLabel('Parallel workshop streams').fill('10');
    await page.getByLabel('Open forums').fill('18');
    await page.getByRole('button', { name: 'Save the slot plan' }).click();
    assert.match(await main().innerText(), /80 workshop slots/);

    await page.getByRole('link', { name: 'Charts for each theme' }).click();
    await assertAccessible(page, checked);
    assert.ok(await page.getByRole('img', { name: /Stakeholder group, / }).first().isVisible());
  });

  test('rules that cannot all hold are named; the selection is made and explained', { timeout: 120000 }, async () => {
    await page.goto(`${server.base}/editions/${edition}/selection`);
    await assertAccessible(page, checked);
    await page.getByLabel('At least this many sessions from developing countries').fill('300');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('button', { name: 'Make the selection' }).click();
    const conflict = await page.getByRole('alert').innerText();
    assert.match(conflict, /These rules cannot all hold/);
    assert.match(conflict, /at least 300 from developing countries/);
    assert.match(await main().innerText(), /No selection made yet/);
    await assertAccessible(page, checked);

    await page.getByLabel('At least this many sessions from developing countries').fill('45');
    await page.getByLabel(/first-time proposers/).fill('15%');
    await page.getByLabel('At least this many from the African Group').fill('14');
    await page.getByLabel('At most this many sessions per organisation').fill('1');
    await page.getByLabel('Merged pairs, one per line (such as 12 + 40)').fill('1 + 2');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    assert.equal(await page.getByLabel(/first-time proposers/).inputValue(), '12', await main().innerText());
    await page.getByRole('button', { name: 'Make the selection' }).click();
    const result = await main().innerText();
    assert.match(result, /80 slots, total score/);
    assert.match(result, /at least 45 from developing countries/);
    assert.match(result, /Rules that bind/);
    assert.ok(await page.getByRole('table', { name: /Left: above the plain cut-off/ }).isVisible());
    await assertAccessible(page, checked);
  });

  test('decisions are recorded, one put on conditions and confirmed, messages sent once, results published', { timeout: 120000 }, async () => {
    await page.goto(`${server.base}/editions/${edition}/decisions`);
    await page.getByRole('button', { name: 'Record decisions from the selection' }).click();
    assert.match(await main().innerText(), /300 decisions recorded from the selection/);
    await assertAccessible(page, checked);

    await page.getByRole('link', { name: /^Accepted\s*: change the decision on/ }).first().click();
    await assertAccessible(page, checked);
    await page.getByLabel('Accepted on conditions').check();
    await page.getByLabel('Complete and confirm the speakers').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    assert.match(await main().innerText(), /Give the date by which the conditions must be met/);
    assert.ok(await page.getByLabel('Complete and confirm the speakers').isChecked(), 'the entries are kept');
    await assertAccessible(page, checked);
    await page.getByLabel('Conditions due by (UTC date)').fill('2026-01-31');
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await page.waitForURL(/\/decisions(#|$)/);
    const accept = page.getByRole('button', { name: /Conditions met: accept \d+/ });
    await accept.click();
    assert.equal(await page.getByRole('button', { name: /Conditions met: accept \d+/ }).count(), 0);

    await page.getByRole('link', { name: 'Message texts' }).click();
    await assertAccessible(page, checked);
    await page.getByLabel('Declined').fill('Sorry about {{titel}}');
    await page.getByRole('button', { name: 'Save the texts' }).click();
    assert.match(await main().innerText(), /\{\{titel\}\} is not a placeholder/);
    await page.getByLabel('Declined').fill('Dear organisers of "{{title}}": not this year. {{reason}}');
    await page.getByRole('button', { name: 'Save the texts' }).click();
    assert.match(await main().innerText(), /Texts saved/);

    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    // The send is previewed: the number of mails and one of each kind, then confirmed.
    await page.getByRole('link', { name: 'Preview and send the decision messages' }).click();
    await assertAccessible(page, checked);
    const send = page.getByRole('button', { name: /^Send \d+ messages$/ });
    const count = Number((await send.innerText()).match(/\d+/)[0]);
    assert.ok(count >= 300, `${count} messages`);
    assert.ok(await page.getByRole('heading', { name: /^Declined: \d+ messages$/ }).isVisible());
    assert.match(await main().innerText(), /Dear organisers of ".+": not this year\. Not selected/);
    await send.click();
    const first = Number((await page.getByRole('status').innerText()).match(/(\d+) messages queued/)[1]);
    assert.equal(first, count, 'the number confirmed is the number sent');
    await page.getByRole('link', { name: 'Preview and send the decision messages' }).click();
    assert.match(await main().innerText(), new RegExp(`nothing new to send: every decision's message has been sent \\(${first} messages\\)`));
    await page.getByRole('link', { name: 'Back to the decisions' }).click();

    await page.getByRole('button', { name: 'Publish the results' }).click();
    assert.match(await main().innerText(), /Published \d{1,2} \w+ \d{4}, \d\d:\d\d \(Oslo time\) · /);
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'Mail outbox' }).click();
    await assertAccessible(page, checked);
    assert.ok(await page.getByRole('region', { name: /The latest 200 messages/ }).isVisible());

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`${server.base}/editions/${edition}`);
    await assertAccessible(visitor, checked);
    await visitor.getByRole('link', { name: 'Selected sessions' }).click();
    await assertAccessible(visitor, checked);
    assert.match(await visitor.locator('main').innerText(), /\d+ sessions\./);
    await visitor.getByRole('link', { name: 'Transparency report' }).click();
    await assertAccessible(visitor, checked);
    const report = await visitor.locator('main').innerText();
    assert.match(report, /Random seed: none/);
    assert.match(report, /at most 1 per organisation/);
    assert.ok(await visitor.getByRole('img', { name: 'Proposals by mean score' }).isVisible());
    assert.ok(checked.size >= 9, `axe ran on ${[...checked].join(', ')}`);
  });

  test('in dark mode the charts keep their words and bars readable, and the pages pass axe', { timeout: 120000 }, async () => {
    const dark = await (await newContext(browser, { colorScheme: 'dark' })).newPage();
    await dark.goto(server.base + '/login');
    await assertAccessible(dark, checked);
    await dark.getByLabel('E-mail').fill(server.admin.email);
    await dark.getByLabel('Password').fill(server.admin.password);
    await dark.keyboard.press('Enter');
    await dark.waitForURL((url) => url.pathname !== '/login');
    await assertAccessible(dark, checked);
    for (const path of ['synthesis', 'synthesis/themes', 'transparency']) {
      await dark.goto(`${server.base}/editions/${edition}/${path}`);
      await assertChartsReadable(dark);
      // On a phone the words keep at least 12 px.
      await dark.setViewportSize({ width: 390, height: 844 });
      await assertChartsReadable(dark);
      await dark.setViewportSize({ width: 1280, height: 720 });
      await assertAccessible(dark, checked);
    }
  });

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
