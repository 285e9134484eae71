// The output formats of `corroborate compare`, one renderer each.
import { toClaimReview, toJSON, toMarkdown, type ReconcileResult } from '../index.js';

/** The values `--format` takes. */
export const FORMATS = ['markdown', 'json', 'html', 'claimreview'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/**
 * Whether a `--format` value is one we render.
 *
 * @example
 * isFormat('json'); // true
 */
export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/**
 * The result rendered in `format`; `reports` are the inputs (the HTML page shows their text).
 *
 * @example
 * renderResult('markdown', result, reports);
 */
export function renderResult(format: Format, result: ReconcileResult, reports: readonly unknown[]): string {
  switch (format) {
    case 'json':
      return toJSON(result);
    case 'claimreview':
      return `${JSON.stringify(toClaimReview(result), null, 2)}\n`;
    case 'html':
      void reports;
      throw new Error('html output is not built yet');
    default:
      return toMarkdown(result);
  }
}
