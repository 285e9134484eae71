import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeQuotes, isLetterAt, isSpaceAt, isSpeechVerb, isWordCharAt } from '../../src/extract/attribution.js';
import { extractQuotes, type SpeakerMention } from '../../src/extract/quotes.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { parseEntity } from '../../src/values/entity.js';

/** The speaker of the quote starting with `start` (the first quote when omitted). */
function speakerOf(input: string, start?: string): SpeakerMention | null | undefined {
  const quotes = extractQuotes(input);
  for (const q of quotes) if (q.speaker) expect(q.speaker.text).toBe(input.slice(q.speaker.start, q.speaker.end));
  const quote = start === undefined ? quotes[0] : quotes.find((q) => q.text.startsWith(start));
  expect(quote, `no quote starting ${start}`).toBeDefined();
  return quote?.speaker;
}

describe('attribution forms', () => {
  it('"…," X said', () => {
    const input = '"The dam is safe," Meera Iyer said.';
    expect(speakerOf(input)).toEqual({ name: 'Meera Iyer', start: 19, end: 29, text: 'Meera Iyer', how: 'explicit' });
  });

  it('X said: "…" and X said that "…"', () => {
    expect(speakerOf('Meera Iyer said: "The dam is safe."')).toMatchObject({ name: 'Meera Iyer', how: 'explicit' });
    expect(speakerOf('Meera Iyer said that "the dam is safe for now".')).toMatchObject({ name: 'Meera Iyer' });
  });

  it('"…," said X', () => {
    expect(speakerOf('"The dam is safe," said Meera Iyer, who heads the board.')).toMatchObject({ name: 'Meera Iyer', text: 'Meera Iyer' });
    expect(speakerOf('"The dam is safe," said a resident of the village.')).toMatchObject({ name: 'a resident' });
  });

  it('"…," X added/told/stated/noted/wrote/tweeted/claimed/alleged/asserted/explained/remarked/further said', () => {
    for (const verb of ['added', 'told reporters', 'stated', 'noted', 'wrote', 'tweeted', 'claimed', 'alleged', 'asserted', 'explained', 'remarked', 'further said', 'also said', 'on Monday said']) {
      const input = `"The dam is safe," Meera Iyer ${verb}.`;
      expect(speakerOf(input)?.name, input).toBe('Meera Iyer');
    }
    for (const verb of ['said', 'added', 'told', 'wrote', 'tweeted', 'claimed', 'insisted']) expect(isSpeechVerb(verb)).toBe(true);
    expect(isSpeechVerb('blocked')).toBe(false);
  });

  it('according to X, after or before the quote', () => {
    expect(speakerOf('"The crowd was calm," according to police.')).toMatchObject({ name: 'police', text: 'police', how: 'according-to' });
    expect(speakerOf('According to the organisers, "a million people came".')).toMatchObject({
      name: 'organisers',
      text: 'the organisers',
      how: 'according-to',
    });
  });

  it('X told HT', () => {
    expect(speakerOf('"We will appeal," Anil Rao told HT.')).toMatchObject({ name: 'Anil Rao', how: 'told' });
    expect(speakerOf('Anil Rao told The Evening Mail: "We will appeal."')).toMatchObject({ name: 'Anil Rao', how: 'told' });
  });

  it('a spokesperson of X said / X\u2019s spokesperson said', () => {
    const a = speakerOf('"We are reviewing the order," a spokesperson of Kwikr said.');
    expect(a).toMatchObject({ name: 'a spokesperson of Kwikr', text: 'a spokesperson of Kwikr', how: 'explicit' });
    expect(parseEntity(a?.name ?? '')).toMatchObject({ name: 'Kwikr', role: 'spokesperson', type: 'organisation' });
    const b = speakerOf("\"We are reviewing the order,\" Kwikr's spokesperson said.");
    expect(parseEntity(b?.name ?? '')).toMatchObject({ name: 'Kwikr', type: 'organisation' });
    expect(speakerOf('"We are reviewing the order," a Kwikr spokesperson told HT.')).toMatchObject({ how: 'told' });
  });

  it('the statement said (the latest organisation speaker)', () => {
    const input = 'Kwikr said on Monday it would comply. "Every order is reviewed," the statement said.';
    expect(speakerOf(input)).toMatchObject({ name: 'Kwikr', text: 'the statement', how: 'statement' });
    expect(speakerOf('Kwikr said it would comply. "Every order is reviewed," the statement further said.')).toMatchObject({
      name: 'Kwikr',
      how: 'statement',
    });
  });

  it('X said in a statement; X in its statement said', () => {
    expect(speakerOf('"Every order is reviewed," Kwikr said in a statement.')).toMatchObject({ name: 'Kwikr', how: 'explicit' });
    expect(speakerOf('Kwikr in its statement said: "Every order is reviewed."')).toMatchObject({
      name: 'Kwikr',
      text: 'Kwikr in its statement',
      how: 'statement',
    });
    expect(speakerOf('"Relief has reached every village," according to a statement from the State Relief Authority.')).toMatchObject({
      name: 'State Relief Authority',
      how: 'statement',
    });
  });

  it('sources said', () => {
    expect(speakerOf('"The talks have stalled," sources said.')).toMatchObject({ name: 'sources', how: 'sources' });
    expect(speakerOf('"The talks have stalled," sources in the ministry said.')).toMatchObject({
      name: 'sources',
      text: 'sources in the ministry',
      how: 'sources',
    });
  });

  it('lower-case group nouns', () => {
    const input = '"We counted 40,000," police said. "It was peaceful," officials added. "Far more came," organisers claimed. "The roads were shut," residents alleged.';
    const quotes = extractQuotes(input);
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['police', 'officials', 'organisers', 'residents']);
  });

  it('titles and roles before a name', () => {
    expect(speakerOf('"We are ready," Union minister Ravi Shankar Prasad said.')?.name).toBe('Union minister Ravi Shankar Prasad');
    expect(parseEntity(speakerOf('"The city is calm," Police Commissioner Anil Rao said.')?.name ?? '')).toMatchObject({
      name: 'Anil Rao',
      type: 'person',
    });
    expect(speakerOf('"The rules are clear," the Ministry of Electronics and Information Technology said.')?.name).toBe(
      'the Ministry of Electronics and Information Technology',
    );
  });

  it('appositives and clause subjects before the verb', () => {
    expect(speakerOf('The council leader, Martin Reeve, said: "The plan stays."')).toMatchObject({ name: 'Martin Reeve' });
    expect(speakerOf('"The plan stays," Dr Asha Menon, the study\u2019s lead author, said.')).toMatchObject({ name: 'Dr Asha Menon' });
    expect(speakerOf('Kwikr, which has 20 million users in the country, said on Monday that "every order is reviewed".')).toMatchObject({
      name: 'Kwikr',
    });
  });

  it('a participle takes the subject of the verb before it', () => {
    const [q] = extractQuotes("Kwikr in its reply said it had met the minister, adding that the 'safety of its drivers comes first'.");
    expect(q).toMatchObject({ fragment: true, speaker: { name: 'Kwikr' } });
  });

  it('a colon after the writer\u2019s clause attributes to its subject', () => {
    expect(speakerOf('Mayor Asha Dunn was blunt in response: "The money is in the budget."')).toMatchObject({ name: 'Mayor Asha Dunn' });
    expect(speakerOf('New Delhi: "The money is in the budget."')).toBeNull();
  });
});

describe('resolving pronouns, roles and organisations', () => {
  it('he/she/they: the latest named speaker', () => {
    const input = 'Anil Rao said the roads were open. "We cleared them overnight," he said.';
    const he = input.indexOf('he said');
    expect(speakerOf(input)).toEqual({ name: 'Anil Rao', start: he, end: he + 2, text: 'he', how: 'pronoun' });
    expect(speakerOf('Meera Iyer said the dam held. Kwikr said it agreed. "We do," she said.')).toMatchObject({ name: 'Meera Iyer' });
    expect(speakerOf('Meera Iyer met the board. Kwikr said it agreed. Iyer said so too. "We do," she said.')).toMatchObject({ name: 'Iyer' });
    expect(speakerOf('Meera Iyer spoke first. "We do," she said.')).toMatchObject({ name: 'Meera Iyer' });
    expect(speakerOf('Residents said the water was back. "It took a week," they said.')).toMatchObject({ name: 'Residents' });
  });

  it('the spokesperson: the latest phrase with that role', () => {
    const input = 'A spokesperson of Kwikr said the company had asked for a meeting with Union minister Ravi Shankar Prasad. "We have written to the minister," the spokesperson said.';
    const s = speakerOf(input);
    expect(s).toMatchObject({ name: 'A spokesperson of Kwikr'.replace('A', 'a'), text: 'the spokesperson', how: 'role' });
    expect(parseEntity(s?.name ?? '')).toMatchObject({ name: 'Kwikr', type: 'organisation' });
    expect(speakerOf('Union minister Ravi Shankar Prasad met the press. Prasad said it was over. "Enough," the minister said.')).toMatchObject({
      name: 'Union minister Ravi Shankar Prasad',
    });
  });

  it('the company / the ministry: the latest organisation speaker or ministry named', () => {
    expect(speakerOf('Kwikr said on Monday it was engaging with the Centre. "Safety comes first," the company said.')).toMatchObject({
      name: 'Kwikr',
      text: 'the company',
      how: 'role',
    });
    const ministry = 'The Ministry of Electronics and Information Technology issued the order. Kwikr said it would reply. "Comply now," the ministry said.';
    expect(speakerOf(ministry)).toMatchObject({ name: 'The Ministry of Electronics and Information Technology', text: 'the ministry' });
  });

  it('roles next to a name, long titles, acronyms and courts', () => {
    expect(speakerOf('"We will act," said Asha Rao, the board\u2019s chairperson, on Friday.')).toMatchObject({ name: 'Asha Rao' });
    expect(speakerOf('Asha Rao, the chairperson, met the press. "We will act," the chairperson said.')).toMatchObject({ name: 'Asha Rao' });
    const long = speakerOf('"The rules apply to all," Minister of State for Roads and IT Vikram Das said.');
    expect(parseEntity(long?.name ?? '')).toMatchObject({ name: 'Vikram Das', type: 'person' });
    // "IT" is an acronym, not the pronoun "it".
    expect(speakerOf('"Comply within a day," the IT Ministry said.')?.name).toBe('the IT Ministry');
    // "the bench" is the court named earlier; a court in a possessive is not an antecedent.
    const court = 'The Supreme Court set aside the High Court\u2019s stay on Monday. "Balance is the test," the bench said.';
    expect(speakerOf(court)?.name).toBe('The Supreme Court');
    // A person role with no titled antecedent is the latest person speaker.
    expect(speakerOf('Vinod Hegde, who quit as minister, said he would cooperate. "I did nothing wrong," the former minister said.')).toMatchObject({
      name: 'Vinod Hegde',
      how: 'role',
    });
  });

  it('never takes names inside quotes as antecedents', () => {
    expect(speakerOf('Prasad said the rules were clear. "I met Jack Dorsey on Friday," he said.', 'I met')).toMatchObject({ name: 'Prasad' });
    expect(speakerOf('Kwikr said it would comply. "Meta and the Reserve Bank agree with us," the company said.')).toMatchObject({
      name: 'Kwikr',
    });
    expect(speakerOf('"Ask Meera Iyer," the letter said. "Then go," he said.', 'Then go')).toBeNull();
  });

  it('an anaphor with no antecedent gives no speaker', () => {
    expect(speakerOf('"We are ready," he said.')).toBeNull();
    expect(speakerOf('"We are ready," the minister said.')).toBeNull();
    expect(speakerOf('"We are ready."')).toBeNull();
  });
});

describe('quotations, paragraphs and inheritance', () => {
  it('all pieces of a quotation share its speaker, across paragraphs too', () => {
    const input = 'Anil Rao said: \u201CThe roads are open.\n\n\u201CThe schools reopen on Monday. Buses run as usual,\u201D he added.';
    const quotes = extractQuotes(input);
    expect(quotes).toHaveLength(3);
    expect(new Set(quotes.map((q) => q.quotation)).size).toBe(1);
    expect(quotes.every((q) => q.speaker?.name === 'Anil Rao')).toBe(true);
  });

  it('a quote elsewhere in the paragraph takes the paragraph\u2019s cue', () => {
    const input = 'A spokesperson of Kwikr said it had asked for a meeting. "We have written to the minister."';
    expect(speakerOf(input)).toMatchObject({ name: 'a spokesperson of Kwikr' });
  });

  it('a quote paragraph with no cue inherits the quote just before it (news convention)', () => {
    const input = '"The water is back," Meera Iyer said.\n\n"The pumps run all night."\n\nThe rain stopped.\n\n"Nobody knows why."';
    const quotes = extractQuotes(input);
    expect(quotes.map((q) => q.speaker?.name ?? null)).toEqual(['Meera Iyer', 'Meera Iyer', null]);
  });

  it('fragments take a speaker only from their own sentence', () => {
    const input = 'Meera Iyer said the board would meet. The plan may \u201Churt small traders\u201D and could change.';
    expect(speakerOf(input)).toBeNull();
    const called = speakerOf('The Internet Freedom Collective called the order "opaque and sweeping".');
    expect(called).toMatchObject({ name: 'The Internet Freedom Collective' });
  });

  it('attributeQuotes fills speakers for pieces found elsewhere', () => {
    const text = 'Police Commissioner Anil Rao spoke first. "We are in control," he said.';
    const [quote] = attributeQuotes(text, [{ start: 43, end: 60, text: 'We are in control', quotation: 0, fragment: false }], splitSentences(text));
    expect(quote?.speaker).toEqual({ name: 'Police Commissioner Anil Rao', start: 63, end: 65, text: 'he', how: 'pronoun' });
    expect(attributeQuotes(text, [], splitSentences(text))).toEqual([]);
  });

  it('attributeQuotes takes pieces in any order, with any quotation numbers', () => {
    const text = 'Police Commissioner Anil Rao spoke first. "We are in control. Stay calm," he said.\n\n"It will pass," the mayor said. Marsh added: "Trust us."';
    const pieces = [
      { start: 130, end: 139, text: 'Trust us.', quotation: 8, fragment: false },
      { start: 85, end: 97, text: 'It will pass', quotation: 9, fragment: false },
      { start: 62, end: 71, text: 'Stay calm', quotation: 10, fragment: false },
      { start: 43, end: 61, text: 'We are in control.', quotation: 10, fragment: false },
    ];
    const quotes = attributeQuotes(text, pieces, splitSentences(text));
    expect(quotes.map((q) => [q.text, q.quotation, q.speaker?.name ?? null, q.speaker?.text ?? null])).toEqual([
      ['Trust us.', 8, 'Marsh', 'Marsh'],
      ['It will pass', 9, 'Police Commissioner Anil Rao', 'the mayor'],
      ['Stay calm', 10, 'Police Commissioner Anil Rao', 'he'],
      ['We are in control.', 10, 'Police Commissioner Anil Rao', 'he'],
    ]);
  });
});

describe('attribution robustness', () => {
  const alphabet = fc.constantFrom(
    '"', '\u201C', '\u201D', ' ', ' ', '\n\n', ',', '.', ':', 'We go', 'he', 'she', 'said', 'told HT', 'the company',
    'the statement', 'the spokesperson', 'A spokesperson of Kwikr', 'Anil Rao', 'according to', 'police', 'sources',
    'which', 'adding', 'in its statement', "'s", 'Ministry of Water',
  );
  it('speaker offsets are always exact', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((p) => p.join('')), (input) => {
        for (const q of extractQuotes(input)) {
          if (q.speaker) expect(q.speaker.text).toBe(input.slice(q.speaker.start, q.speaker.end));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finishes on a megabyte of attribution-shaped noise', () => {
    const noise = '"A," he said, the company, which, according to Anil Rao, said: '.repeat(17_000);
    expect(noise.length).toBeGreaterThan(1_000_000);
    expect(extractQuotes(noise).length).toBeGreaterThan(1000);
  });
});

describe('attribution: letters beyond ASCII, case and odd spacing', () => {
  /** [quote, speaker name, speaker text, how] of each piece, offsets checked. */
  const read = (input: string) =>
    extractQuotes(input).map((q) => {
      if (q.speaker) expect(q.speaker.text).toBe(input.slice(q.speaker.start, q.speaker.end));
      return [q.text, q.speaker?.name ?? null, q.speaker?.text ?? null, q.speaker?.how ?? null];
    });

  it('names with accents, Greek, Turkish dotted capitals and curly apostrophes', () => {
    expect(read('"We will appeal," Jürgen Müller said.')).toEqual([['We will appeal', 'Jürgen Müller', 'Jürgen Müller', 'explicit']]);
    expect(read('"Ça va," a spokesperson of ÉDF said.')).toEqual([['Ça va', 'a spokesperson of ÉDF', 'a spokesperson of ÉDF', 'explicit']]);
    expect(read('İstanbul officials said: "The bridge is safe."')).toEqual([['The bridge is safe.', 'İstanbul officials', 'İstanbul officials', 'explicit']]);
    expect(read('ΟΔΟΣ Σ "We stay," Νίκος Παππάς said.')).toEqual([['We stay', 'Νίκος Παππάς', 'Νίκος Παππάς', 'explicit']]);
    expect(read('Kwikr\u2019s spokesperson said: "No comment."')).toEqual([['No comment.', 'Kwikr\u2019s spokesperson', 'Kwikr\u2019s spokesperson', 'explicit']]);
    expect(read('"Yes," Jean-Pierre O\u2019Brien said. "No," O\u2019Brien\u2019s lawyer added.')).toEqual([
      ['Yes', 'Jean-Pierre O\u2019Brien', 'Jean-Pierre O\u2019Brien', 'explicit'],
      ['No', 'O\u2019Brien\u2019s lawyer', 'O\u2019Brien\u2019s lawyer', 'explicit'],
    ]);
  });

  it('capitals: "IT" is no pronoun, "UNW" an organisation, a shouted "THE MINISTRY" a role', () => {
    expect(read('IT Minister Ravi Rao spoke first. "It works," he said. "We agree," IT said.')).toEqual([
      ['It works', 'IT Minister Ravi Rao', 'he', 'pronoun'],
      ['We agree', 'IT', 'IT', 'explicit'],
    ]);
    expect(read('"No," UNW said. "Yes," G20 said.')).toEqual([
      ['No', 'UNW', 'UNW', 'explicit'],
      ['Yes', 'G20', 'G20', 'explicit'],
    ]);
    expect(read('THE COMPANY SAID: "No comment." "We disagree," THE MINISTRY SAID.')).toEqual([
      ['No comment.', null, null, null],
      ['We disagree', 'MINISTRY', 'THE MINISTRY', 'role'],
    ]);
  });

  it('emoji and other characters outside the BMP, tabs and no-break spaces', () => {
    expect(read('\u{1F600} "Great day," Mayor Elena Marsh said \u{1F600}. Later \u{1D400}\u{1D401} "Bad day," she said.')).toEqual([
      ['Great day', 'Mayor Elena Marsh', 'Mayor Elena Marsh', 'explicit'],
      ['Bad day', 'Mayor Elena Marsh', 'she', 'pronoun'],
    ]);
    expect(read('"Fine," Anil\u00a0 Rao\ttold reporters.')).toEqual([['Fine', 'Anil Rao', 'Anil\u00a0 Rao', 'told']]);
    expect(read('Mr. P. K. Jena, the collector, said: "Stay home."')).toEqual([['Stay home.', 'Mr. P. K. Jena', 'Mr. P. K. Jena', 'explicit']]);
    expect(read('Sources in the secretariat said: "It is over." Twitter in its statement said: "We comply."')).toEqual([
      ['It is over.', 'Sources', 'Sources in the secretariat', 'sources'],
      ['We comply.', 'Twitter', 'Twitter in its statement', 'statement'],
    ]);
  });

  it('classifies every UTF-16 unit as the Unicode properties do (spaces, letters, word characters)', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const space = c < 0x80 ? ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' : /\s/u.test(ch);
      const word = c < 0x80 ? /[A-Za-z0-9]/.test(ch) : /[\p{L}\p{N}\p{M}]/u.test(ch);
      const letter = c < 0x80 ? /[A-Za-z]/.test(ch) : /\p{L}/u.test(ch);
      if (isSpaceAt(ch, 0) !== space || isWordCharAt(ch, 0) !== word || isLetterAt(ch, 0) !== letter) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    expect(isSpaceAt('a', 1)).toBe(false);
    expect(isWordCharAt('a', -1)).toBe(false);
  });
});
