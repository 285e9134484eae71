import { describe, expect, it } from 'vitest';
import { compareArticles, type Finding } from '../../src/index.js';

const day = '2024-03-11';
const lead = 'Farmers rallied at the Ramlila ground in Delhi on Sunday.';

/** The count findings of articles a, b, c… as "verdict/reason: report=value(speaker) …". */
function countFindings(...texts: string[]): string[] {
  const result = compareArticles(texts.map((text, i) => ({ id: 'abcd'[i]!, source: 'ABCD'[i]!, publishedAt: day, text })));
  return result.findings
    .filter((f: Finding) => f.kind === 'count')
    .map((f) => `${f.verdict}/${f.reason}: ${f.claims.map((c) => `${c.report}=${c.value.kind === 'quantity' ? c.value.value : '?'}(${c.speaker ?? '-'})`).join(' ')}`)
    .sort();
}

describe('figures given by different speakers', () => {
  it('are two facts, each single-source, not a conflict between the outlets', () => {
    expect(countFindings(`${lead} Organisers said 1,000,000 people attended the rally.`, `${lead} Police said 240,000 people attended the rally.`)).toEqual([
      'single-source/single-source: a=1000000(Organisers)',
      'single-source/single-source: b=240000(Police)',
    ]);
  });

  it('still line up and compare when both outlets name the same speaker', () => {
    const bus = 'A bus overturned near Kheri on Sunday.';
    expect(countFindings(`${bus} Police said 30 people were injured.`, `${bus} 35 people were injured, police said.`)).toEqual([
      'conflict/disjoint: a=30(Police) b=35(police)',
    ]);
    expect(countFindings(`${bus} Police said 30 people were injured.`, `${bus} According to police, 30 people were injured.`)).toEqual([
      'agree/equal: a=30(Police) b=30(police)',
    ]);
  });

  it('line up with the same figure in an outlet’s own voice, and conflict with another', () => {
    const bus = 'A bus overturned near Kheri on Sunday.';
    expect(countFindings(`${bus} Police said 30 people were injured.`, `${bus} 30 people were injured.`)).toEqual(['agree/equal: a=30(Police) b=30(-)']);
    expect(countFindings(`${bus} 30 people were injured, police said.`, `${bus} 35 people were injured.`)).toEqual(['conflict/disjoint: a=30(police) b=35(-)']);
  });

  it('never join two speakers through a third report in its own voice', () => {
    const found = countFindings(
      `${lead} Organisers said 1,000,000 people attended the rally.`,
      `${lead} Police said 240,000 people attended the rally.`,
      `${lead} 1,000,000 people attended the rally.`,
    );
    expect(found.some((f) => f.includes('Organisers') && f.includes('Police'))).toBe(false);
    expect(found).toContain('agree/equal: a=1000000(Organisers) c=1000000(-)');
  });

  it('treat a name inside a fuller one as one speaker ("officials", "district officials")', () => {
    const crash = 'A bus fell into the Beas near Mandi on Sunday night.';
    expect(countFindings(`${crash} District officials said 18 people were killed.`, `${crash} Officials said 16 people were killed.`)).toEqual([
      'conflict/disjoint: a=18(District officials) b=16(Officials)',
    ]);
  });
});

/** The finding about who said the shared quote, from one text per report. */
function speakerFinding(...texts: string[]): Finding {
  const result = compareArticles(texts.map((text, i) => ({ id: 'abcd'[i]!, source: 'ABCD'[i]!, publishedAt: '2024-03-07', text })));
  const found = result.findings.find((f) => f.attribute === 'speaker');
  expect(found).toBeDefined();
  return found!;
}

describe('speaker names with roles and initials', () => {
  const said = (who: string) => `The mill will stay shut. "Safety comes before profit," ${who} said.`;

  it('a role word before the name is the same person', () => {
    expect(speakerFinding(said('owner Anil Sharma'), said('Anil Sharma'))).toMatchObject({ verdict: 'agree' });
    expect(speakerFinding(said('villager Sunita Devi'), said('Sunita Devi'))).toMatchObject({ verdict: 'agree' });
  });

  it('dotted initials stay part of the name and match the full given name', () => {
    const f = speakerFinding('The mill will stay shut. "Safety comes before profit," A.K. Sharma, the owner, said.', said('Anil Sharma'));
    expect(f.claims.map((c) => c.value.kind === 'entity' && c.value.name)).toEqual(['A.K. Sharma', 'Anil Sharma']);
    expect(f).toMatchObject({ verdict: 'compatible', reason: 'initials' });
  });

  it('the consensus goes to the name most reports support, not to a misspelling', () => {
    const f = speakerFinding(said('owner Anil Sharma'), said('Anil Sharma'), said('Sharma'), said('Dr Anil Sarma'));
    expect(f.consensus?.value).toMatchObject({ kind: 'entity', name: 'Anil Sharma' });
    expect(f.consensus?.reports).toEqual(['a', 'b', 'c']);
  });
});

describe('a developing tally given by different authorities', () => {
  it('is one toll, revised, whoever gives each figure', () => {
    const result = compareArticles([
      { id: 'morning', source: 'Dawn Courier', publishedAt: '2024-07-15T08:00:00+05:30', text: 'A landslide buried homes in Kelvar on Monday. Police said 12 people were killed in the Kelvar landslide.' },
      { id: 'evening', source: 'Evening Lamp', publishedAt: '2024-07-15T20:00:00+05:30', text: 'A landslide buried homes in Kelvar on Monday. District officials said 15 people were killed in the Kelvar landslide.' },
    ]);
    const counts = result.findings.filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ verdict: 'compatible', reason: 'updated-later' });
    expect(counts[0]!.claims.map((c) => c.speaker)).toEqual(['Police', 'District officials']);
  });
});
