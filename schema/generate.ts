// Writes schema/corroborate.schema.json from the zod model (npm run schema).
// A test fails when the checked-in file differs from what this produces.
import { writeFileSync } from 'node:fs';
import { buildJsonSchema } from '../src/model/json-schema.js';

writeFileSync(new URL('./corroborate.schema.json', import.meta.url), buildJsonSchema());
process.stdout.write('wrote schema/corroborate.schema.json\n');
