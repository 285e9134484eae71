// npx tsx bench/truth/zones.ts [source-filter] — measures, per source and attribute, which time zone
// the source's times are in, by comparing its claims (as loaded by flight.ts, where a time without a
// written zone is read in the airport's local zone) with the gold (the airline rows) on the gold
// data items. It prints the share within 10 minutes of the gold and the remaining errors in whole
// hours per airport UTC offset: a source writing Eastern time at a Central airport would show +1 h
// there; a source in local time shows no such pattern. With an argument, it also prints examples.
import { type FlightGoldTime, loadFlightClaims, loadFlightGold, minutesOf } from './flight.js';
import { AIRPORT_UTC_OFFSET, flightAirports } from './flight-time.js';

const filter = process.argv[2];
const gold = loadFlightGold();
const { claims } = loadFlightClaims();
type Acc = { n: number; ok: number; hours: Map<string, number>; examples: string[] };
const acc = new Map<string, Acc>();
for (const c of claims) {
  const g = gold.values.get(`${c.subject}\t${c.attribute}`);
  if (!g || g.kind !== 'time') continue;
  const flight = c.subject.slice(0, c.subject.indexOf('@'));
  const { origin, destination } = flightAirports(flight);
  const airportOff = AIRPORT_UTC_OFFSET[c.attribute.endsWith('departure') ? origin : destination]!;
  const k = `${c.source}\t${c.attribute}`;
  let a = acc.get(k);
  if (!a) acc.set(k, (a = { n: 0, ok: 0, hours: new Map(), examples: [] }));
  a.n++;
  const d = minutesOf(c.value) - (g as FlightGoldTime).minutes;
  if (Math.abs(d) <= 10) a.ok++;
  else {
    const h = `${airportOff / 60}:${d > 0 ? '+' : ''}${Math.round(d / 60)}h`;
    a.hours.set(h, (a.hours.get(h) ?? 0) + 1);
    if (filter && Math.abs(d) >= 90 && a.examples.length < 6) a.examples.push(`${c.subject} claim ${(c.value as { value: string }).value} gold ${(g as FlightGoldTime).iso}`);
  }
}
console.log(`gold values ${gold.values.size}`);
console.log('source\tattribute\tn\twithin10\ttop errors (airport UTC offset:error in hours ×count)');
for (const [k, a] of [...acc.entries()].sort()) {
  if (filter && !k.includes(filter)) continue;
  const top = [...a.hours.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([h, c]) => `${h}×${c}`).join(' ');
  console.log(`${k}\t${a.n}\t${(a.ok / a.n).toFixed(3)}\t${top}`);
  for (const e of a.examples) console.log(`    ${e}`);
}
