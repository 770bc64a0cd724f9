// The translation check of tools/gen-catalogue.mjs (`npm run test:catalogue`), run on a scratch copy of the catalogue:
// a code without its Spanish row, a row with other placeholders, a duplicate or a row for no code fails, and the
// failure names exactly those ids (what the lead needs after merging new codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { root, run } from './helpers.mjs';

function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'mta-sts-lint-catalogue-'));
  cpSync(join(root, 'tools'), join(dir, 'tools'), { recursive: true });
  cpSync(join(root, 'core'), join(dir, 'core'), { recursive: true });
  mkdirSync(join(dir, 'wasm', 'src'), { recursive: true });
  cpSync(join(root, 'wasm', 'codes.d.ts'), join(dir, 'wasm', 'codes.d.ts'));
  cpSync(join(root, 'wasm', 'src', 'texts.js'), join(dir, 'wasm', 'src', 'texts.js'));
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(root, 'docs', 'codes.md'), join(dir, 'docs', 'codes.md'));
  return dir;
}
const check = (dir) => run(process.execPath, [join(dir, 'tools', 'gen-catalogue.mjs'), '--check']);

test('the repository catalogue is complete', () => {
  const r = check(root);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout.toString(), /2 languages \(en, es\): translations complete/);
});

test('a new code without its Spanish row fails and is named, with the row to append', () => {
  const dir = scratchCopy();
  try {
    const defPath = join(dir, 'core', 'rules.def');
    const def = readFileSync(defPath, 'utf8').replace(
      /^(MTASTS_RULE\(DNS613.*)$/m,
      '$1\nMTASTS_RULE(DNS690, error, "new rule", "New message about {x}.", "RFC 7489")',
    );
    writeFileSync(defPath, def);
    const esPath = join(dir, 'core', 'i18n', 'es.def');
    const es = readFileSync(esPath, 'utf8')
      .replace(/^MTASTS_FIX_TR\(add_mailto, .*\n/m, '')
      .replace('(se recibió {n}).")', '(se recibió {m}).")')
      .concat('MTASTS_HINT_TR(utf16, "otra vez")\nMTASTS_TEXT_TR(no_such_text, "nada")\n');
    writeFileSync(esPath, es);
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /core\/i18n\/es\.def: 2 id\(s\) without a Español row: DNS690, add_mailto\n/);
    assert.match(r.stderr, /\n {2}MTASTS_RULE_TR\(DNS690, "new rule", "New message about \{x\}\."\)\n/);
    assert.match(r.stderr, /MTASTS_HINT_TR\(gen_max_age_range\): placeholders \{m\} differ from the English \{n\}/);
    assert.match(r.stderr, /MTASTS_HINT_TR\(utf16\): duplicate row/);
    assert.match(r.stderr, /MTASTS_TEXT_TR\(no_such_text\): no such text id in the English catalogue/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
