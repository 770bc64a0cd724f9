// The default export's size budget (issue #16; bench/budgets.mjs says how it was set): what a browser loads for
// `import 'mta-sts-lint'`, gzip -9 per file and summed, must stay within it. A size is not a timing: it is the same on
// every machine, so it is a test (npm run bench prints the same figure beside the others).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, requireFile } from './helpers.mjs';
import { defaultExportBudget, defaultExportFiles, fileSize } from '../../bench/budgets.mjs';

const gzipped = (f) => fileSize(requireFile(join(dist, f), 'run `npm run build:wasm` first')).gzip;

test(`the default export is at most ${defaultExportBudget.kib} KiB gzip`, () => {
  const sizes = Object.fromEntries(defaultExportFiles.map((f) => [f, gzipped(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(total <= defaultExportBudget.bytes,
    `default export ${total} B gzip (${(total / 1024).toFixed(1)} KiB) > budget ${defaultExportBudget.bytes} B: ${JSON.stringify(sizes)}`);
});

test('the budget counts the files index.js loads, and the .wasm it names', () => {
  // If the entry started loading another file, the budget would no longer measure what a browser downloads.
  const index = readFileSync(join(dist, 'index.js'), 'utf8');
  const imports = [...index.matchAll(/from\s*['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const wasm = [...index.matchAll(/['"]\.\/([^'"]+\.wasm)['"]/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(['index.js', ...imports, ...wasm])].sort(), [...defaultExportFiles].sort());
  // and the modules index.js imports import nothing further
  for (const f of imports) assert.doesNotMatch(readFileSync(join(dist, f), 'utf8'), /\b(from|import)\s*\(?\s*['"]\.\//, f);
});
