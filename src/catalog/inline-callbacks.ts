/**
 * Methods that call their callback argument synchronously, before they return. Code in such a
 * callback runs as part of the enclosing function's execution (a blocking call there blocks that
 * function; an await there does not pause it). Array methods, plus the `Map`/`Set`/typed-array
 * methods of the same names, which behave the same way.
 */
export const INLINE_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
  'sort',
  'toSorted',
]);
