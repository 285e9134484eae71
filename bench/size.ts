// npm run bench:size — what each package entry costs in a browser bundle.
//
// Bundles every entry of package.json "exports" (root, extract, render) from its source with
// esbuild for the browser, minified, as a consumer's bundler would, twice: with chrono-node
// external (our code + zod + fast-deep-equal) and with chrono-node included. Each bundle keeps
// every export of its entry (a consumer using fewer functions gets less). Then "typical use":
// a few programs that import only some functions from the root entry, tree-shaken as a
// bundler would. Sizes are kB of 1,000 bytes; gzip is node:zlib at level 9. Checks the root entry
// against the budget of issue 6 (corroborate/core ≤ 60 kB min+gzip without chrono-node) and prints what is biggest
// in it (esbuild metafile).
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const root = join(import.meta.dirname, '..');
const ENTRIES = [
  { name: 'corroborate', file: 'src/index.ts' },
  { name: 'corroborate/core', file: 'src/core.ts' },
  { name: 'corroborate/extract', file: 'src/extract/index.ts' },
  { name: 'corroborate/render', file: 'src/render/index.ts' },
] as const;
const BUDGET_KB = 60;

interface Size {
  min: number;
  gzip: number;
  metafile: Metafile;
}

/** A few lines a consumer might write: what importing only some of the root's functions costs. */
const TYPICAL = [
  { name: '{ reconcile, toJSON }', code: "import { reconcile, toJSON } from './src/index.ts';\nexport default (r) => toJSON(reconcile(r));" },
  { name: '{ compareArticles, toMarkdown }', code: "import { compareArticles, toMarkdown } from './src/index.ts';\nexport default (a) => toMarkdown(compareArticles(a));" },
  { name: '{ fuse }', code: "import { fuse } from './src/index.ts';\nexport default (c) => fuse(c);" },
] as const;

async function bundle(file: string | { code: string }, external: string[]): Promise<Size> {
  const result = await build({
    absWorkingDir: root,
    ...(typeof file === 'string' ? { entryPoints: [file] } : { stdin: { contents: file.code, resolveDir: root, loader: 'ts' as const } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const out = result.outputFiles[0]!.contents;
  return { min: out.byteLength, gzip: gzipSync(out, { level: 9 }).byteLength, metafile: result.metafile };
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** Bytes in the output per package (node_modules/<name>) or per src/ folder. */
function breakdown(metafile: Metafile): Array<[string, number]> {
  const groups = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const key = pkg ? pkg : path.replace(/^src\/([^/]+)\/.*$/, 'src/$1/').replace(/^src\/[^/]+\.ts$/, 'src/*.ts');
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

/** Minified bytes of zod in a bundle. */
function zodBytes(metafile: Metafile): number {
  return breakdown(metafile).find(([group]) => group === 'zod')?.[1] ?? 0;
}

function biggestFiles(metafile: Metafile, n: number): Array<[string, number]> {
  const files: Array<[string, number]> = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) files.push([path, bytesInOutput]);
  }
  return files.sort((a, b) => b[1] - a[1]).slice(0, n);
}

const rows: string[][] = [];
let rootSize: Size | undefined;
let coreSize: Size | undefined;
for (const entry of ENTRIES) {
  const without = await bundle(entry.file, ['chrono-node']);
  const withChrono = await bundle(entry.file, []);
  if (entry.name === 'corroborate') rootSize = without;
  if (entry.name === 'corroborate/core') coreSize = without;
  rows.push([entry.name, kB(without.min), kB(without.gzip), kB(withChrono.min), kB(withChrono.gzip), kB(zodBytes(without.metafile))]);
}
const typical: string[][] = [];
for (const use of TYPICAL) {
  const without = await bundle(use, ['chrono-node']);
  const withChrono = await bundle(use, []);
  typical.push([`import ${use.name}`, kB(without.min), kB(without.gzip), kB(withChrono.min), kB(withChrono.gzip), kB(zodBytes(without.metafile))]);
}

const header = ['entry', 'min (no chrono)', 'min+gzip (no chrono)', 'min (with chrono)', 'min+gzip (with chrono)', 'zod in min'];
const widths = header.map((h, i) => Math.max(h.length, ...[...rows, ...typical].map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log('Browser bundles (esbuild, minified, ESM, es2022), kB = 1,000 bytes, gzip level 9:\n');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('\nTypical use (only these functions imported from the root entry, tree-shaken):\n');
for (const row of typical) console.log(line(row));

// The budget is the core's: corroborate/core (model, values, reconcile, Reconciler, toJSON) is
// what a browser or worker bundles to reconcile; the root entry carries every part for scripts.
const gz = coreSize!.gzip / 1000;
console.log(`\ncorroborate/core without chrono-node: ${gz.toFixed(1)} kB min+gzip, budget ≤ ${BUDGET_KB} kB: ${gz <= BUDGET_KB ? 'PASS' : 'MISS'}`);
console.log(`root entry (every part) without chrono-node: ${(rootSize!.gzip / 1000).toFixed(1)} kB min+gzip`);

console.log('\nWhere the root bundle goes (minified bytes before gzip, chrono-node external):');
for (const [group, bytes] of breakdown(rootSize!.metafile)) {
  if (bytes >= 500) console.log(`  ${group.padEnd(28)} ${kB(bytes).padStart(6)} kB`);
}
console.log('\nLargest files:');
for (const [path, bytes] of biggestFiles(rootSize!.metafile, 8)) console.log(`  ${path.padEnd(60)} ${kB(bytes).padStart(6)} kB`);

// The schemas use zod/mini (`import * as z from 'zod/mini'`: plain functions a bundler drops when
// unused). Classic zod ('zod') has chainable methods no bundler can drop (~60 kB more), and as
// `import { z } from 'zod'` a namespace object that pulls in all ~60 locales (~260 kB). Of the
// locales only English belongs in a bundle (src/model/zod-config.ts installs it, as classic zod would).
const rootInputs = Object.keys(Object.values(rootSize!.metafile.outputs)[0]!.inputs);
const classicZod = rootInputs.filter((p) => p.includes('zod/v4/classic/'));
const otherLocales = rootInputs.filter((p) => /zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(p));
if (classicZod.length > 0 || otherLocales.length > 0) {
  const offenders = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.startsWith('cli'))
    .filter((f) => /^import [^;]* from 'zod(\/v4)?';/m.test(readFileSync(join(root, 'src', f), 'utf8')));
  console.log(`\nclassic zod (${classicZod.length} files) or other locales than English (${otherLocales.length} files) are bundled: import from 'zod/mini', not 'zod', in:`);
  for (const f of offenders) console.log(`  src/${f}`);
}
