import * as z from 'zod/mini';
import {
  CorroborateError,
  ReconcileResultSchema,
  fromZodIssues,
  type Finding,
  type ReconcileResult,
  type Reason,
  type Verdict,
  type WordDiffOp,
} from '../model/index.js';
import { formatValue } from '../values/compare.js';
import { STYLE, SCRIPT, contentSecurityPolicy } from './html/assets.js';
import { escapeHtml as esc, jsonForScript, safeHttpUrl } from './html/escape.js';
import { highlight, type Highlight } from './html/spans.js';

/**
 * What {@link toHtml} needs to know about one report beyond the result: its text (which the
 * claims' evidence offsets index into), title and URL. A `Report`, a `ReportInput` or an
 * `ArticleInput` (what `compareArticles` takes) all fit as they are.
 *
 * @example
 * const text: HtmlReportText = { id: 'ht', text: articleText, url: 'https://example.org/story' };
 */
export interface HtmlReportText {
  id: string;
  text?: string;
  title?: string;
  url?: string;
  source?: string | { name?: string; url?: string };
}

/**
 * Options of {@link toHtml}.
 *
 * @example
 * const options: HtmlOptions = { reports: articles, title: 'Twitter and the IT ministry' };
 */
export interface HtmlOptions {
  /** The reports or articles the result came from, matched to the result by `id`; without them the page has no texts to highlight. */
  reports?: readonly HtmlReportText[];
  /** The page title; default `corroborate: N reports, M findings`. */
  title?: string;
  /** The page's language tag; default `en`. */
  lang?: string;
}

/**
 * One pair of reports that share copy, as `ReconcileResult.dependence` gives it. Read
 * defensively (results written before the field existed lack it).
 */
interface Dependence {
  reports: [string, string];
  score: number;
  wires: string[];
  /** Shared stretches; `report` names the report whose text the offsets index into; `kind` is `wording` or a wire `credit` line. */
  shared: { report?: string; kind?: string; text: string; start: number; end: number }[];
}

const VERDICT_ORDER: Verdict[] = ['conflict', 'compatible', 'agree', 'single-source'];

const REASONS: Partial<Record<Reason, string>> = {
  identical: 'the values are identical',
  equal: 'the values are equal',
  case: 'the quotes differ only in letter case',
  punctuation: 'the quotes differ only in punctuation, quote marks or spacing',
  alias: 'two names of one entity',
  'same-organisation': 'a spokesperson or office speaking for the same organisation',
  hedge: 'a hedged figure ("over 1,000") contains the other',
  rounding: 'one figure is the other rounded',
  granularity: 'a coarser date (a week, a month) contains the finer one',
  excerpt: 'one quote is a verbatim excerpt of the other',
  initials: 'a name and its initials',
  timezone: 'one instant, on different calendar days in different time zones',
  unresolved: 'a relative date with no known anchor: it cannot be checked',
  title: 'one person under different titles',
  disjoint: 'the values cannot both be true',
  wording: 'the quoted words differ',
  spelling: 'the names are spelled differently',
  unit: 'the figures count different things',
  'different-entity': 'different entities',
  'different-role': 'the same name in different roles',
  'different-speaker': 'the same words attributed to different speakers',
  'different-kind': 'values of different kinds',
  'different-value': 'different values',
  'single-source': 'only one independent source reports it',
  'internal-conflict': 'one report contradicts itself',
};

const ReportTextsSchema = z.array(
  z.object({
    id: z.string(),
    text: z.optional(z.string()),
    title: z.optional(z.string()),
    url: z.optional(z.string()),
    source: z.optional(z.union([z.string(), z.object({ name: z.optional(z.string()), url: z.optional(z.string()) })])),
  }),
);

// The options' shape (options.reports is checked apart, with its own message).
const HtmlOptionsSchema = z.looseObject({ title: z.optional(z.string()), lang: z.optional(z.string()) });

/**
 * Renders a result as one self-contained HTML page: a summary table of the findings (conflicts
 * first), then the reports side by side with every claim's evidence highlighted in its verdict's
 * colour. Selecting a finding (its row, or a highlighted span) highlights and scrolls to its
 * spans in every report and shows its explanation, values, reason, the word diff of reworded
 * quotes, the consensus, and which reports copy each other (when the result carries
 * `dependence`).
 *
 * The texts are not part of a result: pass the reports (or the articles given to
 * `compareArticles`) as `options.reports`. The page loads nothing (inline style and script,
 * no fonts or images) and is safe with hostile input: all text is escaped, only http(s) URLs
 * become links, the data for the script sits in a `<script type="application/json">` block with
 * `<` escaped, and a Content Security Policy allows only the page's own style and script by hash.
 * It prints with every report and every finding's details. The same input gives the same bytes.
 *
 * @example
 * const articles = [
 *   { id: 'a', source: 'Daily A', publishedAt: '2024-05-06', text: 'The bridge was shut on Monday.' },
 *   { id: 'b', source: 'Daily B', publishedAt: '2024-05-07', text: 'The bridge was shut on Tuesday.' },
 * ];
 * const html = toHtml(compareArticles(articles), { reports: articles });
 * // write it to report.html and open it in a browser
 */
export function toHtml(result: ReconcileResult, options: HtmlOptions = {}): string {
  // `dependence` is read on its own (older results lack it); anything but an object is checked
  // whole, so toHtml(null) says "expected object, received null" as toMarkdown(null) does.
  const isObject = result !== null && typeof result === 'object' && !Array.isArray(result);
  const { dependence: rawDependence, ...rest } = (isObject ? result : {}) as ReconcileResult & { dependence?: unknown };
  const parsed = ReconcileResultSchema.safeParse(isObject ? rest : result);
  if (!parsed.success) throw new CorroborateError('toHtml() expects a reconcile() result', fromZodIssues(parsed.error.issues));
  const checkedOptions = HtmlOptionsSchema.safeParse(options);
  if (!checkedOptions.success) throw new CorroborateError('toHtml(): invalid options', fromZodIssues(checkedOptions.error.issues, ['options']));
  const texts = ReportTextsSchema.safeParse(options.reports ?? []);
  if (!texts.success) throw new CorroborateError('toHtml(): options.reports must be reports with an id and text', fromZodIssues(texts.error.issues, ['reports']));
  const data = parsed.data;
  const dependence = readDependence(rawDependence);
  const findings = data.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.finding.verdict) - VERDICT_ORDER.indexOf(b.finding.verdict) || a.index - b.index)
    .map(({ finding }) => finding);
  const byId = new Map(texts.data.map((r) => [r.id, r]));
  const ctx: Context = {
    names: new Map(data.reports.map((r) => [r.id, r.sourceName])),
    texts: byId,
    dependence,
  };
  const title = options.title ?? `corroborate: ${plural(data.reports.length, 'report')}, ${plural(data.summary.findings, 'finding')}`;
  const lang = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(options.lang ?? '') ? options.lang! : 'en';

  const page: string[] = [];
  page.push(
    '<!DOCTYPE html>',
    `<html lang="${esc(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy())}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="corroborate">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    renderSummary(data.summary),
    '<p class="legend">Click a finding, or a highlighted passage, to see its evidence in every report. Colours: <span class="badge v-conflict">conflict</span> <span class="badge v-compatible">compatible</span> <span class="badge v-agree">agree</span> <span class="badge v-single-source">single source</span>' +
      (dependence ? ' · <span class="copy-key">wavy underline</span>: passage shared with another report' : '') +
      '</p>',
    renderSources(data.reports, ctx),
    dependence ? renderDependence(dependence, ctx) : '',
    '</header>',
    '<main>',
    renderTable(findings, ctx),
    '<section id="reader" aria-label="Findings and reports">',
    '<aside id="details" aria-live="polite">',
    '<div class="nav"><button type="button" data-nav="prev">← previous</button><button type="button" data-nav="next">next →</button><button type="button" data-nav="table">↑ findings</button><button type="button" data-nav="clear">clear</button></div>',
    '<p class="hint">Select a finding to see its explanation, values and evidence here.</p>',
    ...findings.map((f, i) => renderDetail(f, i, ctx)),
    '</aside>',
    `<div class="reports">${data.reports.map((r, i) => renderReport(r, i, findings, ctx)).join('\n')}</div>`,
    '</section>',
    '</main>',
    `<script type="application/json" id="corroborate-data">${jsonForScript({
      findings: findings.map((f) => ({ id: f.id, verdict: f.verdict, kind: f.kind })),
      result: dependence ? { ...data, dependence } : data,
    })}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  );
  return `${page.filter((line) => line !== '').join('\n')}\n`;
}

/** A report as the result lists it; `url` and `title` are read when the result carries them. */
type ResultReport = ReconcileResult['reports'][number] & { url?: string; title?: string };

interface Context {
  names: ReadonlyMap<string, string>;
  texts: ReadonlyMap<string, z.infer<typeof ReportTextsSchema>[number]>;
  dependence: Dependence[] | null;
}

function readDependence(raw: unknown): Dependence[] | null {
  if (!Array.isArray(raw)) return null;
  const out: Dependence[] = [];
  for (const item of raw as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { reports, score, shared, wires } = item as Record<string, unknown>;
    if (!Array.isArray(reports) || reports.length !== 2) continue;
    const [a, b] = reports as unknown[];
    if (typeof a !== 'string' || typeof b !== 'string') continue;
    const passages = Array.isArray(shared)
      ? shared.filter(
          (e): e is Dependence['shared'][number] =>
            !!e &&
            typeof e === 'object' &&
            typeof e.text === 'string' &&
            Number.isInteger(e.start) &&
            Number.isInteger(e.end) &&
            (e.report === undefined || typeof e.report === 'string') &&
            (e.kind === undefined || typeof e.kind === 'string'),
        )
      : [];
    const credited = Array.isArray(wires) ? wires.filter((w): w is string => typeof w === 'string') : [];
    out.push({ reports: [a, b], score: typeof score === 'number' && Number.isFinite(score) ? score : 0, wires: credited, shared: passages });
  }
  return out;
}

function renderSummary(summary: ReconcileResult['summary']): string {
  const counts: Record<Verdict, number> = {
    conflict: summary.conflict,
    compatible: summary.compatible,
    agree: summary.agree,
    'single-source': summary.singleSource,
  };
  const chips = VERDICT_ORDER.map(
    (v) =>
      `<button type="button" class="chip v-${v}" data-filter="${v}" aria-pressed="true" title="show or hide ${v} findings"><b>${counts[v]}</b> ${v}</button>`,
  );
  return `<div class="summary" role="group" aria-label="Findings by verdict">${chips.join('')}</div>`;
}

function renderSources(reports: readonly ResultReport[], ctx: Context): string {
  const meta = reports.map((r) => ({ r, title: ctx.texts.get(r.id)?.title ?? r.title, url: ctx.texts.get(r.id)?.url ?? r.url }));
  const titles = meta.some((m) => m.title);
  const urls = meta.some((m) => m.url);
  const rows = meta.map(
    ({ r, title, url }) =>
      `<tr><td>${esc(r.sourceName)}</td><td><code>${esc(r.id)}</code></td><td>${esc(r.publishedAt ?? 'unknown')}</td>` +
      `${titles ? `<td>${esc(title ?? '')}</td>` : ''}${urls ? `<td>${link(url)}</td>` : ''}</tr>`,
  );
  const head = `<th>source</th><th>report</th><th>published</th>${titles ? '<th>title</th>' : ''}${urls ? '<th>url</th>' : ''}`;
  return `<table class="sources"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderDependence(dependence: Dependence[], ctx: Context): string {
  if (dependence.length === 0) return '<h2>Copying</h2><p>No copying detected between the reports: each counts as an independent source.</p>';
  const rows = [...dependence]
    .sort((a, b) => b.score - a.score)
    .map((d) => {
      const texts = passagesOf(d);
      const passages = texts.slice(0, 3).map((t) => `<blockquote>${esc(t)}</blockquote>`).join('');
      const more = texts.length > 3 ? `<small>and ${texts.length - 3} more</small>` : '';
      const wires = d.wires.length > 0 ? `<br><small>both credit ${esc(d.wires.join(', '))}</small>` : '';
      return `<tr><td>${esc(name(d.reports[0], ctx))} ↔ ${esc(name(d.reports[1], ctx))}${wires}</td><td>${d.score.toFixed(2)}</td><td>${texts.length}</td><td>${passages}${more}</td></tr>`;
    });
  return `<h2>Copying</h2><p class="muted">Reports that share copy are not independent of each other.</p><table class="copying"><thead><tr><th>reports</th><th>score</th><th>shared passages</th><th>examples</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderTable(findings: readonly Finding[], ctx: Context): string {
  const rows = findings.map((f, i) => {
    const who = [...new Set(f.claims.map((c) => name(c.report, ctx)))].join(', ');
    return (
      `<tr class="row v-${f.verdict}" id="row${i}" data-f="${i}" tabindex="0" aria-selected="false" aria-controls="d${i}">` +
      `<td class="n">${i + 1}</td><td><span class="badge v-${f.verdict}">${f.verdict}</span></td><td class="kind">${f.kind}</td>` +
      `<td>${factTitle(f)}</td><td>${esc(who)}</td><td class="expl"><div>${esc(f.explanation)}</div></td></tr>`
    );
  });
  return (
    '<section id="findings" aria-label="Findings">' +
    `<h2>Findings (${findings.length})</h2>` +
    '<table class="findings"><thead><tr><th>#</th><th>verdict</th><th>kind</th><th>fact</th><th>reports</th><th>explanation</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table></section>`
  );
}

function renderDetail(f: Finding, i: number, ctx: Context): string {
  const out: string[] = [];
  out.push(`<article class="detail" id="d${i}" data-f="${i}">`);
  out.push(`<h3><span class="muted">#${i + 1}</span> <span class="badge v-${f.verdict}">${f.verdict}</span> ${esc(f.kind)} · ${factTitle(f)}</h3>`);
  out.push(`<p class="explanation">${esc(f.explanation)}</p>`);
  const gloss = REASONS[f.reason];
  out.push(`<p class="reason">Reason: <code>${esc(f.reason)}</code>${gloss ? ` — ${esc(gloss)}` : ''}. ${plural(f.independentSources, 'independent source')}.</p>`);

  out.push('<h4>Claims</h4><ul class="claims">');
  f.claims.forEach((c, j) => {
    const value = formatValue(c.value);
    const parts = [`<b>${esc(name(c.report, ctx))}</b>${c.speaker ? ` <small>(${esc(c.speaker)})</small>` : ''}: ${esc(value)}`];
    if (c.evidence) {
      const ev = c.evidence;
      const same = bare(ev.text) === bare(value);
      const label = same ? 'evidence' : `“${esc(ev.text)}”`;
      const shown = evidenceOk(c.report, ev, ctx) ? `<a class="goto" href="#e${i}-${j}" data-goto="e${i}-${j}">${label}</a>` : label;
      parts.push(`<br><small>${same ? '' : 'from '}${shown} @${ev.start}–${ev.end}</small>`);
    }
    out.push(`<li>${parts.join('')}</li>`);
  });
  out.push('</ul>');

  if (f.comparisons.length > 0) {
    out.push('<h4>Comparisons</h4><ul>');
    for (const c of f.comparisons) {
      const a = f.claims[c.between[0]];
      const b = f.claims[c.between[1]];
      const pair = `${esc(a ? name(a.report, ctx) : '?')} ↔ ${esc(b ? name(b.report, ctx) : '?')}`;
      let item = `<li>${pair}: <span class="badge v-${c.verdict}">${c.verdict}</span> <code>${esc(c.reason)}</code> — ${esc(c.detail)}`;
      if (c.diff && c.diff.length > 0) {
        item += `<div class="diff" aria-label="word diff"><small>Word diff (${esc(a ? name(a.report, ctx) : '?')} → ${esc(b ? name(b.report, ctx) : '?')}):</small> ${renderDiff(c.diff)}</div>`;
      }
      out.push(`${item}</li>`);
    }
    out.push('</ul>');
  }

  if (f.consensus) {
    const c = f.consensus;
    const backers = [...new Set(c.reports.map((r) => name(r, ctx)))].join(', ');
    out.push(
      `<h4>Consensus</h4><p><b>${esc(formatValue(c.value))}</b> — ${esc(c.method)}, confidence ${c.confidence.toFixed(2)}, ${plural(c.independentSources, 'independent source')}${backers ? ` (${esc(backers)})` : ''}</p>`,
    );
  }

  if (ctx.dependence) {
    const reports = new Set(f.claims.map((c) => c.report));
    const pairs = ctx.dependence.filter((d) => reports.has(d.reports[0]) && reports.has(d.reports[1]) && d.reports[0] !== d.reports[1]);
    out.push('<h4>Copying</h4>');
    if (reports.size < 2) out.push('<p class="muted">One report only.</p>');
    else if (pairs.length === 0) out.push('<p class="muted">No copying detected between these reports.</p>');
    else {
      out.push('<ul>');
      for (const d of pairs) {
        out.push(
          `<li>${esc(name(d.reports[0], ctx))} and ${esc(name(d.reports[1], ctx))} share copy (score ${d.score.toFixed(2)}, ${plural(passagesOf(d).length, 'shared passage')}${
            d.wires.length > 0 ? `, both credit ${esc(d.wires.join(', '))}` : ''
          }): claims inside the shared copy count as one source.</li>`,
        );
      }
      out.push('</ul>');
    }
  }
  out.push('</article>');
  return out.join('');
}

function renderDiff(diff: readonly WordDiffOp[]): string {
  return diff
    .map((op) => (op.op === 'equal' ? esc(op.text) : op.op === 'delete' ? `<del>${esc(op.text)}</del>` : `<ins>${esc(op.text)}</ins>`))
    .join(' ');
}

function renderReport(report: ResultReport, r: number, findings: readonly Finding[], ctx: Context): string {
  const t = ctx.texts.get(report.id);
  const meta = [esc(report.publishedAt ?? 'date unknown'), `<code>${esc(report.id)}</code>`];
  const url = t?.url ?? report.url;
  const title = t?.title ?? report.title;
  if (url) meta.push(link(url));
  const head =
    `<header><h3>${esc(report.sourceName)}</h3><p class="meta">${meta.join(' · ')}</p>` +
    `${title ? `<p class="title">${esc(title)}</p>` : ''}<p class="absent">The selected finding is not in this report.</p></header>`;
  if (typeof t?.text !== 'string') {
    return `<article class="report" id="r${r}" data-r="${r}">${head}<p class="missing">Text not available (pass the reports to toHtml as options.reports).</p></article>`;
  }
  const text = t.text;
  const spans: Highlight[] = [];
  findings.forEach((f, i) => {
    f.claims.forEach((c, j) => {
      if (c.report !== report.id || !c.evidence || !evidenceOk(c.report, c.evidence, ctx)) return;
      spans.push({
        start: c.evidence.start,
        end: c.evidence.end,
        tag: 'mark',
        attrs: `class="c v-${f.verdict} k-${f.kind}" data-f="${i}" title="${esc(`${f.verdict} · ${f.kind}: ${f.explanation}`)}"`,
        firstAttrs: `id="e${i}-${j}"`,
        rank: i,
      });
    });
  });
  for (const d of ctx.dependence ?? []) {
    const side = d.reports.indexOf(report.id);
    if (side < 0) continue;
    const other = name(d.reports[1 - side]!, ctx);
    for (const e of d.shared) {
      if (e.report !== undefined && e.report !== report.id) continue;
      const at = text.slice(e.start, e.end) === e.text ? e.start : e.report === undefined && e.text.length > 0 ? text.indexOf(e.text) : -1;
      if (at < 0) continue;
      const what = e.kind === 'credit' ? 'wire credit also in' : 'shared with';
      spans.push({ start: at, end: at + e.text.length, tag: 'span', attrs: `class="copy" title="${esc(`${what} ${other}`)}"`, rank: -1 });
    }
  }
  // The blanked header of an article file (spaces) is not worth showing.
  const lead = text.length - text.trimStart().length;
  const from = spans.reduce((min, s) => Math.min(min, s.start), lead);
  return `<article class="report" id="r${r}" data-r="${r}">${head}<div class="text" tabindex="0">${highlight(text, spans, from)}</div></article>`;
}

/** The distinct shared passages of a pair, credit lines aside (each is listed once per report). */
function passagesOf(d: Dependence): string[] {
  return [...new Set(d.shared.filter((e) => e.kind !== 'credit').map((e) => e.text))];
}

function evidenceOk(report: string, evidence: { text: string; start: number; end: number }, ctx: Context): boolean {
  const text = ctx.texts.get(report)?.text;
  return typeof text === 'string' && text.slice(evidence.start, evidence.end) === evidence.text;
}

/** Text without quote marks, case or spacing differences, to tell a value that merely repeats its evidence. */
function bare(text: string): string {
  return text.replace(/[\s"'“”‘’«»]+/g, ' ').trim().toLowerCase();
}

function factTitle(f: Finding): string {
  return `${esc(f.subject)} · ${esc(f.attribute)}${f.speaker ? ` <small>(${esc(f.speaker)})</small>` : ''}`;
}

function name(report: string, ctx: Context): string {
  return ctx.names.get(report) ?? report;
}

function link(url: string | undefined): string {
  if (!url) return '';
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${esc(safe)}" rel="noopener noreferrer nofollow">${esc(safe)}</a>` : `<span title="not an http(s) URL: not a link">${esc(url)}</span>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
