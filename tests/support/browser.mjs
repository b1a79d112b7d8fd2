// Debian's Chromium driven by playwright-core, with an axe-core check of every page.
import { chromium } from 'playwright-core';
import axe from 'axe-core';
import assert from 'node:assert/strict';

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// A context whose pages can be checked by axe (the page's CSP would block the injected script).
export function newContext(browser, options = {}) {
  return browser.newContext({ bypassCSP: true, ...options });
}

// Fails with the rule, the help text and the offending HTML of every WCAG 2.1 A/AA violation.
export async function assertAccessible(page, checked = new Set()) {
  const url = new URL(page.url()).pathname;
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `axe found WCAG 2.1 AA violations on ${url}`);
  checked.add(url);
}

// Collects the page's script errors; assertNoScriptErrors fails on any.
export function watchScriptErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A form answered 422 is logged as a failed resource: an answer, not a script error.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  return () => assert.deepEqual(errors, [], `script errors on ${page.url()}`);
}

// At a phone's width (390 px) nothing makes the page scroll sideways.
export async function assertNoSidewaysScroll(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${new URL(page.url()).pathname} scrolls sideways at ${width} px (${scroll} px wide)`);
}
