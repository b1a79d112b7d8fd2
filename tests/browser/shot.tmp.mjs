import { launch, newContext } from '../support/browser.mjs';
import axe from 'axe-core';
const b = await launch(); const ctx = await newContext(b); const page = await ctx.newPage();
await page.goto('http://127.0.0.1:8099/login');
await page.getByLabel('E-mail').fill('ops@x.org'); await page.getByLabel('Password').fill('correct horse battery staple');
await page.getByRole('button', { name: /sign in/i }).click();
for (const p of ['/editions/2/synthesis', '/editions/2/selection', '/editions/2/decisions', '/editions/2/decisions/311', '/editions/2/transparency', '/editions/2/synthesis/themes', '/editions/2/decisions/texts', '/editions/2/results']) {
  await page.goto('http://127.0.0.1:8099' + p);
  await page.addScriptTag({ content: axe.source });
  const v = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${v.nodes.slice(0,2).map((n) => n.html).join(' | ')}`));
  console.log(p, v);
}
await page.goto('http://127.0.0.1:8099/editions/2/synthesis#diversity');
await page.screenshot({ path: '/tmp/synth.png', fullPage: false });
await b.close();
