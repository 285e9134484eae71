// Where the public API takes arbitrary JSON (a claim's `{ kind: 'json', value }`, a fuse() value),
// a value that is not JSON must be a CorroborateError naming its path, never a TypeError from
// JSON.stringify (bigint) or a stack overflow (a cycle) deep inside.
import type { CorroborateIssue } from './model/index.js';

/** Deeper values are refused: the code that keys and compares JSON recurses. */
export const MAX_JSON_DEPTH = 256;

type Path = readonly (string | number)[];

/**
 * Why a value is not a JSON leaf: null for a leaf (string, finite number, boolean, null),
 * undefined for a container to look into (array, plain object), else the message.
 */
function leafProblem(value: unknown): string | null | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${value} is not a JSON value (numbers must be finite)`;
    case 'object': {
      if (value === null || Array.isArray(value)) return value === null ? null : undefined;
      const proto = Object.getPrototypeOf(value) as object | null;
      // A plain object of any realm: its prototype is null or a prototype whose own is null.
      if (proto === null || Object.getPrototypeOf(proto) === null) return undefined;
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return `${typeof name === 'string' && name ? `a ${name}` : 'an object with a prototype'} is not a JSON value (only plain objects and arrays)`;
    }
    case 'undefined':
      return 'undefined is not a JSON value';
    default:
      return `a ${typeof value} is not a JSON value`;
  }
}

/** Whether a container holds only JSON leaves: the common case (a typed time, a list of names), checked without allocating. */
function flat(node: object): boolean {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (leafProblem(node[i]) !== null) return false;
    return true;
  }
  for (const key in node) {
    if (Object.hasOwn(node, key) && leafProblem((node as Record<string, unknown>)[key]) !== null) return false;
  }
  return true;
}

function issue(path: Path, message: string): CorroborateIssue {
  return { path: [...path], message, code: 'not-json' };
}

/**
 * The first place where `value` is not plain JSON (a bigint, function, symbol, undefined,
 * non-finite number, non-plain object, a cycle, or nesting deeper than {@link MAX_JSON_DEPTH}),
 * as an issue whose path starts with `at`; null when it is JSON. Walks with an explicit stack.
 *
 * @example
 * const o: Record<string, unknown> = {};
 * o.self = o;
 * jsonIssue({ a: [1, o] }, ['value']); // { path: ['value', 'a', 1, 'self'], message: '… a cycle …', code: 'not-json' }
 */
export function jsonIssue(value: unknown, at: Path = []): CorroborateIssue | null {
  const leaf = leafProblem(value);
  if (leaf !== undefined) return leaf === null ? null : issue(at, leaf);
  if (flat(value as object)) return null;
  const open = new Set<object>([value as object]);
  const frames: { node: Record<string | number, unknown>; keys: (string | number)[]; next: number; path: Path }[] = [];
  const enter = (node: object, path: Path) => {
    const keys = Array.isArray(node) ? Array.from(node, (_, i) => i) : Object.keys(node);
    frames.push({ node: node as Record<string | number, unknown>, keys, next: 0, path });
  };
  enter(value as object, at);
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!;
    if (top.next === top.keys.length) {
      open.delete(top.node);
      frames.pop();
      continue;
    }
    const key = top.keys[top.next++]!;
    const child = top.node[key];
    const problem = leafProblem(child);
    if (problem === null) continue;
    const path = [...top.path, key];
    if (problem !== undefined) return issue(path, problem);
    if (open.has(child as object)) return issue(path, 'refers back to a value that contains it (a cycle), which is not JSON');
    if (frames.length >= MAX_JSON_DEPTH) return issue(path, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
    open.add(child as object);
    enter(child as object, path);
  }
  return null;
}
