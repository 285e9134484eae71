import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/index.js';

// In a developing story each outlet dates the revision it reports ("the toll rose to 288 on
// Saturday", "revised to 275 on Sunday"): two revision days are two updates, not one conflicting date.
describe('dates of tally revisions', () => {
  it('does not line up two outlets\' different revision days as one conflicting date', () => {
    const result = compareArticles([
      { id: 'a', publishedAt: '2023-06-03', text: 'The death toll in the Kelvar train crash rose to 288 on Saturday, railway officials said.' },
      { id: 'b', publishedAt: '2023-06-04', text: 'Officials revised the death toll in the Kelvar train crash to 275 on Sunday after some bodies were counted twice.' },
    ]);
    const dates = result.findings.filter((f) => f.kind === 'date');
    expect(dates.map((f) => [f.verdict, f.claims.map((c) => c.evidence?.text)]).sort()).toEqual([
      ['single-source', ['on Saturday']],
      ['single-source', ['on Sunday']],
    ]);
    expect(result.findings.find((f) => f.kind === 'count')).toMatchObject({ reason: 'updated-later' });
  });

  it('still lines up one revision day the outlets agree on', () => {
    const result = compareArticles([
      { id: 'a', publishedAt: '2023-06-04', text: 'The death toll in the Kelvar train crash rose to 288 on Saturday, railway officials said.' },
      { id: 'b', publishedAt: '2023-06-04', text: 'On Saturday the toll in the Kelvar train crash climbed to 288, officials said.' },
    ]);
    const dates = result.findings.filter((f) => f.kind === 'date');
    expect(dates.map((f) => [f.verdict, f.claims.length])).toEqual([['agree', 2]]);
  });

  it('still finds a conflict between two event dates', () => {
    const result = compareArticles([
      { id: 'a', publishedAt: '2025-03-11', text: 'A fire tore through a textile factory in Rampur on Monday night, police said.' },
      { id: 'b', publishedAt: '2025-03-12', text: 'The fire at the textile factory in Rampur broke out on Tuesday night, police said.' },
    ]);
    expect(result.findings.find((f) => f.kind === 'date')).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
  });
});
