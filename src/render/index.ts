export { toJSON } from './json.js';
export { toMarkdown } from './markdown.js';
