// The transcripts' archive in a browser: the Secretariat adds a transcript for a session
// through the form (a file), and pasted text that is no transcript comes back with its
// words kept and the error named; a reader opens the archive and the transcript, jumps to
// a speaker's turns and back; axe passes on each page, nothing scrolls sideways at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/transcripts';
mkdirSync(shots, { recursive: true });

// Our own transcript in the forum's format, with a very long line and a long label.
const transcript = [
  'IGF 2036 - Day 1 - Salle IV - Open Forum on Rivers and Lakes of the Sahel and the Andes',
  '',
  'The following are the outputs of the real-time captioning taken during the session. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.',
  '',
  '[ Gavel ]',
  '>> CHAIR NOOR SALEH: Good morning. (Audio difficulties) We begin.',
  '(standing by)',
  'The floor is open; https://example.org/a/very/long/address/that/does/not/break/easily/anywhere/at/all/in/the/line/' + 'x'.repeat(80),
  '>> MARTA McKINNON-DE LA FUENTE Y RODRIGUEZ: ' + 'Rivers '.repeat(200),
  '>> Can you hear me?',
  '>> REMOTE INTERVENTION: Yes, from Quito.',
  '>> CHAIR NOOR SALEH: Thank you all.',
  '',
].join('\n');

describe('the transcripts archive in a browser', () => {
  let server, browser, edition, dir;

  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Archive', year: 2036, start_date: '2036-06-01', end_date: '2036-06-04', time_zone: 'UTC', venue: 'Geneva' } });
    edition = e.json.id;
    const s = await api(server.base, 'POST', `/api/v1/editions/${edition}/timetable/sessions`, { token: server.admin.token, body: { code: 'OF3', title: 'Open Forum on Rivers', session_type: 'open_forum', duration: 60 } });
    assert.equal(s.status, 201, s.text);
    dir = mkdtempSync(join(tmpdir(), 'convene-transcripts-'));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const width of [1280, 390]) {
    test(`the Secretariat adds a transcript and a reader follows a speaker (${width} px)`, { timeout: 120000 }, async () => {
      const { page, check, context } = await signedInPage(browser, server.base, server.admin, { width, shots });
      await page.goto(`${server.base}/editions/${edition}/transcripts`);
      await check(`archive-empty-${width}`);
      // Pasted text that is no transcript: the error is named, the words are kept.
      await page.getByLabel('Or paste the transcript\'s text').fill('Minutes of the day');
      await page.getByRole('button', { name: 'Add the transcript' }).click();
      await page.waitForSelector('.error-summary');
      assert.equal(await page.getByLabel('Or paste the transcript\'s text').inputValue(), 'Minutes of the day');
      await check(`archive-error-${width}`);
      await page.getByLabel('Or paste the transcript\'s text').fill('');
      const file = join(dir, `rivers-${width}.txt`);
      writeFileSync(file, transcript.replace('Rivers', `Rivers ${width}`));
      await page.getByLabel('Session').selectOption({ label: 'OF3 Open Forum on Rivers' });
      await page.getByLabel('The transcript file').setInputFiles(file);
      await page.getByRole('button', { name: 'Add the transcript' }).click();
      await page.waitForURL(/\/transcripts\/\d+\?added=1$/);
      assert.match(await page.locator('.notice').innerText(), /5 turns, 3 speakers/);
      await check(`transcript-${width}`);
      const url = page.url().replace(/\?.*$/, '');

      const reader = await checkedPage(browser, { width, shots });
      await reader.page.goto(`${server.base}/editions/${edition}/transcripts`);
      await reader.check(`archive-${width}`);
      await reader.page.getByRole('link', { name: `Open Forum on Rivers ${width} and Lakes`, exact: false }).click();
      await reader.page.waitForURL(url);
      await reader.check();
      assert.equal(await reader.page.locator('.turn').count(), 5);
      await reader.page.getByRole('link', { name: /the turns of CHAIR NOOR SALEH$/ }).click();
      await reader.page.waitForURL(/\?speaker=\d+#turns$/);
      assert.equal(await reader.page.locator('.turn').count(), 2);
      await reader.check(`speaker-${width}`);
      await reader.page.getByRole('link', { name: /in context\W+turn 5$/ }).click();
      await reader.page.waitForURL(/#turn-5$/);
      assert.equal(await reader.page.locator('.turn').count(), 5);
      await reader.check();
      await reader.context.close();
      await context.close();
    });
  }

  test('every page visited was checked', () => assertEveryVisitedPageChecked());
});
