#!/usr/bin/env node
// npm run test:pack — the package as a user gets it. Packs the built package (run `npm run build`
// first), installs the tarball into an empty project in a temp directory (its dependencies come
// from the registry), and runs there, as ESM (`import`) and as CommonJS (`require`):
//   - the README's first example under "## Using the library", taken from README.md itself so the
//     two cannot drift (for CJS, `import { a, b } from 'corroborate'` becomes a `require`);
//   - the subpath entries corroborate/extract and corroborate/render, which must hand out the very
//     same functions and error class as the root;
//   - the installed bin: `npx corroborate --version`.
// Set KEEP_PACK_TEST=1 to keep the temp directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/extract.js', 'dist/render.cjs', 'dist/cli/main.js']) {
  if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

/** The first ```ts block under "## Using the library" in README.md; it must import from 'corroborate'. */
function readmeExample() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Using the library\s*$/m)[1];
  assert.ok(section !== undefined, 'README.md has no "## Using the library" section');
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(section.split(/^## /m)[0]);
  assert.ok(block, 'no ```ts block under "## Using the library" in README.md');
  const code = block[1];
  assert.match(code, /^import \{[^}]+\} from 'corroborate';$/m, "the README example should import from 'corroborate'");
  return code;
}

/** `import { a, b } from 'x';` → `const { a, b } = require('x');` (every such line). */
function toCommonJs(code) {
  const out = code.replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, names, from) => `const {${names}} = require('${from}');`);
  assert.doesNotMatch(out, /^import /m, 'an import the CJS rewrite does not handle');
  return out;
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

const example = readmeExample();

// The subpath entries, checked the same way from both module systems.
const subpathChecks = (load) => `
const root = ${load('corroborate')};
const extractEntry = ${load('corroborate/extract')};
const renderEntry = ${load('corroborate/render')};
const coreEntry = ${load('corroborate/core')};
const check = (ok, what) => { if (!ok) { console.error('FAIL: ' + what); process.exit(1); } };
for (const name of ['extract', 'parseArticle', 'splitSentences']) check(extractEntry[name] === root[name], 'corroborate/extract ' + name + ' is the root export');
for (const name of ['toJSON', 'toMarkdown', 'toClaimReview', 'toHtml']) check(renderEntry[name] === root[name], 'corroborate/render ' + name + ' is the root export');
for (const name of ['reconcile', 'createReconciler', 'Reconciler', 'toJSON', 'compareValues', 'CorroborateError']) check(coreEntry[name] === root[name], 'corroborate/core ' + name + ' is the root export');
check(!('extract' in coreEntry) && !('toHtml' in coreEntry), 'corroborate/core leaves extraction and rendering out');
const report = extractEntry.extract('Police said 40 people were hurt on Monday.', { id: 'a', source: 'A', publishedAt: '2021-02-09' });
check(report.claims.some((c) => c.evidence && c.evidence.text === '40 people'), 'extract finds the count');
let thrown;
try { extractEntry.extract(42); } catch (error) { thrown = error; }
check(thrown instanceof root.CorroborateError, 'an error from corroborate/extract is the root CorroborateError');
const json = JSON.parse(renderEntry.toJSON(root.reconcile([report])));
check(json.version === 1 && json.findings.length > 0, 'corroborate/render toJSON');
console.log('subpaths ok');
`;

const dir = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  const tarball = join(dir, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  console.log(`packed ${packed[0].filename}: ${files.length} files, ${(packed[0].size / 1000).toFixed(1)} kB (unpacked ${(packed[0].unpackedSize / 1000).toFixed(1)} kB)`);
  for (const f of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/extract.d.cts', 'schema/corroborate.schema.json']) {
    assert.ok(files.includes(f), `${f} is in the tarball`);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'no sources or tests in the tarball');

  const app = join(dir, 'app');
  rmSync(app, { recursive: true, force: true });
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'corroborate-pack-test', version: '0.0.0', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);

  writeFileSync(join(app, 'example.mjs'), example);
  writeFileSync(join(app, 'example.cjs'), toCommonJs(example));
  writeFileSync(join(app, 'subpaths.mjs'), subpathChecks((m) => `await import('${m}')`));
  writeFileSync(join(app, 'subpaths.cjs'), subpathChecks((m) => `require('${m}')`));

  for (const file of ['example.mjs', 'example.cjs']) {
    const out = run(process.execPath, [file], app);
    assert.match(out, /^# corroborate: 2 reports/m, `${file} prints the Markdown report`);
    assert.match(out, /\*\*conflict\*\*/, `${file}: the day conflicts`);
    assert.match(out, /2024-05-06/, `${file}: the first report's day`);
    console.log(`${file}: ok (${out.split('\n')[2]})`);
  }
  for (const file of ['subpaths.mjs', 'subpaths.cjs']) {
    assert.match(run(process.execPath, [file], app), /subpaths ok/);
    console.log(`${file}: ok`);
  }
  const version = run('npx', ['--no-install', 'corroborate', '--version'], app).trim();
  assert.match(version, new RegExp(`\\b${pkg.version.replaceAll('.', '\\.')}\\b`), 'npx corroborate --version');
  console.log(`npx corroborate --version: ${version}`);
  console.log('pack test: PASS');
} finally {
  if (process.env.KEEP_PACK_TEST) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
