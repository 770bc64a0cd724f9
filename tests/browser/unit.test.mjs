// The page's pure helpers (web/src/format.js), under Node: verdict wording, durations, span widening, fix merging and
// the URL fragment codec.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  summaryText, humanDuration, maxAgeText, widenSpan, compatibleEdits, encodeFragment, decodeFragment, toBase64Url,
  fromBase64Url, fieldPairs,
} from '../../web/src/format.js';

test('summary states the verdict plainly', () => {
  const r = (kind, e, w, i = 0) => ({ kind, valid: e === 0, errorCount: e, warningCount: w, infoCount: i });
  assert.equal(summaryText(r('policy', 0, 0)), 'Valid policy');
  assert.equal(summaryText(r('policy', 0, 1)), 'Valid policy, 1 warning');
  assert.equal(summaryText(r('policy', 3, 1)), 'Invalid policy: 3 errors, 1 warning');
  assert.equal(summaryText(r('policy', 1, 0)), 'Invalid policy: 1 error');
  assert.equal(summaryText(r('txt', 0, 0)), 'Valid _mta-sts record');
  assert.equal(summaryText(r('tlsrpt', 2, 0)), 'Invalid TLS-RPT record: 2 errors');
  assert.equal(summaryText(r('policy', 0, 0, 2)), 'Valid policy');
  assert.equal(summaryText(r('policy', 0, 0, 2), { verbose: true }), 'Valid policy, 2 notes');
});

test('max_age in human units', () => {
  assert.equal(maxAgeText(604800), '604800 s = 7 days (1 week)');
  assert.equal(maxAgeText(86400), '86400 s = 1 day');
  assert.equal(maxAgeText(1209600), '1209600 s = 14 days (2 weeks)');
  assert.equal(maxAgeText(90000), '90000 s = 1 day 1 hour');
  assert.equal(maxAgeText(31557600), '31557600 s = 365.25 days (1 year, the maximum)');
  assert.equal(maxAgeText(0), '0 s = 0 seconds (never cached)');
  assert.equal(maxAgeText(null), null);
  assert.equal(humanDuration(3661), 'about 1 hour 1 minute');
  assert.match(humanDuration(40000000), /more than the 1-year maximum/);
});

test('zero-length and line-break spans are widened to a visible character', () => {
  const text = 'version: STSv1\n\nmx: a\n';
  assert.deepEqual(widenSpan(text, 0, 7), [0, 7]); // a real span stays
  assert.deepEqual(widenSpan(text, 0, 0), [0, 1]); // document level: first character
  assert.deepEqual(widenSpan(text, 14, 14), [13, 14]); // end of line 1: previous character
  assert.deepEqual(widenSpan(text, 15, 15), [15, 15]); // empty line: nothing to underline (point marker)
  assert.deepEqual(widenSpan(text, 14, 15), [13, 14]); // a span that is only a line break
  assert.deepEqual(widenSpan('a😀', 1, 1), [1, 3]); // never splits a surrogate pair
  assert.deepEqual(widenSpan('😀', 2, 2), [0, 2]);
  assert.deepEqual(widenSpan('', 0, 0), [0, 0]);
});

test('Fix all takes non-overlapping edits only', () => {
  const f = (...edits) => ({ title: 't', edits: edits.map(([from, to, insert = '']) => ({ from, to, insert })) });
  assert.deepEqual(compatibleEdits([f([10, 12]), f([0, 2])]).map((e) => e.from), [0, 10]);
  // overlapping edits of another fix wait for the next round; two deletions may touch, an insertion may not touch
  // another edit (core/fix/fix.hpp, as the CLI's --fix)
  assert.deepEqual(compatibleEdits([f([0, 5]), f([3, 8]), f([5, 6]), f([9, 9, 'x'])]).map((e) => [e.from, e.to]), [[0, 5], [5, 6], [9, 9]]);
  assert.deepEqual(compatibleEdits([f([0, 5]), f([5, 5, 'x']), f([7, 7, 'y']), f([7, 7, 'z']), f([6, 7])]).map((e) => [e.from, e.to]), [[0, 5], [7, 7]]);
  // several edits of one fix go together
  assert.equal(compatibleEdits([f([0, 1], [4, 5])]).length, 2);
  assert.deepEqual(compatibleEdits([null, { title: 'x', edits: [] }]), []);
});

test('the URL fragment round-trips any text', () => {
  for (const text of ['', 'version: STSv1\nmode: enforce\n', 'mx: bücher.example\r\n', '😀 <img src=x onerror=alert(1)>', 'a'.repeat(70000)]) {
    for (const kind of ['auto', 'policy', 'txt', 'tlsrpt']) {
      const frag = encodeFragment({ text, kind });
      assert.match(frag, /^t=[A-Za-z0-9_-]*(&k=(policy|txt|tlsrpt))?$/);
      assert.deepEqual(decodeFragment('#' + frag), { text, kind });
    }
  }
  assert.equal(fromBase64Url(toBase64Url('\u00ff\u0100')), '\u00ff\u0100');
  assert.equal(decodeFragment(''), null);
  assert.equal(decodeFragment('#section'), null);
  assert.deepEqual(decodeFragment('#t=dg&k=bogus'), { text: 'v', kind: 'auto' });
  assert.equal(decodeFragment('#t=%%%'), null);
});

test('record fields in any shape', () => {
  assert.deepEqual(fieldPairs([['v', 'STSv1'], ['id', '1']]), [['v', 'STSv1'], ['id', '1']]);
  assert.deepEqual(fieldPairs([{ name: 'v', value: 'STSv1' }]), [['v', 'STSv1']]);
  assert.deepEqual(fieldPairs({ v: 'STSv1' }), [['v', 'STSv1']]);
  assert.deepEqual(fieldPairs(null), []);
});
