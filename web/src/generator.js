// The Generator view: a form whose every change (debounced) calls validator.generate() and shows the policy file, the
// _mta-sts TXT record, the TLS-RPT record, zone-file lines, the checklist, notes and the suggested wildcard, each with
// a copy button; "Validate this" hands a text to the validator view.
//
// As in app.js: user text and generator output reach the DOM only through textContent / value, never as HTML.

import { zoneLines, utcId, lines } from './format.js';
import { WORDS } from './i18n.js';
import { $, el, showFieldErrors, wireForm, showIdle, showOutcome, safely } from './gen-form.js';

// The generator panel's English words (the Spanish ones: WORDS.es.gen in web/src/i18n.js).
const GEN_EN = {
  copy: 'Copy',
  copyThe: (what) => `Copy the ${what.toLowerCase()}`,
  validateThis: 'Validate this',
  validateThe: (what) => `Validate the ${what.toLowerCase()}`,
  policyFile: 'Policy file',
  txtRecord: '_mta-sts TXT record',
  txtRecordShort: 'TXT record',
  tlsrptRecord: 'TLS-RPT record',
  zoneLines: 'Zone-file lines',
  zoneWhere: 'For a BIND-style zone file; the zone’s $TTL applies.',
  wildcard: 'Suggested wildcard',
  wildcardShort: 'Wildcard',
  wildcardWhere: 'Covers every MX host you listed (one extra label each). It is not in the policy: use it in “MX patterns” instead of the host names if all your MX hosts will stay under it.',
  serveAt: 'Serve it at ',
  publishAt: 'Publish it at ',
  checklist: 'Checklist',
  step: null,
  notes: 'Notes',
  enterDomain: 'Enter your mail domain.',
  nothing: (n) => `Nothing generated: ${n} problem${n === 1 ? '' : 's'} in the form.`,
  generated: (domain, mode) => `Generated for ${domain}, mode ${mode}.`,
};

const FIELDS = ['domain', 'mode', 'mx', 'fromMx', 'preset', 'maxAge', 'id', 'rua'];
const INPUT_OF_FIELD = { domain: 'gen-domain', preset: 'gen-preset', mx: 'gen-mx', fromMx: 'gen-from-mx', maxAge: 'gen-max-age', id: 'gen-id', rua: 'gen-rua' };
const DEFAULT_MAX_AGE = { testing: 86400, none: 86400, enforce: 604800 };

function button(text, onClick, attrs = {}) {
  const b = el('button', text);
  b.type = 'button';
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.addEventListener('click', onClick);
  return b;
}

// validator: from createValidator(); copy(text, what, button): the page's clipboard helper;
// validate(text, kind): switches to the validator view with that text.
// language(): the page's language ('en' or 'es'); onLang(f): f runs after each switch.
export function initGenerator({ validator, copy, validate, hooks, language = () => 'en', onLang = () => {} }) {
  const G = () => (WORDS[language()] ? WORDS[language()].gen : GEN_EN);
  const form = $('gen-form');
  const status = $('gen-status');
  const outputs = $('gen-outputs');
  const preset = $('gen-preset');
  const maxAge = $('gen-max-age');
  const idInput = $('gen-id');

  // The presets' options, their descriptions in the page's language (the core's texts: validator.localized()); made
  // again after each switch, keeping the choice.
  const presetOptions = new Map();
  function listPresets() {
    const list = validator.localized ? validator.localized(language()).presets : validator.presets || [];
    for (const p of list) {
      let o = presetOptions.get(p.name);
      if (!o) {
        o = el('option');
        o.value = p.name;
        presetOptions.set(p.name, o);
        preset.append(o);
      }
      o.textContent = p.description ? `${p.description} (${p.name})` : p.name;
    }
  }
  listPresets();

  const mode = () => (form.querySelector('input[name="mode"]:checked') || { value: 'testing' }).value;

  function options() {
    const o = { domain: $('gen-domain').value.trim(), mode: mode() };
    const mx = lines($('gen-mx').value);
    const fromMx = lines($('gen-from-mx').value);
    const rua = lines($('gen-rua').value);
    if (mx.length) o.mx = mx;
    if (fromMx.length) o.fromMx = fromMx;
    if (rua.length) o.rua = rua;
    if (preset.value) o.preset = preset.value;
    const age = maxAge.value.trim();
    if (age !== '') o.maxAge = Number(age);
    else if (maxAge.validity && maxAge.validity.badInput) o.maxAge = NaN; // reported by the generator as a bad max_age
    const id = idInput.value.trim();
    if (id) o.id = id;
    return o;
  }

  const showErrors = (errors) => showFieldErrors('gen', FIELDS, INPUT_OF_FIELD, errors, { fieldSuffix: true });

  function block(title, text, { where, validateKind, copyWhat, id } = {}) {
    const section = el('section', undefined, 'gen-output');
    section.dataset.output = id;
    const headId = `gen-out-${id}-label`;
    section.setAttribute('aria-labelledby', headId);
    const h = el('h3', title);
    h.id = headId;
    section.append(h);
    if (where) section.append(where);
    const pre = el('pre', text, 'gen-pre');
    pre.tabIndex = 0;
    pre.setAttribute('aria-labelledby', headId);
    section.append(pre);
    const actions = el('div', undefined, 'gen-actions');
    const g = G();
    actions.append(button(g.copy, (e) => copy(text, copyWhat || title, e.currentTarget), { 'aria-label': g.copyThe(copyWhat || title), 'data-copy': id }));
    if (validateKind) {
      actions.append(button(g.validateThis, () => validate(text, validateKind), { 'aria-label': g.validateThe(copyWhat || title), 'data-validate': id }));
    }
    section.append(actions);
    return section;
  }

  function whereLine(prefix, value) {
    const p = el('p', prefix, 'gen-where');
    p.append(el('code', value));
    return p;
  }

  function render(r, domain) {
    const parts = [];
    const g = G();
    parts.push(block(g.policyFile, r.policy, { id: 'policy', validateKind: 'policy', copyWhat: g.policyFile, where: whereLine(g.serveAt, r.policyUrl) }));
    const txtRecord = (r.records || []).find((x) => x.value === r.txt);
    parts.push(block(g.txtRecord, r.txt, { id: 'txt', validateKind: 'txt', copyWhat: g.txtRecordShort, where: whereLine(g.publishAt, txtRecord ? txtRecord.name : `_mta-sts.${domain}`) }));
    if (r.tlsrpt) {
      const rec = (r.records || []).find((x) => x.value === r.tlsrpt);
      parts.push(block(g.tlsrptRecord, r.tlsrpt, { id: 'tlsrpt', validateKind: 'tlsrpt', copyWhat: g.tlsrptRecord, where: whereLine(g.publishAt, rec ? rec.name : `_smtp._tls.${domain}`) }));
    }
    if (r.records && r.records.length) {
      parts.push(block(g.zoneLines, zoneLines(r.records), { id: 'zone', copyWhat: g.zoneLines, where: el('p', g.zoneWhere, 'gen-where') }));
    }
    if (r.suggestedWildcard) {
      parts.push(block(g.wildcard, r.suggestedWildcard, { id: 'wildcard', copyWhat: g.wildcardShort, where: el('p', g.wildcardWhere, 'gen-where') }));
    }
    if (r.checklist && r.checklist.length) {
      const section = el('section', undefined, 'gen-output');
      section.dataset.output = 'checklist';
      const h = el('h3', g.checklist);
      h.id = 'gen-out-checklist-label';
      section.setAttribute('aria-labelledby', h.id);
      const ol = el('ol', undefined, 'gen-checklist');
      for (const step of r.checklist) ol.append(el('li', step));
      if (g.step) ol.setAttribute('aria-label', g.checklist);
      const text = r.checklist.map((s, i) => `${i + 1}. ${s}`).join('\n');
      const actions = el('div', undefined, 'gen-actions');
      actions.append(button(g.copy, (e) => copy(text, g.checklist, e.currentTarget), { 'aria-label': g.copyThe(g.checklist), 'data-copy': 'checklist' }));
      section.append(h, ol, actions);
      parts.push(section);
    }
    if (r.notes && r.notes.length) {
      const section = el('section', undefined, 'gen-output');
      section.dataset.output = 'notes';
      const h = el('h3', g.notes);
      h.id = 'gen-out-notes-label';
      section.setAttribute('aria-labelledby', h.id);
      const ul = el('ul', undefined, 'gen-notes');
      for (const n of r.notes) {
        const li = el('li');
        li.append(el('code', n.code), document.createTextNode(' ' + n.message));
        ul.append(li);
      }
      section.append(h, ul);
      parts.push(section);
    }
    outputs.replaceChildren(...parts);
    outputs.hidden = false;
  }

  function run() {
    const m = mode();
    maxAge.placeholder = String(DEFAULT_MAX_AGE[m] || 86400);
    idInput.placeholder = utcId();
    const o = options();
    if (!o.domain) {
      showErrors([]);
      showIdle({ status, outputs }, G().enterDomain);
      return;
    }
    const r = safely(() => validator.generate({ ...o, lang: language() }));
    hooks.lastGenerate = r;
    hooks.generateCount = (hooks.generateCount || 0) + 1;
    showErrors(r.errors || []);
    showOutcome({ status, outputs }, r, G().generated(o.domain, o.mode), (x) => render(x, o.domain), G().nothing);
  }

  hooks.generate = wireForm(form, run);
  onLang(() => {
    listPresets();
    run();
  });
  run();
}
