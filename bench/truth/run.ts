// npm run bench:truth — truth-discovery benchmarks on Flight and Book (../shared/datasets/).
//
// For each dataset × setting × method it runs fuse() in a child process (so that peak RSS is per
// run) and prints one table: precision against the gold, fuse wall seconds, load seconds, peak
// RSS. Settings: Flight with all 38 sources and without the airline sources aa, ua, CO (whose
// rows are the gold), each at exact-minute and 10-minute tolerance; Book. It also prints how long
// reading and parsing alone take, the parse coverage per source, and runs every method end to end
// through the CLI (runFuse on an NDJSON file of all Flight claims) in a child process each.
// Semi-supervised settings (fuse(claims, { known })): Flight without the airline sources at ±10 min
// with 1 % and 5 % of the gold items given as known, Book with 5 and 10 known books; the known
// items are a seeded-hash sample of the gold (known.ts) and precision counts the other gold items
// only (held out). The unsupervised rows also report their precision on those held-out items.
//
// Options: --methods vote,accu  --only flight|book|flight-known|book-known|cli (repeatable, comma-separated)
//          --no-cli  --json FILE (write all results as JSON)  --timeout SECONDS (per child, default 900)
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FUSE_METHODS, type FuseMethod, type FuseResult } from '../../src/resolve/types.js';
import { BOOK_ATTRIBUTE, loadBookClaims, loadBookGold, scoreBook, type BookScore } from './book.js';
import {
  AIRLINE_SOURCES,
  FLIGHT_ATTRIBUTES,
  type FlightScore,
  loadFlightClaims,
  loadFlightGold,
  scoreFlight,
} from './flight.js';
import { heldOut, pickKnown } from './known.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SELF = join(import.meta.dirname, 'run.ts');
const NDJSON = '/tmp/corroborate-bench-flight.ndjson';
const CLI_OUT = '/tmp/out.ndjson';
const MB = 1024 * 1024;
/** Flight: percent of the gold items given as known; Book: number of known books. */
const FLIGHT_KNOWN_PERCENT = [1, 5];
const BOOK_KNOWN = [5, 10];

type Dataset = 'flight' | 'book';
interface Job {
  dataset: Dataset;
  /** 'all' | 'no-airline' for Flight; 'all' for Book. */
  setting: string;
  toleranceMinutes: number;
  method: FuseMethod;
  /** Known facts given to fuse: Flight, percent of the gold items; Book, books. 0 or absent: none. */
  known?: number;
}
/** Precision on the gold items held out when k are known (k as in Job.known). */
interface HeldOutScore {
  known: number;
  knownItems: number;
  answered: number;
  precision: number;
  actualDeparture?: number;
}
interface JobResult extends Job {
  ok: boolean;
  error?: string;
  precision?: number;
  answered?: number;
  correct?: number;
  /** Book: same set of surnames. */
  surnamePrecision?: number;
  perAttribute?: FlightScore['perAttribute'];
  loadSeconds?: number;
  fuseSeconds?: number;
  iterations?: number;
  claims?: number;
  rssAfterLoadMb?: number;
  peakRssMb?: number;
  trust?: { source: string; trust: number }[];
  /** Known items given (held out of the score). */
  knownItems?: number;
  /** Unsupervised rows: precision on the items held out by each known setting. */
  heldOut?: HeldOutScore[];
}
interface CliResult {
  method: FuseMethod;
  ok: boolean;
  error?: string;
  exitCode?: number;
  /** runFuse wall time inside the child (read + fuse + write). */
  seconds?: number;
  /** Child process wall time from spawn to exit (includes Node and tsx start-up). */
  processSeconds?: number;
  peakRssMb?: number;
  /** runFuse's own split, from its standard error. */
  readSeconds?: number;
  fuseSeconds?: number;
  writeSeconds?: number;
  precision10?: number;
  answered?: number;
}

const seconds = (ms: number): number => Math.round(ms / 10) / 100;
/**
 * Peak RSS of this process in MB: VmHWM from /proc/self/status (the high-water mark of this
 * process's own address space). getrusage's maxRSS is not used in children: on Linux it keeps the
 * parent's RSS at fork across exec, so every child would report at least the parent's size.
 */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

// ---------------------------------------------------------------------------------------------
// Children

interface ChildArgs {
  dataset?: string;
  setting?: string;
  tolerance?: string;
  method?: string;
  input?: string;
  out?: string;
  known?: string;
}

async function childJob(args: ChildArgs): Promise<void> {
  const dataset = args.dataset as Dataset;
  const setting = args.setting ?? 'all';
  const toleranceMinutes = Number(args.tolerance ?? '0');
  const method = args.method as FuseMethod;
  const knownSetting = Number(args.known ?? '0');
  const t0 = performance.now();
  let claims;
  let scoreOf: (r: FuseResult) => Partial<JobResult>;
  let known: { subject: string; attribute: string; value: unknown }[] = [];
  if (dataset === 'flight') {
    const loaded = loadFlightClaims({ excludeSources: setting === 'no-airline' ? AIRLINE_SOURCES : [] });
    const gold = loadFlightGold();
    claims = loaded.claims;
    const sample = (percent: number): Set<string> => pickKnown(gold.values.keys(), Math.round((percent / 100) * gold.values.size));
    const knownKeys = sample(knownSetting);
    for (const key of knownKeys) {
      const [subject, attribute] = key.split('\t') as [string, string];
      const g = gold.values.get(key)!;
      known.push({ subject, attribute, value: g.kind === 'gate' ? g.gate : { kind: 'time', value: g.iso } });
    }
    const scored = { ...gold, values: heldOut(gold.values, knownKeys) };
    scoreOf = (r) => {
      const s = scoreFlight(r.items, scored, toleranceMinutes);
      const out: Partial<JobResult> = { precision: s.precision, answered: s.answered, correct: s.correct, perAttribute: s.perAttribute };
      if (knownSetting === 0 && setting === 'no-airline' && toleranceMinutes === 10) {
        out.heldOut = FLIGHT_KNOWN_PERCENT.map((k) => {
          const keys = sample(k);
          const h = scoreFlight(r.items, { ...gold, values: heldOut(gold.values, keys) }, toleranceMinutes);
          return { known: k, knownItems: keys.size, answered: h.answered, precision: h.precision, actualDeparture: h.perAttribute['actual-departure']?.precision };
        });
      }
      return out;
    };
  } else {
    const loaded = loadBookClaims();
    const gold = loadBookGold();
    claims = loaded.claims;
    const knownKeys = pickKnown(gold.values.keys(), knownSetting);
    known = [...knownKeys].map((subject) => ({ subject, attribute: BOOK_ATTRIBUTE, value: gold.values.get(subject)! }));
    const scored = { ...gold, values: heldOut(gold.values, knownKeys) };
    scoreOf = (r) => {
      const s: BookScore = scoreBook(r.items, scored);
      const out: Partial<JobResult> = { precision: s.precision, answered: s.answered, correct: s.correct, surnamePrecision: s.surnamePrecision };
      if (knownSetting === 0) {
        out.heldOut = BOOK_KNOWN.map((k) => {
          const keys = pickKnown(gold.values.keys(), k);
          const h = scoreBook(r.items, { ...gold, values: heldOut(gold.values, keys) });
          return { known: k, knownItems: keys.size, answered: h.answered, precision: h.precision };
        });
      }
      return out;
    };
  }
  const t1 = performance.now();
  const rssAfterLoadMb = Math.round(process.memoryUsage().rss / MB);
  const { fuse } = await import('../../src/resolve/fuse.js');
  const t2 = performance.now();
  const result = fuse(claims, { method, timeToleranceMinutes: toleranceMinutes, ...(known.length > 0 ? { known } : {}) });
  const t3 = performance.now();
  const out: JobResult = {
    dataset,
    setting,
    toleranceMinutes,
    method,
    known: knownSetting,
    knownItems: known.length,
    ok: true,
    ...scoreOf(result),
    loadSeconds: seconds(t1 - t0),
    fuseSeconds: seconds(t3 - t2),
    iterations: result.iterations,
    claims: claims.length,
    rssAfterLoadMb,
    peakRssMb: peakRssMb(),
    trust: result.trust,
  };
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
}

async function childCli(args: ChildArgs): Promise<void> {
  const { runFuse } = await import('../../src/cli/fuse.js');
  const t0 = performance.now();
  const code = await runFuse(['--input', args.input!, '--method', args.method!, '--out', args.out!, '--time-tolerance', '10m']);
  const t1 = performance.now();
  process.stdout.write(`RESULT ${JSON.stringify({ exitCode: code, seconds: seconds(t1 - t0), peakRssMb: peakRssMb() })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent

function spawnChild(args: string[], timeoutSeconds: number): { result?: Record<string, unknown>; stderr: string; error?: string; wallSeconds: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * MB,
    timeout: timeoutSeconds * 1000,
  });
  const wallSeconds = seconds(performance.now() - t0);
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  if (r.error || !line) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    return { stderr: r.stderr ?? '', error: `${why}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`, wallSeconds };
  }
  return { result: JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>, stderr: r.stderr ?? '', wallSeconds };
}

const pct = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(3));
const num = (x: number | undefined, d = 2): string => (x === undefined ? '—' : x.toFixed(d));

function printCoverage(): void {
  const t0 = performance.now();
  const all = loadFlightClaims();
  const t1 = performance.now();
  const gold = loadFlightGold();
  const t2 = performance.now();
  console.log(`\n## Reading and parsing alone\n`);
  console.log(`Flight claims: ${all.rows} rows → ${all.claims.length} claims in ${num(seconds(t1 - t0))} s (peak RSS so far ${peakRssMb()} MB); gold: ${gold.rows} rows → ${gold.values.size} values in ${num(seconds(t2 - t1))} s`);
  console.log(`  duplicate (source, day, flight) rows: ${all.duplicateRows} (first non-empty value per attribute kept; ${all.duplicateValues} later values dropped)`);
  console.log(`  gold: ${gold.duplicateKeys} duplicate (day, flight) keys, ${gold.conflictingDuplicateKeys} of them conflicting (first row kept); ${gold.placeholders} placeholders (gate "--", "TBA", date without time); ${gold.unparsed.length} unparsed`);
  let times = 0;
  let parsed = 0;
  let placeholders = 0;
  let unparsed = 0;
  let gates = 0;
  let gatePh = 0;
  console.log(`\n## Flight parse coverage by source\n`);
  console.log('| source | time strings | parsed | placeholders | unparsed | examples | gate strings | gate placeholders |');
  console.log('|---|---:|---:|---:|---:|---|---:|---:|');
  for (const s of all.stats) {
    times += s.times;
    parsed += s.parsed;
    placeholders += s.placeholders;
    unparsed += s.unparsed;
    gates += s.gates;
    gatePh += s.gatePlaceholders;
    console.log(`| ${s.source} | ${s.times} | ${s.parsed} | ${s.placeholders} | ${s.unparsed} | ${s.unparsedExamples.map((e) => JSON.stringify(e)).join(' ')} | ${s.gates} | ${s.gatePlaceholders} |`);
  }
  const timeLike = times - placeholders;
  console.log(
    `| **all** | ${times} | ${parsed} | ${placeholders} | ${unparsed} | parsed ${((100 * parsed) / times).toFixed(2)}% of all time strings, ${((100 * parsed) / timeLike).toFixed(3)}% of those that are times | ${gates} | ${gatePh} |`,
  );
  const t3 = performance.now();
  const w = createWriteStream(NDJSON);
  let buf = '';
  for (const c of all.claims) {
    buf += `${JSON.stringify(c)}\n`;
    if (buf.length > 1 << 20) {
      w.write(buf);
      buf = '';
    }
  }
  w.end(buf);
  console.log(`\nWrote ${all.claims.length} Flight claims (all sources) to ${NDJSON} in ${num(seconds(performance.now() - t3))} s`);
  const t4 = performance.now();
  const book = loadBookClaims();
  const bookGold = loadBookGold();
  console.log(
    `Book: ${book.rows} rows (${book.isbn13Rows} with ISBN-13), ${book.sources} sources, ${book.books} books after ISBN-13→10 → ${book.claims.length} claims ` +
      `(${book.duplicateRows} repeated (source, book) rows, ${book.noAuthor} without authors); gold ${bookGold.values.size}/${bookGold.entries} books; read in ${num(seconds(performance.now() - t4))} s`,
  );
}

async function parent(opts: { methods: FuseMethod[]; only: Set<string>; cli: boolean; json?: string; timeout: number }): Promise<void> {
  const started = new Date();
  console.log(`# Truth-discovery benchmarks (${started.toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version})`);
  if (opts.only.has('flight') || opts.only.has('book') || (opts.cli && opts.only.has('cli'))) {
    printCoverage();
    await new Promise((r) => setTimeout(r, 200)); // let the NDJSON stream flush
  }

  const jobs: Job[] = [];
  for (const method of opts.methods) {
    if (opts.only.has('flight'))
      for (const setting of ['all', 'no-airline'])
        for (const toleranceMinutes of [0, 10]) jobs.push({ dataset: 'flight', setting, toleranceMinutes, method });
    // The known settings are compared with the unsupervised run on the same held-out items.
    if (opts.only.has('flight-known') && !opts.only.has('flight')) jobs.push({ dataset: 'flight', setting: 'no-airline', toleranceMinutes: 10, method });
    if (opts.only.has('flight-known')) for (const known of FLIGHT_KNOWN_PERCENT) jobs.push({ dataset: 'flight', setting: 'no-airline', toleranceMinutes: 10, method, known });
    if (opts.only.has('book')) jobs.push({ dataset: 'book', setting: 'all', toleranceMinutes: 0, method });
    if (opts.only.has('book-known') && !opts.only.has('book')) jobs.push({ dataset: 'book', setting: 'all', toleranceMinutes: 0, method });
    if (opts.only.has('book-known')) for (const known of BOOK_KNOWN) jobs.push({ dataset: 'book', setting: 'all', toleranceMinutes: 0, method, known });
  }
  const results: JobResult[] = [];
  for (const job of jobs) {
    const label = `${job.method} ${job.dataset} ${job.setting}${job.dataset === 'flight' ? ` ±${job.toleranceMinutes}m` : ''}${job.known ? `, known ${knownLabel(job)}` : ''}`;
    const args = ['--child', 'job', '--dataset', job.dataset, '--setting', job.setting, '--tolerance', String(job.toleranceMinutes), '--method', job.method, '--known', String(job.known ?? 0)];
    const r = spawnChild(args, opts.timeout);
    const res: JobResult = r.result ? ({ ...(r.result as unknown as JobResult), ok: true } as JobResult) : { ...job, ok: false, error: r.error };
    results.push(res);
    process.stderr.write(`${label}: ${res.ok ? `precision ${pct(res.precision)}, fuse ${num(res.fuseSeconds)} s, load ${num(res.loadSeconds)} s, peak ${res.peakRssMb} MB` : res.error}\n`);
  }

  const cliResults: CliResult[] = [];
  if (opts.cli && opts.only.has('cli')) {
    const gold = loadFlightGold();
    for (const method of opts.methods) {
      const r = spawnChild(['--child', 'cli', '--method', method, '--input', NDJSON, '--out', CLI_OUT], opts.timeout);
      const c: CliResult = { method, ok: !!r.result && r.result.exitCode === 0, processSeconds: r.wallSeconds };
      if (r.result) Object.assign(c, r.result);
      else c.error = r.error;
      const m = /read \d+ claims .* in ([\d.]+) s; fused .* in ([\d.]+) s; wrote in ([\d.]+) s/.exec(r.stderr);
      if (m) [c.readSeconds, c.fuseSeconds, c.writeSeconds] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (c.ok) {
        const items = readFileSync(CLI_OUT, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as { subject: string; attribute: string; value: unknown });
        const s = scoreFlight(items, gold, 10);
        c.precision10 = s.precision;
        c.answered = s.answered;
      }
      cliResults.push(c);
      process.stderr.write(`cli ${method}: ${c.ok ? `${num(c.seconds)} s (process ${num(c.processSeconds)} s), peak ${c.peakRssMb} MB` : c.error}\n`);
    }
  }

  printTables(results, cliResults);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ started: started.toISOString(), results, cliResults }, null, 2));
}

function knownLabel(r: Job): string {
  return r.dataset === 'flight' ? `${r.known} %` : `${r.known} books`;
}

function printTables(results: JobResult[], cli: CliResult[]): void {
  if (results.length > 0) {
    console.log(`\n## Precision, time and memory (fuse in a child process per row; load = reading + parsing the dataset)\n`);
    console.log('| method | dataset | setting | precision | answered | fuse s | load s | iterations | RSS after load MB | peak RSS MB |');
    console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
    const order = (r: JobResult): string => `${r.dataset === 'flight' ? 0 : 1}|${r.setting}|${r.toleranceMinutes}|${String(r.known ?? 0).padStart(3, '0')}|${FUSE_METHODS.indexOf(r.method)}`;
    for (const r of [...results].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
      let setting = r.dataset === 'flight' ? `${r.setting === 'all' ? 'all 38 sources' : 'without aa, ua, CO'}, ${r.toleranceMinutes === 0 ? 'exact minute' : `±${r.toleranceMinutes} min`}` : 'gold 100 books';
      if (r.known) setting += `, known ${knownLabel(r)} (${r.knownItems ?? '?'} items; precision on the rest)`;
      if (!r.ok) {
        console.log(`| ${r.method} | ${r.dataset} | ${setting} | failed: ${r.error} | | | | | | |`);
        continue;
      }
      const p = r.dataset === 'book' ? `${pct(r.precision)} (surnames ${pct(r.surnamePrecision)})` : pct(r.precision);
      console.log(`| ${r.method} | ${r.dataset} | ${setting} | ${p} | ${r.answered} | ${num(r.fuseSeconds)} | ${num(r.loadSeconds)} | ${r.iterations} | ${r.rssAfterLoadMb} | ${r.peakRssMb} |`);
    }
    const flight = results.filter((r) => r.ok && r.dataset === 'flight');
    if (flight.length > 0) {
      console.log(`\n## Flight precision per attribute\n`);
      console.log(`| method | setting | ${FLIGHT_ATTRIBUTES.join(' | ')} |`);
      console.log(`|---|---|${FLIGHT_ATTRIBUTES.map(() => '---:').join('|')}|`);
      for (const r of flight) {
        const setting = `${r.setting} ±${r.toleranceMinutes}m${r.known ? `, known ${r.known} %` : ''}`;
        console.log(`| ${r.method} | ${setting} | ${FLIGHT_ATTRIBUTES.map((a) => `${pct(r.perAttribute?.[a]?.precision)} (${r.perAttribute?.[a]?.answered})`).join(' | ')} |`);
      }
    }
    const semi = results.filter((r) => r.ok && r.known);
    if (semi.length > 0) {
      console.log(`\n## Known facts (semi-supervised): precision on the held-out gold items, unsupervised on the same items for comparison\n`);
      console.log('| method | dataset | known | unsupervised | with known | actual departure, unsupervised | actual departure, with known |');
      console.log('|---|---|---|---:|---:|---:|---:|');
      for (const r of semi) {
        const base = results.find((u) => u.ok && !u.known && u.dataset === r.dataset && u.setting === r.setting && u.toleranceMinutes === r.toleranceMinutes && u.method === r.method);
        const h = base?.heldOut?.find((x) => x.known === r.known);
        const dep = r.dataset === 'flight' ? [pct(h?.actualDeparture), pct(r.perAttribute?.['actual-departure']?.precision)] : ['', ''];
        console.log(`| ${r.method} | ${r.dataset} | ${knownLabel(r)} (${r.knownItems} items) | ${pct(h?.precision)} | ${pct(r.precision)} | ${dep.join(' | ')} |`);
      }
    }
    console.log(`\n## Targets\n`);
    const key = results.filter((r) => r.ok && !r.known && r.dataset === 'flight' && r.setting === 'no-airline' && r.toleranceMinutes === 10);
    const vote = key.find((r) => r.method === 'vote');
    const best = [...key].sort((a, b) => (b.precision ?? 0) - (a.precision ?? 0))[0];
    if (best && vote)
      console.log(
        `- Flight without airline sources, ±10 min: best ${best.method} ${pct(best.precision)} (target ≥ 0.95: ${(best.precision ?? 0) >= 0.95 ? 'met' : 'MISSED'}), ` +
          `vote ${pct(vote.precision)}, margin ${(100 * ((best.precision ?? 0) - (vote.precision ?? 0))).toFixed(1)} points (target ≥ 5: ${(best.precision ?? 0) - (vote.precision ?? 0) >= 0.05 ? 'met' : 'MISSED'}); reference vote 0.862, PooledInvestment 0.933`,
      );
    const books = results.filter((r) => r.ok && !r.known && r.dataset === 'book');
    const bestBook = [...books].sort((a, b) => (b.precision ?? 0) - (a.precision ?? 0))[0];
    if (bestBook)
      console.log(`- Book: best ${bestBook.method} ${pct(bestBook.precision)} (target ≥ 0.94: ${(bestBook.precision ?? 0) >= 0.94 ? 'met' : 'MISSED'}); vote ${pct(books.find((r) => r.method === 'vote')?.precision)}; reference vote 0.81, PooledInvestment 0.92`);
  }
  if (cli.length > 0) {
    console.log(`\n## End to end through the CLI (runFuse on all Flight claims, --time-tolerance 10m; one child process per method)\n`);
    console.log('| method | seconds (runFuse) | read s | fuse s | write s | process s | peak RSS MB | precision ±10 min | ≤ 15 s & ≤ 2 GB (vote ≤ 5 s) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const c of cli) {
      if (!c.ok) {
        console.log(`| ${c.method} | failed: ${c.error ?? `exit ${c.exitCode}`} | | | | | | | MISSED |`);
        continue;
      }
      const limit = c.method === 'vote' ? 5 : 15;
      const met = (c.seconds ?? Infinity) <= limit && (c.peakRssMb ?? Infinity) <= 2048;
      console.log(`| ${c.method} | ${num(c.seconds)} | ${num(c.readSeconds)} | ${num(c.fuseSeconds)} | ${num(c.writeSeconds)} | ${num(c.processSeconds)} | ${c.peakRssMb} | ${pct(c.precision10)} | ${met ? 'met' : 'MISSED'} |`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    dataset: { type: 'string' },
    setting: { type: 'string' },
    tolerance: { type: 'string' },
    method: { type: 'string' },
    input: { type: 'string' },
    out: { type: 'string' },
    known: { type: 'string' },
    methods: { type: 'string' },
    only: { type: 'string', multiple: true },
    'no-cli': { type: 'boolean', default: false },
    json: { type: 'string' },
    timeout: { type: 'string', default: '900' },
  },
});
if (values.child === 'job') await childJob(values);
else if (values.child === 'cli') await childCli(values);
else {
  const methods = (values.methods ? values.methods.split(',') : [...FUSE_METHODS]) as FuseMethod[];
  for (const m of methods) if (!FUSE_METHODS.includes(m)) throw new Error(`unknown method ${m}`);
  const only = new Set((values.only ?? ['flight,book,flight-known,book-known,cli']).flatMap((o) => o.split(',')));
  await parent({ methods, only, cli: !values['no-cli'], json: values.json, timeout: Number(values.timeout) });
}
