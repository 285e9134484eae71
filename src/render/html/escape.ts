// Escaping for the HTML report: every string that comes from a result or a report passes
// through one of these before it reaches the page.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML character data or a quoted attribute value: `& < > " '` become entities, so
 * nothing in it can open a tag, close an element or leave an attribute.
 *
 * @example
 * escapeHtml('<img src=x onerror="alert(1)">'); // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * The URL itself when it is an absolute http(s) URL with no whitespace or control characters,
 * otherwise null: `javascript:`, `data:`, relative and protocol-relative URLs never become links.
 *
 * @example
 * safeHttpUrl('https://example.org/a?b=1'); // 'https://example.org/a?b=1'
 * safeHttpUrl('javascript:alert(1)');       // null
 */
export function safeHttpUrl(url: string | undefined | null): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s/?#\\]+[^\s\\]*$/i.test(trimmed) || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return trimmed;
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` are written as `\u003c`,
 * `\u003e`, `\u0026` (still the same JSON), so no `</script` or `<!--` can appear in it; U+2028
 * and U+2029 are escaped too.
 *
 * @example
 * jsonForScript({ t: '</script><script>x()</script>' }); // '{"t":"\\u003c/script\\u003e…"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
