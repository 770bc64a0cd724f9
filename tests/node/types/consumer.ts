// Compiled with `tsc --noEmit` (module nodenext, strict) by package.test.mjs against the installed package's types.
import { createValidator } from 'mta-sts-lint';
import type { Code, Diagnostic, GenerateOptions, GenerateResult, Lang, LintResult, Localized, Preset, Rule, Validator, ValidatorOptions } from 'mta-sts-lint';
import { createValidator as createInline } from 'mta-sts-lint/inline';
import { createValidator as createFull } from 'mta-sts-lint/full';
import { createValidator as createFullInline } from 'mta-sts-lint/full/inline';
import type { FullValidator } from 'mta-sts-lint/full';

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
} else if (r.kind === 'dmarc' && r.record) {
  const policy: string | null = r.record.p;
  const rua: string[] = r.record.rua;
  void policy, rua;
}
const dm = v.lint('v=DMARC1; p=none', { kind: 'dmarc' });
const dmp: string | null | undefined = dm.record?.p;
void dmp;
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
const es: Validator = await createFull({ lang: 'es' });
const lang: Lang = es.lang;
const langs: readonly Lang[] = es.langs;
const inSpanish: string | undefined = v.lint('x', { lang: 'es', verbose: true }).diagnostics[0]?.message;
const sarifEs: string = v.format(r, 'sarif', { lang: 'es' });
// @ts-expect-error: only the catalogue's languages
void createValidator({ lang: 'fr' });
const go: GenerateOptions = { domain: 'example.com', mode: 'enforce', mx: ['mail.example.com'], rua: ['mailto:r@example.com'], maxAge: 604800, now: 0, lang: 'es' };
const full: FullValidator = await createFull();
const fullInline: Validator = await createFullInline({ wasmBinary: new Uint8Array(0) });
const g: GenerateResult = full.generate(go);
void fullInline;
const gen: [boolean, string, string | undefined, string | undefined] = [g.ok, g.policy, g.tlsrpt, g.suggestedWildcard];
const firstError: string | undefined = g.errors[0]?.field;
const recordNames: string[] = g.records.map((x) => x.name);
const presets: readonly Preset[] = full.presets;
const presetMx: readonly string[] | undefined = presets[0]?.mx;
const inEs: Localized = full.localized('es');
const esTitles: [string, string | undefined, string | undefined] = [inEs.lang, inEs.rules[0]?.title, inEs.presets[0]?.description];
// @ts-expect-error: only the catalogue's languages
void full.localized('fr');
void lang, langs, inSpanish, sarifEs;
void mode, rules, text, heap, inline, code, known, gen, firstError, recordNames, presetMx, esTitles;
