import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/extract/quotes.js';
import { compareEntities, parseEntity } from '../../src/values/entity.js';

describe('parseEntity: lower-case role words before a name', () => {
  it('keeps them as the title, not as part of the name', () => {
    expect(parseEntity('owner Anil Sharma')).toEqual({ kind: 'entity', name: 'Anil Sharma', title: 'owner', type: 'person', text: 'owner Anil Sharma' });
    expect(parseEntity('mill owner Anil Sharma')).toMatchObject({ name: 'Anil Sharma', title: 'mill owner' });
    expect(parseEntity('villager Sunita Devi')).toMatchObject({ name: 'Sunita Devi', title: 'villager' });
  });

  it('so the same person with and without the role agrees', () => {
    expect(compareEntities(parseEntity('owner Anil Sharma'), parseEntity('Anil Sharma'))).toMatchObject({ verdict: 'agree', reason: 'equal' });
    expect(compareEntities(parseEntity('villager Sunita Devi'), parseEntity('Sunita Devi'))).toMatchObject({ verdict: 'agree' });
  });

  it('leaves phrases that are no role before a name as they were', () => {
    expect(parseEntity('sources in Delhi Police')).toMatchObject({ name: 'sources in Delhi Police' });
    expect(parseEntity('de Gaulle')).toMatchObject({ name: 'de Gaulle' });
    expect(parseEntity('eBay Inc').title).toBeUndefined();
  });

  it('stays linear on a long run of lower-case words', () => {
    const started = performance.now();
    expect(parseEntity(`${'a'.repeat(200_000)}- ${'owner '.repeat(50_000)}Anil`).name.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('speakers with dotted initials', () => {
  const speaker = (text: string) => extractQuotes(text)[0]?.speaker?.name;

  it('keeps "A.K." with the surname, before or after the verb', () => {
    expect(speaker('"Safety comes before profit," A.K. Sharma, the owner, said.')).toBe('A.K. Sharma');
    expect(speaker('"Safety comes before profit," said A.K. Sharma.')).toBe('A.K. Sharma');
    expect(speaker('"Safety comes before profit," A. K. Sharma said.')).toBe('A. K. Sharma');
  });

  it('matches the given name the initials stand for', () => {
    expect(compareEntities(parseEntity('A.K. Sharma'), parseEntity('Anil Sharma'))).toMatchObject({ verdict: 'compatible', reason: 'initials' });
  });
});
