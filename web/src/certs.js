// The certificate table of the page: for a pasted certificate, PEM bundle or `openssl s_client -showcerts` output, one
// row per certificate (host, chain position, names, issuer, validity with the days left, verdict for its host), the
// ones with a problem highlighted. The facts come from the validator's certificates() (mta-sts-lint/full,
// wasm/src/certificates.js), checked at the browser's current time. textContent only: nothing of the paste is HTML.
import { CERT_WORDS } from './i18n.js';

const MARKERS = ['-----BEGIN CERTIFICATE-----', 'CONNECTED('];
let shownKey = '';

function cell(tag, text, className) {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

// Called after each lint with the linted text; hides the table when the text holds no certificate.
export function showCertificates(validator, text, lang) {
  const box = document.getElementById('certs');
  if (!box) return;
  const has = validator && typeof validator.certificates === 'function' && MARKERS.some((m) => text.includes(m));
  if (!has) {
    if (!box.hidden) box.hidden = true;
    shownKey = '';
    return;
  }
  let r;
  try {
    r = validator.certificates(text, { lang });
  } catch {
    box.hidden = true;
    return;
  }
  const w = CERT_WORDS[lang] || CERT_WORDS.en;
  const rows = [];
  for (const chain of r.chains) {
    for (const c of chain.certificates) rows.push({ chain, c });
  }
  const key = lang + '\u0000' + r.now.slice(0, 10) + '\u0000' + JSON.stringify(r.chains);
  if (key === shownKey && !box.hidden) return;
  shownKey = key;
  box.replaceChildren();
  box.append(cell('h2', w.title(rows.length, r.now), 'pane-title'));
  const table = document.createElement('table');
  table.className = 'cert-table';
  const head = document.createElement('tr');
  for (const h of w.columns) head.append(cell('th', h));
  table.append(cell('thead', ''));
  table.tHead.append(head);
  const body = document.createElement('tbody');
  for (const { chain, c } of rows) {
    const tr = document.createElement('tr');
    tr.dataset.line = String(c.line ?? '');
    const bad = c.error !== undefined || c.problems.length > 0;
    tr.className = bad ? 'cert-bad' : 'cert-ok';
    tr.append(cell('td', `${chain.host || '?'} (${chain.role === 'mx' ? w.mx : w.policy})`));
    tr.append(cell('td', c.index === 0 ? w.leaf : String(c.index)));
    if (c.error !== undefined) {
      const td = cell('td', c.error);
      td.colSpan = 3;
      tr.append(td);
    } else {
      tr.append(cell('td', c.dnsNames.length ? c.dnsNames.join(', ') : w.noSan));
      tr.append(cell('td', c.issuer));
      tr.append(cell('td', w.validity(c.notBefore.slice(0, 10), c.notAfter.slice(0, 10), c.daysLeft), c.daysLeft < 0 ? 'cert-expired' : ''));
    }
    let verdict;
    if (c.problems.length) verdict = c.problems.join(' ');
    else if (c.index === 0) verdict = c.coversHost ? w.covers(chain.host) : w.ok;
    else verdict = w.ok;
    tr.append(cell('td', verdict));
    body.append(tr);
  }
  table.append(body);
  box.append(table);
  box.hidden = false;
}
