// Compile-time cases for the typed inputs (checked by `npm run typecheck` and by
// typed-inputs.test.ts): each `@ts-expect-error TSnnnn` line names the error the next line must
// raise. Never run.
import { compareArticles, createReconciler, reconcile, toHtml, type ReconcileResult, type ReportInput } from '../../src/index.js';

export function cases(result: ReconcileResult): void {
  // @ts-expect-error TS2561 a typo'd field: `sorce` for `source`
  reconcile([{ id: 'a', sorce: 'A', claims: [] }]);
  // @ts-expect-error TS2741 a required field missing
  reconcile([{ id: 'a', claims: [] }]);
  // @ts-expect-error TS2561 a typo'd claim field: `atribute`
  createReconciler().add({ id: 'a', source: 'A', claims: [{ subject: 's', atribute: 'x', value: { kind: 'boolean', value: true } }] });
  // @ts-expect-error TS2322 a value kind that does not exist
  reconcile([{ id: 'a', source: 'A', claims: [{ subject: 's', attribute: 'x', value: { kind: 'colour', phrase: 'blue' } }] }]);
  // @ts-expect-error TS2322 not a report at all
  reconcile([42]);
  // @ts-expect-error TS2561 a typo'd article field: `publishedat`
  compareArticles([{ id: 'a', text: 'It rained on Monday.', publishedat: '2021-02-08' }]);
  // @ts-expect-error TS2561 a typo'd option of toHtml
  toHtml(result, { titel: 'x' });

  // What is right compiles, and editors complete these fields.
  const report: ReportInput = {
    id: 'ht', source: { id: 'ht', name: 'Hindustan Times' }, publishedAt: '2021-02-08',
    claims: [{ subject: 'fresh order', attribute: 'accounts', value: { kind: 'quantity', phrase: '1,178 accounts' } }],
  };
  reconcile([report, { id: 'jagran', source: 'Jagran', claims: [] }]);
  createReconciler().add(report);
  compareArticles([{ id: 'a', text: 'It rained on Monday.', publishedAt: '2021-02-08' }]);
}
