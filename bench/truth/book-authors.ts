// Parsers for the Book dataset (TruthFinder, Yin/Han/Yu 2007): ISBN-13 → ISBN-10 and author-list
// normalisation. Pure functions (no I/O) so that test/bench-truth/ can exercise them inline.

/**
 * ISBN-10 of an ISBN-13 with prefix 978 (the 9 body digits and a new mod-11 check digit, `X` for
 * 10); an ISBN-10 is returned cleaned (hyphens and spaces removed, `x` upper-cased). Anything else
 * (979 prefix, wrong length) is returned cleaned but otherwise unchanged.
 *
 * @example isbn13to10('9780201853940') // '0201853949'
 */
export function isbn13to10(isbn: string): string {
  const s = isbn.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) return s;
  if (!/^978\d{10}$/.test(s)) return s;
  const body = s.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(body[i]);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

/** The normalised key of any ISBN in the data: ISBN-10 when it can be (see isbn13to10). */
export const isbnKey = isbn13to10;

// The Latin-1 named entities (U+00A0 … U+00FF, in code point order), case-sensitive.
const LATIN1_ENTITY_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
LATIN1_ENTITY_NAMES.split(' ').forEach((name, i) => {
  ENTITIES[name] = String.fromCharCode(0xa0 + i);
});

/**
 * Decodes the HTML entities found in the data (`&amp;`, `&eacute;`, `&#146;`; `andamp;` too), then
 * repairs UTF-8 read as Latin-1 (`Gagn&Atilde;&copy;` → `GagnÃ©` → `Gagné`).
 */
export function decodeEntities(s: string): string {
  return fixMojibake(decodeEntityText(s));
}

function fixMojibake(s: string): string {
  if (!/[ÃÂ][\u0080-\u00ff]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  const fixed = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return fixed.includes('\ufffd') ? s : fixed;
}

function decodeEntityText(s: string): string {
  return s
    .replace(/andamp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => (Number(n) === 146 ? "'" : String.fromCharCode(Number(n))))
    .replace(/&([a-zA-Z0-9]+);/g, (_, name: string) => ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? ' ')
    .replace(/\u00a0/g, ' ');
}

/** Folds a word for comparison: accents dropped, lower case, letters only (`O'Leary` → `oleary`). */
export function foldWord(w: string): string {
  return w.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}]+/gu, '');
}

/** A person as written: surname and given names (possibly empty). */
export interface PersonName {
  surname: string;
  given: string;
}

const SUFFIX = /^(jr|sr|ii|iii|iv|phd|md|ma|msc|bsc|dr|prof|mr|mrs|ms|esq|et al|etc|ed|eds|editor|editors)\.?$/i;
const NO_AUTHOR = /^(not available|n\/?a|unknown|various|none|anonymous|\d+|-+)$/i;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ten', 'ter']);

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');
/** A word that is only an initial or initials: `E.`, `J.N.`, `M`. */
const isInitials = (w: string): boolean => /^(?:\p{Lu}\.?-?){1,3}$/u.test(w) || /^(?:\p{L}\.){1,3}$/u.test(w);

/**
 * Splits an author field into person strings. Separators: `;`, `/`, `|`, ` and `, `&`, `+`, role
 * tags in parentheses (`(Author)`, `(Joint Author)`, `(Editor)`, … — a parenthesis is never a
 * name), `By (author)`, a `BR` left from a stripped `<br>`, and a glued `FirstLast, First` where a
 * separator was lost (`Kifer, MichaelBernstein, Arthur`), `~`, `et al.`, and `edited by`. Commas
 * are resolved by splitPersonChunk.
 */
export function splitAuthorField(field: string): string[] {
  let s = decodeEntities(field).replace(/\s+/g, ' ').trim();
  s = s.replace(/\bby\s*\((?:author|editor)\)/gi, ';');
  s = s.replace(/\([^)]*\)?/g, ';'); // role tags and affiliations
  s = s.replace(/([a-z])BR(?=[A-Z])/g, '$1;');
  // Lost separator between "Last, First" entries: "…MichaelBernstein, Arthur", "…A.Prescott, Mary".
  s = s.replace(/[\p{L}.'-]+/gu, unglue);
  s = s.replace(/\b(?:edited|compiled|translated|foreword|introduction|preface)\s+by\b|\bed\.\s+by\b/gi, ';');
  s = s.replace(/^\s*by\s+/i, '');
  s = s.replace(/,\s*(and|&)\s+/gi, ' $1 ');
  const chunks = s.split(/;|\/|\||~|\s+and\s+|&|\+|\s+with\s+|\bet\.? al\b\.?/i);
  const out: string[] = [];
  for (const c of chunks) {
    const t = c.trim().replace(/^[,.\s]+/, '').trim();
    if (t !== '') out.push(t);
  }
  return out;
}

const INNER_CAPITAL_PREFIX = /^(mc|mac|le|la|de|di|da|du|van|von|o')$/i;

/**
 * Splits a word where a separator was lost between two names: at each capital that follows a
 * lower-case letter or a dot (`MaryMcFadden,` → `Mary;McFadden,`, `A.Prescott,` → `A.;Prescott,`,
 * `DowdJohn` → `Dowd;John`), except after a surname prefix with an inner capital (`McDiarmid`,
 * `DeWitt`, `MacDonald`, `LeBlanc`).
 */
function unglue(word: string): string {
  let start = 0;
  let out = '';
  for (let i = 1; i < word.length; i++) {
    const c = word[i]!;
    const prev = word[i - 1]!;
    if (c !== c.toUpperCase() || c === c.toLowerCase()) continue;
    if (!(prev === '.' || (prev === prev.toLowerCase() && prev !== prev.toUpperCase()))) continue;
    const head = word.slice(start, i);
    if (INNER_CAPITAL_PREFIX.test(head)) continue;
    out += `${head};`;
    start = i;
  }
  return out + word.slice(start);
}

/**
 * Reads one chunk (no `;`-style separators left) as one or more persons. Without a comma: `First
 * [Middle] Last`, or `Last First M` when the last word is an initial (`Knuth Donald E`). With
 * commas: `Last, First` pairs (`Johnson, Michael K., Troan, Erik W.`), a list of full names when
 * every part has two or more words (`Kenneth L. Calvert, Michael J. Donahoo`), pairs glued across
 * a space when the separator was lost (`BEAUCHEMIN, BOB SULLIVAN, DAN`), and a list of surnames
 * when it ends with a comma (`Rashka,McDiarmid,`).
 */
export function splitPersonChunk(chunk: string): PersonName[] {
  const rawParts = chunk.split(',').map((p) => p.trim());
  const trailingComma = rawParts.length > 1 && rawParts[rawParts.length - 1] === '';
  const parts = rawParts.filter((p) => p !== '' && !SUFFIX.test(p));
  if (parts.length === 0) return [];
  if (parts.length === 1) return [nameWithoutComma(parts[0]!)].filter((p): p is PersonName => p !== null);
  const counts = parts.map((p) => words(p).length);
  if (trailingComma && counts.every((c) => c === 1)) return parts.map((p) => ({ surname: p, given: '' }));
  // "First Last, First Last": every part a full name with a non-initial last word.
  if (counts.every((c) => c >= 2) && parts.every((p) => !isInitials(words(p).at(-1)!))) {
    return parts.map(nameWithoutComma).filter((p): p is PersonName => p !== null);
  }
  const interiorGlued = parts.length >= 3 && counts.slice(1, -1).every((c) => c >= 2);
  if (!interiorGlued && parts.length % 2 === 0 && parts.every((p, i) => i % 2 === 1 || words(p).length <= 3)) {
    const out: PersonName[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push({ surname: parts[i]!, given: parts[i + 1]! });
    return out;
  }
  // "L1, G1 L2, G2 [L3, G3]": an interior part of two or more words carries a given name and the
  // next surname; a one-word interior part is a given name and the next part a surname.
  const out: PersonName[] = [];
  let surname = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const w = words(parts[i]!);
    if (i === parts.length - 1) {
      out.push({ surname, given: parts[i]! });
    } else if (w.length >= 2) {
      out.push({ surname, given: w.slice(0, -1).join(' ') });
      surname = w.at(-1)!;
    } else {
      out.push({ surname, given: parts[i]! });
      surname = parts[++i]!;
      if (i === parts.length - 1) out.push({ surname, given: '' });
    }
  }
  return out;
}

function nameWithoutComma(part: string): PersonName | null {
  const w = words(part).filter((x) => !SUFFIX.test(x));
  if (w.length === 0) return null;
  if (w.length === 1) return { surname: w[0]!, given: '' };
  // "Knuth Donald E": surname first when the name ends with an initial.
  if (isInitials(w.at(-1)!) && !isInitials(w[0]!)) return { surname: w[0]!, given: w.slice(1).join(' ') };
  // Surname particles: "Rick Van der Lans", "Jan De Clercq".
  let k = w.length - 1;
  while (k > 1 && PARTICLES.has(w[k - 1]!.toLowerCase())) k--;
  return { surname: w.slice(k).join(' '), given: w.slice(0, k).join(' ') };
}

/**
 * A canonical person name: folded surname (particles such as van, der, de dropped, the rest
 * joined: `Van der Lans` and `Lans, Rick F. Van Der` → `lans`), a comma, and the
 * folded first initial of the given names (`knuth, d`); the surname alone when no given name is
 * known (`knuth`). "Donald E. Knuth", "Knuth, Donald Ervin" and "KNUTH, DONALD" all give `knuth, d`.
 */
export function canonicalPerson(p: PersonName): string | null {
  const sw = words(p.surname).map(foldWord).filter((w) => w !== '');
  const core = sw.filter((w) => !PARTICLES.has(w));
  const surname = (core.length > 0 ? core : sw).join('');
  if (surname.length < 2) return null; // a lone initial is not a person
  const given = words(p.given).map(foldWord).find((w) => w !== '');
  return given ? `${surname}, ${given[0]}` : surname;
}

export interface AuthorOptions {
  /**
   * Folded surnames known from unambiguous `Last, First` forms elsewhere in the data: a comma-less
   * `Henderson Ken` whose first word is a known surname and whose last word is not is read
   * surname-first.
   */
  knownSurnames?: ReadonlySet<string>;
}

/**
 * An author field as the sorted, distinct list of canonical person names, or null when the field
 * names nobody ("Not Available", empty, "0").
 *
 * @example normaliseAuthors('Knuth, Donald E.') // ['knuth, d']
 * @example normaliseAuthors('Kenneth L. Calvert, Michael J. Donahoo') // ['calvert, k', 'donahoo, m']
 */
export function normaliseAuthors(field: string, options: AuthorOptions = {}): string[] | null {
  const trimmed = decodeEntities(field).trim();
  if (trimmed === '' || NO_AUTHOR.test(trimmed)) return null;
  const names = new Set<string>();
  for (const chunk of splitAuthorField(trimmed)) {
    for (let p of splitPersonChunk(chunk)) {
      if (options.knownSurnames && !chunk.includes(',')) p = maybeSwap(p, options.knownSurnames);
      const c = canonicalPerson(p);
      if (c) names.add(c);
    }
  }
  return names.size === 0 ? null : [...names].sort();
}

function maybeSwap(p: PersonName, known: ReadonlySet<string>): PersonName {
  const g = words(p.given);
  if (g.length !== 1) return p;
  const first = foldWord(g[0]!);
  const last = words(p.surname).map(foldWord).join('');
  if (known.has(first) && !known.has(last)) return { surname: g[0]!, given: p.surname };
  return p;
}

/** Surnames of the unambiguous `Last, First` entries of a field (one pair, given name ≥ 2 letters). */
export function surnamesFromCommaForm(field: string): string[] {
  const out: string[] = [];
  for (const chunk of splitAuthorField(field)) {
    const parts = chunk.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length !== 2) continue;
    if (words(parts[0]!).length !== 1 || words(parts[1]!).length > 2) continue;
    if (isInitials(words(parts[1]!)[0] ?? 'X')) continue;
    const s = foldWord(parts[0]!);
    if (s.length > 1) out.push(s);
  }
  return out;
}

/**
 * Scoring rule: two author lists match when they name the same set of persons, compared by folded
 * surname and first initial, order-insensitive (the canonical forms above, as sets).
 */
export function sameAuthors(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** Lenient rule (reported beside the strict one): the same set of surnames. */
export function sameSurnames(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a.map((x) => x.split(',')[0]!));
  const sb = new Set(b.map((x) => x.split(',')[0]!));
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
