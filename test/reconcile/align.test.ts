import { describe, expect, it } from 'vitest';
import { compareArticles, type Finding } from '../../src/index.js';

const day = (id: string, publishedAt: string, text: string) => ({ id, source: id, publishedAt, text });
const evidence = (f: Finding) => f.claims.map((c) => `${c.report}:${c.evidence?.text}`);

describe('alignment of claims from text', () => {
  it('lines up the same figure across outlets and keeps a second figure of one report apart', () => {
    const result = compareArticles([
      day('a', '2024-05-02', 'The ferry was carrying 212 passengers when it capsized near Koti island. Rescuers pulled 57 passengers from the water.'),
      day('b', '2024-05-02', 'Officials said 212 passengers were aboard the ferry that capsized off Koti island.'),
    ]);
    const counts = result.findings.filter((f) => f.kind === 'count');
    expect(counts.map(evidence).sort()).toEqual([['a:212 passengers', 'b:212 passengers'], ['a:57 passengers']]);
    expect(counts.find((f) => f.claims.length === 2)?.verdict).toBe('agree');
  });

  it('reports a revised figure between outlets as a conflict', () => {
    const result = compareArticles([
      day('a', '2024-05-02', 'The death toll in the ferry capsize near Koti island rose to 31.'),
      day('b', '2024-05-03', 'The death toll in the Koti island ferry capsize stood at 28 deaths on Friday, officials said.'),
    ]);
    const toll = result.findings.find((f) => f.kind === 'count' && f.claims.length === 2);
    expect(toll?.verdict).toBe('conflict');
  });

  it('keeps figures given by different speakers in different slots (organisers vs police)', () => {
    const text = (id: string) =>
      day(id, '2024-06-10', 'Organisers said one million people joined the march. Police put the crowd at 240,000 people.');
    const result = compareArticles([text('a'), text('b')]);
    const counts = result.findings.filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(2);
    expect(counts.every((f) => f.verdict === 'agree')).toBe(true);
  });

  it('never links figures of different units', () => {
    const result = compareArticles([
      day('a', '2024-05-02', 'Police seized 40 boats in the raid at Koti harbour.'),
      day('b', '2024-05-02', 'Police arrested 40 fishermen in the raid at Koti harbour.'),
    ]);
    expect(result.findings.filter((f) => f.kind === 'count').every((f) => f.claims.length === 1)).toBe(true);
  });

  it('does not link equal figures from unrelated sentences', () => {
    const result = compareArticles([
      day('a', '2024-05-02', 'The school in Barmer opened 12 classrooms for refugee children.'),
      day('b', '2024-05-02', 'Twelve classrooms were flooded after the dam near Kota burst its banks.'),
    ]);
    expect(result.findings.filter((f) => f.kind === 'count' && f.claims.length > 1)).toEqual([]);
  });

  it('lines up quotes by their words and their speakers in an attribution finding', () => {
    const result = compareArticles([
      day('a', '2024-05-02', '"We will rebuild every home in this village," Chief Minister Sunita Rao said on Thursday.'),
      day('b', '2024-05-03', '"We will rebuild every home in this village," said Revenue Minister Arun Das.'),
    ]);
    const quote = result.findings.find((f) => f.kind === 'quote');
    expect(quote?.verdict).toBe('agree');
    const who = result.findings.find((f) => f.kind === 'attribution');
    expect(who).toMatchObject({ verdict: 'conflict', reason: 'different-entity' });
  });
});
