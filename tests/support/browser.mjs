// Debian's Chromium driven by playwright-core. Every page a test visits is recorded, and
// assertAccessible checks it: axe (WCAG 2.1 AA), no sideways scroll at 390 and 320 px,
// each table in its own scrolling region with its first column kept in view, each
// checkbox and radio beside its label, no script error. assertEveryVisitedPageChecked
// fails for any page visited without that check.
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

// Paths of pages shown in a scripted context, and of those checked (one test file each).
const visited = new Map();
const checkedPaths = new Set();
const scriptErrors = new WeakMap();

function watch(page) {
  const errors = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(String(e)));
  // A form answered 422 is logged as a failed resource: an answer, not a script error.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    if (url.protocol.startsWith('http')) visited.set(url.pathname, url.href);
  });
}

// A context whose pages can be checked by axe (the page's CSP would block the injected script).
// Without JavaScript nothing can be measured: such a context's pages are not recorded.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  if (options.javaScriptEnabled !== false) context.on('page', watch);
  return context;
}

// The whole check of one page, as it is shown now; `checked` collects the paths checked.
export async function assertAccessible(page, checked = new Set()) {
  const path = new URL(page.url()).pathname;
  assertNoScriptErrorsSoFar(page);
  await assertAxeClean(page);
  await assertLayoutHolds(page);
  const codes = await page.evaluate(codesShown);
  assert.equal(codes, null, `${path} shows internal codes instead of their labels: ${codes}`);
  assertNoScriptErrorsSoFar(page);
  checked.add(path);
  checkedPaths.add(path);
}

// Signs in through the form of the sign-in page the caller has opened, and waits to leave it.
export async function submitSignIn(page, email, password) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

// A new page `width` px wide with its checks: check() runs assertAccessible and
// assertNoSidewaysScroll and, given a name and a `shots` folder, keeps a full-page
// screenshot; noScriptErrors() fails on any script error so far.
export async function checkedPage(browser, { width, height = 900, shots } = {}) {
  const context = await newContext(browser, { viewport: { width, height } });
  const page = await context.newPage();
  const noScriptErrors = watchScriptErrors(page);
  const check = async (name) => {
    await assertAccessible(page);
    await assertNoSidewaysScroll(page);
    if (name && shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  };
  return { context, page, check, noScriptErrors };
}

// checkedPage, signed in as `who` through the sign-in page (both pages checked); `who`
// has an email and a password (the test accounts' one by default).
export async function signedInPage(browser, base, who, options) {
  const checked = await checkedPage(browser, options);
  await checked.page.goto(base + '/login');
  await checked.check();
  await submitSignIn(checked.page, who.email, who.password ?? 'a long enough password');
  await checked.check();
  return checked;
}

// Fails with the rule, the help text and the offending HTML of every WCAG 2.1 A/AA violation.
async function assertAxeClean(page) {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `axe found WCAG 2.1 AA violations on ${new URL(page.url()).pathname}`);
}

function assertNoScriptErrorsSoFar(page) {
  const errors = scriptErrors.get(page) ?? [];
  assert.deepEqual(errors, [], `script errors on ${page.url()}`);
}

// While a test restarts the server on purpose, a page's live connection trying again is
// refused and the browser logs it: forgets those (and only those) for `page`.
export function forgiveRefusedLiveConnections(page) {
  const errors = scriptErrors.get(page);
  if (!errors) return;
  const kept = errors.filter((e) => !/^WebSocket connection to 'ws:\/\/[^']*\/live\/[^']*' failed: .*ERR_CONNECTION_REFUSED/.test(e));
  errors.splice(0, errors.length, ...kept);
}

// Collects the page's script errors; the returned function fails on any (checked pages fail anyway).
export function watchScriptErrors(page) {
  if (!scriptErrors.has(page)) watch(page);
  return () => assertNoScriptErrorsSoFar(page);
}

// At a phone's width (390 px) nothing makes the page scroll sideways.
export async function assertNoSidewaysScroll(page) {
  const found = await page.evaluate(sidewaysScroll);
  assert.equal(found, null, `${new URL(page.url()).pathname} scrolls sideways at ${page.viewportSize()?.width} px: ${found}`);
}

// Null, or the page's width and the elements that stick out past the window's right edge.
function sidewaysScroll() {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll <= width) return null;
  const scrolls = (el) => { for (let e = el.parentElement; e; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') return true; return false; };
  const sticking = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
  const unscrolled = sticking.filter((el) => !scrolls(el));
  const out = (unscrolled.length ? unscrolled : sticking).slice(-4).map((el) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}> right edge at ${Math.round(el.getBoundingClientRect().right)} px`);
  return `${scroll} px wide; ${out.join(', ')}`;
}

// Null, or the internal codes ("private_sector", "open_discussion") the page shows as
// words; text set as code (<code>, <pre>) and addresses are what people type, not codes.
function codesShown() {
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('code, pre, kbd, samp, script, style, textarea, [hidden]')) continue;
    for (const token of n.textContent.split(/\s+/)) {
      if (/[@/:]/.test(token)) continue;
      const code = token.match(/^[("']?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)[)"',.;:]*$/);
      if (code) found.add(code[1]);
    }
  }
  return found.size ? [...found].join(', ') : null;
}

// Null, or the checkboxes and radios more than a few pixels from their label's words.
function boxesAwayFromLabels() {
  const far = [];
  for (const box of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
    const b = box.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    const label = box.labels?.[0];
    if (!label) { far.push(`${box.name}=${box.value} has no label`); continue; }
    if (label.getBoundingClientRect().width <= 1) continue;  // read out only: a column header shows it
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
    const words = walker.nextNode();
    if (!words) { far.push(`${box.name}=${box.value}: its label has no words`); continue; }
    const range = document.createRange();
    range.selectNodeContents(words);
    const t = range.getClientRects()[0];
    // The box is drawn at its own small size in the middle of the element, however wide
    // a stylesheet makes the element: measure from what is drawn.
    const side = Math.min(b.width, b.height, 24), middle = b.left + b.width / 2;
    const drawn = { left: middle - side / 2, right: middle + side / 2 };
    const dx = Math.max(0, t.left - drawn.right, drawn.left - t.right);
    const dy = Math.max(0, t.top - b.bottom, b.top - t.bottom);
    if (dx > 12 || dy > 4) far.push(`"${label.textContent.trim().slice(0, 40)}" is ${Math.round(dx)} px across and ${Math.round(dy)} px down from its box`);
  }
  return far.length ? far.join('; ') : null;
}

// Null, or the tables not inside a named, focusable region of their own, or whose first
// column leaves view when the region is scrolled to its far end.
function tablesOutOfTheirRegion() {
  const wrong = [];
  for (const table of document.querySelectorAll('main table')) {
    const region = table.parentElement;
    const name = table.caption?.textContent.trim() ?? '(no caption)';
    if (!region.matches('[role=region][tabindex="0"][aria-label]') || getComputedStyle(region).overflowX !== 'auto') { wrong.push(`"${name}" is not in a scrolling region`); continue; }
    if (region.scrollWidth <= region.clientWidth) continue;
    const before = region.scrollLeft;
    region.scrollLeft = region.scrollWidth;
    const first = table.querySelector('tbody tr > :first-child');
    if (first && Math.abs(first.getBoundingClientRect().left - region.getBoundingClientRect().left) > 2) wrong.push(`"${name}": the first column scrolls out of view`);
    region.scrollLeft = before;
  }
  return wrong.length ? wrong.join('; ') : null;
}

// Opens every closed <details> (what it hides must hold too), measures at the window's width,
// at 390 and at 320 px, then puts the window and the page back.
async function assertLayoutHolds(page) {
  const path = new URL(page.url()).pathname;
  const original = page.viewportSize();
  const opened = await page.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d, i) => { d.open = true; d.dataset.checkOpened = String(i); });
    return closed.length;
  });
  try {
    for (const width of [original?.width ?? 1280, 390, 320]) {
      if (width !== page.viewportSize()?.width) await page.setViewportSize({ width, height: original?.height ?? 900 });
      const far = await page.evaluate(boxesAwayFromLabels);
      assert.equal(far, null, `${path} at ${width} px: a checkbox or radio stands away from its label: ${far}`);
      if (width > 390) continue;
      const tables = await page.evaluate(tablesOutOfTheirRegion);
      assert.equal(tables, null, `${path} at ${width} px: ${tables}`);
      const wide = await page.evaluate(sidewaysScroll);
      assert.equal(wide, null, `${path} scrolls sideways at ${width} px: ${wide}`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
    if (opened) await page.evaluate(() => document.querySelectorAll('details[data-check-opened]').forEach((d) => { d.open = false; delete d.dataset.checkOpened; }));
  }
}

// Every page shown in this test file was checked (by path; ids and tokens count as themselves).
export function assertEveryVisitedPageChecked() {
  const missed = [...visited.keys()].filter((path) => !checkedPaths.has(path));
  assert.deepEqual(missed, [], 'pages visited but never checked (axe, 390 and 320 px, labels, script errors)');
  return [...checkedPaths];
}

// Every chart's words stand out from the page (4.5:1) and its bars too (3:1), in the
// colour scheme the context was opened with, and are at least 12 CSS px at the window's
// present width.
export async function assertChartsReadable(page) {
  const poor = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const page = rgb(getComputedStyle(document.body).backgroundColor);
    const out = [];
    for (const [selector, least] of [['.chart-label', 4.5], ['.chart-value', 4.5], ['.bar-all', 3], ['.bar-programme', 3]]) {
      for (const el of document.querySelectorAll(selector)) {
        const r = ratio(rgb(getComputedStyle(el).fill), page);
        if (r < least) { out.push(`${selector} ${r.toFixed(2)}:1`); break; }
      }
    }
    let smallest = Infinity;
    for (const el of document.querySelectorAll('.chart-label, .chart-value')) {
      const scale = el.ownerSVGElement.getScreenCTM().a;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * scale);
    }
    if (smallest < 12) out.push(`words ${smallest.toFixed(1)} px at ${window.innerWidth} px`);
    return { count: document.querySelectorAll('.chart').length, poor: out };
  });
  assert.ok(poor.count > 0, `${new URL(page.url()).pathname} has no chart`);
  assert.deepEqual(poor.poor, [], `chart contrast on ${new URL(page.url()).pathname}`);
}
