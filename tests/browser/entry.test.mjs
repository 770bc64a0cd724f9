// The package's browser entries ("." default condition: wasm/dist/index.js; "./full": full-index.js) as a web app
// would use them without a bundler: an ES module page over http, under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'`), in Debian's Chromium. The entry fetches its .wasm next
// to itself (streamed, served as application/wasm); nothing else is requested and nothing is logged as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launch, repo } from './helpers.mjs';

const dist = join(repo, 'wasm', 'dist');
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const page = (entry) => `<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>entry</title><script type="module" src="/app-${entry}.js"></script>`;
// What the page runs: lint (and, with ./full, generate) and report through data attributes.
const app = (entry) => `import { createValidator } from '/pkg/${entry}';
const v = await createValidator();
const r = v.lint('version: STSv1\\nmode: enforcing\\nmx: mail.example.com\\nmax_age: 86400\\n');
const g = typeof v.presets === 'object' ? v.generate({ domain: 'example.com', mx: ['mail.example.com'], now: 0 }).txt : null;
document.documentElement.dataset.result = JSON.stringify([r.diagnostics.map((d) => [d.code, d.line, d.column]), g]);`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

test('index.js and full-index.js run in Chromium under a strict CSP, fetching only their own .wasm', { skip: !existsSync(join(dist, 'index.js')) && 'run npm run build:wasm' }, async () => {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let body = null;
    let type = types[extname(url.pathname)];
    if (url.pathname.startsWith('/page-')) [body, type] = [page(url.pathname.slice(6)), 'text/html'];
    else if (url.pathname.startsWith('/app-')) body = app(url.pathname.slice(5, -3));
    else if (url.pathname.startsWith('/pkg/')) {
      const file = normalize(join(dist, url.pathname.slice(5)));
      if (file.startsWith(dist) && existsSync(file)) body = readFileSync(file);
    }
    if (body === null) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    for (const [entry, wasm, generated] of [
      ['index.js', 'mta-sts-lint.wasm', null],
      ['full-index.js', 'mta-sts-lint-full.wasm', 'v=STSv1; id=19700101000000;'],
    ]) {
      const context = await browser.newContext();
      const p = await context.newPage();
      const requests = [];
      const errors = [];
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`${base}/page-${entry}`);
      await p.waitForSelector('html[data-result]', { timeout: 20000 }).catch((e) => { throw new Error(`${entry}: ${e.message}; errors: ${errors.join(' | ')}; requests: ${requests.join(' ')}`); });
      const [codes, txt] = JSON.parse(await p.getAttribute('html', 'data-result'));
      assert.deepEqual(codes, [['STS225', 2, 7]], entry);
      assert.equal(txt, generated, entry);
      assert.deepEqual(errors, [], `${entry}: console errors`);
      assert.ok(requests.includes(`/pkg/${wasm}`), `${entry} fetched ${wasm}`);
      for (const r of requests) assert.match(r, /^\/(page-|app-|pkg\/)/, `${entry}: unexpected request ${r}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
});
