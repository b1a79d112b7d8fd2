// Not a test: screenshots of the pages this change touched, for a person to look at.
import { startServer } from './support/server.mjs';
import { launch, newContext } from './support/browser.mjs';
import { api } from './support/client.mjs';
import { csrfPair, linkInMail, openCall } from './support/proposals.mjs';
import { evaluationEdition } from './support/evaluation.mjs';

const server = await startServer('sqlite');
const browser = await launch();
try {
  const email = 'shots@accounts.test';
  await api(server.base, 'POST', '/api/v1/registrations', { body: { name: 'Sam Shots', email, password: 'a long enough password' }, headers: csrfPair() });
  const round = await evaluationEdition(server, { proposals: 4, members: 6, perProposal: 3 });
  const admin = await api(server.base, 'POST', `/api/v1/editions/${round.edition}/members`, { token: server.admin.token, body: { name: 'Ada Admin', email: server.admin.email, stakeholder_group: 'academia', country: 'PE' } });
  for (const width of [390, 1280]) {
    const context = await newContext(browser, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    const shot = async (name) => page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
    await page.goto(server.base + '/register'); await shot('register');
    if (width === 390) {
      await page.goto(`${server.base}/verify/${await linkInMail(server, email)}`); await shot('verify');
      await page.getByRole('button', { name: 'Confirm my address' }).click(); await page.waitForURL(/verified/); await shot('proposals-verified');
    } else {
      await page.goto(server.base + '/login'); await page.getByLabel('E-mail').fill(email); await page.getByLabel('Password').fill('a long enough password');
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.goto(server.base + '/account');
    await page.getByLabel('Name of the token').fill('agenda script ' + width); await page.getByLabel('Days valid').fill('30');
    await page.getByRole('button', { name: 'Create a token' }).click(); await shot('account-token');
    const other = await newContext(browser, { viewport: { width, height: 900 } });
    const a = await other.newPage();
    await a.goto(server.base + '/login'); await a.getByLabel('E-mail').fill(server.admin.email); await a.getByLabel('Password').fill(server.admin.password);
    await a.getByRole('button', { name: 'Sign in' }).click();
    await a.goto(`${server.base}/editions/${round.edition}/members`); await a.screenshot({ path: `/tmp/shots/members-${width}.png`, fullPage: true });
    await a.goto(`${server.base}/editions/${round.edition}/evaluation/progress`); await a.screenshot({ path: `/tmp/shots/progress-${width}.png`, fullPage: true });
    await a.goto(`${server.base}/proposals/${round.proposals[0]}`); await a.screenshot({ path: `/tmp/shots/proposal-${width}.png`, fullPage: true });
    await other.close(); await context.close();
  }
  console.log('admin enrolment', admin.status);
} finally {
  await browser.close();
  await server.stop();
}
