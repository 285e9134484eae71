import type * as z from 'zod/mini';

/**
 * A problem with an input, as plain data: where (`path`) and what (`message`).
 *
 * @example
 * const issue: CorroborateIssue = { path: [0, 'claims', 0, 'value', 'min'], message: 'min 100 is above max 5', code: 'custom' };
 */
export interface CorroborateIssue {
  /** JSON path into the input, e.g. `[0, 'claims', 2, 'value', 'phrase']`. */
  path: (string | number)[];
  message: string;
  /** A stable code: a zod issue code, or one of ours (`evidence-mismatch`, `unparseable`, `duplicate-report`). */
  code: string;
  /** 1-based line in a text input (front matter), when the problem has one. */
  line?: number;
}

/**
 * The one error class corroborate throws for bad input. It carries every problem found,
 * each with the JSON path where it is.
 *
 * @example
 * try {
 *   reconcile(JSON.parse('[{ "id": "a" }]')); // a report without its source
 * } catch (error) {
 *   if (error instanceof CorroborateError) console.log(error.issues[0]?.path); // [0, 'source']
 * }
 */
export class CorroborateError extends Error {
  override readonly name = 'CorroborateError';
  readonly issues: CorroborateIssue[];

  constructor(message: string, issues: CorroborateIssue[] = []) {
    super(issues.length ? `${message}\n${issues.map(formatIssue).join('\n')}` : message);
    this.issues = issues;
  }
}

/**
 * Renders an issue as `path: message`, the path in JSON-path style (`$[0].claims[2].value`).
 *
 * @example
 * formatIssue({ path: [0, 'source'], message: 'Required', code: 'invalid_type' }); // '$[0].source: Required'
 */
export function formatIssue(issue: CorroborateIssue): string {
  return `${issue.line !== undefined ? `line ${issue.line}: ` : ''}${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * A JSON path in the `$[0].claims[2]` style.
 *
 * @example
 * formatPath([0, 'claims', 2]); // '$[0].claims[2]'
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * The error of a public function given a bad argument, worded as the argument-checked wrappers
 * word it: `name(): invalid argument "param"`, with each issue's path under `param`.
 *
 * @example
 * throw invalidArgument('toJSON', 'options', fromZodIssues(parsed.error.issues));
 */
export function invalidArgument(name: string, param: string, issues: readonly CorroborateIssue[]): CorroborateError {
  return new CorroborateError(`${name}(): invalid argument "${param}"`, issues.map((issue) => ({ ...issue, path: [param, ...issue.path] })));
}

/**
 * Throws {@link invalidArgument} unless `value` is a string: for public functions whose
 * JavaScript callers may pass anything (a TypeError from inside would name no argument).
 *
 * @example
 * expectString('splitSentences', 'text', text);
 */
export function expectString(name: string, param: string, value: unknown): asserts value is string {
  if (typeof value === 'string') return;
  const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw invalidArgument(name, param, [{ path: [], message: `expected a string, received ${found}`, code: 'invalid_type' }]);
}

/** Converts zod issues to ours, prefixing their paths. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): CorroborateIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
    code: issue.code,
  }));
}
