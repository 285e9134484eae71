import * as z from 'zod/mini';
import { ReconcileResultSchema } from './finding.js';
import { ReportInputSchema, ReportSchema } from './report.js';
import { PlainJsonSchema, ValueSchema } from './value.js';

/** The documents a schema can be rooted at: one input report, or one reconcile result. */
export type JsonSchemaRoot = 'ReportInput' | 'ReconcileResult';

const FILES: Record<JsonSchemaRoot, { file: string; description: string }> = {
  ReportInput: { file: 'report.schema.json', description: 'One report as corroborate reads it (a JSON input file, or one NDJSON line).' },
  ReconcileResult: { file: 'result.schema.json', description: 'The result of reconcile() and of `corroborate compare --format json`, version 1.' },
};

/**
 * The JSON Schema (draft 2020-12) of corroborate's data, generated from the zod model so the
 * two cannot drift. Without `root`, every definition under `$defs` (schema/corroborate.schema.json);
 * with a root, a document that validates that one thing (schema/report.schema.json,
 * schema/result.schema.json).
 *
 * @example
 * JSON.parse(buildJsonSchema()).$defs.ReportInput; // the schema of one input report
 * JSON.parse(buildJsonSchema('ReconcileResult')).$ref; // '#/$defs/ReconcileResult'
 */
export function buildJsonSchema(root?: JsonSchemaRoot): string {
  const registry = z.registry<{ id: string }>();
  registry.add(ReportInputSchema, { id: 'ReportInput' });
  registry.add(ReportSchema, { id: 'Report' });
  registry.add(ValueSchema, { id: 'Value' });
  registry.add(PlainJsonSchema, { id: 'PlainJson' });
  registry.add(ReconcileResultSchema, { id: 'ReconcileResult' });
  const generated = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/$defs/${id}` });
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://corroborate.dev/schema/${root ? FILES[root].file : 'corroborate.schema.json'}`,
    title: root ? `corroborate ${root}` : 'corroborate',
    description: root ? FILES[root].description : 'Reports with claims (input) and reconcile results (output), version 1.',
    ...(root && { $ref: `#/$defs/${root}` }),
    $defs: Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => [id, stripSchemaKey(schema)])),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function stripSchemaKey(schema: object): object {
  // Each definition lives under $defs of one document, so its own $schema and $id go.
  const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/**
 * The file name under schema/ of each rooted schema.
 *
 * @example
 * jsonSchemaFile('ReportInput'); // 'report.schema.json'
 */
export function jsonSchemaFile(root: JsonSchemaRoot): string {
  return FILES[root].file;
}
