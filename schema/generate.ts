// Writes the JSON Schemas under schema/ from the zod model (npm run schema): every definition
// (corroborate.schema.json), one input report (report.schema.json), one result (result.schema.json).
// A test fails when a checked-in file differs from what this produces.
import { writeFileSync } from 'node:fs';
import { buildJsonSchema, jsonSchemaFile, type JsonSchemaRoot } from '../src/model/json-schema.js';

writeFileSync(new URL('./corroborate.schema.json', import.meta.url), buildJsonSchema());
for (const root of ['ReportInput', 'ReconcileResult'] as JsonSchemaRoot[]) {
  writeFileSync(new URL(`./${jsonSchemaFile(root)}`, import.meta.url), buildJsonSchema(root));
}
process.stdout.write('wrote schema/corroborate.schema.json, schema/report.schema.json, schema/result.schema.json\n');
