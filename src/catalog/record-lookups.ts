/**
 * A method named for looking records up and nothing else (`find`, `findOne`, `findBy`, `findMany`,
 * `findFirst`, `findUnique`, `findById`, the reads of ORM repositories and models), without the
 * finds that also write (`findOneAndUpdate`, `findByIdAndDelete`, `findOrCreate`) or refuse an
 * absent record (`findOneOrFail`, `findFirstOrThrow`: a lookup that rejects on ordinary input).
 * See `looksUpThenGuards` (analysis/self-handled.ts).
 */
export const RECORD_LOOKUP_NAME = /^find(?:[A-Z0-9_](?:(?!And[A-Z]|Or[A-Z])\w)*)?$/;
