import type { QuoteMention, SpeakerMention } from './quotes.js';
import { partitionPoint } from './search.js';
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
// Verbs that give a figure, not words: "police put the toll at 18". Cues for counts only.
const FIGURE_VERBS = new Set(['put', 'puts', 'pegged', 'pegs', 'estimated', 'estimates']);
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

// One bit per word list: a token's word is looked up once, in WORD_FLAGS.
const F_SPEECH = 1 << 0;
const F_PARTICIPLE = 1 << 1;
const F_ADVERB = 1 << 2;
const F_WEEKDAY = 1 << 3;
const F_PRONOUN = 1 << 4;
const F_DETERMINER = 1 << 5;
const F_CONNECTOR = 1 << 6;
const F_ROLE = 1 << 7;
const F_TITLE = 1 << 8;
const F_TITLE_ABBREVIATION = 1 << 9;
const F_GROUP = 1 << 10;
const F_ORG_ANAPHOR = 1 << 11;
const F_CHARACTERISING = 1 << 12;
const F_STATEMENT = 1 << 13;
const F_ORG_KEYWORD = 1 << 14;
const F_HEAD = 1 << 15;
const F_MODIFIER = 1 << 16;
const F_CAPITALISED_STOPWORD = 1 << 17;
/** A word some rule compares a token with ("whose", "according"): its token keeps the word. */
const F_KEYWORD = 1 << 18;
const F_ACCORDING = 1 << 19;
const F_FIGURE = 1 << 20;
const KEYWORDS = [
  'a', 'an', 'the', 'its', 'this', 'and', 'in', 'on', 'to', 'from', 'by', 'which', 'who', 'whose', 'according',
  'told', 'tells', 'telling', 'he', 'she', 'it', 'government', 'centre', 'source', 'sources',
];
/** Not a name when capitalised: a role, organisation, modifier, group or statement word. */
const F_NOT_NAME = F_ROLE | F_ORG_ANAPHOR | F_MODIFIER | F_GROUP | F_STATEMENT;
/** A cue verb: speech verb, participle or characterising verb. */
const F_CUE_VERB = F_SPEECH | F_PARTICIPLE | F_CHARACTERISING;

const WORD_FLAGS = new Map<string, number>();
for (const [words, flag] of [
  [SPEECH_VERBS, F_SPEECH],
  [PARTICIPLES, F_PARTICIPLE],
  [ADVERBS, F_ADVERB],
  [WEEKDAYS, F_WEEKDAY],
  [PRONOUNS, F_PRONOUN],
  [DETERMINERS, F_DETERMINER],
  [CONNECTORS, F_CONNECTOR],
  [ROLES.keys(), F_ROLE],
  [TITLES, F_TITLE],
  [TITLE_ABBREVIATIONS, F_TITLE_ABBREVIATION],
  [GROUPS, F_GROUP],
  [ORG_ANAPHORS, F_ORG_ANAPHOR],
  [CHARACTERISING, F_CHARACTERISING],
  [STATEMENTS, F_STATEMENT],
  [ORG_KEYWORDS, F_ORG_KEYWORD],
  [HEADS, F_HEAD],
  [MODIFIERS, F_MODIFIER],
  [CAPITALISED_STOPWORDS, F_CAPITALISED_STOPWORD],
  [KEYWORDS, F_KEYWORD],
  [['according'], F_ACCORDING],
  [FIGURE_VERBS, F_FIGURE],
] as [Iterable<string>, number][]) {
  for (const w of words) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | flag);
}

/**
 * Whether a lower-case word is a speech verb or its participle ("said", "tweeted", "adding").
 *
 * @example
 * isSpeechVerb('said'); // true
 * isSpeechVerb('adding'); // true
 * isSpeechVerb('blocked'); // false
 */
export function isSpeechVerb(word: string): boolean {
  return ((WORD_FLAGS.get(word) ?? 0) & (F_SPEECH | F_PARTICIPLE)) !== 0;
}

// ---- characters ------------------------------------------------------------------------

// What a UTF-16 code unit is, cached per code unit: ASCII up front, the rest on first sight
// (the Unicode property tests run once per distinct character, never per occurrence).
const K_KNOWN = 1;
const K_SPACE = 2;
const K_WORD = 4;
const K_LETTER = 8;
const K_UPPER = 16;
const CHAR_KINDS = new Uint8Array(0x10000);

function computeKind(code: number): number {
  const ch = String.fromCharCode(code);
  let kind = K_KNOWN;
  if (code < 0x80) {
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) kind |= K_SPACE;
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) kind |= K_WORD | K_LETTER;
    if (code >= 0x30 && code <= 0x39) kind |= K_WORD;
    if (code >= 0x41 && code <= 0x5a) kind |= K_UPPER;
    return kind;
  }
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) kind |= K_UPPER;
  if (code <= 0xff) {
    // Latin-1: no-break space; ª µ º and À–ÿ but × ÷ are letters; ² ³ ¹ ¼ ½ ¾ are numbers.
    if (code === 0xa0) return kind | K_SPACE;
    if (code === 0xaa || code === 0xb5 || code === 0xba || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)) return kind | K_WORD | K_LETTER;
    if (code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe)) return kind | K_WORD;
    return kind;
  }
  if (code >= 0x2000 && code <= 0x206f) {
    // General punctuation (dashes, curly quotes, ellipsis): spaces, the rest no word characters.
    if (code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f) return kind | K_SPACE;
    return kind;
  }
  if (/\s/u.test(ch)) kind |= K_SPACE;
  if (/[\p{L}\p{N}\p{M}]/u.test(ch)) kind |= K_WORD;
  if (/\p{L}/u.test(ch)) kind |= K_LETTER;
  return kind;
}

// ASCII, Latin-1 and general punctuation (curly quotes, dashes) up front: no call on first sight.
for (let c = 0; c < 0x100; c++) CHAR_KINDS[c] = computeKind(c);
for (let c = 0x2000; c < 0x2070; c++) CHAR_KINDS[c] = computeKind(c);

/** The K_* bits of a code unit. */
function charKind(code: number): number {
  const kind = CHAR_KINDS[code] as number;
  if (kind !== 0) return kind;
  const computed = computeKind(code);
  CHAR_KINDS[code] = computed;
  return computed;
}

/** Space: ASCII space, tab, line feed, carriage return, or any Unicode space above ASCII. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x20) return true;
  if (c !== c) return false; // out of range
  return (((CHAR_KINDS[c] as number) || charKind(c)) & K_SPACE) !== 0;
}

/** Letter, digit or combining mark (one UTF-16 unit). */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== c) return false; // out of range
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return (((CHAR_KINDS[c] as number) || charKind(c)) & K_WORD) !== 0;
}

/** A letter (one UTF-16 unit). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== c) return false; // out of range
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return (((CHAR_KINDS[c] as number) || charKind(c)) & K_LETTER) !== 0;
}

function isQuoteMarkCode(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

function isPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73) return false;
  const c = word.charCodeAt(n - 2);
  return c === 0x27 || c === 0x2019;
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

/** `type` and `sentence` of the two slots after the last token: they equal no real value. */
const NO_TYPE = 255;
const NO_SENTENCE = -3;

/** A tokenized text: the buffer's columns, how many tokens, and how many keys. */
interface Tokens extends Pick<TokenBuffer, 'start' | 'end' | 'type' | 'word' | 'cap' | 'acronym' | 'possessive' | 'sentence' | 'flags' | 'baseFlags' | 'cls' | 'keys'> {
  text: string;
  /**
   * How many tokens. `word` holds exactly that many; the typed arrays may be longer: their two
   * slots after the last token read as no token (NO_TYPE, NO_SENTENCE, no flags), as reading
   * past the end of an array would.
   */
  n: number;
  keyCount: number;
}

const NO_CLASS = 255;

/** The word of a plain word on no list. */
const OTHER_WORD = '\u0000word';

/** The token's word without a possessive "'s" (lower case). */
function baseOf(t: Tokens, k: number): string {
  if (t.possessive[k] === 0) return t.word[k] as string;
  const w = t.word[k] as string;
  if (w !== OTHER_WORD) return w.slice(0, -2);
  return t.text.slice(t.start[k], (t.end[k] as number) - 2).toLowerCase();
}

// ---- the lexicon: every listed word, found by a hash of its lower-case letters ----------

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const LEXICON: string[] = [...WORD_FLAGS.keys()];
const LEXICON_FLAGS = Int32Array.from(LEXICON, (w) => WORD_FLAGS.get(w) ?? 0);
const LEXICON_SIZE = 4096; // a power of two, several times the lexicon
const LEXICON_SLOT = new Int16Array(LEXICON_SIZE).fill(-1);
const LEXICON_HASH = new Int32Array(LEXICON_SIZE);
/** One-character strings of the lower-case ASCII letters and digits, by code. */
const ONE_CHARACTER: string[] = [];

function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), HASH_PRIME);
  return h;
}

for (let index = 0; index < LEXICON.length; index++) {
  const h = hashWord(LEXICON[index] as string);
  let slot = (h ^ (h >>> 16)) & (LEXICON_SIZE - 1);
  while ((LEXICON_SLOT[slot] as number) >= 0) slot = (slot + 1) & (LEXICON_SIZE - 1);
  LEXICON_SLOT[slot] = index;
  LEXICON_HASH[slot] = h;
}
for (let c = 0; c < 0x80; c++) ONE_CHARACTER.push(String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c));

/**
 * Index in LEXICON of the plain word text[start, start + length) (hash h of its lower-case
 * characters), or -1.
 */
function lexiconIndex(text: string, start: number, length: number, h: number): number {
  let slot = (h ^ (h >>> 16)) & (LEXICON_SIZE - 1);
  for (;;) {
    const index = LEXICON_SLOT[slot] as number;
    if (index < 0) return -1;
    if (LEXICON_HASH[slot] === h) {
      const w = LEXICON[index] as string;
      if (w.length === length) {
        let k = 0;
        for (; k < length; k++) {
          const c = text.charCodeAt(start + k);
          if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== w.charCodeAt(k)) break;
        }
        if (k === length) return index;
      }
    }
    slot = (slot + 1) & (LEXICON_SIZE - 1);
  }
}

// ---- tokens -----------------------------------------------------------------------------

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Token storage filled by {@link tokenize}: typed arrays grown ahead of need. */
class TokenBuffer {
  capacity: number;
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  /** Starts with a capital letter (1) or not (0). */
  cap: Uint8Array;
  /** All capitals, two letters or more: "IT" is not "it". */
  acronym: Uint8Array;
  /** Ends in a possessive "'s" or "’s" (1) or not (0). */
  possessive: Uint8Array;
  sentence: Int32Array;
  /** WORD_FLAGS of the word, and of its possessive's owner ("twitter's" → "twitter"). */
  flags: Int32Array;
  baseFlags: Int32Array;
  /** Noun-phrase class of each token (NO_CLASS in the two slots after the last). */
  cls: Uint8Array;
  /**
   * The tokens that may matter to phrases and cues, ascending: every token of a class, every
   * quotation, speech verb and "according"; those left out are words of no class and
   * punctuation, which only separate phrases.
   */
  keys: Int32Array;
  /**
   * Words by token, then two '' past the last token. The punctuation character, '' for a
   * quotation; for a word, its lower-case form when it is one character long, on a word list or
   * not plain ASCII, else OTHER_WORD: no rule reads the letters of a word that is on no list.
   */
  word: string[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.cap = new Uint8Array(capacity);
    this.acronym = new Uint8Array(capacity);
    this.possessive = new Uint8Array(capacity);
    this.sentence = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.baseFlags = new Int32Array(capacity);
    this.cls = new Uint8Array(capacity);
    this.keys = new Int32Array(capacity);
  }

  /** Room for `need` tokens and the two slots after them. */
  reserve(need: number): void {
    if (need + 2 <= this.capacity) return;
    const size = Math.max(need + 2, this.capacity * 2);
    this.capacity = size;
    this.start = grow(this.start, size);
    this.end = grow(this.end, size);
    this.type = grow(this.type, size);
    this.cap = grow(this.cap, size);
    this.acronym = grow(this.acronym, size);
    this.possessive = grow(this.possessive, size);
    this.sentence = grow(this.sentence, size);
    this.flags = grow(this.flags, size);
    this.baseFlags = grow(this.baseFlags, size);
    this.cls = grow(this.cls, size);
    this.keys = grow(this.keys, size);
  }
}

/** One buffer serves every call (attribution is not re-entrant); a very large one is let go. */
let sharedBuffer: TokenBuffer | null = null;

/**
 * The word of text[i, j) (a word token), its flags, possessive's flags, and case, written at
 * token m of the buffer.
 */
function writeWord(b: TokenBuffer, m: number, text: string, i: number, j: number): void {
  const w = text.slice(i, j).toLowerCase();
  const cap = (charKind(text.charCodeAt(i)) & K_UPPER) !== 0;
  const f = WORD_FLAGS.get(w) ?? 0;
  const possessive = isPossessive(w);
  b.word[m] = w;
  b.cap[m] = cap ? 1 : 0;
  b.acronym[m] = cap && j - i >= 2 && text.slice(i, j) === w.toUpperCase() ? 1 : 0;
  b.possessive[m] = possessive ? 1 : 0;
  b.flags[m] = f;
  b.baseFlags[m] = possessive ? (WORD_FLAGS.get(w.slice(0, -2)) ?? 0) : f;
}

// What scanWord found besides the word's end: whether it is plain (ASCII and ’ ‐), the hash of
// its lower-case characters and of all but its last two (the owner of a possessive), and how
// many lower-case ASCII letters it has.
let scanPlain = true;
let scanHash = HASH_SEED;
let scanOwnerHash = HASH_SEED;
let scanLowers = 0;

/**
 * The end of the word starting at i (a word character), not past limit: letters, digits and
 * marks, joined by ' ’ - ‐ before another such character. Small, so it is optimised early.
 */
function scanWord(text: string, i: number, limit: number): number {
  let h = HASH_SEED;
  let h1 = HASH_SEED;
  let h2 = HASH_SEED;
  let plain = true;
  let lowers = 0;
  let j = i;
  while (j < limit) {
    const d = text.charCodeAt(j);
    const dk = (CHAR_KINDS[d] as number) || charKind(d);
    if ((dk & K_WORD) !== 0) {
      if (d >= 0x80) plain = false;
      else {
        h2 = h1;
        h1 = h;
        if ((dk & K_UPPER) !== 0) h = Math.imul(h ^ (d + 0x20), HASH_PRIME);
        else {
          if (d >= 0x61) lowers++;
          h = Math.imul(h ^ d, HASH_PRIME);
        }
      }
      j++;
      continue;
    }
    if ((d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x2010) && j + 1 < limit && isWordCharAt(text, j + 1)) {
      const e = text.charCodeAt(j + 1);
      h2 = h;
      h = Math.imul(h ^ d, HASH_PRIME);
      h1 = h;
      if (e >= 0x80) plain = false;
      else if (e >= 0x41 && e <= 0x5a) h = Math.imul(h ^ (e + 0x20), HASH_PRIME);
      else {
        if (e >= 0x61) lowers++;
        h = Math.imul(h ^ e, HASH_PRIME);
      }
      j += 2;
      continue;
    }
    break;
  }
  scanPlain = plain;
  scanHash = h;
  scanOwnerHash = h2;
  scanLowers = lowers;
  return j;
}

/** A plain word at token m (ASCII and ’ ‐; scanWord has just read it): its word, flags and case. */
function writePlainWord(b: TokenBuffer, m: number, text: string, i: number, j: number): void {
  const length = j - i;
  const index = lexiconIndex(text, i, length, scanHash);
  const c = text.charCodeAt(i);
  const upper = c >= 0x41 && c <= 0x5a;
  const f = index >= 0 ? (LEXICON_FLAGS[index] as number) : 0;
  b.word[m] = index >= 0 ? (LEXICON[index] as string) : length === 1 ? (ONE_CHARACTER[c] as string) : OTHER_WORD;
  b.cap[m] = upper ? 1 : 0;
  b.acronym[m] = upper && length >= 2 && scanLowers === 0 ? 1 : 0;
  b.flags[m] = f;
  const last2 = text.charCodeAt(j - 2);
  if (length >= 2 && (text.charCodeAt(j - 1) | 0x20) === 0x73 && (last2 === 0x27 || last2 === 0x2019)) {
    b.possessive[m] = 1;
    const owner = lexiconIndex(text, i, length - 2, scanOwnerHash);
    b.baseFlags[m] = owner >= 0 ? (LEXICON_FLAGS[owner] as number) : 0;
  } else {
    b.possessive[m] = 0;
    b.baseFlags[m] = f;
  }
}

/**
 * Sets the class of word token m; returns 1 when it is a key token, 2 for an "in" (a key whose
 * class waits for the tokens after it), else 0.
 */
function wordKey(b: TokenBuffer, m: number): number {
  const f = b.flags[m] as number;
  if ((f | (b.baseFlags[m] as number)) === 0 && b.cap[m] === 0) {
    b.cls[m] = C_NONE; // no list word, no capital
    return 0;
  }
  const wc = wordClass(b, m);
  b.cls[m] = wc;
  if (wc !== C_NONE || (f & (F_CUE_VERB | F_ACCORDING | F_FIGURE)) !== 0) return 1;
  return b.word[m] === 'in' ? 2 : 0;
}

/**
 * The noun-phrase class of word token m (not "in", whose class depends on the tokens after it:
 * see {@link inClass}), from its flags, case and the token before it.
 */
function wordClass(b: TokenBuffer, m: number): number {
  const f = b.flags[m] as number;
  if ((f & F_DETERMINER) !== 0) return C_DET;
  if ((f & F_PRONOUN) !== 0 && b.acronym[m] === 0) return C_PRON;
  if (b.cap[m] === 1 && (f & F_CAPITALISED_STOPWORD) === 0) return C_NAME;
  if ((f & F_CONNECTOR) !== 0) return C_CONN;
  const w = b.word[m] as string;
  // "a statement from X"
  if ((w === 'from' || w === 'by') && m > 0 && b.type[m - 1] === WORD && ((b.baseFlags[m - 1] as number) & F_STATEMENT) !== 0) return C_CONN;
  if (((b.baseFlags[m] as number) & F_HEAD) !== 0) return C_HEAD;
  if ((f & F_MODIFIER) !== 0) return C_MOD;
  return C_NONE;
}

/** The class of an "in" (token m, on no earlier rule): "Twitter in its statement"; "sources in the secretariat". */
function inClass(b: TokenBuffer, m: number): number {
  const type = b.type;
  if (type[m + 1] === WORD && ((b.flags[m + 1] as number) & F_DETERMINER) !== 0 && ((b.baseFlags[m + 2] as number) & F_STATEMENT) !== 0) return C_IN;
  if (m > 0 && type[m - 1] === WORD && ((b.baseFlags[m - 1] as number) & (F_GROUP | F_ROLE)) !== 0) return C_IN;
  return C_NONE;
}

/**
 * Words, punctuation and whole quotations (one token each, so names inside quotes never
 * become speakers), each with its sentence and noun-phrase class. One pass over the
 * characters; a plain ASCII word is looked up by a hash of its letters, with no string made
 * for it unless it is listed.
 */
function tokenize(text: string, spans: readonly [number, number][], sentences: readonly Sentence[]): Tokens {
  const n = text.length;
  if (sharedBuffer === null || sharedBuffer.capacity > 1 << 20) sharedBuffer = new TokenBuffer(4096);
  const scan = new TokenScan(sharedBuffer, text, sentences);
  let span = 0;
  let next = spans.length > 0 ? spans[0] : undefined;
  let limit = next !== undefined ? next[0] : n;
  let i = 0;
  while (i < n) {
    if (i >= limit && next !== undefined) {
      if (i < next[1]) {
        scan.quote(next[0], next[1]);
        i = next[1];
      }
      span++;
      next = span < spans.length ? spans[span] : undefined;
      limit = next !== undefined ? next[0] : n;
      continue;
    }
    i = scan.gap(i, limit);
  }
  return scan.done();
}

/**
 * Fills a TokenBuffer for {@link tokenize}: token by token, with the sentence of ascending
 * positions (sentences[k] spans [sStart, sEnd)). Its methods are small, so they are optimised
 * early.
 */
class TokenScan {
  /** Tokens so far, key tokens so far. */
  m = 0;
  keyCount = 0;
  /** "in" tokens, classed once the tokens after them are known. */
  ins: number[] | null = null;
  k = 0;
  sStart: number;
  sEnd: number;
  readonly word: string[];

  constructor(
    readonly b: TokenBuffer,
    readonly text: string,
    readonly sentences: readonly Sentence[],
  ) {
    const first = sentences[0];
    this.sStart = first !== undefined ? first.start : 0;
    this.sEnd = first !== undefined ? first.end : 0;
    this.word = b.word;
  }

  /** The sentence holding pos (positions only grow), or -1. */
  private sentenceAt(pos: number): number {
    const sentences = this.sentences;
    const ns = sentences.length;
    let k = this.k;
    if (this.sEnd <= pos && k < ns) {
      do k++;
      while (k < ns && (sentences[k] as Sentence).end <= pos);
      this.k = k;
      if (k < ns) {
        this.sStart = (sentences[k] as Sentence).start;
        this.sEnd = (sentences[k] as Sentence).end;
      }
    }
    return k < ns && this.sStart <= pos ? k : -1;
  }

  /** A new token at pos: its index, with room made for it and the two slots after. */
  private open(pos: number): number {
    const m = this.m;
    const b = this.b;
    if (m + 3 > b.capacity) b.reserve(m + 1);
    b.start[m] = pos;
    b.sentence[m] = this.sentenceAt(pos);
    return m;
  }

  /** A quotation [start, end): one token. */
  quote(start: number, end: number): void {
    const b = this.b;
    const m = this.m;
    if (m + 3 > b.capacity) b.reserve(m + 1);
    b.start[m] = start;
    b.sentence[m] = this.sentenceAt(end - 1);
    b.end[m] = end;
    b.type[m] = QUOTE;
    this.word[m] = '';
    b.cap[m] = 0;
    b.acronym[m] = 0;
    b.possessive[m] = 0;
    b.flags[m] = 0;
    b.baseFlags[m] = 0;
    b.cls[m] = C_NONE;
    b.keys[this.keyCount++] = m;
    this.m = m + 1;
  }

  /** The tokens of [i, limit), no quotation in it; returns limit. */
  gap(i: number, limit: number): number {
    const text = this.text;
    while (i < limit) {
      const c = text.charCodeAt(i);
      const kind = (CHAR_KINDS[c] as number) || charKind(c);
      if ((kind & K_SPACE) !== 0) i++;
      else if ((kind & K_WORD) !== 0) i = this.wordAt(i, limit);
      else {
        this.punct(i, c);
        i++;
      }
    }
    return i;
  }

  /** Punctuation: one character. */
  private punct(i: number, c: number): void {
    const m = this.open(i);
    const b = this.b;
    const type = b.type;
    b.end[m] = i + 1;
    type[m] = PUNCT;
    this.word[m] = this.text[i] as string;
    b.cap[m] = 0;
    b.acronym[m] = 0;
    b.possessive[m] = 0;
    b.flags[m] = 0;
    b.baseFlags[m] = 0;
    let pc = C_NONE;
    if (c === 0x26) pc = C_CONN; // "&"
    else if (c === 0x2e && m > 0 && type[m - 1] === WORD && b.end[m - 1] === i) {
      // The full stop of an initial or a title: "P. K. Jena", "Mr. Rao".
      if (((this.word[m - 1] as string).length === 1 && b.cap[m - 1] === 1) || ((b.flags[m - 1] as number) & F_TITLE_ABBREVIATION) !== 0) pc = C_DOT;
    }
    b.cls[m] = pc;
    if (pc !== C_NONE) b.keys[this.keyCount++] = m;
    this.m = m + 1;
  }

  /** The word starting at i; returns where to go on (after the word and one space after it). */
  private wordAt(i: number, limit: number): number {
    const text = this.text;
    const m = this.open(i);
    const b = this.b;
    const j = scanWord(text, i, limit);
    b.end[m] = j;
    b.type[m] = WORD;
    if (scanPlain) writePlainWord(b, m, text, i, j);
    else writeWord(b, m, text, i, j);
    // Its class; "in" waits for the tokens after it.
    const key = wordKey(b, m);
    if (key !== 0) {
      b.keys[this.keyCount++] = m;
      if (key === 2) (this.ins ??= []).push(m);
    }
    this.m = m + 1;
    // The space after a word, skipped here rather than by another turn of the loop.
    return j < limit && text.charCodeAt(j) === 0x20 ? j + 1 : j;
  }

  done(): Tokens {
    const b = this.b;
    const m = this.m;
    const word = this.word;
    word.length = m;
    word.push('', ''); // read as no word, as reading past the end would
    b.reserve(m);
    for (let s = m; s < m + 2; s++) {
      b.type[s] = NO_TYPE;
      b.sentence[s] = NO_SENTENCE;
      b.cap[s] = 0;
      b.acronym[s] = 0;
      b.possessive[s] = 0;
      b.flags[s] = 0;
      b.baseFlags[s] = 0;
      b.cls[s] = NO_CLASS;
    }
    const ins = this.ins;
    if (ins !== null) for (let k = 0; k < ins.length; k++) b.cls[ins[k] as number] = inClass(b, ins[k] as number);
    const { start, end, type, cap, acronym, possessive, sentence, flags, baseFlags, cls, keys } = b;
    return { text: this.text, n: m, start, end, type, word, cap, acronym, possessive, sentence, flags, baseFlags, cls, keys, keyCount: this.keyCount };
  }
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

/** White space other than a lone space: only then does a name need collapsing. */
const NEEDS_COLLAPSE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** Runs of white space as single spaces. */
function collapse(s: string): string {
  return NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/gu, ' ') : s;
}

/** The phrase as a name: single spaces, a leading article lower-cased before a common noun. */
function displayName(text: string, t: Tokens, a: number, b: number): string {
  let name = collapse(text.slice(t.start[a], t.end[b - 1]));
  if (t.possessive[b - 1] === 1 && name.length > 2) name = name.slice(0, -2);
  const first = t.word[a] as string;
  // Not the initial of "A. K. Sharma" / "A.K. Sharma": a dot follows it.
  if ((first === 'a' || first === 'an' || first === 'the') && b > a + 1 && !t.cap[a + 1] && t.type[a + 1] === WORD) {
    name = first + name.slice(first.length);
  }
  return name;
}

/** A capitalised token that is a name, not a capitalised role or organisation word ("the Collector"). */
function isRealName(t: Tokens, cls: Uint8Array, k: number): boolean {
  return cls[k] === C_NAME && ((t.baseFlags[k] as number) & F_NOT_NAME) === 0;
}

/** The organisation keywords among the (possessive-stripped) words of [a, b). */
function orgKeywords(t: Tokens, a: number, b: number): string[] {
  let out: string[] = NO_KEYWORDS;
  for (let k = a; k < b; k++) {
    if (((t.baseFlags[k] as number) & F_ORG_KEYWORD) === 0) continue;
    if (out === NO_KEYWORDS) out = [];
    out.push(baseOf(t, k));
  }
  return out;
}

/** The keywords of a phrase with none: shared, never written. */
const NO_KEYWORDS: string[] = [];

function classify(text: string, t: Tokens, cls: Uint8Array, a: number, b: number): Chunk {
  const chunk: Chunk = {
    start: t.start[a] as number,
    end: t.end[b - 1] as number,
    a,
    b,
    type: 'unknown',
    ref: null,
    role: undefined,
    head: undefined,
    keywords: NO_KEYWORDS,
    statement: false,
    sources: false,
    speaker: false,
    appositive: undefined,
    possessive: t.possessive[b - 1] === 1,
  };
  if (b === a + 1 && cls[a] === C_PRON) {
    chunk.type = 'pronoun';
    chunk.head = t.word[a] as string;
    return chunk;
  }
  // (Each step is its own small function: small functions are optimised early.)
  const core = coreEnd(t, cls, chunk, a, b);
  if (statementFrom(text, t, cls, chunk, a, core)) return chunk;
  const end = beforeStatement(t, cls, chunk, a, core);
  if (end === a) {
    chunk.type = 'statement';
    return chunk;
  }
  const firstName = firstRealName(t, cls, a, end);
  if (firstName < 0) classifyNameless(text, t, chunk, a, end);
  else classifyNamed(text, t, cls, chunk, a, end, firstName);
  return chunk;
}

/** "Twitter in its statement", "sources in the secretariat": the core is before "in". */
function coreEnd(t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, b: number): number {
  for (let k = a + 1; k < b; k++) {
    if (cls[k] === C_IN) {
      if ((((t.baseFlags[k + 2] ?? 0) as number) & F_STATEMENT) !== 0) chunk.statement = true;
      return k;
    }
  }
  return b;
}

/** "a statement from the Authority": the organisation follows the statement. */
function statementFrom(text: string, t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, end: number): boolean {
  for (let k = a; k + 2 < end; k++) {
    if (((t.baseFlags[k] as number) & F_STATEMENT) !== 0 && cls[k + 1] === C_CONN) {
      let s = k + 2;
      while (s < end && cls[s] === C_DET) s++;
      if (s < end && cls[s] === C_NAME) {
        chunk.statement = true;
        const org = displayName(text, t, s, end);
        chunk.type = 'org';
        chunk.ref = { name: org, kind: 'org', org };
        chunk.keywords = orgKeywords(t, s, end);
        return true;
      }
    }
  }
  return false;
}

/** "Twitter's statement", "the company's statement", "the statement": the phrase before it (a when none). */
function beforeStatement(t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, end: number): number {
  if (((t.baseFlags[end - 1] as number) & F_STATEMENT) === 0) return end;
  chunk.statement = true;
  end--;
  while (end > a && (cls[end - 1] === C_DET || cls[end - 1] === C_CONN || cls[end - 1] === C_MOD)) end--;
  return end;
}

/** The first real name in [a, end), or -1. */
function firstRealName(t: Tokens, cls: Uint8Array, a: number, end: number): number {
  for (let k = a; k < end; k++) if (isRealName(t, cls, k)) return k;
  return -1;
}

/** A phrase with no name: "the company", "the spokesperson", "police", "a senior official". */
function classifyNameless(text: string, t: Tokens, chunk: Chunk, a: number, end: number): void {
  const last = baseOf(t, end - 1);
  const lastFlags = t.baseFlags[end - 1] as number;
  const first = baseOf(t, a);
  const definite = first === 'the' || first === 'its' || first === 'this';
  if ((lastFlags & F_ORG_ANAPHOR) !== 0 && definite) {
    chunk.type = 'company';
    chunk.head = last;
    // Without an earlier phrase of the same head, "the ministry" names itself.
    const own = displayName(text, t, a + 1, end);
    chunk.ref = { name: own, kind: 'org', org: own };
  } else if (chunk.statement) {
    chunk.type = 'statement';
  } else if ((lastFlags & F_ROLE) !== 0 && definite) {
    chunk.type = 'role';
    chunk.role = ROLES.get(last);
  } else {
    // "police", "officials", "a senior official", "the government": named by the phrase itself.
    const name = displayName(text, t, first === 'the' && end > a + 1 ? a + 1 : a, end);
    chunk.type = (lastFlags & (F_GROUP | F_ROLE)) !== 0 ? 'group' : 'org';
    if (last === 'government' || last === 'centre') chunk.type = 'org';
    chunk.sources = last === 'sources' || last === 'source';
    chunk.ref = chunk.type === 'org' ? { name, kind: 'org', org: name } : { name, kind: 'group' };
    // "a senior official said … the official said": an antecedent for its role ("as minister" is not).
    if ((lastFlags & F_ROLE) !== 0 && (first === 'a' || first === 'an')) chunk.role = ROLES.get(last);
  }
}

/** A phrase with a name in it (firstName the first): a person, organisation, group or unknown. */
function classifyNamed(text: string, t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, end: number, firstName: number): void {
  const name = displayName(text, t, a, end);
  chunk.keywords = orgKeywords(t, a, end);
  if (roleOfName(text, t, cls, chunk, a, end, name)) return;
  // "Twitter's spokesperson", "a Twitter spokesperson", "Twitter CEO".
  const lastFlags = t.baseFlags[end - 1] as number;
  const lastRole = (lastFlags & F_ROLE) !== 0 ? ROLES.get(baseOf(t, end - 1)) : undefined;
  if (lastRole !== undefined && firstName < end - 1) {
    const org = displayName(text, t, firstName, end - 1);
    if (VOICE_ROLES.has(lastRole)) {
      chunk.role = lastRole;
      chunk.type = 'org';
      chunk.ref = { name, kind: 'org', org };
    } else {
      chunk.type = 'person';
      chunk.ref = { name, kind: 'person', org };
    }
    return;
  }
  if (titledName(t, cls, chunk, a, end, name)) return;
  let kind: Kind;
  if (chunk.keywords.length > 0) kind = 'org';
  else if (hasAnd(t, a, end)) kind = 'group';
  else {
    const nameCount = countRealNames(t, cls, firstName, end);
    if (nameCount >= 2) kind = 'person';
    else if (nameCount === 1 && end === a + 1 && allCapitals(text, chunk.start, t.end[a] as number)) kind = 'org';
    else kind = 'unknown';
  }
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
}

/** How many real names in [from, end). */
function countRealNames(t: Tokens, cls: Uint8Array, from: number, end: number): number {
  let count = 0;
  for (let k = from; k < end; k++) if (isRealName(t, cls, k)) count++;
  return count;
}

/** "a spokesperson of Twitter", "Union Minister of Information and Technology": a role of a name. */
function roleOfName(text: string, t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, end: number, name: string): boolean {
  const baseFlags = t.baseFlags;
  for (let k = a; k + 2 < end; k++) {
    if (((baseFlags[k] as number) & F_ROLE) === 0 || cls[k + 1] !== C_CONN || t.word[k + 1] === 'and') continue;
    const role = ROLES.get(baseOf(t, k)) as string;
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
      while (p > s && isRealName(t, cls, p - 1) && !t.acronym[p - 1] && ((baseFlags[p - 1] as number) & F_ORG_KEYWORD) === 0) p--;
      const person = end - p >= 2 && (cls[p - 1] === C_NAME || cls[p - 1] === C_MOD);
      chunk.type = 'person';
      if (person) {
        chunk.role = role;
        chunk.ref = { name: `${displayName(text, t, a, p)}, ${displayName(text, t, p, end)}`, kind: 'person' };
      } else {
        chunk.ref = { name, kind: 'person' }; // a title, not a person: no antecedent for "the minister"
      }
    }
    return true;
  }
  return false;
}

/** "Union minister Ravi Shankar Prasad", "Police Commissioner Anil Rao", "Ms Rao": a title before names. */
function titledName(t: Tokens, cls: Uint8Array, chunk: Chunk, a: number, end: number, name: string): boolean {
  for (let k = end - 2; k >= a; k--) {
    if (((t.baseFlags[k] as number) & F_TITLE) === 0) continue;
    for (let m = k + 1; m < end; m++) if (cls[m] !== C_NAME && cls[m] !== C_DOT) return false;
    const role = ((t.baseFlags[k] as number) & F_ROLE) !== 0 ? ROLES.get(baseOf(t, k)) : undefined;
    if (role !== undefined) chunk.role = role;
    chunk.type = 'person';
    chunk.ref = { name, kind: 'person' };
    return true;
  }
  return false;
}

/** Two or more upper-case letters and nothing else ("UNW", not "G20" or "Rao"). */
function allCapitals(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return /^\p{Lu}{2,}$/u.test(text.slice(start, end));
    if (c < 0x41 || c > 0x5a) return false;
  }
  return end - start >= 2;
}

/** An "and" or "&" among the words of [a, b): "Twitter and Facebook" are a group. */
function hasAnd(t: Tokens, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const w = baseOf(t, k);
    if (w === 'and' || w === '&') return true;
  }
  return false;
}

/** Maximal noun-phrase runs inside one sentence, trimmed and classified. Linear. */
function chunkTokens(text: string, t: Tokens, cls: Uint8Array): Chunk[] {
  const chunks: Chunk[] = [];
  const sentence = t.sentence;
  const keys = t.keys;
  const count = t.keyCount;
  // The open phrase starts at token a; `last` is the key token before this one. Tokens that
  // are no keys have no class: a gap between two keys ends the phrase.
  let a = -1;
  let last = -2;
  for (let q = 0; q < count; q++) {
    const i = keys[q] as number;
    if (a >= 0 && i > last + 1) {
      emitPhrase(text, t, cls, a, last + 1, chunks);
      a = -1;
    }
    last = i;
    const c = cls[i] as number;
    if (c === C_NONE || c === C_PRON) {
      if (a >= 0) emitPhrase(text, t, cls, a, i, chunks);
      a = -1;
      if (c === C_PRON) chunks.push(classify(text, t, cls, i, i + 1));
      continue;
    }
    if (a >= 0) {
      const prev = cls[i - 1];
      // A new sentence, or a determiner right after a noun, starts a new phrase.
      if (sentence[i] !== sentence[a] || (c === C_DET && (prev === C_NAME || prev === C_HEAD || prev === C_DOT))) {
        emitPhrase(text, t, cls, a, i, chunks);
        a = -1;
      }
    }
    if (a < 0) a = i;
    if (i - a + 1 > MAX_PHRASE) a = i - MAX_PHRASE + 1;
  }
  if (a >= 0) emitPhrase(text, t, cls, a, last + 1, chunks);
  return chunks;
}

/** The phrase [a, b) without leading connectors and trailing determiners, if it has a head. */
function emitPhrase(text: string, t: Tokens, cls: Uint8Array, a: number, b: number, chunks: Chunk[]): void {
  while (a < b && (cls[a] === C_CONN || cls[a] === C_IN || cls[a] === C_DOT)) a++;
  while (b > a && (cls[b - 1] === C_CONN || cls[b - 1] === C_DET || cls[b - 1] === C_IN || cls[b - 1] === C_MOD)) b--;
  for (let k = a; k < b; k++) {
    const c = cls[k];
    if (c === C_NAME || c === C_HEAD || c === C_PRON) {
      chunks.push(classify(text, t, cls, a, b));
      return;
    }
  }
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
  /** 'figure': "X put the toll at N", a cue for counts only. */
  how: 'told' | 'according-to' | 'figure' | null;
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
  const n = t.n;
  // Index of the chunk starting (ending) at each token, or -1 (buffers shared by every call).
  if (chunkStarts.length < n && n <= 1 << 20) {
    chunkStarts = new Int32Array(Math.max(n, 2 * chunkStarts.length));
    chunkEnds = new Int32Array(chunkStarts.length);
  }
  const shared = chunkStarts.length >= n;
  const startAt = shared ? chunkStarts : new Int32Array(n);
  const endAt = shared ? chunkEnds : new Int32Array(n);
  startAt.fill(-1, 0, n);
  endAt.fill(-1, 0, n);
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k] as Chunk;
    startAt[c.a] = k;
    endAt[c.b - 1] = k;
  }
  // Only key tokens: the others (words of no class, punctuation) start no phrase and are no
  // cue; a sentence they start is noticed at the next key, with the same effect.
  const scan = new CueScan(t, cls, chunks, sentences, startAt, endAt);
  const keys = t.keys;
  const count = t.keyCount;
  for (let q = 0; q < count; q++) scan.token(keys[q] as number);
  return scan.cues;
}

/** The state of findCues' pass over the tokens of one sentence after another. */
class CueScan {
  readonly cues: Cue[] = [];
  /** The sentence of the last token read. */
  sentence = -2;
  /** At the start of a clause: the sentence's start or just after a quotation. */
  clauseStart = true;
  /** The phrase that starts the sentence. */
  firstChunk: Chunk | undefined = undefined;
  /** A clause subject: "Twitter, which …," / "Kulkarni, the chief fire officer,". */
  clause: Chunk | undefined = undefined;
  lastCue: Cue | undefined = undefined;

  constructor(
    readonly t: Tokens,
    readonly cls: Uint8Array,
    readonly chunks: readonly Chunk[],
    readonly sentences: readonly Sentence[],
    readonly startAt: Int32Array,
    readonly endAt: Int32Array,
  ) {}

  private add(i: number, chunk: Chunk, how: Cue['how']): void {
    const cue = cueOf(this.t, this.sentences, i, chunk, how);
    this.cues.push(cue);
    this.lastCue = cue;
  }

  private newSentence(s: number): void {
    this.sentence = s;
    this.clauseStart = true;
    this.firstChunk = undefined;
    this.clause = undefined;
    this.lastCue = undefined;
  }

  token(i: number): void {
    const t = this.t;
    const s = t.sentence[i] as number;
    if (t.type[i] === QUOTE) {
      // "Marsh was blunt in response: “…”" (but not a dateline, "New Delhi: “…”").
      const firstChunk = this.firstChunk;
      if (t.word[i - 1] === ':' && t.sentence[i - 1] === this.sentence && !this.lastCue && firstChunk && firstChunk.b < i - 1) this.add(i - 1, firstChunk, null);
      if (s !== this.sentence) this.newSentence(s);
      this.clauseStart = true;
      return;
    }
    if (s !== this.sentence) this.newSentence(s);
    const startingAt = this.startAt[i] as number;
    if (startingAt >= 0) this.phrase(i, s, this.chunks[startingAt] as Chunk);
    if (t.type[i] !== WORD || s < 0) return;
    const f = t.flags[i] as number;
    if (f === 0) return; // neither "according" nor a speech verb
    if ((f & F_ACCORDING) !== 0 && t.word[i + 1] === 'to') {
      const n = t.n;
      const object = i + 2 < n ? (this.startAt[i + 2] as number) : -1;
      if (object >= 0 && t.sentence[i + 2] === s) this.add(i, this.chunks[object] as Chunk, 'according-to');
      return;
    }
    if ((f & (F_CUE_VERB | F_FIGURE)) !== 0) this.verb(i, s, f);
  }

  /** A phrase starts at token i: the sentence's first, or a clause subject before a comma. */
  private phrase(i: number, s: number, starting: Chunk): void {
    const t = this.t;
    if (!this.firstChunk && starting.a === i && (i === 0 || t.sentence[i - 1] !== s)) this.firstChunk = starting;
    // "Twitter, which …, said" / "Kulkarni, the chief fire officer, told": a clause subject.
    const after = starting.b;
    if (t.word[after] === ',' && t.sentence[after + 1] === s) {
      const w = t.word[after + 1] ?? '';
      const c = this.cls[after + 1];
      if (w === 'which' || w === 'who' || w === 'whose') this.clause = starting;
      else if (this.clauseStart && (w === 'in' || c === C_DET || c === C_NAME || c === C_HEAD || c === C_MOD)) this.clause = starting;
    }
    this.clauseStart = false;
  }

  /** A speech verb at token i (flags f): the phrase that spoke, if any. */
  private verb(i: number, s: number, f: number): void {
    const t = this.t;
    const type = t.type;
    const word = t.word;
    let j = i - 1;
    for (let skips = 0; j >= 0 && skips < 4 && t.sentence[j] === s && type[j] === WORD; skips++) {
      const pf = t.flags[j] as number;
      if ((pf & F_ADVERB) !== 0) j--;
      else if ((pf & F_WEEKDAY) !== 0 && word[j - 1] === 'on') j -= 2;
      else break;
    }
    const w = word[i] as string;
    const how = (f & F_FIGURE) !== 0 ? 'figure' : w === 'told' || w === 'tells' || w === 'telling' ? 'told' : null;
    const inSentence = j >= 0 && t.sentence[j] === s;
    const subject = inSentence ? (this.endAt[j] as number) : -1;
    if (subject >= 0) {
      this.add(i, this.chunks[subject] as Chunk, how);
      return;
    }
    // "…," said Lakshmi Bai
    const afterQuote = inSentence && (type[j] === QUOTE || (word[j] === ',' && type[j - 1] === QUOTE));
    const objectAt = i + 1 < t.n ? (this.startAt[i + 1] as number) : -1;
    const object = objectAt >= 0 ? this.chunks[objectAt] : undefined;
    if (afterQuote && object && t.sentence[i + 1] === s && object.type !== 'pronoun' && (f & F_CHARACTERISING) === 0) {
      this.add(i, object, how);
      return;
    }
    const lastCue = this.lastCue;
    if ((f & F_PARTICIPLE) !== 0 && lastCue && lastCue.sentence === s) {
      this.add(i, lastCue.chunk, lastCue.how === 'figure' ? null : lastCue.how);
      return;
    }
    if (inSentence && word[j] === ',') {
      const pick = appositiveSubject(t, this.cls, this.chunks, this.startAt, this.endAt, i, j, s, this.clause);
      if (pick) this.add(i, pick, how);
    }
  }
}

let chunkStarts = new Int32Array(4096);
let chunkEnds = new Int32Array(4096);

/** A cue at token i for the phrase that spoke; marks the phrase a speaker. */
function cueOf(t: Tokens, sentences: readonly Sentence[], i: number, chunk: Chunk, how: Cue['how']): Cue {
  const s = t.sentence[i] as number;
  const pos = t.start[i] as number;
  chunk.speaker = true;
  return { pos, first: Math.min(pos, chunk.start), sentence: s, paragraph: sentences[s]?.paragraph ?? -1, chunk, how };
}

/**
 * "Y, X, said" (the verb at i, the comma before it at j): with X an appositive or a relative
 * clause, the named one of the two, Y first; else the clause subject ("Twitter, which …, said").
 */
function appositiveSubject(
  t: Tokens,
  cls: Uint8Array,
  chunks: readonly Chunk[],
  startAt: Int32Array,
  endAt: Int32Array,
  i: number,
  j: number,
  s: number,
  clause: Chunk | undefined,
): Chunk | undefined {
  const n = t.n;
  let k = j - 1;
  const floor = Math.max(0, j - 12);
  while (k > floor && t.sentence[k] === s && t.word[k] !== ',' && t.type[k] !== QUOTE) k--;
  const xAt = k + 1 >= 0 && k + 1 < n ? (startAt[k + 1] as number) : -1;
  const x = xAt >= 0 ? chunks[xAt] : undefined;
  const opener = t.word[k + 1] ?? '';
  const appositive = x !== undefined || cls[k + 1] === C_DET || opener === 'who' || opener === 'which' || opener === 'whose';
  if (t.word[k] === ',' && t.sentence[k] === s && appositive) {
    const yAt = k - 1 >= 0 && k - 1 < n ? (endAt[k - 1] as number) : -1;
    const y = yAt >= 0 ? chunks[yAt] : undefined;
    const pick = named(y) ? y : x !== undefined && x.b === j && named(x) ? x : y;
    if (pick) return pick;
  }
  if (clause && i - clause.b <= MAX_CLAUSE) return clause;
  return undefined;
}

// ---- resolution -------------------------------------------------------------------------

/** The later of two refs by their order numbers (the first on a tie), or null for neither. */
function later(a: Ref | null, aSeq: number, b: Ref | null, bSeq: number): Ref | null {
  if (a === null) return b;
  if (b === null) return a;
  return bSeq > aSeq ? b : a;
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
  const state = new Antecedents();
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k] as Chunk;
    switch (c.type) {
      case 'pronoun':
        c.ref = state.pronoun(c.head);
        break;
      case 'company':
        c.ref = state.company(c.head ?? '', c.ref);
        break;
      case 'statement':
        c.ref = asOrg(state.orgSpeaker() ?? state.mentionOrg ?? null);
        break;
      case 'role':
        c.ref = state.role(c);
        break;
      default:
        state.named(c);
    }
    if (c.speaker && c.ref) state.spoke(c.ref);
  }
}

/**
 * What anaphora may refer to, in document order: the latest speaker of each kind, the latest
 * person and organisation named (with order numbers, for "the latest of these"), holders of
 * roles, phrases by organisation keyword, and surnames of people named in full.
 */
class Antecedents {
  seq = 0;
  speakerPerson: Ref | null = null;
  speakerPersonSeq = -1;
  speakerOrg: Ref | null = null;
  speakerOrgSeq = -1;
  speakerGroup: Ref | null = null;
  speakerGroupSeq = -1;
  speakerUnknown: Ref | null = null;
  speakerUnknownSeq = -1;
  mentionPerson: Ref | null = null;
  mentionOrg: Ref | null = null;
  byRole: Map<string, Ref> | null = null;
  byKeyword: Map<string, Ref> | null = null;
  surnames: Set<string> | null = null;

  /** The latest organisation (or unknown) speaker. */
  orgSpeaker(): Ref | null {
    return later(this.speakerOrg, this.speakerOrgSeq, this.speakerUnknown, this.speakerUnknownSeq);
  }

  pronoun(head: string | undefined): Ref | null {
    if (head === 'he' || head === 'she') return this.speakerPerson ?? this.speakerUnknown ?? this.mentionPerson ?? null;
    if (head === 'it') return this.orgSpeaker() ?? this.mentionOrg ?? null;
    // They: the latest of the organisation, group, unknown and person speakers (the first on a tie).
    let best = later(this.speakerOrg, this.speakerOrgSeq, this.speakerGroup, this.speakerGroupSeq);
    let bestSeq = best === null ? -1 : best === this.speakerOrg ? this.speakerOrgSeq : this.speakerGroupSeq;
    if (this.speakerUnknown !== null && (best === null || this.speakerUnknownSeq > bestSeq)) {
      best = this.speakerUnknown;
      bestSeq = this.speakerUnknownSeq;
    }
    if (this.speakerPerson !== null && (best === null || this.speakerPersonSeq > bestSeq)) best = this.speakerPerson;
    return best;
  }

  /** "the company": the latest organisation speaker; "the ministry": the latest ministry named. */
  company(head: string, own: Ref | null): Ref | null {
    if (GENERIC_ANAPHORS.has(head)) return asOrg(this.orgSpeaker() ?? this.mentionOrg ?? null);
    const byKeyword = this.byKeyword;
    return asOrg(byKeyword?.get(HEAD_ALIASES.get(head) ?? head) ?? byKeyword?.get(head) ?? own);
  }

  role(c: Chunk): Ref | null {
    const role = c.role ?? '';
    if (c.appositive?.ref) {
      (this.byRole ??= new Map()).set(role, c.appositive.ref);
      return c.appositive.ref;
    }
    // With no earlier holder of the role: a voice speaks for the latest organisation speaker,
    // a person role is the latest person speaker.
    return this.byRole?.get(role) ?? (VOICE_ROLES.has(role) ? asOrg(this.orgSpeaker()) : this.speakerPerson ?? null);
  }

  /** An explicit phrase: becomes an antecedent. */
  named(c: Chunk): void {
    if (c.type === 'group' && c.appositive?.ref) c.ref = c.appositive.ref;
    // "Marsh" after "Mayor Elena Marsh" is the same person.
    if (c.type === 'unknown' && c.ref && this.surnames !== null && this.surnames.has(c.ref.name.toLowerCase())) {
      c.type = 'person';
      c.ref = { ...c.ref, kind: 'person' };
    }
    const ref = c.ref;
    if (ref === null) return;
    if (ref.kind === 'person' && c.b - c.a >= 2) (this.surnames ??= new Set()).add(ref.name.slice(ref.name.lastIndexOf(' ') + 1).toLowerCase());
    this.seq++;
    if (c.role !== undefined) (this.byRole ??= new Map()).set(c.role, ref);
    // "the High Court's order" names the order, not a speaker: not an antecedent.
    if (!c.possessive) for (let w = 0; w < c.keywords.length; w++) (this.byKeyword ??= new Map()).set(c.keywords[w] as string, ref);
    if (ref.kind === 'person') this.mentionPerson = ref;
    else if (ref.kind === 'org') this.mentionOrg = ref;
  }

  /** A phrase that spoke: the latest speaker of its kind. */
  spoke(ref: Ref): void {
    const seq = ++this.seq;
    switch (ref.kind) {
      case 'person':
        this.speakerPerson = ref;
        this.speakerPersonSeq = seq;
        break;
      case 'org':
        this.speakerOrg = ref;
        this.speakerOrgSeq = seq;
        break;
      case 'group':
        this.speakerGroup = ref;
        this.speakerGroupSeq = seq;
        break;
      default:
        this.speakerUnknown = ref;
        this.speakerUnknownSeq = seq;
    }
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

/** The paragraph of a sentence, or NaN (equal to none) for no sentence. */
function paragraphOf(sentences: readonly Sentence[], sentence: number): number {
  return sentences[sentence]?.paragraph ?? Number.NaN;
}

function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  const at = partitionPoint(sentences.length, (i) => sentences[i]!.end <= pos);
  const s = sentences[at];
  return s !== undefined && s.start <= pos ? at : -1;
}

/** Index of the first span starting after x (spans ascending). */
function spanAfter(spans: readonly [number, number][], x: number): number {
  return partitionPoint(spans.length, (i) => spans[i]![0] <= x);
}

/** Index of the first cue whose verb is after x (cues ascending). */
function cueAfter(cues: readonly Cue[], x: number): number {
  return partitionPoint(cues.length, (i) => cues[i]!.pos <= x);
}

/** Index of the first cue whose verb is at or after x. */
function cueFrom(cues: readonly Cue[], x: number): number {
  return partitionPoint(cues.length, (i) => cues[i]!.pos < x);
}

/**
 * Sentences clamped to the text, in order and without overlaps (a caller may pass anything).
 * Sentences that already are (integer offsets inside the text, ascending, disjoint, as
 * splitSentences makes them) are used as they are.
 */
export function cleanSentences(text: string, sentences: readonly Sentence[]): readonly Sentence[] {
  if (isClean(text.length, sentences)) return sentences;
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

function isClean(length: number, sentences: readonly Sentence[]): boolean {
  let last = 0;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as Sentence;
    const start = s.start;
    const end = s.end;
    if (!(start >= last && start < end && end <= length && Math.floor(start) === start && Math.floor(end) === end)) return false;
    if (start === 0 && 1 / start < 0) return false; // -0
    last = end;
  }
  return true;
}

/** The quotation's marks, found next to its first and last pieces (bounded look-around). */
/** [opening mark, closing mark (or the last quoted character), end of the quoted span]. */
function quotationSpan(text: string, first: UnattributedQuote, last: UnattributedQuote, info: QuotationInfo): number {
  let open = first.start;
  let j = first.start - 1;
  const floor = Math.max(0, first.start - 200);
  while (j >= floor && isSpaceAt(text, j)) j--;
  if (j >= floor && isQuoteMarkCode(text.charCodeAt(j))) open = j;
  let close = Math.max(open, last.end - 1);
  let k = last.end;
  const ceiling = Math.min(text.length, last.end + 200);
  while (k < ceiling && (isSpaceAt(text, k) || text.charCodeAt(k) === 0x2c)) k++;
  const closed = k < ceiling && isQuoteMarkCode(text.charCodeAt(k));
  if (closed) close = k;
  info.open = open;
  info.close = close;
  return closed ? close + 1 : last.end;
}

function mentionOf(text: string, cue: Cue): SpeakerMention | null {
  const c = cue.chunk;
  if (!c.ref) return null;
  let how: SpeakerMention['how'];
  if (c.type === 'pronoun') how = 'pronoun';
  else if (c.statement || c.type === 'statement') how = 'statement';
  else if (c.type === 'role' || c.type === 'company') how = 'role';
  else if (c.sources) how = 'sources';
  else how = cue.how === null || cue.how === 'figure' ? 'explicit' : cue.how;
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
  return attributeMentions(text, quotes, sentences, []).quotes;
}

/** A figure (a count's span) to attribute: start and end offsets into the text. */
export interface FigureSpan {
  start: number;
  end: number;
}

/**
 * {@link attributeQuotes}, plus who gives each figure, in one pass over the text: a figure in
 * a quotation is its speaker's; else the nearer of the sentence's cue before it ("X said N",
 * "according to X, N", "X put the toll at N") and the cue after it ("N …, X said"); else null
 * (the outlet's own voice). Linear.
 *
 * @example
 * const text = 'Police said 240,000 people attended.';
 * attributeMentions(text, [], splitSentences(text), [{ start: 12, end: 26 }]).figures[0]?.name; // 'Police'
 */
export function attributeMentions(
  text: string,
  quotes: readonly UnattributedQuote[],
  sentences: readonly Sentence[],
  figures: readonly FigureSpan[],
): { quotes: QuoteMention[]; figures: (SpeakerMention | null)[] } {
  if (quotes.length === 0 && figures.length === 0) return { quotes: [], figures: [] };
  const clean = cleanSentences(text, sentences);
  const infos = groupQuotations(quotes);
  const spans = locateQuotations(text, quotes, infos, clean);
  const t = tokenize(text, spans, clean);
  const cls = t.cls;
  const chunks = chunkTokens(text, t, cls);
  linkAppositives(t, chunks);
  const cues = findCues(t, cls, chunks, clean);
  resolve(chunks);
  // Figure verbs ("put … at") give numbers, not words: no cue for a quotation.
  const quoteCues = cues.some((c) => c.how === 'figure') ? cues.filter((c) => c.how !== 'figure') : cues;
  let previous: QuotationInfo | undefined;
  for (let f = 0; f < infos.length; f++) {
    const info = infos[f] as QuotationInfo;
    assignSpeaker(text, info, spans, quoteCues, clean, previous);
    if (!info.fragment) previous = info;
  }
  const speakerOf: (SpeakerMention | null)[] = new Array<SpeakerMention | null>(quotes.length).fill(null);
  for (let f = 0; f < infos.length; f++) {
    const info = infos[f] as QuotationInfo;
    for (let p = 0; p < info.pieces.length; p++) speakerOf[info.pieces[p] as number] = info.speaker;
  }
  return {
    quotes: quotes.map((q, i) => ({ start: q.start, end: q.end, text: q.text, quotation: q.quotation, fragment: q.fragment, speaker: speakerOf[i] ?? null })),
    figures: figures.map((span) => figureSpeaker(text, span, infos, cues, clean)),
  };
}

/** Who gives the figure at span (see {@link attributeMentions}). */
function figureSpeaker(text: string, span: FigureSpan, infos: readonly QuotationInfo[], cues: readonly Cue[], clean: readonly Sentence[]): SpeakerMention | null {
  const q = infos[partitionPoint(infos.length, (i) => infos[i]!.open <= span.start) - 1];
  if (q !== undefined && span.end <= q.close) return q.speaker;
  const s = sentenceIndexAt(clean, span.start);
  if (s < 0) return null;
  // The nearest cue before: its verb before the figure, its phrase not holding it.
  let before = cues[cueFrom(cues, span.start) - 1];
  if (before !== undefined && (before.sentence !== s || before.chunk.end > span.start)) before = undefined;
  if (before?.how === 'figure' && !(span.start - before.pos <= 80 && wordBefore(text, span.start) === 'at')) before = undefined;
  // The first cue after: "N …, X said" (not "Twelve villagers said", whose phrase is the figure).
  let after = cues[cueFrom(cues, span.end)];
  if (after !== undefined && (after.sentence !== s || after.first < span.end || after.how === 'figure')) after = undefined;
  const cue = before === undefined ? after : after === undefined || span.start - before.pos <= after.first - span.end ? before : after;
  return cue ? mentionOf(text, cue) : null;
}

/** The lower-case word just before pos (a short look back), or ''. */
function wordBefore(text: string, pos: number): string {
  let end = pos;
  while (end > 0 && isSpaceAt(text, end - 1)) end--;
  let start = end;
  while (start > 0 && end - start < 8 && isLetterAt(text, start - 1)) start--;
  return text.slice(start, end).toLowerCase();
}

/** The pieces grouped into quotations, in document order. */
function groupQuotations(quotes: readonly UnattributedQuote[]): QuotationInfo[] {
  let sorted = true;
  let grouped = true; // the pieces of each quotation come together, in ascending quotations
  for (let i = 1; i < quotes.length; i++) {
    const previous = quotes[i - 1] as UnattributedQuote;
    const q = quotes[i] as UnattributedQuote;
    if (!(previous.start <= q.start)) sorted = false;
    if (!(previous.quotation <= q.quotation)) grouped = false;
  }
  let order: number[] | null = null;
  if (!sorted) {
    order = quotes.map((_, i) => i);
    order.sort((x, y) => (quotes[x] as UnattributedQuote).start - (quotes[y] as UnattributedQuote).start);
  }
  const infos: QuotationInfo[] = [];
  const byId = sorted && grouped ? null : new Map<number, QuotationInfo>();
  let current: QuotationInfo | undefined;
  let currentId = 0;
  for (let o = 0; o < quotes.length; o++) {
    const i = order !== null ? (order[o] as number) : o;
    const q = quotes[i] as UnattributedQuote;
    let info = byId !== null ? byId.get(q.quotation) : current !== undefined && currentId === q.quotation ? current : undefined;
    if (!info) {
      info = { pieces: [], open: 0, close: 0, fragment: q.fragment, openSentence: -1, closeSentence: -1, atParagraphStart: false, speaker: null };
      if (byId !== null) byId.set(q.quotation, info);
      current = info;
      currentId = q.quotation;
      infos.push(info);
    }
    info.pieces.push(i);
  }
  return infos;
}

/** Each quotation's marks and sentences; returns the quoted spans, overlapping ones merged. */
function locateQuotations(text: string, quotes: readonly UnattributedQuote[], infos: readonly QuotationInfo[], clean: readonly Sentence[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let f = 0; f < infos.length; f++) {
    const info = infos[f] as QuotationInfo;
    const first = quotes[info.pieces[0] as number] as UnattributedQuote;
    const last = quotes[info.pieces[info.pieces.length - 1] as number] as UnattributedQuote;
    const end = quotationSpan(text, first, last, info);
    const open = info.open;
    const close = info.close;
    info.openSentence = sentenceIndexAt(clean, open);
    info.closeSentence = sentenceIndexAt(clean, close);
    const s = clean[info.openSentence];
    const prev = clean[info.openSentence - 1];
    info.atParagraphStart = s !== undefined && s.start === open && (prev === undefined || prev.paragraph !== s.paragraph);
    const lastSpan = spans[spans.length - 1];
    if (lastSpan !== undefined && open < lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], end);
    else spans.push([open, end]);
  }
  return spans;
}

/** The speaker of one quotation, from the cues around it (or the quotation before it). */
function assignSpeaker(
  text: string,
  info: QuotationInfo,
  spans: readonly [number, number][],
  cues: readonly Cue[],
  clean: readonly Sentence[],
  previous: QuotationInfo | undefined,
): void {
  let cue: Cue | undefined;
  // After the closing mark, in its sentence, before any other quotation.
  const nextQuote = spans[spanAfter(spans, info.close)]?.[0] ?? Infinity;
  const after = cueAfter(cues, info.close);
  for (let k = after, seen = 0; k < cues.length && seen < MAX_CUES; k++, seen++) {
    const c = cues[k] as Cue;
    if (c.sentence !== info.closeSentence || c.first >= nextQuote) break;
    if (c.first <= info.close) continue; // a subject before the quote ("Twitter, which …")
    if (info.fragment && !onlyCommas(text, info.close + 1, c.first)) break;
    cue = c;
    break;
  }
  // Before the opening mark, in its sentence.
  const before = cueFrom(cues, info.open) - 1;
  const b = cues[before];
  if (!cue && b !== undefined && b.sentence === info.openSentence && info.openSentence >= 0) cue = b;
  if (!cue && !info.fragment) {
    // The paragraph: the nearest cue before, then the first after.
    if (b !== undefined && b.paragraph === paragraphOf(clean, info.openSentence)) cue = b;
    for (let k = after, seen = 0; !cue && k < cues.length && seen < MAX_CUES; k++, seen++) {
      const c = cues[k] as Cue;
      if (c.paragraph !== paragraphOf(clean, info.closeSentence)) break;
      if (c.first > info.close) cue = c;
    }
  }
  if (cue) info.speaker = mentionOf(text, cue);
  else if (
    !info.fragment &&
    info.atParagraphStart &&
    previous?.speaker &&
    paragraphOf(clean, previous.closeSentence) === paragraphOf(clean, info.openSentence) - 1
  ) {
    info.speaker = previous.speaker;
  }
}

/** Only spaces and commas in [from, to), with a short bound: “…,” X said. */
function onlyCommas(text: string, from: number, to: number): boolean {
  if (to - from > 20) return false;
  for (let k = from; k < to; k++) if (!isSpaceAt(text, k) && text.charCodeAt(k) !== 0x2c) return false;
  return true;
}
