// Checks on the raw content of an input before it is read as an article or as JSON.

/**
 * The bytes as UTF-8 text, or why they are not text: UTF-16, NUL bytes (an image, an archive),
 * or more invalid UTF-8 than a few stray bytes (more than 3, and more than one per thousand
 * bytes: a stray byte in a big scraped page passes, a Latin-1 file does not).
 *
 * @example
 * readUtf8(Buffer.from('Police said 40 were hurt.')); // { text: 'Police said 40 were hurt.' }
 * readUtf8(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00])).problem; // 'not a text file (it has NUL bytes)'
 */
export function readUtf8(bytes: Buffer): { text: string; problem?: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', problem: 'not UTF-8 text (UTF-16; save it as UTF-8)' };
  }
  if (bytes.includes(0)) return { text: '', problem: 'not a text file (it has NUL bytes)' };
  const text = bytes.toString('utf8');
  // Invalid sequences decode to U+FFFD; those written as U+FFFD in the file (EF BF BD) do not count.
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  for (let i = bytes.indexOf(REPLACEMENT); i !== -1; i = bytes.indexOf(REPLACEMENT, i + 3)) invalid--;
  if (invalid > Math.max(3, bytes.length / 1000)) return { text, problem: `not UTF-8 text (${invalid} invalid byte sequences)` };
  return { text };
}

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/**
 * The `id:` field of an article's front matter (parseArticle() reads the other fields and
 * ignores this one), unquoted; undefined when there is none or it is empty.
 *
 * @example
 * frontMatterId('---\nid: ferry-am\nsource: Daily A\n---\nText.'); // 'ferry-am'
 */
export function frontMatterId(content: string): string | undefined {
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') return undefined;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\r$/, '');
    if (line === '---') return undefined;
    const field = /^\s*id\s*:(.*)$/i.exec(line);
    if (field) {
      const value = field[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
