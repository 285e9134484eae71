// Turning the CLI's arguments into input files: plain files, directories (walked) and glob
// patterns (expanded here, since Node 20 has no fs.glob and a quoted pattern reaches us as is).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** File endings read from a directory or a `**` pattern; others are skipped there. */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.text', '.json', '.ndjson', '.jsonl'];

/** What the arguments name: files in a stable order, whether stdin (`-`) is among them, and problems. */
export interface ExpandedInputs {
  files: string[];
  stdin: boolean;
  problems: string[];
}

/**
 * Expands CLI arguments: `-` is standard input, a directory stands for the input files under it
 * (hidden entries and node_modules skipped), an argument with `*`, `?` or `[` that is not an
 * existing file is a glob (`**` crosses directories). Each group comes out sorted, duplicates once.
 *
 * @example
 * expandInputs(['articles/', 'extra/*.txt', '-']);
 * // { files: ['articles/a.txt', 'articles/b.md', 'extra/c.txt'], stdin: true, problems: [] }
 */
export function expandInputs(args: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const problems: string[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const kind = statKind(arg);
    if (kind === 'dir') {
      const found = walk(arg);
      if (found.length === 0) problems.push(`${arg}: no input files in this directory (looked for ${INPUT_EXTENSIONS.join(' ')})`);
      files.push(...found);
    } else if (kind === null && /[*?[]/.test(arg)) {
      const found = expandGlob(arg);
      if (found.length === 0) problems.push(`${arg}: no files match this pattern`);
      files.push(...found);
    } else {
      files.push(arg); // a missing file is reported when it is read
    }
  }
  // One file named two ways (a.txt, ./a.txt) is read once.
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f))), stdin, problems };
}

function statKind(path: string): 'file' | 'dir' | null {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

function isInputFile(name: string): boolean {
  const lower = name.toLowerCase();
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function listDir(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((e) => ({ name: e.name, dir: e.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Input files under `root`, depth first, sorted by name at each level. */
function walk(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const subdirs: string[] = [];
    for (const entry of listDir(dir)) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.dir) subdirs.push(path);
      else if (isInputFile(entry.name)) out.push(path);
    }
    stack.push(...subdirs.reverse());
  }
  return out.sort();
}

/**
 * The existing paths a glob pattern matches, sorted. `*` and `?` stay inside one path segment
 * and skip names starting with a dot; `**` matches any number of directories; `[a-z]` and
 * `[!x]` are character classes.
 *
 * @example
 * expandGlob('reports/**\/*.json'); // ['reports/2024/a.json', 'reports/b.json']
 */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s.length > 0);
  const first = segments.findIndex((s) => /[*?[]/.test(s));
  const literal = segments.slice(0, first);
  const base = absolute ? `/${literal.join('/')}` : literal.join('/');
  const rest = segments.slice(first).map(compileSegment);
  const out = new Set<string>();
  // Each state: a directory (as the user would write it) and how many pattern segments remain.
  const stack: [string, number][] = [[base, 0]];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const [dir, at] = stack.pop()!;
    const key = `${at}\u0000${dir}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const seg = rest[at]!;
    const last = at === rest.length - 1;
    if (seg === GLOBSTAR) {
      // `**` matches zero directories (go on with the next segment here) or one more.
      if (last) {
        for (const file of walk(dir || '.')) out.add(dir ? file : file.replace(/^\.\//, ''));
        continue;
      }
      stack.push([dir, at + 1]);
      for (const entry of listDir(dir || '.')) {
        if (entry.dir && !entry.name.startsWith('.') && entry.name !== 'node_modules') stack.push([joinPath(dir, entry.name), at]);
      }
      continue;
    }
    for (const entry of listDir(dir || '.')) {
      if (!matchSegment(seg, entry.name)) continue;
      const path = joinPath(dir, entry.name);
      if (last) {
        if (!entry.dir) out.add(path);
      } else if (entry.dir) stack.push([path, at + 1]);
    }
  }
  return [...out].sort();
}

function joinPath(dir: string, name: string): string {
  return dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

type Token = { t: 'star' } | { t: 'any' } | { t: 'char'; c: string } | { t: 'class'; negate: boolean; ranges: [string, string][] };
const GLOBSTAR = Symbol('**');
type Segment = Token[] | typeof GLOBSTAR;

function compileSegment(segment: string): Segment {
  if (segment === '**') return GLOBSTAR;
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      if (tokens.at(-1)?.t !== 'star') tokens.push({ t: 'star' });
    } else if (c === '?') tokens.push({ t: 'any' });
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        tokens.push({ t: 'char', c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j]!, body[j + 2]!]);
          j += 2;
        } else ranges.push([body[j]!, body[j]!]);
      }
      tokens.push({ t: 'class', negate, ranges });
      i = close;
    } else tokens.push({ t: 'char', c });
  }
  return tokens;
}

function matchOne(token: Token, c: string): boolean {
  if (token.t === 'any') return true;
  if (token.t === 'char') return token.c === c;
  if (token.t === 'class') return token.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== token.negate;
  return false;
}

/** Wildcard match by the two-pointer method: O(name × pattern) at worst, never exponential. */
function matchSegment(tokens: Token[], name: string): boolean {
  if (name.startsWith('.') && !(tokens[0]?.t === 'char' && tokens[0].c === '.')) return false;
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const token = tokens[p];
    if (token && token.t === 'star') {
      star = p++;
      resume = n;
    } else if (token && matchOne(token, name[n]!)) {
      p++;
      n++;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (tokens[p]?.t === 'star') p++;
  return p === tokens.length;
}
