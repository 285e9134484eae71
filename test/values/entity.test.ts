import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComparisonSchema, EntityValueSchema } from '../../src/model/index.js';
import type { EntityValue } from '../../src/model/index.js';
import {
  DEFAULT_ALIASES,
  combineEntities,
  compareEntities,
  createAliasTable,
  entityKey,
  formatEntity,
  parseEntity,
} from '../../src/values/entity.js';

const e = (phrase: string): EntityValue => parseEntity(phrase);
const verdictOf = (a: string, b: string) => {
  const c = compareEntities(e(a), e(b));
  return [c.verdict, c.reason];
};

describe('createAliasTable / DEFAULT_ALIASES', () => {
  it('resolves every built-in alias to its group', () => {
    for (const group of DEFAULT_ALIASES) {
      const key = entityKey(group[0] as string);
      for (const name of group) expect(entityKey(name)).toBe(key);
    }
  });

  it('knows the MeitY names', () => {
    for (const name of [
      'IT Ministry',
      'IT ministry',
      'the IT Ministry',
      'Ministry of Electronics and Information Technology',
      'Ministry of Electronics & Information Technology',
      'Ministry of Electronics and IT',
      'Ministry of IT',
      'Ministry of Information Technology',
    ]) {
      expect(entityKey(name)).toBe(entityKey('MeitY'));
    }
  });

  it('knows the government, wire and international names', () => {
    expect(entityKey('Centre')).toBe(entityKey('Government of India'));
    expect(entityKey('the Centre')).toBe(entityKey('Indian government'));
    expect(entityKey('PTI')).toBe(entityKey('Press Trust of India'));
    expect(entityKey('AP')).toBe(entityKey('The Associated Press'));
    expect(entityKey('AFP')).toBe(entityKey('Agence France Presse'));
    expect(entityKey('UN')).toBe(entityKey('United Nations'));
    expect(entityKey('U.S.')).toBe(entityKey('United States'));
    expect(entityKey('USA')).toBe(entityKey('US'));
  });

  it('leaves "the government" out: it names whichever government the story is about', () => {
    expect(entityKey('the government')).not.toBe(entityKey('Government of India'));
  });

  it('is case, space and punctuation insensitive', () => {
    const table = createAliasTable([]);
    expect(table.lookup('  ministry OF electronics   and i.t. ')).toBe('MeitY');
    expect(table.lookup('Twitter')).toBeUndefined();
  });

  it('lets the caller extend it, merging groups that share a name', () => {
    const table = createAliasTable([['Twitter', 'Twitter Inc.'], ['Electronics ministry', 'Ministry of IT']]);
    expect(entityKey('twitter inc', table)).toBe(entityKey('Twitter', table));
    expect(table.lookup('Electronics ministry')).toBe('MeitY');
    expect(table.lookup('PTI')).toBe('PTI');
    const bare = createAliasTable([['Twitter', 'Twitter Inc.']], { includeDefaults: false });
    expect(bare.lookup('PTI')).toBeUndefined();
    expect(bare.groups).toEqual([['Twitter', 'Twitter Inc.']]);
  });

  it('is immutable after creation', () => {
    const groups = [['Twitter', 'Twitter Inc.']];
    const table = createAliasTable(groups);
    groups[0]?.push('Facebook');
    groups.push(['X', 'Twitter']);
    expect(table.lookup('Facebook')).toBeUndefined();
    expect(table.lookup('X')).toBeUndefined();
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.groups)).toBe(true);
    expect(table.groups.every((g) => Object.isFrozen(g))).toBe(true);
    expect(() => (table.groups as string[][]).push(['a'])).toThrow(TypeError);
    expect(() => ((table.groups[0] as string[]) ?? []).push('a')).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_ALIASES)).toBe(true);
    expect(DEFAULT_ALIASES.every((g) => Object.isFrozen(g))).toBe(true);
  });
});

describe('parseEntity', () => {
  it.each([
    ['a spokesperson of Twitter', 'Twitter', 'spokesperson'],
    ['a Twitter spokesperson', 'Twitter', 'spokesperson'],
    ["Twitter's spokesperson", 'Twitter', 'spokesperson'],
    ['Twitter\u2019s spokesman', 'Twitter', 'spokesperson'],
    ['the spokesperson for Twitter', 'Twitter', 'spokesperson'],
    ['Twitter in its statement', 'Twitter', 'statement'],
    ['Twitter, in its response', 'Twitter', 'statement'],
    ["Twitter's statement", 'Twitter', 'statement'],
    ['a statement from the IT Ministry', 'IT Ministry', 'statement'],
    ["the company's statement", 'company', 'statement'],
    ['a senior Twitter official', 'Twitter', 'official'],
    ['Twitter CEO', 'Twitter', 'CEO'],
    ['the chief executive of Twitter', 'Twitter', 'CEO'],
  ])('%s → %s (%s)', (phrase, name, role) => {
    const v = e(phrase);
    expect(v).toMatchObject({ kind: 'entity', name, role, type: 'organisation', text: phrase });
    expect(v.title).toBeUndefined();
  });

  it.each([
    ['Union minister Ravi Shankar Prasad', 'Ravi Shankar Prasad', 'Union minister'],
    ['Union Minister of Information and Technology, Ravi Shankar Prasad', 'Ravi Shankar Prasad', 'Union Minister of Information and Technology'],
    ['Ravi Shankar Prasad, Union minister', 'Ravi Shankar Prasad', 'Union minister'],
    ['Mr Prasad', 'Prasad', 'Mr'],
    ['Ms. Penny Wong', 'Penny Wong', 'Ms.'],
    ['Dr. P. K. Jena', 'P. K. Jena', 'Dr.'],
    ['Prime Minister Narendra Modi', 'Narendra Modi', 'Prime Minister'],
    ['Chief Minister Mamata Banerjee', 'Mamata Banerjee', 'Chief Minister'],
    ['Twitter CEO Jack Dorsey', 'Jack Dorsey', 'Twitter CEO'],
    ['Twitter chief executive Jack Dorsey', 'Jack Dorsey', 'Twitter chief executive'],
  ])('%s → %s, title %s', (phrase, name, title) => {
    expect(e(phrase)).toMatchObject({ name, title, type: 'person' });
    expect(e(phrase).role).toBeUndefined();
  });

  it('keeps plain names and strips articles and "according to"', () => {
    expect(e('Twitter')).toEqual({ kind: 'entity', name: 'Twitter', text: 'Twitter' });
    expect(e('the IT Ministry').name).toBe('IT Ministry');
    expect(e('according to PTI').name).toBe('PTI');
    expect(e('Government of India').name).toBe('Government of India');
    expect(e('General Motors').name).toBe('General Motors');
    expect(e('Chief Minister').name).toBe('Chief Minister');
    expect(e('the spokesperson').name).toBe('spokesperson');
  });

  it('never throws and gives schema-valid values for non-empty phrases', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const v = parseEntity(s);
        expect(v.kind).toBe('entity');
        if (s.trim().length > 0) expect(EntityValueSchema.safeParse(v).success).toBe(true);
      }),
      { numRuns: 500 },
    );
    const word = fc.constantFrom('a', 'the', 'of', 'in', 'its', "Twitter's", 'spokesperson', 'statement', 'CEO', 'Mr', 'Union', 'minister', ',', 'Ravi', 'P.', 'chief', 'executive', "'s", 'according', 'to', '');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (ws) => {
        const v = parseEntity(ws.join(' '));
        expect(v.kind).toBe('entity');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('compareEntities', () => {
  it('agrees on the seed speakers: "a spokesperson of Twitter" vs "Twitter in its statement"', () => {
    const c = compareEntities(e('a spokesperson of Twitter'), e('Twitter in its statement'));
    expect(c).toMatchObject({ verdict: 'agree', reason: 'same-organisation' });
    expect(ComparisonSchema.parse(c)).toEqual(c);
  });

  it('agrees on identical and on folded-equal names', () => {
    expect(verdictOf('Twitter', 'Twitter')).toEqual(['agree', 'identical']);
    expect(verdictOf('a spokesperson of Twitter', "Twitter's spokesperson")).toEqual(['agree', 'identical']);
    expect(verdictOf('IT Ministry', 'IT ministry')).toEqual(['agree', 'equal']);
    expect(verdictOf('Agence France-Presse', 'Agence France Presse')).toEqual(['agree', 'equal']);
    expect(verdictOf('P. K. Jena', 'PK Jena')).toEqual(['agree', 'equal']);
    expect(verdictOf('Jos\u00E9 Mart\u00EDnez', 'Jose Martinez')).toEqual(['agree', 'equal']);
  });

  it('agrees on aliases', () => {
    expect(verdictOf('MeitY', 'Ministry of Electronics and Information Technology')).toEqual(['agree', 'alias']);
    expect(verdictOf('IT Ministry', 'Ministry of Electronics and IT')).toEqual(['agree', 'alias']);
    expect(verdictOf('the Centre', 'Government of India')).toEqual(['agree', 'alias']);
    expect(verdictOf('PTI', 'Press Trust of India')).toEqual(['agree', 'alias']);
    expect(verdictOf('US President', 'President of the United States')).toEqual(['agree', 'alias']);
  });

  it('agrees on one organisation speaking through any voice role', () => {
    expect(verdictOf('Twitter', 'a Twitter spokesperson')).toEqual(['agree', 'same-organisation']);
    expect(verdictOf('a senior Twitter official', 'Twitter in its statement')).toEqual(['agree', 'same-organisation']);
    expect(verdictOf('an IT Ministry spokesperson', 'MeitY')).toEqual(['agree', 'same-organisation']);
  });

  it('accepts caller aliases as raw groups or as a table', () => {
    const a = e('Twitter India');
    const b = e('Twitter Communications India');
    expect(compareEntities(a, b).verdict).toBe('conflict');
    const groups = [['Twitter India', 'Twitter Communications India']];
    expect(compareEntities(a, b, { aliases: groups })).toMatchObject({ verdict: 'agree', reason: 'alias' });
    expect(compareEntities(a, b, { aliases: createAliasTable(groups) })).toMatchObject({ reason: 'alias' });
    // raw groups are merged with the defaults; a table built without them stands alone
    expect(compareEntities(e('PTI'), e('Press Trust of India'), { aliases: groups }).reason).toBe('alias');
    const bare = createAliasTable(groups, { includeDefaults: false });
    expect(compareEntities(e('PTI'), e('Press Trust of India'), { aliases: bare }).verdict).toBe('conflict');
  });

  it('finds initials compatible', () => {
    expect(verdictOf('PK Jena', 'Pradeep Jena')).toEqual(['compatible', 'initials']);
    expect(verdictOf('P. K. Jena', 'Pradeep Jena')).toEqual(['compatible', 'initials']);
    expect(verdictOf('Pradeep K. Jena', 'PK Jena')).toEqual(['compatible', 'initials']);
    expect(verdictOf('Pradeep K. Jena', 'Pradeep Jena')).toEqual(['compatible', 'initials']);
  });

  it('takes a later mention by surname as the same person', () => {
    expect(verdictOf('Mr Jena', 'Pradeep Jena')).toEqual(['agree', 'equal']);
    expect(verdictOf('Kulkarni', 'Chief Fire Officer Ramesh Kulkarni')).toEqual(['agree', 'equal']);
    expect(verdictOf('Ms Arora', 'Home Secretary Meenakshi Arora')).toEqual(['agree', 'equal']);
    expect(verdictOf('Jena', 'Pradeep Mehta')[0]).toBe('conflict');
  });

  it('allows a left-out middle name only for people', () => {
    expect(verdictOf('Twitter India', 'Twitter Communications India')[0]).toBe('conflict');
    expect(compareEntities({ kind: 'entity', name: 'Jack Dorsey', type: 'person' }, e('Jack Patrick Dorsey'))).toMatchObject({
      verdict: 'compatible',
      reason: 'initials',
    });
    expect(verdictOf('IT Ministry', 'Information Technology Ministry')).toEqual(['compatible', 'initials']);
  });

  it('does not read mismatched initials or a bare organisation word as initials', () => {
    expect(verdictOf('SK Jena', 'Pradeep Jena')).toEqual(['conflict', 'different-entity']);
    expect(verdictOf('Ministry', 'IT Ministry')[0]).toBe('conflict');
  });

  it('finds the same person under different titles compatible', () => {
    expect(
      verdictOf('Union minister Ravi Shankar Prasad', 'Union Minister of Information and Technology, Ravi Shankar Prasad'),
    ).toEqual(['compatible', 'title']);
    expect(verdictOf('Union minister Ravi Shankar Prasad', 'Ravi Shankar Prasad')).toEqual(['agree', 'equal']);
  });

  it('flags near-misspellings without merging them', () => {
    const c = compareEntities(e('Penny'), e('Penney'));
    expect(c).toMatchObject({ verdict: 'conflict', reason: 'spelling' });
    expect(c.detail).toMatch(/possibly the same name misspelt/u);
    expect(verdictOf('Ms Penny Wong', 'Ms Penney Wong')).toEqual(['conflict', 'spelling']);
    expect(verdictOf('Ravi Shankar Prasad', 'Ravi Shankar Parsad')).toEqual(['conflict', 'spelling']); // transposition
    expect(verdictOf('Chandrasekhar', 'Chandrashekar')).toEqual(['conflict', 'spelling']); // two edits, long name
    expect(verdictOf('Penny', 'Benney')).toEqual(['conflict', 'different-entity']);
    expect(verdictOf('UN', 'US')).toEqual(['conflict', 'different-entity']);
  });

  it('tells person roles of one organisation apart', () => {
    expect(verdictOf('Twitter CEO', 'Twitter spokesperson')).toEqual(['conflict', 'different-role']);
    expect(verdictOf('Twitter CEO', 'Twitter founder')).toEqual(['conflict', 'different-role']);
    expect(verdictOf('Twitter CEO', 'Twitter')).toEqual(['conflict', 'different-role']);
    expect(verdictOf('Twitter CEO', 'the chief executive of Twitter')).toEqual(['agree', 'identical']);
  });

  it('finds different entities in conflict', () => {
    expect(verdictOf('Twitter', 'Facebook')).toEqual(['conflict', 'different-entity']);
    expect(verdictOf('a spokesperson of Twitter', 'Ravi Shankar Prasad')).toEqual(['conflict', 'different-entity']);
    const person: EntityValue = { kind: 'entity', name: 'Washington', type: 'person' };
    const place: EntityValue = { kind: 'entity', name: 'Washington', type: 'place' };
    expect(compareEntities(person, place)).toMatchObject({ verdict: 'conflict', reason: 'different-entity' });
  });

  it('is symmetric in verdict and reason', () => {
    const name = fc.constantFrom('Twitter', 'twitter', 'MeitY', 'IT Ministry', 'PK Jena', 'P. K. Jena', 'Pradeep Jena', 'Pradeep K. Jena', 'Jena', 'Penny', 'Penney', 'Penny Wong', 'US', 'UN', 'Centre', 'Government of India');
    const entity = fc.record(
      {
        name: fc.oneof(name, fc.string({ minLength: 1, maxLength: 12 })),
        role: fc.constantFrom('spokesperson', 'spokesman', 'statement', 'CEO', 'founder', 'lawyer'),
        title: fc.constantFrom('Mr', 'Dr', 'Union minister', 'Union Minister of Information and Technology'),
        type: fc.constantFrom('person' as const, 'organisation' as const, 'place' as const, 'other' as const),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(entity, entity, (x, y) => {
        const a: EntityValue = { kind: 'entity', ...x };
        const b: EntityValue = { kind: 'entity', ...y };
        const ab = compareEntities(a, b);
        const ba = compareEntities(b, a);
        expect([ba.verdict, ba.reason]).toEqual([ab.verdict, ab.reason]);
      }),
      { numRuns: 2000 },
    );
    const phrase = fc.constantFrom('a spokesperson of Twitter', 'Twitter in its statement', 'Twitter CEO', 'Twitter CEO Jack Dorsey', 'Mr Dorsey', 'Jack Dorsey', 'J Dorsey', 'Union minister Ravi Shankar Prasad', 'Ravi Shankar Prasad', 'Mr Prasad', 'RS Prasad', 'the IT Ministry', 'MeitY spokesperson');
    fc.assert(
      fc.property(phrase, phrase, (x, y) => {
        const ab = compareEntities(e(x), e(y));
        const ba = compareEntities(e(y), e(x));
        expect([ba.verdict, ba.reason]).toEqual([ab.verdict, ab.reason]);
      }),
    );
  });
});

describe('entityKey', () => {
  it('folds case, diacritics, punctuation and a leading article', () => {
    expect(entityKey('  The  Associated   Press ')).toBe(entityKey('AP'));
    expect(entityKey('Jos\u00E9 Mart\u00EDnez')).toBe('jose martinez');
    expect(entityKey('Ravi Shankar Prasad')).toBe('ravi shankar prasad');
  });
});

describe('combineEntities', () => {
  it('prefers the fullest name and keeps the longest title', () => {
    const values = [e('PK Jena'), e('Pradeep Jena'), e('Dr. P. K. Jena')];
    const combined = combineEntities(values);
    expect(combined).toEqual({ kind: 'entity', name: 'Pradeep Jena', title: 'Dr.', type: 'person' });
    expect(combineEntities([...values].reverse())).toEqual(combined);
  });

  it('prefers the plain organisation to one speaking through a role', () => {
    expect(combineEntities([e('a spokesperson of Twitter'), e('Twitter in its statement')])).toEqual({
      kind: 'entity',
      name: 'Twitter',
      type: 'organisation',
    });
    const plain = { kind: 'entity', name: 'Twitter', type: 'organisation', text: 'Twitter' };
    expect(combineEntities([e('Twitter'), e('a Twitter spokesperson')])).toEqual(plain);
    expect(combineEntities([e('a Twitter spokesperson'), e('Twitter')])).toEqual(plain);
    expect(combineEntities([e('a Twitter spokesman'), e("Twitter's spokesperson")])?.role).toBe('spokesperson');
  });

  it('prefers the full alias name', () => {
    expect(combineEntities([e('MeitY'), e('Ministry of Electronics and Information Technology')])?.name).toBe(
      'Ministry of Electronics and Information Technology',
    );
  });

  it('returns null when any pair conflicts, or for no values', () => {
    expect(combineEntities([e('Penny'), e('Penney')])).toBeNull();
    expect(combineEntities([e('PK Jena'), e('Pradeep Jena'), e('Sunil Jena')])).toBeNull();
    expect(combineEntities([])).toBeNull();
  });

  it('uses caller aliases and never mutates its input', () => {
    const values = [e('Twitter India'), e('Twitter Communications India')].map((v) => Object.freeze(v));
    expect(combineEntities(values)).toBeNull();
    const combined = combineEntities(values, { aliases: [['Twitter India', 'Twitter Communications India']] });
    expect(combined?.name).toBe('Twitter Communications India');
    expect(values[0]?.name).toBe('Twitter India');
  });
});

describe('formatEntity', () => {
  it('shows the role in brackets and the title before or after the name', () => {
    expect(formatEntity(e('a spokesperson of Twitter'))).toBe('Twitter (spokesperson)');
    expect(formatEntity(e('Ravi Shankar Prasad'))).toBe('Ravi Shankar Prasad');
    expect(formatEntity(e('Union minister Ravi Shankar Prasad'))).toBe('Union minister Ravi Shankar Prasad');
    expect(formatEntity(e('Union Minister of Information and Technology, Ravi Shankar Prasad'))).toBe(
      'Ravi Shankar Prasad, Union Minister of Information and Technology',
    );
  });
});
