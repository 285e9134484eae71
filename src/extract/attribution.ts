import type { QuoteMention, SpeakerMention } from './quotes.js';
import type { Sentence } from './sentences.js';

/**
 * A quote piece before attribution: a {@link QuoteMention} whose speaker is not filled yet.
 *
 * @example
 * const piece: UnattributedQuote = { start: 1, end: 11, text: 'We will go', quotation: 0, fragment: false };
 */
export type UnattributedQuote = Omit<QuoteMention, 'speaker'> & { speaker?: SpeakerMention | null };

// ---- word lists -------------------------------------------------------------------------

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'stated', 'noted', 'wrote', 'writes', 'tweeted',
  'claimed', 'alleged', 'alleges', 'asserted', 'explained', 'remarked', 'announced', 'insisted', 'insists',
  'argued', 'argues', 'replied', 'maintained', 'confirmed', 'declared', 'observed', 'commented', 'recalled',
  'stressed', 'emphasised', 'emphasized', 'clarified', 'admitted', 'conceded', 'posted', 'warned', 'urged',
]);
// Participles take the subject of the speech verb before them in the sentence ("X said …, adding").
const PARTICIPLES = new Set([
  'saying', 'adding', 'telling', 'stating', 'noting', 'writing', 'tweeting', 'claiming', 'alleging',
  'asserting', 'explaining', 'remarking', 'insisting', 'arguing', 'stressing', 'clarifying', 'warning',
]);
// Between a subject and its verb: "the spokesperson further said", "Twitter has also said".
const ADVERBS = new Set([
  'also', 'further', 'later', 'earlier', 'then', 'had', 'has', 'have', 'reportedly', 'previously', 'recently',
  'separately', 'additionally', 'again', 'subsequently', 'too', 'once', 'today', 'yesterday', 'tonight', 'now',
  'first', 'repeatedly', 'publicly', 'privately', 'clearly', 'firmly', 'simply', 'only', 'however', 'bluntly',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);
const CONNECTORS = new Set(['of', 'for', 'at', 'and']);
// Canonical role of a singular role noun ("the spokesperson said" looks back for this role).
const ROLES = new Map<string, string>([
  ['spokesperson', 'spokesperson'], ['spokesman', 'spokesperson'], ['spokeswoman', 'spokesperson'],
  ['representative', 'representative'], ['official', 'official'], ['minister', 'minister'], ['officer', 'officer'],
  ['commissioner', 'commissioner'], ['secretary', 'secretary'], ['ceo', 'CEO'], ['chief', 'chief'],
  ['president', 'president'], ['director', 'director'], ['chairman', 'chairperson'], ['chairperson', 'chairperson'],
  ['chairwoman', 'chairperson'], ['founder', 'founder'], ['leader', 'leader'], ['governor', 'governor'],
  ['mayor', 'mayor'], ['collector', 'collector'], ['superintendent', 'superintendent'], ['inspector', 'inspector'],
  ['judge', 'judge'], ['head', 'head'], ['chancellor', 'chancellor'], ['principal', 'principal'],
  ['manager', 'manager'], ['lawyer', 'lawyer'], ['counsel', 'counsel'], ['advocate', 'advocate'],
  ['prosecutor', 'prosecutor'], ['mla', 'MLA'], ['mp', 'MP'], ['senator', 'senator'], ['premier', 'premier'],
  ['chair', 'chair'], ['member', 'member'], ['commander', 'commander'], ['coordinator', 'coordinator'],
  ['author', 'author'], ['organiser', 'organiser'], ['organizer', 'organiser'],
  // Unnamed individuals: "said a passenger", "a resident told HT".
  ...[
    'resident', 'passenger', 'witness', 'eyewitness', 'survivor', 'villager', 'doctor', 'expert', 'analyst',
    'activist', 'student', 'worker', 'employee', 'farmer', 'protester', 'volunteer', 'rescuer', 'relative',
    'neighbour', 'neighbor', 'shopkeeper', 'driver', 'victim', 'teacher', 'engineer', 'scientist', 'researcher',
    'economist', 'lawmaker', 'legislator', 'councillor', 'councilor', 'trader', 'owner', 'vendor', 'homemaker',
    'citizen', 'source',
  ].map((w): [string, string] => [w, w]),
]);
// Roles that speak for their organisation: "a spokesperson of Twitter" is Twitter talking.
const VOICE_ROLES = new Set(['spokesperson', 'representative', 'official']);
const TITLES = new Set([
  ...ROLES.keys(), 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'shri', 'sri', 'smt', 'sir', 'justice', 'gen',
  'col', 'capt', 'lt', 'sgt', 'king', 'queen', 'prince', 'princess', 'lord', 'lady', 'ambassador',
]);
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sri', 'smt', 'lt', 'gen', 'col', 'capt', 'sgt', 'gov', 'sen', 'rep', 'hon', 'jr', 'sr', 'shri']);
// Plural or mass nouns naming an unnamed group of speakers.
const GROUPS = new Set([
  'police', 'officials', 'sources', 'source', 'organisers', 'organizers', 'residents', 'witnesses', 'eyewitnesses',
  'authorities', 'protesters', 'protestors', 'farmers', 'experts', 'analysts', 'doctors', 'activists', 'students',
  'locals', 'villagers', 'investigators', 'officers', 'leaders', 'ministers', 'people', 'volunteers', 'rescuers',
  'workers', 'employees', 'spokespersons', 'spokespeople', 'representatives', 'lawyers', 'survivors', 'relatives',
  'passengers', 'survivors', 'councillors', 'councilors', 'traders', 'vendors', 'teachers', 'scientists',
  'researchers', 'lawmakers', 'legislators', 'petitioners', 'observers', 'critics', 'unions', 'groups',
  'government', 'centre', 'opposition',
]);
// "the company said": an organisation named earlier.
const ORG_ANAPHORS = new Set([
  'company', 'firm', 'platform', 'ministry', 'department', 'agency', 'organisation', 'organization', 'site',
  'network', 'giant', 'outlet', 'startup', 'body', 'administration', 'secretariat', 'directorate', 'authority',
  'commission', 'council', 'corporation', 'party', 'union', 'board', 'committee', 'bureau', 'court', 'tribunal',
  'bench', 'coalition', 'campaign', 'airline', 'bank', 'hospital', 'university',
]);
// Anaphors that name their antecedent's head word ("the ministry" is the last ministry named).
// Generic ones ("the company") take the latest organisation speaker; the others ("the
// ministry", "the bench") the latest phrase with the same head word.
const GENERIC_ANAPHORS = new Set(['company', 'firm', 'platform', 'site', 'network', 'giant', 'outlet', 'startup', 'body', 'organisation', 'organization', 'airline']);
// "the bench" is the court it sits in, when one was named.
const HEAD_ALIASES = new Map([['bench', 'court']]);
// Verbs that attribute words without introducing a statement: "X called the order “opaque”".
const CHARACTERISING = new Set(['called', 'described', 'termed', 'dubbed', 'branded', 'labelled', 'labeled']);
const STATEMENTS = new Set(['statement', 'statements', 'response', 'release', 'reply', 'communique', 'letter', 'tweet']);
const ORG_KEYWORDS = new Set([
  ...ORG_ANAPHORS, 'government', 'police', 'corp', 'inc', 'ltd', 'limited', 'university', 'bank', 'association',
  'office', 'trust', 'foundation', 'institute', 'army', 'navy', 'force', 'forces', 'times', 'news', 'post', 'express',
  'herald', 'tribune', 'media', 'group', 'federation', 'congress', 'parliament', 'assembly', 'centre', 'center',
  'ministries', 'services', 'hospital', 'school', 'college', 'club', 'league',
]);
const HEADS = new Set([...ROLES.keys(), ...GROUPS, ...ORG_ANAPHORS, ...STATEMENTS]);
const MODIFIERS = new Set([
  'senior', 'top', 'former', 'deputy', 'acting', 'junior', 'union', 'state', 'central', 'local', 'external', 'home',
  'foreign', 'finance', 'press', 'media', 'public', 'district', 'additional', 'joint', 'another', 'general',
  'regional', 'national', 'international', 'health', 'education', 'defence', 'defense', 'interior', 'legal',
  'federal', 'city', 'municipal', 'official', 'anonymous', 'unnamed', 'intelligence', 'security', 'opposition',
  'division', 'tehsil', 'village',
]);
// Capitalised words that start sentences rather than names.
const CAPITALISED_STOPWORDS = new Set([
  'a', 'an', 'in', 'on', 'at', 'for', 'of', 'and', 'but', 'or', 'if', 'when', 'while', 'after', 'before', 'earlier',
  'later', 'meanwhile', 'however', 'also', 'yesterday', 'today', 'tomorrow', 'this', 'that', 'these', 'those',
  'there', 'here', 'we', 'i', 'our', 'my', 'your', 'you', 'many', 'some', 'most', 'all', 'several', 'other', 'such',
  'since', 'as', 'although', 'though', 'even', 'only', 'according', 'over', 'more', 'what', 'why', 'how', 'who',
  'where', 'which', 'with', 'without', 'from', 'to', 'by', 'under', 'amid', 'during', 'despite', 'so', 'then',
  'now', 'still', 'not', 'no', 'yes', 'posted', 'speaking', 'asked', 'both', 'each', 'every', 'any', 'few',
  'about', 'around', 'nearly', 'almost', 'further', 'once', 'thus', 'hence', 'besides', 'instead', 'indeed',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'said', 'says',
]);

/**
 * Whether a lower-case word is a speech verb or its participle ("said", "tweeted", "adding").
 *
 * @example
 * isSpeechVerb('said'); // true
 * isSpeechVerb('adding'); // true
 * isSpeechVerb('blocked'); // false
 */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || PARTICIPLES.has(word);
}

// ---- characters ------------------------------------------------------------------------

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0') return true;
  return ch > '\u007f' && /\s/u.test(ch);
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

function isQuoteMark(ch: string | undefined): boolean {
  return ch === '"' || ch === "'" || ch === '\u201C' || ch === '\u201D' || ch === '\u2018' || ch === '\u2019';
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A possessive's owner: "twitter's" → "twitter". */
function base(word: string): string {
  if (word.endsWith("'s") || word.endsWith('\u2019s')) return word.slice(0, -2);
  return word;
}

function isPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith('\u2019s');
}

// ---- tokens -----------------------------------------------------------------------------

const WORD = 0;
const PUNCT = 1;
const QUOTE = 2;

// Noun-phrase classes of tokens.
const C_NONE = 0;
const C_NAME = 1;
const C_DET = 2;
const C_CONN = 3;
const C_IN = 4;
const C_HEAD = 5;
const C_MOD = 6;
const C_PRON = 7;
const C_DOT = 8;

/** At most this many tokens in a noun phrase: bounds every phrase-level rule. */
const MAX_PHRASE = 16;
/** A clause subject ("Twitter, which …, said") is looked for this many tokens back at most. */
const MAX_CLAUSE = 80;
/** Cues inspected per quote in one direction: keeps attribution linear on adversarial text. */
const MAX_CUES = 8;

interface Tokens {
  start: number[];
  end: number[];
  type: number[];
  /** Lower-case word, the punctuation character, or '' for a quotation. */
  word: string[];
  cap: boolean[];
  /** All capitals, two letters or more: "IT" is not "it". */
  acronym: boolean[];
  sentence: number[];
}

/**
 * Words, punctuation and whole quotations (one token each, so names inside quotes never
 * become speakers), each with its sentence. One pass.
 */
function tokenize(text: string, spans: readonly [number, number][], sentences: readonly Sentence[]): Tokens {
  const t: Tokens = { start: [], end: [], type: [], word: [], cap: [], acronym: [], sentence: [] };
  let span = 0;
  let k = 0;
  const sentenceOf = (pos: number): number => {
    while (k < sentences.length && (sentences[k] as Sentence).end <= pos) k++;
    return k < sentences.length && (sentences[k] as Sentence).start <= pos ? k : -1;
  };
  const push = (start: number, end: number, type: number, word: string, cap: boolean, at: number) => {
    t.start.push(start);
    t.end.push(end);
    t.type.push(type);
    t.word.push(word);
    t.cap.push(cap);
    t.acronym.push(cap && end - start >= 2 && text.slice(start, end) === word.toUpperCase());
    t.sentence.push(sentenceOf(at));
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const next = spans[span];
    if (next !== undefined && i >= next[0]) {
      if (i < next[1]) {
        push(next[0], next[1], QUOTE, '', false, next[1] - 1);
        i = next[1];
      }
      span++;
      continue;
    }
    const limit = next !== undefined ? next[0] : n;
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (isWordChar(ch)) {
      let j = i + 1;
      while (j < limit) {
        const c = text[j];
        if (isWordChar(c)) j++;
        else if ((c === "'" || c === '\u2019' || c === '-' || c === '\u2010') && j + 1 < limit && isWordChar(text[j + 1])) j += 2;
        else break;
      }
      push(i, j, WORD, text.slice(i, j).toLowerCase(), isUpper(ch), i);
      i = j;
      continue;
    }
    push(i, i + 1, PUNCT, ch as string, false, i);
    i++;
  }
  return t;
}

function classOf(t: Tokens, i: number): number {
  const type = t.type[i];
  const w = t.word[i] as string;
  if (type === QUOTE) return C_NONE;
  if (type === PUNCT) {
    if (w === '&') return C_CONN;
    const prev = i - 1;
    if (w === '.' && prev >= 0 && t.type[prev] === WORD && t.end[prev] === t.start[i]) {
      const pw = t.word[prev] as string;
      if ((pw.length === 1 && t.cap[prev]) || TITLE_ABBREVIATIONS.has(pw)) return C_DOT;
    }
    return C_NONE;
  }
  if (DETERMINERS.has(w)) return C_DET;
  if (PRONOUNS.has(w) && !t.acronym[i]) return C_PRON;
  if (t.cap[i] && !CAPITALISED_STOPWORDS.has(w)) return C_NAME;
  if (CONNECTORS.has(w)) return C_CONN;
  const prevWord = i > 0 && t.type[i - 1] === WORD ? base(t.word[i - 1] as string) : '';
  if ((w === 'from' || w === 'by') && STATEMENTS.has(prevWord)) return C_CONN; // "a statement from X"
  if (w === 'in') {
    const d = t.word[i + 1] ?? '';
    const s = base(t.word[i + 2] ?? '');
    if (t.type[i + 1] === WORD && DETERMINERS.has(d) && STATEMENTS.has(s)) return C_IN; // "Twitter in its statement"
    if (GROUPS.has(prevWord) || ROLES.has(prevWord)) return C_IN; // "sources in the secretariat"
    return C_NONE;
  }
  const b = base(w);
  if (HEADS.has(b)) return C_HEAD;
  if (MODIFIERS.has(w)) return C_MOD;
  return C_NONE;
}

// ---- noun phrases -----------------------------------------------------------------------

type Kind = 'person' | 'org' | 'group' | 'unknown';

/** Who a phrase names once anaphora are resolved. */
interface Ref {
  name: string;
  kind: Kind;
  /** The organisation speaking ("Twitter" for "a spokesperson of Twitter"). */
  org?: string;
}

interface Chunk {
  start: number;
  end: number;
  /** Token range [a, b). */
  a: number;
  b: number;
  /** An explicit phrase, or what kind of anaphor it is. */
  type: Kind | 'pronoun' | 'role' | 'company' | 'statement';
  ref: Ref | null;
  /** Canonical role ("spokesperson", "minister") of a titled or role phrase. */
  role?: string;
  /** Head word of an anaphor ("company", "ministry") or the pronoun. */
  head?: string;
  /** Organisation keywords in an explicit phrase, for "the ministry" look-backs. */
  keywords: string[];
  statement: boolean;
  sources: boolean;
  speaker: boolean;
  /** "the council leader, Martin Reeve": the name the role phrase stands for. */
  appositive?: Chunk;
  /** Ends in a possessive ("the High Court's"). */
  possessive: boolean;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ');
}

/** The phrase as a name: single spaces, a leading article lower-cased before a common noun. */
function displayName(text: string, t: Tokens, a: number, b: number): string {
  let name = collapse(text.slice(t.start[a], t.end[b - 1]));
  const last = t.word[b - 1] as string;
  if (isPossessive(last) && name.length > 2) name = name.slice(0, -2);
  const first = t.word[a] as string;
  if ((first === 'a' || first === 'an' || first === 'the') && b > a + 1 && !t.cap[a + 1]) {
    name = first + name.slice(first.length);
  }
  return name;
}

/** A capitalised token that is a name, not a capitalised role or organisation word ("the Collector"). */
function isRealName(t: Tokens, cls: Uint8Array, k: number): boolean {
  if (cls[k] !== C_NAME) return false;
  const w = base(t.word[k] as string);
  return !ROLES.has(w) && !ORG_ANAPHORS.has(w) && !MODIFIERS.has(w) && !GROUPS.has(w) && !STATEMENTS.has(w);
}

function classify(text: string, t: Tokens, cls: Uint8Array, a: number, b: number): Chunk {
  const chunk: Chunk = {
    start: t.start[a] as number,
    end: t.end[b - 1] as number,
    a,
    b,
    type: 'unknown',
    ref: null,
    keywords: [],
    statement: false,
    sources: false,
    speaker: false,
    possessive: isPossessive(t.word[b - 1] as string),
  };
  if (b === a + 1 && cls[a] === C_PRON) {
    chunk.type = 'pronoun';
    chunk.head = t.word[a] as string;
    return chunk;
  }
  // "Twitter in its statement", "sources in the secretariat": the core is before "in".
  let end = b;
  for (let k = a + 1; k < b; k++) {
    if (cls[k] === C_IN) {
      if (STATEMENTS.has(base(t.word[k + 2] ?? ''))) chunk.statement = true;
      end = k;
      break;
    }
  }
  // "a statement from the Authority": the organisation follows the statement.
  for (let k = a; k + 2 < end; k++) {
    if (STATEMENTS.has(base(t.word[k] as string)) && cls[k + 1] === C_CONN) {
      let s = k + 2;
      while (s < end && cls[s] === C_DET) s++;
      if (s < end && cls[s] === C_NAME) {
        chunk.statement = true;
        const org = displayName(text, t, s, end);
        chunk.type = 'org';
        chunk.ref = { name: org, kind: 'org', org };
        chunk.keywords = wordsIn(t, s, end).filter((w) => ORG_KEYWORDS.has(w));
        return chunk;
      }
    }
  }
  // "Twitter's statement", "the company's statement", "the statement".
  if (STATEMENTS.has(base(t.word[end - 1] as string))) {
    chunk.statement = true;
    end--;
    while (end > a && (cls[end - 1] === C_DET || cls[end - 1] === C_CONN || cls[end - 1] === C_MOD)) end--;
    if (end === a) {
      chunk.type = 'statement';
      return chunk;
    }
  }
  const words = wordsIn(t, a, end);
  let firstName = -1;
  let nameCount = 0;
  for (let k = a; k < end; k++) {
    if (!isRealName(t, cls, k)) continue;
    nameCount++;
    if (firstName < 0) firstName = k;
  }
  const last = words[words.length - 1] as string;
  const first = words[0] as string;
  if (nameCount === 0) {
    const definite = first === 'the' || first === 'its' || first === 'this';
    if (ORG_ANAPHORS.has(last) && definite) {
      chunk.type = 'company';
      chunk.head = last;
      // Without an earlier phrase of the same head, "the ministry" names itself.
      const own = displayName(text, t, a + 1, end);
      chunk.ref = { name: own, kind: 'org', org: own };
    } else if (chunk.statement) {
      chunk.type = 'statement';
    } else if (ROLES.has(last) && definite) {
      chunk.type = 'role';
      chunk.role = ROLES.get(last);
    } else {
      // "police", "officials", "a senior official", "the government": named by the phrase itself.
      const name = displayName(text, t, first === 'the' && end > a + 1 ? a + 1 : a, end);
      chunk.type = GROUPS.has(last) || ROLES.has(last) ? 'group' : 'org';
      if (last === 'government' || last === 'centre') chunk.type = 'org';
      chunk.sources = last === 'sources' || last === 'source';
      chunk.ref = chunk.type === 'org' ? { name, kind: 'org', org: name } : { name, kind: 'group' };
      // "a senior official said … the official said": an antecedent for its role ("as minister" is not).
      if (ROLES.has(last) && (first === 'a' || first === 'an')) chunk.role = ROLES.get(last);
    }
    return chunk;
  }
  const name = displayName(text, t, a, end);
  chunk.keywords = words.filter((w) => ORG_KEYWORDS.has(w));
  // "a spokesperson of Twitter", "Union Minister of Information and Technology".
  for (let k = a; k + 2 < end; k++) {
    const role = ROLES.get(base(t.word[k] as string));
    if (role === undefined || cls[k + 1] !== C_CONN || t.word[k + 1] === 'and') continue;
    let s = k + 2;
    while (s < end && cls[s] === C_DET) s++;
    if (s >= end || cls[s] !== C_NAME) continue;
    if (VOICE_ROLES.has(role)) {
      chunk.role = role; // a voice of the organisation: "the spokesperson" may refer back to it
      chunk.type = 'org';
      chunk.ref = { name, kind: 'org', org: displayName(text, t, s, end) };
    } else {
      // "Minister of State for Electronics and IT Rajiv Mohanty": a trailing personal name after
      // the title's last word is split off with a comma, as parseEntity reads "Title, Name".
      let p = end;
      while (p > s && isRealName(t, cls, p - 1) && !t.acronym[p - 1] && !ORG_KEYWORDS.has(base(t.word[p - 1] as string))) p--;
      const person = end - p >= 2 && (cls[p - 1] === C_NAME || cls[p - 1] === C_MOD);
      chunk.type = 'person';
      if (person) {
        chunk.role = role;
        chunk.ref = { name: `${displayName(text, t, a, p)}, ${displayName(text, t, p, end)}`, kind: 'person' };
      } else {
        chunk.ref = { name, kind: 'person' }; // a title, not a person: no antecedent for "the minister"
      }
    }
    return chunk;
  }
  // "Twitter's spokesperson", "a Twitter spokesperson", "Twitter CEO".
  const lastRole = ROLES.get(last);
  if (lastRole !== undefined && firstName >= 0 && firstName < end - 1) {
    const org = displayName(text, t, firstName, end - 1);
    if (VOICE_ROLES.has(lastRole)) {
      chunk.role = lastRole;
      chunk.type = 'org';
      chunk.ref = { name, kind: 'org', org };
    } else {
      chunk.type = 'person';
      chunk.ref = { name, kind: 'person', org };
    }
    return chunk;
  }
  // "Union minister Ravi Shankar Prasad", "Police Commissioner Anil Rao", "Ms Rao".
  for (let k = end - 2; k >= a; k--) {
    if (!TITLES.has(base(t.word[k] as string))) continue;
    let names = true;
    for (let m = k + 1; m < end; m++) if (cls[m] !== C_NAME && cls[m] !== C_DOT) names = false;
    if (names) {
      const role = ROLES.get(base(t.word[k] as string));
      if (role !== undefined) chunk.role = role;
      chunk.type = 'person';
      chunk.ref = { name, kind: 'person' };
      return chunk;
    }
    break;
  }
  let kind: Kind;
  if (chunk.keywords.length > 0) kind = 'org';
  else if (words.includes('and') || words.includes('&')) kind = 'group';
  else if (nameCount >= 2) kind = 'person';
  else if (nameCount === 1 && end === a + 1 && /^\p{Lu}{2,}$/u.test(text.slice(chunk.start, t.end[a]))) kind = 'org';
  else kind = 'unknown';
  // A statement comes from an organisation: "Twitter in its response".
  if (chunk.statement && kind === 'unknown') kind = 'org';
  // "micro-blogging platform Kwikr" is Kwikr.
  let from = a;
  let plain = true;
  for (let k = a; k < firstName; k++) if (cls[k] === C_NAME || cls[k] === C_DET) plain = false;
  if (plain) from = firstName;
  const shown = from === a ? name : displayName(text, t, from, end);
  chunk.type = kind;
  chunk.ref = kind === 'org' ? { name: shown, kind, org: shown } : { name: shown, kind };
  return chunk;
}

function wordsIn(t: Tokens, a: number, b: number): string[] {
  const out: string[] = [];
  for (let k = a; k < b; k++) out.push(base(t.word[k] as string));
  return out;
}

/** Maximal noun-phrase runs inside one sentence, trimmed and classified. Linear. */
function chunkTokens(text: string, t: Tokens, cls: Uint8Array): Chunk[] {
  const chunks: Chunk[] = [];
  const emit = (a: number, b: number) => {
    while (a < b && (cls[a] === C_CONN || cls[a] === C_IN || cls[a] === C_DOT)) a++;
    while (b > a && (cls[b - 1] === C_CONN || cls[b - 1] === C_DET || cls[b - 1] === C_IN || cls[b - 1] === C_MOD)) b--;
    let head = false;
    for (let k = a; k < b; k++) if (cls[k] === C_NAME || cls[k] === C_HEAD || cls[k] === C_PRON) head = true;
    if (!head) return;
    chunks.push(classify(text, t, cls, a, b));
  };
  let a = -1;
  const n = t.start.length;
  for (let i = 0; i < n; i++) {
    const c = cls[i] as number;
    if (c === C_PRON) {
      if (a >= 0) emit(a, i);
      a = -1;
      emit(i, i + 1);
      continue;
    }
    if (c === C_NONE) {
      if (a >= 0) emit(a, i);
      a = -1;
      continue;
    }
    const prev = cls[i - 1];
    // A new sentence, or a determiner right after a noun, starts a new phrase.
    if (a >= 0 && (t.sentence[i] !== t.sentence[a] || (c === C_DET && (prev === C_NAME || prev === C_HEAD || prev === C_DOT)))) {
      emit(a, i);
      a = -1;
    }
    if (a < 0) a = i;
    if (i - a + 1 > MAX_PHRASE) a = i - MAX_PHRASE + 1;
  }
  if (a >= 0) emit(a, n);
  return chunks;
}

// ---- cues -------------------------------------------------------------------------------

/** A speech verb (or "according to", or a colon before a quote) with the phrase naming who spoke. */
interface Cue {
  /** Start of the verb ("said", "according", ":"). */
  pos: number;
  /** Where the cue begins in the text: the verb or its subject, whichever is first. */
  first: number;
  sentence: number;
  paragraph: number;
  chunk: Chunk;
  how: 'told' | 'according-to' | null;
}

/** An explicit phrase with a name in it (not a role, group or pronoun). */
function named(c: Chunk | undefined): c is Chunk {
  return c !== undefined && (c.type === 'person' || c.type === 'org' || c.type === 'unknown');
}

/**
 * Pairs a role phrase with a name beside it ("the council leader, Martin Reeve"; "Pradeep Jena,
 * the ministry's secretary,") so the role phrase refers to the name.
 */
function linkAppositives(t: Tokens, chunks: Chunk[]): void {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const c = chunks[i] as Chunk;
    const next = chunks[i + 1] as Chunk;
    if (t.word[c.b] !== ',' || next.a !== c.b + 1) continue;
    if ((c.type === 'role' || c.type === 'group') && next.type === 'person') c.appositive = next;
    else if (c.type === 'person' && next.type === 'role') next.appositive = c;
  }
}

/**
 * Finds speech cues in one pass over the tokens: the subject before a verb ("the spokesperson
 * further said"), the phrase after it when the verb follows a quote ("…," said X), an appositive
 * or clause subject before a comma ("X, the collector, said"; "Twitter, which …, said"), the
 * subject of an earlier verb for a participle ("…, adding"), "according to X", and the subject
 * of a sentence ending in a colon before a quote ("Marsh was blunt: “…”").
 */
function findCues(t: Tokens, cls: Uint8Array, chunks: readonly Chunk[], sentences: readonly Sentence[]): Cue[] {
  const n = t.start.length;
  const startAt = new Int32Array(n).fill(-1);
  const endAt = new Int32Array(n).fill(-1);
  chunks.forEach((c, i) => {
    startAt[c.a] = i;
    endAt[c.b - 1] = i;
  });
  const chunkAt = (arr: Int32Array, i: number): Chunk | undefined => {
    const k = i >= 0 && i < n ? (arr[i] as number) : -1;
    return k >= 0 ? chunks[k] : undefined;
  };
  const cues: Cue[] = [];
  let sentence = -2;
  let clauseStart = true;
  let firstChunk: Chunk | undefined;
  let clause: Chunk | undefined;
  let lastCue: Cue | undefined;
  const add = (i: number, chunk: Chunk, how: Cue['how']) => {
    const s = t.sentence[i] as number;
    const pos = t.start[i] as number;
    const cue: Cue = { pos, first: Math.min(pos, chunk.start), sentence: s, paragraph: sentences[s]?.paragraph ?? -1, chunk, how };
    chunk.speaker = true;
    cues.push(cue);
    lastCue = cue;
  };
  for (let i = 0; i < n; i++) {
    const s = t.sentence[i] as number;
    // "Marsh was blunt in response: “…”" (but not a dateline, "New Delhi: “…”").
    if (t.type[i] === QUOTE && t.word[i - 1] === ':' && t.sentence[i - 1] === sentence && !lastCue && firstChunk && firstChunk.b < i - 1) {
      add(i - 1, firstChunk, null);
    }
    if (s !== sentence) {
      sentence = s;
      clauseStart = true;
      firstChunk = undefined;
      clause = undefined;
      lastCue = undefined;
    }
    if (t.type[i] === QUOTE) {
      clauseStart = true;
      continue;
    }
    const starting = chunkAt(startAt, i);
    if (starting) {
      if (!firstChunk && starting.a === i && (i === 0 || t.sentence[i - 1] !== s)) firstChunk = starting;
      // "Twitter, which …, said" / "Kulkarni, the chief fire officer, told": a clause subject.
      const after = starting.b;
      const w = t.word[after + 1] ?? '';
      const c = cls[after + 1];
      if (t.word[after] === ',' && t.sentence[after + 1] === s) {
        if (w === 'which' || w === 'who' || w === 'whose') clause = starting;
        else if (clauseStart && (w === 'in' || c === C_DET || c === C_NAME || c === C_HEAD || c === C_MOD)) clause = starting;
      }
      clauseStart = false;
    }
    if (t.type[i] !== WORD || s < 0) continue;
    const w = t.word[i] as string;
    if (w === 'according' && t.word[i + 1] === 'to') {
      const object = chunkAt(startAt, i + 2);
      if (object && t.sentence[i + 2] === s) add(i, object, 'according-to');
      continue;
    }
    if (!SPEECH_VERBS.has(w) && !PARTICIPLES.has(w) && !CHARACTERISING.has(w)) continue;
    let j = i - 1;
    for (let skips = 0; j >= 0 && skips < 4 && t.sentence[j] === s && t.type[j] === WORD; skips++) {
      const pw = t.word[j] as string;
      if (ADVERBS.has(pw)) j--;
      else if (WEEKDAYS.has(pw) && t.word[j - 1] === 'on') j -= 2;
      else break;
    }
    const how = w === 'told' || w === 'tells' || w === 'telling' ? 'told' : null;
    const inSentence = j >= 0 && t.sentence[j] === s;
    const subject = inSentence ? chunkAt(endAt, j) : undefined;
    if (subject) {
      add(i, subject, how);
      continue;
    }
    // "…," said Lakshmi Bai
    const afterQuote = inSentence && (t.type[j] === QUOTE || (t.word[j] === ',' && t.type[j - 1] === QUOTE));
    const object = chunkAt(startAt, i + 1);
    if (afterQuote && object && t.sentence[i + 1] === s && object.type !== 'pronoun' && !CHARACTERISING.has(w)) {
      add(i, object, how);
      continue;
    }
    if (PARTICIPLES.has(w) && lastCue && lastCue.sentence === s) {
      add(i, lastCue.chunk, lastCue.how);
      continue;
    }
    if (inSentence && t.word[j] === ',') {
      // "Y, X, said" with X an appositive or a relative clause: the named one of the two, Y first.
      let k = j - 1;
      const floor = Math.max(0, j - 12);
      while (k > floor && t.sentence[k] === s && t.word[k] !== ',' && t.type[k] !== QUOTE) k--;
      const x = chunkAt(startAt, k + 1);
      const opener = t.word[k + 1] ?? '';
      const appositive = x !== undefined || cls[k + 1] === C_DET || opener === 'who' || opener === 'which' || opener === 'whose';
      if (t.word[k] === ',' && t.sentence[k] === s && appositive) {
        const y = chunkAt(endAt, k - 1);
        const pick = named(y) ? y : x !== undefined && x.b === j && named(x) ? x : y;
        if (pick) {
          add(i, pick, how);
          continue;
        }
      }
      if (clause && i - clause.b <= MAX_CLAUSE) {
        add(i, clause, how);
        continue;
      }
    }
  }
  return cues;
}

// ---- resolution -------------------------------------------------------------------------

interface Slot {
  ref: Ref;
  seq: number;
}

function newest(...slots: (Slot | undefined)[]): Ref | null {
  let best: Slot | undefined;
  for (const s of slots) if (s && (!best || s.seq > best.seq)) best = s;
  return best?.ref ?? null;
}

function asOrg(ref: Ref | null): Ref | null {
  if (!ref) return null;
  const org = ref.org ?? ref.name;
  return { name: org, kind: 'org', org };
}

/**
 * Resolves pronouns, roles and "the company"/"the statement" in document order, from phrases
 * outside quotes only: he/she is the latest person speaker (else the latest unknown one, such as
 * a bare surname never seen in full; a surname seen in full is a person); they the latest
 * organisation, group or person speaker; it the latest organisation speaker; "the spokesperson"
 * the latest named phrase with that role (else, for a voice role, the latest organisation
 * speaker, and for a person role the latest person speaker); "the company"/"the statement" the
 * latest organisation speaker; "the ministry" the latest phrase naming a ministry, not in a
 * possessive ("the bench": the court). A role next to a name ("the council leader, Martin
 * Reeve") is that name.
 */
function resolve(chunks: readonly Chunk[]): void {
  let seq = 0;
  const speakers: Partial<Record<Kind, Slot>> = {};
  const mentions: Partial<Record<Kind, Slot>> = {};
  const byRole = new Map<string, Ref>();
  const byKeyword = new Map<string, Ref>();
  const surnames = new Set<string>();
  const orgSpeaker = () => newest(speakers.org, speakers.unknown);
  for (const c of chunks) {
    switch (c.type) {
      case 'pronoun':
        if (c.head === 'he' || c.head === 'she') c.ref = speakers.person?.ref ?? speakers.unknown?.ref ?? mentions.person?.ref ?? null;
        else if (c.head === 'it') c.ref = orgSpeaker() ?? mentions.org?.ref ?? null;
        else c.ref = newest(speakers.org, speakers.group, speakers.unknown, speakers.person);
        break;
      case 'company': {
        const head = c.head ?? '';
        if (GENERIC_ANAPHORS.has(head)) c.ref = asOrg(orgSpeaker() ?? mentions.org?.ref ?? null);
        else c.ref = asOrg(byKeyword.get(HEAD_ALIASES.get(head) ?? head) ?? byKeyword.get(head) ?? c.ref);
        break;
      }
      case 'statement':
        c.ref = asOrg(orgSpeaker() ?? mentions.org?.ref ?? null);
        break;
      case 'role': {
        const role = c.role ?? '';
        if (c.appositive?.ref) {
          c.ref = c.appositive.ref;
          byRole.set(role, c.ref);
        } else {
          // With no earlier holder of the role: a voice speaks for the latest organisation
          // speaker, a person role is the latest person speaker.
          c.ref = byRole.get(role) ?? (VOICE_ROLES.has(role) ? asOrg(orgSpeaker()) : speakers.person?.ref ?? null);
        }
        break;
      }
      default:
        if (c.type === 'group' && c.appositive?.ref) c.ref = c.appositive.ref;
        // "Marsh" after "Mayor Elena Marsh" is the same person.
        if (c.type === 'unknown' && c.ref && surnames.has(c.ref.name.toLowerCase())) {
          c.type = 'person';
          c.ref = { ...c.ref, kind: 'person' };
        }
        if (c.ref?.kind === 'person' && c.b - c.a >= 2) surnames.add((c.ref.name.split(' ').pop() ?? '').toLowerCase());
        if (c.ref) {
          seq++;
          if (c.role !== undefined) byRole.set(c.role, c.ref);
          // "the High Court's order" names the order, not a speaker: not an antecedent.
          if (!c.possessive) for (const k of c.keywords) byKeyword.set(k, c.ref);
          mentions[c.ref.kind] = { ref: c.ref, seq };
        }
    }
    if (c.speaker && c.ref) speakers[c.ref.kind] = { ref: c.ref, seq: ++seq };
  }
}

// ---- quotations -------------------------------------------------------------------------

interface QuotationInfo {
  pieces: number[];
  open: number;
  close: number;
  fragment: boolean;
  openSentence: number;
  closeSentence: number;
  atParagraphStart: boolean;
  speaker: SpeakerMention | null;
}

function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s !== undefined && s.start <= pos ? lo : -1;
}

/** First index whose value is greater than x (values ascending). */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is at least x. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cleanSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let last = 0;
  for (const s of sentences) {
    const start = Math.max(0, Math.floor(s.start));
    const end = Math.min(text.length, Math.floor(s.end));
    if (!(start < end) || start < last) continue;
    out.push({ start, end, paragraph: s.paragraph });
    last = end;
  }
  return out;
}

/** The quotation's marks, found next to its first and last pieces (bounded look-around). */
/** [opening mark, closing mark (or the last quoted character), end of the quoted span]. */
function quotationSpan(text: string, first: UnattributedQuote, last: UnattributedQuote): [number, number, number] {
  let open = first.start;
  let j = first.start - 1;
  const floor = Math.max(0, first.start - 200);
  while (j >= floor && isSpace(text[j])) j--;
  if (j >= floor && isQuoteMark(text[j])) open = j;
  let close = Math.max(open, last.end - 1);
  let k = last.end;
  const ceiling = Math.min(text.length, last.end + 200);
  while (k < ceiling && (isSpace(text[k]) || text[k] === ',')) k++;
  const closed = k < ceiling && isQuoteMark(text[k]);
  if (closed) close = k;
  return [open, close, closed ? close + 1 : last.end];
}

function mentionOf(text: string, cue: Cue): SpeakerMention | null {
  const c = cue.chunk;
  if (!c.ref) return null;
  let how: SpeakerMention['how'];
  if (c.type === 'pronoun') how = 'pronoun';
  else if (c.statement || c.type === 'statement') how = 'statement';
  else if (c.type === 'role' || c.type === 'company') how = 'role';
  else if (c.sources) how = 'sources';
  else how = cue.how ?? 'explicit';
  return { name: c.ref.name, start: c.start, end: c.end, text: text.slice(c.start, c.end), how };
}

/**
 * Fills in who said each quote. For each quotation (all its pieces share the speaker): a cue
 * after its closing mark in the same sentence (“…,” X said / said X / according to X), else
 * the last cue before its opening mark in the sentence (X said: “…”), else — for full quotes,
 * not fragments — the nearest cue before it in the paragraph, then the first after it. A
 * quotation opening a paragraph with no cue inherits the speaker of the quotation in the
 * paragraph just before (news convention). Pronouns, roles, "the company" and "the
 * statement" are resolved to earlier phrases outside quotes; when nothing is found, or an
 * anaphor has no antecedent, the speaker is null. Linear in the text.
 *
 * @example
 * const text = 'Police Commissioner Anil Rao spoke first. "We are in control," he said.';
 * const [quote] = attributeQuotes(text, [{ start: 43, end: 60, text: 'We are in control', quotation: 0, fragment: false }], splitSentences(text));
 * quote?.speaker; // { name: 'Police Commissioner Anil Rao', start: 63, end: 65, text: 'he', how: 'pronoun' }
 */
export function attributeQuotes(
  text: string,
  quotes: readonly UnattributedQuote[],
  sentences: readonly Sentence[],
): QuoteMention[] {
  const clean = cleanSentences(text, sentences);
  // Group the pieces into quotations, in document order.
  const byId = new Map<number, QuotationInfo>();
  const order = quotes.map((_, i) => i).sort((x, y) => (quotes[x] as UnattributedQuote).start - (quotes[y] as UnattributedQuote).start);
  const infos: QuotationInfo[] = [];
  for (const i of order) {
    const q = quotes[i] as UnattributedQuote;
    let info = byId.get(q.quotation);
    if (!info) {
      info = { pieces: [], open: 0, close: 0, fragment: q.fragment, openSentence: -1, closeSentence: -1, atParagraphStart: false, speaker: null };
      byId.set(q.quotation, info);
      infos.push(info);
    }
    info.pieces.push(i);
  }
  const spans: [number, number][] = [];
  for (const info of infos) {
    const first = quotes[info.pieces[0] as number] as UnattributedQuote;
    const last = quotes[info.pieces[info.pieces.length - 1] as number] as UnattributedQuote;
    const [open, close, end] = quotationSpan(text, first, last);
    info.open = open;
    info.close = close;
    info.openSentence = sentenceIndexAt(clean, open);
    info.closeSentence = sentenceIndexAt(clean, close);
    const s = clean[info.openSentence];
    const prev = clean[info.openSentence - 1];
    info.atParagraphStart = s !== undefined && s.start === open && (prev === undefined || prev.paragraph !== s.paragraph);
    const lastSpan = spans[spans.length - 1];
    if (lastSpan !== undefined && open < lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], end);
    else spans.push([open, end]);
  }

  const t = tokenize(text, spans, clean);
  const cls = new Uint8Array(t.start.length);
  for (let i = 0; i < cls.length; i++) cls[i] = classOf(t, i);
  const chunks = chunkTokens(text, t, cls);
  linkAppositives(t, chunks);
  const cues = findCues(t, cls, chunks, clean);
  resolve(chunks);
  const cuePos = cues.map((c) => c.pos);
  const spanStarts = spans.map((s) => s[0]);

  const paragraphOf = (sentence: number) => clean[sentence]?.paragraph ?? Number.NaN;
  let previous: QuotationInfo | undefined;
  for (const info of infos) {
    let cue: Cue | undefined;
    // After the closing mark, in its sentence, before any other quotation.
    const nextQuote = spans[upperBound(spanStarts, info.close)]?.[0] ?? Infinity;
    for (let k = upperBound(cuePos, info.close), seen = 0; k < cues.length && seen < MAX_CUES; k++, seen++) {
      const c = cues[k] as Cue;
      if (c.sentence !== info.closeSentence || c.first >= nextQuote) break;
      if (c.first <= info.close) continue; // a subject before the quote ("Twitter, which …")
      if (info.fragment && !onlyCommas(text, info.close + 1, c.first)) break;
      cue = c;
      break;
    }
    // Before the opening mark, in its sentence.
    const before = lowerBound(cuePos, info.open) - 1;
    const b = cues[before];
    if (!cue && b !== undefined && b.sentence === info.openSentence && info.openSentence >= 0) cue = b;
    if (!cue && !info.fragment) {
      // The paragraph: the nearest cue before, then the first after.
      if (b !== undefined && b.paragraph === paragraphOf(info.openSentence)) cue = b;
      for (let k = upperBound(cuePos, info.close), seen = 0; !cue && k < cues.length && seen < MAX_CUES; k++, seen++) {
        const c = cues[k] as Cue;
        if (c.paragraph !== paragraphOf(info.closeSentence)) break;
        if (c.first > info.close) cue = c;
      }
    }
    if (cue) info.speaker = mentionOf(text, cue);
    else if (
      !info.fragment &&
      info.atParagraphStart &&
      previous?.speaker &&
      paragraphOf(previous.closeSentence) === paragraphOf(info.openSentence) - 1
    ) {
      info.speaker = previous.speaker;
    }
    if (!info.fragment) previous = info;
  }

  const speakerOf = new Map<number, SpeakerMention | null>();
  for (const info of infos) for (const i of info.pieces) speakerOf.set(i, info.speaker);
  return quotes.map((q, i) => ({
    start: q.start,
    end: q.end,
    text: q.text,
    quotation: q.quotation,
    fragment: q.fragment,
    speaker: speakerOf.get(i) ?? null,
  }));
}

/** Only spaces and commas in [from, to), with a short bound: “…,” X said. */
function onlyCommas(text: string, from: number, to: number): boolean {
  if (to - from > 20) return false;
  for (let k = from; k < to; k++) if (!isSpace(text[k]) && text[k] !== ',') return false;
  return true;
}
