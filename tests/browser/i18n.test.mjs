// The page in the user's language (docs/i18n.md): Spanish when the browser prefers it (Chromium's locale es-ES sets
// navigator.languages), English otherwise; the EN/ES switch changes everything on screen without touching the text
// being edited, and is remembered in the URL fragment (l=…), with no storage and no request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fileUrl, haveBuild, launch, listed, editorText, repo } from './helpers.mjs';
import { chooseLang } from '../../web/src/i18n.js';
import { selfSigned } from '../fixtures/openssl-cert.mjs';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(locale, hash = '') {
  const context = await browser.newContext({ offline: true, locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e && e.message)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(fileUrl + hash);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { context, page, errors, requests };
}

const BROKEN = 'version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 1209600\n';

async function setText(page, text) {
  const before = await page.evaluate(() => window.__mtasts.lintCount);
  await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), text);
  await page.waitForFunction((n) => window.__mtasts.lintCount > n, before);
}

test('chooseLang: the fragment, then navigator.languages, then English', () => {
  assert.equal(chooseLang('', ['es-ES', 'en']), 'es');
  assert.equal(chooseLang('', ['fr-FR', 'es-MX']), 'es');
  assert.equal(chooseLang('', ['en-US', 'es']), 'en');
  assert.equal(chooseLang('', ['de']), 'en');
  assert.equal(chooseLang('#t=YQ&l=en', ['es-ES']), 'en');
  assert.equal(chooseLang('#g&l=es', ['en-US']), 'es');
});

test('es-ES: the page, a result and the generator are in Spanish', async () => {
  const { context, page, errors, requests } = await open('es-ES');
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal((await page.textContent('#tab-validate')).trim(), 'Validar');
    assert.equal((await page.textContent('#tab-generate')).trim(), 'Generar');
    assert.equal(await page.textContent('label[for="kind"]'), 'Tipo de entrada');
    assert.equal(await page.getAttribute('.lang-switch button[data-lang="es"]', 'aria-pressed'), 'true');
    assert.match(await page.textContent('.examples'), /Errores frecuentes/);

    await setText(page, BROKEN);
    assert.equal(await page.textContent('#summary'), 'Política no válida: 1 error');
    const items = await listed(page);
    const sts239 = items.find((d) => d.code === 'STS239');
    assert.equal(sts239.text, "Quite el punto final del patrón mx ('mail.example.com.').");
    assert.match(await page.textContent('li[data-code="STS239"] .diag-fix'), /^Corrección: Quitar el punto final$/);
    assert.equal(await page.textContent('#facts-label'), 'Lo que usaría un servidor emisor');
    const facts = await page.textContent('#facts-list');
    assert.match(facts, /1209600 s = 14 días \(2 semanas\)/);
    assert.match(facts, /Los servidores emisores que admiten MTA-STS no entregan el correo/);
    assert.match(await page.textContent('#fix-all'), /^Corregir todo \(1\)$/);

    await page.click('#tab-generate');
    await page.fill('#gen-domain', 'example.com');
    await page.fill('#gen-mx', 'mail.example.com');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generado para'));
    assert.equal(await page.textContent('#gen-status'), 'Generado para example.com, modo testing.');
    assert.equal(await page.textContent('label[for="gen-domain"]'), 'Dominio de correo (obligatorio)');
    const steps = await page.$$eval('.gen-checklist li', (li) => li.map((x) => x.textContent));
    assert.equal(steps[0], 'Sirva el archivo de política en https://mta-sts.example.com/.well-known/mta-sts.txt (RFC 8461 §3.2).');
    assert.equal(await page.textContent('[data-output="checklist"] h3'), 'Lista de verificación');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  } finally {
    await context.close();
  }
});

test('the switch changes everything on screen and keeps the text and its diagnostics; the fragment remembers it', async () => {
  const { context, page, errors } = await open('es-ES');
  try {
    await setText(page, BROKEN);
    assert.equal(await page.getAttribute('.cm-content', 'aria-label'), 'Texto de la política o del registro que revisar');
    const es = await listed(page);
    await page.click('.lang-switch button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('Invalid'));
    assert.equal(await editorText(page), BROKEN);
    assert.equal(await page.getAttribute('.cm-content', 'aria-label'), 'Policy or record text to check');
    const en = await listed(page);
    assert.deepEqual(en.map(({ text, ...rest }) => rest), es.map(({ text, ...rest }) => rest));
    assert.equal(en.find((d) => d.code === 'STS239').text, "Remove the trailing dot from the mx pattern ('mail.example.com.').");
    assert.equal((await page.textContent('#tab-validate')).trim(), 'Validate');
    assert.equal(await page.textContent('#facts-label'), 'What a sender would use');
    assert.match(await page.textContent('#facts-list'), /1209600 s = 14 days \(2 weeks\)/);
    assert.match(await page.evaluate(() => location.hash), /(^#|&)l=en(&|$)/);
    assert.match(await page.textContent('.examples'), /Common mistakes/);

    // The generator follows too, with what was typed in its form.
    await page.click('#tab-generate');
    await page.fill('#gen-domain', 'example.org');
    await page.fill('#gen-mx', 'mail.example.org');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generated for'));
    assert.equal(await page.textContent('[data-output="checklist"] h3'), 'Checklist');
    await page.click('.lang-switch button[data-lang="es"]');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generado para'));
    assert.equal(await page.inputValue('#gen-domain'), 'example.org');
    assert.equal(await page.inputValue('#gen-mx'), 'mail.example.org');
    assert.equal(await page.textContent('[data-output="checklist"] h3'), 'Lista de verificación');
    assert.equal(await page.textContent('#gen-form-label'), 'Su dominio');
    assert.match(await page.evaluate(() => location.hash), /^#g/);
    await page.click('#tab-validate');
    assert.equal(await editorText(page), BROKEN);
    assert.equal((await listed(page)).find((d) => d.code === 'STS239').text, "Quite el punto final del patrón mx ('mail.example.com.').");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('en-US opens in English; #…l=es opens in Spanish', async () => {
  const a = await open('en-US');
  try {
    assert.equal(await a.page.getAttribute('html', 'lang'), 'en');
    assert.equal((await a.page.textContent('#tab-validate')).trim(), 'Validate');
  } finally {
    await a.context.close();
  }
  const b = await open('en-US', '#l=es');
  try {
    assert.equal(await b.page.getAttribute('html', 'lang'), 'es');
    assert.equal((await b.page.textContent('#results-label')).trim(), 'Resultado');
    if (process.env.MTASTS_SCREENSHOT) {
      await setText(b.page, BROKEN);
      await b.page.screenshot({ path: join(repo, 'docs', 'screenshot-es.png') });
    }
  } finally {
    await b.context.close();
  }
});

test('es-ES: the DMARC view and a pasted bundle\'s "found" line are in Spanish; the switch keeps the form', async () => {
  const { context, page, errors } = await open('es-ES');
  try {
    // a paste: the parts' labels come from the core in the page's language, the line words from the page
    await setText(page, '$ dig +short TXT _mta-sts.example.com\n"v=STSv1; id=1"\n$ dig +short MX example.com\n10 mx1.example.com.\n20 mx2.example.com.\n');
    const found = await page.textContent('#found');
    assert.match(found, /registro TXT _mta-sts \(línea 2\)/);
    assert.match(found, /2 registros MX \(línea 4\)/);
    assert.doesNotMatch(found, /record|line |MX records/);

    await page.click('#tab-dmarc');
    assert.equal(await page.textContent('#dmarc-form-label'), 'Su registro DMARC');
    assert.equal(await page.textContent('label[for="dmarc-domain"]'), 'Dominio de correo (obligatorio)');
    assert.equal(await page.textContent('#dmarc-status'), 'Indique su dominio de correo.');
    assert.equal(await page.textContent('#dmarc-adkim option[value=""]'), 'relajada (por omisión)');
    await page.fill('#dmarc-domain', 'example.com');  // no report address: refused (DMC635)
    await page.waitForFunction(() => document.querySelector('#dmarc-status').textContent.startsWith('No se generó nada'));
    assert.equal(await page.textContent('#dmarc-status'), 'No se generó nada: 1 problema en el formulario.');
    await page.fill('#dmarc-rua', 'dmarc@example.com');
    await page.waitForFunction(() => document.querySelector('#dmarc-status').textContent.startsWith('Generado para'));
    assert.equal(await page.textContent('#dmarc-status'), 'Generado para example.com: p=none, etapa 1 de 3 (supervisión).');
    assert.equal(await page.textContent('#panel-dmarc [data-output="record"] h3'), 'Registro DMARC');
    assert.equal(await page.textContent('#panel-dmarc [data-output="zone"] h3'), 'Líneas para el archivo de zona');
    assert.equal(await page.textContent('#panel-dmarc [data-output="checklist"] h3'), 'Lista de verificación');
    assert.equal(await page.textContent('#panel-dmarc [data-copy="record"]'), 'Copiar');
    assert.equal(await page.textContent('#panel-dmarc [data-validate="record"]'), 'Validar esto');

    await page.click('.lang-switch button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('#dmarc-status').textContent.startsWith('Generated for'));
    assert.equal(await page.textContent('#dmarc-status'), 'Generated for example.com: p=none, stage 1 of 3 (monitor).');
    assert.equal(await page.inputValue('#dmarc-domain'), 'example.com');
    assert.equal(await page.inputValue('#dmarc-rua'), 'dmarc@example.com');
    assert.equal(await page.textContent('#panel-dmarc [data-output="record"] h3'), 'DMARC record');
    assert.equal(await page.textContent('#dmarc-form-label'), 'Your DMARC record');
    assert.equal(await page.textContent('#panel-dmarc [data-copy="record"]'), 'Copy');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The generator's presets are described by the core (core/i18n/es.def preset_*, through the ./full module's
// localized(lang)): in Spanish on a Spanish page, in English after the switch, the form keeping what was chosen.
test('es-ES: the presets are described in Spanish; the switch changes them and keeps the form', async () => {
  const { context, page, errors } = await open('es-ES');
  const option = (name) => page.textContent(`#gen-preset option[value="${name}"]`);
  try {
    await page.click('#tab-generate');
    assert.equal(await option('zoho'), 'Zoho Mail (centro de datos de EE. UU.) (zoho)');
    assert.equal(await option('icloud'), 'iCloud+ (dominio de correo personalizado) (icloud)');
    assert.equal(await option('google-workspace'), 'Google Workspace (Gmail) (google-workspace)');
    await page.fill('#gen-domain', 'example.com');
    await page.selectOption('#gen-preset', 'zoho');
    await page.fill('#gen-rua', 'mailto:tlsrpt@example.com');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generado para'));
    assert.match(await page.textContent('[data-output="policy"] pre'), /\nmx: mx\.zoho\.com\r\n/);

    await page.click('.lang-switch button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generated for'));
    assert.equal(await option('zoho'), 'Zoho Mail (US data centre) (zoho)');
    assert.equal(await option('icloud'), 'iCloud+ Custom Email Domain (icloud)');
    assert.equal(await page.inputValue('#gen-preset'), 'zoho');
    assert.equal(await page.inputValue('#gen-domain'), 'example.com');
    assert.equal(await page.inputValue('#gen-rua'), 'mailto:tlsrpt@example.com');
    assert.match(await page.textContent('[data-output="policy"] pre'), /\nmx: mx\.zoho\.com\r\n/);
    assert.equal(await page.$$eval('#gen-preset option', (o) => o.length), 7, 'None and the six presets, once each');

    await page.click('.lang-switch button[data-lang="es"]');
    await page.waitForFunction(() => document.querySelector('#gen-status').textContent.startsWith('Generado para'));
    assert.equal(await option('zoho'), 'Zoho Mail (centro de datos de EE. UU.) (zoho)');
    assert.equal(await page.inputValue('#gen-preset'), 'zoho');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// No English left on the Spanish page (issue #15): every view is shown twice, in English (locale en-US) and in Spanish
// (es-ES), with the same input, and every text the Spanish page shows (visible text nodes, the options of its
// selects, the title, aria-label and placeholder of visible elements: the code tooltips carry the rules' titles) must
// differ from every text of the English page, unless it is a token both languages write alike (codes, RFC tokens,
// provider and tool names, numbers: NEUTRAL below). The user's own text (the editor) and the generated records
// (<pre>, <code>) are left out: they do not change with the language.

// Texts that are the same in both languages by nature. Each one is a whole text (trimmed), never a pattern of prose.
const NEUTRAL = new Set([
  'MTA-STS', 'TLS-RPT', 'DMARC', 'English', 'Español', 'EN', 'ES', 'Host', 'mta-sts-lint', 'Error', 'error',
  'ℹ', 'Language / Idioma', '_mta-sts TXT', 'TLS-RPT TXT', 'DMARC TXT', 'Google Workspace', 'Microsoft 365',
  'rua', 'ruf', 'mx', 'id', 'max_age', 'mode', 'version', 'p', 'sp', 'pct', 'adkim', 'aspf', 'none', 'testing',
  'enforce', 'quarantine', 'reject', 'policy', 'txt', 'tlsrpt', 'dmarc', 'DNS', 'HTTP', 'HTTPS', 'TXT', 'MX',
  // provider presets whose names are their descriptions in both languages (core/i18n/es.def preset_*)
  'Google Workspace (Gmail) (google-workspace)', 'Microsoft 365 / Exchange Online (microsoft-365)', 'Proton Mail (proton)',
  'Fastmail (fastmail)',
]);
// Codes (STS239), code lists, positions (4:21), numbers, host names, addresses and subject names (example
// placeholders, a certificate's issuer), URLs, RFC references with or without their code (a code's source line).
const TOKEN = /^(?:[A-Z]{3}\d{3}(?:[ ,·]+[A-Z]{3}\d{3})*|[\d\s:.,%()/+-]*|(?:(?:CN=)?[\w*+.-]+(?:@[\w.-]+)?\.(?:com|net|org|example)\.?(?:\s+|$))+|(?:https?|mailto):\S+|(?:[A-Z]{3}\d{3} · )?(?:RFC \d+|§[\d.]+|erratum \d+|[;,] ?| )+)$/;
// (a single letter: the access key CodeMirror underlines in a fix's name, a piece of a word)
const neutral = (s) => NEUTRAL.has(s) || TOKEN.test(s) || !/\p{L}/u.test(s) || s.length === 1;

// What the page shows: visible text nodes outside the editor and the generated records, the options of visible
// selects, and the title / aria-label / placeholder of visible elements.
function shown(page) {
  return page.evaluate(() => {
    const out = new Set();
    const add = (s) => { const t = (s || '').replace(/\s+/g, ' ').trim(); if (t) out.add(t); };
    const skip = (el) => el.closest('.cm-content, pre, code, kbd, script, style, template, noscript');
    const visible = (el) => el.checkVisibility ? el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) : el.offsetParent !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || el.tagName === 'OPTION' || !visible(el)) continue;
      add(n.nodeValue);
    }
    for (const sel of document.querySelectorAll('select')) {
      if (visible(sel)) for (const o of sel.options) add(o.textContent);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if ((el.parentElement && el.parentElement.closest('.cm-content')) || !visible(el)) continue; // the editor's own name counts
      for (const a of ['title', 'aria-label', 'placeholder']) if (el.hasAttribute(a)) add(el.getAttribute(a));
    }
    add(document.title);
    return [...out];
  });
}

async function showText(page, text, verbose = true) {
  await page.click('#tab-validate');
  const before = await page.evaluate(() => window.__mtasts.lintCount);
  if (verbose && !(await page.isChecked('#verbose'))) await page.check('#verbose');
  await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), text);
  await page.waitForFunction((n) => window.__mtasts.lintCount > n, before);
}

const cert = selfSigned('mx.example.com', 'DNS:mail.example.net', 30);
const VIEWS = {
  policy: (page) => showText(page, 'version: STSv1\nMode: enforce\n  mx: mail.example.com\nmx: a.example.com, b.example.com\nmx: backup.example.net.\n\n# relay\nmax_age: 1w\n'),
  'valid policy': (page) => showText(page, 'version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 1209600\r\n'),
  record: (page) => showText(page, 'v=STSv1; id=2024-01-01;'),
  'lint panel': async (page) => {
    await showText(page, 'version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 1w\n');
    await page.focus('.cm-content');
    await page.keyboard.press('Control+Shift+KeyM');
    await page.waitForSelector('.cm-panel-lint');
  },
  'TLS-RPT': (page) => showText(page, 'v=TLSRPTv1; rua=tls@example.com'),
  DMARC: (page) => showText(page, 'v=DMARC1; p=none; rua=a@example.com;;'),
  'dig/curl paste': (page) => showText(page, readFileSync(join(repo, 'tests', 'fixtures', 'paste', 'combined.txt'), 'utf8')),
  certificates: async (page) => {
    await showText(page, `openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n${cert.pem}`);
    await page.waitForSelector('#certs:not([hidden])');
  },
  generator: async (page) => {
    await page.click('#tab-generate');
    await page.fill('#gen-domain', 'example.com');
    await page.selectOption('#gen-preset', 'zoho');
    await page.fill('#gen-from-mx', 'mx1.example.com.\nmx2.example.com.');
    await page.fill('#gen-rua', 'mailto:tlsrpt@example.com');
    await page.fill('#gen-max-age', '3600');
    await page.waitForFunction(() => document.querySelector('[data-output="notes"]'));
  },
  'generator refusal': async (page) => {
    await page.click('#tab-generate');
    await page.fill('#gen-domain', 'example.com');
    await page.fill('#gen-mx', 'bad host!');
    await page.waitForFunction(() => document.querySelector('.gen-error:not(:empty)'));
  },
  'DMARC generator': async (page) => {
    await page.click('#tab-dmarc');
    await page.fill('#dmarc-domain', 'example.com');
    await page.fill('#dmarc-rua', 'dmarc@example.com');
    await page.fill('#dmarc-pct', '50');
    await page.waitForFunction(() => document.querySelector('#panel-dmarc [data-output="checklist"]'));
  },
  'DMARC generator refusal': async (page) => {
    await page.click('#tab-dmarc');
    await page.fill('#dmarc-domain', 'example.com');
    await page.waitForFunction(() => document.querySelector('#dmarc-status').textContent.length > 0 && document.querySelector('.gen-error:not(:empty)'));
  },
};

// One page per language, the views one after the other in the same order (each view's input is the same in both).
test('es-ES: no text of the English page is left on any view', async () => {
  const texts = { 'en-US': {}, 'es-ES': {} };
  for (const locale of Object.keys(texts)) {
    const { context, page, errors } = await open(locale);
    try {
      for (const [name, show] of Object.entries(VIEWS)) {
        await show(page);
        texts[locale][name] = await shown(page);
      }
      assert.deepEqual(errors, [], locale);
    } finally {
      await context.close();
    }
  }
  const left = {};
  for (const name of Object.keys(VIEWS)) {
    const english = new Set(texts['en-US'][name]);
    const same = texts['es-ES'][name].filter((s) => english.has(s) && !neutral(s));
    if (same.length) left[name] = same;
    assert.ok(texts['es-ES'][name].length > 20, `${name}: the view shows something`);
  }
  assert.deepEqual(left, {}, 'English texts on the Spanish page, by view');
});
