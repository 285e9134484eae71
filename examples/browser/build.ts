// Bundles the library's public entry for browsers: one minified IIFE script that defines the
// global `corroborate` (so index.html works from a file: URL, with no server and no module
// loader). `npm run build:browser` writes examples/browser/corroborate.js (git-ignored).
// The platform is 'browser': a Node built-in anywhere in the core fails this build.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What one build produced: sizes, and the source files that went in (relative to the repo). */
export interface BrowserBundle {
  outfile: string;
  bytes: number;
  gzipBytes: number;
  inputs: string[];
}

/**
 * Builds the browser bundle into `outfile`.
 *
 * @example
 * const { gzipBytes } = await buildBrowserBundle('/tmp/corroborate.js');
 */
export async function buildBrowserBundle(outfile: string): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'corroborate',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    metafile: true,
    outfile,
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
  const code = readFileSync(outfile);
  return {
    outfile,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p))),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = join(root, 'examples', 'browser', 'corroborate.js');
  const bundle = await buildBrowserBundle(out);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${relative(process.cwd(), out)}: ${kb(bundle.bytes)} minified, ${kb(bundle.gzipBytes)} gzipped (${bundle.inputs.length} modules)`);
}
