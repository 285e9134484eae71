// Loads the worked example: each seed article with the claims we modelled from it by hand.
// A claims file names its article with "textFile", as the CLI's `reconcile` command accepts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export const ARTICLES = ['hindustan-times-2021-02-08', 'jagran-2021-02-09'] as const;

/** The two reports as reconcile() input: claims from `<name>.claims.json`, text from its textFile. */
export function loadExampleReports(): unknown[] {
  return ARTICLES.map((name) => {
    const { textFile, ...report } = JSON.parse(readFileSync(join(here, `${name}.claims.json`), 'utf8')) as {
      textFile: string;
    };
    return { ...report, text: readFileSync(join(here, textFile), 'utf8') };
  });
}

/** The seed article file's content, exactly as on disk. */
export function readSeedFile(name: (typeof ARTICLES)[number] | string): string {
  return readFileSync(join(here, `${name}.txt`), 'utf8');
}

/**
 * The two seed articles as compareArticles() input: the header line read by parseArticle (which
 * blanks it, so evidence offsets index the file as on disk), the outlet named.
 */
export function loadSeedArticles(): { id: string; source: string; publishedAt: string | null; text: string }[] {
  return ARTICLES.map((id) => {
    const { text, publishedAt } = parseArticle(readSeedFile(id));
    return { id, text, publishedAt: publishedAt ?? null, source: id.startsWith('hindustan') ? 'Hindustan Times' : 'Jagran' };
  });
}
