import { describe, expect, it } from 'vitest';
import { compareArticles, reconcile, toJSON, toMarkdown, type Finding, type ReportInput } from '../../src/index.js';
import { isTally, publicationOrder } from '../../src/reconcile/developing.js';

// A developing story (fictional): a landslide toll reported at different times of one day.
function toll(id: string, source: string, publishedAt: string | null, phrase: string, attribute = 'killed'): ReportInput {
  return {
    id,
    source,
    publishedAt,
    claims: [{ subject: 'Baroli landslide', attribute, value: { kind: 'quantity', phrase } }],
  };
}

const MORNING_A = toll('morning-a', 'Dawn Courier', '2024-07-15T07:30:00+05:30', '12 people');
const MORNING_B = toll('morning-b', 'Ghat Gazette', '2024-07-15T08:15:00+05:30', '12 people');
const EVENING = toll('evening', 'Evening Lamp', '2024-07-15T19:45:00+05:30', '15 people');

function only(reports: ReportInput[]): Finding {
  const { findings } = reconcile(reports);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('updated-later: a tally revised by a later report', () => {
  it('takes a toll revised up from 12 (morning) to 15 (evening) as compatible, consensus 15, over two earlier reports of 12', () => {
    const f = only([MORNING_A, MORNING_B, EVENING]);
    expect(f.verdict).toBe('compatible');
    expect(f.reason).toBe('updated-later');
    expect(f.consensus).toMatchObject({ method: 'latest', value: { kind: 'quantity', min: 15, max: 15 }, reports: ['evening'], independentSources: 1 });
    expect(f.comparisons.filter((c) => c.reason === 'updated-later')).toHaveLength(2); // each morning report against the evening one
    expect(f.explanation).toMatch(/^Updated later: /);
    expect(f.explanation).toContain('Dawn Courier said 12 people (2024-07-15T07:30:00+05:30)');
    expect(f.explanation).toContain('then Evening Lamp said 15 people (2024-07-15T19:45:00+05:30)');
    expect(f.explanation).toContain('a developing figure that rose');
  });

  it('keeps a toll revised down as a conflict, reason updated-later, consensus the latest figure', () => {
    const f = only([
      toll('first', 'Hill Wire', '2024-08-20T09:30:00+05:30', '28 people', 'dead'),
      toll('second', 'Ridge Post', '2024-08-20T14:10:00+05:30', '25 people', 'dead'),
      toll('third', 'Valley Express', '2024-08-20T21:45:00+05:30', '27 people', 'dead'),
    ]);
    expect(f.verdict).toBe('conflict');
    expect(f.reason).toBe('updated-later');
    expect(f.consensus).toMatchObject({ method: 'latest', value: { min: 27, max: 27 }, reports: ['third'] });
    expect(f.explanation).toContain('revised down');
  });

  it('follows the latest report when a night report repeats the morning figure after an afternoon one', () => {
    const f = only([
      toll('morning', 'A', '2024-07-15T08:00:00+05:30', '12 people'),
      toll('noon', 'B', '2024-07-15T13:00:00+05:30', '15 people'),
      toll('night', 'C', '2024-07-15T23:00:00+05:30', '12 people'),
    ]);
    expect(f.verdict).toBe('conflict');
    expect(f.reason).toBe('updated-later');
    expect(f.consensus).toMatchObject({ method: 'latest', value: { min: 12, max: 12 } });
  });

  it('orders date-only reports of different days', () => {
    const f = only([toll('mon', 'A', '2024-07-15', '12 injured', 'injured'), toll('tue', 'B', '2024-07-16', '19 injured', 'injured')]);
    expect(f).toMatchObject({ verdict: 'compatible', reason: 'updated-later', consensus: { method: 'latest', value: { min: 19 } } });
  });

  it('leaves same-day reports without times as they were: a conflict settled by vote', () => {
    const f = only([
      toll('a', 'A', '2024-07-15', '12 people'),
      toll('b', 'B', '2024-07-15', '12 people'),
      toll('c', 'C', '2024-07-15T19:45:00+05:30', '15 people'),
    ]);
    expect(f).toMatchObject({ verdict: 'conflict', reason: 'disjoint', consensus: { method: 'weighted-vote', value: { min: 12 } } });
    const unknown = only([toll('a', 'A', null, '12 people'), toll('c', 'C', '2024-07-15T19:45:00+05:30', '15 people')]);
    expect(unknown.reason).toBe('disjoint');
  });

  it('applies only to tallies: other counts, dates and quotes conflict however late the report', () => {
    const crew = only([
      toll('a', 'A', '2024-05-06T07:30:00+05:30', '27 fishermen', 'fishermen on board'),
      toll('b', 'B', '2024-05-06T19:30:00+05:30', '28 fishermen', 'fishermen on board'),
    ]);
    expect(crew).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });

    const date = (id: string, publishedAt: string, phrase: string): ReportInput => ({
      id,
      source: id,
      publishedAt,
      claims: [{ subject: 'landslide', attribute: 'date', value: { kind: 'time', phrase } }],
    });
    expect(only([date('mon', '2024-07-15', 'on Monday'), date('tue', '2024-07-16', 'on Tuesday')])).toMatchObject({
      verdict: 'conflict',
      reason: 'disjoint',
    });

    const quote = (id: string, publishedAt: string, phrase: string): ReportInput => ({
      id,
      source: id,
      publishedAt,
      claims: [{ subject: 'collector', attribute: 'quote', value: { kind: 'quote', phrase } }],
    });
    expect(only([quote('a', '2024-07-15', 'Twelve people died'), quote('b', '2024-07-16', 'Fifteen people died')]).reason).toBe('wording');
  });

  it('does not depend on the order of reports', () => {
    const reports = [MORNING_A, MORNING_B, EVENING, toll('night', 'Night Owl', '2024-07-15T23:10:00+05:30', 'about 15 people')];
    const expected = toJSON(reconcile(reports));
    for (const order of [[3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]) expect(toJSON(reconcile(order.map((i) => reports[i]!)))).toBe(expected);
    const f = reconcile(reports).findings[0]!;
    expect(f).toMatchObject({ verdict: 'compatible', reason: 'updated-later', consensus: { method: 'latest', value: { min: 15, max: 15 } } });
    expect(f.consensus?.reports).toEqual(['evening', 'night']);
  });

  it('reads the toll from article text and says so in Markdown', () => {
    const result = compareArticles([
      {
        id: 'dawn-courier',
        source: 'Dawn Courier',
        publishedAt: '2024-07-15T07:30:00+05:30',
        text: 'Twelve people were killed when a landslide buried roadside stalls near Baroli late on Sunday, district officials said. Rescue work went on through the night.',
      },
      {
        id: 'evening-lamp',
        source: 'Evening Lamp',
        publishedAt: '2024-07-15T19:45:00+05:30',
        text: 'The toll in the Baroli landslide rose to 15 people on Monday after rescuers pulled three more bodies from the debris, district officials said.',
      },
    ]);
    const f = result.findings.find((x) => x.reason === 'updated-later');
    expect(f).toBeDefined();
    expect(f!.verdict).toBe('compatible');
    expect(f!.consensus).toMatchObject({ method: 'latest', value: { min: 15, max: 15 } });
    expect(toMarkdown(result)).toContain('**compatible** (updated-later, count): Updated later: Dawn Courier said');
  });
});

describe('the pieces', () => {
  it('publicationOrder orders date-times and different days, never a day against a time on it', () => {
    expect(publicationOrder('2024-06-03T08:00:00+05:30', '2024-06-03T19:00:00+05:30')).toBeLessThan(0);
    expect(publicationOrder('2024-06-03T20:00:00-04:00', '2024-06-04T03:00:00+05:30')).toBeGreaterThan(0);
    expect(publicationOrder('2024-06-04', '2024-06-03')).toBeGreaterThan(0);
    expect(publicationOrder('2024-06-03', '2024-06-03T19:00:00+05:30')).toBeNull();
    expect(publicationOrder('2024-06-03', '2024-06-03')).toBeNull();
    expect(publicationOrder(null, '2024-06-03')).toBeNull();
  });

  it('isTally reads the subject, attribute, unit and sentence', () => {
    const q = { kind: 'quantity', value: 12, min: 12, max: 12, qualifier: 'exact', precision: 1, unit: 'people' } as const;
    expect(isTally({ subject: 'landslide', attribute: 'killed', value: q })).toBe(true);
    expect(isTally({ subject: 'count', attribute: 'people', value: q, context: { sentence: { start: 0, end: 1 }, keywords: ['toll', 'rose'], entities: [] } })).toBe(true);
    expect(isTally({ subject: 'count', attribute: 'fishermen', value: q, context: { sentence: { start: 0, end: 1 }, keywords: ['trawler', 'board'], entities: [] } })).toBe(false);
  });
});

describe('updated-later within one outlet', () => {
  it('follows the outlet’s own evening update; still one source', () => {
    const f = only([toll('am', 'Dawn Courier', '2024-07-15T07:30:00+05:30', '12 people'), toll('pm', 'Dawn Courier', '2024-07-15T19:30:00+05:30', '15 people')].map((r) => ({ ...r, source: { id: 'dawn', name: 'Dawn Courier' } })));
    expect(f).toMatchObject({ verdict: 'single-source', reason: 'single-source', independentSources: 1, consensus: { method: 'single-source', value: { min: 15 } } });
    expect(f.explanation).toContain('a developing figure that rose');
  });
});
