import type { Comparison, Verdict } from '../model/index.js';
import { formatValue } from '../values/compare.js';
import { compareStrings } from '../values/canonical.js';
import { publicationOrder } from './developing.js';
import type { SlotClaim } from './slots.js';

/**
 * How a claim's value reads in an explanation: the value, with the report's own words when
 * they say more ("2021-02-08 ("on Monday")").
 *
 * @example
 * describeClaim(entry); // '2021-02-08 ("said on Monday")'
 */
export function describeClaim(entry: SlotClaim): string {
  const shown = formatValue(entry.claim.value);
  const { value } = entry.claim;
  // Without evidence, a time still has the phrase it was read from.
  const words = entry.claim.evidence?.text ?? (value.kind === 'time' ? value.text : undefined);
  if (words && entry.claim.value.kind !== 'quote' && !shown.includes(words)) return `${shown} ("${clip(words)}")`;
  return entry.claim.value.kind === 'quote' ? clip(shown, 90) : shown;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function byOutlet(claims: readonly SlotClaim[]): Map<string, string[]> {
  const outlets = new Map<string, string[]>();
  for (const entry of claims) {
    const name = entry.report.source.name;
    const said = describeClaim(entry);
    const list = outlets.get(name) ?? [];
    if (!list.includes(said)) list.push(said);
    outlets.set(name, list);
  }
  return outlets;
}

/**
 * One sentence a person can check: which outlets say what, and why that is a conflict, a
 * compatible pair or agreement.
 *
 * @example
 * explain(claims, 'conflict', comparison);
 * // 'Hindustan Times says 2021-02-08 ("on Monday") but Jagran says 2021-02-09 ("on Tuesday"): different days.'
 */
export function explain(claims: readonly SlotClaim[], verdict: Verdict, deciding: Comparison | null): string {
  const outlets = byOutlet(claims);
  const names = [...outlets.keys()].sort(compareStrings);
  const detail = deciding ? deciding.detail : '';
  if (deciding?.reason === 'updated-later') return explainUpdate(claims, deciding.verdict);
  const says = (name: string) => `${name} ${(outlets.get(name) ?? []).length > 1 ? 'has' : 'says'} ${(outlets.get(name) ?? []).join('; ')}`;
  switch (verdict) {
    case 'single-source':
      return `Only ${names[0] ?? 'one source'} reports this: ${(outlets.get(names[0] ?? '') ?? []).join('; ')}${
        deciding && deciding.verdict === 'conflict' ? ` — though its own claims conflict (${detail})` : ''
      }.`;
    case 'conflict':
      return `${names.map(says).join(names.length === 2 ? ' but ' : '; ')}: ${gist(claims, deciding)}.`;
    case 'compatible':
      return `${names.map(says).join(', while ')} — compatible: ${detail}.`;
    case 'agree':
      return `${listNames(names)} agree: ${(outlets.get(names[0] ?? '') ?? []).join('; ')}${
        deciding && deciding.reason !== 'identical' && deciding.reason !== 'equal' ? ` (${detail})` : ''
      }.`;
  }
}

/**
 * A developing figure told in publication order: who said what when, and that the latest
 * report's figure stands (rising: each was right when printed; revised down: the earlier
 * figure was corrected).
 *
 * @example
 * explainUpdate(claims, 'compatible'); // the deciding pair's verdict: compatible = the figure rose
 * // 'Updated later: Morning Post said 12 people (2024-06-03T08:00:00+05:30), then Evening Star said
 * //  15 people (2024-06-03T19:00:00+05:30) — a developing figure that rose, each right when
 * //  published; the latest figure stands.'
 */
function explainUpdate(claims: readonly SlotClaim[], verdict: Comparison['verdict']): string {
  const stages: { at: string | null; names: string[]; values: string[] }[] = [];
  for (const entry of claims) {
    const at = entry.report.publishedAt;
    let stage = stages.find((s) => s.at === at);
    if (!stage) stages.push((stage = { at, names: [], values: [] }));
    const said = describeClaim(entry);
    if (!stage.names.includes(entry.report.source.name)) stage.names.push(entry.report.source.name);
    if (!stage.values.includes(said)) stage.values.push(said);
  }
  stages.sort((a, b) => publicationOrder(a.at, b.at) || compareStrings(a.at ?? '\uffff', b.at ?? '\uffff'));
  const told = stages
    .map((s) => `${listNames([...s.names].sort(compareStrings))} said ${s.values.join(' and ')} (${s.at ?? 'publication time unknown'})`)
    .join(', then ');
  const how =
    verdict === 'compatible'
      ? 'a developing figure that rose, each right when published; the latest figure stands'
      : 'the figure was revised down, so an earlier one was wrong; the latest figure stands';
  return `Updated later: ${told} — ${how}.`;
}

/**
 * The point of a conflict in a few words. The pairwise detail repeats both values, which the
 * sentence already names, so disjoint values get a short phrase instead.
 */
function gist(claims: readonly SlotClaim[], deciding: Comparison | null): string {
  if (!deciding) return 'they differ';
  if (deciding.reason !== 'disjoint') return deciding.detail;
  const values = claims.map((c) => c.claim.value);
  if (values.every((v) => v.kind === 'time')) {
    return values.every((v) => v.kind === 'time' && v.granularity === 'day') ? 'different days' : 'the times do not overlap';
  }
  if (values.every((v) => v.kind === 'quantity')) return 'the figures cannot both be true';
  return deciding.detail;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
