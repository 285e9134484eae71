import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../src/extract/quantities.js';
import { compareArticles } from '../../src/index.js';

// Outlets count the dead with whatever noun they like ("people", "passengers", "workers") or none
// ("the toll stood at 18"); what was counted is the deaths, and those must line up.
const units = (text: string) => extractQuantities(text).map((m) => [m.text, m.value.unit]);

describe('casualty counts take their measure from what happened', () => {
  it.each([
    ['Eighteen people were killed when the bus fell.', [['Eighteen people', 'deaths']]],
    ['Sixteen passengers died in the river.', [['Sixteen passengers', 'deaths']]],
    ['The blast killed 12 workers.', [['12 workers', 'deaths']]],
    ['The bus overturned, killing 9 pilgrims.', [['9 pilgrims', 'deaths']]],
    ['Two children are feared dead.', [['Two children', 'deaths']]],
    ['Six fishermen lost their lives at sea.', [['Six fishermen', 'deaths']]],
    ['Police said 35 people were injured.', [['35 people', 'injuries']]],
    ['Nearly 300 people were treated for burns.', [['Nearly 300 people', 'injuries']]],
    ['Four fishermen remain missing.', [['Four fishermen', 'missing']]],
    ['Fourteen people were arrested after the clash.', [['Fourteen people', 'arrests']]],
    ['The toll in the district stands at 11 people.', [['11 people', 'deaths']]],
    ['Police arrested 12 people in five districts.', [['12 people', 'arrests'], ['five districts', 'districts']]],
  ])('%s', (text, expected) => {
    expect(units(text)).toEqual(expected);
  });

  it.each([
    ['Nearly 150 workers were on the night shift.', [['Nearly 150 workers', 'workers']]],
    ['About 40 people were rescued from the roof.', [['About 40 people', 'people']]],
    ['The floods have affected 2.5 lakh people.', [['2.5 lakh people', 'people']]],
    // A ratio's base is no count.
    ['Network Rail said only one in five services was running.', []],
    ['Two in three voters backed the plan.', []],
  ])('leaves other counts of people alone: %s', (text, expected) => {
    expect(units(text)).toEqual(expected);
  });

  it('lines up one death toll told with four different nouns, and finds the conflict', () => {
    const day = '2024-03-11';
    const result = compareArticles([
      { id: 'a', publishedAt: day, text: 'Eighteen people were killed when a bus fell into the Beas near Mandi on Sunday.' },
      { id: 'b', publishedAt: day, text: 'The bus accident near Mandi on Sunday left 16 dead.' },
      { id: 'c', publishedAt: day, text: 'Sixteen passengers died when a bus fell into the Beas near Mandi on Sunday.' },
      { id: 'd', publishedAt: day, text: 'The death toll in the Mandi bus accident on Sunday stood at 18.' },
    ]);
    const counts = result.findings.filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
    expect(counts[0]!.claims.map((c) => c.report)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the killed apart from the injured and lines up the injured', () => {
    const day = '2024-03-11';
    const result = compareArticles([
      { id: 'a', publishedAt: day, text: 'Twelve people were killed and 30 injured when a bus overturned near Kheri on Sunday, police said.' },
      { id: 'b', publishedAt: day, text: 'A bus overturned near Kheri on Sunday, killing 12 people. Police said 35 people were injured.' },
      { id: 'c', publishedAt: day, text: 'A bus overturned near Kheri on Sunday. Police said 30 people were injured.' },
    ]);
    const byVerdict = result.findings
      .filter((f) => f.kind === 'count')
      .map((f) => [f.verdict, f.claims.map((c) => c.evidence?.text)])
      .sort();
    expect(byVerdict).toEqual([
      ['agree', ['Twelve people', '12 people']],
      ['conflict', ['30 injured', '35 people', '30 people']],
    ]);
  });
});
