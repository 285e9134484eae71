import * as z from 'zod';
import { CorroborateError, DateOrDateTimeSchema, SourceSchema, fromZodIssues, type Claim, type Report } from '../model/index.js';
import { parseEntity } from '../values/entity.js';
import { parseQuote } from '../values/quote.js';
import { sentenceContext, type Span } from './context.js';
import { extractQuantities } from './quantities.js';
import { extractQuotes } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import { extractTimes } from './times.js';

/**
 * Options of {@link extract}: who published the text and when. Without `publishedAt`,
 * relative dates ("on Monday") stay unresolved.
 *
 * @example
 * const options: ExtractOptions = { id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08' };
 */
export interface ExtractOptions {
  id?: string;
  source?: string | z.input<typeof SourceSchema>;
  publishedAt?: string | null;
  url?: string;
  title?: string;
}

const ExtractOptionsSchema = z
  .object({
    id: z.string().min(1).optional(),
    source: z.union([z.string().min(1), SourceSchema]).optional(),
    publishedAt: DateOrDateTimeSchema.nullable().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
  })
  .strict();

/**
 * Reads English news prose into a Report: every count, date, direct quote and quote
 * attribution becomes a claim with exact evidence (`text.slice(start, end) === evidence.text`,
 * UTF-16 offsets of the text as given) and the context alignment needs. Claims from text have
 * no subject keys; {@link reconcile} lines them up across reports by context.
 *
 * @example
 * const report = extract('Police said 40 people were hurt on Monday.', { id: 'a', source: 'A', publishedAt: '2021-02-09' });
 * report.claims.map((c) => c.evidence?.text); // ['40 people', 'on Monday']
 */
export function extract(text: string, options: ExtractOptions = {}): Report {
  if (typeof text !== 'string') {
    throw new CorroborateError('extract() expects the article text as a string', [
      { path: ['text'], message: `expected a string, received ${text === null ? 'null' : typeof text}`, code: 'invalid_type' },
    ]);
  }
  const parsed = ExtractOptionsSchema.safeParse(options);
  if (!parsed.success) throw new CorroborateError('Invalid extract() options', fromZodIssues(parsed.error.issues, ['options']));
  const { id = 'report', source = id, publishedAt = null, url, title } = parsed.data;

  const sentences = splitSentences(text);
  const quotes = extractQuotes(text, sentences);
  const quoteSpans: Span[] = quotes.map((q) => ({ start: q.start, end: q.end }));
  const times = extractTimes(text, sentences, { publishedAt });
  const quantities = extractQuantities(text, sentences, { exclude: times });
  const sentenceAt = sentenceLocator(sentences);
  const context = (span: Span) => sentenceContext(text, sentenceAt(span.start), quoteSpans, span);

  // A later mention by surname ("Kulkarni said", "Ms Arora said") names the person given in
  // full earlier in the article ("Chief Fire Officer Ramesh Kulkarni").
  const documentEntities = sentences.flatMap((s) => sentenceContext(text, s, quoteSpans).entities);
  const fullName = (name: string): string => {
    const parsed = parseEntity(name);
    if (parsed.role !== undefined || parsed.name.includes(' ')) return name;
    const surname = parsed.name;
    const full = documentEntities.find((e) => e.length > surname.length && e.endsWith(` ${surname}`));
    return full ?? name;
  };

  const claims: Claim[] = [];
  for (const m of quantities) {
    claims.push({
      id: `count@${m.start}`,
      subject: 'count',
      attribute: m.value.unit ?? 'count',
      value: m.value,
      evidence: { text: m.text, start: m.start, end: m.end },
      context: context(m),
    });
  }
  for (const m of times) {
    claims.push({
      id: `date@${m.start}`,
      subject: 'date',
      attribute: 'date',
      value: m.value,
      evidence: { text: m.text, start: m.start, end: m.end },
      context: context(m),
    });
  }
  for (const q of quotes) {
    const quoteId = `quote@${q.start}`;
    claims.push({
      id: quoteId,
      subject: 'quote',
      attribute: 'quote',
      value: parseQuote(q.text),
      evidence: { text: q.text, start: q.start, end: q.end },
      context: context(q),
    });
    if (q.speaker) {
      const speaker = parseEntity(fullName(q.speaker.name));
      if (speaker.name) {
        claims.push({
          id: `${quoteId}/speaker`,
          subject: 'quote',
          attribute: 'speaker',
          value: speaker,
          evidence: { text: q.speaker.text, start: q.speaker.start, end: q.speaker.end },
          context: context(q.speaker),
        });
      }
    }
  }
  claims.sort((a, b) => (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0) || compareIds(a.id, b.id));
  return {
    id,
    source: typeof source === 'string' ? source : { ...source },
    publishedAt,
    ...(url !== undefined ? { url } : {}),
    ...(title !== undefined ? { title } : {}),
    text,
    claims,
  };
}

function compareIds(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Finds the sentence holding an offset by binary search (sentences are sorted, disjoint). */
function sentenceLocator(sentences: readonly Sentence[]): (offset: number) => Sentence {
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    // Offsets between sentences (spaces, quote marks) belong to the next sentence.
    return sentences[Math.min(lo, sentences.length - 1)] ?? { start: offset, end: offset, paragraph: 0 };
  };
}
