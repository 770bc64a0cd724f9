// What the two generator views (generator.js: MTA-STS, dmarc.js: DMARC) share: elements built with textContent only,
// errors shown at the field they are about, and the debounced run on every form change.

export const $ = (id) => document.getElementById(id);

export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

// errors [{code, field, message}] into `${prefix}-${field}-error` boxes (the others into `${prefix}-other-error`);
// inputOf[field]: the id of the input to mark aria-invalid. `fieldSuffix` names a field that has no box of its own.
export function showFieldErrors(prefix, fields, inputOf, errors, { fieldSuffix = false } = {}) {
  const byField = new Map(fields.map((f) => [f, []]));
  const other = [];
  for (const e of errors) (byField.get(e.field) || other).push(e);
  const fill = (box, list) => {
    box.replaceChildren();
    for (const e of list) {
      const line = el('span', undefined, 'gen-error-item');
      const suffix = fieldSuffix && !byField.has(e.field) && e.field ? ` (${e.field})` : '';
      line.append(el('code', e.code, 'gen-error-code'), document.createTextNode(' ' + e.message + suffix));
      box.append(line);
    }
  };
  for (const f of fields) {
    const list = byField.get(f);
    fill($(`${prefix}-${f}-error`), list);
    const input = inputOf[f] && $(inputOf[f]);
    if (input) {
      if (list.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }
  fill($(`${prefix}-other-error`), other);
}

// Runs `run` DEBOUNCE_MS after the last input or change in `form` (and at once on submit); returns `run`.
export function wireForm(form, run, debounceMs = 150) {
  let timer = 0;
  const now = () => {
    clearTimeout(timer);
    timer = 0;
    run();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(now, debounceMs);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (e) => { e.preventDefault(); now(); });
  return now;
}

// Nothing to generate yet (no domain): the prompt, no outputs.
// `prompt`: the words in the page's language (generator.js and dmarc.js pass them).
export function showIdle({ status, outputs }, prompt = 'Enter your mail domain.') {
  outputs.hidden = true;
  outputs.replaceChildren();
  status.textContent = prompt;
  status.className = 'summary';
}

// The outcome of one generator call on the status line and the outputs: a refusal hides the outputs.
// `nothing(n)`: the refusal's words in the page's language.
export function showOutcome({ status, outputs }, r, okText, render, nothing = (n) => `Nothing generated: ${n} problem${n === 1 ? '' : 's'} in the form.`) {
  if (!r.ok) {
    outputs.hidden = true;
    outputs.replaceChildren();
    const n = (r.errors || []).length;
    status.textContent = nothing(n);
    status.className = 'summary summary-invalid';
    return;
  }
  render(r);
  status.textContent = okText;
  status.className = 'summary summary-valid';
}

// A generator call that never throws into the page: an exception becomes one 'internal' error.
export function safely(call) {
  try {
    return call();
  } catch (err) {
    return { ok: false, errors: [{ code: 'internal', field: '', message: err && err.message ? err.message : String(err) }], notes: [] };
  }
}
