// Error messages for the unions of the model. Zod says only "Invalid input" when every branch of
// a union fails; these say what was expected and what was found. They only set the message: the
// issue keeps its path and code (`invalid_union`), which callers may test.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;
/** What these messages read of a raw union issue: the input, and each branch's issues. */
interface UnionIssue {
  input?: unknown;
  errors?: readonly (readonly Issue[])[];
}

const DATE_EXPECTED = 'expected a calendar date YYYY-MM-DD or a date-time with an offset (2025-03-01T10:00:00+05:30)';

/**
 * The message for a value that is neither a calendar date nor a date-time with an offset.
 *
 * @example
 * dateMessage('2025-02-30'); // 'not a real date: 2025-02-30'
 */
export function dateMessage(input: unknown): string {
  if (typeof input !== 'string') return `${DATE_EXPECTED}; got ${typeName(input)}`;
  const shape = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(input);
  if (shape && !realDate(Number(shape[1]), Number(shape[2]), Number(shape[3]))) return `not a real date: ${input}`;
  // A date-time without an offset names no instant: 10:00 where?
  if (shape && shape[4] !== undefined && shape[7] === undefined) return `${DATE_EXPECTED}; got ${JSON.stringify(input)} (no offset)`;
  return `${DATE_EXPECTED}; got ${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)}`;
}

/** The error map of DateOrDateTimeSchema. */
export function dateUnionError(issue: UnionIssue): string {
  return dateMessage(issue.input);
}

/**
 * The error map of a union of value objects told apart by `kind`: an unknown kind is named with
 * the known ones; for a known kind, the first issue of the branch the value was meant for (a
 * phrase value when it has a `phrase`, else the typed value), with its path inside the value.
 *
 * @example
 * z.union([ValueSchema, PhraseValueSchema], { error: valueUnionError(VALUE_KINDS, PHRASE_KINDS) });
 */
export function valueUnionError(kinds: readonly string[], phraseKinds: readonly string[]) {
  return (issue: UnionIssue): string | undefined => {
    const input = issue.input;
    const known = kinds.join(', ');
    if (!input || typeof input !== 'object' || Array.isArray(input)) return `expected a value object {"kind": …} (kind one of ${known}); got ${typeName(input)}`;
    const record = input as Record<string, unknown>;
    if (record.kind === undefined) return `missing "kind" (expected one of ${known})`;
    if (typeof record.kind !== 'string' || !kinds.includes(record.kind)) return `unknown value kind ${JSON.stringify(record.kind)} (expected one of ${known})`;
    // Branch 0 holds the typed values, branch 1 the phrase values (see ValueInputSchema).
    const phrase = 'phrase' in record && phraseKinds.includes(record.kind);
    const branch = issue.errors?.[phrase ? 1 : 0] ?? [];
    const first = firstIssue(branch);
    return first ? describe(first, record) : undefined;
  };
}

/** The first issue of a branch that is about a field; an unknown key only when there is no other. */
function firstIssue(issues: readonly Issue[]): Issue | undefined {
  return issues.find((i) => i.code !== 'unrecognized_keys') ?? issues[0];
}

function describe(issue: Issue, input: unknown): string {
  const where = issue.path.length ? `field ${JSON.stringify(relativePath(issue.path))}: ` : '';
  if (issue.code === 'invalid_type') {
    const found = at(input, issue.path);
    const expected = `expected ${article(issue.expected)} ${issue.expected}`;
    return `${where}${found === undefined ? `missing (${expected})` : `${expected}, got ${typeName(found)}`}`;
  }
  return `${where}${issue.message}`;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function relativePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** A JSON-minded name of a value's type: null, array, NaN and Infinity named as such. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
