import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CREATE_WHEN_MISSING,
  THROWING_LOOKUP,
  HOOK_REGISTRY_NAME,
  MAINTENANCE_WORDS,
  ORDERED_CALL_NAMES,
  ORDERED_CALL_PREFIXES,
  ORDERED_LIFECYCLE_VERBS,
  ORDERED_RESOURCE_NOUNS,
  RATE_LIMIT_METHODS,
  RATE_LIMITER_NAME,
  READ_FIRST_WORDS,
  UI_QUERY_NAMES,
  UNSAFE_HTTP_METHODS,
  WRITE_VERBS,
} from '../catalog/ordered-calls';
import { hasOption, requiredModule, skipTransparent, writtenName } from '../util/ast';
import { writesOutside } from './dependencies';

/**
 * What the gathering rules need to know about an awaited call: which call it is, what it is
 * called on, and whether its order is part of the program's meaning. (The lead will merge the
 * promise check here with `promises.ts`.)
 */

export type AwaitedCall = TSESTree.CallExpression | TSESTree.NewExpression;

/** The call or `new` an `await` waits for (`await f()`, `await a?.b()`), or null (`await p`, `await import()`). */
export function awaitedCallOf(node: TSESTree.AwaitExpression): AwaitedCall | null {
  let argument: TSESTree.Node = node.argument;
  if (argument.type === AST_NODE_TYPES.ChainExpression) argument = argument.expression;
  return argument.type === AST_NODE_TYPES.CallExpression || argument.type === AST_NODE_TYPES.NewExpression
    ? argument
    : null;
}


/**
 * True when the call runs a function that its caller's user may or may not have supplied: a member
 * called optionally (`await opts.shouldBypassCache?.(...args)`, `await this.hooks.beforeSave?.(doc)`),
 * or a member with a fallback (`await (opts.getKey || defaultKey)(...args)`, `??` too). Such hooks
 * are written by the user of the code (often synchronous, a key or a predicate), and run in the
 * order the code documents: users may rely on one seeing what an earlier one did.
 */
export function callsSuppliedHook(call: AwaitedCall): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (call.optional) return callee.type === AST_NODE_TYPES.MemberExpression;
  return (
    callee.type === AST_NODE_TYPES.LogicalExpression &&
    (callee.operator === '||' || callee.operator === '??') &&
    skipTransparent(callee.left).type === AST_NODE_TYPES.MemberExpression
  );
}

/** The called function's own name: `f` for `f()`, `query` for `db.pool.query()`; null if computed. */
export function calleeName(call: AwaitedCall): string | null {
  return writtenName(call.callee);
}

/**
 * The object a method is called on, as the text of its member chain, calls included with their
 * arguments: `db.query()` → `db`, `this.repo.find()` → `this.repo`,
 * `db.collection('users').find()` → `db.collection('users')`, `request(app).get('/')` →
 * `request(app)`. Null for a plain function call or a receiver we cannot name (`(await x).y()`).
 * Two awaited calls whose keys are equal, or one a member prefix of the other (`this` and
 * `this.repo`), act on one resource. Dots inside call arguments are masked so that the key's
 * dots always separate members.
 */
export function receiverKey(call: AwaitedCall, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  return chainKey(callee.object, sourceCode);
}

/** The receiver's first segment without call arguments: `trx` for `trx('users').insert()`, `this` for `this.repo.x()`. */
export function receiverRootName(key: string): string {
  const dot = key.indexOf('.');
  const head = dot === -1 ? key : key.slice(0, dot);
  const paren = head.indexOf('(');
  return paren === -1 ? head : head.slice(0, paren);
}

function chainKey(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return current.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = chainKey(current.object, sourceCode);
      if (object === null) return null;
      if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
        return `${object}.${current.property.name}`;
      }
      if (!current.computed && current.property.type === AST_NODE_TYPES.PrivateIdentifier) {
        return `${object}.#${current.property.name}`;
      }
      return object;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = chainKey(current.callee, sourceCode);
      if (callee === null) return null;
      const args = current.arguments.map((argument) => sourceCode.getText(argument).replace(/\./g, '\u00b7')).join(', ');
      return `${callee}(${args})`;
    }
    default:
      return null;
  }
}

/** The variable a name resolves to from `scope`, or null when it is an undeclared global. */
export function findVariable(scope: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(scope, name);
}

/** The module specifier a variable is imported or required from (`import fs from 'fs'`, `const fs = require('fs')`). */
function importedFrom(variable: TSESLint.Scope.Variable): string | null {
  for (const definition of variable.defs) {
    if (definition.type === 'ImportBinding') {
      const declaration = definition.parent;
      if (declaration.type === AST_NODE_TYPES.ImportDeclaration) return declaration.source.value;
    }
    if (definition.type === 'Variable') {
      const module = requiredModule(definition.node.init);
      if (module !== null) return module;
    }
  }
  return null;
}

/** True when the variable is bound by an import or `require()` (a module, not an object instance). */
export function isImported(variable: TSESLint.Scope.Variable): boolean {
  return importedFrom(variable) !== null;
}

/**
 * True when the awaited operation's order is part of the program's meaning:
 * - its callee's name is in `ORDERED_CALL_NAMES` (delays, locks, transactions, connection
 *   lifecycle, browser steps) or in the user's `orderedFunctions`, or starts with one of
 *   `ORDERED_CALL_PREFIXES` (UI waits: `waitForSelector`), or is a Testing Library query (`UI_QUERY_NAMES`);
 * - its first or last camelCase word is a lifecycle verb (`ORDERED_LIFECYCLE_VERBS`:
 *   `connectDatabase`, `startServer`, `redisConnect`), or it opens or closes a resource named
 *   as its last word (`openBrowser`, `closeDatabase`: `ORDERED_RESOURCE_NOUNS`);
 * - it is `new Promise(...)`: hand-made promises almost always wrap a timer or an event
 *   (`await new Promise((r) => setTimeout(r, 100))`, `once(stream, 'end')`-style waits).
 */
export function isOrderedCall(call: AwaitedCall, extraNames: ReadonlySet<string>): boolean {
  if (
    call.type === AST_NODE_TYPES.NewExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'Promise'
  ) {
    return true;
  }
  const name = calleeName(call);
  if (name === null) return false;
  return (
    ORDERED_CALL_NAMES.has(name) ||
    UI_QUERY_NAMES.has(name) ||
    extraNames.has(name) ||
    ORDERED_CALL_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    namesLifecycleStep(name)
  );
}

/**
 * True when the call runs a plugin host's hooks: a member of the callee's object chain is named
 * like a hook registry (`HOOK_REGISTRY_NAME`: `plugins.hooks.fire('filter:page', data)`,
 * `compiler.hooks.done.promise(stats)`). Extensions' listeners run there with effects the file
 * cannot see, in the order the host documents: two hook runs are one ordered sequence.
 */
export function callsHookRegistry(call: AwaitedCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  for (let node: TSESTree.Node = skipTransparent(callee.object); ; ) {
    const name = writtenName(node);
    if (name !== null && HOOK_REGISTRY_NAME.test(name)) return true;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    node = skipTransparent(node.object);
  }
}

/** The first or last camelCase word of a name is a lifecycle verb (see `isOrderedCall`). */
function namesLifecycleStep(name: string): boolean {
  const words = name.replace(/^[_$#]+/, '').split(/(?=[A-Z])|[_$]+/).filter((word) => word.length > 0);
  if (words.length < 2) return false;
  const first = words[0]?.toLowerCase();
  const last = words[words.length - 1]?.toLowerCase();
  if (first === undefined || last === undefined) return false;
  if ((first === 'open' || first === 'close') && ORDERED_RESOURCE_NOUNS.has(last)) return true;
  return ORDERED_LIFECYCLE_VERBS.has(first) || ORDERED_LIFECYCLE_VERBS.has(last);
}

/** Per-file memo for `callsStatefulFunction`: function node → whether it writes outside itself. */
export type StatefulFunctionCache = Map<TSESTree.Node, boolean>;

/**
 * True when the call is of a function defined in this file (`function merge() {}`,
 * `const merge = async () => {}`) that writes or mutates state outside itself (see
 * `writesOutside`): its calls take effect in order (`await mergeConfig(a); await mergeConfig(b)`).
 * Each function is analysed once per file through `cache`.
 */
export function callsStatefulFunction(
  call: AwaitedCall,
  scope: TSESLint.Scope.Scope,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  cache: StatefulFunctionCache,
): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scope, callee.name);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  let fn: TSESTree.Node | null = null;
  if (definition.type === 'FunctionName') fn = definition.node;
  else if (definition.type === 'Variable' && variable?.defs.length === 1) fn = definition.node.init;
  if (
    !fn ||
    (fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn.type !== AST_NODE_TYPES.FunctionExpression &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression)
  ) {
    return false;
  }
  let result = cache.get(fn);
  if (result === undefined) {
    result = writesOutside(fn, visitorKeys);
    cache.set(fn, result);
  }
  return result;
}

const WRITE_NAME = new RegExp(`^(?:${WRITE_VERBS.map((verb) => verb.replace(/\$/g, '\\$')).join('|')})(?:$|[A-Z0-9_])`);

/**
 * True when the call reads like a write to something outside the program:
 * - its name starts with a write verb (`WRITE_VERBS`: `createOrder`, `refresh`, `syncUsers`), or
 *   names a maintenance
 *   step that drops entries (`checkPinExpiry`, `runCleanup`: `MAINTENANCE_WORDS`, unless the name
 *   starts as a read);
 * - a command-pattern client is sent a command that does not read
 *   (`client.send(new PutObjectCommand(...))`);
 * - it is handed an options object whose `method` is an unsafe HTTP method
 *   (`fetch(url, { method: 'POST', body })`);
 * - it finishes a query builder's chain that a statement verb started
 *   (`db.delete(tags).where(...)`, `db.insertInto('links').values(row).execute()`: see
 *   `buildsWriteStatement`);
 */
export function looksLikeWrite(call: AwaitedCall): boolean {
  if (sendsUnsafeHttpMethod(call) || buildsWriteStatement(call)) return true;
  const name = calleeName(call);
  if (name === null) return false;
  // Command-pattern clients (AWS SDK v3 `client.send(new GetObjectCommand(...))`): the command says.
  const [first] = call.arguments;
  if (
    name === 'send' &&
    first?.type === AST_NODE_TYPES.NewExpression &&
    first.callee.type === AST_NODE_TYPES.Identifier
  ) {
    return !READ_COMMAND.test(first.callee.name);
  }
  return WRITE_NAME.test(name) || namesMaintenanceStep(name);
}

/**
 * True when the call has an effect that a refused request must not cause, though it is not a
 * plain write: it creates the record when missing (`getOrCreatePartner`: `CREATE_WHEN_MISSING`)
 * or spends a rate limiter's token (`ratelimit(5, '1 m').limit(key)`, `limiter.consume(ip)`).
 * Beside a read it may run at once; after a lookup that throws for a refused request
 * (`THROWING_LOOKUP`: `findFirstOrThrow`) it must wait for the lookup's answer.
 */
export function hasCountedEffect(call: AwaitedCall): boolean {
  const name = calleeName(call);
  return spendsRateLimit(call) || (name !== null && CREATE_WHEN_MISSING.test(name));
}

/**
 * True when the call's name starts as a read (`READ_FIRST_WORDS`: `findMany`, `count`,
 * `getUser`, `listIssues`) and hides no write: no create-when-missing (`getOrCreate`), no
 * maintenance step, no spent rate-limit token. A name only: weak evidence of a read, for
 * deciding that nothing needs to wait, never that something may be gathered.
 */
export function namesOnlyRead(call: AwaitedCall): boolean {
  const name = calleeName(call);
  const first = name?.replace(/^[_$#]+/, '').split(/(?=[A-Z])|[_$]+/)[0]?.toLowerCase();
  return first !== undefined && READ_FIRST_WORDS.has(first) && !looksLikeWrite(call) && !hasCountedEffect(call);
}

/** True when the call is a lookup that throws when nothing is found (`findFirstOrThrow`, `getTeamOrFail`: `THROWING_LOOKUP`). */
export function isThrowingLookup(call: AwaitedCall): boolean {
  const name = calleeName(call);
  return name !== null && THROWING_LOOKUP.test(name);
}

/**
 * The methods that start a write statement in query builders: `insert`, `update`, `delete` (and
 * `upsert`, knex's `del`) as drizzle, knex and Supabase name them, and Kysely's `insertInto`,
 * `updateTable`, `deleteFrom`, `replaceInto`, `mergeInto`. Not a name that merely starts with a
 * verb (`createQueryBuilder`), nor a string's `replace`.
 */
const WRITE_STATEMENT_METHOD = /^(?:(?:insert|update|upsert|delete|del)(?:Into|From|Table)?|replaceInto|mergeInto)$/;

/**
 * True when an earlier call of the awaited call's own member chain starts a write statement
 * (`WRITE_STATEMENT_METHOD`): `db.delete(tags).where(eq(tags.id, id))`,
 * `supabase.from('links').update(values).eq('id', id)`, `db.insertInto('links').values(row).execute()`.
 * The awaited method (`where`, `eq`, `execute`) only finishes the statement: the chain writes.
 */
function buildsWriteStatement(call: AwaitedCall): boolean {
  let callee = skipTransparent(call.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) {
    const inner = skipTransparent(callee.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
    const innerCallee = skipTransparent(inner.callee);
    if (innerCallee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (WRITE_STATEMENT_METHOD.test(writtenName(innerCallee) ?? '')) return true;
    callee = innerCallee;
  }
  return false;
}

/** A maintenance word anywhere in a name that does not start as a read (see `looksLikeWrite`). */
function namesMaintenanceStep(name: string): boolean {
  const words = name.replace(/^[_$#]+/, '').split(/(?=[A-Z])|[_$]+/).map((word) => word.toLowerCase());
  const [first] = words;
  if (first === undefined || READ_FIRST_WORDS.has(first)) return false;
  return words.some((word) => MAINTENANCE_WORDS.has(word));
}

/** `fetch(url, { method: 'POST' })`, `request({ method: 'delete', url })`: an object argument with an unsafe `method`. */
function sendsUnsafeHttpMethod(call: AwaitedCall): boolean {
  const unsafe = (value: TSESTree.Node): boolean =>
    value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && UNSAFE_HTTP_METHODS.has(value.value.toLowerCase());
  return call.arguments.some((argument) => hasOption(argument, 'method', unsafe));
}

/** `ratelimit(5, '1 m').limit(key)`, `this.loginLimiter.consume(ip)`: a token spent (see `RATE_LIMITER_NAME`). */
function spendsRateLimit(call: AwaitedCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = writtenName(callee);
  if (method === null || !RATE_LIMIT_METHODS.has(method)) return false;
  let receiver = skipTransparent(callee.object);
  if (receiver.type === AST_NODE_TYPES.CallExpression) receiver = skipTransparent(receiver.callee);
  const name = writtenName(receiver);
  return name !== null && RATE_LIMITER_NAME.test(name);
}

/**
 * True when the call's method is picked at run time from a value the file does not pin to names
 * (`topics.tools[action](tid)`, with `action` a parameter): it may be any method, a write or a
 * delete of what an earlier call read. A key that is a variable only ever given string literals
 * (`const method = old ? 'getRange' : 'getRevRange'`, `let m = 'hourly'; if (d) m = 'daily';`) is
 * judged by those names (`looksLikeWrite`).
 */
export function callsUnknownMethod(call: AwaitedCall, scope: TSESLint.Scope.Scope): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !callee.computed) return false;
  const names = literalNames(skipTransparent(callee.property), scope);
  if (names === null) return true;
  return names.some((name) => WRITE_NAME.test(name) || namesMaintenanceStep(name));
}

/** The strings a computed key can be: a literal, a conditional of literals, or a `const` bound to one; null otherwise. */
function literalNames(node: TSESTree.Node, scope: TSESLint.Scope.Scope | null): string[] | null {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || typeof node.value === 'number' ? [String(node.value)] : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0 ? node.quasis.map((quasi) => quasi.value.cooked ?? '') : null;
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = literalNames(skipTransparent(node.consequent), scope);
    const alternate = literalNames(skipTransparent(node.alternate), scope);
    return consequent && alternate ? [...consequent, ...alternate] : null;
  }
  if (node.type === AST_NODE_TYPES.Identifier && scope) {
    const variable = findVariable(scope, node.name);
    const [definition] = variable?.defs ?? [];
    if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable') return null;
    // Every value written to it (the initializer, `method = 'other'` assignments): one step only,
    // literals, not another name.
    const names: string[] = [];
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const written = reference.writeExpr;
      const parent = reference.identifier.parent;
      if (!written || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== '=')) return null;
      const values = literalNames(skipTransparent(written), null);
      if (values === null) return null;
      names.push(...values);
    }
    return names.length > 0 ? names : null;
  }
  return null;
}

/** Command class names that read: `GetObjectCommand`, `ListTablesCommand`, `QueryCommand`. */
const READ_COMMAND = /^(?:Get|List|Describe|Head|Query|Scan|BatchGet|Select|Search|Lookup)[A-Z]/;

/** True when `Promise` at `scope` is the built-in global, not a local or imported binding. */
export function isGlobalPromise(scope: TSESLint.Scope.Scope): boolean {
  const variable = findVariable(scope, 'Promise');
  return variable === null || variable.defs.length === 0;
}

/** What the type checker says about a value: a promise-like, certainly not one, or unknown (no types, `any`). */
export type PromiseKnowledge = 'promise' | 'not-promise' | 'unknown';

/** The typed view of the file, or null when the rule runs without type information. */
export type TypedServices = ParserServicesWithTypeInformation | null;


/**
 * Whether `node` evaluates to a thenable, per its type: `promise` when any union member has a
 * callable `then`, `not-promise` when the type is known and none has, `unknown` without types or
 * for `any`/`unknown`/type parameters.
 */
export function promiseKnowledge(node: TSESTree.Node, services: TypedServices): PromiseKnowledge {
  if (!services) return 'unknown';
  const checker = services.program.getTypeChecker();
  const type = services.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  let sawUnknown = false;
  for (const part of parts) {
    // any (1), unknown (2), type parameter (262144)
    if (part.flags & (1 | 2 | 262144)) {
      sawUnknown = true;
      continue;
    }
    const then = part.getProperty('then');
    if (!then) continue;
    const thenType = checker.getTypeOfSymbol(then);
    if (thenType.getCallSignatures().length > 0) return 'promise';
  }
  return sawUnknown ? 'unknown' : 'not-promise';
}

/**
 * Whether `node` has an array type (so a `for...of` over it may be rewritten with `.map`):
 * `true`/`false` with types, `null` without.
 */
export function isArrayTyped(node: TSESTree.Node, services: TypedServices): boolean | null {
  if (!services) return null;
  const checker = services.program.getTypeChecker();
  const type = services.getTypeAtLocation(node);
  if (type.flags & (1 | 2)) return null;
  return checker.isArrayType(type) || checker.isTupleType(type);
}
