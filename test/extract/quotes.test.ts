import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes, type QuoteMention } from '../../src/extract/quotes.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { parseEntity } from '../../src/values/entity.js';

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../examples/twitter-india-2021/${name}.txt`, import.meta.url)), 'utf8');

const texts = (input: string) => extractQuotes(input).map((q) => q.text);

/** Every mention's text is its slice of the input; pieces are in order and never overlap. */
function checkOffsets(input: string, quotes: readonly QuoteMention[]): void {
  let last = 0;
  let quotation = -1;
  for (const q of quotes) {
    expect(q.text).toBe(input.slice(q.start, q.end));
    expect(q.start).toBeGreaterThanOrEqual(last);
    expect(q.end).toBeGreaterThan(q.start);
    expect(q.quotation === quotation || q.quotation === quotation + 1).toBe(true);
    last = q.end;
    quotation = q.quotation;
    if (q.speaker) expect(q.speaker.text).toBe(input.slice(q.speaker.start, q.speaker.end));
  }
}

describe('extractQuotes: quotation marks', () => {
  it('reads curly double quotes', () => {
    const input = '\u201CThe bridge will open in May,\u201D the engineer said.';
    const [q] = extractQuotes(input);
    expect(q).toMatchObject({ start: 1, end: 28, text: 'The bridge will open in May', quotation: 0, fragment: false });
  });

  it('reads straight double quotes', () => {
    expect(texts('"The bridge will open in May," the engineer said.')).toEqual(['The bridge will open in May']);
  });

  it('reads curly single quotes', () => {
    expect(texts('\u2018The bridge will open in May,\u2019 the engineer said.')).toEqual(['The bridge will open in May']);
  });

  it('reads straight single quotes', () => {
    expect(texts("'The bridge will open in May,' the engineer said.")).toEqual(['The bridge will open in May']);
  });

  it('pairs a straight opening mark with a curly closing one', () => {
    expect(texts('"Trains will run on time.\u201D the operator said.')).toEqual(['Trains will run on time.']);
  });

  it('never takes apostrophes for quotation marks', () => {
    expect(extractQuotes("The council's plan, the traders' union and the '90s rules don't apply.")).toEqual([]);
    expect(extractQuotes('Twitter\u2019s plan, the farmers\u2019 march and the \u201990s rules don\u2019t apply.')).toEqual([]);
    expect(texts('\u201CWe don\u2019t know the traders\u2019 plans,\u201D she said.')).toEqual(['We don\u2019t know the traders\u2019 plans']);
    expect(texts("'It's the farmers' land,' he said.")).toEqual(["It's the farmers' land"]);
  });

  it('keeps quotes nested in a quotation inside it', () => {
    const input = '\u201CHe told me \u2018wait\u2019 and left,\u201D she said.';
    const quotes = extractQuotes(input);
    expect(quotes.map((q) => [q.text, q.quotation])).toEqual([['He told me \u2018wait\u2019 and left', 0]]);
    expect(texts('\u2018The sign said \u201Cclosed\u201D all week,\u2019 a trader recalled.')).toEqual([
      'The sign said \u201Cclosed\u201D all week',
    ]);
    expect(texts('"The sign said \'closed\' all week," a trader recalled.')).toEqual(["The sign said 'closed' all week"]);
  });
});

describe('extractQuotes: pieces', () => {
  it('splits a quotation into its sentences, sharing the quotation index', () => {
    const quotes = extractQuotes('"We will rebuild the pier. Nobody will be left out," the mayor said. "Work starts soon," she added.');
    expect(quotes.map((q) => [q.text, q.quotation])).toEqual([
      ['We will rebuild the pier.', 0],
      ['Nobody will be left out', 0],
      ['Work starts soon', 1],
    ]);
  });

  it('drops a trailing comma and keeps a full stop only when it is inside the marks', () => {
    expect(texts('\u201CThe water must keep flowing,\u201D the board said.')).toEqual(['The water must keep flowing']);
    expect(texts('The board said: \u201CThe water must keep flowing.\u201D')).toEqual(['The water must keep flowing.']);
    expect(texts('The board said that \u201Cthe water must keep flowing\u201D.')).toEqual(['the water must keep flowing']);
  });

  it('trims spaces inside the marks', () => {
    const input = 'He said: \u201C  Go home now.  \u201D';
    const [q] = extractQuotes(input);
    expect(q?.text).toBe('Go home now.');
    expect(input.slice(q?.start, q?.end)).toBe('Go home now.');
  });

  it('drops empty and whitespace-only quotes', () => {
    expect(extractQuotes('He said \u201C \u201D and \u201C\u201D and "" and then \u201C\u2026\u201D.')).toEqual([]);
  });
});

describe('extractQuotes: paragraphs and unmatched marks', () => {
  it('joins a quotation running over paragraphs (no closing mark, next paragraph opens with one)', () => {
    const input = 'Rao said: \u201CWe will reopen the school.\n\n\u201CClasses resume on Monday,\u201D she added.';
    const quotes = extractQuotes(input);
    expect(quotes.map((q) => [q.text, q.quotation])).toEqual([
      ['We will reopen the school.', 0],
      ['Classes resume on Monday', 0],
    ]);
    checkOffsets(input, quotes);
  });

  it('joins three paragraphs with straight marks', () => {
    const input = '"One.\n\n"Two.\n\n"Three," the coach said.\n\nAfterwards the team left.';
    expect(extractQuotes(input).map((q) => [q.text, q.quotation])).toEqual([
      ['One.', 0],
      ['Two.', 0],
      ['Three', 0],
    ]);
  });

  it('never lets an unclosed mark swallow the next paragraph', () => {
    const input = 'The mayor said \u201Cwe will see.\n\nThe rain stopped. \u201CFine,\u201D a trader said.';
    expect(texts(input)).toEqual(['Fine']);
    expect(texts('He said "wait for us.\n\nNext, the "plan" was shared.')).toEqual(['plan']);
  });

  it('ignores a chain of paragraphs that never closes', () => {
    expect(extractQuotes('\u201COne.\n\n\u201CTwo.\n\nA plain paragraph.')).toEqual([]);
  });

  it('ignores an unmatched mark inside a paragraph and keeps the quotes after it', () => {
    const input = 'She called it \u201Cabsurd and left. \u201CWe are ready,\u201D the minister said.';
    expect(texts(input)).toEqual(['We are ready']);
    expect(texts('A stray " mark, then "a real quote" here.')).toEqual(['a real quote']);
  });
});

describe('extractQuotes: fragments', () => {
  it('marks short quotes in the writer\u2019s own sentence as fragments', () => {
    const [q] = extractQuotes('The new rules may \u201Churt small traders\u201D, the council warned.');
    expect(q).toMatchObject({ text: 'hurt small traders', fragment: true });
  });

  it('marks scare quotes as fragments', () => {
    const [q] = extractQuotes('The ministry called these posts "misinformation".');
    expect(q).toMatchObject({ text: 'misinformation', fragment: true });
    expect(extractQuotes('\u201CMisinformation\u201D was the word the ministry used.')[0]?.fragment).toBe(true);
  });

  it('marks a longer phrase embedded mid-sentence as a fragment', () => {
    const [q] = extractQuotes("The firm said it had written to the minister, adding that the 'welfare of its drivers comes before any profit'.");
    expect(q).toMatchObject({ text: 'welfare of its drivers comes before any profit', fragment: true });
  });

  it('does not mark introduced or attributed statements as fragments', () => {
    for (const input of [
      '\u201CNo comment,\u201D he said.',
      'He said: \u201CGo.\u201D',
      'The board said that "the water supply will be restored to every ward by Friday".',
      'Asked about it, the mayor said, "We will see."',
      '"We go" the mayor said.',
    ]) {
      expect(extractQuotes(input)[0]?.fragment, input).toBe(false);
    }
  });

  it('keeps a fragment as one piece', () => {
    const quotes = extractQuotes('Officials described the plan as "bold. Even reckless" in private.');
    expect(quotes.every((q) => q.quotation === 0)).toBe(true);
  });
});

describe('extractQuotes: the seed articles', () => {
  it('finds the Hindustan Times quotes and their speakers', () => {
    const input = seed('hindustan-times-2021-02-08');
    const quotes = extractQuotes(input);
    checkOffsets(input, quotes);
    const byText = (start: string) => quotes.find((q) => q.text.startsWith(start));

    expect(byText('foment trouble')).toMatchObject({ text: 'foment trouble', fragment: true });
    expect(byText('misinformation')).toMatchObject({ fragment: true });

    const dialogue = byText('We have reached out');
    expect(dialogue?.text).toBe('We have reached out to the honourable minister for a formal dialogue.');
    expect(dialogue?.fragment).toBe(false);
    expect(dialogue?.speaker).toMatchObject({ text: 'the spokesperson', how: 'role' });
    expect(parseEntity(dialogue?.speaker?.name ?? '')).toMatchObject({ name: 'Twitter', type: 'organisation', role: 'spokesperson' });
    // The second sentence of that quotation shares it.
    const acknowledgement = byText('An acknowledgement');
    expect(acknowledgement?.quotation).toBe(dialogue?.quotation);
    expect(acknowledgement?.text.endsWith('formally communicated')).toBe(true);

    const safety = byText('safety of our employees');
    expect(safety?.text).toBe('safety of our employees is a top priority for us at Twitter');
    expect(safety?.speaker).toMatchObject({ text: 'the company', name: 'Twitter' });

    const flow = byText('We strongly believe');
    expect(flow?.text.endsWith('the tweets must continue to flow')).toBe(true);
    expect(flow?.speaker).toMatchObject({ text: 'the statement', how: 'statement', name: 'Twitter' });

    expect(byText('We review every report')?.speaker?.name).toBe('a spokesperson of Twitter');
  });

  it('finds the Jagran quotes and their speakers', () => {
    const input = seed('jagran-2021-02-09');
    const quotes = extractQuotes(input);
    checkOffsets(input, quotes);
    const byText = (start: string) => quotes.find((q) => q.text.startsWith(start));

    const fragment = byText('safety of its employees');
    expect(fragment).toMatchObject({ text: 'safety of its employees is a top priority for the company', fragment: true });

    const safety = byText('Safety of our employees');
    expect(safety?.text).toBe('Safety of our employees is a top priority for us at Twitter.');
    expect(safety?.speaker).toMatchObject({ name: 'Twitter', text: 'Twitter', how: 'explicit' });
    expect(byText('We continue to be engaged')?.quotation).toBe(safety?.quotation);

    // Opens with a straight mark, closes with a curly one.
    const flow = byText('We strongly believe');
    expect(flow?.text).toBe('We strongly believe that the open and free exchange of information has a positive global impact, and that the Tweets must continue to flow.');
    expect(flow?.speaker).toMatchObject({ text: 'the company', name: 'Twitter' });
    expect(parseEntity(flow?.speaker?.name ?? '').name).toBe('Twitter');
    expect(byText('We review every report')?.quotation).toBe(flow?.quotation);
  });

  it('reads the seed header blanked to spaces the same way', () => {
    const raw = seed('hindustan-times-2021-02-08');
    const blanked = ' '.repeat(' date 2021-02-08'.length) + raw.slice(' date 2021-02-08'.length);
    const a = extractQuotes(raw).map((q) => [q.text, q.speaker?.name]);
    expect(extractQuotes(blanked).map((q) => [q.text, q.speaker?.name])).toEqual(a);
  });
});

describe('extractQuotes: robustness', () => {
  const alphabet = fc.constantFrom(
    '"', "'", '\u201C', '\u201D', '\u2018', '\u2019', ' ', ' ', '\n', '\n\n', ',', '.', ':', 'a', 'We', 'go', 'He', 'said',
    'the', 'spokesperson', 'Rao', 'according to', 'Twitter', "'s", '\u2026', '(', '\u2014', 'told', 'police', 'it',
  );
  const prose = fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join(''));

  it('never throws and keeps exact, ordered, non-overlapping offsets on quote-heavy text', () => {
    fc.assert(
      fc.property(prose, (input) => {
        checkOffsets(input, extractQuotes(input));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        checkOffsets(input, extractQuotes(input));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts sentences passed by the caller, even odd ones', () => {
    const input = '"We go," Rao said. "Now," he added.';
    expect(extractQuotes(input, splitSentences(input)).map((q) => q.text)).toEqual(['We go', 'Now']);
    expect(() => extractQuotes(input, [{ start: 30, end: 5, paragraph: 0 }, { start: -4, end: 999, paragraph: 2 }])).not.toThrow();
    expect(extractQuotes(input, [])).toEqual([]);
  });

  it('finishes on a megabyte of unclosed, nested and stray marks', () => {
    const adversarial =
      '"\u201C\u2018'.repeat(100_000) +
      ' word "\u201C\u2018 said \u2019 it\'s '.repeat(20_000) +
      '\u201Ca \u2018b "c '.repeat(40_000) +
      '"x" '.repeat(20_000);
    expect(adversarial.length).toBeGreaterThan(1_000_000);
    const quotes = extractQuotes(adversarial);
    expect(quotes.length).toBeGreaterThan(0);
    const last = quotes[quotes.length - 1];
    expect(last?.text).toBe('x');
  });
});

describe('extractQuotes: paragraphs with and without marks', () => {
  it('runs a quotation over paragraphs between paragraphs with no marks at all', () => {
    const input =
      'Intro line.\n\nNo marks here at all.\n\n"Opening a quote that runs on\n\n"and on,\n\n"and ends here," Rao said.\n\nPlain again.\n\n\u201CCurly\u201D ones, too.';
    const quotes = extractQuotes(input);
    checkOffsets(input, quotes);
    expect(quotes.map((q) => [q.text, q.quotation, q.fragment, q.speaker?.name ?? null])).toEqual([
      ['Opening a quote that runs on', 0, false, 'Rao'],
      ['and on', 0, false, 'Rao'],
      ['and ends here', 0, false, 'Rao'],
      ['Curly', 1, true, null],
    ]);
  });

  it('stays linear on a megabyte of short paragraphs that each open a quotation', () => {
    const input = '"a\n\n"b\n\n'.repeat(150_000);
    expect(input.length).toBeGreaterThan(1_000_000);
    expect(extractQuotes(input)).toEqual([]);
    const closed = '"We go," Rao said.\n\nNothing to see.\n\n'.repeat(30_000);
    expect(closed.length).toBeGreaterThan(1_000_000);
    const quotes = extractQuotes(closed);
    expect(quotes.length).toBe(30_000);
    expect(quotes[29_999]?.speaker?.text).toBe('Rao');
  });
});
