import type { Claim, EntityValue } from '../model/index.js';
import { compareEntities, parsedEntity } from '../values/entity.js';
import type { CompareOptions } from '../values/options.js';

const ARTICLES = new Set(['a', 'an', 'the', 's']); // "s" of a possessive ("Twitter's")

/** The phrase's words, lower-cased, without articles. */
function wordsOf(phrase: string): string[] {
  return phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !ARTICLES.has(w));
}

/** Every word of the shorter phrase is in the longer: "officials" ⊂ "district officials". */
function nested(a: string, b: string): boolean {
  const [x, y] = a.length <= b.length ? [wordsOf(a), new Set(wordsOf(b))] : [wordsOf(b), new Set(wordsOf(a))];
  return x.length > 0 && x.every((w) => y.has(w));
}

/**
 * Both claims name who gave them, and the names are different speakers ("organisers" vs
 * "police"). A claim in the outlet's own voice differs from no speaker: it is no evidence
 * of another source. A name inside the other ("officials", "district officials") is the same
 * speaker named more or less fully.
 *
 * @example
 * differentSpeakers({ speaker: 'Organisers' }, { speaker: 'police' }, {}); // true
 * differentSpeakers({ speaker: 'police' }, {}, {}); // false
 */
export function differentSpeakers(a: Pick<Claim, 'speaker'>, b: Pick<Claim, 'speaker'>, options: CompareOptions): boolean {
  const sa = a.speaker;
  const sb = b.speaker;
  if (sa === undefined || sb === undefined || sa === sb) return false;
  // Cached per pair of phrases (and alias option): a big cluster asks about the same pairs often.
  const key = `${sa}\u0000${sb}`;
  const cache = cacheFor(options);
  let differ = cache.get(key);
  if (differ === undefined) {
    differ = !nested(sa, sb) && compareEntities(parsedEntity(sa), parsedEntity(sb), options.entity).verdict === 'conflict';
    if (cache.size >= 4096) cache.clear();
    cache.set(key, differ);
  }
  return differ;
}

const byAliases = new WeakMap<object, Map<string, boolean>>();
const noAliases = new Map<string, boolean>();

function cacheFor(options: CompareOptions): Map<string, boolean> {
  const aliases = options.entity?.aliases;
  if (aliases === undefined) return noAliases;
  let cache = byAliases.get(aliases);
  if (!cache) byAliases.set(aliases, (cache = new Map()));
  return cache;
}
