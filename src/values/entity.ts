import type { Comparison, EntityValue } from '../model/index.js';
import { compareStrings, stableStringify, distinctValues } from './canonical.js';
import type { EntityCompareOptions } from './options.js';

/**
 * An immutable alias lookup: each group names one entity and its first name is the preferred
 * one. Build it with {@link createAliasTable}; it is frozen and its index is private, so a
 * table never changes after creation.
 *
 * @example
 * const table: AliasTable = createAliasTable([['Twitter India', 'Twitter Communications India']]);
 * table.lookup('twitter communications india'); // 'Twitter India'
 */
export interface AliasTable {
  /** The merged groups, preferred name first, frozen. */
  readonly groups: readonly (readonly string[])[];
  /** The preferred name of the group `name` belongs to (any case, spacing or punctuation), or undefined. */
  readonly lookup: (name: string) => string | undefined;
}

/**
 * The built-in alias groups. "the government" is deliberately absent: it names whichever
 * government the story is about, so it cannot be fixed to one. "Centre" follows Indian usage.
 *
 * @example
 * DEFAULT_ALIASES.some((g) => g.includes('MeitY')); // true
 */
export const DEFAULT_ALIASES: readonly (readonly string[])[] = Object.freeze(
  [
    [
      'MeitY',
      'IT Ministry',
      'IT ministry',
      'Ministry of Electronics and Information Technology',
      'Ministry of Electronics and IT',
      'Ministry of IT',
      'Ministry of Information Technology',
      'Electronics and IT Ministry',
    ],
    ['Government of India', 'Centre', 'Indian government', 'Union government', 'Central government', 'GoI', 'Govt of India'],
    ['PTI', 'Press Trust of India'],
    ['ANI', 'Asian News International'],
    ['IANS', 'Indo-Asian News Service'],
    ['Reuters', 'Reuters News Agency'],
    ['AP', 'Associated Press'],
    ['AFP', 'Agence France-Presse'],
    ['UN', 'United Nations'],
    ['US', 'United States', 'USA', 'United States of America'],
    ['EU', 'European Union'],
    ['WHO', 'World Health Organization', 'World Health Organisation'],
  ].map((group) => Object.freeze(group)),
);

/** Case, diacritics, punctuation and spacing folded; "&" read as "and"; a leading "the" dropped. */
function foldName(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKD').toLowerCase()) {
    if (/\p{M}/u.test(ch)) continue;
    if (ch === '.' || ch === "'" || ch === '\u2019' || ch === '\u2018') continue;
    if (ch === '&') out += ' and ';
    else if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
    else out += ' ';
  }
  const words = out.split(' ').filter((w) => w.length > 0);
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

/**
 * Builds an immutable alias table from groups of names. Groups sharing a name (after folding
 * case, spacing and punctuation) are merged; the built-in {@link DEFAULT_ALIASES} come first
 * unless `includeDefaults` is false, so their preferred names win.
 *
 * @example
 * const table = createAliasTable([['Ministry of IT', 'Electronics ministry']]);
 * table.lookup('Electronics ministry'); // 'MeitY' (merged with the built-in group)
 */
export function createAliasTable(
  groups: readonly (readonly string[])[],
  options: { includeDefaults?: boolean } = {},
): AliasTable {
  const all = [...(options.includeDefaults === false ? [] : DEFAULT_ALIASES), ...groups];
  // Union-find over groups, joined by shared folded names.
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const owner = new Map<string, number>();
  all.forEach((group, gi) => {
    for (const name of group) {
      const key = foldName(name);
      if (key.length === 0) continue;
      const other = owner.get(key);
      if (other === undefined) owner.set(key, gi);
      else {
        const [x, y] = [find(other), find(gi)];
        if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
  });
  const merged = new Map<number, string[]>();
  all.forEach((group, gi) => {
    const root = find(gi);
    const names = merged.get(root) ?? [];
    for (const name of group) if (foldName(name).length > 0 && !names.includes(name)) names.push(name);
    merged.set(root, names);
  });
  const frozenGroups = Object.freeze(
    [...merged.values()].filter((g) => g.length > 0).map((g) => Object.freeze([...g])),
  );
  const index = new Map<string, string>();
  for (const group of frozenGroups) {
    for (const name of group) index.set(foldName(name), group[0] as string);
  }
  return Object.freeze({
    groups: frozenGroups,
    lookup: (name: string) => index.get(foldName(name)),
  });
}

const DEFAULT_TABLE = createAliasTable([]);
// Comparisons run pairwise over many claims with the same options; build each table once.
const tableCache = new WeakMap<object, AliasTable>();

function resolveTable(aliases: EntityCompareOptions['aliases']): AliasTable {
  if (aliases === undefined) return DEFAULT_TABLE;
  if (!Array.isArray(aliases)) return aliases as AliasTable;
  const cached = tableCache.get(aliases);
  if (cached) return cached;
  const table = createAliasTable(aliases as readonly (readonly string[])[]);
  tableCache.set(aliases, table);
  return table;
}

/**
 * The canonical key used to group speakers: the alias table's preferred name when it knows
 * the name, folded for case, diacritics, punctuation, spacing and a leading "the".
 *
 * @example
 * entityKey('Ministry of Electronics & Information Technology'); // 'meity'
 * entityKey('Ravi Shankar Prasad'); // 'ravi shankar prasad'
 */
export function entityKey(name: string, aliases: AliasTable = DEFAULT_TABLE): string {
  const preferred = aliases.lookup(name);
  return foldName(preferred ?? name);
}

// ---- roles and titles -------------------------------------------------------------------

type RoleClass = 'voice' | 'person';

interface RolePhrase {
  readonly words: readonly string[];
  readonly role: string;
  readonly cls: RoleClass;
}

// "voice" roles speak for the organisation (any of them is the organisation talking);
// "person" roles name one particular person in it.
const ROLE_PHRASES: readonly RolePhrase[] = (
  [
    ['spokesperson', 'spokesperson', 'voice'],
    ['spokespersons', 'spokesperson', 'voice'],
    ['spokespeople', 'spokesperson', 'voice'],
    ['spokesman', 'spokesperson', 'voice'],
    ['spokesmen', 'spokesperson', 'voice'],
    ['spokeswoman', 'spokesperson', 'voice'],
    ['representative', 'representative', 'voice'],
    ['representatives', 'representative', 'voice'],
    ['official', 'official', 'voice'],
    ['officials', 'official', 'voice'],
    ['statement', 'statement', 'voice'],
    ['statements', 'statement', 'voice'],
    ['press statement', 'statement', 'voice'],
    ['press release', 'statement', 'voice'],
    ['release', 'statement', 'voice'],
    ['response', 'statement', 'voice'],
    ['reply', 'statement', 'voice'],
    ['blog post', 'statement', 'voice'],
    ['tweet', 'statement', 'voice'],
    ['ceo', 'CEO', 'person'],
    ['chief executive', 'CEO', 'person'],
    ['chief executive officer', 'CEO', 'person'],
    ['cfo', 'CFO', 'person'],
    ['cto', 'CTO', 'person'],
    ['coo', 'COO', 'person'],
    ['founder', 'founder', 'person'],
    ['co-founder', 'co-founder', 'person'],
    ['cofounder', 'co-founder', 'person'],
    ['chairman', 'chairperson', 'person'],
    ['chairperson', 'chairperson', 'person'],
    ['chairwoman', 'chairperson', 'person'],
    ['president', 'president', 'person'],
    ['managing director', 'managing director', 'person'],
    ['md', 'managing director', 'person'],
    ['director', 'director', 'person'],
  ] as const
)
  .map(([phrase, role, cls]) => ({ words: phrase.split(' '), role, cls }))
  .sort((x, y) => y.words.length - x.words.length);

const ROLE_BY_NAME = new Map<string, RolePhrase>(ROLE_PHRASES.map((r) => [r.words.join(' '), r]));
for (const r of ROLE_PHRASES) ROLE_BY_NAME.set(r.role.toLowerCase(), r);

// Words that begin or make up a title before a person's name.
const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'shri', 'sri', 'smt', 'kumari', 'sir', 'dame',
  'lord', 'lady', 'justice', 'judge', 'minister', 'ministers', 'premier', 'president', 'governor', 'senator',
  'sen', 'rep', 'mp', 'mla', 'secretary', 'chancellor', 'mayor', 'king', 'queen', 'prince', 'princess',
  'gen', 'colonel', 'col', 'captain', 'capt', 'lt', 'commissioner', 'ambassador', 'inspector',
  'superintendent', 'head', 'chief', 'director-general', 'ceo', 'cfo', 'cto', 'coo', 'founder',
  'co-founder', 'chairman', 'chairperson', 'chairwoman', 'director', 'md', 'spokesperson', 'spokesman',
  'spokeswoman', 'representative',
  // Office and profession words that precede names in news copy ("senior advocate Meera Pathak",
  // "District Collector Meera Iyer", "Superintendent of Police Kavita Negi", "opposition leader …").
  'advocate', 'lawyer', 'attorney', 'collector', 'magistrate', 'leader', 'opposition', 'officer', 'police',
  'councillor', 'councilman', 'commander', 'sheriff', 'coach', 'manager', 'editor', 'economist', 'analyst',
  'activist', 'engineer', 'scientist', 'researcher', 'professor', 'sp', 'dm', 'dcp', 'acp', 'sho', 'ips', 'ias',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'shri', 'sri', 'smt', 'sir', 'dame']);
const MODIFIERS = new Set(['senior', 'top', 'former', 'official', 'deputy', 'acting', 'interim', 'joint', 'another']);
const OF_WORDS = new Set(['of', 'for', 'from', 'at', 'by', 'with']);
const DETERMINERS = new Set(['its', 'a', 'an', 'the', 'their', 'his', 'her']);
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'der', 'van', 'von', 'bin', 'bint', 'al', 'la', 'le', 'du']);

/** A token as a lower-case word for keyword matching: edge punctuation stripped. */
function wordOf(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && !/[\p{L}\p{N}]/u.test(token[start] as string)) start++;
  while (end > start && !/[\p{L}\p{N}]/u.test(token[end - 1] as string)) end--;
  return token.slice(start, end).toLowerCase();
}

function stripPossessive(token: string): string {
  for (const suffix of ["'s", '\u2019s']) {
    if (token.toLowerCase().endsWith(suffix) && token.length > suffix.length) return token.slice(0, -suffix.length);
  }
  if (/s['\u2019]$/u.test(token) && token.length > 2) return token.slice(0, -1);
  return token;
}

/** The role phrase starting at words[i] (lower-case words), longest first. */
function roleAt(words: readonly string[], i: number): RolePhrase | undefined {
  return ROLE_PHRASES.find((r) => r.words.every((w, k) => words[i + k] === w));
}

/** The role phrase ending exactly at words[end - 1], longest first. */
function roleEndingAt(words: readonly string[], end: number): { phrase: RolePhrase; start: number } | undefined {
  for (const r of ROLE_PHRASES) {
    const start = end - r.words.length;
    if (start >= 0 && r.words.every((w, k) => words[start + k] === w)) return { phrase: r, start };
  }
  return undefined;
}

function dropLeading(tokens: string[], words: ReadonlySet<string>): string[] {
  let i = 0;
  while (i < tokens.length - 1 && words.has(wordOf(tokens[i] as string))) i++;
  return tokens.slice(i);
}

function dropTrailing(tokens: string[], words: ReadonlySet<string>): string[] {
  let end = tokens.length;
  while (end > 1 && words.has(wordOf(tokens[end - 1] as string))) end--;
  return tokens.slice(0, end);
}

const LEAD_TRIM = new Set([' ', ',', ';', ':', '.', "'", '"', '\u2018', '\u2019', '\u201C', '\u201D', '(', ')']);
const TAIL_TRIM = new Set([' ', ',', ';', ':', "'", '"', '\u2018', '\u2019', '\u201C', '\u201D', '(', ')']);

/** Joins tokens and trims commas, quote marks and brackets left from the phrase ("Dr." keeps its dot). */
function joinName(tokens: readonly string[]): string {
  const text = tokens.join(' ');
  let start = 0;
  let end = text.length;
  while (start < end && LEAD_TRIM.has(text[start] as string)) start++;
  while (end > start && TAIL_TRIM.has(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

function isUpperStart(token: string): boolean {
  const ch = token[0];
  if (ch === undefined) return false;
  return ch !== ch.toLowerCase() || ch === ch.toUpperCase();
}

/**
 * Per-phrase lookups, precomputed so that every rule below stays linear in the phrase:
 * where titles end, and which suffixes look like a person's name.
 */
interface PhraseIndex {
  readonly tokens: readonly string[];
  readonly words: readonly string[];
  /** titleStart[k]: start of the latest-starting title phrase ending at k, or -1. */
  readonly titleStart: readonly number[];
  /** suffixTitleStart[s]: max of titleStart[j] for j >= s (-1 past the end). */
  readonly suffixTitleStart: readonly number[];
  /** nameFrom[s]: tokens s.. are a capitalised name (particles allowed inside). */
  readonly nameFrom: readonly boolean[];
}

function indexPhrase(tokens: readonly string[]): PhraseIndex {
  const n = tokens.length;
  const words = tokens.map(wordOf);
  const titleStart = words.map((w, k) => {
    if (TITLE_WORDS.has(w)) return k;
    const role = roleEndingAt(words, k + 1);
    return role !== undefined && role.phrase.role !== 'statement' ? role.start : -1;
  });
  const suffixTitleStart = new Array<number>(n + 1).fill(-1);
  for (let k = n - 1; k >= 0; k--) suffixTitleStart[k] = Math.max(titleStart[k] as number, suffixTitleStart[k + 1] as number);
  // okFrom[j]: every token j.. is capitalised, or a particle that is not the last token.
  const okFrom = new Array<boolean>(n + 1).fill(true);
  for (let j = n - 1; j >= 0; j--) {
    const t = tokens[j] as string;
    okFrom[j] = (okFrom[j + 1] as boolean) && (isUpperStart(t) || (j < n - 1 && NAME_PARTICLES.has(t)));
  }
  const nameFrom = tokens.map((t, s) => isUpperStart(t) && (okFrom[s + 1] as boolean));
  return { tokens, words, titleStart, suffixTitleStart, nameFrom };
}

/** Some title phrase lies wholly inside tokens [from, to). */
function hasTitleIn(ix: PhraseIndex, from: number, to: number): boolean {
  if (to >= ix.tokens.length) return (ix.suffixTitleStart[from] as number) >= from;
  for (let j = from; j < to; j++) if ((ix.titleStart[j] as number) >= from) return true;
  return false;
}

function orgWithRole(nameTokens: string[], phrase: RolePhrase, text: string): EntityValue | undefined {
  let org = dropTrailing(dropLeading(nameTokens, new Set([...ARTICLES, ...MODIFIERS])), MODIFIERS);
  const last = org[org.length - 1];
  if (last !== undefined) org = [...org.slice(0, -1), stripPossessive(last)];
  const name = joinName(org);
  const only = org.length === 1 ? wordOf(name) : undefined;
  if (name.length === 0 || (only !== undefined && (ARTICLES.has(only) || MODIFIERS.has(only)))) return undefined;
  return { kind: 'entity', name, role: phrase.role, type: 'organisation', text };
}

function parseTokens(tokens: string[], text: string): EntityValue | undefined {
  const ix = indexPhrase(tokens);
  const { words } = ix;
  const n = tokens.length;
  // "Twitter in its statement", "Twitter, in a response"
  for (let i = 1; i + 2 < n; i++) {
    if (words[i] !== 'in' || !DETERMINERS.has(words[i + 1] as string)) continue;
    const role = roleAt(words, i + 2);
    if (role?.role === 'statement' && i + 2 + role.words.length === n) {
      const found = orgWithRole(tokens.slice(0, i), role, text);
      if (found) return found;
    }
  }
  // "Union Minister of Information and Technology, Ravi Shankar Prasad" / "Prasad, Union minister"
  const comma = tokens.findIndex((t) => t.endsWith(','));
  if (comma >= 0 && comma < n - 1) {
    const left = tokens.slice(0, comma + 1);
    const right = tokens.slice(comma + 1);
    const leftTitled = hasTitleIn(ix, 0, comma + 1);
    const rightTitled = hasTitleIn(ix, comma + 1, n);
    if (leftTitled && !rightTitled && ix.nameFrom[comma + 1]) {
      return { kind: 'entity', name: joinName(right), title: joinName(dropLeading(left, ARTICLES)), type: 'person', text };
    }
    if (rightTitled && !leftTitled && indexPhrase(left.map((t) => t.replace(/,$/u, ''))).nameFrom[0]) {
      return { kind: 'entity', name: joinName(left), title: joinName(dropLeading(right, ARTICLES)), type: 'person', text };
    }
  }
  // "a spokesperson of Twitter", "the spokesperson for Twitter", "CEO of Twitter"
  const ofAt = words.findIndex((w) => OF_WORDS.has(w));
  if (ofAt > 0 && ofAt < n - 1) {
    let h = 0;
    while (h < ofAt - 1 && (ARTICLES.has(words[h] as string) || MODIFIERS.has(words[h] as string))) h++;
    const role = roleAt(words, h);
    if (role && h + role.words.length === ofAt) {
      const found = orgWithRole(tokens.slice(ofAt + 1), role, text);
      if (found) return found;
    }
  }
  // "a Twitter spokesperson", "Twitter's statement", "Twitter CEO"
  const atEnd = roleEndingAt(words, n);
  if (atEnd) {
    const found = orgWithRole(tokens.slice(0, atEnd.start), atEnd.phrase, text);
    if (found) return found;
  }
  // "Union minister Ravi Shankar Prasad", "Twitter CEO Jack Dorsey", "Dr. P. K. Jena"
  for (let k = n - 2; k >= 0; k--) {
    if ((ix.titleStart[k] as number) >= 0 && ix.nameFrom[k + 1] && !hasTitleIn(ix, k + 1, n)) {
      const title = joinName(dropLeading(tokens.slice(0, k + 1), ARTICLES));
      return { kind: 'entity', name: joinName(tokens.slice(k + 1)), title, type: 'person', text };
    }
  }
  // "owner Anil Sharma", "mill owner Anil Sharma": common nouns before a name are a role, kept as
  // the title so that "owner Anil Sharma" is still Anil Sharma ("sources in Delhi Police" is not).
  let k = 0;
  while (k < Math.min(n - 1, 3) && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[k] as string) && !ROLE_STOPWORDS.has(words[k] as string)) k++;
  if (k > 0 && ix.nameFrom[k] && /^\p{Lu}/u.test(tokens[k] as string)) {
    return { kind: 'entity', name: joinName(tokens.slice(k)), title: joinName(tokens.slice(0, k)), type: 'person', text };
  }
  return undefined;
}

/** Words that make a lower-case run before a name something other than a role. */
const ROLE_STOPWORDS = new Set([...OF_WORDS, ...NAME_PARTICLES, 'in', 'on', 'to', 'and', 'or', 'near']);

const PARSED = new Map<string, EntityValue>();

/**
 * {@link parseEntity}, remembered (bounded, 4,096 phrases): news repeats its speakers ("Police",
 * "officials", a minister's name) across articles and alignment asks about the same few
 * phrases many times. The value is shared: read it, or copy it before handing it out.
 *
 * @example
 * parsedEntity('Union minister Ravi Shankar Prasad') === parsedEntity('Union minister Ravi Shankar Prasad'); // true
 */
export function parsedEntity(phrase: string): Readonly<EntityValue> {
  let value = PARSED.get(phrase);
  if (value === undefined) {
    if (PARSED.size >= 4096) PARSED.clear();
    value = parseEntity(phrase);
    PARSED.set(phrase, value);
  }
  return value;
}

/**
 * Parses an attribution phrase into a name plus the role or title it carried. Articles are
 * dropped; "a spokesperson of Twitter", "a Twitter spokesperson", "Twitter's spokesperson",
 * "Twitter in its statement" and "Twitter CEO" keep the organisation as `name` and the role
 * (canonical: spokesperson, statement, official, representative, CEO, founder, ...) in `role`;
 * titles before a capitalised name ("Union minister Ravi Shankar Prasad", "Dr. P. K. Jena",
 * "Title, Name") go to `title`. Anaphors ("the company's statement" → "company") are left for
 * the caller to resolve. Never throws; an unrecognised phrase becomes the name as written.
 *
 * @example
 * parseEntity('a spokesperson of Twitter');
 * // { kind: 'entity', name: 'Twitter', role: 'spokesperson', type: 'organisation', text: 'a spokesperson of Twitter' }
 * parseEntity('Union minister Ravi Shankar Prasad').title; // 'Union minister'
 */
export function parseEntity(phrase: string): EntityValue {
  const text = phrase;
  let tokens = phrase.split(/\s+/u).filter((t) => t.length > 0);
  if (tokens.length > 2 && wordOf(tokens[0] as string) === 'according' && wordOf(tokens[1] as string) === 'to') {
    tokens = tokens.slice(2);
  }
  const cleaned = dropLeading(tokens, ARTICLES);
  let parsed: EntityValue | undefined;
  try {
    parsed = parseTokens(cleaned, text);
  } catch {
    parsed = undefined; // defensive: parsing is best-effort and must never throw
  }
  if (parsed) return parsed;
  const name = joinName(cleaned);
  return { kind: 'entity', name: name.length > 0 ? name : phrase.trim() || phrase, text };
}

// ---- comparison -------------------------------------------------------------------------

/**
 * Name tokens for matching people: folded, with initials split ("P.K." and "PK" → p, k; an
 * all-capital token of two or three letters before the last word is read as initials).
 */
function nameTokens(name: string): string[] {
  const raw = name.normalize('NFKD').replace(/\p{M}/gu, '').split(/\s+/u).filter((t) => t.length > 0);
  const out: string[] = [];
  raw.forEach((token, i) => {
    const bare = token.replace(/[^\p{L}\p{N}.'\u2019-]/gu, '');
    if (/^(\p{L}\.)+\p{L}?$/u.test(bare)) {
      for (const ch of bare) if (ch !== '.') out.push(ch.toLowerCase());
      return;
    }
    const letters = bare.replace(/[.'\u2019]/gu, '');
    if (i < raw.length - 1 && letters.length >= 2 && letters.length <= 3 && /^\p{Lu}+$/u.test(letters)) {
      for (const ch of letters) out.push(ch.toLowerCase());
      return;
    }
    for (const part of foldName(token).split(' ')) if (part.length > 0) out.push(part);
  });
  if (out[0] === 'the' && out.length > 1) out.shift();
  return out;
}

function initialMatch(x: string, y: string): boolean {
  return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/**
 * "PK Jena" ~ "Pradeep Jena" ~ "Pradeep K. Jena": same surname, given names agree by initial,
 * middle names may be left out. Without any initial in play ("Jack Dorsey" ~ "Jack Patrick
 * Dorsey") only for people, so "Twitter India" never matches "Twitter Communications India".
 */
function initialsCompatible(a: readonly string[], b: readonly string[], personal: boolean): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || short[short.length - 1] !== long[long.length - 1]) return false;
  if (!personal && !a.some((t) => t.length === 1) && !b.some((t) => t.length === 1)) return false;
  const gs = short.slice(0, -1);
  const gl = long.slice(0, -1);
  if (!initialMatch(gs[0] as string, gl[0] as string)) return false;
  let j = 1;
  for (let i = 1; i < gs.length; i++) {
    while (j < gl.length && !initialMatch(gs[i] as string, gl[j] as string)) j++;
    if (j >= gl.length) return false;
    j++;
  }
  return true;
}

/** Optimal-string-alignment distance, giving up early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Exactly one token differs, by one edit (two for tokens of eight letters or more). */
function nearMisspelling(a: readonly string[], b: readonly string[]): [string, string] | undefined {
  if (a.length !== b.length || a.length === 0) return undefined;
  const diffs = a.map((t, i) => i).filter((i) => a[i] !== b[i]);
  if (diffs.length !== 1) return undefined;
  const x = a[diffs[0] as number] as string;
  const y = b[diffs[0] as number] as string;
  const shortest = Math.min(x.length, y.length);
  if (shortest < 4 || Math.max(x.length, y.length) > 64) return undefined;
  const limit = shortest >= 8 ? 2 : 1;
  return editDistance(x, y, limit) <= limit ? [x, y] : undefined;
}

function roleOf(v: EntityValue): { key: string; cls: RoleClass } | undefined {
  if (v.role === undefined || v.role.trim().length === 0) return undefined;
  const folded = v.role.toLowerCase().trim().split(/\s+/u).join(' ');
  const known = ROLE_BY_NAME.get(folded);
  // An unknown role ("lawyer", "adviser") names a particular person.
  return known ? { key: known.role, cls: known.cls } : { key: folded, cls: 'person' };
}

function label(v: EntityValue): string {
  const text = formatEntity(v);
  return `"${text.length > 80 ? `${text.slice(0, 79)}\u2026` : text}"`;
}

function looksPersonal(v: EntityValue): boolean {
  return v.type === 'person' || v.title !== undefined;
}

/**
 * Compares two entities (speakers, organisations, people). Verdicts and reasons:
 *
 * - same name (and role, title) → `agree`: `identical` (all written the same), `equal`
 *   (case, diacritics, punctuation, "P.K." vs "PK"), `alias` (one alias-table group);
 * - same organisation, one or both speaking through a voice role (spokesperson, statement,
 *   official, representative) → `agree` / `same-organisation`;
 * - a person named once in full and once by surname ("Ms Arora" ~ "Nisha Arora", as news names
 *   a person on second mention) → `agree` / `equal`, or `compatible` / `initials` when their
 *   titles differ or one speaks for an organisation. Deliberately not transitive: "Minister
 *   Prasad" agrees with "Ravi Shankar Prasad" and with "Jitin Prasad", which conflict;
 * - initials or an omitted middle name ("PK Jena" ~ "Pradeep Jena") → `compatible` / `initials`;
 * - same name, different titles → `compatible` / `title`;
 * - one token one edit apart ("Penny"/"Penney") → `conflict` / `spelling` (flagged, not merged);
 * - same organisation, different person roles ("Twitter CEO" vs "Twitter spokesperson") →
 *   `conflict` / `different-role`; otherwise `conflict` / `different-entity`.
 *
 * Symmetric in verdict and reason. `options.aliases` is a table or raw groups (merged with the
 * defaults; the table built from a groups array is cached per array, so build a new array, or
 * a table, rather than editing one in place).
 *
 * @example
 * compareEntities(parseEntity('a spokesperson of Twitter'), parseEntity('Twitter in its statement')).reason;
 * // 'same-organisation'
 */
export function compareEntities(a: EntityValue, b: EntityValue, options: EntityCompareOptions = {}): Comparison {
  const table = resolveTable(options.aliases);
  const la = label(a);
  const lb = label(b);
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type && a.type !== 'other' && b.type !== 'other') {
    return { verdict: 'conflict', reason: 'different-entity', detail: `${la} is a ${a.type}, ${lb} a ${b.type}` };
  }
  const ta = nameTokens(a.name);
  const tb = nameTokens(b.name);
  let nameReason: 'identical' | 'equal' | 'alias' | 'initials' | 'surname';
  if (foldName(a.name) === foldName(b.name) || (ta.length > 0 && ta.join(' ') === tb.join(' '))) {
    nameReason = a.name === b.name ? 'identical' : 'equal';
  } else if (entityKey(a.name, table) === entityKey(b.name, table)) {
    nameReason = 'alias';
  } else if (
    Math.min(ta.length, tb.length) === 1 &&
    Math.max(ta.length, tb.length) >= 2 &&
    ta[ta.length - 1] === tb[tb.length - 1] &&
    (looksPersonal(a) || looksPersonal(b)) &&
    a.type !== 'organisation' &&
    b.type !== 'organisation'
  ) {
    // News names a person in full once, then by surname ("Ms Arora", "Kulkarni"): the same person.
    nameReason = 'surname';
  } else if (initialsCompatible(ta, tb, looksPersonal(a) || looksPersonal(b))) {
    nameReason = 'initials';
  } else {
    const typo = nearMisspelling(ta, tb);
    if (typo) {
      return {
        verdict: 'conflict',
        reason: 'spelling',
        detail:
          ta.length > 1
            ? `${la} and ${lb} are possibly the same name misspelt ("${typo[0]}" vs "${typo[1]}")`
            : `${la} and ${lb} are possibly the same name misspelt`,
      };
    }
    return { verdict: 'conflict', reason: 'different-entity', detail: `${la} and ${lb} are different entities` };
  }

  const ra = roleOf(a);
  const rb = roleOf(b);
  let sameOrganisation = false;
  if (ra?.key !== rb?.key) {
    if (ra?.cls === 'person' || rb?.cls === 'person') {
      const detail =
        ra === undefined || rb === undefined
          ? `${ra === undefined ? lb : la} is one person in the organisation, ${ra === undefined ? la : lb} the organisation itself`
          : `${la} and ${lb} are different roles in one organisation`;
      return { verdict: 'conflict', reason: 'different-role', detail };
    }
    sameOrganisation = true;
  }
  const titleA = a.title === undefined ? undefined : foldName(a.title);
  const titleB = b.title === undefined ? undefined : foldName(b.title);
  // A title shortened from the front is the same title ("District Collector" → "Collector");
  // one that adds or changes words may not be ("Union minister" vs "Union Minister of …").
  // An honorific ("Ms", "Dr") is no title to disagree with.
  const titlesDiffer =
    titleA !== undefined &&
    titleB !== undefined &&
    titleA !== titleB &&
    !HONORIFICS.has(titleA.replace(/\.$/, '')) &&
    !HONORIFICS.has(titleB.replace(/\.$/, '')) &&
    !titleA.endsWith(` ${titleB}`) &&
    !titleB.endsWith(` ${titleA}`);

  if (nameReason === 'surname' && !titlesDiffer && !sameOrganisation) {
    return { verdict: 'agree', reason: 'equal', detail: `${la} and ${lb} name the same person, once by surname` };
  }
  if (nameReason === 'initials' || nameReason === 'surname') {
    return { verdict: 'compatible', reason: 'initials', detail: `${la} and ${lb} may be the same name (initials or a shortened name)` };
  }
  if (titlesDiffer) {
    return { verdict: 'compatible', reason: 'title', detail: `same name, different titles: "${a.title}" vs "${b.title}"` };
  }
  if (sameOrganisation) {
    return { verdict: 'agree', reason: 'same-organisation', detail: `${la} and ${lb} both speak for the same organisation` };
  }
  if (nameReason === 'alias') {
    return { verdict: 'agree', reason: 'alias', detail: `${la} and ${lb} are aliases of one entity` };
  }
  if (nameReason === 'identical' && a.role === b.role && a.title === b.title) {
    return { verdict: 'agree', reason: 'identical', detail: `both ${la}` };
  }
  return { verdict: 'agree', reason: 'equal', detail: `${la} and ${lb} name the same entity` };
}

/** How much a name says: full words beat initials, then more letters. */
function nameScore(name: string): [number, number] {
  const tokens = nameTokens(name);
  return [tokens.filter((t) => t.length > 1).length, tokens.join('').length];
}

function compareTuples(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}

/**
 * The most specific value consistent with all, or null when any pair conflicts (or there are
 * no values). The fullest name wins ("Pradeep Jena" over "PK Jena"); the longest title is
 * kept; a plain organisation is preferred to one with a role, so differing voice roles
 * (spokesperson, statement) combine to the organisation alone. Order independent; returns a
 * fresh value.
 *
 * @example
 * combineEntities([parseEntity('PK Jena'), parseEntity('Pradeep Jena')]);
 * // { kind: 'entity', name: 'Pradeep Jena', text: 'Pradeep Jena' }
 */
export function combineEntities(all: readonly EntityValue[], options: EntityCompareOptions = {}): EntityValue | null {
  const values = distinctValues(all); // pairwise below: repeats add nothing
  if (values.length === 0) return null;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      if (compareEntities(values[i] as EntityValue, values[j] as EntityValue, options).verdict === 'conflict') return null;
    }
  }
  const byName = [...values].sort((x, y) => {
    const c = compareTuples(nameScore(y.name), nameScore(x.name));
    if (c !== 0) return c;
    const roleless = Number(x.role !== undefined) - Number(y.role !== undefined);
    return roleless !== 0 ? roleless : compareStrings(stableStringify(x), stableStringify(y));
  });
  const source = byName[0] as EntityValue;
  // Canonical role names keep the result independent of which synonym came first.
  const roles = new Set(values.map((v) => roleOf(v)?.key));
  const role = roles.size === 1 ? [...roles][0] : undefined;
  const titles = values
    .map((v) => v.title)
    .filter((t): t is string => t !== undefined)
    .sort((x, y) => y.length - x.length || compareStrings(x, y));
  const title = titles[0];
  const types = new Set(values.map((v) => v.type).filter((t) => t !== undefined));
  const type = types.size === 1 ? [...types][0] : undefined;
  const result: EntityValue = { kind: 'entity', name: source.name };
  if (role !== undefined) result.role = role;
  if (title !== undefined) result.title = title;
  if (type !== undefined) result.type = type;
  if (source.text !== undefined && source.role === result.role && source.title === result.title) result.text = source.text;
  return result;
}

/**
 * A short label: the name, its role in brackets, its title before it (or after a comma when
 * the title is a long "Minister of ..." form).
 *
 * @example
 * formatEntity(parseEntity('a spokesperson of Twitter')); // 'Twitter (spokesperson)'
 * formatEntity(parseEntity('Ravi Shankar Prasad')); // 'Ravi Shankar Prasad'
 */
export function formatEntity(v: EntityValue): string {
  let out = v.name;
  if (v.title !== undefined && v.title.length > 0) {
    out = / of /iu.test(v.title) ? `${v.name}, ${v.title}` : `${v.title} ${v.name}`;
  }
  return v.role !== undefined && v.role.length > 0 ? `${out} (${v.role})` : out;
}
