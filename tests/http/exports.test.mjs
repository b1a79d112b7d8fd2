// The XLSX exports read back with a spreadsheet library: scores and counts are numbers
// (a spreadsheet sums and sorts them), formats and outcomes are words, not codes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { readXlsx } from '../support/spreadsheet.mjs';

describe('XLSX exports', () => {
  let server, demo, last;
  before(async () => {
    server = await startServer('sqlite', { demo: true });
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    demo = editions.find((e) => e.name === 'IGF demo');
    last = editions.find((e) => e.name === 'IGF demo 2026');
  });
  after(async () => { await server.stop(); });

  const download = async (path) => {
    const r = await fetch(server.base + path, { headers: { authorization: `Bearer ${server.admin.token}` } });
    assert.equal(r.status, 200);
    return readXlsx(Buffer.from(await r.arrayBuffer()));
  };
  const column = (rows, heading) => {
    const i = rows[0].findIndex((c) => c.value === heading);
    assert.ok(i >= 0, `a column "${heading}"`);
    return rows.slice(1).map((r) => r[i]).filter((c) => c && c.value !== null);
  };

  test('the evaluation sheet holds numbers as numbers and formats by their names', async () => {
    const book = await download(`/editions/${last.id}/evaluation/sheet.xlsx`);
    const rows = Object.values(book)[0];
    assert.ok(rows.length > 100);
    assert.ok(rows[0].every((c) => c.type === 's'), 'the headings are text');
    for (const heading of ['Rank', 'Number', 'Evaluations', 'Mean', 'Median', 'Standard deviation', 'Normalised']) {
      const cells = column(rows, heading);
      assert.ok(cells.length > 100, `${heading} is filled`);
      for (const c of cells) assert.equal(c.type, 'n', `${heading} holds ${JSON.stringify(c.value)} as a number`);
    }
    const means = column(rows, 'Mean').map((c) => c.value);
    assert.ok(means.some((m) => !Number.isInteger(m)), 'means keep their decimals');
    assert.ok(means.every((m) => m >= 0 && m <= 10));
    const formats = column(rows, 'Format').map((c) => c.value);
    assert.ok(formats.includes('Panel'));
    assert.ok(formats.every((f) => typeof f === 'string' && !f.includes('_')), `no format code: ${[...new Set(formats)].join(', ')}`);
    for (const c of column(rows, 'Title')) assert.equal(c.type, 's');
  });

  test('the screening export holds the proposal number as a number and outcomes as words', async () => {
    assert.equal((await api(server.base, 'POST', `/api/v1/editions/${demo.id}/screening`, { token: server.admin.token })).status, 200);
    const rows = Object.values(await download(`/editions/${demo.id}/screening.xlsx`))[0];
    assert.equal(rows.length, 301, 'heading and 300 proposals');
    for (const c of column(rows, 'Number')) assert.equal(c.type, 'n');
    const outcomes = new Set(column(rows, 'Final').map((c) => c.value));
    assert.deepEqual([...outcomes].sort(), ['Declined', 'Passed']);
    const failures = column(rows, 'Failures').map((c) => c.value).join(' ');
    assert.ok(failures.length > 0);
    assert.doesNotMatch(failures, /\b[a-z]+_[a-z_]+:/, 'the rules are named by their sentences, not their codes');
  });
});
