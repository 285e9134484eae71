import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + declarations, no Node built-ins inside. Four entries (package.json
    // "exports"): the root, corroborate/core, corroborate/extract and corroborate/render. Code they share goes into
    // shared chunks in both formats, so CorroborateError is one class whichever entry threw it.
    entry: { index: 'src/index.ts', core: 'src/core.ts', extract: 'src/extract/index.ts', render: 'src/render/index.ts' },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // The CLI: ESM only, Node platform.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
