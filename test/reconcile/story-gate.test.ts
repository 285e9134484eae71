import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/index.js';

// A directory of a day's news holds many stories told with the same words ("N people died,
// officials said"); their figures must not line up across towns.

function article(id: string, town: string, dead: number, day: string, extra = '') {
  return {
    id,
    source: id.split('-')[0]!,
    publishedAt: '2024-06-12',
    text: `A landslide hit ${town} on ${day}. In all, ${dead} people died in the ${town} landslide, officials said. ${extra}`,
  };
}

describe('story gate in alignment', () => {
  const day = [
    article('north-a', 'Kelmora', 12, 'Monday'),
    article('valley-a', 'Kelmora', 12, 'Monday'),
    article('north-b', 'Dastren', 40, 'Tuesday', 'Mayor Ilse Brandt visited the site.'),
    article('valley-b', 'Dastren', 38, 'Tuesday', 'Mayor Ilse Brandt visited the site.'),
    article('coast-c', 'Pirvolo', 7, 'Sunday'),
    article('harbour-c', 'Pirvolo', 7, 'Sunday'),
  ];

  it('keeps each town\'s toll in its own finding when several stories are compared together', () => {
    const counts = compareArticles(day).findings.filter((f) => f.kind === 'count');
    const groups = counts.map((f) => f.claims.map((c) => c.report).sort());
    expect(groups.sort()).toEqual([
      ['coast-c', 'harbour-c'],
      ['north-a', 'valley-a'],
      ['north-b', 'valley-b'],
    ]);
    const verdicts = Object.fromEntries(counts.map((f) => [f.claims[0]!.report.split('-')[1], f.verdict]));
    expect(verdicts).toEqual({ a: 'agree', b: 'conflict', c: 'agree' });
  });

  it('gives the same findings for one story whether compared alone or among others', () => {
    const alone = compareArticles(day.slice(2, 4)).findings.map((f) => [f.kind, f.verdict, f.claims.length]);
    const among = compareArticles(day)
      .findings.filter((f) => f.claims.every((c) => c.report.endsWith('-b')))
      .map((f) => [f.kind, f.verdict, f.claims.length]);
    expect(among).toEqual(alone);
  });

  it('stays open for one story even when two reports name no entity in common', () => {
    const one = compareArticles([
      { id: 'x', source: 'x', publishedAt: '2024-06-12', text: 'Rescuers said 23 passengers were pulled from the river on Monday.' },
      { id: 'y', source: 'y', publishedAt: '2024-06-12', text: 'Twenty-three passengers were pulled from the river on Monday, rescuers said.' },
    ]);
    expect(one.findings.find((f) => f.kind === 'count')).toMatchObject({ verdict: 'agree', claims: [{ report: 'x' }, { report: 'y' }] });
  });
});

// A day's wire copy: many one-report stories, each crediting the same agency.
describe('story gate over a day of wire copy', () => {
  const TOWNS = ['Orvella', 'Quenby', 'Saltrim', 'Tavoric', 'Umbergh', 'Velkane', 'Wystmoor', 'Yarrowby', 'Zennick', 'Brackwell', 'Corlath', 'Dunmire'];
  const wireDay = TOWNS.map((town, i) => ({
    id: `desk-${String(i).padStart(2, '0')}`,
    source: `paper-${i % 4}`,
    publishedAt: '2024-07-15',
    text: `${town}, July 14 (PTI) A bus fell into a gorge near ${town} on Sunday, killing ${3 + i} passengers, district officials said. The injured were taken to the ${town} civil hospital.`,
  }));

  it('does not pair reports about different events because they credit the same wire', () => {
    const result = compareArticles(wireDay);
    expect(result.dependence).toEqual([]);
    // Each event's toll stands alone: twelve different bus accidents are not one conflicting fact.
    const counts = result.findings.filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(TOWNS.length);
    expect(counts.every((f) => f.verdict === 'single-source' && f.claims.length === 1)).toBe(true);
  });

  it('still pairs two reports of one event among them on the credit alone', () => {
    const reworded = {
      id: 'desk-zz',
      source: 'paper-9',
      publishedAt: '2024-07-15',
      text: `Quenby, July 14 (PTI) Four passengers lost their lives when their bus plunged off the Quenby road on Sunday, police said.`,
    };
    const result = compareArticles([...wireDay, reworded]);
    expect(result.dependence.map((d) => [d.reports, d.wires])).toEqual([[['desk-01', 'desk-zz'], ['PTI']]]);
    const toll = result.findings.find((f) => f.kind === 'count' && f.claims.some((c) => c.report === 'desk-zz'));
    expect(toll?.claims.map((c) => c.report)).toEqual(['desk-01', 'desk-zz']);
  });
});

describe('story gate and name variants', () => {
  it('links reports that name one person differently ("Mr Sharma", "owner Anil Sharma") into one story', () => {
    const day = '2024-03-07';
    const result = compareArticles([
      { id: 'a', publishedAt: day, text: 'Mill owner Anil Sharma defended the closure. "We had no choice but to shut the plant for the safety of our work force," Sharma said on Wednesday.' },
      { id: 'b', publishedAt: day, text: 'The Sonpur mill will stay shut. “We had no choice but to shut the plant for the safety of our work force,” owner Anil Sharma told reporters.' },
      { id: 'c', publishedAt: day, text: 'The Sonpur mill will stay shut, its owner said. "We had no choice but to shut the plant," said Mr Sharma.' },
      { id: 'd', publishedAt: day, text: 'The Sonpur mill will stay shut. "We had no option but to shut the plant for the safety of our workforce," Anil Sharma said.' },
    ]);
    const quotes = result.findings.filter((f) => f.kind === 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.claims.map((c) => c.report)).toEqual(['a', 'b', 'c', 'd']);
    expect(quotes[0]).toMatchObject({ verdict: 'conflict', reason: 'wording' });
  });
});
