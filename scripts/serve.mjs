#!/usr/bin/env node
// Serves the built page (web/dist) on http://127.0.0.1:8080: a static file server on node:http, no dependencies,
// bound to the loopback interface only. The page needs no server at all: web/dist/index.html also works from file://.
//
// Usage: node scripts/serve.mjs [--port N] [--root DIR] [--quiet]     (env PORT also sets the port; 0 = any free port)
// As a module: const { server, url, close } = await startServer({ port: 0 })

import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The page's own CSP is in its <meta> tag (it must work from file:// too); framing can only be refused by a header.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
};

function send(res, status, body, type = 'text/plain; charset=utf-8', head = false) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

export function createStaticHandler(root) {
  const base = resolve(root);
  return async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad Request\n', undefined, head);
    }
    if (pathname.includes('\0')) return send(res, 400, 'Bad Request\n', undefined, head);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(base, '.' + pathname);
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'Forbidden\n', undefined, head);
    let st;
    try {
      st = statSync(file);
    } catch {
      return send(res, 404, 'Not Found\n', undefined, head);
    }
    if (st.isDirectory()) {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: pathname + '/' });
      return res.end();
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
    const body = await readFile(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': body.length });
    res.end(head ? undefined : body);
  };
}

export function startServer({ port = 8080, host = '127.0.0.1', root = join(repo, 'web', 'dist') } = {}) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer(createStaticHandler(root));
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const url = `http://${host}:${addr.port}/`;
      resolvePromise({
        server,
        url,
        port: addr.port,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

function usageHint(url) {
  const cli = join(repo, 'build', 'mta-sts-lint');
  const example = relative(process.cwd(), join(repo, 'web', 'examples', 'common-mistakes.txt')) || 'web/examples/common-mistakes.txt';
  const built = existsSync(cli);
  return [
    `mta-sts-lint page: ${url}  (also works offline: open web/dist/index.html directly)`,
    '',
    'The same checks on the command line:',
    `  ${relative(process.cwd(), cli) || 'build/mta-sts-lint'} --help`,
    `  ${relative(process.cwd(), cli) || 'build/mta-sts-lint'} ${example}`,
    built ? '' : '  (build the CLI first: npm run build)',
    'Press Ctrl+C to stop.',
  ].filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(opt('--port') ?? process.env.PORT ?? 8080);
  const root = resolve(opt('--root') ?? join(repo, 'web', 'dist'));
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`serve: ${relative(process.cwd(), root) || root}/index.html is missing; run "npm run build:web" first.`);
    process.exit(2);
  }
  try {
    const { url, close } = await startServer({ port, root });
    if (!args.includes('--quiet')) console.log(usageHint(url));
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  }
}
