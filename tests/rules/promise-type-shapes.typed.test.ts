// Typed linting must survive every TypeScript construct: recursive, conditional and mapped types,
// intersections with Promise, and `any`/`unknown` in every position. Each case pins the answer as
// well as the absence of a crash.
import floating, * as floatingTypes from '../../src/rules/no-floating-promises';
import callback, * as callbackTypes from '../../src/rules/no-misused-async-callback';
import { typedRuleTester } from '../rule-tester';

type FloatingRule = Parameters<typeof typedRuleTester.run<floatingTypes.MessageIds, floatingTypes.Options>>[1];
type CallbackRule = Parameters<typeof typedRuleTester.run<callbackTypes.MessageIds, callbackTypes.Options>>[1];
// @typescript-eslint/rule-tester pins its own copy of utils; the rules are the same objects at run time.
const floatingRule = floating as unknown as FloatingRule;
const callbackRule = callback as unknown as CallbackRule;

/** Declarations every case below uses. */
const TYPES = `
interface Fluent<T> { add(value: T): Fluent<T>; run(): Promise<Fluent<T>> }
type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Async<R>> & Async<R> : T[K] };
declare function wrap<T>(value: T): Async<T>;
declare const fluent: Fluent<number>;
interface Chain<T> { then<R>(onFulfilled: (value: Chain<T>) => R, onRejected?: (reason: unknown) => R): Chain<R>; more(): Chain<Chain<T>> }
declare const chain: Chain<string>;
type Settled<T> = T extends PromiseLike<infer U> ? Settled<U> : { then(done: (value: Settled<T[]>) => void, failed?: (reason: unknown) => void): void };
declare function settled<T>(): Settled<T>;
type Deep<T> = { [K in keyof T]?: Deep<T[K]> };
declare function deep<T>(value: T): Deep<T>;
declare const tagged: Promise<number> & { readonly tag: 'job' };
declare const anything: any;
declare const mystery: unknown;
declare function anyFactory(): any;
declare function unknownFactory(): unknown;
declare function takesAny(run: any): void;
declare function takesUnknown(run: (value: unknown) => unknown): void;
type Recur = () => Recur;
declare const recur: Recur;
type Grow<T> = <U>() => Grow<T & U>;
declare const grow: Grow<unknown>;
type Nested = string | Promise<Nested>;
declare const nested: Nested;
declare function within<T>(run: () => T): T;
type Maker = <T>() => T;
`;

const at = (line: number): number => TYPES.split('\n').length + line - 1;

typedRuleTester.run('no-floating-promises (type shapes)', floatingRule, {
  valid: [
    // recursive generic types that are not thenables
    { filename: 'file.ts', code: `${TYPES}fluent.add(1).add(2);\nwrap(fluent);\ndeep(fluent);\nrecur()()();` },
    // any and unknown: no untyped evidence, no report
    { filename: 'file.ts', code: `${TYPES}anything;\nanything.save();\nanyFactory();\nmystery;\nunknownFactory();\n(mystery as any);` },
    { filename: 'file.ts', code: `${TYPES}if (anything.ready()) anyFactory();\nif (unknownFactory()) mystery;` },
    // a generic function type whose signature returns itself with a growing type argument
    { filename: 'file.ts', code: `${TYPES}grow();\ngrow<number>()<string>();\nif (grow()) recur();` },
    // a recursive promise union through a generic wrapper, awaited
    { filename: 'file.ts', code: `${TYPES}export const make: Maker = () => within(() => nested);\nexport async function f() { await within(() => nested); }` },
    // a recursive chain whose `then` takes one step and no rejection handler: a command queue
    { filename: 'file.ts', code: `${TYPES}interface Queue<T> { then<R>(step: (value: Queue<T>) => R): Queue<R>; more(): Queue<Queue<T>> }\ndeclare const queue: Queue<string>;\nqueue.more().more();` },
    // a recursive thenable chain handled with a rejection handler
    { filename: 'file.ts', code: `${TYPES}export async function f() { await wrap(fluent).run(); await chain.more(); }` },
    // declaration forms the file's own functions are judged by (syntax before the checker):
    // overloads, parameter properties, getters, abstract and static members, namespaces,
    // generators, functions returning data, type predicates, \`using\` declarations
    {
      filename: 'file.ts',
      code: `${TYPES}export abstract class Job {
  constructor(private readonly step: () => Promise<void>, protected done?: () => void) {}
  abstract run(): Promise<void>;
  get ready(): boolean { return true; }
  static make(): string[] { return []; }
  *ids() { yield 1; }
  pick(x: string): string;
  pick(x: number): number;
  pick(x: string | number) { return x; }
  isJob(x: unknown): x is Job { return x instanceof Job; }
  tick() { this.pick(1); this.ids(); Job.make(); if (this.isJob(this)) this.done?.(); }
}
namespace Tools { export function count() { return 1; } }
export function g() {
  using handle = { [Symbol.dispose]() {} };
  Tools.count();
  if (Tools.count()) void handle;
}`,
    },
  ],
  invalid: [
    // an async function of a namespace, called through it
    {
      filename: 'file.ts',
      code: `${TYPES}namespace Jobs { export async function start() {} }\nJobs.start();`,
      errors: [{ messageId: 'floating', line: at(2), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}namespace Jobs { export async function start() {} }\nvoid Jobs.start();` }] }],
    },
    // a mapped type whose members return Promise & itself
    {
      filename: 'file.ts',
      code: `${TYPES}wrap(fluent).add(1);`,
      errors: [{ messageId: 'floating', line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void wrap(fluent).add(1);` }] }],
    },
    // a thenable whose `then` returns the interface itself
    {
      filename: 'file.ts',
      code: `${TYPES}chain.more().more();`,
      errors: [{ messageId: 'floating', line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void chain.more().more();` }] }],
    },
    // a conditional type that resolves to a thenable
    {
      filename: 'file.ts',
      code: `${TYPES}settled<number>();`,
      errors: [{ messageId: 'floating', line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void settled<number>();` }] }],
    },
    // a union that may be a promise (string | Promise<...>), through a generic wrapper
    {
      filename: 'file.ts',
      code: `${TYPES}within(() => nested);`,
      errors: [{ messageId: 'floating', line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void within(() => nested);` }] }],
    },
    // an intersection with Promise
    {
      filename: 'file.ts',
      code: `${TYPES}tagged;`,
      errors: [{ messageId: 'floating', line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void tagged;` }] }],
    },
    // \`any\` receivers keep the untyped \`.then(callback)\` evidence
    {
      filename: 'file.ts',
      code: `${TYPES}anything.load().then((value: number) => value);`,
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: at(1), column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${TYPES}void anything.load().then((value: number) => value);` }] }],
    },
  ],
});

typedRuleTester.run('no-misused-async-callback (type shapes)', callbackRule, {
  valid: [
    // any and unknown parameter types, recursive function types
    { filename: 'file.ts', code: `${TYPES}takesAny(async () => {});\ntakesUnknown(async () => 1);\ntakesAny(recur);\n[1].forEach(() => recur);` },
    { filename: 'file.ts', code: `${TYPES}[1].forEach(() => { deep(fluent); });\n[chain].forEach((item) => { void item; });` },
    { filename: 'file.ts', code: `${TYPES}setTimeout(grow);\n[1].forEach(grow);\n[1].map(grow);` },
  ],
  invalid: [
    // a plain callback returning a recursive thenable (the message does not call it async)
    {
      filename: 'file.ts',
      code: `${TYPES}[1].forEach(() => chain.more());`,
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: at(1), column: 13, suggestions: [] }],
    },
    // an \`any\` receiver keeps the untyped evidence
    {
      filename: 'file.ts',
      code: `${TYPES}anything.forEach(async () => { await tagged; });`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: at(1), column: 18, suggestions: [] }],
    },
  ],
});
