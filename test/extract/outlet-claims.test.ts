import { describe, expect, it } from 'vitest';
import { compareArticles, extract, parseArticle } from '../../src/index.js';
import { correctionSpans } from '../../src/extract/corrections.js';
import { datelineIndex } from '../../src/extract/dateline.js';
import { splitSentences } from '../../src/extract/sentences.js';

// What an article says in its own voice: not the speaker's dates, the dateline or a retraction.
const texts = (text: string, kind: string, publishedAt = '2024-04-02') =>
  extract(text, { publishedAt }).claims.filter((c) => c.value.kind === kind);

describe('dates inside quotation marks', () => {
  it('are the speaker’s, not the outlet’s', () => {
    const text = '"The inspectors ordered us, \'Shut the kiln yesterday,\' and we did," foreman Ravi Kumar said. Work resumed on Friday.';
    const dates = texts(text, 'time', '2024-03-09');
    expect(dates.filter((c) => c.speaker === undefined).map((c) => c.evidence?.text)).toEqual(['on Friday']);
    const quoted = dates.find((c) => c.evidence?.text === 'yesterday');
    expect(quoted?.speaker).toBe('Ravi Kumar');
    expect(quoted?.value).toMatchObject({ start: '2024-03-08' });
  });

  it('are dropped when nobody is named as the speaker', () => {
    expect(texts('"The board told us, \'Pack up tonight,\' and we left."', 'time')).toEqual([]);
  });
});

describe('datelines', () => {
  const wire = 'Kullu, Apr 2 (UNI) Two trucks collided on the highway near Kullu on Monday, police said.';

  it('give no date claim, and their day is no count', () => {
    const claims = extract(wire, { publishedAt: '2024-04-02' }).claims;
    expect(claims.filter((c) => c.value.kind === 'time').map((c) => c.evidence?.text)).toEqual(['on Monday']);
    expect(claims.filter((c) => c.value.kind === 'quantity').map((c) => c.evidence?.text)).toEqual(['Two trucks']);
  });

  it('are found after a headline, with a dash, a colon or a year', () => {
    const dated = (t: string) => texts(t, 'time').map((c) => c.evidence?.text);
    expect(dated('Trucks collide near Kullu\n\nKULLU, April 2 — Two trucks collided on Monday.')).toEqual(['on Monday']);
    expect(dated('Kullu, 2 April: Two trucks collided on Monday.')).toEqual(['on Monday']);
    expect(dated('Kullu, Apr. 2, 2024 - Two trucks collided on Monday.')).toEqual(['on Monday']);
    // An article file's header is blanked to spaces before the text.
    expect(dated(parseArticle(`---\nsource: Wire\npublished: 2024-04-02\n---\n${wire}`).text)).toEqual(['on Monday']);
  });

  it('are only the place-and-date opening of the text', () => {
    const dated = (t: string) => texts(t, 'time').map((c) => c.evidence?.text);
    expect(dated('On April 1, two trucks collided near Kullu.')).toEqual(['On April 1']);
    expect(dated('Two trucks collided.\n\nLater, police said on April 1 (a Monday) the road was shut.')).toContain('on April 1');
    expect(datelineIndex('Police in Kullu said on April 1 that…', [{ start: 21, end: 31, text: 'on April 1' }])).toBe(-1);
  });

  it('do not line up with another report’s event day', () => {
    const result = compareArticles([
      { id: 'wire', source: 'Wire', publishedAt: '2024-04-02', text: wire },
      { id: 'paper', source: 'Paper', publishedAt: '2024-04-02', text: 'Two trucks collided on the highway near Kullu on Monday, police said.' },
    ]);
    const dates = result.findings.filter((f) => f.claims.some((c) => c.value.kind === 'time'));
    expect(dates.map((f) => f.verdict)).toEqual(['agree']);
  });
});

describe('correction notices', () => {
  it('yield no claim for the retracted figure', () => {
    const text = 'Nine workers were hurt in the blast at the depot on Tuesday. Correction: A previous version of this story said 19 workers were hurt; the right figure is nine.';
    expect(texts(text, 'quantity').map((c) => c.evidence?.text)).toEqual(['Nine workers']);
  });

  it('cover a "Correction:" paragraph to its end, and "earlier version" sentences anywhere', () => {
    const para = 'Nine workers were hurt on Tuesday.\n\nCORRECTION — An earlier version misstated the toll. It said 19 workers were hurt on Monday.';
    expect(texts(para, 'quantity').map((c) => c.evidence?.text)).toEqual(['Nine workers']);
    expect(texts(para, 'time').map((c) => c.evidence?.text)).toEqual(['on Tuesday']);
    const inline = 'An earlier version of this report put the toll at 19 workers. Nine workers were hurt.';
    expect(texts(inline, 'quantity').map((c) => c.evidence?.text)).toEqual(['Nine workers']);
  });

  it('leave ordinary sentences about corrections alone', () => {
    const text = 'The depot issued a correction to its roster. It listed 12 officers on duty.';
    expect(texts(text, 'quantity').map((c) => c.evidence?.text)).toEqual(['12 officers']);
  });

  it('are found in linear time on adversarial text', { timeout: 60_000 }, () => {
    const unit = 1 << 20;
    const inputs = [
      'an earlier version of this '.repeat(unit / 27),
      `Correction${' '.repeat(unit)}x`,
      'a '.repeat(unit / 2),
      `${'Correction: '.repeat(unit / 12)}`,
      `the earlier${' '.repeat(unit)}version`,
    ];
    for (const text of inputs) {
      const started = performance.now();
      correctionSpans(text, splitSentences(text));
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});
