import { CorroborateError, DateOrDateTimeSchema, type CorroborateIssue } from '../model/index.js';

/**
 * An article file split into what it says about itself and its text. `text` has exactly the
 * length of the file: the header is blanked with spaces (newlines kept), so offsets into
 * `text` are offsets into the file as read.
 *
 * @example
 * const article: Article = { text: '    …', publishedAt: '2021-02-08', source: 'HT' };
 */
export interface Article {
  text: string;
  publishedAt: string | null;
  source?: string;
  url?: string;
  title?: string;
}

const FRONT_MATTER_KEYS = new Set(['source', 'published', 'url', 'title']);

/**
 * Reads an article file: either front matter (`---` lines around `source:`, `published:`
 * (date or date-time with offset), `url:`, `title:`) or the seed form whose first line starts
 * ` date YYYY-MM-DD `, or plain text. Throws {@link CorroborateError} naming the line of a bad
 * header field.
 *
 * @example
 * parseArticle('---\nsource: Daily A\npublished: 2024-03-12\n---\nPolice said 40 were hurt.');
 * // { text: '<blanked header>Police said 40 were hurt.', publishedAt: '2024-03-12', source: 'Daily A' }
 */
export function parseArticle(content: string): Article {
  if (typeof content !== 'string') {
    throw new CorroborateError('parseArticle() expects the file content as a string', [{ path: [], message: 'expected a string', code: 'invalid_type' }]);
  }
  const bom = content.startsWith('\uFEFF') ? 1 : 0;
  if (content.startsWith('---\n', bom) || content.startsWith('---\r\n', bom)) return frontMatter(content, bom);
  const seed = /^ ?date (\d{4}-\d{2}-\d{2}) /.exec(content.slice(bom, bom + 32));
  if (seed) {
    const date = seed[1]!;
    if (!DateOrDateTimeSchema.safeParse(date).success) {
      throw new CorroborateError('Invalid article header', [{ path: ['date'], message: `"${date}" is not a calendar date`, code: 'invalid-date', line: 1 }]);
    }
    return { text: blank(content, bom + seed[0].length), publishedAt: date };
  }
  return { text: content, publishedAt: null };
}

function frontMatter(content: string, bom: number): Article {
  const issues: CorroborateIssue[] = [];
  const fields = new Map<string, string>();
  let offset = content.indexOf('\n', bom) + 1;
  let line = 2;
  let end = -1;
  while (offset < content.length) {
    const next = content.indexOf('\n', offset);
    const lineEnd = next === -1 ? content.length : next;
    const raw = content.slice(offset, lineEnd).replace(/\r$/, '');
    if (raw === '---') {
      end = next === -1 ? content.length : next + 1;
      break;
    }
    if (raw.trim() !== '') {
      const colon = raw.indexOf(':');
      const key = colon > 0 ? raw.slice(0, colon).trim().toLowerCase() : '';
      if (!key) issues.push({ path: ['frontMatter'], message: `expected "key: value", found "${raw.slice(0, 60)}"`, code: 'invalid-front-matter', line });
      else if (FRONT_MATTER_KEYS.has(key)) fields.set(key, unquote(raw.slice(colon + 1).trim()));
      // Other keys (author, tags…) are allowed and ignored.
      if (key === 'published') {
        const value = fields.get('published') ?? '';
        if (value !== '' && !DateOrDateTimeSchema.safeParse(value).success) {
          issues.push({
            path: ['frontMatter', 'published'],
            message: `"${value}" is not a date (YYYY-MM-DD) or a date-time with offset (2024-03-12T21:40:00+05:30)`,
            code: 'invalid-date',
            line,
          });
        }
      }
    }
    if (next === -1) break;
    offset = next + 1;
    line++;
  }
  if (end === -1) issues.push({ path: ['frontMatter'], message: 'front matter opened with "---" is never closed', code: 'invalid-front-matter', line: 1 });
  if (issues.length) throw new CorroborateError('Invalid article header', issues);
  const published = fields.get('published');
  return {
    text: blank(content, end),
    publishedAt: published ? published : null,
    ...(fields.get('source') ? { source: fields.get('source')! } : {}),
    ...(fields.get('url') ? { url: fields.get('url')! } : {}),
    ...(fields.get('title') ? { title: fields.get('title')! } : {}),
  };
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** The content with its first `upTo` characters turned into spaces, newlines kept. */
function blank(content: string, upTo: number): string {
  let head = '';
  for (let i = 0; i < upTo; i++) head += content[i] === '\n' || content[i] === '\r' ? content[i] : ' ';
  return head + content.slice(upTo);
}
