/**
 * Claims interned into integer ids as they arrive, so millions of claims cost three integers
 * each, plus one record per distinct source, item and value.
 */
import { jsonIssue } from '../json-check.js';
import { CorroborateError } from '../model/index.js';
import { stableStringify } from '../values/canonical.js';
import { analyzeValue, fastKey, type ValueInfo } from './values.js';
import type { FuseClaim } from './types.js';

/** A growable Int32Array: plain arrays of millions of numbers cost several times more. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

// addJson caches this many distinct value texts at most (beyond, it parses every new-looking text).
const JSON_CACHE_LIMIT = 1 << 21;

/**
 * A copy of a string that shares no memory with the text it was cut from: a key kept in a map
 * must not hold a whole chunk of the input file alive.
 */
function detach(text: string): string {
  // V8 keeps a substring of 13 characters or more as a view of its parent; JSON.parse builds a fresh one.
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

function invalid(index: number, field: string | null, message: string, code = 'invalid_type'): CorroborateError {
  const path = field === null ? [index] : [index, field];
  return new CorroborateError('Invalid claim', [{ path, message, code }]);
}

/**
 * Claims interned for {@link fuse}: add them one at a time (e.g. while streaming a file), then
 * fuse the table — as often as you like, with any method and options. Each claim is checked as it
 * is added; a bad one throws CorroborateError with the path `[index, field]`.
 *
 * @example
 * const table = new ClaimTable();
 * table.add({ source: 'a', subject: 'AA-1007', attribute: 'gate', value: 'F78' });
 * fuse(table, { method: 'accu' });
 */
export class ClaimTable {
  /** Source name per source id (ids in first-seen order). */
  readonly sourceNames: string[] = [];
  /** Subject and attribute per item id. */
  readonly itemSubjects: string[] = [];
  readonly itemAttributes: string[] = [];
  /** Per distinct original value: the value, its canonical JSON, how it compares, the first claim index. */
  readonly values: unknown[] = [];
  readonly valueKeys: string[] = [];
  /** @internal How fusion compares each value (an engine detail). */
  readonly valueInfos: ValueInfo[] = [];
  readonly valueFirstIndex: number[] = [];

  readonly #claimSource = new IntColumn();
  readonly #claimItem = new IntColumn();
  readonly #claimValue = new IntColumn();
  readonly #sourceIds = new Map<string, number>();
  readonly #itemIds = new Map<string, Map<string, number>>();
  readonly #valueIds = new Map<string, number>();
  // addJson: value ids by the JSON text as written (a cache in front of #valueIds, bounded).
  readonly #jsonValueIds = new Map<string, number>();
  // Claims usually come grouped by source and subject: the last ones looked up.
  #lastSource = '';
  #lastSourceId = -1;
  #lastSubject = '';
  #lastAttributes: Map<string, number> | undefined;

  /** Number of claims added. */
  get size(): number {
    return this.#claimSource.length;
  }

  /** Per claim: source id, item id, value id (views over the first {@link size} entries). */
  get claimSources(): Int32Array {
    return this.#claimSource.data.subarray(0, this.size);
  }
  get claimItems(): Int32Array {
    return this.#claimItem.data.subarray(0, this.size);
  }
  get claimValues(): Int32Array {
    return this.#claimValue.data.subarray(0, this.size);
  }

  /**
   * Checks and adds one claim. `index` (default: the number of claims so far) is the first element
   * of the error path.
   *
   * @example
   * new ClaimTable().add({ source: 'a', subject: 's', attribute: 'x', value: 1 });
   */
  add(claim: FuseClaim, index: number = this.size): void {
    if (claim === null || typeof claim !== 'object' || Array.isArray(claim)) throw invalid(index, null, 'a claim must be an object { source, subject, attribute, value }');
    const { source, subject, attribute, value } = claim;
    if (typeof source !== 'string' || source.length === 0) throw invalid(index, 'source', 'must be a non-empty string');
    if (typeof subject !== 'string') throw invalid(index, 'subject', 'must be a string');
    if (typeof attribute !== 'string') throw invalid(index, 'attribute', 'must be a string');
    if (value === undefined) throw invalid(index, 'value', 'is required');
    const valueId = this.#valueId(value, index);
    this.#push(source, subject, attribute, valueId);
  }

  /**
   * Adds one claim whose value is JSON text, as read from a file: each distinct text is parsed
   * and checked once, so a value repeated a million times costs a map lookup. Throws
   * CorroborateError like {@link add}, also for text that is not JSON (code `invalid_json`).
   *
   * @example
   * new ClaimTable().addJson('a', 's', 'x', '{"kind":"time","value":"2011-12-01T14:07:00-05:00"}');
   */
  addJson(source: string, subject: string, attribute: string, valueJson: string, index: number = this.size): void {
    if (typeof source !== 'string' || source.length === 0) throw invalid(index, 'source', 'must be a non-empty string');
    if (typeof subject !== 'string') throw invalid(index, 'subject', 'must be a string');
    if (typeof attribute !== 'string') throw invalid(index, 'attribute', 'must be a string');
    if (typeof valueJson !== 'string') throw invalid(index, 'value', 'must be JSON text (a string)');
    let valueId = this.#jsonValueIds.get(valueJson);
    if (valueId === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(valueJson);
      } catch (error) {
        throw invalid(index, 'value', `is not JSON text (${(error as Error).message})`, 'invalid_json');
      }
      valueId = this.#valueId(value, index);
      if (this.#jsonValueIds.size < JSON_CACHE_LIMIT) this.#jsonValueIds.set(detach(valueJson), valueId);
    }
    this.#push(source, subject, attribute, valueId);
  }

  /** The id of a value, interning it (checked) when new. */
  #valueId(value: unknown, index: number): number {
    let key = fastKey(value);
    if (key === undefined) {
      // Checked before keying: stableStringify would throw on a bigint and recurse forever on a cycle.
      const problem = jsonIssue(value, [index, 'value']);
      if (problem) throw new CorroborateError('Invalid claim', [problem]);
      key = stableStringify(value);
    }
    let valueId = this.#valueIds.get(key);
    if (valueId === undefined) {
      const info = analyzeValue(value);
      if (typeof info === 'string') throw invalid(index, 'value', info, 'invalid_value');
      valueId = this.values.length;
      this.#valueIds.set(key, valueId);
      this.values.push(value);
      this.valueKeys.push(key);
      this.valueInfos.push(info);
      this.valueFirstIndex.push(index);
    }
    return valueId;
  }

  #push(source: string, subject: string, attribute: string, valueId: number): void {
    let sourceId = this.#lastSourceId;
    if (source !== this.#lastSource || sourceId < 0) {
      sourceId = this.#sourceIds.get(source) ?? -1;
      if (sourceId < 0) {
        source = detach(source);
        sourceId = this.sourceNames.length;
        this.#sourceIds.set(source, sourceId);
        this.sourceNames.push(source);
      }
      this.#lastSource = source;
      this.#lastSourceId = sourceId;
    }

    // Nested maps: a joined "subject|attribute" key could collide.
    let attributes = this.#lastAttributes;
    if (subject !== this.#lastSubject || attributes === undefined) {
      attributes = this.#itemIds.get(subject);
      if (attributes === undefined) {
        subject = detach(subject);
        attributes = new Map();
        this.#itemIds.set(subject, attributes);
      }
      this.#lastSubject = subject;
      this.#lastAttributes = attributes;
    }
    let itemId = attributes.get(attribute);
    if (itemId === undefined) {
      attribute = detach(attribute);
      itemId = this.itemSubjects.length;
      attributes.set(attribute, itemId);
      this.itemSubjects.push(this.#lastSubject);
      this.itemAttributes.push(attribute);
    }

    this.#claimSource.push(sourceId);
    this.#claimItem.push(itemId);
    this.#claimValue.push(valueId);
  }

  /**
   * Adds many claims (indices continue from {@link size}).
   *
   * @example
   * const table = new ClaimTable().addAll(claims);
   */
  addAll(claims: Iterable<FuseClaim>): this {
    if (claims === null || typeof claims !== 'object' || typeof (claims as Partial<Iterable<FuseClaim>>)[Symbol.iterator] !== 'function') {
      throw new CorroborateError('fuse() expects an array (or iterable) of claims', [
        { path: [], message: `expected claims { source, subject, attribute, value }, received ${claims === null ? 'null' : typeof claims}`, code: 'invalid_type' },
      ]);
    }
    for (const claim of claims) this.add(claim);
    return this;
  }
}
