import type { Claim, FactKind } from '../model/index.js';
import { entityKey, parseEntity, type AliasTable } from '../values/entity.js';
import type { PreparedReport } from './prepare.js';

/** One claim with the report and source it came from. */
export interface SlotClaim {
  report: PreparedReport;
  claim: Claim;
}

/** Claims that are about one (subject, attribute, speaker). */
export interface Slot {
  key: string;
  subject: string;
  attribute: string;
  /** Canonical speaker key, or null for the outlet's own voice and for quotes. */
  speakerKey: string | null;
  claims: SlotClaim[];
  /** Labels to show; keyed slots show the claims' own spelling instead. */
  display?: { subject: string; attribute: string };
}

/**
 * Folds a subject or attribute for grouping: case, spacing and punctuation do not make
 * two slots.
 *
 * @example
 * normalizeKey('Fresh  Order'); // 'fresh order'
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—.,;:'"’‘“”]+/g, ' ')
    .trim();
}

/**
 * The speaker key of a claim: "a spokesperson of Twitter", "Twitter" and "the Twitter
 * statement" all speak for Twitter. Null when the outlet speaks in its own voice.
 *
 * @example
 * speakerKey('a spokesperson of Twitter', aliases) === speakerKey('Twitter', aliases); // true
 */
export function speakerKey(speaker: string | undefined, aliases: AliasTable): string | null {
  if (speaker === undefined) return null;
  return entityKey(parseEntity(speaker).name, aliases);
}

/**
 * The kind of fact a set of claims is about, from their values.
 *
 * @example
 * factKind([{ subject: 's', attribute: 'accounts', value: { kind: 'quantity', ... } }]); // 'count'
 */
export function factKind(claims: readonly Pick<Claim, 'value' | 'attribute'>[]): FactKind {
  const first = claims[0];
  if (!first) return 'other';
  switch (first.value.kind) {
    case 'quantity':
      return 'count';
    case 'time':
      return 'date';
    case 'quote':
      return 'quote';
    case 'entity':
      return 'attribution';
    default:
      return 'other';
  }
}

/**
 * Groups keyed claims (those without a text `context`) into slots by (subject, attribute,
 * speaker) after normalisation. Quotes are
 * grouped without the speaker: who said the words is itself checked, so that the same words
 * given to two speakers show up as an attribution conflict instead of two quiet slots.
 */
export function groupIntoSlots(reports: readonly PreparedReport[], aliases: AliasTable): Slot[] {
  const slots = new Map<string, Slot>();
  for (const report of reports) {
    for (const claim of report.claims) {
      if (claim.context) continue; // claims read from text have no keys: alignSlots places them
      const place = slotPlaceOf(claim, aliases);
      let slot = slots.get(place.key);
      if (!slot) {
        slot = { ...place, claims: [] };
        slots.set(place.key, slot);
      }
      slot.claims.push({ report, claim });
    }
  }
  return [...slots.values()];
}

/**
 * Where a keyed claim belongs: its slot key and the normalised (subject, attribute, speaker).
 *
 * @example
 * slotPlaceOf({ subject: 'Fresh Order', attribute: 'Accounts', value }, aliases).key; // '["fresh order","accounts",null]'
 */
export function slotPlaceOf(claim: Claim, aliases: AliasTable): Omit<Slot, 'claims'> {
  const subject = normalizeKey(claim.subject);
  const attribute = normalizeKey(claim.attribute);
  const speaker = claim.value.kind === 'quote' ? null : speakerKey(claim.speaker, aliases);
  return { key: JSON.stringify([subject, attribute, speaker]), subject, attribute, speakerKey: speaker };
}
