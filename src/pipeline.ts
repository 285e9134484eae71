import * as z from 'zod/mini';
import { extract } from './extract/extract.js';
import { CorroborateError, DateOrDateTimeSchema, SourceSchema, fromZodIssues, type ReconcileResult } from './model/index.js';
import type { ReconcileOptions } from './reconcile/options.js';
import { reconcileReports } from './reconcile/reconcile.js';

/**
 * The zod schema of {@link ArticleInput}: what {@link compareArticles} validates each article with.
 *
 * @example
 * ArticleInputSchema.safeParse({ id: 'ht', text: 'Twitter responded on Monday.', publishedAt: 'Monday' }).success; // false
 */
export const ArticleInputSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  source: z.optional(z.union([z.string().check(z.minLength(1)), SourceSchema])),
  publishedAt: z.optional(z.nullable(DateOrDateTimeSchema)),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
});

/**
 * One article for {@link compareArticles}: its text and what is known about it.
 *
 * @example
 * const article: ArticleInput = { id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08', text: '…' };
 */
export type ArticleInput = z.input<typeof ArticleInputSchema>;

/**
 * The whole pipeline on article text: extract every count, date, quote and attribution from
 * each article, line the claims up across articles, and reconcile them.
 *
 * @example
 * const result = compareArticles([
 *   { id: 'a', source: 'Daily A', publishedAt: '2021-02-08', text: 'Twitter responded on Monday, officials said.' },
 *   { id: 'b', source: 'Daily B', publishedAt: '2021-02-09', text: 'Twitter responded on Tuesday, officials said.' },
 * ]);
 * result.findings[0].verdict; // 'conflict' (2021-02-08 vs 2021-02-09)
 */
export function compareArticles(articles: readonly ArticleInput[], options?: ReconcileOptions): ReconcileResult {
  if (!Array.isArray(articles)) {
    throw new CorroborateError('compareArticles() expects an array of articles', [{ path: [], message: 'expected an array', code: 'invalid_type' }]);
  }
  // Array.from: a hole is an undefined article (an error), not skipped as map() would.
  const reports = Array.from(articles as readonly unknown[], (raw, index) => {
    const parsed = ArticleInputSchema.safeParse(raw);
    if (!parsed.success) throw new CorroborateError('Invalid article', fromZodIssues(parsed.error.issues, [index]));
    const { text, ...meta } = parsed.data;
    return extract(text, meta);
  });
  return reconcileReports(reports, options, true);
}
