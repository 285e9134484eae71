// npm run bench:scale — how reconcile(), compareArticles() and the incremental Reconciler grow
// with the number of reports, on synthetic coverage (bench/scale/generate.ts): 1k, 10k and 100k
// reports. Each measurement runs in its own child process so its peak RSS is its own.
// Targets (issue 6): 100k reports reconciled in ≤ 60 s and ≤ 2 GB; 10× the reports costs ≤ 12×
// the time; adding one report to a 100k-report reconciler ≤ 50 ms.
// Options: --sizes 1000,10000,100000   --compare-sizes 1000,10000,100000   --no-incremental
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { compareArticles, createReconciler, reconcile, type ReportInput } from '../src/index.js';
import { generateCoverage } from './scale/generate.js';

type Kind = 'reconcile' | 'compare' | 'incremental';
interface Measure {
  kind: Kind;
  reports: number;
  seconds: number;
  findings: number;
  peakMb: number;
  addMs?: { median: number; max: number; addOnlyMedian: number };
  buildSeconds?: number;
}

function peakMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function child(kind: Kind, n: number): Measure {
  const corpus = generateCoverage(n + (kind === 'incremental' ? 20 : 0), 42);
  if (kind === 'reconcile') {
    const reports = corpus.map(({ text: _text, ...rest }) => rest) as ReportInput[];
    const started = performance.now();
    const result = reconcile(reports);
    return { kind, reports: n, seconds: (performance.now() - started) / 1000, findings: result.findings.length, peakMb: peakMb() };
  }
  if (kind === 'compare') {
    const articles = corpus.map(({ claims: _claims, ...rest }) => rest);
    const started = performance.now();
    const result = compareArticles(articles);
    return { kind, reports: n, seconds: (performance.now() - started) / 1000, findings: result.findings.length, peakMb: peakMb() };
  }
  // Incremental: hold n reports, then time 20 more arriving one by one (add + result each).
  const reports = corpus.map(({ text: _text, ...rest }) => rest) as ReportInput[];
  const desk = createReconciler();
  let started = performance.now();
  for (const report of reports.slice(0, n)) desk.add(report);
  const first = desk.result();
  const buildSeconds = (performance.now() - started) / 1000;
  const times: number[] = [];
  const addOnly: number[] = [];
  for (const report of reports.slice(n)) {
    started = performance.now();
    desk.add(report);
    addOnly.push(performance.now() - started);
    desk.result();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  addOnly.sort((a, b) => a - b);
  return {
    kind,
    reports: n,
    seconds: buildSeconds,
    buildSeconds,
    findings: first.findings.length,
    peakMb: peakMb(),
    addMs: { median: times[times.length >> 1]!, max: times.at(-1)!, addOnlyMedian: addOnly[addOnly.length >> 1]! },
  };
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  process.stdout.write(JSON.stringify(child(args[1] as Kind, Number(args[2]))));
  process.exit(0);
}

const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return (at >= 0 ? args[at + 1]! : fallback).split(',').map(Number);
};
const sizes = option('--sizes', '1000,10000,100000');
const compareSizes = option('--compare-sizes', '1000,10000,100000');

function run(kind: Kind, n: number): Measure {
  // Compare at 100k holds ~7 GB; give its process room (Node's default heap stops near 4 GB).
  const heap = kind === 'compare' ? ['--max-old-space-size=16000'] : [];
  const out = execFileSync(process.execPath, [...heap, '--import', 'tsx', new URL(import.meta.url).pathname, '--child', kind, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Measure;
}

console.log(`scale on synthetic coverage (node ${process.version}, ${process.arch}); each row a fresh process\n`);
console.log('| what | reports | seconds | reports/s | growth (time ×, for 10× reports) | findings | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
// Reconcile rows: best of three fresh processes (machine noise only ever adds time); compare
// rows once (they take longer).
const best = (kind: Kind, n: number, times: number): Measure => {
  const runs = Array.from({ length: times }, () => run(kind, n));
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
};
for (const [kind, list] of [['reconcile', sizes], ['compare', compareSizes]] as const) {
  let previous: Measure | null = null;
  for (const n of list) {
    const m = best(kind, n, kind === 'reconcile' ? 3 : 1);
    const growth = previous ? (m.seconds / previous.seconds).toFixed(1) : '';
    console.log(`| ${kind} | ${n.toLocaleString('en')} | ${m.seconds.toFixed(2)} | ${Math.round(n / m.seconds).toLocaleString('en')} | ${growth} | ${m.findings.toLocaleString('en')} | ${m.peakMb.toFixed(0)} |`);
    previous = m;
  }
}
if (!args.includes('--no-incremental')) {
  const n = sizes.at(-1)!;
  const m = run('incremental', n);
  console.log(`\nincremental: ${n.toLocaleString('en')} reports added one by one + first result() in ${m.buildSeconds!.toFixed(2)} s (peak RSS ${m.peakMb.toFixed(0)} MB);`);
  console.log(`then 20 more, one at a time: add + result() median ${m.addMs!.median.toFixed(1)} ms, max ${m.addMs!.max.toFixed(1)} ms (add alone median ${m.addMs!.addOnlyMedian.toFixed(2)} ms); target ≤ 50 ms`);
}
