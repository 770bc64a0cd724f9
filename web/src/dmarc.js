// The DMARC view: a form whose every change (debounced) calls validator.generateDmarc() and shows the _dmarc record,
// the report authorization records, zone-file lines, the roll-out checklist and the notes, each with a copy button;
// "Validate this" hands the record to the validator view. The view's words follow the page's language, and so do the
// checklist, notes and refusals, which come from the core (generateDmarc({ lang })). User
// text and output reach the DOM only through textContent / value, never as HTML.

import { zoneLines, lines } from './format.js';
import { WORDS } from './i18n.js';
import { $, el, showFieldErrors, wireForm, showIdle, showOutcome, safely } from './gen-form.js';

const FIELDS = ['domain', 'policy', 'subdomainPolicy', 'pct', 'adkim', 'aspf', 'rua', 'ruf'];
const INPUT_OF_FIELD = { domain: 'dmarc-domain', subdomainPolicy: 'dmarc-sp', pct: 'dmarc-pct', adkim: 'dmarc-adkim', aspf: 'dmarc-aspf', rua: 'dmarc-rua', ruf: 'dmarc-ruf' };
// The view's English words (the Spanish ones: WORDS.es.dmarc in web/src/i18n.js).
const DMARC_EN = {
  stage: { monitor: 'stage 1 of 3 (monitor)', quarantine: 'stage 2 of 3 (quarantine)', reject: 'stage 3 of 3 (reject)' },
  record: 'DMARC record',
  publishAt: 'Publish it as TXT at ',
  authorization: 'Report authorization record',
  authorizationAt: 'To be published by the report domain as TXT at ',
  zoneLines: 'Zone-file lines',
  zoneWhere: 'For a BIND-style zone file; the zone’s $TTL applies.',
  checklist: 'Checklist',
  notes: 'Notes',
  copy: 'Copy',
  copyThe: (what) => `Copy the ${what.toLowerCase()}`,
  validateThis: 'Validate this',
  validateThe: (what) => `Validate the ${what.toLowerCase()}`,
  enterDomain: 'Enter your mail domain.',
  nothing: (n) => `Nothing generated: ${n} problem${n === 1 ? '' : 's'} in the form.`,
  generated: (domain, policy, stage) => `Generated for ${domain}: p=${policy}, ${stage}.`,
};

// language(): the page's language ('en' or 'es'); onLang(f): f runs after each switch.
export function initDmarcGenerator({ validator, copy, validate, hooks, language = () => 'en', onLang = () => {} }) {
  if (typeof validator.generateDmarc !== 'function') return;
  const D = () => (WORDS[language()] && WORDS[language()].dmarc) || DMARC_EN;
  const form = $('dmarc-form');
  const status = $('dmarc-status');
  const outputs = $('dmarc-outputs');

  function options() {
    const o = { domain: $('dmarc-domain').value.trim(), policy: (form.querySelector('input[name="policy"]:checked') || { value: 'none' }).value };
    for (const [key, id] of [['subdomainPolicy', 'dmarc-sp'], ['adkim', 'dmarc-adkim'], ['aspf', 'dmarc-aspf']]) {
      if ($(id).value) o[key] = $(id).value;
    }
    for (const key of ['rua', 'ruf']) {
      const list = lines($(`dmarc-${key}`).value);
      if (list.length) o[key] = list;
    }
    const pct = $('dmarc-pct');
    if (pct.value.trim() !== '') o.pct = Number(pct.value.trim());
    else if (pct.validity && pct.validity.badInput) o.pct = NaN; // refused by the generator (DMC608)
    return o;
  }

  const showErrors = (errors) => showFieldErrors('dmarc', FIELDS, INPUT_OF_FIELD, errors);

  function block(id, title, text, where, validateIt) {
    const section = el('section', undefined, 'gen-output');
    section.dataset.output = id;
    const h = el('h3', title);
    h.id = `dmarc-out-${id}-label`;
    section.setAttribute('aria-labelledby', h.id);
    section.append(h);
    if (where) section.append(where);
    const pre = el('pre', text, 'gen-pre');
    pre.tabIndex = 0;
    pre.setAttribute('aria-labelledby', h.id);
    const actions = el('div', undefined, 'gen-actions');
    const b = el('button', D().copy);
    b.type = 'button';
    b.dataset.copy = id;
    b.setAttribute('aria-label', D().copyThe(title));
    b.addEventListener('click', (e) => copy(text, title, e.currentTarget));
    actions.append(b);
    if (validateIt) {
      const v = el('button', D().validateThis);
      v.type = 'button';
      v.dataset.validate = id;
      v.setAttribute('aria-label', D().validateThe(title));
      v.addEventListener('click', () => validate(text, 'dmarc'));
      actions.append(v);
    }
    section.append(pre, actions);
    return section;
  }

  function where(prefix, name) {
    const p = el('p', prefix, 'gen-where');
    p.append(el('code', name));
    return p;
  }

  function list(id, title, items, ordered) {
    const section = el('section', undefined, 'gen-output');
    section.dataset.output = id;
    const h = el('h3', title);
    h.id = `dmarc-out-${id}-label`;
    section.setAttribute('aria-labelledby', h.id);
    const l = el(ordered ? 'ol' : 'ul', undefined, ordered ? 'gen-checklist' : 'gen-notes');
    for (const it of items) l.append(it);
    section.append(h, l);
    return section;
  }

  function render(r) {
    const w = D();
    const parts = [block('record', w.record, r.record, where(w.publishAt, r.records[0].name), true)];
    for (const a of r.authorizations) {
      parts.push(block(`auth-${a.name}`, w.authorization, a.value, where(w.authorizationAt, a.name)));
    }
    parts.push(block('zone', w.zoneLines, zoneLines([...r.records, ...r.authorizations]), el('p', w.zoneWhere, 'gen-where')));
    parts.push(list('checklist', w.checklist, r.checklist.map((c) => el('li', c)), true));
    if (r.notes.length) {
      parts.push(list('notes', w.notes, r.notes.map((n) => {
        const li = el('li');
        li.append(el('code', n.code), document.createTextNode(' ' + n.message));
        return li;
      }), false));
    }
    outputs.replaceChildren(...parts);
    outputs.hidden = false;
  }

  function run() {
    const o = options();
    if (!o.domain) {
      showErrors([]);
      showIdle({ status, outputs }, D().enterDomain);
      return;
    }
    const r = safely(() => validator.generateDmarc({ ...o, lang: language() }));
    hooks.lastDmarc = r;
    hooks.dmarcCount = (hooks.dmarcCount || 0) + 1;
    showErrors(r.errors || []);
    const w = D();
    showOutcome({ status, outputs }, r, w.generated(o.domain, o.policy, w.stage[r.stage] || r.stage), render, w.nothing);
  }

  hooks.dmarc = wireForm(form, run);
  onLang(run);
  run();
}
