// The output formats of `corroborate compare`, one renderer each.
import { toClaimReview, toHtml, toJSON, toMarkdown, type HtmlReportText, type ReconcileResult } from '../index.js';

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
      // The inputs carry the texts the evidence offsets index into (validated by reconcile()).
      return toHtml(result, { reports: reports as readonly HtmlReportText[] });
    default:
      return toMarkdown(result);
  }
}
