// Helpers the root entry offers whose implementations trust their callers (internal code passes
// them checked data): here they check their arguments first, so a caller's mistake is a
// CorroborateError naming the argument, not a TypeError from inside.
import * as z from 'zod/mini';
import { CorroborateError, fromZodIssues, formatIssue as formatIssueRaw, formatPath as formatPathRaw, type CorroborateIssue } from './model/index.js';
import { buildJsonSchema as buildJsonSchemaRaw } from './model/json-schema.js';
import * as dependence from './reconcile/dependence.js';
import { validateOptions } from './reconcile/options.js';

export type { DependenceInput, DependentPair, TextRange, WireCredit } from './reconcile/dependence.js';
import type { DependenceInput, DependentPair, WireCredit } from './reconcile/dependence.js';

/**
 * The documents {@link buildJsonSchema} can root a schema at: one input report, or one result.
 *
 * @example
 * const root: JsonSchemaRoot = 'ReconcileResult';
 */
export type JsonSchemaRoot = 'ReportInput' | 'ReconcileResult';

/**
 * Built-in wire agencies: canonical name first, then other names. Acronyms are matched
 * case-sensitively (so "ap" or "Uni" are never agencies). A frozen copy: add agencies with
 * `options.dependence.wires`.
 *
 * @example
 * KNOWN_WIRES.find((names) => names.includes('Press Trust of India'))?.[0]; // 'PTI'
 */
export const KNOWN_WIRES: readonly (readonly string[])[] = /* @__PURE__ */ Object.freeze(dependence.KNOWN_WIRES.map((names) => Object.freeze([...names])));

/**
 * The defaults of {@link DependenceOptions} (a frozen copy: changing it cannot change them).
 *
 * @example
 * DEFAULT_DEPENDENCE.threshold; // 0.1
 * reconcile(reports, { dependence: { threshold: DEFAULT_DEPENDENCE.threshold * 2 } });
 */
export const DEFAULT_DEPENDENCE: Readonly<Required<Omit<dependence.DependenceOptions, 'wires'>>> = /* @__PURE__ */ Object.freeze({ ...dependence.DEFAULT_DEPENDENCE });

function check(name: string, param: string, schema: z.ZodMiniType, value: unknown): void {
  const result = schema.safeParse(value);
  if (!result.success) throw new CorroborateError(`${name}(): invalid argument "${param}"`, fromZodIssues(result.error.issues, [param]));
}

const pathSchema = z.readonly(z.array(z.union([z.string(), z.number()])));
const issueSchema = z.looseObject({ path: pathSchema, message: z.string(), line: z.optional(z.number()) });
const wiresSchema = z.optional(z.readonly(z.array(z.readonly(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))))));
const inputsSchema = z.readonly(
  z.array(
    z.looseObject({
      id: z.string().check(z.minLength(1)),
      text: z.optional(z.string()),
      source: z.optional(z.union([z.string(), z.looseObject({ id: z.string() })])),
    }),
  ),
);

/**
 * Renders an issue as `path: message`, the path in JSON-path style (`$[0].claims[2].value`).
 *
 * @example
 * formatIssue({ path: [0, 'source'], message: 'Required', code: 'invalid_type' }); // '$[0].source: Required'
 */
export function formatIssue(issue: CorroborateIssue): string {
  check('formatIssue', 'issue', issueSchema, issue);
  return formatIssueRaw(issue);
}

/**
 * A JSON path in the `$[0].claims[2]` style.
 *
 * @example
 * formatPath([0, 'claims', 2]); // '$[0].claims[2]'
 */
export function formatPath(path: readonly (string | number)[]): string {
  check('formatPath', 'path', pathSchema, path);
  return formatPathRaw(path);
}

/**
 * The JSON Schema (draft 2020-12) of corroborate's data, generated from the zod model: without
 * `root`, every definition under `$defs` (schema/corroborate.schema.json); with a root, a
 * document that validates that one thing (schema/report.schema.json, schema/result.schema.json).
 *
 * @example
 * JSON.parse(buildJsonSchema()).$defs.ReportInput.type; // 'object'
 * JSON.parse(buildJsonSchema('ReconcileResult')).$ref; // '#/$defs/ReconcileResult'
 */
export function buildJsonSchema(root?: JsonSchemaRoot): string {
  check('buildJsonSchema', 'root', z.optional(z.enum(['ReportInput', 'ReconcileResult'])), root);
  return buildJsonSchemaRaw(root);
}

/**
 * The wire credits of a text: a dateline ("Kavalpur, May 5 (UNW)", "NEW DELHI (Reuters) -"), a
 * credit closing a paragraph ("…at sea. (PTI)"), "(With inputs from PTI and ANI)", and for
 * known agencies "told Reuters", "according to PTI". `extraWires` adds agencies, one group of
 * names each, the canonical name first.
 *
 * @example
 * wireCredits('New Delhi, Feb 8 (PTI) The government said it would respond.').map((c) => c.wire); // ['PTI']
 */
export function wireCredits(text: string, extraWires?: readonly (readonly string[])[]): WireCredit[] {
  check('wireCredits', 'text', z.string(), text);
  check('wireCredits', 'extraWires', wiresSchema, extraWires);
  return dependence.wireCredits(text, extraWires);
}

/**
 * Finds which reports copy each other, from their text (as reconcile() does): shared wording
 * outside quotes (8-word shingles by default) and credits of the same wire agency. Returns every
 * pair with any evidence, sorted by ids; reconcile() keeps those at or above
 * `options.threshold`. Reports without `text` take no part.
 *
 * @example
 * const pairs = findDependence([
 *   { id: 'a', text: 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft. (PTI)' },
 *   { id: 'b', text: 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft, officials said.' },
 * ]);
 * pairs[0]?.reports; // ['a', 'b']
 */
export function findDependence(reports: readonly DependenceInput[], options?: dependence.DependenceOptions): DependentPair[] {
  check('findDependence', 'reports', inputsSchema, reports);
  try {
    validateOptions({ dependence: options });
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error;
    // validateOptions names ['options', 'dependence', …]: here the options are the argument itself.
    throw new CorroborateError('findDependence(): invalid argument "options"', error.issues.map((i) => ({ ...i, path: ['options', ...i.path.slice(2)] })));
  }
  return dependence.findDependence(reports, options);
}
