import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type * as ts from 'typescript';
import {
  FUNCTION_WRAPPER_APIS,
  PROMISE_APIS,
  PROMISE_OBJECT_APIS,
  PROMISIFY_APIS,
  type PromiseObjectInfo,
  TYPESCRIPT_EMIT_HELPERS,
} from '../catalog/promise-apis';
import { type FunctionNode, isFunctionNode } from './async-context';
import { ApiCatalogIndex, type ApiEntry, apiSourceName, getModuleLoads, getTextModuleLoads, importedCallee, mayLoadModule } from './imports';
import { perFile } from './per-file';
import { collectPromiseNames, type PromiseNames } from './promise-names';
import { getSourceWords, type SourceWords } from './source-words';
import { readResolvedAsyncExports } from './module-exports';
import { getRelativeModules, mayNameProjectModule } from './module-resolution';
import { skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { getTypedServices } from '../util/typed-services';
import { lookUpInSameFunction, someNodeInSameFunction } from './walk';

/**
 * What happens to a value where it is produced, read off its place in the syntax tree:
 * - `awaited`: the operand of `await`;
 * - `returned`: the argument of `return`, or an arrow function's expression body;
 * - `yielded`: the argument of `yield` (the generator's consumer receives it);
 * - `voided`: the operand of `void` (explicitly marked as not awaited);
 * - `handled`: chained with a rejection handler, `.catch(fn)` or `.then(ok, fail)`;
 * - `passed`: an argument of a call or `new` (the callee takes responsibility for it);
 * - `stored`: assigned to an object property or class field (someone else may await it later);
 * - `assigned`: the initializer of, or assigned to, a local variable (follow the variable);
 * - `dropped`: the value of an expression statement, or a non-last operand of a sequence: nobody
 *   can ever see it again;
 * - `other`: anything else (operand of an operator, test of a condition, member access,
 *   template, destructuring...), which this analysis does not judge.
 *
 * Values flow through transparent wrappers (`x as T`, `x!`, `x?.()`), both branches of
 * `a ? b : c`, both operands of `a && b` / `a || b` / `a ?? b`, the last operand of a sequence,
 * array elements and object property values (the container's own usage counts), and promise
 * chains without a rejection handler (`p.then(f)`, `p.finally(f)`, `p.catch()`: the new promise
 * rejects when `p` does, so `p`'s usage is the chain's usage).
 */
export type ValueUsage =
  | { kind: 'awaited'; node: TSESTree.AwaitExpression }
  | { kind: 'returned'; node: TSESTree.Node }
  | { kind: 'yielded'; node: TSESTree.YieldExpression }
  | { kind: 'voided'; node: TSESTree.UnaryExpression }
  | { kind: 'handled'; call: TSESTree.CallExpression }
  | { kind: 'passed'; call: TSESTree.CallExpression | TSESTree.NewExpression }
  | { kind: 'stored'; node: TSESTree.Node }
  | { kind: 'assigned'; node: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression }
  | { kind: 'dropped'; statement: TSESTree.ExpressionStatement | TSESTree.SequenceExpression }
  | { kind: 'other'; node: TSESTree.Node };

/** Promise methods that return a new promise which rejects when the receiver does (unless handled). */
const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** How deep untyped inference follows variables and "every return is a promise" functions. */
const MAX_DEPTH = 4;

/** `ts.TypeFlags.Void`; written out so untyped mode never loads `typescript`. */
const TYPE_FLAGS_VOID = 16384;
/** `ts.TypeFlags.Any`: also the type of anything the checker cannot resolve (a missing module). */
const TYPE_FLAGS_ANY = 1;

type TypedServices = {
  program: ts.Program;
  checker: ts.TypeChecker;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node };
};

/**
 * Promise knowledge about one file. Create it once per file in a rule's `create`
 * (`getPromiseAnalysis(context)`); it caches what it computes for that file only.
 *
 * What counts as "a promise" (`isPromise`):
 * - typed mode (a `program` is present): an expression whose type is thenable: some part of its
 *   (apparent, union) type has a callable `then` taking a callback. For `any` and `unknown`
 *   (an unresolved import, a missing `@types` package, an untyped JS module, a symbol-keyed
 *   method) the checker knows nothing, so the untyped evidence below decides: typed answers are a
 *   superset of untyped ones unless a type proves the untyped guess wrong. A call typed
 *   `Promise<T> | undefined` that passes a function argument (`query(sql, done)`) is a callback
 *   API called the callback way: not a promise. Functions imported from other modules and
 *   `.d.ts` files are covered by the checker.
 * - untyped mode, from syntax and scope only (no guessing by names):
 *   - a call of a function known to return a promise (`returnsPromise`): declared `async`
 *     in this file (`async function f`, `const f = async () => ...` never reassigned), an async
 *     method called as `this.m()` inside the same class or object literal, `obj.m()` where `obj`
 *     is a `const` object literal or `new C()` of a class declared in the file, `C.m()` for a
 *     static async method, a `const f = useCallback(async () => ...)` (React), an async IIFE,
 *     methods inherited from a class declared in the file, or a non-async function whose every `return`
 *     returns a promise (followed to a bounded depth);
 *   - a call of a function imported from a relative module (`./db`) that exports it as
 *     `async` or `Promise`-typed, found by scanning that file's text (`module-exports.ts`);
 *   - a call of a catalogued API resolved through imports and globals (`PROMISE_APIS`): global
 *     `fetch(...)`, `new Promise(...)`, `Promise.all/allSettled/any/race/resolve/reject/try(...)`,
 *     `fs/promises`, `fs.promises.*`, `timers/promises`, `stream/promises`, `dns/promises`,
 *     `events.once`, `crypto.subtle.*`; shadowed names are not these APIs;
 *   - `.then/.catch/.finally(...)` called on a promise;
 *   - a `const` (or never reassigned `let`) variable initialized with a promise;
 *   - `a ? b : c` when both branches are promises, `(a, b)` when `b` is.
 * Async generators return async iterators, not promises.
 */
export interface PromiseAnalysis {
  /** True when the checker is available (typed mode). */
  readonly typed: boolean;
  /** Is this expression's value a promise (see above)? */
  isPromise(node: TSESTree.Expression): boolean;
  /** Is this expression a function value whose every call returns a promise? */
  returnsPromise(node: TSESTree.Expression): boolean;
  /**
   * Like `isPromise`, but typed mode requires every part of the type to be thenable:
   * `Promise<T> | undefined` (a getter of a cached promise) is not always a promise. Untyped, the
   * same as `isPromise`.
   */
  isAlwaysPromise(node: TSESTree.Expression): boolean;
  /**
   * Typed mode: does the checker know this expression's type (not `any`/`unknown`)? False
   * untyped. Rules keep their untyped evidence wherever this is false.
   */
  hasKnownType(node: TSESTree.Node): boolean;
  /** What happens to the value of `node` (see `ValueUsage`). */
  usageOf(node: TSESTree.Node): ValueUsage;
  /** The function an identifier or member callee refers to, when scope analysis can tell. */
  resolveCallee(callee: TSESTree.Expression): FunctionNode | null;
  /**
   * Does the call run a non-async method whose last statement (function declarations after it
   * aside) returns a field of its object (`return this.promise`)? Then its promise is one the object keeps, created, and handled or
   * awaited, by whoever started the work; a call that re-runs the method (a retry, a redirect)
   * and drops the result drops nothing new. The method is found as `resolveCallee` finds it, and
   * typed also through the receiver's type: a method of a class declared in this file, or a
   * function assigned to that class's prototype at the top level (`Batch.prototype.exec =
   * function () {...}`), which wins over a member of the same name.
   */
  returnsStoredPromise(call: TSESTree.Node): boolean;
  /**
   * Typed: does the call return a value of exactly the type (not a `Promise`) of its receiver or
   * of one of its arguments, where that value is held: a local name, a parameter or
   * `this.field`, or such a call on one (`builder.where(...)`, `this.query.where(...).first()`,
   * `applyFilters(builder, filters)`; not a fresh call's result)? Such a thenable is a lazy builder
   * being configured: nothing starts until it is awaited, and the code keeps it, so dropping the
   * returned builder loses nothing. `then`/`catch`/`finally` are never such a call. False untyped
   * and when the checker knows neither type.
   */
  continuesHeldBuilder(call: TSESTree.Node): boolean;
  /**
   * Typed: is `reference` a parameter (`onAbort`, called as `onAbort?.()` or handed on) whose
   * declared type returns `void` or a promise in every call signature (`() => void | Promise<void>`)?
   * The function that declares it says either is fine: the caller may hand in an async hook, and
   * it will not wait for it. False untyped and for anything else.
   */
  declaresIgnorablePromise(reference: TSESTree.Node): boolean;
  /**
   * Typed mode: is `node` (a callback argument) passed where the parameter's function type, as
   * declared, may return a thenable, i.e. the callee is declared to accept async callbacks? A
   * return type that is a bare type parameter (`map<U>(fn: () => U)`) does not count. Always false
   * untyped.
   */
  expectsPromiseReturn(node: TSESTree.Expression): boolean;
  /**
   * Typed mode: is `node` a Node-style callback however it is written (`timeout(done, ms)`,
   * `once(callback)`): a function whose first parameter is named for an error (`err`, `error`,
   * `e`) or typed as one (`Error | null`)? Always false untyped.
   */
  isErrorFirstCallback(node: TSESTree.Node): boolean;
  /** Typed mode only: the checker services; null untyped. */
  readonly services: TypedServices | null;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Bounds on `collectPromiseNames` per file: past them the names are not collected and every
 * question resolves its callee as before.
 */
const PROMISE_NAME_LIMITS = { maxNames: 2000, maxScans: 200 };

const PROMISE_API_INDEX = new ApiCatalogIndex(PROMISE_APIS);
const PROMISIFY_INDEX = new ApiCatalogIndex(PROMISIFY_APIS);
const PROMISE_OBJECT_INDEX = new ApiCatalogIndex(PROMISE_OBJECT_APIS);
const FUNCTION_WRAPPER_INDEX = new ApiCatalogIndex(FUNCTION_WRAPPER_APIS);

/** Every untyped source of promises: catalogued APIs, `promisify`, promise-returning objects, `useCallback`. */
const PROMISE_SOURCE_INDEXES = [PROMISE_API_INDEX, PROMISIFY_INDEX, PROMISE_OBJECT_INDEX, FUNCTION_WRAPPER_INDEX];

/** The promise catalogs, by the name `PromiseSourceCalls` files their calls under. */
const PROMISE_CATALOGS = {
  api: PROMISE_APIS,
  promisify: PROMISIFY_APIS,
  object: PROMISE_OBJECT_APIS,
  wrapper: FUNCTION_WRAPPER_APIS,
} as const;
type PromiseCatalog = keyof typeof PROMISE_CATALOGS;

/**
 * The four promise catalogs as one index, so one `ReferenceTracker` pass per file finds the calls
 * of all four. An entry's info lists the catalogs that have an entry for the same source, path
 * and use, with each catalog's info (a later entry of one catalog replaces an earlier one, as in
 * a catalog's own index).
 */
const PROMISE_CATALOGS_INDEX = new ApiCatalogIndex(
  (() => {
    const merged = new Map<string, ApiEntry<Map<PromiseCatalog, unknown>>>();
    for (const [catalog, entries] of Object.entries(PROMISE_CATALOGS) as [PromiseCatalog, readonly ApiEntry<unknown>[]][]) {
      for (const entry of entries) {
        const key = ['module' in entry.source ? 'module' : 'global', apiSourceName(entry.source), ...entry.path, entry.use].join('\0');
        const known = merged.get(key) ?? { source: entry.source, path: entry.path, use: entry.use, info: new Map() };
        known.info.set(catalog, entry.info);
        merged.set(key, known);
      }
    }
    return merged.values();
  })(),
);

/**
 * The calls of a file that a promise catalog lists, by catalog: each call with the info of the
 * first route that reached it (as each catalog's own `references` would give).
 */
type PromiseSourceCalls = { readonly [catalog in PromiseCatalog]: Map<TSESTree.Node, unknown> };

function findPromiseSourceCalls(sourceCode: Readonly<TSESLint.SourceCode>): PromiseSourceCalls {
  const calls: PromiseSourceCalls = { api: new Map(), promisify: new Map(), object: new Map(), wrapper: new Map() };
  for (const reference of PROMISE_CATALOGS_INDEX.allReferences(sourceCode)) {
    for (const [catalog, info] of reference.info) {
      if (!calls[catalog].has(reference.node)) calls[catalog].set(reference.node, info);
    }
  }
  return calls;
}

/** The module specifiers (with their `node:` forms) of `PROMISE_SOURCE_INDEXES`. */
const PROMISE_SOURCE_MODULES: ReadonlySet<string> = new Set(PROMISE_SOURCE_INDEXES.flatMap((index) => index.moduleSpecifiers()));

/** The globals of `PROMISE_SOURCE_INDEXES` (`Promise`, `fetch`, ...). */
const PROMISE_SOURCE_GLOBALS: readonly string[] = [...new Set(PROMISE_SOURCE_INDEXES.flatMap((index) => index.globalNames()))];

function noPromiseSourceCalls(): PromiseSourceCalls {
  return { api: new Map(), promisify: new Map(), object: new Map(), wrapper: new Map() };
}

/**
 * Can a call of this file be one the promise catalogs list (`findPromiseSourceCalls`)? False when
 * no catalog global is named anywhere in the text and the file loads no catalog module (see
 * `ModuleLoads`): every route of the catalogs' `ReferenceTracker` pass starts at one of them, so
 * the pass is skipped. The modules are read only when no such global is named.
 */
function mayCallPromiseCatalogs(context: Context, words: SourceWords): boolean {
  return PROMISE_SOURCE_GLOBALS.some((name) => words.inCode(name)) || mayLoadPromiseModule(context);
}

/**
 * May the file load a module of the promise catalogs (see `ModuleLoads`)? Read from the text where
 * it can tell (`getTextModuleLoads`, a superset), else from the tree.
 */
function mayLoadPromiseModule(context: Context): boolean {
  const byText = getTextModuleLoads(context);
  if (!byText) return mayLoadModule(getModuleLoads(context), PROMISE_SOURCE_MODULES);
  for (const specifier of byText.specifiers) {
    if (PROMISE_SOURCE_MODULES.has(specifier)) return true;
  }
  return false;
}

/**
 * Untyped: can anything in this file be a promise (`isPromise`, `returnsPromise`) or a promise
 * chain, as far as the file's own text tells without reading another file? False only when none
 * of the evidence `isPromise` reads can be there:
 * - no `async` outside comments (no async function, method or IIFE);
 * - no `then` or `finally` outside comments (no `.then(cb)` / `.finally(cb)` chain, which rules
 *   judge by syntax as evidence of a thenable; a `.catch` chain needs a promise receiver, which
 *   needs one of these words);
 * - no global of the promise catalogs named outside comments (`Promise`, `fetch`, `crypto`);
 * - no import, `require()`, `import()` or `import x = require()` of a module of the promise
 *   catalogs (`fs/promises`, `util`, `events`, `axios`, ...; `node:` forms included), and none
 *   whose specifier is not a string literal (see `ModuleLoads`);
 * - no relative module (`ModuleLoads.relativeValueSources`: one that binds a name a value of the
 *   file can read; a module whose every binding is a type import no value reads resolves no call)
 *   that exports a promise-returning function (`asyncExportsOf`, the same reading
 *   `isImportedPromiseFunction` asks per call: an unresolved or unreadable module exports none).
 * The relative modules are read last, only for a file where nothing else can be a promise (a
 * CommonJS file of synchronous helpers that `require('./util')`s other synchronous helpers): there
 * the only promise a rule could find is a call of such an export, and without one the file costs
 * no promise knowledge (promise names, catalog calls, per-call questions) at all.
 * The words are looked for standing alone (`SourceWords.inCode`: a JSDoc `{Promise<void>}` or a
 * "then" in a comment is no evidence); one in a string also counts, so a "true" only means "look".
 * The modules are read from the text where it can tell (`getTextModuleLoads`, a superset of the
 * loads, relative modules of every `require('./x')` included), else from the tree (`getModuleLoads`).
 */
function untypedMayContainPromises(context: Context, asyncExportsOf: (specifier: string) => ReadonlySet<string> | null): boolean {
  const words = getSourceWords(context);
  if (words.inCode('async') || words.inCode('then') || words.inCode('finally')) return true;
  if (mayCallPromiseCatalogs(context, words)) return true;
  // The text's superset of the project modules first: no scope lookups, no tree search for `require` calls.
  const byText = getTextModuleLoads(context);
  const sources = byText ? [...byText.projectSources].filter(mayNameProjectModule) : getModuleLoads(context).relativeValueSources;
  for (const specifier of sources) {
    if ((asyncExportsOf(specifier)?.size ?? 0) > 0) return true;
  }
  return false;
}

/**
 * The function-valued members of a class body or object literal by name (null: declared, but no
 * resolvable function); `unresolvable` when any name may come from elsewhere (an object spread).
 */
interface MemberIndex {
  readonly members: ReadonlyMap<string, FunctionNode | null>;
  readonly unresolvable: boolean;
}

/**
 * Typed mode: what a callee's declared type says about its calls (see `callReturnsNoPromise`):
 * `true` no promise; `'unknown'` typed `any`; `{ passes }` a generic function that returns the
 * argument at that index (`<T>(o: T, ...) => T`); null when the call itself must be typed.
 */
type CalleeAnswer = true | 'unknown' | { passes: number } | null;

/** The path under which every member of a local name declared `any` or `unknown` shares one answer (see `calleeKey`). */
const ANY_MEMBER = '.*';

/**
 * A local name's declared type: `any`/`unknown` (`'any'`), neither a union nor a type parameter
 * (`'plain'`), or anything else.
 */
type DeclaredKind = 'plain' | 'any' | 'other';

/**
 * Arguments that a generic pass-through (`<T>(o: T) => T`) hands back as no new promise: a name or
 * member holds a value whose own holder is judged where it was made; literals, objects, arrays,
 * functions and `this` are no promise. A call, `new`, `await` or branch is judged by the call's type.
 */
const PASSED_THROUGH_VALUES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
]);

/** A class name's top-level declaration in a file (its body) and the functions assigned to its prototype there, by member. */
interface ClassImplementations {
  body: TSESTree.ClassBody | null;
  readonly prototype: Map<string, FunctionNode>;
}

/**
 * Names of the file's variables declared exactly once as a function declaration, a class, or a
 * variable with an initializer: `constantInit`, `resolveCallee` and `localClass` resolve nothing
 * else, so a name outside them costs no scope lookup. Read from every scope of the scope manager;
 * null when it lists none (then nothing is skipped).
 */
function readDeclaredNames(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> | null {
  const scopes = sourceCode.scopeManager?.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0) return null;
  const declared = new Set<string>();
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def) continue;
      if (
        (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) ||
        def.type === 'ClassName' ||
        (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init)
      ) {
        declared.add(variable.name);
      }
    }
  }
  return declared;
}

/** A class member's name as code writes it (`save`, `#save`), or null when computed. */
function classMemberName(key: TSESTree.Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return null;
}

function isTransparentWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

/**
 * What happens to the value of `node` (see `ValueUsage`). One walk up the ancestors, bounded by
 * the expression's nesting depth.
 */
export function getValueUsage(node: TSESTree.Node): ValueUsage {
  let child = node;
  for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
    if (isTransparentWrapper(parent)) continue;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return { kind: 'awaited', node: parent };
      case AST_NODE_TYPES.ReturnStatement:
        return { kind: 'returned', node: parent };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? { kind: 'returned', node: parent } : { kind: 'other', node: parent };
      case AST_NODE_TYPES.YieldExpression:
        return { kind: 'yielded', node: parent };
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' ? { kind: 'voided', node: parent } : { kind: 'other', node: parent };
      case AST_NODE_TYPES.ExpressionStatement:
        return { kind: 'dropped', statement: parent };
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== child) return { kind: 'dropped', statement: parent };
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return { kind: 'other', node: parent };
        continue;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        continue;
      case AST_NODE_TYPES.Property:
        if (parent.value !== child || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) {
          return { kind: 'other', node: parent };
        }
        continue;
      case AST_NODE_TYPES.ObjectExpression:
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee === child) return { kind: 'other', node: parent };
        return { kind: 'passed', call: parent };
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        const name = staticMemberName(parent);
        if (
          parent.object !== child ||
          name === null ||
          !CHAIN_METHODS.has(name) ||
          call.type !== AST_NODE_TYPES.CallExpression ||
          call.callee !== parent
        ) {
          return { kind: 'other', node: parent };
        }
        if (hasRejectionHandler(call)) return { kind: 'handled', call };
        child = call;
        parent = call;
        continue;
      }
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child) return { kind: 'other', node: parent };
        if (parent.left.type === AST_NODE_TYPES.MemberExpression) return { kind: 'stored', node: parent };
        if (parent.left.type === AST_NODE_TYPES.Identifier) return { kind: 'assigned', node: parent };
        return { kind: 'other', node: parent };
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child ? { kind: 'assigned', node: parent } : { kind: 'other', node: parent };
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        return parent.value === child ? { kind: 'stored', node: parent } : { kind: 'other', node: parent };
      default:
        return { kind: 'other', node: parent };
    }
  }
  return { kind: 'other', node };
}

/**
 * True for `p.catch(handler)` and `p.then(onFulfilled, onRejected)`: the promise's rejection is
 * handled. `p.catch()` without an argument handles nothing.
 */
export function hasRejectionHandler(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticMemberName(callee);
  const handler = name === 'catch' ? call.arguments[0] : name === 'then' ? call.arguments[1] : undefined;
  if (!handler || handler.type === AST_NODE_TYPES.SpreadElement) return false;
  // `.then(f, undefined)` / `.catch(null)` handle nothing.
  return !(
    (handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined') ||
    (handler.type === AST_NODE_TYPES.Literal && handler.value === null)
  );
}

/** The `then`/`catch`/`finally` name of a promise-chain call, or null. */
export function chainMethodName(call: TSESTree.CallExpression): string | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = staticMemberName(callee);
  return name !== null && CHAIN_METHODS.has(name) ? name : null;
}

/** A parameter named for the error of a Node-style callback. */
const ERROR_PARAMETER_NAME = /^_?(?:err|error|e|er)$/i;
/** `Error` and its subclasses as usually named (`TypeError`, `RedisError`). */
const ERROR_TYPE_NAME = /Error$/;

/** `ts.TypeFlags.Unknown`. */
const TYPE_FLAGS_UNKNOWN = 2;
/** `ts.TypeFlags.Undefined`. */
const TYPE_FLAGS_UNDEFINED = 32768;
/** `ts.TypeFlags.TypeParameter`. */
const TYPE_FLAGS_TYPE_PARAMETER = 262144;

/**
 * How many union members a type walk looks at. The walks below are flat (a union's members, a
 * `then` property's members, a signature's return type): no walk follows a type into itself, so
 * recursive, conditional and mapped types cannot make them recurse; the cap only bounds the work
 * on huge unions (generated string-literal unions).
 */
const MAX_UNION_PARTS = 64;

function unionParts(type: ts.Type): readonly ts.Type[] {
  if (!type.isUnion()) return [type];
  return type.types.length > MAX_UNION_PARTS ? type.types.slice(0, MAX_UNION_PARTS) : type.types;
}

/** A name, or a member chain of names from a name or `this` (`builder`, `this.query`): an object the code keeps. */
function isHeldReceiver(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isHeldReceiver(skipTransparent(node.object));
}

/**
 * Is this one (non-union) type thenable: a callable `then` that can be handed a rejection handler,
 * a function in both its first and second place (`then(onFulfilled, onRejected)`), as `await`
 * hands it one? A `then` no signature of which takes two functions (`then(step)`,
 * `then(options, step)`: Cypress's command chains) never passes a failure to anyone: such an
 * object is a command queue, not a promise, and dropping it loses no rejection. A rest parameter,
 * `any`, `unknown` or a type parameter in either place may take a function.
 */
function isThenablePart(checker: ts.TypeChecker, part: ts.Type): boolean {
  const then = part.getProperty('then');
  if (!then) return false;
  // `getTypeOfSymbol`, not `getTypeOfSymbolAtLocation`: no flow narrowing at an unrelated node.
  const thenType = checker.getTypeOfSymbol(then);
  return unionParts(thenType).some((t) => t.getCallSignatures().some((signature) => takesRejectionHandler(checker, signature)));
}

/** Can the signature's first and second arguments both be functions (see `isThenablePart`)? */
function takesRejectionHandler(checker: ts.TypeChecker, signature: ts.Signature): boolean {
  const parameters = signature.parameters;
  if (parameters.length === 0) return false;
  const rest = signature.getDeclaration()?.parameters?.at(-1)?.dotDotDotToken !== undefined;
  for (const index of [0, 1]) {
    // A rest parameter takes every argument from its place on.
    if (index >= parameters.length - 1 && rest) return true;
    const parameter = parameters[index];
    if (!parameter || !mayTakeFunction(checker, checker.getTypeOfSymbol(parameter))) return false;
  }
  return true;
}

/**
 * May a value of this parameter type be a function: a callable part, `any`, `unknown`, a type
 * parameter, or the global `Function` interface (no call signature of its own, yet any function)?
 */
function mayTakeFunction(checker: ts.TypeChecker, type: ts.Type): boolean {
  return unionParts(checker.getNonNullableType(type)).some(
    (part) =>
      (part.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN | TYPE_FLAGS_TYPE_PARAMETER)) !== 0 ||
      checker.getApparentType(part).getCallSignatures().length > 0 ||
      isGlobalFunctionType(checker, part),
  );
}

/** `ts.SymbolFlags.Type`. */
const SYMBOL_FLAGS_TYPE = 788968;

/** The global `Function` interface (the name first: the lookup runs only for that name). */
function isGlobalFunctionType(checker: ts.TypeChecker, part: ts.Type): boolean {
  const symbol = part.getSymbol();
  return symbol?.getName() === 'Function' && checker.resolveName('Function', undefined, SYMBOL_FLAGS_TYPE, false) === symbol;
}

/** `ts.TypeFlags` of primitives, literals, `void`, `undefined`, `null` and `never`. */
const TYPE_FLAGS_PRIMITIVES = 262140;
/** `ts.TypeFlags.Object`. */
const TYPE_FLAGS_OBJECT = 524288;
/** `ts.ObjectFlags.Mapped`. */
const OBJECT_FLAGS_MAPPED = 32;

/**
 * A declared (uninstantiated) return type that no instantiation can make thenable: a primitive,
 * or an object type that is not mapped and has no `then`. Type parameters, `this`, conditional,
 * indexed and intersection types are unsettled.
 */
function isSettledNonThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & TYPE_FLAGS_PRIMITIVES) return true;
  if (!(type.flags & TYPE_FLAGS_OBJECT)) return false;
  if ((type as ts.ObjectType).objectFlags & OBJECT_FLAGS_MAPPED) return false;
  return !isThenablePart(checker, type) && type.getProperty('then') === undefined;
}

/** Typed-mode test: some part of the type has a callable `then` that takes a callback. */
function isThenableType(checker: ts.TypeChecker, _tsNode: ts.Node, type: ts.Type): boolean {
  return typeHoldsThenable(checker, type);
}

/** Some part of the type is thenable (`isThenablePart`): the typed question, for a type a rule already holds. */
export function typeHoldsThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  return unionParts(checker.getApparentType(type)).some((part) => isThenablePart(checker, part));
}

/**
 * The type proves that no part is thenable: `any`, `unknown` or a type parameter in some part
 * proves nothing (an untyped client's call may well hand back a promise).
 */
export function typeRulesOutThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (unionParts(type).some((part) => (part.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN | TYPE_FLAGS_TYPE_PARAMETER)) !== 0)) return false;
  return !typeHoldsThenable(checker, type);
}

/**
 * `Promise<T> | undefined` (or `| void`): the shape of a function that returns a promise only when
 * no callback is passed (`query(sql)` vs `query(sql, done)`). True when some part is thenable and
 * some part is `undefined`/`void`.
 */
function isPromiseOrNothingType(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (!type.isUnion()) return false;
  const parts = unionParts(type);
  return (
    parts.some((part) => (part.flags & (TYPE_FLAGS_UNDEFINED | TYPE_FLAGS_VOID)) !== 0) &&
    parts.some((part) => isThenablePart(checker, checker.getApparentType(part)))
  );
}

/** Typed-mode test: the type is callable and every call signature returns a thenable. */
function isPromiseReturningType(checker: ts.TypeChecker, tsNode: ts.Node, type: ts.Type): boolean {
  let signatures = 0;
  for (const part of unionParts(type)) {
    for (const signature of part.getCallSignatures()) {
      signatures += 1;
      if (!isThenableType(checker, tsNode, signature.getReturnType())) return false;
    }
  }
  return signatures > 0;
}

/** Typed-mode test: the type is callable and some call signature may return `Promise | undefined`. */
function isPromiseOrNothingReturningType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return unionParts(type).some((part) =>
    part.getCallSignatures().some((signature) => isPromiseOrNothingType(checker, signature.getReturnType())),
  );
}

/**
 * Does a function type, as its declaration writes it, ask for a thenable return? Looks at the
 * uninstantiated signature: `map<U>(fn: (value: T) => U)` instantiated for an async callback says
 * `Promise<...>` only because the callback itself returns one, which is no evidence that the callee
 * waits for it. A return type that is a bare type parameter therefore does not count.
 */
function declaresPromiseReturn(checker: ts.TypeChecker, tsNode: ts.Node, type: ts.Type): boolean {
  return unionParts(type).some((part) =>
    part.getCallSignatures().some((signature) => {
      const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
      const declared = declaration ? checker.getSignatureFromDeclaration(declaration) : undefined;
      const returnType = (declared ?? signature).getReturnType();
      if (returnType.flags & TYPE_FLAGS_TYPE_PARAMETER) return false;
      return isThenableType(checker, tsNode, returnType);
    }),
  );
}

/** Typed-mode test: the type is callable and every call signature returns exactly `void`. */
/**
 * An overloaded callee one of whose signatures takes, at argument `index`, a function returning a
 * thenable (`define(name, (job, done) => void)` beside `define(name, (job) => Promise<void>)`): the
 * checker's contextual type comes from the first signature the argument fits, yet the API also
 * takes, and awaits, an async function there.
 */
export function someOverloadTakesPromiseFunction(checker: ts.TypeChecker, callee: ts.Node, index: number): boolean {
  const signatures = checker.getTypeAtLocation(callee).getCallSignatures();
  if (signatures.length < 2) return false;
  return signatures.some((signature) => {
    const parameter = signature.getParameters()[index];
    if (!parameter) return false;
    const type = checker.getTypeOfSymbolAtLocation(parameter, callee);
    return unionParts(type).some((part) => part.getCallSignatures().some((inner) => isThenableType(checker, callee, inner.getReturnType())));
  });
}

export function isVoidReturningFunctionType(type: ts.Type): boolean {
  let signatures = 0;
  for (const part of unionParts(type)) {
    for (const signature of part.getCallSignatures()) {
      signatures += 1;
      if ((signature.getReturnType().flags & TYPE_FLAGS_VOID) === 0) return false;
    }
  }
  return signatures > 0;
}

/**
 * Can this returned (or passed) expression's value be a promise, by its syntax alone? True for
 * calls, `new`, tagged templates, variables, members and assignments (and a branch or the last
 * item of a sequence that is one of these); false for literals, templates, arithmetic, `!x`,
 * `typeof x`, object, array and function literals and the like, whose value is never a promise.
 */
export function mayHoldPromise(expression: TSESTree.Node): boolean {
  const node = skipTransparent(expression);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ImportExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return mayHoldPromise(node.consequent) || mayHoldPromise(node.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return mayHoldPromise(node.left) || mayHoldPromise(node.right);
    case AST_NODE_TYPES.SequenceExpression: {
      const last = node.expressions.at(-1);
      return last !== undefined && mayHoldPromise(last);
    }
    default:
      return false;
  }
}

/** Return type annotations that no value of which is a promise (`: boolean`, `: x is T`, `: string[]`). */
const SETTLED_RETURN_ANNOTATIONS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSSymbolKeyword,
  AST_NODE_TYPES.TSVoidKeyword,
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSNeverKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSArrayType,
  AST_NODE_TYPES.TSTupleType,
  AST_NODE_TYPES.TSTypePredicate,
  AST_NODE_TYPES.TSTemplateLiteralType,
]);

/**
 * Runs a checker query for a rule's typed path. TypeScript's own type walks can overflow the
 * stack on pathological recursive types; that is the checker giving up, so the query answers
 * `fallback` (the rule's untyped or silent answer) instead of the lint run crashing.
 */
export function checkerQuery<T>(fallback: T, query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof RangeError) return fallback;
    throw error;
  }
}

/** The program and checker in typed mode (see `getTypedServices`), else null. */
function typedServicesOf(context: Context): TypedServices | null {
  const services = getTypedServices(context);
  if (!services) return null;
  return {
    program: services.program,
    checker: services.program.getTypeChecker(),
    esTreeNodeToTSNodeMap: services.esTreeNodeToTSNodeMap,
  };
}

/**
 * False when nothing in the file can be a promise or a promise chain, so a rule about promises
 * has nothing to do (see `untypedMayContainPromises`). Decided from the file's words and
 * imports, and, only where those leave nothing else, from the promise-returning exports of its
 * relative modules (read as `isImportedPromiseFunction` reads them). Always true in typed mode:
 * the checker knows promises that no word of the file names. Asked before the file's
 * `PromiseAnalysis` is created: most files of a project (synchronous helpers) need nothing more.
 */
export const mayContainPromises: (context: Context) => boolean = perFile(
  (context) => getTypedServices(context) !== null || untypedMayContainPromises(context, (specifier) => relativeAsyncExports(context, specifier)),
);

/** The promise-returning exports of the project module `specifier` names from the linted file (see `readResolvedAsyncExports`). */
function relativeAsyncExports(context: Context, specifier: string): ReadonlySet<string> | null {
  const resolved = getRelativeModules(context).resolve(specifier);
  return resolved ? readResolvedAsyncExports(resolved) : null;
}

/**
 * The file's promise analysis (see `PromiseAnalysis`), shared by every rule of the plugin: the
 * first rule that asks creates it, later rules get the same object and its caches (see `perFile`).
 */
export const getPromiseAnalysis: (context: Context) => PromiseAnalysis = perFile(createPromiseAnalysis);

function createPromiseAnalysis(context: Context): PromiseAnalysis {
  const sourceCode = context.sourceCode;
  const services = typedServicesOf(context);
  const isPromiseCache = new Map<TSESTree.Node, boolean>();
  const calleeCache = new Map<TSESTree.Node, FunctionNode | null>();
  const variableCache = new Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>();
  const words = getSourceWords(context);
  let declaredNames: ReadonlySet<string> | null | undefined;
  let questionsWithoutNames = 0;
  let sourceCalls: PromiseSourceCalls | null = null;
  /** The calls of the promise catalogs in this file: one pass for all four, on the first question. */
  const promiseSourceCalls = (): PromiseSourceCalls =>
    (sourceCalls ??= mayCallPromiseCatalogs(context, words) ? findPromiseSourceCalls(sourceCode) : noPromiseSourceCalls());
  const functionCache = new Map<FunctionNode, boolean>();
  const memberIndexes = new Map<TSESTree.Node, { instance?: MemberIndex; static?: MemberIndex }>();
  /** Typed mode: the checker's known type per node (see `knownType`), and `syntacticReturnsPromise` per function. */
  const knownTypeCache = new Map<TSESTree.Node, { tsNode: ts.Node; type: ts.Type } | null>();
  const syntacticCache = new Map<FunctionNode, boolean | null>();
  /** Typed mode: `declaredCallAnswer` per shared callee (see `calleeKey`): root (the program node for globals), then member path. */
  const calleeAnswers = new Map<object, Map<string, CalleeAnswer>>();
  const declaredKinds = new Map<TSESLint.Scope.Variable, DeclaredKind>();
  /** Typed mode: the declared type (`null` and `undefined` left out) of each local name whose `declaredKind` is `'plain'`. */
  const plainTypes = new Map<TSESLint.Scope.Variable, ts.Type>();
  const asyncExportsCache = new Map<string, ReadonlySet<string> | null>();
  /** `promiseExportBindings`, on the first question that needs them. */
  let relativeBindings: ReadonlySet<string> | undefined;

  /** Promise-returning exports of a relative module, read once per linted file. */
  function asyncExportsOf(specifier: string): ReadonlySet<string> | null {
    const cached = asyncExportsCache.get(specifier);
    if (cached !== undefined) return cached;
    const names = relativeAsyncExports(context, specifier);
    asyncExportsCache.set(specifier, names);
    return names;
  }

  /**
   * A superset of the names bound from a module of the project that exports a promise-returning
   * function: every name bound from a module of the project (`ModuleLoads.relativeBindings`).
   * Whether the module exports one is asked only for a call through such a name
   * (`isImportedPromiseFunction`), for that module: resolving and reading every module the file
   * loads up front, to leave out the names of modules without one, cost more (on application code,
   * where most files import several modules of their project) than following those names does.
   */
  function promiseExportBindings(): ReadonlySet<string> {
    if (relativeBindings) return relativeBindings;
    relativeBindings = getModuleLoads(context).relativeBindings;
    return relativeBindings;
  }

  /**
   * Untyped cross-module knowledge: `f()` / `ns.f()` where `f` is imported from a relative module
   * that exports it as an async (or `Promise`-typed) function (see `readAsyncExports`).
   */
  function isImportedPromiseFunction(callee: TSESTree.Node): boolean {
    const relative = promiseExportBindings();
    if (relative.size === 0) return false;
    const imported = importedCallee(callee, variableOf, (name) => relative.has(name));
    return imported !== null && (asyncExportsOf(imported.module)?.has(imported.name) ?? false);
  }

  /**
   * Untyped: the names through which a promise can reach a call or variable of this file, and the
   * functions a promise can be returned from (see `collectPromiseNames`), on the first question;
   * null when not collected (typed mode, or the set would cost more than it saves), and then every
   * name and function may.
   */
  let promiseNames: PromiseNames | null | undefined;
  function getPromiseNames(): PromiseNames | null {
    if (promiseNames !== undefined) return promiseNames;
    promiseNames = null;
    if (services) return promiseNames;
    const calls = promiseSourceCalls();
    promiseNames = collectPromiseNames(
      sourceCode,
      words,
      {
        calls: [...calls.api.keys(), ...calls.promisify.keys(), ...calls.object.keys(), ...calls.wrapper.keys()],
        names: promiseExportBindings(),
      },
      PROMISE_NAME_LIMITS,
    );
    return promiseNames;
  }

  /**
   * False when `node` is a name (`save`), or a member with a static name (`api.save`,
   * `this.#save`), outside the file's promise names (`getPromiseNames`): then no function it
   * resolves to (`resolveCallee`) returns a promise and no variable it names (`constantInit`) holds
   * one, by the inference of `untypedIsPromise`. True for everything else.
   */
  function mayNamePromise(node: TSESTree.Node): boolean {
    let name: string | null;
    if (node.type === AST_NODE_TYPES.Identifier) name = node.name;
    else if (node.type === AST_NODE_TYPES.MemberExpression) {
      name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.name : staticMemberName(node);
    } else return true;
    if (name === null) return true;
    const found = getPromiseNames();
    return found === null || found.names.has(name);
  }

  function isPromiseApiCall(node: TSESTree.Node): boolean {
    return promiseSourceCalls().api.has(node);
  }

  /**
   * `rl.question()` where `const rl = createInterface(...)` from `readline/promises`, or
   * `handle.close()` where `const handle = await open(path)` from `fs/promises`.
   */
  function isPromiseObjectMethodCall(callee: TSESTree.MemberExpression): boolean {
    const name = staticMemberName(callee);
    const object = skipTransparent(callee.object);
    if (name === null || object.type !== AST_NODE_TYPES.Identifier || promiseSourceCalls().object.size === 0) return false;
    const init = constantInit(object);
    if (!init) return false;
    const value = skipTransparent(init);
    const awaited = value.type === AST_NODE_TYPES.AwaitExpression;
    const factory = awaited ? skipTransparent(value.argument) : value;
    const info = promiseSourceCalls().object.get(factory) as PromiseObjectInfo | undefined;
    return info !== undefined && info.awaited === awaited && info.methods.includes(name);
  }

  /** `const readAsync = promisify(fs.readFile)`: is `node` such a `promisify(...)` call? */
  function isPromisifyCall(node: TSESTree.Node): boolean {
    return promiseSourceCalls().promisify.has(node);
  }

  function variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    let variable = variableCache.get(identifier);
    if (variable === undefined) {
      variable = variableOfIdentifier(sourceCode, identifier);
      variableCache.set(identifier, variable);
    }
    return variable;
  }

  /**
   * False when no variable named like `identifier` is declared once in the file as a function, a
   * class or a variable with an initializer (see `readDeclaredNames`): then no question below can
   * resolve it (it is a parameter, an import, a global...), and its scope lookup is skipped. Reading
   * the names costs about as much as a scope lookup per two scopes of the file, so the first
   * questions (up to half the number of scopes) take their scope lookup, and the names are read
   * only for a file that asks more. Either way the answers are the same.
   */
  function mayBeDeclaredHere(identifier: TSESTree.Identifier): boolean {
    if (declaredNames === undefined) {
      questionsWithoutNames += 1;
      if (questionsWithoutNames <= (sourceCode.scopeManager?.scopes.length ?? 0) / 2) return true;
      declaredNames = readDeclaredNames(sourceCode);
    }
    return declaredNames?.has(identifier.name) ?? true;
  }

  /** The initializer of a `const`/never reassigned variable declared once, or null. */
  function constantInit(identifier: TSESTree.Identifier): TSESTree.Expression | null {
    if (!mayBeDeclaredHere(identifier)) return null;
    const variable = variableOf(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
      return null;
    }
    if (def.parent.kind !== 'const' && variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.node.id)) {
      return null;
    }
    return def.node.init;
  }

  /** `useCallback(fn, deps)`: the wrapped function, or null. */
  function wrappedFunction(node: TSESTree.Node): TSESTree.Node | null {
    if (node.type !== AST_NODE_TYPES.CallExpression || !node.arguments[0]) return null;
    return promiseSourceCalls().wrapper.has(node) ? skipTransparent(node.arguments[0]) : null;
  }

  function resolveIdentifierFunction(identifier: TSESTree.Identifier): FunctionNode | null {
    if (!mayBeDeclaredHere(identifier)) return null;
    const variable = variableOf(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const init = constantInit(identifier);
    if (!init) return null;
    const value = skipTransparent(init);
    if (isFunctionNode(value)) return value;
    const wrapped = wrappedFunction(value);
    return wrapped && isFunctionNode(wrapped) ? wrapped : null;
  }

  /** A function-valued member `name` of a class body or object literal. */
  function findMember(
    container: TSESTree.ClassBody | TSESTree.ObjectExpression,
    name: string,
    isStatic: boolean,
    depth = 0,
  ): FunctionNode | null {
    const found = findOwnMember(container, name, isStatic);
    if (found !== undefined || container.type !== AST_NODE_TYPES.ClassBody || depth >= MAX_DEPTH) return found ?? null;
    // Not declared here: look in a superclass declared in this file (`class B extends A`).
    const superClass = container.parent.superClass;
    if (superClass?.type !== AST_NODE_TYPES.Identifier) return null;
    const parent = localClass(superClass);
    return parent ? findMember(parent.body, name, isStatic, depth + 1) : null;
  }

  function localClass(identifier: TSESTree.Identifier): TSESTree.ClassDeclaration | null {
    if (!mayBeDeclaredHere(identifier)) return null;
    const variable = variableOf(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration ? def.node : null;
  }

  /**
   * The function-valued member `name` declared directly in a class body or object literal:
   * the function, null when declared but not a resolvable function, undefined when not declared.
   * Read from the container's member index (`memberIndex`), built once per container.
   */
  function findOwnMember(
    container: TSESTree.ClassBody | TSESTree.ObjectExpression,
    name: string,
    isStatic: boolean,
  ): FunctionNode | null | undefined {
    const index = memberIndex(container, isStatic);
    return index.unresolvable ? null : index.members.get(name);
  }

  /** `findOwnMember`'s answer for every name of a container, by staticness. */
  function memberIndex(container: TSESTree.ClassBody | TSESTree.ObjectExpression, isStatic: boolean): MemberIndex {
    let indexes = memberIndexes.get(container);
    if (!indexes) {
      indexes = {};
      memberIndexes.set(container, indexes);
    }
    if (isStatic) return (indexes.static ??= buildMemberIndex(container, true));
    return (indexes.instance ??= buildMemberIndex(container, false));
  }

  /**
   * The members of a class body (static or not) or object literal, by name as `findOwnMember`
   * reads them: in an object literal, the last `init` property of a name decides (its value if a
   * function, else null), and a spread makes every name unresolvable (it may bring in any name);
   * in a class body, the last method or field of a name decides (an overload signature without a
   * body keeps the implementation found before it), and a getter, setter or constructor of a name
   * makes it null for good.
   */
  function buildMemberIndex(container: TSESTree.ClassBody | TSESTree.ObjectExpression, isStatic: boolean): MemberIndex {
    const members = new Map<string, FunctionNode | null>();
    if (container.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of container.properties) {
        // A spread may bring in another `name`: not resolvable.
        if (property.type === AST_NODE_TYPES.SpreadElement) return { members, unresolvable: true };
        if (property.computed || property.kind !== 'init') continue;
        const key = property.key;
        const keyName = key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.Literal ? String(key.value) : null;
        if (keyName === null) continue;
        const value = skipTransparent(property.value);
        members.set(keyName, isFunctionNode(value) ? value : null);
      }
      return { members, unresolvable: false };
    }
    const settled = new Set<string>();
    for (const member of container.body) {
      if (
        (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) ||
        member.computed ||
        member.static !== isStatic
      ) {
        continue;
      }
      const name = classMemberName(member.key);
      if (name === null || settled.has(name)) continue;
      if (member.type === AST_NODE_TYPES.MethodDefinition) {
        if (member.kind !== 'method') {
          members.set(name, null);
          settled.add(name);
          continue;
        }
        // Overload signatures have no body; the implementation follows them.
        members.set(name, member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : (members.get(name) ?? null));
      } else {
        const value = member.value ? skipTransparent(member.value) : null;
        members.set(name, value && isFunctionNode(value) ? value : null);
      }
    }
    return { members, unresolvable: false };
  }

  /** The class body or object literal `this` refers to at `node`, with whether it is static. */
  function thisContainer(node: TSESTree.Node): { container: TSESTree.ClassBody | TSESTree.ObjectExpression; isStatic: boolean } | null {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.PropertyDefinition && current.parent.type === AST_NODE_TYPES.ClassBody) {
        return { container: current.parent, isStatic: current.static };
      }
      if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
      if (current.type !== AST_NODE_TYPES.FunctionExpression) continue;
      const owner = current.parent;
      if (owner.type === AST_NODE_TYPES.MethodDefinition && owner.parent.type === AST_NODE_TYPES.ClassBody) {
        return { container: owner.parent, isStatic: owner.static };
      }
      if (owner.type === AST_NODE_TYPES.Property && owner.parent.type === AST_NODE_TYPES.ObjectExpression) {
        return { container: owner.parent, isStatic: false };
      }
      return null;
    }
    return null;
  }

  function resolveMemberFunction(member: TSESTree.MemberExpression): FunctionNode | null {
    // `this.#save()`: private names are written with their `#`.
    const name =
      member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
    if (name === null) return null;
    const object = skipTransparent(member.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const found = thisContainer(object);
      return found ? findMember(found.container, name, found.isStatic) : null;
    }
    if (object.type === AST_NODE_TYPES.NewExpression && object.callee.type === AST_NODE_TYPES.Identifier) {
      const classNode = localClass(object.callee);
      return classNode ? findMember(classNode.body, name, false) : null;
    }
    if (object.type !== AST_NODE_TYPES.Identifier || !mayBeDeclaredHere(object)) return null;
    const variable = variableOf(object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration) {
      return findMember(def.node.body, name, true);
    }
    if (def?.type === 'ClassName' || def?.type === 'ImportBinding' || def?.type === 'Parameter') return null;
    const init = constantInit(object);
    if (!init) return null;
    const value = skipTransparent(init);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return findMember(value, name, false);
    if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
      const classNode = localClass(value.callee);
      if (classNode) return findMember(classNode.body, name, false);
    }
    // `const pool = makePool(opts); pool.stop()`: a function of this file that builds one object and returns it.
    const made = value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier ? madeObject(value.callee) : null;
    return made ? findMember(made, name, false) : null;
  }

  /**
   * The one object literal that the function `factory` names returns: every `return` of its own
   * body (one at least) returns that literal, written there or held by a `const`
   * (`const pool = { ... }; ...; return pool;`). A function that is async or a generator, or
   * returns anything else on some path, makes no known object.
   */
  function madeObject(factory: TSESTree.Identifier): TSESTree.ObjectExpression | null {
    const fn = resolveIdentifierFunction(factory);
    if (!fn) return null;
    const known = madeObjects.get(fn);
    if (known !== undefined) return known;
    const made = madeObjectUncached(fn);
    madeObjects.set(fn, made);
    return made;
  }

  /** Per factory function, the object `madeObject` found (null: none): each factory's body is walked once. */
  const madeObjects = new Map<FunctionNode, TSESTree.ObjectExpression | null>();

  function madeObjectUncached(fn: FunctionNode): TSESTree.ObjectExpression | null {
    if (fn.async || fn.generator || fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
    const made = new Set<TSESTree.Node>();
    let other = false;
    someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.ReturnStatement) return false;
      const returned = node.argument ? skipTransparent(node.argument) : null;
      const object = returned?.type === AST_NODE_TYPES.Identifier ? constantInit(returned) : returned;
      if (object && skipTransparent(object).type === AST_NODE_TYPES.ObjectExpression) made.add(skipTransparent(object));
      else other = true;
      return other;
    });
    const [only] = made;
    return !other && made.size === 1 && only?.type === AST_NODE_TYPES.ObjectExpression ? only : null;
  }

  /** Typed: the top-level class declarations and prototype-assigned functions of this file, by class name (see `returnsStoredPromise`). */
  let classesByName: ReadonlyMap<string, ClassImplementations> | null = null;

  function classImplementations(): ReadonlyMap<string, ClassImplementations> {
    if (classesByName) return classesByName;
    const found = new Map<string, ClassImplementations>();
    const entry = (name: string): ClassImplementations => {
      let known = found.get(name);
      if (!known) found.set(name, (known = { body: null, prototype: new Map() }));
      return known;
    };
    for (const top of sourceCode.ast.body) {
      const statement = top.type === AST_NODE_TYPES.ExportNamedDeclaration && top.declaration ? top.declaration : top;
      if (statement.type === AST_NODE_TYPES.ClassDeclaration && statement.id) entry(statement.id.name).body = statement.body;
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const { left, right, operator } = statement.expression;
      const value = skipTransparent(right);
      if (operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || !isFunctionNode(value)) continue;
      const member = staticMemberName(left);
      const prototype = left.object;
      if (member === null || prototype.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(prototype) !== 'prototype') continue;
      if (prototype.object.type === AST_NODE_TYPES.Identifier) entry(prototype.object.name).prototype.set(member, value);
    }
    classesByName = found;
    return found;
  }

  /**
   * Typed: the function `receiver.name(...)` runs when the receiver's type is a class declared at
   * the top level of this file: a function assigned to its prototype there, else its own method.
   */
  function typedClassMethod(callee: TSESTree.MemberExpression): FunctionNode | null {
    if (!services) return null;
    const name = staticMemberName(callee);
    if (name === null) return null;
    const checker = services.checker;
    return checkerQuery(null, () => {
      const receiver = services.esTreeNodeToTSNodeMap.get(callee.object);
      const symbol = checker.getTypeAtLocation(receiver).getSymbol();
      const file = receiver.getSourceFile();
      if (!symbol?.declarations?.some((declaration) => declaration.getSourceFile() === file)) return null;
      const implementations = classImplementations().get(symbol.getName());
      if (!implementations) return null;
      return implementations.prototype.get(name) ?? (implementations.body ? findMember(implementations.body, name, false) : null);
    });
  }

  function declaresIgnorablePromise(reference: TSESTree.Node): boolean {
    const value = skipTransparent(reference);
    if (!services || value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(value);
    if (variable?.defs.length !== 1 || variable.defs[0]?.type !== 'Parameter') return false;
    const declared = declaredTypeOfReference(value);
    if (!declared || declared === 'unknown') return false;
    const checker = services.checker;
    return checkerQuery(false, () => {
      const signatures = checker.getNonNullableType(declared).getCallSignatures();
      return (
        signatures.length > 0 &&
        signatures.every((signature) => {
          const parts = unionParts(signature.getReturnType());
          return parts.some((part) => (part.flags & TYPE_FLAGS_VOID) !== 0) && parts.some((part) => isThenablePart(checker, part));
        })
      );
    });
  }

  function continuesHeldBuilder(node: TSESTree.Node): boolean {
    const call = skipTransparent(node);
    if (!services || call.type !== AST_NODE_TYPES.CallExpression) return false;
    if (chainMethodName(call) !== null) return false;
    const result = knownType(call)?.type;
    // A promise is never a builder: `withTimeout(pending, 100)` makes a new one that can reject.
    if (result === undefined || result.getSymbol()?.getName() === 'Promise') return false;
    const callee = skipTransparent(call.callee);
    const held = [
      ...(callee.type === AST_NODE_TYPES.MemberExpression ? [skipTransparent(callee.object)] : []),
      ...call.arguments.map((argument) => skipTransparent(argument)),
    ].filter((value) => isHeldReceiver(value) || continuesHeldBuilder(value));
    return held.some((value) => knownType(value)?.type === result);
  }

  function returnsStoredPromise(node: TSESTree.Node): boolean {
    const call = skipTransparent(node);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const fn = typedClassMethod(callee) ?? resolveCallee(callee);
    if (!fn || fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
    // Function declarations after the last statement are hoisted helpers, not statements run.
    const last = fn.body.body.findLast((statement) => statement.type !== AST_NODE_TYPES.FunctionDeclaration);
    const returned = last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? skipTransparent(last.argument) : null;
    return (
      returned?.type === AST_NODE_TYPES.MemberExpression &&
      !returned.computed &&
      skipTransparent(returned.object).type === AST_NODE_TYPES.ThisExpression
    );
  }

  function resolveCallee(callee: TSESTree.Expression): FunctionNode | null {
    // A name the file declares nowhere resolves to nothing: no cache entry needed.
    if (callee.type === AST_NODE_TYPES.Identifier && declaredNames && !declaredNames.has(callee.name)) return null;
    const cached = calleeCache.get(callee);
    if (cached !== undefined) return cached;
    const resolved = resolveCalleeUncached(callee);
    calleeCache.set(callee, resolved);
    return resolved;
  }

  function resolveCalleeUncached(callee: TSESTree.Expression): FunctionNode | null {
    const target = skipTransparent(callee);
    if (isFunctionNode(target)) return target;
    if (target.type === AST_NODE_TYPES.Identifier) return resolveIdentifierFunction(target);
    if (target.type === AST_NODE_TYPES.MemberExpression) return resolveMemberFunction(target);
    return null;
  }

  /**
   * True when `fn`'s body has at least one `return` (not looking into nested functions) and every
   * one returns a promise. The returns are judged in source order and the search stops at the
   * first that does not, exactly as `every` over all of them would. The body is not walked: each
   * occurrence of the keyword `return` in its text (`SourceWords.wordOccurrences`) is looked up in
   * the tree (`lookUpInSameFunction`), and the occurrences inside a nested function or class body
   * met on the way are skipped at once.
   */
  function everyReturnIsPromise(fn: FunctionNode, depth: number): boolean {
    let returns = 0;
    let skipUntil = -1;
    for (const offset of words.wordOccurrences('return', fn.body.range[0], fn.body.range[1])) {
      if (offset < skipUntil) continue;
      const lookup = lookUpInSameFunction(fn.body, offset, AST_NODE_TYPES.ReturnStatement, sourceCode.visitorKeys);
      if (lookup.kind === 'nested') skipUntil = lookup.boundary.range[1];
      if (lookup.kind !== 'found' || lookup.node.type !== AST_NODE_TYPES.ReturnStatement) continue;
      returns += 1;
      if (lookup.node.argument === null || !untypedIsPromise(lookup.node.argument, depth)) return false;
    }
    return returns > 0;
  }

  function functionReturnsPromise(fn: FunctionNode, depth: number): boolean {
    if (fn.generator) return false;
    if (fn.async) return true;
    // No value that may be a promise is returned from it (see `PromiseNames.functions`): its
    // returns need no look (an IIFE around a whole bundle has thousands of nested ones).
    const found = getPromiseNames();
    if (found !== null && !found.functions.has(fn)) return false;
    const cached = functionCache.get(fn);
    if (cached !== undefined) return cached;
    if (depth > MAX_DEPTH) return false;
    // Recursion guard: a function calling itself is not a promise on that account.
    functionCache.set(fn, false);
    let result: boolean;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      result = untypedIsPromise(fn.body, depth + 1);
    } else {
      result = everyReturnIsPromise(fn, depth + 1);
    }
    functionCache.set(fn, result);
    return result;
  }

  function untypedIsPromise(expression: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = skipTransparent(expression);
    switch (node.type) {
      case AST_NODE_TYPES.NewExpression:
        return isPromiseApiCall(node);
      case AST_NODE_TYPES.CallExpression: {
        if (isPromiseApiCall(node)) return true;
        const callee = skipTransparent(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name = staticMemberName(callee);
          if (name !== null && CHAIN_METHODS.has(name)) return untypedIsPromise(callee.object, depth + 1);
          if (isPromiseObjectMethodCall(callee)) return true;
        }
        if (callee.type === AST_NODE_TYPES.Identifier && promiseSourceCalls().promisify.size > 0 && mayNamePromise(callee)) {
          const init = constantInit(callee);
          if (init && isPromisifyCall(skipTransparent(init))) return true;
        }
        if (callee.type === AST_NODE_TYPES.Super) return false;
        // A function of this file that no promise name names returns no promise; an import
        // resolves to no function of this file (`resolveCallee`), so it is still asked about.
        if (!mayNamePromise(callee)) return isImportedPromiseFunction(callee);
        const fn = resolveCallee(callee as TSESTree.Expression);
        return fn !== null ? functionReturnsPromise(fn, depth + 1) : isImportedPromiseFunction(callee);
      }
      case AST_NODE_TYPES.Identifier: {
        if (!mayNamePromise(node)) return false;
        const init = constantInit(node);
        return init !== null && untypedIsPromise(init, depth + 1);
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return untypedIsPromise(node.consequent, depth + 1) && untypedIsPromise(node.alternate, depth + 1);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = node.expressions.at(-1);
        return last !== undefined && untypedIsPromise(last, depth + 1);
      }
      default:
        return false;
    }
  }

  /**
   * The checker's type of `node`, or null when it says nothing: `any` (an unresolved import, a
   * missing `@types` package, an untyped JS module, an unresolved workspace package), `unknown`,
   * or a checker failure. TypeScript's own type walks can overflow the stack on pathological
   * recursive types; that is the checker giving up, not an answer, so the untyped evidence
   * decides instead of the lint run crashing.
   */
  function knownType(node: TSESTree.Node): { tsNode: ts.Node; type: ts.Type } | null {
    if (!services) return null;
    const cached = knownTypeCache.get(node);
    if (cached !== undefined) return cached;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    let known: { tsNode: ts.Node; type: ts.Type } | null;
    try {
      const type = services.checker.getTypeAtLocation(tsNode);
      known = type.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN) ? null : { tsNode, type };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      known = null;
    }
    knownTypeCache.set(node, known);
    return known;
  }

  /** The checker's answer (see `knownType`), or null when the untyped evidence must decide. */
  function typedTest(
    node: TSESTree.Node,
    test: (checker: ts.TypeChecker, tsNode: ts.Node, type: ts.Type) => boolean,
  ): boolean | null {
    if (!services) return null;
    const known = knownType(node);
    if (!known) return null;
    try {
      return test(services.checker, known.tsNode, known.type);
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
  }

  /**
   * Typed: `query(sql, (error, rows) => ...)` whose type is `Promise<T> | undefined`: a callback
   * API that returns a promise only when no callback is passed. Called with a function argument,
   * it returns nothing.
   */
  function isCallbackStyleCall(node: TSESTree.Node, type: ts.Type): boolean {
    const call = skipTransparent(node);
    if (call.type !== AST_NODE_TYPES.CallExpression || !services) return false;
    // `pending?.then(use)`: the `undefined` is the optional chain's, and a promise's own method
    // takes its callback and still returns a promise.
    if (chainMethodName(call) !== null) return false;
    if (!call.arguments.some((argument) => isFunctionNode(skipTransparent(argument)) || argument.type === AST_NODE_TYPES.Identifier)) {
      return false;
    }
    if (!isPromiseOrNothingType(services.checker, type)) return false;
    // An identifier argument counts only when it is a function.
    return call.arguments.some((argument) => {
      const value = skipTransparent(argument);
      if (isFunctionNode(value)) return true;
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const argumentType = knownType(value);
      return argumentType !== null && argumentType.type.getCallSignatures().length > 0;
    });
  }

  /**
   * Cheap typed answer for `f(...)` / `obj.m(...)`: false when every declared signature of the
   * callee returns a type that no instantiation can make thenable (primitives, `void`, object
   * types without `then` that are not mapped). This spares resolving the call itself, which for
   * generic helpers over large recursive types (mixins, builders) is the checker's most expensive
   * work. Null when the declared signatures do not settle it. A callee written as a plain name or
   * member that the checker types `any` (see `declaredTypeOfReference`: untyped JavaScript, a
   * package without types) makes the call `any` too: that is recorded as the call's known type
   * (none), so the untyped evidence decides without the checker resolving the call, which checks
   * every argument, function bodies included.
   */
  function callReturnsNoPromise(node: TSESTree.Node): boolean | null {
    const call = skipTransparent(node);
    if (call.type !== AST_NODE_TYPES.CallExpression || !services) return null;
    // Not through a cast (`(run as Task)()`): the cast's type is the callee's, not the name's.
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const key = calleeKey(callee);
    let byPath = key ? calleeAnswers.get(key.root) : undefined;
    let answer = key ? byPath?.get(key.path) : undefined;
    if (answer === undefined) {
      answer = key?.path === ANY_MEMBER ? 'unknown' : declaredCallAnswer(callee);
      if (key) {
        if (!byPath) calleeAnswers.set(key.root, (byPath = new Map()));
        byPath.set(key.path, answer);
      }
    }
    if (answer === 'unknown') {
      knownTypeCache.set(call, null);
      return null;
    }
    if (answer === null || answer === true) return answer;
    // `Object.defineProperty(exports, 'x', ...)`: the call evaluates to the argument it is handed.
    const passed = call.arguments[answer.passes];
    if (!passed) return true;
    return PASSED_THROUGH_VALUES.has(skipTransparent(passed).type) ? true : null;
  }

  /**
   * `callReturnsNoPromise`'s answer from the callee's declared type (see `CalleeAnswer`); `'unknown'`
   * for an `any` callee.
   */
  function declaredCallAnswer(callee: TSESTree.Identifier | TSESTree.MemberExpression): CalleeAnswer {
    if (!services) return null;
    const declared = declaredTypeOfReference(callee);
    if (declared === 'unknown') return 'unknown';
    if (!declared || declared.isUnion()) return null;
    const signatures = declared.getCallSignatures();
    if (signatures.length === 0) return null;
    const checker = services.checker;
    if (signatures.every((signature) => unionParts(signature.getReturnType()).every((part) => isSettledNonThenable(checker, part)))) return true;
    const [only] = signatures;
    if (signatures.length !== 1 || !only) return null;
    // `<T>(o: T, ...) => T`: the call's value is the argument handed for `o`.
    const returned = only.getReturnType();
    if (!(returned.flags & TYPE_FLAGS_TYPE_PARAMETER)) return null;
    const passes = only.parameters.findIndex((parameter) => checker.getTypeOfSymbol(parameter) === returned);
    return passes >= 0 ? { passes } : null;
  }

  /**
   * Which callees share `declaredCallAnswer` across the file: those that name the same declared
   * function wherever they are written, so the checker is asked once per file (`console.log`,
   * `this.emit`, `logger.info` are called many times). A global or an import followed by any
   * path of plain members (`fs.promises.readFile`); a local name itself (`save`); one plain member
   * of a local name whose declared type is neither a union nor `any`/`unknown` (narrowing could
   * pick another member of a union); every member path of a local name declared `any` or
   * `unknown` (`context.report` in untyped JavaScript: all `'unknown'`, `ANY_MEMBER`); one plain
   * member of `this` inside one class or object literal. Null for everything else (computed
   * members, calls on call results, deeper paths of other locals), which is asked about per call.
   */
  function calleeKey(callee: TSESTree.Identifier | TSESTree.MemberExpression): { root: object; path: string } | null {
    const names: string[] = [];
    let node: TSESTree.Node = callee;
    while (node.type === AST_NODE_TYPES.MemberExpression) {
      if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier || node.optional) return null;
      names.unshift(node.property.name);
      node = node.object;
    }
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      const found = names.length === 1 ? thisContainer(node) : null;
      return found ? { root: found.container, path: `${found.isStatic ? 'static ' : ''}${names.join('.')}` } : null;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOf(node);
    if (!variable || variable.defs.length === 0) return { root: sourceCode.ast, path: [node.name, ...names].join('.') };
    if (variable.defs.length > 1) return null;
    if (variable.defs[0]?.type === 'ImportBinding' || names.length === 0) return { root: variable, path: names.join('.') };
    const kind = declaredKind(node, variable);
    if (kind === 'any') return { root: variable, path: ANY_MEMBER };
    return names.length === 1 && kind === 'plain' ? { root: variable, path: names.join('.') } : null;
  }

  /**
   * The kind of a local name's declared type (see `DeclaredKind`), once per variable; a union with
   * `null` or `undefined` counts without them.
   */
  function declaredKind(identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable): DeclaredKind {
    let kind = declaredKinds.get(variable);
    if (kind === undefined) {
      kind = 'other';
      if (services) {
        const checker = services.checker;
        kind = checkerQuery<DeclaredKind>('other', () => {
          const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(identifier));
          const declared = symbol ? checker.getTypeOfSymbol(symbol) : null;
          if (declared === null) return 'other';
          if (declared.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN)) return 'any';
          // `x?: Client`: a member call narrows it to `Client`.
          const type = declared.isUnion() ? checker.getNonNullableType(declared) : declared;
          if (type.isUnion() || type.flags & (TYPE_FLAGS_TYPE_PARAMETER | TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN)) return 'other';
          plainTypes.set(variable, type);
          return 'plain';
        });
      }
      declaredKinds.set(variable, kind);
    }
    return kind;
  }

  /**
   * Typed mode, before any checker query: what the syntax of a function declared in this file says
   * about its calls. True for an `async` function (not a generator: it returns an async
   * iterator); false for a generator, a function whose declared return type is a primitive, a
   * literal, an array or a type predicate (`SETTLED_RETURN_ANNOTATIONS`), and a function none of
   * whose returned values can hold a promise (`mayHoldPromise`: `return true`, `return [a, b]`,
   * no `return` at all); null when the checker must decide (it returns a call, a variable, ...).
   * The same answers as the checker's, for a fraction of the cost: resolving a call's signature
   * or inferring a function's return type is the checker's most expensive work.
   */
  function syntacticReturnsPromise(fn: FunctionNode): boolean | null {
    const cached = syntacticCache.get(fn);
    if (cached !== undefined) return cached;
    let result: boolean | null;
    if (fn.generator) result = false;
    else if (fn.async) result = true;
    else if (fn.returnType && SETTLED_RETURN_ANNOTATIONS.has(fn.returnType.typeAnnotation.type)) result = false;
    else if (fn.body.type !== AST_NODE_TYPES.BlockStatement) result = mayHoldPromise(fn.body) ? null : false;
    else {
      const holds = someNodeInSameFunction(
        fn.body,
        sourceCode.visitorKeys,
        (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && mayHoldPromise(node.argument),
      );
      result = holds ? null : false;
    }
    syntacticCache.set(fn, result);
    return result;
  }

  /**
   * `syntacticReturnsPromise` for the function a call calls, when scope analysis resolves it to a
   * function of this file (`resolveCallee`); false for `super(...)` and for the helpers TypeScript
   * emits into compiled JavaScript (`TYPESCRIPT_EMIT_HELPERS`); null otherwise.
   */
  function syntacticCallIsPromise(node: TSESTree.Node): boolean | null {
    const call = skipTransparent(node);
    if (call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(call.callee);
    // `super(...)` evaluates to `this`; `__createBinding(exports, m, k)` is compiled module plumbing.
    if (callee.type === AST_NODE_TYPES.Super) return false;
    if (callee.type === AST_NODE_TYPES.Identifier && TYPESCRIPT_EMIT_HELPERS.has(callee.name)) return false;
    const fn = resolveCallee(callee as TSESTree.Expression);
    return fn ? syntacticReturnsPromise(fn) : null;
  }

  /**
   * Untyped, before the inference of `untypedIsPromise`: what the declaration of a function of
   * this file says about a call of it (`resolveCallee`): true when it is `async`, false for a
   * generator and for a return type annotation no value of which is a promise
   * (`SETTLED_RETURN_ANNOTATIONS`); null otherwise. The cheap part of `syntacticReturnsPromise`:
   * where that one also walks a body and answers false (no returned value can hold a promise),
   * `untypedIsPromise` answers false as well, so the walk is left out.
   */
  function declaredCallIsPromise(node: TSESTree.Node): boolean | null {
    const call = skipTransparent(node);
    if (call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.Super) return null;
    // Not async (its name would be a promise name); a generator or a settled annotation would say
    // false, but `untypedIsPromise` says false for every call of a function of this file that is
    // no promise name, and asks no more than this would.
    if (!mayNamePromise(callee)) return null;
    const fn = resolveCallee(callee as TSESTree.Expression);
    if (!fn) return null;
    if (fn.generator) return false;
    if (fn.async) return true;
    if (fn.returnType && SETTLED_RETURN_ANNOTATIONS.has(fn.returnType.typeAnnotation.type)) return false;
    return null;
  }

  function typedIsPromise(node: TSESTree.Expression): boolean | null {
    const syntactic = syntacticCallIsPromise(node);
    if (syntactic !== null) return syntactic;
    if (checkerQuery(null, () => callReturnsNoPromise(node)) === true) return false;
    return typedTest(node, (checker, tsNode, type) => isThenableType(checker, tsNode, type) && !isCallbackStyleCall(node, type));
  }

  /** The `return` arguments of a function's block body (`null` for a bare `return`). */
  function collectReturns(fn: FunctionNode): (TSESTree.Expression | null)[] {
    const found: (TSESTree.Expression | null)[] = [];
    someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) found.push(node.argument);
      return false;
    });
    return found;
  }

  /** The returned expressions of a function (its expression body, or its `return` arguments). */
  function returnedExpressions(fn: FunctionNode): (TSESTree.Expression | null)[] {
    return fn.body.type === AST_NODE_TYPES.BlockStatement ? collectReturns(fn) : [fn.body];
  }

  /**
   * The declared type of a named function value (`save`, `this.save`, `api.save`): the type of
   * its symbol, without flow narrowing at the reference (much cheaper than the type at the
   * location, and the same for function declarations and methods). `'unknown'` when the checker
   * types a plain name `any`/`unknown` or knows no symbol for it, or types the object of a member
   * `any` (`require('untyped').run`): then the value, and every call of it, has no known type
   * either. Null when it does not settle that: a computed member, a member found through an index
   * signature (its symbol is the signature's, typed `any`, yet the member has a type), a checker
   * failure.
   */
  function declaredTypeOfReference(node: TSESTree.Identifier | TSESTree.MemberExpression): ts.Type | 'unknown' | null {
    if (!services) return null;
    if (node.type === AST_NODE_TYPES.MemberExpression && (node.computed || node.property.type !== AST_NODE_TYPES.Identifier)) return null;
    const target = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node;
    const checker = services.checker;
    const member = node.type === AST_NODE_TYPES.MemberExpression ? memberOfPlainLocal(node) : null;
    if (member) return member;
    try {
      const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(target));
      const type = symbol ? checker.getTypeOfSymbol(symbol) : null;
      if (type && !(type.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN))) return type;
      if (node.type === AST_NODE_TYPES.Identifier) return 'unknown';
      // A member without a typed symbol: of an `any` object, or found through an index signature
      // (its symbol is the signature's, typed `any`): only the object's type tells them apart.
      const objectType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node.object));
      return objectType.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN) ? 'unknown' : null;
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
  }

  /**
   * `client.send` where `client` is a local name whose declared type is plain (`declaredKind`): the
   * type of that type's property `send`, read without the type of `client` at the reference. The
   * type at a reference is the declared type narrowed by the code before it, which the checker
   * finds by walking the function's control flow back from the reference, once per reference: in
   * a long function, the longest part of a member's type. Null when the property is not found
   * there or typed `any`/`unknown` (then the type at the reference decides).
   */
  function memberOfPlainLocal(node: TSESTree.MemberExpression): ts.Type | null {
    if (!services || node.object.type !== AST_NODE_TYPES.Identifier || node.property.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOf(node.object);
    if (variable?.defs.length !== 1 || variable.defs[0]?.type === 'ImportBinding' || declaredKind(node.object, variable) !== 'plain') return null;
    const type = plainTypes.get(variable);
    if (!type) return null;
    const checker = services.checker;
    const name = node.property.name;
    return checkerQuery(null, () => {
      const property = checker.getApparentType(type).getProperty(name);
      const propertyType = property ? checker.getTypeOfSymbol(property) : null;
      return propertyType && !(propertyType.flags & (TYPE_FLAGS_ANY | TYPE_FLAGS_UNKNOWN)) ? propertyType : null;
    });
  }

  function typedReturnsPromise(node: TSESTree.Expression): boolean | null {
    if (!services) return null;
    const value = skipTransparent(node);
    // A function of this file (written here, or named and resolved by scope): its syntax first.
    const local = resolveCallee(value as TSESTree.Expression);
    const syntactic = local ? syntacticReturnsPromise(local) : null;
    if (syntactic !== null) return syntactic;
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      const declared = declaredTypeOfReference(value);
      // Typed `any` by its symbol (and not cast here): no known type at the reference either.
      if (declared === 'unknown') {
        if (value === node) return null;
      } else if (declared && !declared.isUnion() && !(declared.flags & TYPE_FLAGS_TYPE_PARAMETER)) {
        if (declared.getCallSignatures().length === 0) return false;
        // The declared type of a name is its type at the reference when it is no union (nothing to
        // narrow), so it answers without the type at the location.
        if (!isFunctionNode(value)) {
          const checker = services.checker;
          return checkerQuery(null, () => isPromiseReturningType(checker, services.esTreeNodeToTSNodeMap.get(value), declared));
        }
      }
    }
    return typedTest(value, (checker, tsNode, type) => {
      if (!isPromiseReturningType(checker, tsNode, type)) return false;
      // `() => query(sql, done)` typed `Promise | undefined`: judge what the function returns.
      if (isFunctionNode(value) && !value.async && isPromiseOrNothingReturningType(checker, type)) {
        const returned = returnedExpressions(value);
        return returned.length > 0 && returned.every((argument) => argument !== null && (typedIsPromise(argument) ?? untypedIsPromise(argument, 0)));
      }
      return true;
    });
  }

  function untypedReturnsPromise(node: TSESTree.Expression): boolean {
    if (!mayNamePromise(node)) return isImportedPromiseFunction(node);
    const fn = resolveCallee(node);
    return fn !== null ? functionReturnsPromise(fn, 0) : isImportedPromiseFunction(node);
  }

  return {
    typed: services !== null,
    services,
    isPromise(node) {
      const cached = isPromiseCache.get(node);
      if (cached !== undefined) return cached;
      const result = (services ? typedIsPromise(node) : declaredCallIsPromise(node)) ?? untypedIsPromise(node, 0);
      isPromiseCache.set(node, result);
      return result;
    },
    returnsPromise(node) {
      return typedReturnsPromise(node) ?? untypedReturnsPromise(node);
    },
    isAlwaysPromise(node) {
      if (services) {
        const syntactic = syntacticCallIsPromise(node);
        if (syntactic !== null) return syntactic;
        if (checkerQuery(null, () => callReturnsNoPromise(node)) === true) return false;
      }
      const typed = typedTest(node, (checker, _tsNode, type) =>
        unionParts(checker.getApparentType(type)).every((part) => isThenablePart(checker, part)),
      );
      return typed ?? untypedIsPromise(node, 0);
    },
    hasKnownType(node) {
      return knownType(node) !== null;
    },
    isErrorFirstCallback(node) {
      return typedTest(node, (checker, tsNode, type) =>
        unionParts(checker.getNonNullableType(type)).some((part) =>
          part.getCallSignatures().some((signature) => {
            const [first] = signature.parameters;
            if (!first) return false;
            if (ERROR_PARAMETER_NAME.test(first.getName())) return true;
            const parameterType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(first, tsNode));
            return unionParts(parameterType).some((candidate) => ERROR_TYPE_NAME.test(candidate.getSymbol()?.getName() ?? ''));
          }),
        ),
      ) ?? false;
    },
    expectsPromiseReturn(node) {
      if (!services) return false;
      const tsNode = services.esTreeNodeToTSNodeMap.get(node) as ts.Expression;
      try {
        const contextual = services.checker.getContextualType(tsNode);
        return contextual !== undefined && declaresPromiseReturn(services.checker, tsNode, contextual);
      } catch (error) {
        if (error instanceof RangeError) return false;
        throw error;
      }
    },
    usageOf: getValueUsage,
    resolveCallee,
    returnsStoredPromise,
    continuesHeldBuilder,
    declaresIgnorablePromise,
  };
}
