// The value algebra as the public surface offers it: the same functions, with their arguments
// checked first, so a caller's mistake is a CorroborateError naming the argument rather than a
// TypeError from deep inside. Internal code calls the unchecked functions directly.
import * as z from 'zod/mini';
import {
  BooleanValueSchema,
  CorroborateError,
  DateOrDateTimeSchema,
  EntityValueSchema,
  JsonValueSchema,
  PhraseValueSchema,
  QuantityValueSchema,
  QuoteValueSchema,
  TextValueSchema,
  TimeValueSchema,
  ValueSchema,
  fromZodIssues,
} from '../model/index.js';
import * as compare from './compare.js';
import * as entity from './entity.js';
import * as quantity from './quantity.js';
import * as quote from './quote.js';
import * as simple from './simple.js';
import * as time from './time.js';

const options = z.union([z.looseObject({}), z.undefined()]);
const string = z.string();
// publishedAt as extract() and reports take it: a bad date is an error, not an unresolved time.
const context = z.optional(z.looseObject({ publishedAt: z.optional(z.nullable(DateOrDateTimeSchema)) }));
const list = <T extends z.ZodMiniType>(schema: T) => z.readonly(z.array(schema));

/**
 * Wraps `fn` so each argument is checked against its schema first (named in the error).
 *
 * @example
 * const safeFormat = checked('formatQuantity', [['value', QuantityValueSchema]], quantity.formatQuantity);
 */
function checked<F extends (...args: never[]) => unknown>(name: string, params: readonly (readonly [string, z.ZodMiniType])[], fn: F): F {
  const wrapped = (...args: unknown[]): unknown => {
    params.forEach(([param, schema], i) => {
      const result = schema.safeParse(args[i]);
      if (!result.success) throw new CorroborateError(`${name}(): invalid argument "${param}"`, fromZodIssues(result.error.issues, [param]));
    });
    return (fn as unknown as (...a: unknown[]) => unknown)(...args);
  };
  return wrapped as unknown as F;
}

/**
 * Reads a count or amount from a phrase; null when there is none. See the unchecked original in values/quantity.
 *
 * @example
 * parseQuantity('over 1,000 accounts');
 * // { kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts', text: 'over 1,000 accounts' }
 */
export const parseQuantity = checked('parseQuantity', [['phrase', string]], quantity.parseQuantity);
/**
 * Compares two quantities: equal, compatible (hedge, rounding) or conflicting.
 *
 * @example
 * compareQuantities(parseQuantity('1,178 accounts')!, parseQuantity('over 1,000 accounts')!).reason; // 'hedge'
 */
export const compareQuantities = checked('compareQuantities', [['a', QuantityValueSchema], ['b', QuantityValueSchema], ['options', options]], quantity.compareQuantities);
/**
 * The most specific quantity consistent with all of them; null when they conflict or the list is empty.
 *
 * @example
 * combineQuantities([parseQuantity('1,178 accounts')!, parseQuantity('over 1,000 accounts')!]); // 1,178 accounts
 */
export const combineQuantities = checked('combineQuantities', [['values', list(QuantityValueSchema)]], quantity.combineQuantities);
/**
 * A quantity as a report would print it.
 *
 * @example
 * formatQuantity(parseQuantity('over 1,000 accounts')!); // 'over 1,000 accounts'
 */
export const formatQuantity = checked('formatQuantity', [['value', QuantityValueSchema]], quantity.formatQuantity);
/**
 * The canonical singular form of a unit noun, synonyms folded.
 *
 * @example
 * canonicalUnit('Persons'); // 'people'
 */
export const canonicalUnit = checked('canonicalUnit', [['noun', string]], quantity.canonicalUnit);

/**
 * Reads a date or relative time expression, resolved against `publishedAt` when given; null when none.
 *
 * @example
 * parseTime('on Monday', { publishedAt: '2021-02-09' }); // the day 2021-02-08
 */
export const parseTime = checked('parseTime', [['phrase', string], ['context', context]], time.parseTime);
/**
 * Compares two times: the same instant or day, compatible (granularity, time zone) or conflicting.
 *
 * @example
 * compareTimes(parseTime('on Monday', { publishedAt: '2021-02-09' })!, parseTime('February 8, 2021')!).verdict; // 'agree'
 */
export const compareTimes = checked('compareTimes', [['a', TimeValueSchema], ['b', TimeValueSchema], ['options', options]], time.compareTimes);
/**
 * The most specific time consistent with all of them; null when they conflict.
 *
 * @example
 * combineTimes([parseTime('in February 2021')!, parseTime('February 8, 2021')!]); // 2021-02-08
 */
export const combineTimes = checked('combineTimes', [['values', list(TimeValueSchema)]], time.combineTimes);
/**
 * A time as a report would print it.
 *
 * @example
 * formatTime(parseTime('February 8, 2021')!); // '2021-02-08'
 */
export const formatTime = checked('formatTime', [['value', TimeValueSchema]], time.formatTime);
/**
 * Resolves a relative time that was read without a publication date, once the date is known.
 *
 * @example
 * resolveTimeValue(parseTime('on Monday')!, { publishedAt: '2021-02-09' }); // 2021-02-08
 */
export const resolveTimeValue = checked('resolveTimeValue', [['value', TimeValueSchema], ['context', context]], time.resolveTimeValue);

/**
 * Reads a quote (quote marks and ellipses stripped, text normalised for comparison).
 *
 * @example
 * parseQuote('“We have reached out…”').text; // 'We have reached out…'
 */
export const parseQuote = checked('parseQuote', [['text', string]], quote.parseQuote);
/**
 * The comparison form of a quote: case, quote marks, dashes and spacing folded.
 *
 * @example
 * normalizeQuote('“We  have reached OUT”'); // 'we have reached out'
 */
export const normalizeQuote = checked('normalizeQuote', [['text', string]], quote.normalizeQuote);
/**
 * Compares two quotes: identical, an excerpt of the other, or reworded (with a word diff).
 *
 * @example
 * compareQuotes(parseQuote('work force'), parseQuote('workforce')).reason; // 'wording'
 */
export const compareQuotes = checked('compareQuotes', [['a', QuoteValueSchema], ['b', QuoteValueSchema], ['options', options]], quote.compareQuotes);
/**
 * The fullest quote consistent with all of them (the one the others are excerpts of); null when reworded.
 *
 * @example
 * combineQuotes([parseQuote('we have reached out'), parseQuote('we have reached out to the minister')])!.text;
 * // 'we have reached out to the minister'
 */
export const combineQuotes = checked('combineQuotes', [['values', list(QuoteValueSchema)]], quote.combineQuotes);
/**
 * A quote in curly quote marks.
 *
 * @example
 * formatQuote(parseQuote('we have reached out')); // '“we have reached out”'
 */
export const formatQuote = checked('formatQuote', [['value', QuoteValueSchema]], quote.formatQuote);
/**
 * A word-level diff from `a` to `b`.
 *
 * @example
 * diffWords('reached out to the minister', 'reached out to the Honourable Minister');
 * // [{ op: 'equal', text: 'reached out to the' }, { op: 'insert', text: 'Honourable' }, { op: 'equal', text: 'minister' }]
 */
export const diffWords = checked('diffWords', [['a', string], ['b', string]], quote.diffWords);

/**
 * Reads a person or organisation: name, title, role, organisation.
 *
 * @example
 * parseEntity('IT Minister Ravi Shankar Prasad'); // { kind: 'entity', name: 'Ravi Shankar Prasad', title: 'IT Minister', ... }
 */
export const parseEntity = checked('parseEntity', [['phrase', string]], entity.parseEntity);
/**
 * Compares two entities: the same (aliases, initials, surname), or different people or bodies.
 *
 * @example
 * compareEntities(parseEntity('Minister Prasad'), parseEntity('Ravi Shankar Prasad')).reason; // 'equal' (by surname)
 */
export const compareEntities = checked('compareEntities', [['a', EntityValueSchema], ['b', EntityValueSchema], ['options', options]], entity.compareEntities);
/**
 * The fullest entity consistent with all of them; null when they differ.
 *
 * @example
 * combineEntities([parseEntity('Ravi Shankar Prasad'), parseEntity('IT Minister Ravi Shankar Prasad')]); // with the title
 */
export const combineEntities = checked('combineEntities', [['values', list(EntityValueSchema)], ['options', options]], entity.combineEntities);
/**
 * An entity as a report would print it.
 *
 * @example
 * formatEntity(parseEntity('IT Minister Ravi Shankar Prasad')); // 'IT Minister Ravi Shankar Prasad'
 */
export const formatEntity = checked('formatEntity', [['value', EntityValueSchema]], entity.formatEntity);
/**
 * The key two names share when they are one entity (aliases applied, case and accents folded).
 *
 * @example
 * entityKey('Ministry of Electronics and IT') === entityKey('MeitY'); // true
 */
export const entityKey = checked('entityKey', [['name', string]], entity.entityKey);
/**
 * An alias table from groups of names for one entity (the built-in groups included by default).
 *
 * @example
 * const aliases = createAliasTable([['Port Alder Council', 'PAC']]);
 */
export const createAliasTable = checked('createAliasTable', [['groups', list(list(string))], ['options', options]], entity.createAliasTable);

/**
 * Compares two free texts (case and punctuation folded).
 *
 * @example
 * compareTexts({ kind: 'text', text: 'Delhi' }, { kind: 'text', text: 'delhi' }).reason; // 'case'
 */
export const compareTexts = checked('compareTexts', [['a', TextValueSchema], ['b', TextValueSchema]], simple.compareTexts);
/**
 * Compares two booleans.
 *
 * @example
 * compareBooleans({ kind: 'boolean', value: true }, { kind: 'boolean', value: false }).verdict; // 'conflict'
 */
export const compareBooleans = checked('compareBooleans', [['a', BooleanValueSchema], ['b', BooleanValueSchema]], simple.compareBooleans);
/**
 * Compares two JSON values structurally.
 *
 * @example
 * compareJson({ kind: 'json', value: [1, 2] }, { kind: 'json', value: [1, 2] }).verdict; // 'agree'
 */
export const compareJson = checked('compareJson', [['a', JsonValueSchema], ['b', JsonValueSchema]], simple.compareJson);

/**
 * Compares any two values of the model (a different kind is a conflict).
 *
 * @example
 * compareValues(parseQuantity('1,200 accounts')!, parseQuantity('1,178 accounts')!).reason; // 'rounding'
 */
export const compareValues = checked('compareValues', [['a', ValueSchema], ['b', ValueSchema], ['options', options]], compare.compareValues);
/**
 * The most specific value consistent with all of them; null when they conflict or differ in kind.
 *
 * @example
 * combineValues([parseQuantity('1,178 accounts')!, parseQuantity('over 1,000 accounts')!]);
 */
export const combineValues = checked('combineValues', [['values', list(ValueSchema)], ['options', options]], compare.combineValues);
/**
 * Any value as a report would print it.
 *
 * @example
 * formatValue({ kind: 'boolean', value: true }); // 'true'
 */
export const formatValue = checked('formatValue', [['value', ValueSchema]], compare.formatValue);
/**
 * Parses a phrase value (`{ kind, phrase }`) into a typed value; null when the phrase has none.
 *
 * @example
 * parsePhraseValue({ kind: 'time', phrase: 'on Monday' }, { publishedAt: '2021-02-09' }); // 2021-02-08
 */
export const parsePhraseValue = checked('parsePhraseValue', [['input', PhraseValueSchema], ['context', context]], compare.parsePhraseValue);
