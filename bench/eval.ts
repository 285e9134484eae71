// npm run eval: runs compareArticles on the hand-labelled development corpus (test/corpus) and
// prints, per kind of fact, recall (labelled facts whose phrases land in one finding), verdict
// accuracy (of those, the share with the labelled verdict) and the share of reported conflicts
// that are false (match no labelled conflict). Pass --verbose to see every miss, --mixed to
// compare all stories' articles in one call (as a directory of a day's news would be), scored
// against the same labels: facts must not merge across stories.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compareArticles, parseArticle, type Finding } from '../src/index.js';

interface Fact {
  id: string;
  kind: 'count' | 'date' | 'quote' | 'attribution';
  verdict: Finding['verdict'];
  phrases: Record<string, string[]>;
}
interface Span {
  report: string;
  start: number;
  end: number;
}

const corpus = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'test', 'corpus');
const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a.startsWith('--story='))?.slice(8);
const mixed = process.argv.includes('--mixed');
const KINDS = ['count', 'date', 'quote', 'attribution'] as const;
const stats = Object.fromEntries(KINDS.map((k) => [k, { facts: 0, recalled: 0, correct: 0, conflicts: 0, falseConflicts: 0 }]));

function overlaps(a: Span, b: Span): boolean {
  return a.report === b.report && a.start < b.end && b.start < a.end;
}

interface Story {
  story: string;
  articles: { id: string; text: string; source: string; publishedAt?: string | null; url?: string }[];
  texts: Map<string, string>;
  expected: { facts: Fact[] };
}

const stories: Story[] = [];
for (const story of readdirSync(corpus).sort()) {
  if (only && story !== only) continue;
  const dir = join(corpus, story);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map<string, string>();
  const articles = files.map((f) => {
    const id = basename(f, '.txt');
    const { text, ...meta } = parseArticle(readFileSync(join(dir, f), 'utf8'));
    texts.set(id, text);
    return { id, text, source: meta.source ?? id, publishedAt: meta.publishedAt, ...(meta.url ? { url: meta.url } : {}) };
  });
  stories.push({ story, articles, texts, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { facts: Fact[] } });
}

// Mixed: one call over every story, report ids prefixed with the story; each story is then
// scored on the findings that hold any of its claims (ids unprefixed; other stories' claims keep
// their prefix, so a finding that merged two stories cannot match a label in full).
const all = mixed ? compareArticles(stories.flatMap((s) => s.articles.map((a) => ({ ...a, id: `${s.story}/${a.id}` })))) : null;
function resultFor(s: Story): { findings: Finding[] } {
  if (!all) return compareArticles(s.articles);
  const prefix = `${s.story}/`;
  const findings = all.findings
    .filter((f) => f.claims.some((c) => c.report.startsWith(prefix)))
    .map((f) => ({ ...f, claims: f.claims.map((c) => (c.report.startsWith(prefix) ? { ...c, report: c.report.slice(prefix.length) } : c)) }));
  return { findings };
}

for (const { story, texts, expected, ...rest } of stories) {
  const result = resultFor({ story, texts, expected, ...rest });
  const findingSpans = result.findings.map((f) =>
    f.claims.flatMap((c) => (c.evidence ? [{ report: c.report, start: c.evidence.start, end: c.evidence.end }] : [])),
  );
  const factSpans = expected.facts.map((fact) =>
    Object.entries(fact.phrases).flatMap(([report, phrases]) =>
      phrases.map((p) => {
        const start = texts.get(report)?.indexOf(p) ?? -1;
        if (start < 0) throw new Error(`${story}/${report}: phrase not found: ${p}`);
        return { report, start, end: start + p.length };
      }),
    ),
  );

  expected.facts.forEach((fact, i) => {
    const s = stats[fact.kind]!;
    s.facts++;
    const spans = factSpans[i]!;
    // The finding of the fact's kind that holds the most of its phrases.
    let best: { finding: Finding; hits: number } | null = null;
    result.findings.forEach((finding, j) => {
      if (finding.kind !== fact.kind) return;
      const hits = spans.filter((span) => findingSpans[j]!.some((c) => overlaps(c, span))).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { finding, hits };
    });
    const found = best as { finding: Finding; hits: number } | null;
    if (found && found.hits === spans.length) {
      s.recalled++;
      if (found.finding.verdict === fact.verdict) s.correct++;
      else if (verbose) console.log(`VERDICT ${story}/${fact.id} (${fact.kind}): expected ${fact.verdict}, got ${found.finding.verdict} (${found.finding.reason}): ${found.finding.explanation}`);
    } else if (verbose) {
      console.log(`MISS    ${story}/${fact.id} (${fact.kind}): ${found ? `${found.hits}/${spans.length} phrases in one finding` : 'not extracted'} ${JSON.stringify(fact.phrases)}`);
    }
  });

  result.findings.forEach((finding, j) => {
    if (finding.verdict !== 'conflict') return;
    const kind = finding.kind === 'other' ? 'count' : finding.kind;
    stats[kind]!.conflicts++;
    const labelled = expected.facts.some(
      (fact, i) => fact.verdict === 'conflict' && fact.kind === finding.kind && factSpans[i]!.some((span) => findingSpans[j]!.some((c) => overlaps(c, span))),
    );
    if (!labelled) {
      stats[kind]!.falseConflicts++;
      if (verbose) console.log(`FALSE   ${story}: ${finding.kind} ${finding.subject}: ${finding.explanation}`);
    }
  });
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6));
console.log(`\n${mixed ? 'all stories in one call (--mixed)' : 'each story on its own'}\nkind         facts  recall  verdict-acc  conflicts  false-conflict-share`);
const total = { facts: 0, recalled: 0, correct: 0, conflicts: 0, falseConflicts: 0 };
for (const kind of KINDS) {
  const s = stats[kind]!;
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += s[key];
  console.log(
    `${kind.padEnd(12)} ${String(s.facts).padStart(5)}  ${pct(s.recalled, s.facts)}  ${pct(s.correct, s.recalled)}       ${String(s.conflicts).padStart(5)}  ${pct(s.falseConflicts, s.conflicts)}`,
  );
}
console.log(
  `${'all'.padEnd(12)} ${String(total.facts).padStart(5)}  ${pct(total.recalled, total.facts)}  ${pct(total.correct, total.recalled)}       ${String(total.conflicts).padStart(5)}  ${pct(total.falseConflicts, total.conflicts)}`,
);
console.log('targets: recall ≥ 0.9, verdict accuracy ≥ 0.9, false conflicts ≤ 0.05');
