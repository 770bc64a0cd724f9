// The page in the user's language (docs/i18n.md): Spanish when the browser prefers it (Chromium's locale es-ES sets
// navigator.languages), English otherwise; the EN/ES switch changes everything on screen without touching the text
// being edited, and is remembered in the URL fragment (l=…), with no storage and no request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { fileUrl, haveBuild, launch, listed, editorText, repo } from './helpers.mjs';
import { chooseLang } from '../../web/src/i18n.js';

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
    const es = await listed(page);
    await page.click('.lang-switch button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('Invalid'));
    assert.equal(await editorText(page), BROKEN);
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
