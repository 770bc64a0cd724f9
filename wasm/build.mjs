#!/usr/bin/env node
// `npm run build:wasm`: builds the WebAssembly core with Debian's Emscripten from the project's CMake files and
// assembles the package's wasm/dist/:
//   mta-sts-lint.wasm       the core: lint, rules, format (the default entries)
//   mta-sts-lint-full.wasm  the same plus the generator (the "./full" entries)
//   mta-sts-lint-cli.wasm   the full module plus the fixer (--fix, core/fix/), for the bin only (cli-node.js)
//   glue.js glue-full.js    Emscripten's MODULARIZE factories wrapped as ES modules (no import.meta, no eval);
//   glue-cli.js             and the bin's
//   api.js generator.js     the JS API (wasm/src/api.js) and its generator half (wasm/src/generator.js)
//   node.js index.js        the Node and browser/bundler loaders of "." (full-node.js, full-index.js: "./full")
//   inline.js               "./inline": one self-contained ES module with the .wasm as base64 (bundled with esbuild);
//   full-inline.js          the same for "./full"
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const buildDir = join(root, 'build-wasm');
const dist = join(here, 'dist');
const src = join(here, 'src');

// P1 (design notes B8): Debian's emcc runs acorn from /usr/share/nodejs, which the nodesource node does not search.
const env = { ...process.env, NODE_PATH: ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean).join(':') };

function run(cmd, args) {
  console.log(`build:wasm: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.error) {
    console.error(`build:wasm: cannot run ${cmd}: ${r.error.message}` + (r.error.code === 'ENOENT' ? ' (apt-get install emscripten)' : ''));
    process.exit(2);
  }
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('emcmake', ['cmake', '-S', '.', '-B', buildDir, '-DCMAKE_BUILD_TYPE=Release']);
run('cmake', ['--build', buildDir, '-j', '2', '--target', 'mtasts_wasm', 'mtasts_wasm_full', 'mtasts_wasm_cli']);

const outDir = join(buildDir, 'wasm');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const esbuild = await import('esbuild');
const modules = [
  { name: 'mta-sts-lint', glue: 'glue.js', base64: 'wasm-base64.js', inline: 'inline.js' },
  { name: 'mta-sts-lint-full', glue: 'glue-full.js', base64: 'wasm-full-base64.js', inline: 'full-inline.js' },
  { name: 'mta-sts-lint-cli', glue: 'glue-cli.js' }, // the bin's: no inline entry
];
for (const m of modules) {
  // Binaryen's size passes once more after the link (emcc's own wasm-opt run follows -O3): 0.6 KiB gzip off the
  // default .wasm (75.1 -> 74.6 KiB), typical lint() as fast (977-1006 vs 990-1021 ns CPU time per call in one process,
  // mailauth 1184-1194 ns). The link itself stays -O3: -Oz there also turns LTO's code generation to size, 10-30 %
  // slower. Features as emcc 3.1.6 targets them (MVP plus mutable globals).
  const optimised = join(outDir, `${m.name}.opt.wasm`);
  run('wasm-opt', [join(outDir, `${m.name}.wasm`), '-Oz', '--converge', '--mvp-features', '--enable-mutable-globals', '-o', optimised]);
  m.wasm = readFileSync(optimised);
  writeFileSync(join(dist, `${m.name}.wasm`), m.wasm);

  // Emscripten's minimal runtime (-sMINIMAL_RUNTIME -sMODULARIZE), adapted for wasm/src/api.js. Each change must
  // apply exactly as expected, or the build stops: a different Emscripten needs a look, not a silent miss.
  let glue = readFileSync(join(outDir, `${m.name}.js`), 'utf8');
  const change = (what, from, to) => {
    const n = glue.split(from).length - 1;
    if (n !== 1) throw new Error(`build:wasm: unexpected glue layout (${what}: ${n} matches)`);
    glue = glue.replace(from, () => to);
  };
  // the exports on Module (the runtime keeps them in local variables): Module._malloc, Module._free, ... (embind puts
  // the functions of EMSCRIPTEN_BINDINGS on Module itself: Module.lint, Module.info, ...)
  const exported = [...glue.matchAll(/(_\w+)=asm\["(\w+)"\]/g)];
  if (!exported.some(([, n]) => n === '_malloc')) throw new Error('build:wasm: unexpected glue layout (exports)');
  for (const [all, name] of exported) change(`export ${name}`, all, `Module["${name}"]=${all}`);
  // the two heap views api.js reads, in Module.views: one small object made once, which api.js keeps and the glue
  // refreshes each time memory grows (api.js re-makes its views when views.HEAPU8 changes). Not on Module itself:
  // embind leaves Module a dictionary-mode object, where every property read of a call is a hash lookup. embind's
  // runtime uses the glue's own variables.
  change(
    'heap views',
    'HEAPF64=new Float64Array(b)}',
    'HEAPF64=new Float64Array(b);var v=Module["views"]||(Module["views"]={HEAPU8:null,HEAP32:null});v.HEAPU8=HEAPU8;v.HEAP32=HEAP32}',
  );
  // a compiled WebAssembly.Module (the wasmModule option) instantiates to an Instance, bytes to { module, instance }
  change('instance', '(output){asm=output.instance.exports;', '(output){var asm=(output.instance||output).exports;');
  // a failed instantiation rejects createValidator() (the runtime would leave it pending forever)
  change('rejection', 'initRuntime(asm);ready()})', 'initRuntime(asm);ready()},readyPromiseReject)');
  // embind registers std::wstring, std::u16string and std::u32string at start-up whether a binding uses them or not;
  // none of ours does (one that did would get embind's "due to unbound types: std::wstring" error on its first call,
  // which its first test would show). Their converters, two UTF-16 and two UTF-32 codecs, are about
  // 0.5 KiB of each glue's gzip: the registration becomes a no-op and the codecs go.
  const dropFunction = (name) => {
    const start = glue.indexOf(`function ${name}(`);
    if (start < 0 || glue.indexOf(`function ${name}(`, start + 1) >= 0) throw new Error(`build:wasm: unexpected glue layout (${name})`);
    let depth = 0, end = glue.indexOf('{', start);
    for (; end < glue.length; end++) {
      const c = glue[end];
      if (c === '"') while (++end < glue.length && glue[end] !== '"') end += glue[end] === '\\' ? 1 : 0;  // (its braces do not count)
      else if (c === "'" || c === '`') throw new Error(`build:wasm: ${name} has text the brace scan cannot skip`);
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (end >= glue.length) throw new Error(`build:wasm: unexpected glue layout (${name} does not end)`);
    glue = glue.slice(0, start) + glue.slice(end + 1);
  };
  dropFunction('__embind_register_std_wstring');
  const wstringImport = [...glue.matchAll(/"\w+":__embind_register_std_wstring,/g)];
  if (wstringImport.length !== 1) throw new Error('build:wasm: unexpected glue layout (wstring import)');
  change('wstring import', wstringImport[0][0], wstringImport[0][0].replace('__embind_register_std_wstring', 'function(){}'));
  for (const f of ['UTF16ToString', 'stringToUTF16', 'lengthBytesUTF16', 'UTF32ToString', 'stringToUTF32', 'lengthBytesUTF32']) {
    dropFunction(f);
    if (new RegExp(`\\b${f}\\b`).test(glue)) throw new Error(`build:wasm: the glue still uses ${f}`);
  }
  for (const bad of ['import.meta', 'new Function', 'eval(', 'fetch(', 'XMLHttpRequest']) {
    if (glue.includes(bad)) throw new Error(`build:wasm: the glue contains ${bad}`);
  }
  // Emscripten minifies the runtime's local names only without MODULARIZE's wrapper; esbuild does the rest.
  const { code } = await esbuild.transform(`${glue}export default createMtaStsModule;\n`, {
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
  });
  writeFileSync(
    join(dist, m.glue),
    '// Generated by wasm/build.mjs from Emscripten ' +
      'output (-sMINIMAL_RUNTIME -sMODULARIZE -sENVIRONMENT=web,worker -sDYNAMIC_EXECUTION=0 --bind). Do not edit.\n' +
      code,
  );
}

// The loaders and the API, minified (their commented sources are wasm/src/*.js); ES modules keep their export names.
// The inline entries and their helper are bundled below instead.
const bundledOnly = (f) => f.endsWith('inline.js') || f === 'inline-load.js';
for (const f of readdirSync(src)) {
  if (!f.endsWith('.js') || bundledOnly(f)) continue;
  const { code } = await esbuild.transform(readFileSync(join(src, f), 'utf8'), {
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
  });
  writeFileSync(join(dist, f), `// Generated by wasm/build.mjs from wasm/src/${f}. Do not edit.\n${code}`);
}

// ./inline and ./full/inline: glue + API + base64 wasm in one file, so it can be copied anywhere or re-bundled as an
// IIFE. Bundled from a scratch directory beside dist/, so dist/ holds only what the package ships.
const scratch = join(buildDir, 'inline-src');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
for (const f of readdirSync(dist)) if (f.endsWith('.js')) copyFileSync(join(dist, f), join(scratch, f));
copyFileSync(join(src, 'inline-load.js'), join(scratch, 'inline-load.js'));
for (const m of modules.filter((x) => x.inline)) {
  writeFileSync(join(scratch, m.base64), `export const wasmBase64 = '${m.wasm.toString('base64')}';\n`);
  copyFileSync(join(src, m.inline), join(scratch, `entry-${m.inline}`));
  await esbuild.build({
    entryPoints: [join(scratch, `entry-${m.inline}`)],
    outfile: join(dist, m.inline),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    legalComments: 'none',
    minify: true,
    banner: {
      js: `// mta-sts-lint ${m.inline === 'inline.js' ? './inline' : './full/inline'} entry: generated by wasm/build.mjs (glue + API + the .wasm as base64). Do not edit.`,
    },
    logLevel: 'warning',
  });
}

for (const f of readdirSync(dist).sort()) {
  const b = readFileSync(join(dist, f));
  console.log(`build:wasm: ${relative(root, join(dist, f)).padEnd(32)} ${String(b.length).padStart(8)} B  gzip ${String(gzipSync(b, { level: 9 }).length).padStart(7)} B`);
}
for (const f of ['node.js', 'index.js', 'inline.js', 'full-node.js', 'full-index.js', 'full-inline.js']) {
  if (!existsSync(join(dist, f))) throw new Error(`build:wasm: dist/${f} missing`);
}
