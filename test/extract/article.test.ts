import { describe, expect, it } from 'vitest';
import { CorroborateError, parseArticle } from '../../src/index.js';

describe('parseArticle', () => {
  it('reads front matter and blanks it, keeping offsets into the file', () => {
    const content = '---\nsource: Daily A\npublished: 2024-03-12T21:40:00+05:30\nurl: https://a.example/x\ntitle: "Fire: 40 hurt"\nauthor: ignored\n---\nPolice said 40 were hurt.';
    const article = parseArticle(content);
    expect(article).toMatchObject({ publishedAt: '2024-03-12T21:40:00+05:30', source: 'Daily A', url: 'https://a.example/x', title: 'Fire: 40 hurt' });
    expect(article.text).toHaveLength(content.length);
    const at = content.indexOf('40 were');
    expect(article.text.slice(at, at + 7)).toBe('40 were');
    expect(article.text.slice(0, content.indexOf('Police')).trim()).toBe('');
  });

  it('reads the seed header form', () => {
    const article = parseArticle(' date 2021-02-08 Twitter said on Monday that it would respond.');
    expect(article.publishedAt).toBe('2021-02-08');
    expect(article.text.startsWith('                 Twitter said')).toBe(true);
  });

  it('takes plain text as it is, with no date', () => {
    expect(parseArticle('Just text.')).toEqual({ text: 'Just text.', publishedAt: null });
  });

  it('names the line of a bad date and of an unclosed header', () => {
    try {
      parseArticle('---\nsource: A\npublished: 12/03/2024\n---\nText');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(CorroborateError);
      expect((error as CorroborateError).issues[0]).toMatchObject({ line: 3, path: ['frontMatter', 'published'] });
    }
    expect(() => parseArticle('---\nsource: A\nText without end')).toThrow(/never closed/);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const article = parseArticle('\uFEFF---\r\nsource: A\r\npublished: 2024-01-02\r\n---\r\nBody');
    expect(article).toMatchObject({ source: 'A', publishedAt: '2024-01-02' });
    expect(article.text.endsWith('Body')).toBe(true);
  });
});
