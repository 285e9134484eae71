import { describe, expect, it } from 'vitest';
import {
  CorroborateError,
  compareArticles,
  findDependence,
  reconcile,
  toJSON,
  toMarkdown,
  wireCredits,
  type ClaimInput,
  type ReconcileResult,
  type ReportInput,
} from '../../src/index.js';
import { quotedRanges } from '../../src/reconcile/dependence.js';
import { ARTICLES, loadExampleReports, loadSeedArticles, readSeedFile } from '../../examples/twitter-india-2021/load.js';

// Test articles written for these tests (fictional places, people and outlets).
const WIRE_LEAD =
  'Heavy rain triggered a landslide on the Baroli-Tansen road on Sunday night, burying a row of roadside tea stalls and two parked trucks, district officials said.';
const WIRE_SECOND =
  'Teams of the disaster response force used earth movers and sniffer dogs through the night, and the road is expected to stay closed to traffic for at least three more days.';
const QUOTE = '"We are still hopeful of finding people alive under the debris," District Collector Meena Rawat said.';

const wireA = [
  `Tansen, July 14 (PTI) ${WIRE_LEAD}`,
  'Eleven people were killed and six were rescued with injuries from under the mud.',
  WIRE_SECOND,
  QUOTE,
].join('\n\n');

const wireB = [
  WIRE_LEAD,
  'Eleven people were killed and six were rescued with injuries from under the mud.',
  WIRE_SECOND,
  QUOTE,
  'Residents of Baroli said the hillside above the stalls had been cut away last year to widen the road, and that they had complained twice about cracks in the slope.',
  '(With inputs from PTI)',
].join('\n\n');

// Another outlet on the same event in its own words, quoting the same statement.
const ownReporting = [
  'A wall of mud came down on roadside shops near Baroli late on Sunday as the rain continued for a third day.',
  'By Monday afternoon rescuers had recovered eleven bodies, a police officer at the site told this newspaper, and six injured people were in the Tansen civil hospital.',
  QUOTE,
  'Shopkeepers in Baroli blamed the road widening work for loosening the slope.',
].join('\n\n');

// A fourth outlet rewrites the agency copy completely; only its dateline credits the agency.
const creditOnlyA =
  'MUMBAI (Reuters) - Shares of the state-run lender fell sharply on Tuesday after it reported a larger than expected loss for the quarter.';
const creditOnlyB =
  'MUMBAI (Reuters) - Investors dumped stock in the public sector bank during Tuesday trade, unsettled by quarterly losses that beat every forecast.';

function article(id: string, source: string, text: string, publishedAt = '2024-07-15') {
  return { id, source, publishedAt, text };
}

describe('findDependence: copy detection from shared wording and wire credits', () => {
  it('marks two outlets sharing wire paragraphs as dependent, with exact evidence in both texts', () => {
    const pairs = findDependence([
      { id: 'b', text: wireB },
      { id: 'a', text: wireA },
    ]);
    expect(pairs).toHaveLength(1);
    const [pair] = pairs;
    expect(pair!.reports).toEqual(['a', 'b']);
    expect(pair!.score).toBeGreaterThan(0.6);
    expect(pair!.wires).toEqual(['PTI']);
    const texts = { a: wireA, b: wireB } as Record<string, string>;
    for (const e of pair!.shared) expect(texts[e.report]!.slice(e.start, e.end)).toBe(e.text);
    const wording = pair!.shared.filter((e) => e.kind === 'wording');
    expect(wording.some((e) => e.report === 'a' && e.text.includes('burying a row of roadside tea stalls'))).toBe(true);
    expect(wording.some((e) => e.report === 'b' && e.text.includes('sniffer dogs through the night'))).toBe(true);
    // The quote is shared legitimately: never evidence of copying.
    expect(wording.some((e) => e.text.includes('still hopeful'))).toBe(false);
    const credits = pair!.shared.filter((e) => e.kind === 'credit').map((e) => e.text);
    expect(credits).toEqual(['(PTI)', '(With inputs from PTI)']);
  });

  it('does not mark independent reporting of one event as dependent, even with the same quote', () => {
    const pairs = findDependence([
      { id: 'a', text: wireA },
      { id: 'own', text: ownReporting },
    ]);
    const score = pairs.find((p) => p.reports.join() === 'a,own')?.score ?? 0;
    expect(score).toBeLessThan(0.1);
  });

  it('marks two reports crediting the same wire as dependent on the credit alone', () => {
    const [pair] = findDependence([
      { id: 'x', text: creditOnlyA },
      { id: 'y', text: creditOnlyB },
    ]);
    expect(pair).toMatchObject({ reports: ['x', 'y'], score: 0.5, wires: ['Reuters'] });
    expect(pair!.shared.map((e) => [e.report, e.kind, e.text])).toEqual([
      ['x', 'credit', '(Reuters)'],
      ['y', 'credit', '(Reuters)'],
    ]);
  });

  it('counts a report published by a wire as depending on that wire', () => {
    const [pair] = findDependence([
      { id: 'agency', source: { id: 'pti', name: 'PTI', kind: 'wire' }, text: 'The landslide hit the road late on Sunday.' },
      { id: 'paper', source: 'Hill Times', text: 'Officials confirmed the toll on Monday. (PTI)' },
    ]);
    expect(pair).toMatchObject({ reports: ['agency', 'paper'], wires: ['PTI'] });
  });

  it('ignores reports without text and is independent of input order', () => {
    const reports = [
      { id: 'a', text: wireA },
      { id: 'b', text: wireB },
      { id: 'own', text: ownReporting },
      { id: 'no-text' },
    ];
    const forward = JSON.stringify(findDependence(reports), (_k, v) => (v instanceof Map ? [...v] : v));
    const backward = JSON.stringify(findDependence([...reports].reverse()), (_k, v) => (v instanceof Map ? [...v] : v));
    expect(backward).toBe(forward);
    expect(findDependence(reports).every((p) => !p.reports.includes('no-text'))).toBe(true);
  });

  it('needs a run of shared words, not a shared name', () => {
    const pairs = findDependence([
      { id: 'a', text: 'The Ministry of Electronics and Information Technology issued the order on Monday.' },
      { id: 'b', text: 'Officials of the Ministry of Electronics and Information Technology declined to comment.' },
    ]);
    expect(pairs).toEqual([]);
  });
});

describe('wireCredits', () => {
  it.each([
    ['New Delhi, Feb 8 (PTI) The government said on Monday…', ['PTI']],
    ['NEW DELHI (Reuters) - Shares fell on Tuesday.', ['Reuters']],
    ['Kavalpur, May 5 (UNW) The Coast Guard rescued the crew.', ['UNW']],
    ['The crew was rescued.\n\n— AFP', ['AFP']],
    ['The crew was rescued. (IANS)', ['IANS']],
    ['The crew was rescued.\n\n(With inputs from PTI and ANI)', ['PTI', 'ANI']],
    ['"We acted at once," the minister told Reuters on Monday.', ['Reuters']],
    ['The toll rose to 15, according to Press Trust of India.', ['PTI']],
  ])('finds the credit in %j', (text, wires) => {
    expect(wireCredits(text).map((c) => c.wire).sort()).toEqual([...wires].sort());
    for (const c of wireCredits(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it.each([
    'Andhra Pradesh (AP) Chief Minister visited the site on Monday.',
    'The Bharatiya Janata Party (BJP) said it would contest the seat.',
    'Rescuers at the site. (Photo: PTI)',
    'The crew was rescued, the agency said.',
    '(With inputs from our Tansen correspondent)',
  ])('finds no wire credit in %j', (text) => {
    expect(wireCredits(text)).toEqual([]);
  });

  it('takes extra agencies from the options', () => {
    expect(wireCredits('Officials confirmed it. — United Newswire', [['UNW', 'United Newswire']]).map((c) => c.wire)).toEqual(['UNW']);
  });
});

describe('quotedRanges', () => {
  it('masks straight, curly and single quotes but not apostrophes', () => {
    const text = `Twitter's reply: "we will comply" and ‘soon’, it said; the farmers' union disagreed.`;
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['"we will comply"', '‘soon’']);
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const text = '"First paragraph of a long statement\n\n"Second part," she said.';
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['"First paragraph of a long statement', '"Second part,"']);
  });
});

describe('reconcile(): dependence in the result and independent sources', () => {
  it('marks the seed articles as dependent through their shared sentences (compareArticles)', () => {
    const contents = new Map(ARTICLES.map((f) => [f as string, readSeedFile(f)]));
    const result = compareArticles(loadSeedArticles());
    expect(result.dependence).toHaveLength(1);
    const [pair] = result.dependence;
    expect(pair!.reports).toEqual([...ARTICLES]);
    expect(pair!.score).toBeGreaterThanOrEqual(0.1);
    expect(pair!.score).toBeLessThan(0.5);
    for (const id of ARTICLES) {
      const spans = pair!.shared.filter((e) => e.report === id);
      expect(spans.some((e) => e.text.includes('It has also warned Twitter of penal action in case of failure to comply with its directive'))).toBe(true);
      expect(spans.some((e) => e.text.includes('Twitter had blocked those accounts for few hours before unilaterally unblocking them'))).toBe(true);
      for (const e of spans) expect(contents.get(id)!.slice(e.start, e.end)).toBe(e.text);
    }
    // Outside the shared sentences each outlet reported the 1,178 accounts itself: two witnesses.
    const accounts = result.findings.find((f) => f.kind === 'count' && f.claims.some((c) => c.evidence?.text === '1,178 accounts'));
    expect(accounts?.independentSources).toBe(2);
  });

  it('lists the seed pair for the hand-modelled claims too (reports with text)', () => {
    const result = reconcile(loadExampleReports() as ReportInput[]);
    expect(result.dependence.map((d) => d.reports)).toEqual([['hindustan-times-2021-02-08', 'jagran-2021-02-09']]);
  });

  it('counts ten outlets reprinting one wire story as one witness in the vote', () => {
    // Ten outlets print the agency's copy (12 killed); two reporters on the spot say 14.
    const wire = `Tansen, July 14 (PTI) ${WIRE_LEAD} ${WIRE_SECOND} Twelve people were killed, officials said.`;
    const copies = Array.from({ length: 10 }, (_, i) => ({
      id: `copy-${String(i).padStart(2, '0')}`,
      source: `Copy Outlet ${i}`,
      publishedAt: '2024-07-15',
      text: wire,
      claims: [{ subject: 'landslide', attribute: 'killed', value: { kind: 'quantity', phrase: '12 people' } }],
    }));
    const own = ['hill-voice', 'tansen-times'].map((id, i) => ({
      id,
      source: id,
      publishedAt: '2024-07-15',
      text: i === 0 ? ownReporting : 'Our reporter at Baroli counted fourteen bodies laid out near the police post on Monday.',
      claims: [{ subject: 'landslide', attribute: 'killed', value: { kind: 'quantity', phrase: '14 people' } }],
    }));
    const result = reconcile([...copies, ...own] as ReportInput[]);
    const f = result.findings[0]!;
    expect(f.verdict).toBe('conflict');
    expect(f.reason).toBe('disjoint'); // same day, no times: not an update
    expect(f.independentSources).toBe(3);
    expect(f.consensus).toMatchObject({ method: 'weighted-vote', value: { min: 14, max: 14 }, independentSources: 2, confidence: 0.6667 });
    expect(result.dependence).toHaveLength(45);
  });

  it('keeps a copying outlet that disagrees as its own witness', () => {
    const reports = [
      { id: 'a', source: 'A', publishedAt: '2024-07-15', text: wireA, claims: [{ subject: 'landslide', attribute: 'rescued', value: { kind: 'quantity', phrase: '6 people' } }] },
      { id: 'b', source: 'B', publishedAt: '2024-07-15', text: wireB, claims: [{ subject: 'landslide', attribute: 'rescued', value: { kind: 'quantity', phrase: '6 people' } }] },
      { id: 'c', source: 'C', publishedAt: '2024-07-15', text: wireB, claims: [{ subject: 'landslide', attribute: 'rescued', value: { kind: 'quantity', phrase: '7 people' } }] },
    ];
    const f = reconcile(reports as ReportInput[]).findings[0]!;
    expect(f.independentSources).toBe(2);
    expect(f.consensus?.independentSources).toBe(1);
  });

  it('counts reports crediting one wire once, and structured reports without text as before', () => {
    const claims: ClaimInput[] = [{ subject: 'lender', attribute: 'date', value: { kind: 'time', phrase: 'on Tuesday' } }];
    const withText = reconcile([
      { id: 'x', source: 'X', publishedAt: '2024-07-17', text: creditOnlyA, claims },
      { id: 'y', source: 'Y', publishedAt: '2024-07-17', text: creditOnlyB, claims },
    ]);
    expect(withText.findings[0]).toMatchObject({ verdict: 'agree', independentSources: 1, consensus: { independentSources: 1, confidence: 0.5 } });
    const withoutText = reconcile([
      { id: 'x', source: 'X', publishedAt: '2024-07-17', claims },
      { id: 'y', source: 'Y', publishedAt: '2024-07-17', claims },
    ]);
    expect(withoutText.dependence).toEqual([]);
    expect(withoutText.findings[0]).toMatchObject({ verdict: 'agree', independentSources: 2, consensus: { independentSources: 2, confidence: 0.75 } });
  });

  it('gives the same bytes whatever the order of the articles', () => {
    const articles = [
      article('a', 'Agency Daily', wireA),
      article('b', 'Baroli Bulletin', wireB),
      article('own', 'Hill Voice', ownReporting),
      article('x', 'Market Wire', creditOnlyA, '2024-07-17'),
      article('y', 'Bank Beat', creditOnlyB, '2024-07-17'),
    ];
    const expected = toJSON(compareArticles(articles));
    for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 4, 0, 3, 2]]) {
      expect(toJSON(compareArticles(order.map((i) => articles[i]!)))).toBe(expected);
    }
    const result = JSON.parse(expected) as ReconcileResult;
    expect(result.dependence.map((d) => d.reports)).toEqual([
      ['a', 'b'],
      ['x', 'y'],
    ]);
  });

  it('renders a "Dependent reports" section in Markdown and the field in JSON', () => {
    const result = compareArticles([article('a', 'Agency Daily', wireA), article('b', 'Baroli Bulletin', wireB)]);
    const md = toMarkdown(result);
    expect(md).toContain('## Dependent reports (1)');
    expect(md).toMatch(/- Agency Daily \(`a`\) and Baroli Bulletin \(`b`\): score 0\.\d\d — both credit PTI — \d shared passages?: “/);
    const json = JSON.parse(toJSON(result)) as ReconcileResult;
    expect(json.dependence[0]).toMatchObject({ reports: ['a', 'b'], wires: ['PTI'] });
    expect(Object.keys(json)).toEqual(['version', 'reports', 'summary', 'findings', 'dependence']);
  });

  it('reads results without the field (written before it was added) as having no dependence', () => {
    const result = compareArticles([article('own', 'Hill Voice', ownReporting)]);
    const { dependence: _drop, ...older } = result;
    expect(JSON.parse(toJSON(older as ReconcileResult)).dependence).toEqual([]);
    expect(toMarkdown(older as ReconcileResult)).not.toContain('Dependent reports');
  });

  it('validates the dependence options', () => {
    expect(() => reconcile([], { dependence: { threshold: 2 } })).toThrow(CorroborateError);
    expect(() => reconcile([], { dependence: { bogus: 1 } as never })).toThrow(CorroborateError);
    const strict = reconcile(
      [
        { id: 'a', source: 'A', text: wireA, claims: [] },
        { id: 'b', source: 'B', text: wireB, claims: [] },
      ],
      { dependence: { threshold: 0.99 } },
    );
    expect(strict.dependence).toEqual([]);
  });
});
