// A seeded generator of synthetic news coverage for the scale benchmark: stories told by many
// outlets over several days, wire copies reprinted verbatim, tolls revised upward, a few outlets
// getting a day or a figure wrong, quotes excerpted or reworded. Structured reports (claims with
// phrases) for reconcile(), and the same coverage as article text for compareArticles().

/** A tiny seeded PRNG (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['hal', 'den', 'mor', 'vik', 'tal', 'ber', 'gan', 'sol', 'rin', 'dor', 'cas', 'pel', 'nor', 'wen', 'lut', 'ama'];
const FIRST = ['Jane', 'Omar', 'Priya', 'Tomas', 'Aiko', 'Kwame', 'Lena', 'Ravi', 'Sofia', 'Malik'];
const LAST = ['Ruiz', 'Haddad', 'Nair', 'Novak', 'Sato', 'Mensah', 'Berg', 'Iyer', 'Costa', 'Farouk'];
const EVENTS = [
  { what: 'landslide', verb: 'hit', unit: 'people', attribute: 'dead', fact: 'died' },
  { what: 'ferry', verb: 'capsized near', unit: 'passengers', attribute: 'rescued', fact: 'were rescued' },
  { what: 'factory fire', verb: 'broke out in', unit: 'workers', attribute: 'injured', fact: 'were injured' },
  { what: 'flood', verb: 'swept through', unit: 'families', attribute: 'evacuated', fact: 'were evacuated' },
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Each names the place within its first words, so no eight-word run is shared across stories.
const STATEMENTS = [
  'In PLACE we are doing everything we can for DISTRICT',
  'PLACE crews have been sent to the DISTRICT site',
  'The families of PLACE will get all the help DISTRICT can give',
  'PLACE will find out what went wrong in DISTRICT',
];

/** One generated report: structured claims, and its article text. */
export interface SyntheticReport {
  id: string;
  source: { id: string; name: string };
  publishedAt: string;
  claims: { subject: string; attribute: string; value: { kind: string; phrase: string }; speaker?: string }[];
  text: string;
}

/** A place name unique to `n` (its base-16 digits as syllables) behind a random one. */
function uniqueName(rand: () => number, n: number): string {
  let tail = '';
  do {
    tail = SYLLABLES[n % 16] + tail;
    n = Math.floor(n / 16);
  } while (n > 0);
  return name(rand, 1) + tail;
}

function name(rand: () => number, parts: number): string {
  let out = '';
  for (let i = 0; i < parts; i++) out += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return out[0]!.toUpperCase() + out.slice(1);
}

function iso(day: number, hour: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+00:00`;
}

/**
 * `count` reports over `count / 10` stories from 60 outlets and 4 wires. Ids are zero-padded
 * so their order is the generation order.
 *
 * @example
 * const reports = generateCoverage(1000, 42); // 1,000 reports about 100 stories
 */
export function generateCoverage(count: number, seed = 42): SyntheticReport[] {
  const rand = random(seed);
  const outlets = Array.from({ length: 60 }, (_, i) => ({ id: `outlet-${i}`, name: `${name(rand, 2)} ${['Times', 'Post', 'Herald', 'Daily'][i % 4]}` }));
  const wires = Array.from({ length: 4 }, (_, i) => ({ id: `wire-${i}`, name: `${name(rand, 2)} Newswire` }));
  const stories = Math.max(1, Math.round(count / 10));
  const reports: SyntheticReport[] = [];
  const width = String(count).length;
  for (let s = 0; s < stories; s++) {
    const event = EVENTS[s % EVENTS.length]!;
    const place = uniqueName(rand, s);
    // Every story has its own mayor (a shared full name would make two stories one).
    const mayor = `Mayor ${FIRST[Math.floor(rand() * FIRST.length)]} ${uniqueName(rand, s)}son`;
    const startDay = Math.floor(rand() * 300) + 2;
    const weekday = WEEKDAYS[(startDay + 1) % 7]!; // 2024-01-01 was a Monday
    const baseToll = 5 + Math.floor(rand() * 200);
    const district = `${uniqueName(rand, s)}ford`;
    const statement = STATEMENTS[s % STATEMENTS.length]!.replace('PLACE', place).replace('DISTRICT', district);
    const subject = `${event.what} in ${place}`;
    let wireCopy: SyntheticReport | null = null;
    const perStory = s === stories - 1 ? count - reports.length : Math.min(10, count - reports.length);
    for (let k = 0; k < perStory; k++) {
      const id = `r${String(reports.length).padStart(width, '0')}`;
      const day = startDay + Math.floor(k / 4); // a story runs over about three days
      const publishedAt = iso(day, 6 + ((k * 5) % 16));
      // About a third are reprints of the story's latest wire report, word for word.
      if (wireCopy && rand() < 0.3) {
        const outlet = outlets[Math.floor(rand() * outlets.length)]!;
        reports.push({ ...wireCopy, id, source: outlet, publishedAt });
        continue;
      }
      const isWire = k % 4 === 0;
      const source = isWire ? wires[s % wires.length]! : outlets[Math.floor(rand() * outlets.length)]!;
      const revised = baseToll + Math.floor(k / 4) * (1 + (s % 3)); // the toll rises day by day
      const toll = rand() < 0.05 ? revised + 7 : revised; // a few outlets get it wrong
      const hedge = rand() < 0.3 ? 'at least ' : '';
      const dayWrong = rand() < 0.03;
      const said = dayWrong ? WEEKDAYS[(startDay + 2) % 7]! : weekday;
      const excerpt = rand() < 0.4 ? statement.split(' ').slice(0, 6).join(' ') : statement;
      const claims: SyntheticReport['claims'] = [
        { subject, attribute: event.attribute, value: { kind: 'quantity', phrase: `${hedge}${toll} ${event.unit}` } },
        { subject, attribute: 'day', value: { kind: 'time', phrase: `on ${said}` } },
        { subject, attribute: 'statement', value: { kind: 'quote', phrase: excerpt }, speaker: mayor },
      ];
      // Independent outlets word things their own way; only reprints share sentences.
      const pick = <T,>(options: readonly T[]): T => options[Math.floor(rand() * options.length)]!;
      // Each outlet picks its own words, and every few words name the story (its place, its
      // district, its mayor): two stories share no eight-word run, as real coverage does not,
      // while reprints share everything.
      const hit = pick(['hit', 'struck', 'tore through', 'ripped through', 'swept across', 'battered']);
      const lead = pick([
        `${place}: a ${event.what} ${hit} ${district} on ${said}, near ${place}.`,
        `${district} and ${place} were ${pick(['hit', 'struck'])} on ${said} by a ${event.what} in ${district}.`,
        `On ${said} a ${event.what} ${hit} ${place}, in ${district}.`,
      ]);
      const figure = `${hedge ? 'at least ' : ''}${toll} ${event.unit}`;
      const count = pick([
        `${place} toll: ${figure} ${event.fact}, ${district} officials said.`,
        `${district} officials said ${figure} ${event.fact} in ${place}.`,
        `In ${place}, ${figure} ${event.fact}, according to ${district} police.`,
      ]);
      const quote = pick([`“${excerpt},” said ${mayor}.`, `${mayor} said: “${excerpt}.”`, `“${excerpt},” ${mayor} said.`]);
      const colour = pick([
        `${district} volunteers brought food to ${place}.`,
        `Crews from ${name(rand, 2)} reached ${place} by ${district} road.`,
        `The ${['road', 'bridge', 'school', 'market'][k % 4]} to ${district} stayed closed.`,
      ]);
      const text = `${lead} ${count} ${quote} ${colour} ${isWire ? `(${source.name})` : `By ${FIRST[k % FIRST.length]} ${name(rand, 2)}.`}`;
      const report = { id, source, publishedAt, claims, text };
      reports.push(report);
      if (isWire) wireCopy = report;
    }
  }
  return reports;
}
