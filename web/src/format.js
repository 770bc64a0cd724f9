// Pure helpers of the page: no DOM, no CodeMirror. Unit-tested under Node (tests/browser/unit.test.mjs).

export const KINDS = ['auto', 'policy', 'txt', 'tlsrpt', 'dmarc'];

export const KIND_LABEL = {
  auto: 'Auto',
  policy: 'policy',
  txt: '_mta-sts record',
  tlsrpt: 'TLS-RPT record',
  dmarc: 'DMARC record',
  bundle: 'paste',
  cert: 'certificates',
};

// What a pasted bundle holds, for the "found: ..." line: [{ text, from }] in paste order (docs/paste.md). The tool
// blocks themselves and a policy inside an HTTP response (the response's label says so) are not listed.
// `words`: the line words in the page's language (English when not given).
const FOUND_EN = { line: (k) => `line ${k}`, lines: (a, b) => `lines ${a}\u2013${b}`, mxRecords: (k) => `${k} MX records` };
export function foundParts(artefacts, words = FOUND_EN) {
  const lines = (a) => (a.endLine > a.line ? words.lines(a.line, a.endLine) : words.line(a.line));
  const out = [];
  const mx = artefacts.filter((a) => a.kind === 'mx');
  const http = artefacts.filter((a) => a.kind === 'http');
  for (const a of artefacts) {
    if (a.kind === 'tool') continue;
    if (a.kind === 'mx') {
      if (a === mx[0]) out.push({ text: mx.length === 1 ? `${a.label} (${lines(a)})` : `${words.mxRecords(mx.length)} (${lines(a)})`, from: a.from });
      continue;
    }
    if (a.kind === 'policy' && http.some((h) => h.from <= a.from && a.to <= h.to)) continue;
    out.push({ text: `${a.label} (${lines(a)})`, from: a.from });
  }
  return out;
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

// The verdict in plain words: "Valid policy", "Valid policy, 1 warning", "Invalid policy: 3 errors, 1 warning".
export function summaryText(result, { verbose = false } = {}) {
  const what = KIND_LABEL[result.kind] || 'text';
  const parts = [];
  if (result.errorCount) parts.push(plural(result.errorCount, 'error'));
  if (result.warningCount) parts.push(plural(result.warningCount, 'warning'));
  if (verbose && result.infoCount) parts.push(plural(result.infoCount, 'note'));
  if (result.valid && result.errorCount === 0) {
    return parts.length ? `Valid ${what}, ${parts.join(', ')}` : `Valid ${what}`;
  }
  return `Invalid ${what}: ${parts.join(', ')}`;
}

const UNITS = [
  ['year', 31557600], // 365.25 days, the RFC 8461 maximum
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// 604800 -> "7 days (1 week)"; 90000 -> "1 day 1 hour"; 31557600 -> "365.25 days (1 year)".
export function humanDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds === 0) return '0 seconds (never cached)';
  if (seconds === 31557600) return '365.25 days (1 year, the maximum)';
  const parts = [];
  let rest = Math.floor(seconds);
  for (const [name, size] of UNITS.slice(2)) { // days, hours, minutes, seconds
    if (rest >= size) {
      const n = Math.floor(rest / size);
      parts.push(plural(n, name));
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  let text = parts.join(' ');
  if (rest > 0) text = 'about ' + text;
  if (seconds >= 604800 && seconds % 604800 === 0 && seconds < 31557600) text += ` (${plural(seconds / 604800, 'week')})`;
  else if (seconds > 31557600) text += ' (more than the 1-year maximum)';
  return text;
}

export function maxAgeText(maxAge) {
  if (maxAge === undefined || maxAge === null) return null;
  const n = Number(maxAge);
  return `${maxAge} s = ${humanDuration(n)}`;
}

export const MODE_EXPLANATION = {
  enforce: 'Senders that support MTA-STS refuse to deliver unless the MX host matches an mx pattern and presents a valid certificate over TLS.',
  testing: 'Senders deliver as usual but report failures (via TLS-RPT, if you publish a record); there is no protection yet.',
  none: 'Withdraws MTA-STS: senders treat the domain as having no active policy.',
};

// Record fields from the validator may arrive as [[name, value]], [{name, value}] or {name: value}.
export function fieldPairs(fields) {
  if (!fields) return [];
  if (Array.isArray(fields)) {
    return fields.map((f) => (Array.isArray(f) ? [String(f[0]), String(f[1])] : [String(f.name ?? f.key ?? ''), String(f.value ?? '')]));
  }
  return Object.entries(fields).map(([k, v]) => [k, String(v)]);
}

// Zero-length or line-break-only spans are invisible as underlines: widen them to one character of the same line
// (the next one, else the previous one). An empty line stays zero-length (CodeMirror then draws a point marker).
export function widenSpan(text, from, to) {
  if (to > from) {
    // A span made only of line breaks is as invisible as an empty one.
    let visible = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) { visible = true; break; }
    }
    if (visible) return [from, to];
    to = from;
  }
  const next = text.charCodeAt(from);
  if (from < text.length && next !== 10 && next !== 13) {
    const hi = next >= 0xd800 && next <= 0xdbff && from + 1 < text.length ? 2 : 1;
    return [from, from + hi];
  }
  const prev = text.charCodeAt(from - 1);
  if (from > 0 && prev !== 10 && prev !== 13) {
    const lo = prev >= 0xdc00 && prev <= 0xdfff && from >= 2 ? 2 : 1;
    return [from - lo, from];
  }
  return [from, from];
}

// Picks the fixes to apply together, with the rule of core/fix/fix.hpp (compatible_fixes), which the CLI's --fix and
// the Node bin use: in order, a fix is taken when none of its edits conflicts with an edit already taken. Two edits
// conflict when they share a character, or when they touch (one ends where the other starts, or both are at the same
// point) and either inserts text: only two pure deletions may touch. A fix that conflicts waits for the next round
// of "Fix all", which re-lints in between. Returns edits sorted by position.
export function compatibleEdits(fixes) {
  const chosen = [];
  const conflict = (a, b) =>
    (a.from < b.to && b.from < a.to) || ((a.to === b.from || b.to === a.from) && (a.insert !== '' || b.insert !== ''));
  for (const fix of fixes) {
    if (!fix || !fix.edits || !fix.edits.length) continue;
    const edits = fix.edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert ?? '' }));
    if (edits.some((e) => !(e.from >= 0 && e.to >= e.from))) continue;
    if (edits.some((e) => chosen.some((t) => conflict(e, t)))) continue;
    chosen.push(...edits);
  }
  return chosen.sort((a, b) => a.from - b.from || a.to - b.to);
}

// ---- URL fragment: #t=<base64url of UTF-8>&k=<kind>. The fragment never reaches a server. ----

export function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8').decode(bytes);
}

export function encodeFragment({ text, kind }) {
  let frag = 't=' + toBase64Url(text);
  if (kind && kind !== 'auto') frag += '&k=' + kind;
  return frag;
}

// Returns {text, kind} or null when the fragment holds no text (or cannot be decoded).
export function decodeFragment(hash) {
  const h = String(hash || '').replace(/^#/, '');
  if (!h) return null;
  const params = new URLSearchParams(h);
  const t = params.get('t');
  if (t === null) return null;
  let text;
  try { text = fromBase64Url(t.trim()); } catch { return null; }
  const k = params.get('k');
  return { text, kind: KINDS.includes(k) ? k : 'auto' };
}

// ---- Generator helpers ----

// One zone-file line per record: `name. IN TXT "…"`, the value split into character-strings of at most 255 bytes
// (RFC 1035 §3.3.14), with `"` and `\` escaped (RFC 1035 §5.1). No TTL: the zone's $TTL applies.
export function zoneLines(records) {
  return (records || []).map((r) => {
    const name = String(r.name).replace(/\.?$/, '.');
    const bytes = new TextEncoder().encode(String(r.value));
    const parts = [];
    let i = 0;
    do {
      let end = Math.min(i + 255, bytes.length);
      while (end < bytes.length && end > i + 1 && (bytes[end] & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
      parts.push(new TextDecoder().decode(bytes.subarray(i, end)));
      i = end;
    } while (i < bytes.length);
    const quoted = parts.map((p) => '"' + p.replace(/[\\"]/g, '\\$&') + '"').join(' ');
    return `${name} IN ${r.type || 'TXT'} ${quoted}`;
  }).join('\n');
}

// The id the generator uses by default: the UTC time as YYYYMMDDHHMMSS.
export function utcId(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

// Lines of a textarea: trimmed, blank lines dropped.
export function lines(text) {
  return String(text || '').split(/\r\n|\r|\n/).map((s) => s.trim()).filter(Boolean);
}

// Generator view in the fragment: "#g" (alone, or with g=1 next to other parameters); the DMARC generator: "#d".
export function fragmentView(hash) {
  const h = String(hash || '').replace(/^#/, '');
  if (h === 'g') return 'generate';
  if (h === 'd') return 'dmarc';
  const params = new URLSearchParams(h);
  if (params.has('g') && !params.has('t')) return 'generate';
  if (params.has('d') && !params.has('t')) return 'dmarc';
  return params.has('t') ? 'validate' : null;
}
