// Report ids for input files: the file name without extension, and where two inputs share that
// name (min1/a.md, min2/a.md), the shortest end of the path that tells them apart.
import { basename, extname, resolve, sep } from 'node:path';

/**
 * The report id of each file: its base name when no other input has it, else the shortest
 * path suffix no other input with that base name ends in (`min1/a`, `min2/a`), "/"-separated.
 * Depends only on the set of files, not their order.
 *
 * @example
 * reportNames(['min1/a.md', 'min2/a.md', 'b.md']); // Map { 'min1/a.md' => 'min1/a', 'min2/a.md' => 'min2/a', 'b.md' => 'b' }
 */
export function reportNames(files: readonly string[]): Map<string, string> {
  const segments = new Map(files.map((file) => [file, [...resolve(file).split(sep).slice(0, -1).filter((s) => s !== ''), basename(file, extname(file))]]));
  const byBase = new Map<string, string[]>();
  for (const [file, parts] of segments) {
    const base = parts[parts.length - 1]!;
    byBase.set(base, [...(byBase.get(base) ?? []), file]);
  }
  const names = new Map<string, string>();
  const suffix = (parts: string[], k: number) => parts.slice(Math.max(0, parts.length - k)).join('/');
  for (const group of byBase.values()) {
    let open = group;
    // Counting each length's suffixes over the whole group keeps this linear in its size.
    for (let k = 1; open.length > 0; k++) {
      const count = new Map<string, number>();
      for (const file of group) count.set(suffix(segments.get(file)!, k), (count.get(suffix(segments.get(file)!, k)) ?? 0) + 1);
      open = open.filter((file) => {
        const parts = segments.get(file)!;
        const name = suffix(parts, k);
        if (count.get(name) === 1 || k >= parts.length) names.set(file, name);
        return !names.has(file);
      });
    }
  }
  return names;
}
