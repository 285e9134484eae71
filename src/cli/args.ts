// What the commands share about their arguments: short usage errors, negative numbers as option
// values, and output files named in one-line errors.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Prints a usage error as one line and where the help is (not the whole help, which would bury
 * the message), and returns the exit status 2.
 *
 * @example
 * return usageError('corroborate compare', '--format must be …');
 * // corroborate: --format must be …
 * // Run 'corroborate compare --help' for usage.
 */
export function usageError(command: string, message: string, prefix = 'corroborate'): number {
  process.stderr.write(`${prefix}: ${message}\nRun '${command} --help' for usage.\n`);
  return 2;
}

/**
 * The arguments with `--name -1` joined into `--name=-1` for the named string options, since
 * parseArgs takes a value starting with "-" for an option and stops ("argument is ambiguous").
 *
 * @example
 * joinNegativeValues(['--relative-tolerance', '-1'], ['relative-tolerance']); // ['--relative-tolerance=-1']
 */
export function joinNegativeValues(argv: readonly string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (next !== undefined && options.includes(arg.slice(2)) && arg.startsWith('--') && /^-\.?\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Why `file` cannot be written, checked before the work starts (so a long run does not end in a
 * write error): its folder is missing or not a folder, or it is a folder; null when it looks writable.
 *
 * @example
 * outputProblem('/nonexistent/x.md'); // 'cannot write /nonexistent/x.md: no such directory'
 */
export function outputProblem(file: string): string | null {
  const folder = kind(dirname(file));
  if (folder !== 'dir') return `cannot write ${file}: ${folder === null ? 'no such directory' : 'not a directory'}`;
  return kind(file) === 'dir' ? `cannot write ${file}: is a directory` : null;
}

/**
 * A failed write of `file` as one line, the system error in words.
 *
 * @example
 * writeProblem('/x/y.md', Object.assign(new Error('…'), { code: 'ENOENT' })); // 'cannot write /x/y.md: no such directory'
 */
export function writeProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such directory',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return `cannot write ${file}: ${(code && words[code]) ?? (error as Error).message}`;
}

function kind(path: string): 'dir' | 'file' | null {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}
