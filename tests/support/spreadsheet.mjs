// Reads an XLSX back with a spreadsheet library (Debian's python3-openpyxl), as the MAG's
// spreadsheet would: every sheet's cells with their values and types ('n' number, 's' text).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reader = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({s.title: [[{"value": c.value, "type": c.data_type} for c in row] for row in s.iter_rows()] for s in book.worksheets}))
`;

export function readXlsx(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'convene-xlsx-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', reader, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
