// Book dataset loader (TruthFinder, Yin/Han/Yu 2007; Dong et al. VLDB 2009): author-list claims
// from ../shared/datasets/book/book.txt as FuseClaims, the gold standard, and scoring.
//
// Rules:
// * Data item: subject = ISBN-10 (ISBN-13 978… converted, isbn13to10), attribute 'authors'.
// * Value: the sorted, distinct list of canonical person names (`knuth, d`: folded surname, first
//   initial; normaliseAuthors). "Not Available", empty and "0" fields make no claim.
// * A source listing one book twice: the first row in file order is its claim.
// * Gold (book_golden.txt, blank lines between entries): the same normalisation.
// * Scoring: a chosen list is correct when it is the gold's set of (surname, first initial),
//   order-insensitive (sameAuthors); a lenient surname-set rule is reported beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuseClaim, FusedItem } from '../../src/resolve/types.js';
import { isbnKey, normaliseAuthors, sameAuthors, sameSurnames, surnamesFromCommaForm } from './book-authors.js';

export const BOOK_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets', 'book');
export const BOOK_ATTRIBUTE = 'authors';

export interface BookClaims {
  claims: FuseClaim[];
  rows: number;
  sources: number;
  /** Rows whose author field names nobody ("Not Available", empty). */
  noAuthor: number;
  /** Rows repeating an earlier (source, ISBN). */
  duplicateRows: number;
  /** Distinct ISBN keys after ISBN-13 → ISBN-10. */
  books: number;
  isbn13Rows: number;
}

/** The rows of book.txt: [source, isbn, title, authors], CRLF stripped. */
export function readBookRows(dir = BOOK_DIR): string[][] {
  const text = readFileSync(join(dir, 'book.txt'), 'utf8');
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const f = line.split('\t');
    while (f.length < 4) f.push('');
    rows.push(f);
  }
  return rows;
}

/** Folded surnames from unambiguous `Last, First` fields anywhere in the data (for `Henderson Ken`). */
export function knownSurnames(rows: readonly string[][]): Set<string> {
  const out = new Set<string>();
  for (const f of rows) for (const s of surnamesFromCommaForm(f[3]!)) out.add(s);
  return out;
}

export function loadBookClaims(dir = BOOK_DIR): BookClaims {
  const rows = readBookRows(dir);
  const known = knownSurnames(rows);
  const seen = new Set<string>();
  const sources = new Set<string>();
  const books = new Set<string>();
  const claims: FuseClaim[] = [];
  let noAuthor = 0;
  let duplicateRows = 0;
  let isbn13Rows = 0;
  for (const [source, isbn, , authors] of rows) {
    const key = isbnKey(isbn!);
    if (isbn!.replace(/[\s-]/g, '').length === 13) isbn13Rows++;
    books.add(key);
    sources.add(source!);
    const k = `${source}\t${key}`;
    if (seen.has(k)) {
      duplicateRows++;
      continue;
    }
    seen.add(k);
    const names = normaliseAuthors(authors!, { knownSurnames: known });
    if (!names) {
      noAuthor++;
      continue;
    }
    claims.push({ source: source!, subject: key, attribute: BOOK_ATTRIBUTE, value: names });
  }
  return { claims, rows: rows.length, sources: sources.size, noAuthor, duplicateRows, books: books.size, isbn13Rows };
}

export interface BookGold {
  /** ISBN-10 → canonical author list. */
  values: Map<string, string[]>;
  entries: number;
  raw: Map<string, string>;
}

/** book_golden.txt: `ISBN<TAB>author list` entries separated by blank lines. */
export function loadBookGold(dir = BOOK_DIR, file = 'book_golden.txt'): BookGold {
  const text = readFileSync(join(dir, file), 'utf8');
  const values = new Map<string, string[]>();
  const raw = new Map<string, string>();
  let entries = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [isbn, authors = ''] = line.split('\t');
    entries++;
    const key = isbnKey(isbn!.trim());
    if (key === '' || values.has(key)) continue;
    const names = normaliseAuthors(authors);
    if (names) {
      values.set(key, names);
      raw.set(key, authors);
    }
  }
  return { values, entries, raw };
}

export interface BookScore {
  answered: number;
  correct: number;
  precision: number;
  /** Same set of surnames (ignoring initials). */
  surnamePrecision: number;
  unanswered: number;
}

/** The canonical list of a fused value: the string[] itself, or a string re-normalised. */
function listOf(value: unknown): string[] | null {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (typeof value === 'string') return normaliseAuthors(value);
  return null;
}

/** Precision over the gold books the method answered (sameAuthors), and the lenient surname rule. */
export function scoreBook(items: Iterable<Pick<FusedItem, 'subject' | 'attribute' | 'value'>>, gold: BookGold): BookScore {
  let answered = 0;
  let correct = 0;
  let surnames = 0;
  for (const item of items) {
    if (item.attribute !== BOOK_ATTRIBUTE) continue;
    const g = gold.values.get(item.subject);
    if (!g) continue;
    answered++;
    const v = listOf(item.value);
    if (v && sameAuthors(v, g)) correct++;
    if (v && sameSurnames(v, g)) surnames++;
  }
  return {
    answered,
    correct,
    precision: answered ? correct / answered : 0,
    surnamePrecision: answered ? surnames / answered : 0,
    unanswered: gold.values.size - answered,
  };
}
