import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';

/** Each count of the text as "evidence <- speaker" ("-" for the outlet's own voice). */
function counts(text: string): string[] {
  return extract(text, { publishedAt: '2024-03-11' })
    .claims.filter((c) => c.value.kind === 'quantity')
    .map((c) => `${c.evidence?.text} <- ${c.speaker ?? '-'}`);
}

describe('who gives a count', () => {
  it('"X said N …" and "N …, X said"', () => {
    expect(counts('Organisers said 1,000,000 people attended the rally.')).toEqual(['1,000,000 people <- Organisers']);
    expect(counts('Thirty people were injured in the stampede, police said.')).toEqual(['Thirty people <- police']);
  });

  it('"according to X, N …" and "X put the toll at N"', () => {
    expect(counts('According to the organisers, 52 buses brought marchers in.')).toEqual(['52 buses <- organisers']);
    expect(counts('Hospital officials put the toll at 18 late on Sunday.')).toEqual(['18 <- Hospital officials']);
  });

  it('gives each figure of a sentence its own speaker', () => {
    expect(counts('Police said 240,000 people marched, while the organisers claimed 1 million people came.')).toEqual([
      '240,000 people <- Police',
      '1 million people <- organisers',
    ]);
  });

  it('a figure in a quotation is its speaker’s', () => {
    expect(counts('"We pulled 40 people out of the water," Ravi Menon said.')).toEqual(['40 people <- Ravi Menon']);
  });

  it('leaves a figure in the outlet’s own voice, and one that is the speaker itself, unattributed', () => {
    expect(counts('Thirty people were injured in the stampede.')).toEqual(['Thirty people <- -']);
    expect(counts('Twelve villagers said they saw the bus fall.')).toEqual(['Twelve villagers <- -']);
    // "put … at" gives a figure only when "at" leads to it.
    expect(counts('Police put 40 officers on duty.')).toEqual(['40 officers <- -']);
  });

  it('never takes a figure verb for a quote’s cue', () => {
    const report = extract('Police put the crowd at 240,000. "It was calm," an officer said.', { publishedAt: '2024-03-11' });
    expect(report.claims.find((c) => c.attribute === 'speaker')?.evidence?.text).toBe('an officer');
  });

  it('stays linear on a long sentence of figures and cues', () => {
    const text = `${'Police said 5 people died, 6 were hurt, officials put the toll at 7, according to sources, '.repeat(3_000)}.`;
    const started = performance.now();
    const speakers = extract(text).claims.filter((c) => c.value.kind === 'quantity').map((c) => c.speaker);
    expect(speakers.length).toBeGreaterThan(3_000);
    expect(speakers[0]).toBe('Police');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
