// Compiled with `tsc --noEmit` (module nodenext, strict) by package.test.mjs against the installed package's types.
import { createValidator } from 'mta-sts-lint';
import type { Code, Diagnostic, LintResult, Rule, Validator, ValidatorOptions } from 'mta-sts-lint';
import { createValidator as createInline } from 'mta-sts-lint/inline';

const options: ValidatorOptions = { locateFile: (file, dir) => dir + file };
const v: Validator = await createValidator(options);
const inline: Validator = await createInline({ wasmBinary: new Uint8Array(0) });

const r: LintResult = v.lint('version: STSv1\n', { kind: 'auto', verbose: true, file: 'mta-sts.txt' });
if (r.kind === 'policy' && r.policy) {
  const age: number | null = r.policy.maxAge;
  const mx: string[] = r.policy.mx;
  const ext: string | undefined = r.policy.extensions['x-foo'];
  void age, mx, ext;
} else if (r.kind === 'txt' && r.record) {
  const id: string | null = r.record.id;
  void id;
} else if (r.kind === 'tlsrpt' && r.record) {
  const rua: string[] = r.record.rua;
  void rua;
}
const p = v.lint('x', { kind: 'policy', domain: 'example.com', mxHosts: ['mail.example.com'] });
const mode: string | null | undefined = p.policy?.mode;
const d: Diagnostic | undefined = r.diagnostics[0];
if (d) {
  const slice: string = 'text'.slice(d.from, d.to);
  const sev: 'error' | 'warning' | 'info' = d.severity;
  const edits = d.fix?.edits.map((e) => [e.from, e.to, e.insert] as const);
  void slice, sev, edits;
}
const rules: readonly Rule[] = v.rules;
const code: Code | undefined = d?.code;
const known: Code = 'STS225';
const text: string = v.format([r, { file: 'b.txt', result: p }], 'sarif', { color: false });
const heap: number = v.heapSize;
void mode, rules, text, heap, inline, code, known;
