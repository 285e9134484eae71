// Parsers for the Flight dataset (Li et al., VLDB 2013): every time format and time zone the 38
// sources use, airport time zones, and gate normalisation. Pure functions (no I/O) so that the tests
// in test/bench-truth/ can exercise them on inline strings.

/** A time as written by a source, before the date and zone are resolved. */
export interface ParsedTime {
  /** Full year, when the string gives one. */
  year?: number;
  /** 1-12, when the string gives a month. */
  month?: number;
  /** 1-31, when the string gives a day of the month. */
  day?: number;
  /** 0 (Sunday) - 6, when the string gives a weekday. */
  weekday?: number;
  /** A second month/day written after a crawl-date prefix (`ord`: `2011-12-01 11/30 5:20 PM`). */
  overrideMonth?: number;
  overrideDay?: number;
  hour: number;
  minute: number;
  /** UTC offset in minutes when the string names a zone (`EST`) or an offset (`(-05:00)`). */
  offsetMinutes?: number;
}

/** Why a non-empty string gave no time. */
export type NoTime =
  | 'placeholder' // "Not Available", "Cancelled", "Contact Airline", a date without a time, …
  | 'unparsed'; // looked like a time but no rule understood it

export type TimeParse = { ok: true; time: ParsedTime } | { ok: false; why: NoTime };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** US (and a few other) zone abbreviations → UTC offset in minutes. */
export const ZONE_ABBREVIATIONS: Record<string, number> = {
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180,
};

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME_RE = /(\d{1,2}):(\d{2})(?:\s*(a\.m\.|p\.m\.|am|pm|noon|midnight|a|p))?/i;
const OFFSET_RE = /\(([+-])(\d{2}):(\d{2})\)/;
const ZONE_RE = /\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|AST|ADT)\b/;
const ISO_DATE_RE = /(\d{4})-(\d{2})-(\d{2})/;
const MDY_SLASH_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;
const MD_SLASH_RE = /\b(\d{1,2})\/(\d{1,2})\b/;
const MDY_DASH_RE = /\b(\d{1,2})-(\d{1,2})-(\d{2})\b/;
const D_MON_Y_RE = new RegExp(`\\b(\\d{1,2})-${MONTH_RE}-(\\d{4})\\b`, 'i');
const MON_D_Y_RE = new RegExp(`${MONTH_RE}\\.?\\s*(\\d{1,2})\\b(?:,\\s*(\\d{4}))?`, 'i');
const WEEKDAY_RE = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?/i;
/** Strings with digits that are still not times. */
const PLACEHOLDER_RE = /pending|result unknown|not available|contact airline|cancel+ed|possible delay/i;

const year2 = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const monthOf = (name: string): number => MONTHS[name.slice(0, 3).toLowerCase()]!;

/**
 * Parses one Flight time string into its written parts (date parts, wall-clock time, zone).
 * Understands every format in the data, e.g. `12/1/2011 2:07PM EST`, `12/1/11 2:06 PM (-05:00)`,
 * `2:07 PMDec 01`, `Dec 01 - 1:57pm`, `1:57pDec 1`, `2011-12-01 12:18PM CST`,
 * `Thu, Dec 1 6:20 PM`, `Thu., Dec.01, 2011 3:37 p.m.`, `2011-12-01 21:50 `, `2:20P 12-01-11`,
 * `12:10 PM  Thu 01-Dec-2011 (Runway)`, `December 01, 2011               08:00 PM`,
 * `2011-12-01 Wed  23:55`, `2011-12-01 11/30 5:20 PM`, `Dec 01 - 12:00noon`, and status words
 * (`Delayed`, `On Time`, `(Estimated)`, `&nbsp`, `*`) after the time.
 */
export function parseFlightTime(raw: string): TimeParse {
  let s = raw.replace(/&nbsp;?/g, ' ').trim();
  if (s === '') return { ok: false, why: 'placeholder' };
  if (PLACEHOLDER_RE.test(s)) return { ok: false, why: 'placeholder' };
  const tm = TIME_RE.exec(s);
  if (!tm) {
    // A date without a time (aa: `December 01, 2011     `) or words without digits is a placeholder.
    const dateOnly = /^[A-Za-z]+\.?\s+\d{1,2},?\s*\d{0,4}$/.test(s) || !/\d/.test(s);
    return { ok: false, why: dateOnly ? 'placeholder' : 'unparsed' };
  }
  let hour = Number(tm[1]);
  const minute = Number(tm[2]);
  const mer = (tm[3] ?? '').toLowerCase().replace(/\./g, '');
  if (minute > 59 || hour > 23) return { ok: false, why: 'unparsed' };
  if (mer === 'a' || mer === 'am') {
    if (hour > 12 || hour === 0) return { ok: false, why: 'unparsed' };
    if (hour === 12) hour = 0;
  } else if (mer === 'p' || mer === 'pm') {
    if (hour > 12 || hour === 0) return { ok: false, why: 'unparsed' };
    if (hour < 12) hour += 12;
  } else if (mer === 'noon') {
    hour = 12;
  } else if (mer === 'midnight') {
    // "Dec 01 - 12:00midnight": the midnight that ends the stated day.
    hour = 24;
  }
  const time: ParsedTime = { hour, minute };
  // Remove the time so that its digits are not read as a date.
  s = `${s.slice(0, tm.index)} ${s.slice(tm.index + tm[0].length)}`;

  const off = OFFSET_RE.exec(s);
  if (off) {
    time.offsetMinutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
    s = s.replace(off[0], ' ');
  } else {
    const z = ZONE_RE.exec(s);
    if (z) time.offsetMinutes = ZONE_ABBREVIATIONS[z[1]!];
  }

  let m: RegExpExecArray | null;
  if ((m = ISO_DATE_RE.exec(s))) {
    time.year = Number(m[1]);
    time.month = Number(m[2]);
    time.day = Number(m[3]);
    s = s.replace(m[0], ' ');
    // `ord` writes the crawl date, then the flight's own month/day: `2011-12-01 11/30 5:20 PM`.
    const md = MD_SLASH_RE.exec(s);
    if (md) {
      time.overrideMonth = Number(md[1]);
      time.overrideDay = Number(md[2]);
    }
  } else if ((m = MDY_SLASH_RE.exec(s))) {
    time.month = Number(m[1]);
    time.day = Number(m[2]);
    time.year = year2(m[3]!);
  } else if ((m = MDY_DASH_RE.exec(s))) {
    time.month = Number(m[1]);
    time.day = Number(m[2]);
    time.year = year2(m[3]!);
  } else if ((m = D_MON_Y_RE.exec(s))) {
    time.day = Number(m[1]);
    time.month = monthOf(m[2]!);
    time.year = Number(m[3]);
  } else if ((m = MON_D_Y_RE.exec(s))) {
    time.month = monthOf(m[1]!);
    time.day = Number(m[2]);
    if (m[3]) time.year = Number(m[3]);
  }
  if (m) s = s.replace(m[0], ' ');
  const wd = WEEKDAY_RE.exec(s);
  if (wd) time.weekday = WEEKDAYS[wd[1]!.toLowerCase()];
  if (time.month !== undefined && (time.month < 1 || time.month > 12)) return { ok: false, why: 'unparsed' };
  if (time.day !== undefined && (time.day < 1 || time.day > 31)) return { ok: false, why: 'unparsed' };
  return { ok: true, time };
}

/** A calendar day `{ y, m, d }` (month 1-12). */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** `'2011-12-01'` → `{ y: 2011, m: 12, d: 1 }`. */
export function dayOf(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/**
 * The calendar day a parsed time falls on: the written date when there is one (a missing year is
 * the one that puts the date nearest `ref`, and so is a written year that puts it more than 180
 * days away: aa writes `January 1, 2011` on 31 December 2011); otherwise `ref`. When a weekday is written and
 * disagrees with that date, the nearest day (±3) with that weekday wins (`mco` writes the crawl
 * date, then the flight's own weekday: `2011-12-01 Wed  23:55` is 30 November).
 */
export function resolveDayNumber(t: ParsedTime, ref: Day): number {
  const refN = dayNumber(ref.y, ref.m, ref.d);
  let n: number;
  const month = t.overrideMonth ?? t.month;
  const day = t.overrideDay ?? t.day;
  if (month !== undefined && day !== undefined) {
    if (t.year !== undefined && t.overrideMonth === undefined && Math.abs(dayNumber(t.year, month, day) - refN) <= 180) {
      n = dayNumber(t.year, month, day);
    } else {
      const baseYear = t.year ?? ref.y;
      n = dayNumber(baseYear, month, day);
      for (const y of [baseYear - 1, baseYear + 1]) {
        const c = dayNumber(y, month, day);
        if (Math.abs(c - refN) < Math.abs(n - refN)) n = c;
      }
    }
  } else {
    n = refN;
  }
  if (t.weekday !== undefined) {
    const wd = (((n + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
    if (wd !== t.weekday) {
      let delta = (t.weekday - wd + 7) % 7; // 0..6
      if (delta > 3) delta -= 7;
      n += delta;
    }
  }
  return n;
}

/** Wall-clock minutes since the epoch (the time as if it were UTC), before applying a zone. */
export function wallMinutes(t: ParsedTime, ref: Day): number {
  return resolveDayNumber(t, ref) * 1440 + t.hour * 60 + t.minute;
}

/**
 * The instant (minutes since the epoch, UTC) of a parsed time: its written zone if any, else
 * `defaultOffsetMinutes` (the zone the caller infers, e.g. the airport's).
 */
export function toEpochMinutes(t: ParsedTime, ref: Day, defaultOffsetMinutes: number): number {
  return wallMinutes(t, ref) - (t.offsetMinutes ?? defaultOffsetMinutes);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `epochMinutes` as ISO 8601 with the given UTC offset, e.g. `2011-12-01T14:07:00-05:00`. */
export function isoAt(epochMinutes: number, offsetMinutes: number): string {
  const d = new Date((epochMinutes + offsetMinutes) * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00` +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

/** Parses `raw` in one step: the ISO instant, or null. */
export function flightTimeToIso(raw: string, ref: Day, defaultOffsetMinutes: number, outputOffsetMinutes = defaultOffsetMinutes): string | null {
  const p = parseFlightTime(raw);
  if (!p.ok) return null;
  return isoAt(toEpochMinutes(p.time, ref, defaultOffsetMinutes), outputOffsetMinutes);
}

/**
 * UTC offset (minutes) of every airport in the Flight data during December 2011 / early January
 * 2012. US DST is not in play (it ended 6 Nov 2011); Arizona (PHX, TUS, YUM) is MST all year;
 * southern-hemisphere airports (GRU, MVD, SYD) are on summer time; Caracas was UTC−4:30 then,
 * Cancún / Cozumel were on Central time (they moved to UTC−5 in 2015).
 */
export const AIRPORT_UTC_OFFSET: Record<string, number> = (() => {
  const zones: [number, string][] = [
    // Eastern (UTC−5)
    [-300, 'ABE ALB ATL AVL AVP BDL BOS BTV BUF BWI CAE CAK CHA CHS CLE CLT CMH CRW CVG DAY DCA DTW EWR FLL FLO FWA GRR GSO GSP HPN IAD ILM IND JAX JFK LAN LGA MBS MCO MDT MHT MIA MYR ORF PBI PHL PIT PVD PWM RDU RIC ROA ROC RSW SAV SBN SDF SYR TLH TPA TVC TYS YOW YQB YUL YYZ'],
    // Central (UTC−6), incl. Mexico (most states), Central America, Winnipeg
    [-360, 'AMA ATW AUS BHM BIS BNA BRO BTR CID CRP CWA DAL DFW DSM EAU FAR FSD GRB IAH ICT JAN LBB LCH LFT LIT LNK LRD MAF MCI MEM MFE MKE MLI MOB MSN MSP MSY OKC OMA ORD PAH PIA PNS SAT SGF SHV SPI STL TUL VPS XNA YWG BJX CUN CZM GDL MEX MID MLM MTY PVR TAM TLC VER BZE GUA LIR MGA RTB SAL SAP SJO TGU'],
    // Mountain (UTC−7), incl. Arizona, Sinaloa / Baja California Sur, Alberta
    [-420, 'ABQ ASE BOI BZN COS CPR DEN DRO EGE ELP FCA GJT HDN HOB IDA JAC PHX RAP SLC TUS YUM MZT SJD YEG YYC'],
    // Pacific (UTC−8)
    [-480, 'ACV BFL BUR CEC CIC CLD EUG FAT GEG IPL LAS LAX LMT MFR MOD MRY ONT PDX PSP RDD RDM RNO SAN SBA SBP SEA SFO SJC SMF SMX SNA YVR'],
    [-540, 'ANC'],
    [-600, 'HNL KOA LIH OGG'],
    // Atlantic (UTC−4)
    [-240, 'ANU AUA BDA BQN CUR POS PUJ SDQ SJU STT SXM UVF YHZ YQM'],
    // UTC−5 outside the US
    [-300, 'BOG GCM KIN LIM MBJ NAS PAP PTY UIO'],
    [-270, 'CCS'],
    [-210, 'YYT'],
    [-120, 'GRU MVD'],
    [0, 'DUB EDI LHR'],
    [60, 'BRU CDG FCO FRA MAD'],
    [120, 'TLV'],
    [480, 'PEK PVG TPE'],
    [540, 'ICN NRT'],
    [660, 'SYD'],
  ];
  const out: Record<string, number> = {};
  for (const [offset, codes] of zones) for (const c of codes.split(/\s+/)) out[c] = offset;
  return out;
})();

/** `AA-1007-TPA-MIA` → `{ origin: 'TPA', destination: 'MIA' }`. */
export function flightAirports(flight: string): { origin: string; destination: string } {
  const parts = flight.split('-');
  return { origin: parts[2] ?? '', destination: parts[3] ?? '' };
}

/**
 * A gate as a comparable string, or null for "no gate". Rules: trim; upper-case; drop a trailing
 * `?` (mco) or `*`; placeholders (`-`, `--`, `NOT PROVIDED BY AIRLINE`, `CHK`, `HOLD`, `TBA`, `TBD`,
 * `N/A`) → null; a terminal prefix (`TERMINAL 3 - 15`, `TERM C - C20`) or a terminal suffix
 * (`C20/C`, `20A/T3`) is dropped, keeping the gate; then the word `GATE`, spaces and hyphens are
 * removed (`C-20` → `C20`). `TERMINAL 3` alone (a terminal, no gate) → null.
 */
export function normaliseGate(raw: string): string | null {
  let g = raw.trim().toUpperCase().replace(/[?*]+$/, '').trim();
  if (g === '' || /^-+$/.test(g) || /^(NOT PROVIDED BY AIRLINE|NOT AVAILABLE|CHK|HOLD|TBA|TBD|N\/?A|UNKNOWN)$/.test(g)) return null;
  const prefix = /^TERM(?:INAL)?\.?\s*[A-Z0-9]{1,2}\s*-\s*(.+)$/.exec(g);
  if (prefix) g = prefix[1]!;
  else if (/^TERM(?:INAL)?\b/.test(g)) return null;
  const suffix = /^([A-Z0-9-]+)\/(?:T?[A-Z0-9]{1,2})$/.exec(g);
  if (suffix) g = suffix[1]!;
  g = g.replace(/\bGATE\b/g, '').replace(/[\s-]+/g, '');
  return g === '' ? null : g;
}

/** The brief's minimal gate rule (trim, upper-case, strip "GATE" and spaces), kept for comparison. */
export function normaliseGateBasic(raw: string): string | null {
  const g = raw.trim().toUpperCase().replace(/GATE/g, '').replace(/\s+/g, '');
  return g === '' ? null : g;
}
