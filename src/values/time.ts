import type { Comparison, Granularity, TimeAnchor, TimeValue } from '../model/index.js';
import { compareStrings, stableStringify, distinctValues } from './canonical.js';
import type { TimeCompareOptions } from './options.js';

// ---------------------------------------------------------------------------------------------
// Calendar days: plain integers (days since 1970-01-01, proleptic Gregorian)
// ---------------------------------------------------------------------------------------------

/**
 * Every calendar computation below works on epoch day numbers, so nothing depends on the
 * host's time zone or clock, and no Date objects are built on the hot path.
 */
type Day = number;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days from 1970-01-01 to y-m-d (any integer year; m 1–12, d 1–31). */
function daysFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The year, month (1–12) and day of an epoch day. */
function civil(z: Day): { y: number; m: number; d: number } {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_LENGTHS[m - 1] ?? 31);
}

/** ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function yearOf(day: Day): number {
  return civil(day).y;
}

/** Adds calendar months, clamping to the last day of a shorter month (as date-fns addMonths). */
function addMonths(day: Day, n: number): Day {
  if (n === 0) return day;
  const { y, m, d } = civil(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

function startOfISOWeek(day: Day): Day {
  return day - (isoWeekday(day) - 1);
}

function startOfMonth(day: Day): Day {
  const { y, m } = civil(day);
  return daysFromCivil(y, m, 1);
}

function endOfMonth(day: Day): Day {
  const { y, m } = civil(day);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

/** The next day after `day` with ISO weekday `iso` (a week later when `day` is one). */
function nextWeekday(day: Day, iso: number): Day {
  return day + ((((iso - isoWeekday(day)) % 7) + 7) % 7 || 7);
}

/** The last day before `day` with ISO weekday `iso` (a week earlier when `day` is one). */
function previousWeekday(day: Day, iso: number): Day {
  return day - ((((isoWeekday(day) - iso) % 7) + 7) % 7 || 7);
}

/** A valid calendar day (years 1000–9999, so ISO strings keep four digits), else null. */
function makeDay(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(day: Day): string {
  const { y, m, d } = civil(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds, fraction and offset are optional here; a missing offset means "zone unknown".
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

interface ParsedInstant {
  /** The calendar day as written (in the instant's own offset). */
  day: Day;
  /** Epoch milliseconds, or null when no offset was written. */
  ms: number | null;
  /** Canonical `YYYY-MM-DDTHH:MM:SS[.f]±HH:MM` (or `Z`), or null without an offset. */
  text: string | null;
}

function parseDateTime(text: string): ParsedInstant | null {
  const m = DATETIME_RE.exec(text);
  if (!m) return null;
  const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hh = Number(m[4]);
  const mm = Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (day === null || hh > 23 || mm > 59 || ss > 59) return null;
  const zone = m[8];
  if (zone === undefined) return { day, ms: null, text: null };
  let offsetMinutes = 0;
  let offsetText = 'Z';
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (om > 59 || oh * 60 + om > 14 * 60) return null;
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (oh * 60 + om);
    offsetText = `${sign < 0 ? '-' : '+'}${pad(oh)}:${pad(om)}`;
  }
  const fraction = m[7];
  const ms =
    day * DAY_MS + hh * 3_600_000 + mm * MINUTE_MS + ss * 1000 +
    (fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000)) -
    offsetMinutes * MINUTE_MS;
  const clock = `${pad(hh)}:${pad(mm)}:${pad(ss)}${fraction === undefined ? '' : `.${fraction}`}`;
  return { day, ms, text: `${isoDay(day)}T${clock}${offsetText}` };
}

function parseIsoDay(text: string): Day | null {
  const m = DATE_RE.exec(text);
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The publication's calendar day as written (a date-time keeps its own offset's date). */
function publicationDay(publishedAt: string | null | undefined): Day | null {
  if (typeof publishedAt !== 'string') return null;
  const text = publishedAt.trim();
  return parseIsoDay(text) ?? parseDateTime(text)?.day ?? null;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

interface Span {
  start: Day;
  end: Day;
}

/** What a phrase means before it meets a publication date. */
type Reading =
  | { kind: 'absolute'; granularity: Granularity; span: Span }
  | { kind: 'relative'; granularity: Granularity; resolve: (pub: Day) => Span | null };

const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9], ['october', 10],
  ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** ISO weekday numbers: Monday 1 … Sunday 7. */
const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5],
  ['saturday', 6], ['sunday', 7],
]);

const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11],
  ['twelve', 12], ['fifteen', 15], ['twenty', 20], ['thirty', 30],
]);

const UNITS = new Map<string, 'day' | 'week' | 'month' | 'year'>([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'],
  ['month', 'month'], ['months', 'month'], ['year', 'year'], ['years', 'year'],
]);

/** Punctuation that never changes a date's meaning ("Feb. 4", "June 2, 2023", "(08 February)"). */
const DROPPED = new Set(['.', ',', '(', ')', '[', ']', '{', '}', '"', "'", '“', '”', '‘', '’', '`', ';', '!', '?', '…', 'the', 'of']);
const LEADING_FILLERS = new Set(['on', 'in', 'since', 'during', 'at', 'by']);
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const ZONE_WORDS = new Set(['ist', 'gmt', 'utc', 'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'pt', 'pst', 'pdt', 'bst', 'cet', 'cest']);
const MAX_TOKENS = 40;

/** Letters, digit runs, or one other character: linear, no backtracking. */
const TOKEN_RE = /[a-z]+|\d+|\S/gu;

function isDigits(token: string | undefined, min: number, max: number): token is string {
  return token !== undefined && token.length >= min && token.length <= max && /^\d+$/.test(token);
}

function dayNumber(token: string | undefined): number | null {
  if (!isDigits(token, 1, 2)) return null;
  const n = Number(token);
  return n >= 1 && n <= 31 ? n : null;
}

function yearNumber(token: string | undefined): number | null {
  return isDigits(token, 4, 4) && Number(token) >= 1000 ? Number(token) : null;
}

const dayOnly = (date: Day): Span => ({ start: date, end: date });
const isoWeek = (date: Day): Span => {
  const start = startOfISOWeek(date);
  return { start, end: start + 6 };
};
const wholeMonth = (date: Day): Span => {
  const { y, m } = civil(date);
  return { start: daysFromCivil(y, m, 1), end: daysFromCivil(y, m, daysInMonth(y, m)) };
};
const wholeYear = (date: Day): Span => {
  const y = yearOf(date);
  return { start: daysFromCivil(y, 1, 1), end: daysFromCivil(y, 12, 31) };
};

function relativeDays(offset: number): Reading {
  return { kind: 'relative', granularity: 'day', resolve: (pub) => dayOnly(pub + offset) };
}

type Part = 'early' | 'mid' | 'late';

/** Part of a week (Mon–Wed, Wed–Fri, Fri–Sun), month (1–10, 11–20, 21–end) or year (thirds). */
function partOf(span: Span, unit: 'week' | 'month' | 'year', part: Part | null): Span {
  if (part === null) return span;
  const { start, end } = span;
  if (unit === 'week') {
    const from = { early: 0, mid: 2, late: 4 }[part];
    return { start: start + from, end: part === 'late' ? end : start + from + 2 };
  }
  if (unit === 'month') {
    const from = { early: 0, mid: 10, late: 20 }[part];
    return { start: start + from, end: part === 'late' ? end : start + from + 9 };
  }
  const from = { early: 0, mid: 4, late: 8 }[part];
  return { start: addMonths(start, from), end: endOfMonth(addMonths(start, from + 3)) };
}

const UNIT_SPAN = { week: isoWeek, month: wholeMonth, year: wholeYear } as const;
const UNIT_STEP = {
  week: (d: Day, n: number) => d + 7 * n,
  month: (d: Day, n: number) => addMonths(d, n),
  year: (d: Day, n: number) => addMonths(d, 12 * n),
} as const;

/** "[early|mid|late|earlier|later] (this|last|previous|next|coming) (week|month|year)". */
function readUnitPhrase(t: readonly string[]): Reading | null {
  let i = 0;
  let modifier = t[0];
  if (modifier === 'early' || modifier === 'mid' || modifier === 'late' || modifier === 'earlier' || modifier === 'later') i++;
  else modifier = undefined;
  const which = t[i];
  const unitWord = t[i + 1];
  if (t.length !== i + 2 || unitWord === undefined) return null;
  const unit = unitWord === 'week' || unitWord === 'month' || unitWord === 'year' ? unitWord : null;
  // "earlier in the week" reads as "earlier this week".
  const inCurrent = which === 'in' && (modifier === 'earlier' || modifier === 'later');
  const step = which === 'this' || inCurrent ? 0 : which === 'last' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : null;
  if (unit === null || step === null) return null;
  // "earlier/later" only read naturally against the current unit and the publication day.
  if ((modifier === 'earlier' || modifier === 'later') && step !== 0) return null;
  return {
    kind: 'relative',
    granularity: unit,
    resolve: (pub) => {
      const span = UNIT_SPAN[unit](UNIT_STEP[unit](pub, step));
      if (modifier === 'earlier') return { start: span.start, end: pub };
      if (modifier === 'later') return { start: pub, end: span.end };
      return partOf(span, unit, (modifier ?? null) as Part | null);
    },
  };
}

/** "N days/weeks/months/years ago": a day for days, the containing week/month/year otherwise. */
function readAgo(t: readonly string[]): Reading | null {
  if (t.length !== 3 || t[2] !== 'ago') return null;
  const countWord = t[0] ?? '';
  const n = isDigits(countWord, 1, 4) ? Number(countWord) : NUMBER_WORDS.get(countWord);
  const unit = UNITS.get(t[1] ?? '');
  if (n === undefined || unit === undefined) return null;
  return {
    kind: 'relative',
    granularity: unit,
    resolve: (pub) =>
      unit === 'day'
        ? dayOnly(pub - n)
        : unit === 'week'
          ? isoWeek(pub - 7 * n)
          : unit === 'month'
            ? wholeMonth(addMonths(pub, -n))
            : wholeYear(addMonths(pub, -12 * n)),
  };
}

/** Weekday phrases; news is past tense, so a bare weekday is the latest one on or before publication. */
function readWeekday(t: readonly string[]): Reading | null {
  const last = t[t.length - 1];
  const iso = last === undefined ? undefined : WEEKDAYS.get(last);
  if (iso === undefined) return null;
  const lead = t.slice(0, -1).join(' ');
  let resolve: (pub: Day) => Day;
  if (lead === '') resolve = (pub) => (isoWeekday(pub) === iso ? pub : previousWeekday(pub, iso));
  else if (lead === 'last' || lead === 'past' || lead === 'previous') resolve = (pub) => previousWeekday(pub, iso);
  else if (lead === 'next' || lead === 'coming' || lead === 'this coming') resolve = (pub) => nextWeekday(pub, iso);
  // "this Friday": the Friday of the publication's (Monday-start) week, past or coming.
  else if (lead === 'this') resolve = (pub) => startOfISOWeek(pub) + iso - 1;
  else return null;
  return { kind: 'relative', granularity: 'day', resolve: (pub) => dayOnly(resolve(pub)) };
}

/** The weekend (Saturday–Sunday) a phrase points at. */
function readWeekend(t: readonly string[]): Reading | null {
  const phrase = t.join(' ');
  const weekendOf = (date: Day): Span => {
    const monday = startOfISOWeek(date);
    return { start: monday + 5, end: monday + 6 };
  };
  let pick: ((pub: Day) => Day) | null = null;
  if (phrase === 'weekend' || phrase === 'over weekend') {
    pick = (pub) => (isoWeekday(pub) >= 6 ? pub : pub - 7);
  } else if (phrase === 'this weekend') pick = (pub) => pub;
  else if (phrase === 'last weekend' || phrase === 'past weekend' || phrase === 'previous weekend') pick = (pub) => pub - 7;
  else if (phrase === 'next weekend') pick = (pub) => pub + 7;
  if (pick === null) return null;
  const chosen = pick;
  return { kind: 'relative', granularity: 'week', resolve: (pub) => weekendOf(chosen(pub)) };
}

const FIXED = new Map<string, Reading>([
  ['today', relativeDays(0)],
  ['tonight', relativeDays(0)],
  ['this morning', relativeDays(0)],
  ['this afternoon', relativeDays(0)],
  ['this evening', relativeDays(0)],
  ['earlier today', relativeDays(0)],
  ['later today', relativeDays(0)],
  ['yesterday', relativeDays(-1)],
  ['last night', relativeDays(-1)],
  ['last evening', relativeDays(-1)],
  ['day before yesterday', relativeDays(-2)],
  ['tomorrow', relativeDays(1)],
  ['day after tomorrow', relativeDays(2)],
]);

/** The occurrence of month/day nearest the publication day (ties go to the past). */
function nearestMonthDay(pub: Day, month: number, day: number): Span | null {
  let best: { date: Day; distance: number } | null = null;
  const year = yearOf(pub);
  // ±4 years so that February 29 still finds a leap year.
  for (const y of [year - 1, year, year + 1, year - 2, year + 2, year - 3, year + 3, year - 4, year + 4]) {
    const date = makeDay(y, month, day);
    if (date === null) continue;
    const distance = date - pub;
    if (!best || Math.abs(distance) < Math.abs(best.distance) || (Math.abs(distance) === Math.abs(best.distance) && distance < best.distance)) {
      best = { date, distance };
    }
  }
  return best ? dayOnly(best.date) : null;
}

/** The month of that name nearest the publication month (ties go to the past). */
function nearestMonth(pub: Day, month: number): Day {
  const delta = month - civil(pub).m;
  const shift = delta > 6 ? delta - 12 : delta < -6 ? delta + 12 : delta === 6 ? -6 : delta;
  return addMonths(startOfMonth(pub), shift);
}

/** Explicit calendar dates: month-day, day-month, month-year, year, with an optional weekday in front. */
function readCalendar(tokens: readonly string[]): Reading | null {
  // "Monday, February 8": the date decides; the weekday is redundant.
  const t = tokens.length > 1 && WEEKDAYS.has(tokens[0] ?? '') ? tokens.slice(1) : tokens;
  let part: Part | null = null;
  let i = 0;
  if (t[0] === 'early' || t[0] === 'mid' || t[0] === 'late') {
    part = t[0];
    i = 1;
  }
  let month: number | undefined;
  let day: number | null = null;
  const first = t[i];
  const monthFirst = MONTHS.get(first ?? '');
  if (monthFirst !== undefined) {
    month = monthFirst;
    i++;
    day = part === null ? dayNumber(t[i]) : null;
    if (day !== null) i++;
  } else if (part === null && dayNumber(first) !== null) {
    day = dayNumber(first);
    i++;
    month = MONTHS.get(t[i] ?? '');
    if (month === undefined) {
      if (!ORDINAL_SUFFIXES.has(t[i] ?? '')) return null;
      month = MONTHS.get(t[i + 1] ?? '');
      i++;
    }
    if (month === undefined) return null;
    i++;
  }
  if (day !== null && monthFirst !== undefined && ORDINAL_SUFFIXES.has(t[i] ?? '')) i++;
  const year = yearNumber(t[i]);
  if (year !== null) i++;
  if (i !== t.length) return null;

  if (month === undefined) {
    // A bare year: only plausible news years, so counts like "1178" are not read as years.
    if (year === null || t !== tokens || year < 1800 || year > 2199) return null;
    return { kind: 'absolute', granularity: 'year', span: partOf(wholeYear(makeDay(year, 1, 1) as Day), 'year', part) };
  }
  const m = month;
  if (day !== null) {
    const d = day;
    if (year !== null) {
      const date = makeDay(year, m, d);
      return date === null ? null : { kind: 'absolute', granularity: 'day', span: dayOnly(date) };
    }
    // Reject impossible days (February 30) up front rather than after resolution.
    if (makeDay(2000, m, d) === null) return null;
    return { kind: 'relative', granularity: 'day', resolve: (pub) => nearestMonthDay(pub, m, d) };
  }
  if (year !== null) {
    return { kind: 'absolute', granularity: 'month', span: partOf(wholeMonth(makeDay(year, m, 1) as Day), 'month', part) };
  }
  return { kind: 'relative', granularity: 'month', resolve: (pub) => partOf(wholeMonth(nearestMonth(pub, m)), 'month', part) };
}

/** Numeric forms: 2021-02-04, 2021/02/04, 2021-02, and d/m/y only when unambiguous. */
function readNumeric(t: readonly string[]): Reading | null {
  const [a, s1, b, s2, c] = t;
  if (t.length === 3 && s1 === '-' && isDigits(a, 4, 4) && isDigits(b, 1, 2)) {
    const date = makeDay(Number(a), Number(b), 1);
    return date === null ? null : { kind: 'absolute', granularity: 'month', span: wholeMonth(date) };
  }
  if (t.length !== 5 || s1 !== s2 || (s1 !== '-' && s1 !== '/')) return null;
  let date: Day | null = null;
  if (isDigits(a, 4, 4) && isDigits(b, 1, 2) && isDigits(c, 1, 2)) {
    date = makeDay(Number(a), Number(b), Number(c));
  } else if (isDigits(a, 1, 2) && isDigits(b, 1, 2) && isDigits(c, 4, 4)) {
    const x = Number(a);
    const y = Number(b);
    // 04/02/2021 is 4 February in India and April 2 in the US: refuse to guess.
    if (x === y || (x > 12 && y <= 12)) date = makeDay(Number(c), y, x);
    else if (y > 12 && x <= 12) date = makeDay(Number(c), x, y);
  }
  return date === null ? null : { kind: 'absolute', granularity: 'day', span: dayOnly(date) };
}

function isMeridiem(t: readonly string[], i: number): number {
  const x = t[i];
  if (x === 'am' || x === 'pm') return 1;
  if ((x === 'a' || x === 'p') && t[i + 1] === 'm') return 2;
  return 0;
}

/** Length of a clock time ("10:30", "10 am", "10:30 p.m. IST", "1030 hrs") starting at i, or 0. */
function clockLength(t: readonly string[], i: number): number {
  const h = t[i];
  if (isDigits(h, 4, 4) && t[i + 1] === 'hrs') return Number(h) % 100 < 60 && Number(h) < 2400 ? 2 : 0;
  if (!isDigits(h, 1, 2) || Number(h) > 23) return 0;
  let j = i + 1;
  let isClock = false;
  if (t[j] === ':' && isDigits(t[j + 1], 2, 2) && Number(t[j + 1]) < 60) {
    j += 2;
    isClock = true;
  } else if (isDigits(t[j], 2, 2) && Number(t[j]) < 60 && isMeridiem(t, j + 1) > 0) {
    j += 1; // "10.30 am" once the dot is dropped
  }
  const meridiem = isMeridiem(t, j);
  if (meridiem > 0) {
    if (Number(h) > 12) return 0;
    j += meridiem;
    isClock = true;
  } else if (t[j] === 'hrs') {
    j++;
  }
  if (!isClock) return 0;
  if (ZONE_WORDS.has(t[j] ?? '')) j++;
  return j - i;
}

/** Drops a clock time at either end: its zone is rarely known, so the reading keeps only the day. */
function stripClock(t: readonly string[]): readonly string[] {
  const head = clockLength(t, 0);
  if (head > 0) {
    const rest = t.slice(head);
    return rest[0] === 'on' ? rest.slice(1) : rest;
  }
  for (let i = Math.max(0, t.length - 6); i < t.length; i++) {
    const len = clockLength(t, i);
    if (len > 0 && i + len === t.length && i > 0) return t.slice(0, t[i - 1] === 'at' ? i - 1 : i);
  }
  return t;
}

function readPhrase(t: readonly string[]): Reading | null {
  if (t.length === 0) return null;
  const fixed = FIXED.get(t.join(' '));
  if (fixed) return fixed;
  const reading = readUnitPhrase(t) ?? readAgo(t) ?? readWeekday(t) ?? readWeekend(t) ?? readCalendar(t);
  if (reading) return reading;
  // "Monday night", "yesterday morning": the part of the day does not change the day.
  if (t.length > 1 && PARTS_OF_DAY.has(t[t.length - 1] ?? '')) {
    const inner = readPhrase(t.slice(0, -1));
    return inner && inner.granularity === 'day' ? inner : null;
  }
  // "late on Monday", "early Tuesday".
  if (t.length > 1 && (t[0] === 'early' || t[0] === 'late')) {
    const inner = readPhrase(t[1] === 'on' ? t.slice(2) : t.slice(1));
    return inner && inner.granularity === 'day' ? inner : null;
  }
  return null;
}

function unresolved(granularity: Granularity, text: string): TimeValue {
  return { kind: 'time', start: null, end: null, granularity, anchor: 'unresolved', text };
}

function spanValue(span: Span, granularity: Granularity, anchor: TimeAnchor, text: string): TimeValue {
  return { kind: 'time', start: isoDay(span.start), end: isoDay(span.end), granularity, anchor, text };
}

function parseTimeUnsafe(phrase: string, context: { publishedAt?: string | null }): TimeValue | null {
  if (phrase.length > 200) return null;
  // A date-time keeps its exact instant; strip wrappers and one leading "on"/"at" first.
  const core = phrase
    .trim()
    .replace(/^[("'“‘[]+/u, '')
    .replace(/[)"'”’\].,]+$/u, '')
    .replace(/^(?:on|at|since)\s+/iu, '');
  const instant = parseDateTime(core);
  if (instant) {
    if (instant.text === null) return spanValue(dayOnly(instant.day), 'day', 'absolute', phrase);
    return { kind: 'time', start: instant.text, end: instant.text, granularity: 'instant', anchor: 'absolute', text: phrase };
  }

  const raw = phrase.toLowerCase().match(TOKEN_RE) ?? [];
  if (raw.length > MAX_TOKENS * 2) return null;
  let t = raw.filter((x) => !DROPPED.has(x));
  while (t.length > 1 && LEADING_FILLERS.has(t[0] ?? '')) t = t.slice(1);
  t = [...stripClock(t)];
  if (t.length === 0 || t.length > MAX_TOKENS) return null;

  const reading = readNumeric(t) ?? readPhrase(t.filter((x) => x !== '-'));
  if (!reading) return null;
  if (reading.kind === 'absolute') return spanValue(reading.span, reading.granularity, 'absolute', phrase);
  const pub = publicationDay(context.publishedAt);
  if (pub === null) return unresolved(reading.granularity, phrase);
  const span = reading.resolve(pub);
  if (!span || !Number.isFinite(span.start) || !Number.isFinite(span.end)) return null;
  if (yearOf(span.start) < 1000 || yearOf(span.end) > 9999) return null;
  return spanValue(span, reading.granularity, 'publication', phrase);
}

/**
 * Reads a date phrase from news prose into a {@link TimeValue}, resolving relative phrases
 * ("on Monday", "yesterday", "late last month") against the report's publication date.
 *
 * - Fully dated forms ("8 February 2021", "June 2, 2023", "2021-02-04", "February 2021",
 *   "in 2020") are `absolute`; a month-day without a year takes the occurrence nearest the
 *   publication date and is anchored to `publication`.
 * - Without a publication date every relative form is `unresolved` (start/end null): never guessed.
 * - A date-time with an offset is an `instant`; clock times in prose are dropped to their day.
 * - Durations ("within 24 hours", "three days") and non-dates give null. Never throws.
 *
 * @example
 * parseTime('on Monday', { publishedAt: '2021-02-08' });
 * // { kind: 'time', start: '2021-02-08', end: '2021-02-08', granularity: 'day', anchor: 'publication', text: 'on Monday' }
 * parseTime('February 4'); // unresolved: no year, no publication date
 */
export function parseTime(phrase: string, context: { publishedAt?: string | null } = {}): TimeValue | null {
  try {
    return typeof phrase === 'string' ? parseTimeUnsafe(phrase, context ?? {}) : null;
  } catch {
    // Reading a phrase is best-effort: a surprise in odd input means "not a date".
    return null;
  }
}

/**
 * Re-reads an unresolved time against a (newly known) publication date; any other value is
 * returned unchanged. Lets a pipeline resolve phrases once the report's date arrives.
 *
 * @example
 * const later = parseTime('yesterday')!; // unresolved
 * resolveTimeValue(later, { publishedAt: '2021-02-09' }).start; // '2021-02-08'
 */
export function resolveTimeValue(value: TimeValue, context: { publishedAt?: string | null }): TimeValue {
  const isUnresolved = value.anchor === 'unresolved' || value.start === null || value.end === null;
  if (!isUnresolved || typeof value.text !== 'string') return value;
  return parseTime(value.text, context) ?? value;
}

// ---------------------------------------------------------------------------------------------
// Comparing and combining
// ---------------------------------------------------------------------------------------------

type Norm =
  | { type: 'unresolved'; unreadable: boolean }
  /** Inclusive epoch days. */
  | { type: 'days'; s: number; e: number }
  /** Epoch milliseconds, plus the local calendar days as written. */
  | { type: 'instants'; s: number; e: number; sDay: number; eDay: number };

type Endpoint = { day: number; ms: number | null };

function readEndpoint(text: string): Endpoint | null {
  const day = parseIsoDay(text);
  if (day !== null) return { day, ms: null };
  const instant = parseDateTime(text);
  return instant ? { day: instant.day, ms: instant.ms } : null;
}

function normalize(v: TimeValue): Norm {
  if (v.anchor === 'unresolved' || v.start === null || v.end === null) return { type: 'unresolved', unreadable: false };
  const a = typeof v.start === 'string' ? readEndpoint(v.start) : null;
  const b = typeof v.end === 'string' ? readEndpoint(v.end) : null;
  if (!a || !b) return { type: 'unresolved', unreadable: true };
  if (a.ms !== null && b.ms !== null) {
    return a.ms <= b.ms
      ? { type: 'instants', s: a.ms, e: b.ms, sDay: a.day, eDay: b.day }
      : { type: 'instants', s: b.ms, e: a.ms, sDay: b.day, eDay: a.day };
  }
  // A calendar day mixed with a date-time: fall back to the days as written.
  return { type: 'days', s: Math.min(a.day, b.day), e: Math.max(a.day, b.day) };
}

/**
 * The real-time window in which some zone (UTC−12 … UTC+14) is on one of these calendar days:
 * from the first day's midnight at UTC+14 to the last day's end at UTC−12.
 */
function zoneWindow(n: { s: number; e: number }): [number, number] {
  return [n.s * DAY_MS - 14 * 3_600_000, (n.e + 1) * DAY_MS + 12 * 3_600_000];
}

function formatRange(v: TimeValue): string | null {
  if (v.anchor === 'unresolved' || v.start === null || v.end === null) return null;
  return v.start === v.end ? v.start : `${v.start} – ${v.end}`;
}

function describe(v: TimeValue): string {
  const range = formatRange(v);
  const quoted = typeof v.text === 'string' ? `"${v.text}"` : null;
  if (range === null) return quoted ? `${quoted} (unresolved)` : `an unresolved ${v.granularity}`;
  return quoted ? `${range} (${quoted})` : range;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function compareDays(a: TimeValue, b: TimeValue, x: { s: number; e: number }, y: { s: number; e: number }): Comparison {
  const A = describe(a);
  const B = describe(b);
  const single = x.s === x.e && y.s === y.e;
  if (x.s === y.s && x.e === y.e) {
    return { verdict: 'agree', reason: 'equal', detail: `${A} and ${B} are the same ${single ? 'day' : 'interval'}` };
  }
  if (x.s >= y.s && x.e <= y.e) return { verdict: 'compatible', reason: 'granularity', detail: `${A} lies within ${B}` };
  if (y.s >= x.s && y.e <= x.e) return { verdict: 'compatible', reason: 'granularity', detail: `${B} lies within ${A}` };
  if (x.s <= y.e && y.s <= x.e) return { verdict: 'compatible', reason: 'granularity', detail: `${A} and ${B} overlap` };
  return { verdict: 'conflict', reason: 'disjoint', detail: `${A} and ${B} ${single ? 'are different days' : 'do not overlap'}` };
}

function compareInstants(
  a: TimeValue,
  b: TimeValue,
  x: { s: number; e: number },
  y: { s: number; e: number },
  tolerance: number,
): Comparison {
  const A = describe(a);
  const B = describe(b);
  const apart = Math.max(Math.abs(x.s - y.s), Math.abs(x.e - y.e));
  if (apart <= tolerance) {
    const detail = apart === 0 ? `${A} and ${B} are the same moment` : `${A} and ${B} are ${plural(Math.round(apart / MINUTE_MS), 'minute')} apart, within the tolerance`;
    return { verdict: 'agree', reason: 'equal', detail };
  }
  if (x.s >= y.s - tolerance && x.e <= y.e + tolerance) return { verdict: 'compatible', reason: 'granularity', detail: `${A} lies within ${B}` };
  if (y.s >= x.s - tolerance && y.e <= x.e + tolerance) return { verdict: 'compatible', reason: 'granularity', detail: `${B} lies within ${A}` };
  if (x.s <= y.e + tolerance && y.s <= x.e + tolerance) return { verdict: 'compatible', reason: 'granularity', detail: `${A} and ${B} overlap` };
  const gap = Math.min(Math.abs(x.s - y.e), Math.abs(y.s - x.e));
  return { verdict: 'conflict', reason: 'disjoint', detail: `${A} and ${B} are different moments, ${plural(Math.round(gap / MINUTE_MS), 'minute')} apart` };
}

function compareInstantWithDays(
  instantValue: TimeValue,
  dayValue: TimeValue,
  i: { s: number; e: number; sDay: number; eDay: number },
  d: { s: number; e: number },
): Comparison {
  const I = describe(instantValue);
  const D = describe(dayValue);
  if (i.sDay <= d.e && d.s <= i.eDay) {
    return { verdict: 'compatible', reason: 'granularity', detail: `${I} falls within ${D} by its own local date` };
  }
  const [from, to] = zoneWindow(d);
  if (i.s < to && from <= i.e) {
    return {
      verdict: 'compatible',
      reason: 'timezone',
      detail: `${I} and ${D} can be the same moment on different calendar days across time zones`,
    };
  }
  return { verdict: 'conflict', reason: 'disjoint', detail: `${I} is not within ${D} in any time zone` };
}

/**
 * Compares two times by how their intervals relate: the same interval agrees (`equal`);
 * one inside the other or a partial overlap is `compatible` (`granularity`); disjoint intervals
 * conflict (`disjoint`); an unresolved time cannot be checked (`compatible`, `unresolved`).
 * An instant against a calendar day is `granularity` when its own local date matches, and
 * `timezone` when the day differs but some real zone (UTC−12 … UTC+14) puts it on that day.
 * Symmetric in verdict and reason.
 *
 * @example
 * compareTimes(parseTime('on Monday', { publishedAt: '2021-02-08' })!, parseTime('on Tuesday', { publishedAt: '2021-02-09' })!);
 * // { verdict: 'conflict', reason: 'disjoint',
 * //   detail: '2021-02-08 ("on Monday") and 2021-02-09 ("on Tuesday") are different days' }
 */
export function compareTimes(a: TimeValue, b: TimeValue, options: TimeCompareOptions = {}): Comparison {
  const x = normalize(a);
  const y = normalize(b);
  if (x.type === 'unresolved' || y.type === 'unresolved') {
    const A = describe(a);
    const B = describe(b);
    const unreadable = (x.type === 'unresolved' && x.unreadable) || (y.type === 'unresolved' && y.unreadable);
    const why = unreadable
      ? 'a date cannot be read'
      : x.type === 'unresolved' && y.type === 'unresolved'
        ? 'neither has a known anchor date'
        : `${x.type === 'unresolved' ? A : B} has no known anchor date`;
    return { verdict: 'compatible', reason: 'unresolved', detail: `${A} and ${B} cannot be checked: ${why}` };
  }
  if (x.type === 'days') return y.type === 'days' ? compareDays(a, b, x, y) : compareInstantWithDays(b, a, y, x);
  if (y.type === 'days') return compareInstantWithDays(a, b, x, y);
  const minutes = options.instantToleranceMinutes ?? 0;
  const tolerance = Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE_MS : 0;
  return compareInstants(a, b, x, y, tolerance);
}

/** Whether x lies inside y (an instant inside a day counts in any real zone). */
function within(x: Norm, y: Norm): boolean {
  if (x.type === 'unresolved' || y.type === 'unresolved') return false;
  if (x.type === y.type) return x.s >= y.s && x.e <= y.e;
  if (x.type === 'days') return false;
  if (x.sDay >= y.s && x.eDay <= y.e) return true;
  const [from, to] = zoneWindow(y);
  return x.s >= from && x.e < to;
}

const GRANULARITY_RANK: Record<Granularity, number> = { instant: 0, minute: 1, hour: 2, day: 3, week: 4, month: 5, year: 6 };
const ANCHOR_RANK: Record<TimeAnchor, number> = { absolute: 0, publication: 1, mention: 2, unresolved: 3 };

function width(n: Norm): number {
  if (n.type === 'days') return (n.e - n.s + 1) * DAY_MS;
  if (n.type === 'instants') return n.e - n.s;
  return Number.POSITIVE_INFINITY;
}

function byKey(a: TimeValue, b: TimeValue): number {
  return compareStrings(stableStringify(a), stableStringify(b));
}

/**
 * The most specific time consistent with all the given times: the narrowest given value lying
 * inside all others, else (calendar intervals that only overlap) their intersection. Unresolved
 * times are ignored unless all are unresolved. Null when two times conflict or for no input.
 * Order-independent; never mutates its input.
 *
 * @example
 * combineTimes([
 *   parseTime('earlier this week', { publishedAt: '2021-02-09' })!,
 *   parseTime('on Monday', { publishedAt: '2021-02-09' })!,
 * ]); // the Monday: { start: '2021-02-08', end: '2021-02-08', granularity: 'day', ... }
 */
export function combineTimes(all: readonly TimeValue[]): TimeValue | null {
  const values = distinctValues(all); // pairwise below: repeats add nothing
  if (values.length === 0) return null;
  const entries = values.map((value) => ({ value, norm: normalize(value) }));
  const resolved = entries.filter((e) => e.norm.type !== 'unresolved');
  if (resolved.length === 0) {
    const first = [...values].sort(byKey)[0];
    return first ? { ...first } : null;
  }
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const p = resolved[i];
      const q = resolved[j];
      if (p && q && compareTimes(p.value, q.value).verdict === 'conflict') return null;
    }
  }
  const candidates = resolved
    .filter((e) => resolved.every((o) => o === e || within(e.norm, o.norm)))
    .sort(
      (p, q) =>
        width(p.norm) - width(q.norm) ||
        GRANULARITY_RANK[p.value.granularity] - GRANULARITY_RANK[q.value.granularity] ||
        ANCHOR_RANK[p.value.anchor] - ANCHOR_RANK[q.value.anchor] ||
        byKey(p.value, q.value),
    );
  const best = candidates[0];
  if (best) return { ...best.value };

  // Calendar intervals that overlap pairwise share a common part (intervals on a line).
  const days = resolved.map((e) => e.norm).filter((n): n is Extract<Norm, { type: 'days' }> => n.type === 'days');
  if (days.length !== resolved.length) return null;
  const s = Math.max(...days.map((n) => n.s));
  const e = Math.min(...days.map((n) => n.e));
  if (s > e) return null;
  const granularity = resolved
    .map((r) => r.value.granularity)
    .reduce((g, h) => (GRANULARITY_RANK[h] < GRANULARITY_RANK[g] ? h : g));
  const anchors = resolved.map((r) => r.value.anchor);
  const anchor: TimeAnchor = anchors.every((x) => x === 'absolute') ? 'absolute' : anchors.includes('publication') ? 'publication' : 'mention';
  return { kind: 'time', start: isoDay(s), end: isoDay(e), granularity, anchor };
}

/**
 * A short rendering: one day or instant, an interval "start – end", or "unresolved: phrase".
 *
 * @example
 * formatTime({ kind: 'time', start: '2021-02-01', end: '2021-02-09', granularity: 'week', anchor: 'publication' });
 * // '2021-02-01 – 2021-02-09'
 */
export function formatTime(v: TimeValue): string {
  return formatRange(v) ?? `unresolved: ${v.text ?? v.granularity}`;
}
