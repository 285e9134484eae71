// Where a JSON path points in the text it was parsed from, so an error can name a line.
// Iterative on purpose: a deeply nested file must not overflow the stack.

/**
 * The 1-based line of the value at `path` in `json` (already known to be valid JSON), or of
 * the deepest part of the path that exists; 1 when the path is empty.
 *
 * @example
 * lineOfJsonPath('{\n  "claims": [\n    {"value": 1}\n  ]\n}', ['claims', 0, 'value']); // 3
 */
export function lineOfJsonPath(json: string, path: readonly (string | number)[]): number {
  return lineAt(json, offsetOfJsonPath(json, path));
}

/**
 * The 1-based line of a UTF-16 offset.
 *
 * @example
 * lineAt('a\nb', 2); // 2
 */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Offset of the value at `path`, or of the deepest existing ancestor's value. */
function offsetOfJsonPath(json: string, path: readonly (string | number)[]): number {
  let at = skipSpace(json, 0);
  for (const step of path) {
    const open = json[at];
    if (open !== '{' && open !== '[') return at;
    let i = skipSpace(json, at + 1);
    let index = 0;
    let found = -1;
    while (i < json.length && json[i] !== '}' && json[i] !== ']') {
      let matches: boolean;
      if (open === '{') {
        const keyEnd = endOfString(json, i);
        matches = JSON.parse(json.slice(i, keyEnd)) === step;
        i = skipSpace(json, skipSpace(json, keyEnd) + 1); // past the colon
      } else {
        matches = index === step;
      }
      if (matches) {
        found = i;
        break;
      }
      i = skipSpace(json, endOfValue(json, i));
      if (json[i] === ',') i = skipSpace(json, i + 1);
      index++;
    }
    if (found === -1) return at;
    at = found;
  }
  return at;
}

function skipSpace(json: string, i: number): number {
  while (i < json.length && (json[i] === ' ' || json[i] === '\n' || json[i] === '\r' || json[i] === '\t')) i++;
  return i;
}

/** The offset just past the string literal starting at `i`. */
function endOfString(json: string, i: number): number {
  for (let j = i + 1; j < json.length; j++) {
    if (json[j] === '\\') j++;
    else if (json[j] === '"') return j + 1;
  }
  return json.length;
}

/** The offset just past the value starting at `i`, counting brackets outside strings. */
function endOfValue(json: string, i: number): number {
  let depth = 0;
  for (let j = i; j < json.length; j++) {
    const c = json[j];
    if (c === '"') {
      j = endOfString(json, j) - 1;
      if (depth === 0) return j + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return j; // end of the enclosing container
      depth--;
      if (depth === 0) return j + 1;
    } else if (depth === 0 && (c === ',' || c === ' ' || c === '\n' || c === '\r' || c === '\t')) return j;
  }
  return json.length;
}
