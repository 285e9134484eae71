// npm run bench:adversarial — extraction time on hostile text must grow linearly: for each kind
// of adversarial input, 2 MB may cost at most 2.5× what 1 MB costs (a super-linear regex or
// scan would show as 4× or worse). Prints seconds per size and the ratio, PASS or MISS.
import { extract } from '../src/index.js';

/** Builds `bytes` characters by repeating `unit` (cut at the end). */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Each generator makes one adversarial text of about `n` characters. */
const KINDS: Record<string, (n: number) => string> = {
  'digit and comma runs': (n) => fill('1,234,567,890,', n),
  'digits, no separators': (n) => fill('9', n),
  'number words': (n) => fill('one hundred and twenty thousand lakh crore million ', n),
  'unclosed straight quotes': (n) => fill('"he said ', n),
  'unclosed curly quotes': (n) => fill('“words ‘and ', n),
  'nested quotes': (n) => '“'.repeat(n / 4) + 'x'.repeat(n / 4) + '”'.repeat(n / 4) + '"'.repeat(n / 4),
  parentheses: (n) => '('.repeat(n / 2) + ')'.repeat(n / 2),
  'one very long word': (n) => fill('a', n),
  'capitalised name runs': (n) => fill('Mayor Jane Ruiz ', n),
  'said chains': (n) => fill('said X said Y told Z according to ', n),
  'weekday and date cues': (n) => fill('on Monday on 3 March last week within 24 hours ', n),
  'RTL and zero-width marks': (n) => fill('\u202eabc\u200b12\u200d,000\u2066 people\u200f ', n),
  'lone surrogates': (n) => fill('\ud800 12 \udc00 people\ud83d ', n),
  'no sentence breaks, many dots': (n) => fill('a.b.c.d.1.2.3 ', n),
  'front matter look-alike': (n) => `---\n${fill('source: x\n', n)}`,
};

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
function seconds(text: string): number {
  gc?.(); // a collection left over from the previous run must not be billed to this one
  const started = performance.now();
  extract(text, { publishedAt: '2024-03-12', source: 'bench', id: 'bench' });
  return (performance.now() - started) / 1000;
}

console.log(`adversarial extraction, 1 MB vs 2 MB (4 MB vs 8 MB for kinds read in under 20 ms per MB) (node ${process.version}); target: ratio ≤ 2.5`);
let worst = 0;
for (const [name, make] of Object.entries(KINDS)) {
  seconds(make(64 * 1024)); // warm up this kind's code paths
  // A kind read in a few milliseconds per MB is timed at 4 MB and 8 MB instead: at 5 ms a run's
  // ratio measures caches and timer noise, and a superlinear cost shows more at larger sizes.
  const size = seconds(make(MB)) < 0.02 ? 4 * MB : MB;
  const one = make(size);
  const two = make(2 * size);
  // Best of at least five runs of each, alternating 1 MB and 2 MB so a busy spell hits both: the
  // machine's noise (and a collection that lands in a run) only ever adds time. A kind that runs
  // in tens of milliseconds gets more runs (up to 25, about a second in all), since one
  // collection is a large share of so short a run.
  let a = Infinity;
  let b = Infinity;
  let spent = 0;
  for (let run = 0; run < 25 && (run < 5 || spent < 1); run++) {
    const x = seconds(one);
    const y = seconds(two);
    a = Math.min(a, x);
    b = Math.min(b, y);
    spent += x + y;
  }
  const ratio = b / Math.max(a, 1e-3);
  worst = Math.max(worst, ratio);
  const mb = size / MB;
  console.log(`  ${name.padEnd(30)} ${mb} MB ${a.toFixed(3)} s   ${2 * mb} MB ${b.toFixed(3)} s   ratio ${ratio.toFixed(2)}  ${ratio <= 2.5 ? 'PASS' : 'MISS'}`);
}
console.log(`worst ratio ${worst.toFixed(2)} ${worst <= 2.5 ? 'PASS' : 'MISS'}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
