import * as z from 'zod/mini';
import { CorroborateError, ReconcileResultSchema, fromZodIssues, invalidArgument, type ReconcileResult } from '../model/index.js';

// The options' shape, so a JavaScript caller's `null` is named rather than a TypeError.
const JsonOptionsSchema = z.looseObject({ indent: z.optional(z.number()) });

/**
 * The result as stable JSON text: the same result always gives the same bytes (keys in schema
 * order, findings conflicts first), ready to diff or store. `version` names the contract.
 *
 * @example
 * const text = toJSON(reconcile(reports));
 * JSON.parse(text).version; // 1
 */
export function toJSON(result: ReconcileResult, options: { indent?: number } = {}): string {
  const parsed = ReconcileResultSchema.safeParse(result);
  if (!parsed.success) throw new CorroborateError('toJSON() expects a reconcile() result', fromZodIssues(parsed.error.issues));
  const checked = JsonOptionsSchema.safeParse(options);
  if (!checked.success) throw invalidArgument('toJSON', 'options', fromZodIssues(checked.error.issues));
  // Parsing rebuilds every object in schema key order, so the bytes do not depend on how the
  // caller built or edited the result.
  return `${JSON.stringify(parsed.data, null, options.indent ?? 2)}\n`;
}
