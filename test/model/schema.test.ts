import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, ReportInputSchema, ValueSchema } from '../../src/index.js';

describe('JSON Schema', () => {
  it('the checked-in schema/corroborate.schema.json is what the model generates (run `npm run schema` if not)', () => {
    const onDisk = readFileSync(new URL('../../schema/corroborate.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(buildJsonSchema());
  });

  it.each([
    ['ReportInput', 'report.schema.json'],
    ['ReconcileResult', 'result.schema.json'],
  ] as const)('the checked-in schema rooted at %s (%s) is fresh and points at its root', (root, file) => {
    const onDisk = readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');
    expect(onDisk).toBe(buildJsonSchema(root));
    expect(JSON.parse(onDisk)).toMatchObject({ $ref: `#/$defs/${root}`, $id: `https://corroborate.dev/schema/${file}` });
  });

  it('defines the input report, the value union and the result, with resolvable refs', () => {
    const doc = JSON.parse(buildJsonSchema()) as { $defs: Record<string, unknown> };
    expect(Object.keys(doc.$defs).sort()).toEqual(['PlainJson', 'ReconcileResult', 'Report', 'ReportInput', 'Value']);
    const refs = [...buildJsonSchema().matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(doc.$defs)).toContain(ref!.replace('#/$defs/', ''));
  });
});

describe('model schemas', () => {
  it('accept ISO dates and date-times with offsets, reject others', () => {
    const base = { id: 'r', source: 's', claims: [] };
    expect(ReportInputSchema.safeParse({ ...base, publishedAt: '2021-02-08' }).success).toBe(true);
    expect(ReportInputSchema.safeParse({ ...base, publishedAt: '2021-02-08T10:30:00+05:30' }).success).toBe(true);
    expect(ReportInputSchema.safeParse({ ...base, publishedAt: null }).success).toBe(true);
    expect(ReportInputSchema.safeParse({ ...base, publishedAt: '08/02/2021' }).success).toBe(false);
    expect(ReportInputSchema.safeParse({ ...base, publishedAt: '2021-02-08T10:30:00' }).success).toBe(false);
  });

  it('rejects unknown keys and non-finite numbers in values', () => {
    expect(ValueSchema.safeParse({ kind: 'boolean', value: true, extra: 1 }).success).toBe(false);
    const q = { kind: 'quantity', value: 1, min: 1, max: 1, qualifier: 'exact', precision: 1 };
    expect(ValueSchema.safeParse(q).success).toBe(true);
    expect(ValueSchema.safeParse({ ...q, max: Infinity }).success).toBe(false);
    expect(ValueSchema.safeParse({ ...q, precision: 0 }).success).toBe(false);
  });
});
