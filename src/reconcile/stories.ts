/**
 * Stories: which reports of a mixed input tell one story, from the rare names they share. The
 * unit inside which claims line up (align.ts) and a wire credit counts as copying (dependence.ts).
 */
import { compareStrings } from '../values/canonical.js';
import type { SlotClaim } from './slots.js';

/**
 * Story gate: claims of two reports can be one fact only when the reports share a named entity
 * that at most `storyEntityReports` reports name (or `storyEntityShare` of them, whichever is
 * larger). Keeps a directory of a day's news from merging one town's toll with another's.
 *
 * @example
 * const tuning: StoryTuning = { storyEntityReports: 10, storyEntityShare: 0.05 };
 */
export interface StoryTuning {
  storyEntityReports: number;
  storyEntityShare: number;
}

/** The defaults of {@link StoryTuning}. */
export const DEFAULT_STORY_TUNING: StoryTuning = { storyEntityReports: 10, storyEntityShare: 0.05 };

/** Words that are named in many stories and so say nothing about which story a report tells. */
const NOT_STORY_NAMES = new Set(
  [
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow',
    'january february march april may june july august september october november december',
    'rs inr usd eur gbp us$ $ crore lakh million billion thousand hundred',
    'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty nearly about over',
    'officials official police government centre center state ministry minister court rescue the a an',
    'residents local locals volunteers crews people authorities district city town village area region country nation',
  ]
    .join(' ')
    .split(' '),
);

const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'shri', 'smt', 'prof', 'sir', 'mr.', 'mrs.', 'ms.', 'dr.']);

/**
 * The names an entity links stories by: the name, and for a person's name of two or three words
 * the surname too, so "Mr Sharma", "Sharma" and "owner Anil Sharma" tell one story.
 */
function storyNames(entity: string): string[] {
  const name = entity.toLowerCase().replace(/['’]s$/, '');
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.every((w) => NOT_STORY_NAMES.has(w))) return [];
  const last = words[words.length - 1]!;
  if (words.length >= 2 && words.length <= 3 && last.length >= 4 && !NOT_STORY_NAMES.has(last) && /^\p{L}+$/u.test(last)) return [name, last];
  return HONORIFICS.has(words[0]!) ? [name, words.slice(1).join(' ')] : [name];
}

/**
 * Which reports can be about one story. Reports that share a named entity few reports name (a
 * town, a person — not "Monday", "Rs" or "Police") are linked, and linked reports form stories.
 * When the input holds two or more such stories, or more unlinked reports than the one story
 * has (a directory of a day's news), claims line up
 * only within a story, and a shared wire credit alone makes two reports dependent only within a
 * story. Returns each report's story number (the smallest report index in it, by sorted id);
 * null when the input tells one story or none (articles about one event): the gate is open.
 * Reports without claims read from text have no story.
 *
 * @example
 * const stories = findStories(entries, DEFAULT_STORY_TUNING);
 * stories === null || stories.get('ht') === stories.get('jagran');
 */
export function findStories(entries: readonly SlotClaim[], tuning: StoryTuning): ReadonlyMap<string, number> | null {
  const byReport = new Map<string, Set<string>>();
  for (const { report, claim } of entries) {
    let set = byReport.get(report.id);
    if (!set) byReport.set(report.id, (set = new Set()));
    for (const e of claim.context?.entities ?? []) for (const name of storyNames(e)) set.add(name);
  }
  const ids = [...byReport.keys()].sort(compareStrings);
  const postings = new Map<string, number[]>();
  ids.forEach((id, i) => {
    for (const e of byReport.get(id)!) {
      const list = postings.get(e);
      if (list) list.push(i);
      else postings.set(e, [i]);
    }
  });
  const limit = Math.max(tuning.storyEntityReports, Math.ceil(tuning.storyEntityShare * ids.length));
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > limit) continue;
    for (const j of list) {
      const [a, b] = [find(list[0]!), find(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const size = new Map<number, number>();
  ids.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1));
  // One story: at most one group of linked reports, and few reports outside it (an article that
  // names no one the others name). Many unlinked reports are many one-report stories — a day's
  // wire copy about different events — and the gate closes on them too.
  const sizes = [...size.values()];
  const stories = sizes.filter((n) => n >= 2).length;
  const largest = Math.max(0, ...sizes);
  if (stories < 2 && ids.length - largest <= Math.max(2, largest)) return null;
  return new Map(ids.map((id, i) => [id, find(i)]));
}
