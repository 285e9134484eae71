import { describe, expect, it } from 'vitest';
import { arrivalAfter } from '../../bench/truth/flight.js';
import {
  AIRPORT_UTC_OFFSET,
  dayOf,
  flightTimeToIso,
  isoAt,
  normaliseGate,
  normaliseGateBasic,
  parseFlightTime,
} from '../../bench/truth/flight-time.js';

const EST = -300;
const CST = -360;
const PST = -480;

/** Parses `raw` on file day `day`, reading a zone-less time at `assumed`, written at `out`. */
const iso = (raw: string, day = '2011-12-01', assumed = EST, out = assumed) => flightTimeToIso(raw, dayOf(day), assumed, out);

describe('parseFlightTime: every format in the data → instant', () => {
  it.each([
    // [raw, file day, zone assumed when none is written, output offset, expected]
    ['12/1/2011 2:07PM EST', '2011-12-01', CST, EST, '2011-12-01T14:07:00-05:00'], // flightexplorer: written zone wins
    ['12/1/11 2:06 PM (-05:00)', '2011-12-01', CST, EST, '2011-12-01T14:06:00-05:00'], // flytecomm & co
    ['12/1/11 9:10 AM (+08:00)', '2011-12-01', EST, 480, '2011-12-01T09:10:00+08:00'],
    ['2:07 PMDec 01', '2011-12-01', EST, EST, '2011-12-01T14:07:00-05:00'], // allegiantair, flightview, …
    ['12:10 PM, Dec 01', '2011-12-01', CST, CST, '2011-12-01T12:10:00-06:00'],
    ['3:10 PM, Dec 01&nbsp(Estimated)', '2011-12-01', EST, EST, '2011-12-01T15:10:00-05:00'], // boston
    ['Dec 01 - 1:57pm', '2011-12-01', EST, EST, '2011-12-01T13:57:00-05:00'], // travelocity
    ['Dec 01 - 1:57pm*', '2011-12-01', EST, EST, '2011-12-01T13:57:00-05:00'],
    ['Dec 01 - 12:00noon', '2011-12-01', EST, EST, '2011-12-01T12:00:00-05:00'],
    ['Dec 01 - 12:00midnight', '2011-12-01', EST, EST, '2011-12-02T00:00:00-05:00'],
    ['1:57pDec 1', '2011-12-01', EST, EST, '2011-12-01T13:57:00-05:00'], // orbitz
    ['12:05aDec 2', '2011-12-01', CST, CST, '2011-12-02T00:05:00-06:00'],
    ['11:40pNov 30', '2011-12-01', CST, CST, '2011-11-30T23:40:00-06:00'],
    ['2011-12-01 12:18PM CST', '2011-12-01', EST, EST, '2011-12-01T13:18:00-05:00'], // flightaware: CST read as CST
    ['2011-12-01 12:18PM CST', '2011-12-01', EST, CST, '2011-12-01T12:18:00-06:00'],
    ['2011-12-01 09:04AM PST', '2011-12-01', EST, PST, '2011-12-01T09:04:00-08:00'],
    ['Thu, Dec 1 6:20 PM', '2011-12-01', CST, CST, '2011-12-01T18:20:00-06:00'], // ua
    ['Thu, Dec 1 12:00 AM', '2011-12-01', CST, CST, '2011-12-01T00:00:00-06:00'],
    ['Thu., Dec.01, 2011 3:37 p.m.', '2011-12-01', EST, EST, '2011-12-01T15:37:00-05:00'], // CO
    ['Mon., Jan.02, 2012 11:05 a.m.', '2012-01-02', EST, EST, '2012-01-02T11:05:00-05:00'],
    ['2011-12-01 21:50 ', '2011-12-01', EST, EST, '2011-12-01T21:50:00-05:00'], // iad, 24 h
    ['2:20P 12-01-11', '2011-12-01', EST, EST, '2011-12-01T14:20:00-05:00'], // mia
    ['2011-12-01  2:57P', '2011-12-01', EST, EST, '2011-12-01T14:57:00-05:00'],
    ['2011-12-01 12:10 pm', '2011-12-01', CST, CST, '2011-12-01T12:10:00-06:00'], // dfw
    ['Sun, Dec 18 12:56 PM            Delayed', '2011-12-18', CST, CST, '2011-12-18T12:56:00-06:00'], // ua gold
    ['Sun, Dec 18 9:05 PM            On Time', '2011-12-18', CST, CST, '2011-12-18T21:05:00-06:00'],
    ['12/01/2011 01:55 PM', '2011-12-01', EST, EST, '2011-12-01T13:55:00-05:00'], // aa
    ['December 01, 2011               08:00 PM    ', '2011-12-01', EST, EST, '2011-12-01T20:00:00-05:00'], // aa
    ['12:10 PM  Thu 01-Dec-2011', '2011-12-01', CST, CST, '2011-12-01T12:10:00-06:00'], // businesstravellogue
    ['12:26 PM  Thu 01-Dec-2011 (Runway)', '2011-12-01', PST, PST, '2011-12-01T12:26:00-08:00'],
    ['2011-12-01 6:20 PM (Estimated runway)', '2011-12-01', CST, CST, '2011-12-01T18:20:00-06:00'], // flightstats
    ['2011-12-01 Thu  16:17', '2011-12-01', EST, EST, '2011-12-01T16:17:00-05:00'], // mco
    ['2011-12-01 Wed  23:55', '2011-12-01', EST, EST, '2011-11-30T23:55:00-05:00'], // mco: the weekday moves the crawl date
    ['2011-12-01 11/30 5:20 PM', '2011-12-01', CST, CST, '2011-11-30T17:20:00-06:00'], // ord: flight's own month/day
    ['10:05 PM, Dec 31', '2012-01-01', EST, EST, '2011-12-31T22:05:00-05:00'], // year from the nearest date
    ['1:05aJan 1', '2011-12-31', EST, EST, '2012-01-01T01:05:00-05:00'],
    ['January 1, 2011               12:15 AM    ', '2011-12-31', -420, -420, '2012-01-01T00:15:00-07:00'], // aa's year typo
  ])('%s (file day %s)', (raw, day, assumed, out, expected) => {
    expect(iso(raw, day, assumed, out)).toBe(expected);
  });

  it.each([
    'Not Available',
    'Dec 01 - Contact Airline',
    'Dec 01 - Not Available',
    'Dec 01 - Canceled',
    'Dec 01 - Possible delay pending airline decision.',
    '2011-12-01 Cancelled',
    '2011-12-01 result unknown (?) (track log &amp; graph)',
    'December 01, 2011     ',
    'Fri, Dec 09 Cancelled',
    'Mon, Jan 2 Pending will update at9:30 PM',
    ' ',
  ])('%s is a placeholder, not a time', (raw) => {
    expect(parseFlightTime(raw)).toEqual({ ok: false, why: 'placeholder' });
  });

  it('rejects impossible clock times', () => {
    expect(parseFlightTime('13:05 PM, Dec 01')).toEqual({ ok: false, why: 'unparsed' });
    expect(parseFlightTime('2011-12-01 25:10')).toEqual({ ok: false, why: 'unparsed' });
  });
});

describe('instants and zones', () => {
  it('isoAt writes an instant at any offset', () => {
    const m = Date.parse('2011-12-01T19:07:00Z') / 60000;
    expect(isoAt(m, EST)).toBe('2011-12-01T14:07:00-05:00');
    expect(isoAt(m, -270)).toBe('2011-12-01T14:37:00-04:30');
    expect(isoAt(m, 660)).toBe('2011-12-02T06:07:00+11:00');
  });

  it('knows the December 2011 offsets of the airports', () => {
    expect(AIRPORT_UTC_OFFSET.MIA).toBe(EST);
    expect(AIRPORT_UTC_OFFSET.SDF).toBe(EST);
    expect(AIRPORT_UTC_OFFSET.DFW).toBe(CST);
    expect(AIRPORT_UTC_OFFSET.PHX).toBe(-420);
    expect(AIRPORT_UTC_OFFSET.SFO).toBe(PST);
    expect(AIRPORT_UTC_OFFSET.HNL).toBe(-600);
    expect(AIRPORT_UTC_OFFSET.SJU).toBe(-240);
    expect(AIRPORT_UTC_OFFSET.CCS).toBe(-270);
    expect(AIRPORT_UTC_OFFSET.NRT).toBe(540);
  });

  it('arrivalAfter moves an arrival before its departure to the next day, once', () => {
    const dep = Date.parse('2011-12-01T21:00:00-08:00') / 60000;
    const arr = Date.parse('2011-12-01T00:15:00-07:00') / 60000; // crawl date on a red-eye
    expect(isoAt(arrivalAfter(arr, dep), -420)).toBe('2011-12-02T00:15:00-07:00');
    expect(arrivalAfter(dep + 200, dep)).toBe(dep + 200);
    expect(arrivalAfter(dep - 30, dep)).toBe(dep - 30); // within the slack
    expect(arrivalAfter(arr, undefined)).toBe(arr);
  });
});

describe('normaliseGate', () => {
  it.each([
    [' C20 ', 'C20'],
    ['c20', 'C20'],
    ['Gate B5', 'B5'],
    ['C-20', 'C20'],
    ['C20/C', 'C20'],
    ['20A/T3', '20A'],
    ['Terminal 3 - 15', '15'],
    ['Terminal 2 - 58B', '58B'],
    ['Term C - C20', 'C20'],
    ['15?', '15'],
    [' D5    ', 'D5'],
    ['-', null],
    ['--', null],
    [' -', null],
    ['Not provided by airline', null],
    ['Terminal 2', null],
    ['TBA', null],
    ['HOLD', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseGate(raw)).toBe(expected);
  });

  it('the basic rule only trims, upper-cases and strips GATE and spaces', () => {
    expect(normaliseGateBasic(' gate c 20 ')).toBe('C20');
    expect(normaliseGateBasic('C20/C')).toBe('C20/C');
  });
});
