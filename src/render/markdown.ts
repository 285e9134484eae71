import {
  CorroborateError,
  ReconcileResultSchema,
  fromZodIssues,
  type Dependence,
  type Finding,
  type ReconcileResult,
  type Verdict,
} from '../model/index.js';
import { formatValue } from '../values/compare.js';

const SECTIONS: { verdict: Verdict; title: string }[] = [
  { verdict: 'conflict', title: 'Conflicts' },
  { verdict: 'compatible', title: 'Compatible' },
  { verdict: 'agree', title: 'Agree' },
  { verdict: 'single-source', title: 'Single source' },
];

/**
 * Renders a result as Markdown: a summary line, the reports, then findings grouped as
 * conflicts, compatible, agree and single-source, each with its explanation, the claims and
 * their evidence, the consensus, and the word diff of reworded quotes.
 *
 * @example
 * console.log(toMarkdown(reconcile(reports)));
 * // # corroborate: 2 reports, 9 findings
 * // **2 conflict · 2 compatible · 3 agree · 2 single-source**
 */
export function toMarkdown(result: ReconcileResult): string {
  const parsed = ReconcileResultSchema.safeParse(result);
  if (!parsed.success) throw new CorroborateError('toMarkdown() expects a reconcile() result', fromZodIssues(parsed.error.issues));
  const { reports, summary, findings, dependence } = parsed.data;
  const names = new Map(reports.map((r) => [r.id, r.sourceName]));
  const lines: string[] = [];
  lines.push(`# corroborate: ${plural(reports.length, 'report')}, ${plural(summary.findings, 'finding')}`);
  lines.push('');
  lines.push(
    `**${summary.conflict} conflict · ${summary.compatible} compatible · ${summary.agree} agree · ${summary.singleSource} single-source**`,
  );
  lines.push('');
  for (const r of reports) lines.push(`- \`${r.id}\`: ${escapeInline(r.sourceName)}, published ${r.publishedAt ?? 'unknown'}`);
  for (const section of SECTIONS) {
    const group = findings.filter((f) => f.verdict === section.verdict);
    if (group.length === 0) continue;
    lines.push('', `## ${section.title} (${group.length})`);
    for (const finding of group) lines.push('', ...renderFinding(finding, names));
  }
  if (dependence.length) {
    lines.push('', `## Dependent reports (${dependence.length})`, '');
    lines.push('Reports that copy each other, or one wire story, count once for what they share.', '');
    for (const pair of dependence) lines.push(renderDependence(pair, names));
  }
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, names: ReadonlyMap<string, string>): string[] {
  const heading = `### ${escapeInline(finding.subject)} · ${escapeInline(finding.attribute)}${
    finding.speaker ? ` (${escapeInline(finding.speaker)})` : ''
  }`;
  const out = [heading, '', `**${finding.verdict}** (${finding.reason}, ${finding.kind}): ${escapeInline(finding.explanation)}`, ''];
  out.push('| report | value | evidence |', '|---|---|---|');
  for (const claim of finding.claims) {
    const who = `${names.get(claim.report) ?? claim.report}${claim.speaker ? ` — ${claim.speaker}` : ''}`;
    const where = claim.evidence ? `“${claim.evidence.text}” @${claim.evidence.start}–${claim.evidence.end}` : '—';
    out.push(`| ${cell(who)} | ${cell(formatValue(claim.value))} | ${cell(where)} |`);
  }
  const diffs = finding.comparisons.filter((c) => c.diff && c.verdict === 'conflict');
  for (const c of diffs) {
    const [a, b] = c.between;
    const from = names.get(finding.claims[a]?.report ?? '') ?? '?';
    const to = names.get(finding.claims[b]?.report ?? '') ?? '?';
    const rendered = (c.diff ?? [])
      .map((op) => (op.op === 'equal' ? escapeInline(op.text) : op.op === 'delete' ? `~~${escapeInline(op.text)}~~` : `**${escapeInline(op.text)}**`))
      .join(' ');
    out.push('', `Word diff (${escapeInline(from)} → ${escapeInline(to)}): ${rendered}`);
  }
  if (finding.consensus) {
    const c = finding.consensus;
    out.push(
      '',
      `Consensus: ${escapeInline(formatValue(c.value))} — ${c.method}, confidence ${c.confidence.toFixed(2)}, ${plural(c.independentSources, 'independent source')}`,
    );
  }
  return out;
}

/** One line per dependent pair: who, the score, the wire both credit, and the first shared stretches. */
function renderDependence(pair: Dependence, names: ReadonlyMap<string, string>): string {
  const [a, b] = pair.reports;
  const who = (id: string) => `${escapeInline(names.get(id) ?? id)} (\`${id}\`)`;
  const passages = pair.shared.filter((e) => e.report === a && e.kind === 'wording');
  const shown = passages
    .slice(0, 3)
    .map((e) => `“${escapeInline(clip(e.text, 80))}” @${e.start}–${e.end}`)
    .join('; ');
  const parts = [`score ${pair.score.toFixed(2)}`];
  if (pair.wires.length) parts.push(`both credit ${pair.wires.map(escapeInline).join(', ')}`);
  if (passages.length) parts.push(`${plural(passages.length, 'shared passage')}: ${shown}${passages.length > 3 ? '; …' : ''}`);
  return `- ${who(a)} and ${who(b)}: ${parts.join(' — ')}`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Markdown-significant characters escaped so report text cannot inject markup. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return escapeInline(text);
}
