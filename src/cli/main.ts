// The `corroborate` command. The CLI is the only place in src/ that touches Node built-ins.
import { createRequire } from 'node:module';
import { usageError } from './args.js';
import { COMPARE_USAGE, runCompare } from './compare.js';
import { runFuse } from './fuse.js';

const USAGE = `corroborate — line up the facts of several news reports and say where they agree

Commands:
  corroborate compare INPUT...        compare articles and reports, fact by fact
  corroborate reconcile INPUT...      the same, the name kept for claims files
  corroborate fuse --input FILE.ndjson  truth discovery over structured claims

  corroborate COMMAND --help          help on one command
  corroborate --version               the version

${COMPARE_USAGE}`;

/** The package version, read from package.json (two levels up from src/cli and dist/cli). */
function version(): string {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === undefined) return usageError('corroborate', 'no command given (compare, reconcile or fuse)');
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'compare' || command === 'reconcile') return runCompare(rest, command);
  if (command === 'fuse') return runFuse(rest);
  return usageError('corroborate', `unknown command "${command}" (compare, reconcile or fuse)`);
}

// A closed pipe (corroborate … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
void main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`corroborate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
