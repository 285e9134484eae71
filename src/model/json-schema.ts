import { z } from 'zod';
import { ReconcileResultSchema } from './finding.js';
import { ReportInputSchema, ReportSchema } from './report.js';
import { PlainJsonSchema, ValueSchema } from './value.js';

/**
 * The JSON Schema (draft 2020-12) of corroborate's data: the input report, the typed value
 * and the reconcile result, generated from the zod model so the two cannot drift.
 *
 * @example
 * JSON.parse(buildJsonSchema()).$defs.ReportInput; // the schema of one input report
 */
export function buildJsonSchema(): string {
  const registry = z.registry<{ id: string }>();
  registry.add(ReportInputSchema, { id: 'ReportInput' });
  registry.add(ReportSchema, { id: 'Report' });
  registry.add(ValueSchema, { id: 'Value' });
  registry.add(PlainJsonSchema, { id: 'PlainJson' });
  registry.add(ReconcileResultSchema, { id: 'ReconcileResult' });
  const generated = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/$defs/${id}` });
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://corroborate.dev/schema/corroborate.schema.json',
    title: 'corroborate',
    description: 'Reports with claims (input) and reconcile results (output), version 1.',
    $defs: Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => [id, stripSchemaKey(schema)])),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function stripSchemaKey(schema: object): object {
  // Each definition lives under $defs of one document, so its own $schema and $id go.
  const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}
