// Report text with highlighted spans as well-nested HTML. Spans may nest (a count inside a
// quote), coincide (one speaker named in two attribution findings) or cross (a copied passage
// that starts inside a quote): a span that crosses another is split into pieces, so the HTML
// stays well formed and every piece carries its span's attributes.
import { escapeHtml } from './escape.js';

/** One span to highlight: UTF-16 offsets into the text and the element to wrap it in. */
export interface Highlight {
  start: number;
  end: number;
  tag: 'mark' | 'span';
  /** Attributes (already escaped), written on every piece, e.g. `class="c v-agree" data-f="3"`. */
  attrs: string;
  /** Attributes written on the first piece only, e.g. an `id`. */
  firstAttrs?: string;
  /** Among spans with the same extent, the lower rank is the outer element. */
  rank?: number;
}

/**
 * Escapes `text.slice(from)` and wraps every span in its element. Spans outside the text or
 * empty are ignored; among spans starting at one offset the longer is the outer element.
 *
 * @example
 * highlight('a <b> c', [{ start: 2, end: 5, tag: 'mark', attrs: 'class="x"' }]);
 * // 'a <mark class="x">&lt;b&gt;</mark> c'
 */
export function highlight(text: string, spans: readonly Highlight[], from = 0): string {
  const valid = spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= from && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || (a.span.rank ?? 0) - (b.span.rank ?? 0) || a.index - b.index)
    .map(({ span }, order) => ({ span, order }));
  const points = [...new Set([from, text.length, ...valid.flatMap(({ span }) => [span.start, span.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: typeof valid = [];
  const started = new Set<number>();
  let pool: typeof valid = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const p = points[k]!;
    const q = points[k + 1]!;
    pool = pool.filter(({ span }) => span.end > p);
    while (next < valid.length && valid[next]!.span.start <= p) pool.push(valid[next++]!);
    pool.sort((a, b) => a.order - b.order);
    let common = 0;
    while (common < stack.length && common < pool.length && stack[common] === pool[common]) common++;
    while (stack.length > common) out.push(`</${stack.pop()!.span.tag}>`);
    for (const item of pool.slice(common)) {
      const first = !started.has(item.order);
      started.add(item.order);
      const extra = first && item.span.firstAttrs ? ` ${item.span.firstAttrs}` : '';
      out.push(`<${item.span.tag} ${item.span.attrs}${extra}>`);
      stack.push(item);
    }
    out.push(escapeHtml(text.slice(p, q)));
  }
  while (stack.length > 0) out.push(`</${stack.pop()!.span.tag}>`);
  return out.join('');
}
