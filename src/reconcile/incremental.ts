// The incremental reconciler: reports arrive and leave one at a time (a newsroom pipeline that
// runs all day), and each result equals what reconcile() would say about the reports held now.
// Keyed claims are grouped as they arrive and only the findings they touch are rebuilt; claims
// read from text are lined up again when the set of text reports changed (alignment weighs words
// by how rare they are across all reports, so one new article can move any text slot).
import { CorroborateError, expectString, type Dependence, type Finding, type ReconcileResult, type ReportInput } from '../model/index.js';
import { compareStrings } from '../values/canonical.js';
import type { CompareOptions } from '../values/options.js';
import type { AliasTable } from '../values/entity.js';
import { DEFAULT_ALIGN_TUNING, alignSlots } from './align.js';
import { findStories } from './stories.js';
import { comparisonSetup, compareFindings, reliabilityLookup, reportEntry, summarize } from './assemble.js';
import { WitnessIndex, findDependence } from './dependence.js';
import { buildFinding } from './finding.js';
import { validateOptions, type ReconcileOptions } from './options.js';
import { prepareReports, type PreparedReport } from './prepare.js';
import { claimJsonIssues } from './reconcile.js';
import { slotPlaceOf, type Slot, type SlotClaim } from './slots.js';

/**
 * A reconciler's whole state as JSON: the options and the reports it holds (as added, as JSON,
 * sorted by id). `Reconciler.fromJSON` rebuilds it.
 *
 * @example
 * const desk = createReconciler();
 * desk.add({ id: 'a', source: 'Daily A', claims: [] });
 * const state: ReconcilerState = desk.toJSON();
 * // { format: 'corroborate-reconciler', version: 1, options: null, reports: [{ id: 'a', source: 'Daily A', claims: [] }] }
 * const text = JSON.stringify(state); // keep it anywhere: a file, a database, localStorage in a browser
 */
export interface ReconcilerState {
  format: 'corroborate-reconciler';
  version: 1;
  options: ReconcileOptions | null;
  reports: ReportInput[];
}

interface Held {
  /** The report as added, as JSON (what toJSON gives back). */
  input: ReportInput;
  prepared: PreparedReport;
  /** Keyed slots this report has claims in. */
  slots: string[];
  /** Whether the report takes part in text alignment or copy detection. */
  textual: boolean;
}

interface KeyedSlot {
  place: Omit<Slot, 'claims'>;
  /** Claims by report id. */
  byReport: Map<string, SlotClaim[]>;
}

/**
 * Keeps a set of reports and their reconciliation up to date as reports are added and removed.
 * `result()` is always deep-equal to `reconcile()` of the reports held, in any order of adds and
 * removes; finding ids do not change when unrelated reports arrive. The state round-trips
 * through JSON (`toJSON()`, `Reconciler.fromJSON()`). Results are shared between calls: treat
 * them as read-only.
 *
 * @example
 * const desk = createReconciler({ reliability: { pti: 0.9 } });
 * desk.add(morningReport);
 * desk.add(eveningReport);
 * desk.result().summary.conflict; // 1
 * desk.remove('morning');
 * const copy = Reconciler.fromJSON(JSON.parse(JSON.stringify(desk)));
 */
export class Reconciler {
  readonly #optionsInput: ReconcileOptions | undefined;
  readonly #options: ReconcileOptions;
  readonly #aliases: AliasTable;
  readonly #compareOptions: CompareOptions;
  readonly #reports = new Map<string, Held>();
  readonly #keyed = new Map<string, KeyedSlot>();
  readonly #bySource = new Map<string, Set<string>>();
  #priors = new Map<string, number>();
  /** Per source, the reliability each of its reports gives, and which report's counts. */
  readonly #rated = new Map<string, Map<string, number>>();
  readonly #priorFrom = new Map<string, string>();
  readonly #reliabilityOf: (sourceId: string) => number;
  /** Keyed findings by slot key, and keyed slots whose finding must be rebuilt. */
  readonly #keyedFindings = new Map<string, Finding>();
  readonly #dirty = new Set<string>();
  #textDirty = false;
  #witnesses = new WitnessIndex([]);
  #textFindings: Finding[] = [];
  /** Every finding in result order, kept sorted between calls. */
  #sorted: Finding[] = [];
  #reportList: ReconcileResult['reports'] = [];

  /**
   * An empty reconciler; see {@link createReconciler}.
   *
   * @example
   * const desk = new Reconciler({ aliases: [['MeitY', 'IT Ministry']] });
   */
  constructor(options?: ReconcileOptions) {
    this.#options = validateOptions(options);
    this.#optionsInput = options === undefined ? undefined : (toJson(options, ['options']) as ReconcileOptions);
    ({ aliases: this.#aliases, compareOptions: this.#compareOptions } = comparisonSetup(this.#options));
    this.#reliabilityOf = reliabilityLookup(this.#options, (source) => this.#priors.get(source));
  }

  /**
   * Rebuilds a reconciler from {@link Reconciler.toJSON}'s output (parsed JSON). Takes `unknown`
   * on purpose: saved state comes back from storage untyped (`JSON.parse` gives `any`), so it is
   * checked at run time like reconcile()'s input — a bad report is a CorroborateError with its
   * path (`$.reports[1].source`).
   *
   * @example
   * const json = JSON.stringify(createReconciler({ reliability: { pti: 0.9 } }));
   * const desk = Reconciler.fromJSON(JSON.parse(json));
   * desk.size; // 0
   */
  static fromJSON(json: unknown): Reconciler {
    const state = json as Partial<ReconcilerState> | null;
    if (!state || typeof state !== 'object' || state.format !== 'corroborate-reconciler' || state.version !== 1 || !Array.isArray(state.reports)) {
      throw new CorroborateError('Not a saved reconciler', [
        { path: [], message: 'expected { format: "corroborate-reconciler", version: 1, options, reports: [...] }', code: 'invalid-state' },
      ]);
    }
    const reconciler = new Reconciler(state.options ?? undefined);
    const reports: readonly unknown[] = state.reports;
    // An index loop: a hole is a bad report here too, not skipped.
    for (let index = 0; index < reports.length; index++) {
      try {
        reconciler.add(reports[index] as ReportInput);
      } catch (error) {
        if (!(error instanceof CorroborateError)) throw error;
        throw new CorroborateError('Invalid saved reconciler', error.issues.map((issue) => ({ ...issue, path: ['reports', index, ...issue.path] })));
      }
    }
    return reconciler;
  }

  /** How many reports are held. */
  get size(): number {
    return this.#reports.size;
  }

  /**
   * Whether a report with this id is held; an id that is not a string is a CorroborateError.
   *
   * @example
   * desk.has('morning'); // true
   */
  has(reportId: string): boolean {
    // A non-string is a caller's mistake, not an id that is simply absent.
    expectString('Reconciler.has', 'reportId', reportId);
    return this.#reports.has(reportId);
  }

  /**
   * Adds one report (validated like reconcile()'s input; the input is not kept or mutated).
   * Adding an identical report again does nothing; a different report under a held id is an
   * error — remove the old one first.
   *
   * Errors name paths inside the report (`$.claims[0].value`).
   *
   * @example
   * desk.add({
   *   id: 'evening', source: 'Valley Times', publishedAt: '2024-06-12',
   *   claims: [{ subject: 'bus crash', attribute: 'killed', value: { kind: 'quantity', phrase: '15 people' } }],
   * });
   */
  add(report: ReportInput): void {
    const [prepared] = prepareOne(report);
    if (!prepared) return;
    const input = toJson(report, []) as ReportInput;
    const held = this.#reports.get(prepared.id);
    if (held) {
      if (JSON.stringify(held.input) === JSON.stringify(input)) return;
      throw new CorroborateError(`report id "${prepared.id}" is already held`, [
        { path: ['id'], message: `report id "${prepared.id}" is already held with different content; remove it first`, code: 'duplicate-report' },
      ]);
    }
    const entry: Held = { input, prepared, slots: [], textual: prepared.text !== undefined || prepared.claims.some((c) => c.context) };
    this.#reports.set(prepared.id, entry);
    for (const claim of prepared.claims) {
      if (claim.context) continue;
      const place = slotPlaceOf(claim, this.#aliases);
      let slot = this.#keyed.get(place.key);
      if (!slot) {
        slot = { place, byReport: new Map() };
        this.#keyed.set(place.key, slot);
      }
      const list = slot.byReport.get(prepared.id);
      if (list) list.push({ report: prepared, claim });
      else {
        slot.byReport.set(prepared.id, [{ report: prepared, claim }]);
        entry.slots.push(place.key);
      }
      this.#dirty.add(place.key);
    }
    this.#sourceChanged(prepared, +1);
    if (entry.textual) this.#textDirty = true;
    insertSorted(this.#reportList, reportEntry(prepared), (a, b) => compareStrings(a.id, b.id));
  }

  /**
   * Removes a report; false when none is held under that id, a CorroborateError when the id is
   * not a string.
   *
   * @example
   * desk.remove('morning'); // true
   */
  remove(reportId: string): boolean {
    expectString('Reconciler.remove', 'reportId', reportId);
    const held = this.#reports.get(reportId);
    if (!held) return false;
    this.#reports.delete(reportId);
    for (const key of held.slots) {
      const slot = this.#keyed.get(key)!;
      slot.byReport.delete(reportId);
      if (slot.byReport.size === 0) this.#keyed.delete(key);
      this.#dirty.add(key);
    }
    this.#sourceChanged(held.prepared, -1);
    if (held.textual) this.#textDirty = true;
    removeSorted(this.#reportList, reportEntry(held.prepared), (a, b) => compareStrings(a.id, b.id));
    return true;
  }

  /**
   * The reconciliation of the reports held now: deep-equal to `reconcile(reports, options)`.
   *
   * @example
   * for (const f of desk.result().findings) console.log(f.verdict, f.explanation);
   */
  result(): ReconcileResult {
    if (this.#textDirty) this.#refreshText();
    for (const key of [...this.#dirty].sort(compareStrings)) this.#refreshKeyed(key);
    this.#dirty.clear();
    return {
      version: 1,
      reports: [...this.#reportList],
      summary: summarize(this.#sorted),
      findings: [...this.#sorted],
      dependence: this.#witnesses.listed(),
    };
  }

  /**
   * The state as JSON (options and held reports, sorted by id), for {@link Reconciler.fromJSON}.
   *
   * @example
   * const state = desk.toJSON(); // JSON.stringify(desk) calls it
   * Reconciler.fromJSON(JSON.parse(JSON.stringify(state))).size === desk.size; // true
   */
  toJSON(): ReconcilerState {
    const reports = [...this.#reports.values()].sort((a, b) => compareStrings(a.prepared.id, b.prepared.id)).map((h) => h.input);
    return { format: 'corroborate-reconciler', version: 1, options: this.#optionsInput ?? null, reports };
  }

  /** Keeps the per-source reliability priors right; a changed prior dirties that source's slots. */
  #sourceChanged(report: PreparedReport, delta: 1 | -1): void {
    const sourceId = report.source.id;
    let ids = this.#bySource.get(sourceId);
    if (delta > 0) {
      if (!ids) this.#bySource.set(sourceId, (ids = new Set()));
      ids.add(report.id);
    } else {
      ids?.delete(report.id);
      if (ids?.size === 0) this.#bySource.delete(sourceId);
    }
    const reliability = report.source.reliability;
    if (reliability === undefined) return;
    // The prior is the one given by the source's report with the greatest id (as sourcePriors
    // says for a batch): a newcomer with a greater id takes over; a leaving holder hands over.
    const before = this.#priors.get(sourceId);
    let rated = this.#rated.get(sourceId);
    if (!rated) this.#rated.set(sourceId, (rated = new Map()));
    const holder = this.#priorFrom.get(sourceId);
    if (delta > 0) {
      rated.set(report.id, reliability);
      if (holder === undefined || compareStrings(report.id, holder) > 0) this.#priorFrom.set(sourceId, report.id);
    } else {
      rated.delete(report.id);
      if (holder === report.id) {
        let next: string | undefined;
        for (const id of rated.keys()) if (next === undefined || compareStrings(id, next) > 0) next = id;
        if (next === undefined) this.#priorFrom.delete(sourceId);
        else this.#priorFrom.set(sourceId, next);
      }
    }
    const from = this.#priorFrom.get(sourceId);
    const after = from === undefined ? undefined : rated.get(from);
    if (after === undefined) this.#priors.delete(sourceId);
    else this.#priors.set(sourceId, after);
    if (after === before) return;
    for (const id of this.#bySource.get(sourceId) ?? []) for (const key of this.#reports.get(id)!.slots) this.#dirty.add(key);
    this.#textDirty ||= [...(this.#bySource.get(sourceId) ?? [])].some((id) => this.#reports.get(id)!.textual);
  }

  /** Copy detection and text alignment over all text reports, as reconcile() does them. */
  #refreshText(): void {
    this.#textDirty = false;
    const prepared = [...this.#reports.values()].map((h) => h.prepared).sort((a, b) => compareStrings(a.id, b.id));
    const before = this.#witnesses.listed();
    const fromText = prepared.flatMap((report) => report.claims.filter((claim) => claim.context).map((claim) => ({ report, claim })));
    const stories = findStories(fromText, DEFAULT_ALIGN_TUNING);
    this.#witnesses = new WitnessIndex(findDependence(prepared, this.#options.dependence, stories), this.#options.dependence);
    // Keyed findings of reports whose copying changed count their witnesses anew.
    for (const id of changedReports(before, this.#witnesses.listed())) for (const key of this.#reports.get(id)?.slots ?? []) this.#dirty.add(key);
    const findings = alignSlots(fromText, this.#compareOptions, DEFAULT_ALIGN_TUNING, stories).map((slot) => buildFinding(slot, this.#reliabilityOf, this.#compareOptions, this.#witnesses));
    for (const old of this.#textFindings) removeSorted(this.#sorted, old, compareFindings);
    this.#textFindings = findings.map(deepFreeze);
    this.#sorted = mergeSorted(this.#sorted, [...this.#textFindings].sort(compareFindings));
  }

  #refreshKeyed(key: string): void {
    const old = this.#keyedFindings.get(key);
    if (old) removeSorted(this.#sorted, old, compareFindings);
    const slot = this.#keyed.get(key);
    if (!slot) {
      this.#keyedFindings.delete(key);
      return;
    }
    const claims = [...slot.byReport.keys()].sort(compareStrings).flatMap((id) => slot.byReport.get(id)!);
    const finding = deepFreeze(buildFinding({ ...slot.place, claims }, this.#reliabilityOf, this.#compareOptions, this.#witnesses));
    this.#keyedFindings.set(key, finding);
    insertSorted(this.#sorted, finding, compareFindings);
  }
}

/**
 * A new, empty {@link Reconciler} with these options (validated like reconcile()'s).
 *
 * @example
 * const desk = createReconciler();
 * for await (const report of feed) {
 *   desk.add(report);
 *   publish(desk.result());
 * }
 */
export function createReconciler(options?: ReconcileOptions): Reconciler {
  return new Reconciler(options);
}

/** prepareReports() of one report, its error paths inside the report (`$.id`, not `$[0].id`). */
function prepareOne(report: unknown): PreparedReport[] {
  const issues = claimJsonIssues(report, []);
  if (issues.length > 0) throw new CorroborateError('Invalid report', issues);
  try {
    return prepareReports([report]);
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error;
    throw new CorroborateError('Invalid report', error.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })));
  }
}

/** A JSON copy of a value that must be JSON (reports, options), or a CorroborateError naming where it is not. */
function toJson(value: unknown, path: (string | number)[]): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    throw new CorroborateError('Not JSON', [{ path, message: `cannot be kept as JSON (${(error as Error).message})`, code: 'not-json' }]);
  }
}

/** Report ids in pairs that are listed in only one of the two lists, or with other content. */
function changedReports(before: readonly Dependence[], after: readonly Dependence[]): Set<string> {
  const key = (d: Dependence) => JSON.stringify(d);
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  const ids = new Set<string>();
  for (const d of before) if (!b.has(key(d))) d.reports.forEach((id) => ids.add(id));
  for (const d of after) if (!a.has(key(d))) d.reports.forEach((id) => ids.add(id));
  return ids;
}

function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(lowerBound(list, item, compare), 0, item);
}

function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  const at = lowerBound(list, item, compare);
  if (at < list.length && compare(list[at]!, item) === 0) list.splice(at, 1);
}

function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareFindings(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Freezes a finding all the way down: results share findings between calls. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
