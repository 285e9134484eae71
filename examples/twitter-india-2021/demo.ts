// npm run demo: reconcile the two seed articles' claims and print the Markdown report.
import { reconcile, toMarkdown } from '../../src/index.js';
import { loadExampleReports } from './load.js';

const result = reconcile(loadExampleReports());
process.stdout.write(toMarkdown(result));
