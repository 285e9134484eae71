// Loads the worked example: each seed article with the claims we modelled from it by hand.
// A claims file names its article with "textFile", as the CLI's `reconcile` command accepts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
