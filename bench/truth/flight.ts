// Flight dataset loader (Li, Dong, Lyons, Meng, Srivastava, VLDB 2013): claims and gold from
// ../shared/datasets/flight/ (see FORMAT.md there) as FuseClaims, and scoring against the gold.
//
// Rules (measured in bench/truth/zones.ts against the gold on the airline rows, see README.md):
// * Data item: subject `${flight}@${day}` (day from the file name), attribute one of
//   FLIGHT_ATTRIBUTES. Times are `{ kind: 'time', value: ISO with the airport's offset }`, gates
//   strings (normaliseGate).
// * A time without a zone is in the local zone of the flight key's origin airport (departures) or
//   destination airport (arrivals), unless SOURCE_ZONES says otherwise; a written zone (`EST`,
//   `(-05:00)`) always wins. A missing year / day comes from the file's day (nearest date).
// * A source that repeats a flight on one day (13,705 such (source, day, flight) keys): per
//   attribute the first non-empty value in file order is the claim; later rows are ignored.
// * Gold: same parser; times in the airport's local zone; duplicate (day, flight) keys in the gold
//   (77): the first row wins, later rows are ignored. Gold `--` gates and date-only times are no
//   gold value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuseClaim, FusedItem } from '../../src/resolve/types.js';
import {
  AIRPORT_UTC_OFFSET,
  type Day,
  dayOf,
  flightAirports,
  isoAt,
  normaliseGate,
  normaliseGateBasic,
  parseFlightTime,
  toEpochMinutes,
  type TimeParse,
} from './flight-time.js';

export const FLIGHT_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets', 'flight');

/** The six attributes, in column order (columns 3-8 of a claims row, 2-7 of a gold row). */
export const FLIGHT_ATTRIBUTES = [
  'scheduled-departure',
  'actual-departure',
  'departure-gate',
  'scheduled-arrival',
  'actual-arrival',
  'arrival-gate',
] as const;
export type FlightAttribute = (typeof FLIGHT_ATTRIBUTES)[number];

/** The airline sources whose rows are the gold. */
export const AIRLINE_SOURCES = ['aa', 'ua', 'CO'];

const isGate = (i: number): boolean => i === 2 || i === 5;
const isDeparture = (i: number): boolean => i < 3;

/**
 * Zone rule of a source for times written without a zone: 'local' (the airport's zone) or a fixed
 * UTC offset in minutes. Sources not listed are 'local'. Measured with bench/truth/zones.ts: every
 * source without a written zone matches the gold in the airport's local zone (see README.md).
 */
export type ZoneRule = 'local' | number;
export const SOURCE_ZONES: Record<string, { departure: ZoneRule; arrival: ZoneRule }> = {};

export function zoneRuleOf(source: string, attributeIndex: number): ZoneRule {
  const r = SOURCE_ZONES[source];
  if (!r) return 'local';
  return isDeparture(attributeIndex) ? r.departure : r.arrival;
}

export interface RawFlightRow {
  /** `YYYY-MM-DD` from the file name. */
  day: string;
  ref: Day;
  /** The 8 fields (claims) or 7 fields (gold), as in the file. */
  fields: string[];
}

/** Every row of every claims file, in file order (files sorted by name), decoded as latin-1. */
export function* readClaimRows(dir = FLIGHT_DIR): Generator<RawFlightRow> {
  const cdir = join(dir, 'claims');
  for (const file of readdirSync(cdir).filter((f) => /^\d{8}\.txt$/.test(f)).sort()) {
    const day = `${file.slice(0, 4)}-${file.slice(4, 6)}-${file.slice(6, 8)}`;
    const ref = dayOf(day);
    const text = readFileSync(join(cdir, file), 'latin1');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const fields = line.replace(/\r$/, '').split('\t');
      if (fields.length !== 8) throw new Error(`${file}: expected 8 fields, got ${fields.length}: ${line}`);
      yield { day, ref, fields };
    }
  }
}

/** Every row of every gold file, in file order. */
export function* readGoldRows(dir = FLIGHT_DIR): Generator<RawFlightRow> {
  const tdir = join(dir, 'truth');
  for (const file of readdirSync(tdir).filter((f) => /^\d{4}-\d{2}-\d{2}-truth\.txt$/.test(f)).sort()) {
    const day = file.slice(0, 10);
    const ref = dayOf(day);
    const text = readFileSync(join(tdir, file), 'latin1');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const fields = line.replace(/\r$/, '').split('\t');
      while (fields.length < 7) fields.push('');
      yield { day, ref, fields };
    }
  }
}

/** Parse coverage of one source. */
export interface SourceParseStats {
  source: string;
  /** Non-empty time strings. */
  times: number;
  parsed: number;
  /** Non-times: "Not Available", "Cancelled", "Contact Airline", a date without a time. */
  placeholders: number;
  /** Time-like strings no rule understood. */
  unparsed: number;
  unparsedExamples: string[];
  /** Non-empty gate strings, and how many of them are placeholders ("-", "Not provided by airline", "Terminal 3"). */
  gates: number;
  gatePlaceholders: number;
}

export interface FlightGoldTime {
  kind: 'time';
  /** Minutes since the epoch (UTC). */
  minutes: number;
  iso: string;
}
export interface FlightGoldGate {
  kind: 'gate';
  gate: string;
}
export type FlightGoldValue = FlightGoldTime | FlightGoldGate;

export interface FlightGold {
  /** `${subject}\t${attribute}` → value. */
  values: Map<string, FlightGoldValue>;
  rows: number;
  duplicateKeys: number;
  /** Duplicate keys whose later row differs from the first. */
  conflictingDuplicateKeys: number;
  /** Non-empty gold strings that gave no value (gate `--`, a date without a time). */
  placeholders: number;
  unparsed: string[];
}

export interface FlightLoadOptions {
  dir?: string;
  /** Sources left out (e.g. AIRLINE_SOURCES). */
  excludeSources?: readonly string[];
  /** 'full' (default): normaliseGate; 'basic': trim, upper-case, strip GATE and spaces only. */
  gates?: 'full' | 'basic';
}

export interface FlightClaims {
  claims: FuseClaim[];
  rows: number;
  /** Rows repeating an earlier (source, day, flight): their values only fill attributes still empty. */
  duplicateRows: number;
  /** Values dropped because the same source already gave that data item a value. */
  duplicateValues: number;
  stats: SourceParseStats[];
}

function statsFor(map: Map<string, SourceParseStats>, source: string): SourceParseStats {
  let s = map.get(source);
  if (!s) {
    s = { source, times: 0, parsed: 0, placeholders: 0, unparsed: 0, unparsedExamples: [], gates: 0, gatePlaceholders: 0 };
    map.set(source, s);
  }
  return s;
}

const flightOffsets = new Map<string, [number, number]>();

/** The UTC offset of the flight's origin (departure attributes) or destination (arrival attributes). */
function offsetFor(flight: string, attributeIndex: number): number {
  let offs = flightOffsets.get(flight);
  if (!offs) {
    const { origin, destination } = flightAirports(flight);
    const o = AIRPORT_UTC_OFFSET[origin];
    const d = AIRPORT_UTC_OFFSET[destination];
    if (o === undefined || d === undefined) throw new Error(`no time zone for airport ${o === undefined ? origin : destination} (${flight})`);
    offs = [o, d];
    flightOffsets.set(flight, offs);
  }
  return isDeparture(attributeIndex) ? offs[0] : offs[1];
}

/** An arrival more than this many minutes before its flight's departure is taken to be a day later. */
export const ARRIVAL_SLACK_MINUTES = 60;

/**
 * The arrival instant, moved forward by one day when it lies more than ARRIVAL_SLACK_MINUTES
 * (but less than a day and that much) before `departure`: an arrival cannot precede the departure. This resolves the arrival date of
 * red-eye flights where the string carries only the crawl date (`2011-12-01 12:15 AM` for an
 * arrival at 00:15 on 2 December) or the flight's date (CO and its gold: `Thu., Dec.01, 2011
 * 12:21 a.m.` for the same). Times already after the departure are unchanged.
 */
export function arrivalAfter(arrival: number, departure: number | undefined): number {
  if (departure === undefined || Number.isNaN(departure)) return arrival;
  return arrival < departure - ARRIVAL_SLACK_MINUTES && arrival + 1440 >= departure - ARRIVAL_SLACK_MINUTES ? arrival + 1440 : arrival;
}

/** The most frequent value (smallest on a tie), or undefined. */
function mode(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best!)) [best, bestCount] = [v, c];
  return best;
}

/**
 * Loads the Flight claims as FuseClaims, with per-source parse coverage. Works one file (day) at a
 * time: a first pass finds each flight's reference departure (the row's own scheduled, else
 * actual, departure; for rows without one, the most common scheduled departure of that flight in
 * the file), used only to resolve arrival dates (arrivalAfter).
 */
export function loadFlightClaims(options: FlightLoadOptions = {}): FlightClaims {
  const exclude = new Set(options.excludeSources ?? []);
  const gateOf = options.gates === 'basic' ? normaliseGateBasic : normaliseGate;
  const stats = new Map<string, SourceParseStats>();
  const claims: FuseClaim[] = [];
  let rows = 0;
  let duplicateRows = 0;
  let duplicateValues = 0;
  let dayRows: string[][] = [];
  let dayRef: Day | undefined;
  let dayName = '';

  const flush = (): void => {
    if (!dayRef) return;
    const ref = dayRef;
    const cache = new Map<string, TimeParse>();
    const parse = (raw: string): TimeParse => {
      let p = cache.get(raw);
      if (!p) {
        p = parseFlightTime(raw);
        cache.set(raw, p);
      }
      return p;
    };
    const depOf = (fields: string[], i: 0 | 1): number | undefined => {
      const raw = fields[i + 2]!;
      if (raw.trim() === '') return undefined;
      const p = parse(raw);
      if (!p.ok) return undefined;
      return toEpochMinutes(p.time, ref, zoneOffset(fields[0]!, fields[1]!, i));
    };
    // Pass 1: scheduled departures per flight (all sources, for the reference only).
    const scheduled = new Map<string, number[]>();
    for (const fields of dayRows) {
      const d = depOf(fields, 0);
      if (d === undefined) continue;
      const l = scheduled.get(fields[1]!);
      if (l) l.push(d);
      else scheduled.set(fields[1]!, [d]);
    }
    const flightDeparture = new Map<string, number | undefined>();
    for (const [flight, l] of scheduled) flightDeparture.set(flight, mode(l));
    // Pass 2: claims.
    const seen = new Map<string, number>();
    const timeValues = new Map<number, unknown>();
    for (const fields of dayRows) {
      const source = fields[0]!;
      if (exclude.has(source)) continue;
      const flight = fields[1]!;
      const subject = `${flight}@${dayName}`;
      const key = `${source}\t${flight}`;
      const before = seen.get(key);
      let mask = before ?? 0;
      if (before !== undefined) duplicateRows++;
      const st = statsFor(stats, source);
      const departure = depOf(fields, 0) ?? depOf(fields, 1) ?? flightDeparture.get(flight);
      for (let i = 0; i < 6; i++) {
        const raw = fields[i + 2]!;
        if (raw.trim() === '') continue;
        let value: unknown;
        if (isGate(i)) {
          st.gates++;
          const g = gateOf(raw);
          if (g === null) {
            st.gatePlaceholders++;
            continue;
          }
          value = g;
        } else {
          st.times++;
          const p = parse(raw);
          if (!p.ok) {
            if (p.why === 'placeholder') st.placeholders++;
            else {
              st.unparsed++;
              if (st.unparsedExamples.length < 5) st.unparsedExamples.push(raw);
            }
            continue;
          }
          st.parsed++;
          let minutes = toEpochMinutes(p.time, ref, zoneOffset(source, flight, i));
          if (!isDeparture(i)) minutes = arrivalAfter(minutes, departure);
          const off = offsetFor(flight, i);
          // One shared value object per (instant, offset) and day: far fewer objects and strings.
          const vkey = minutes * 4096 + off + 2048;
          value = timeValues.get(vkey);
          if (!value) {
            value = { kind: 'time', value: isoAt(minutes, off) };
            timeValues.set(vkey, value);
          }
        }
        if (mask & (1 << i)) {
          duplicateValues++;
          continue;
        }
        mask |= 1 << i;
        claims.push({ source, subject, attribute: FLIGHT_ATTRIBUTES[i]!, value });
      }
      seen.set(key, mask);
    }
  };

  for (const { day, ref, fields } of readClaimRows(options.dir)) {
    rows++;
    if (day !== dayName) {
      flush();
      dayRows = [];
      dayName = day;
      dayRef = ref;
    }
    dayRows.push(fields);
  }
  flush();
  return {
    claims,
    rows,
    duplicateRows,
    duplicateValues,
    stats: [...stats.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
  };
}

/** The UTC offset a source's zone-less time is read in: the airport's, unless SOURCE_ZONES says otherwise. */
export function zoneOffset(source: string, flight: string, attributeIndex: number): number {
  const rule = zoneRuleOf(source, attributeIndex);
  return rule === 'local' ? offsetFor(flight, attributeIndex) : rule;
}

/**
 * Loads the gold standard: airline-format times in the airport's local zone (arrivals resolved
 * after the row's scheduled, else actual, departure: arrivalAfter); first row of a duplicated key wins.
 */
export function loadFlightGold(options: FlightLoadOptions = {}): FlightGold {
  const gateOf = options.gates === 'basic' ? normaliseGateBasic : normaliseGate;
  const values = new Map<string, FlightGoldValue>();
  const firstRow = new Map<string, string>();
  const conflicting = new Set<string>();
  let rows = 0;
  let duplicateKeys = 0;
  let placeholders = 0;
  const unparsed: string[] = [];
  const dupSeen = new Set<string>();
  for (const { day, ref, fields } of readGoldRows(options.dir)) {
    rows++;
    const flight = fields[0]!.trim();
    const subject = `${flight}@${day}`;
    const joined = fields.slice(1).join('\t');
    const prev = firstRow.get(subject);
    if (prev !== undefined) {
      if (!dupSeen.has(subject)) {
        dupSeen.add(subject);
        duplicateKeys++;
      }
      if (prev !== joined) conflicting.add(subject);
      continue;
    }
    firstRow.set(subject, joined);
    let departure: number | undefined;
    for (let i = 0; i < 6; i++) {
      const raw = fields[i + 1] ?? '';
      if (raw.trim() === '') continue;
      const key = `${subject}\t${FLIGHT_ATTRIBUTES[i]}`;
      if (isGate(i)) {
        const g = gateOf(raw);
        if (g === null || g === '--') placeholders++;
        else values.set(key, { kind: 'gate', gate: g });
        continue;
      }
      const p = parseFlightTime(raw);
      if (!p.ok) {
        if (p.why === 'placeholder') placeholders++;
        else unparsed.push(raw);
        continue;
      }
      const off = offsetFor(flight, i);
      let minutes = toEpochMinutes(p.time, ref, off);
      if (isDeparture(i)) departure ??= minutes;
      else minutes = arrivalAfter(minutes, departure);
      values.set(key, { kind: 'time', minutes, iso: isoAt(minutes, off) });
    }
  }
  return { values, rows, duplicateKeys, conflictingDuplicateKeys: conflicting.size, placeholders, unparsed };
}

/** Minutes since the epoch of a fused time value (`{ kind: 'time', value }` or an ISO string), or NaN. */
export function minutesOf(value: unknown): number {
  let s: unknown = value;
  if (value && typeof value === 'object' && 'value' in value) s = (value as { value: unknown }).value;
  if (typeof s === 'number') return s;
  if (typeof s !== 'string') return Number.NaN;
  return Date.parse(s) / 60_000;
}

export interface AttributeScore {
  answered: number;
  correct: number;
  precision: number;
}
export interface FlightScore extends AttributeScore {
  /** Gold items the method gave no value for. */
  unanswered: number;
  perAttribute: Record<string, AttributeScore>;
}

/**
 * Precision against the gold: among gold items the method answered, the share whose chosen value
 * matches — a time within `toleranceMinutes` of the gold instant, a gate equal after normalisation.
 */
export function scoreFlight(items: Iterable<Pick<FusedItem, 'subject' | 'attribute' | 'value'>>, gold: FlightGold, toleranceMinutes: number): FlightScore {
  const per: Record<string, AttributeScore> = {};
  for (const a of FLIGHT_ATTRIBUTES) per[a] = { answered: 0, correct: 0, precision: 0 };
  let answered = 0;
  let correct = 0;
  for (const item of items) {
    const g = gold.values.get(`${item.subject}\t${item.attribute}`);
    if (!g) continue;
    const pa = per[item.attribute]!;
    answered++;
    pa.answered++;
    let ok: boolean;
    if (g.kind === 'gate') ok = typeof item.value === 'string' && item.value === g.gate;
    else ok = Math.abs(minutesOf(item.value) - g.minutes) <= toleranceMinutes;
    if (ok) {
      correct++;
      pa.correct++;
    }
  }
  for (const a of FLIGHT_ATTRIBUTES) per[a]!.precision = per[a]!.answered ? per[a]!.correct / per[a]!.answered : 0;
  return { answered, correct, precision: answered ? correct / answered : 0, unanswered: gold.values.size - answered, perAttribute: per };
}
