import * as z from 'zod/mini';
import { CorroborateError, DateOrDateTimeSchema, SourceSchema, fromZodIssues, type Claim, type Report } from '../model/index.js';
import { parsedEntity } from '../values/entity.js';
import { parseQuote } from '../values/quote.js';
import { sentenceContext, sentenceNames, type Span } from './context.js';
import { correctionSpans } from './corrections.js';
import { datelineIndex } from './dateline.js';
import { extractQuantities } from './quantities.js';
import { attributeMentions, cleanSentences } from './attribution.js';
import { findQuotes } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import { partitionPoint } from './search.js';
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

const ExtractOptionsSchema = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1))),
  source: z.optional(z.union([z.string().check(z.minLength(1)), SourceSchema])),
  publishedAt: z.optional(z.nullable(DateOrDateTimeSchema)),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
});

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
  const { id = 'report', source = id, publishedAt = null, url, title } = checkedOptions(options);

  const sentences = splitSentences(text);
  const found = findQuotes(text, cleanSentences(text, sentences));
  const quoteSpans = spansOf(found);
  const times = extractTimes(text, sentences, { publishedAt });
  const quantities = extractQuantities(text, sentences, { exclude: times });
  // Quotes and counts are attributed in one pass: "Police said 240,000 people attended".
  const attributed = attributeMentions(text, found, sentences, quantities);
  const quotes = attributed.quotes;
  // Not the outlet's claims: a correction notice's figures and the dateline's filing date (each
  // date still shields its digits from counts); a date inside quotation marks is the speaker's.
  const notices = correctionSpans(text, sentences);
  const dateline = datelineIndex(text, times);
  const dates = times.filter((t, k) => k !== dateline && !overlapsAny(notices, t));
  const quoted = sortedByStart(quotes);
  const sentenceAt = sentenceLocator(sentences);
  const context = (span: Span) => sentenceContext(text, sentenceAt(span.start), quoteSpans, span);

  // A later mention by surname ("Kulkarni said", "Ms Arora said") names the person given in
  // full earlier in the article ("Chief Fire Officer Ramesh Kulkarni"). The article's entities
  // are read only when a speaker needs them, and each phrase is parsed once.
  const entities = documentEntities(text, sentences, quoteSpans);
  const entity = parsedEntity;
  const fullNames = new Map<string, string>();
  const fullName = (name: string): string => {
    let full = fullNames.get(name);
    if (full === undefined) {
      const parsed = entity(name);
      // A name ends in a capitalised word: "police" or "officials" can end none — nor can
      // "Police" opening a sentence, which would otherwise read every sentence's names.
      const surname = parsed.name;
      const single = parsed.role === undefined && !surname.includes(' ') && startsUpper(surname) && !GROUP_NOUNS.has(surname.toLowerCase());
      full = single ? (entities.find((e) => e.length > surname.length && e.endsWith(` ${surname}`)) ?? name) : name;
      fullNames.set(name, full);
    }
    return full;
  };

  const claims: Claim[] = [];
  for (let k = 0; k < quantities.length; k++) {
    const m = quantities[k]!;
    if (overlapsAny(notices, m)) continue;
    const by = attributed.figures[k];
    // Whose estimate it is: two speakers' figures are two facts, not a conflict. (Built without
    // an object spread, which is slow in V8; the key order is that of the other claims.)
    const claim: Claim = { id: `count@${m.start}`, subject: 'count', attribute: m.value.unit ?? 'count', value: m.value, evidence: { text: m.text, start: m.start, end: m.end }, context: context(m) };
    claims.push(by ? withSpeaker(claim, fullName(by.name)) : claim);
  }
  for (const m of dates) {
    const q = overlapping(quoted, m);
    if (q !== undefined && !q.speaker) continue; // someone's words, but whose is unknown
    const claim: Claim = { id: `date@${m.start}`, subject: 'date', attribute: 'date', value: m.value, evidence: { text: m.text, start: m.start, end: m.end }, context: context(m) };
    claims.push(q?.speaker ? withSpeaker(claim, fullName(q.speaker.name)) : claim);
  }
  for (const q of quotes) {
    if (overlapsAny(notices, q)) continue;
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
      const speaker = entity(fullName(q.speaker.name));
      if (speaker.name) {
        claims.push({
          id: `${quoteId}/speaker`,
          subject: 'quote',
          attribute: 'speaker',
          value: { ...speaker },
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

/** The claim with its speaker, the speaker key after the attribute as a Claim lists it. */
function withSpeaker(c: Claim, speaker: string): Claim {
  return { id: c.id, subject: c.subject, attribute: c.attribute, speaker, value: c.value, evidence: c.evidence, context: c.context } as Claim;
}

/** The spans themselves when sorted by start, else a sorted copy. */
function sortedByStart<T extends Span>(spans: readonly T[]): readonly T[] {
  for (let k = 1; k < spans.length; k++) {
    if ((spans[k - 1] as Span).start > (spans[k] as Span).start) return [...spans].sort((a, b) => a.start - b.start);
  }
  return spans;
}

/** The first of `spans` (sorted by start, disjoint) that `span` overlaps: a binary search. */
function overlapping<T extends Span>(spans: readonly T[], span: Span): T | undefined {
  if (spans.length === 0) return undefined;
  const k = partitionPoint(spans.length, (i) => (spans[i] as T).end <= span.start);
  return k < spans.length && (spans[k] as T).start < span.end ? spans[k] : undefined;
}

function overlapsAny(spans: readonly Span[], span: Span): boolean {
  return overlapping(spans, span) !== undefined;
}

/**
 * The spans as an array of objects even when there are none: the scans that read it
 * (sentenceContext) then always see one kind of array, and stay optimised.
 */
function spansOf(mentions: readonly Span[]): Span[] {
  const spans: Span[] = [{ start: 0, end: 0 }];
  spans.length = 0;
  for (let k = 0; k < mentions.length; k++) spans.push({ start: (mentions[k] as Span).start, end: (mentions[k] as Span).end });
  return spans;
}

/** publishedAt strings that passed DateOrDateTimeSchema (bounded): most calls repeat a few dates. */
const VALID_DATES = new Set<string>();
const OPTION_KEYS: ReadonlySet<string> = new Set(['id', 'source', 'publishedAt', 'url', 'title']);

/**
 * The options, validated. Plain string options with an already-seen publication date skip zod
 * (it costs as much as reading a short article); anything else goes through the schema.
 */
function checkedOptions(options: ExtractOptions): z.output<typeof ExtractOptionsSchema> {
  const plain = plainOptions(options);
  if (plain !== null) return plain;
  const parsed = ExtractOptionsSchema.safeParse(options);
  if (!parsed.success) throw new CorroborateError('Invalid extract() options', fromZodIssues(parsed.error.issues, ['options']));
  const date = parsed.data.publishedAt;
  if (typeof date === 'string') {
    if (VALID_DATES.size >= 256) VALID_DATES.clear();
    VALID_DATES.add(date);
  }
  return parsed.data;
}

/**
 * A copy of options the schema would accept as they are (keys it knows, non-empty strings, a
 * publication date it accepted before), or null.
 */
function plainOptions(options: unknown): z.output<typeof ExtractOptionsSchema> | null {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return null;
  const o = options as Record<string, unknown>;
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.has(key)) return null;
    const v = o[key];
    if (v === undefined) continue;
    if (key === 'publishedAt') {
      if (v !== null && !(typeof v === 'string' && VALID_DATES.has(v))) return null;
    } else if (typeof v !== 'string' || (v.length === 0 && (key === 'id' || key === 'source'))) return null;
    out[key] = v as string | null;
  }
  return out as z.output<typeof ExtractOptionsSchema>;
}

/**
 * The names written in the article's sentences, in document order, read only as far as a
 * search needs them (most articles never need them: only a speaker named by surname alone does).
 */
function documentEntities(text: string, sentences: readonly Sentence[], quoteSpans: readonly Span[]): { find(match: (e: string) => boolean): string | undefined } {
  const names: string[] = [];
  let read = 0; // sentences read so far
  return {
    find(match) {
      // The first match in document order: the names read so far, then sentence by sentence.
      for (let k = 0; ; k++) {
        while (k === names.length && read < sentences.length) names.push(...sentenceNames(text, sentences[read++] as Sentence, quoteSpans));
        if (k === names.length) return undefined;
        if (match(names[k] as string)) return names[k];
      }
    },
  };
}

// Speakers that are groups, not surnames: "Police said 240,000 …" at a sentence start.
const GROUP_NOUNS: ReadonlySet<string> = new Set(
  'police officials organisers organizers authorities residents witnesses sources doctors rescuers villagers locals experts analysts investigators firefighters volunteers protesters activists students workers farmers survivors relatives families officers spokespersons government ministry administration army navy military hospital company'.split(' '),
);

/** The first character is an upper-case letter (it has a lower case and is its own upper case). */
function startsUpper(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
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
