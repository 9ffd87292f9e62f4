import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  awaitedCallOf,
  calleeName,
  callsHookRegistry,
  callsStatefulFunction,
  callsSuppliedHook,
  callsUnknownMethod,
  findVariable,
  hasCountedEffect,
  isGlobalPromise,
  isOrderedCall,
  isImported,
  isThrowingLookup,
  looksLikeWrite,
  namesOnlyRead,
  promiseKnowledge,
  receiverKey,
  receiverRootName,
  type AwaitedCall,
  type StatefulFunctionCache,
} from '../analysis/awaited-calls';
import { type AccessPath, accessPathOf, assignmentTargets, collectAccesses, PathSet, patternNames, rootOf } from '../analysis/dependencies';
import { type EffectSummary, getFileEffects, writesLogLine } from '../analysis/effects';
import {
  FILE_METADATA_PREFIXES,
  BENCHMARK_NAME,
  GUARD_CALL_NAME,
  INTERACTIVE_SWITCH_NAME,
  LOCAL_PATH_ARGUMENT,
  NETWORK_CALL_ROOTS,
  ORDERED_RESOURCE_HANDLE_NAME,
  PRECONDITION_STEP_NAME,
  REQUEST_FUNCTION_NAME,
  SETTING_READER_NAME,
  SETTINGS_RECEIVER,
  STORE_READ_METHODS,
  STORE_WRITE_METHODS,
  TRANSACTION_NAMES,
  TRANSLATION_METHODS,
  UNUSED_CHECK_NAME,
} from '../catalog/effects';
import { getOrderingComments } from '../analysis/ordering-comments';
import { runsInOrderedCallback } from '../analysis/ordered-callbacks';
import { getWhereItRuns, isStrongEvidence } from '../analysis/where-it-runs';
import { getIterationEvidence } from '../analysis/iteration-evidence';
import { BACKGROUND_CALL } from '../catalog/iteration-order';
import { CACHED_MANAGER_HOLDERS } from '../catalog/run-contexts';
import { type FunctionNode, isFunctionNode, nearestFunction } from '../analysis/async-context';
import { ORDERED_RECEIVER_NAMES, SHARED_CONNECTION_NAMES } from '../catalog/ordered-calls';
import { isGlobalSetInterval, runsOnSchedule } from '../analysis/periodic-runs';
import { getSourceWords } from '../analysis/source-words';
import { someNodeBelow, someNodeInSameFunction } from '../analysis/walk';
import { getPromiseAnalysis } from '../analysis/promises';
import { createRule } from '../util/create-rule';
import { callChainRoot, hasOption, isTrueLiteral, promiseCombinatorOf, skipTransparent, staticMemberName, variableOfIdentifier, writtenName } from '../util/ast';
import { getTypedServices } from '../util/typed-services';

export type Options = [
  {
    minGroupSize?: number;
    checkExpressionStatements?: boolean;
    orderedFunctions?: string[];
    requireEvidence?: boolean;
    checkTestCode?: boolean;
  },
];
export type MessageIds = 'sequentialAwaits' | 'awaitInGather' | 'awaitLastInGather' | 'awaitAfterAwaitsInGather' | 'useGather' | 'removeAwait';

/** A comment that names `Promise.all` next to sequential awaits says why it is not used. */
const PROMISE_ALL_MENTION = /\bPromise\.all\b/;

/** Where a value computed from an earlier result was written outside the function, widest last. */
type Published = 'none' | 'this' | 'outer' | 'global';

const PUBLISHED_ORDER: readonly Published[] = ['none', 'this', 'outer', 'global'];

function widerPublished(a: Published, b: Published): Published {
  return PUBLISHED_ORDER.indexOf(a) >= PUBLISHED_ORDER.indexOf(b) ? a : b;
}

/** One statement of a group: it awaits one call at its top. */
interface Member {
  statement: TSESTree.VariableDeclaration | TSESTree.ExpressionStatement;
  await: TSESTree.AwaitExpression;
  call: AwaitedCall;
  /** `declare`: `const x = await f()`; `assign`: `x = await f()`; `bare`: `await f();`. */
  kind: 'declare' | 'assign' | 'bare';
  /** The declaration when `kind` is `declare` and the `await` is its whole initializer. */
  declaration: TSESTree.VariableDeclaration | null;
  /** Paths the statement writes: declared names or assignment targets, plus writes inside the call. */
  writes: string[];
  /** True when the statement assigns state outside the function, which any later call may read. */
  publishes: boolean;
  /** True when a TS wrapper sits around the `await` (`(await f()) as T`): no exact rewrite. */
  wrapped: boolean;
  /** True when the call waits only on the local file system (see `waitsOnLocalFiles`). */
  local: boolean;
}

/** Option names that ask a loader for its cached answer: `getNavLocales({ cache: true })`. */
const CACHED_ANSWER_OPTION = /^(?:cache|cached|useCache|fromCache)$/;

/** Methods of a Fetch API `Request` that read its body: `json`, `formData`, `text`, `arrayBuffer`, `blob`. */
const RECEIVED_BODY_METHODS: ReadonlySet<string> = new Set(['json', 'formData', 'text', 'arrayBuffer', 'blob']);

/**
 * True when the call is handed a switch that says whether it may ask the person running the
 * command (`INTERACTIVE_SWITCH_NAME`): an argument `nonInteractive` (or `!interactive`,
 * `flags['non-interactive']`), or an options object with such a key whose value is not the
 * literal that turns asking off (`{ nonInteractive: false }`, `{ nonInteractive: flags.ci }` count;
 * `{ nonInteractive: true }`, `{ interactive: false }`, `{ noPrompt: true }` say it will not ask).
 */
function handsInteractiveSwitch(call: AwaitedCall): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  return call.arguments.some((argument) => {
    let value: TSESTree.Node = skipTransparent(argument);
    if (value.type === AST_NODE_TYPES.UnaryExpression) value = skipTransparent(value.argument);
    if (value.type === AST_NODE_TYPES.Identifier) return INTERACTIVE_SWITCH_NAME.test(value.name);
    if (value.type === AST_NODE_TYPES.MemberExpression) return INTERACTIVE_SWITCH_NAME.test(staticMemberName(value) ?? '');
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return value.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : '';
      if (!INTERACTIVE_SWITCH_NAME.test(key)) return false;
      const set = skipTransparent(property.value);
      if (set.type !== AST_NODE_TYPES.Literal || typeof set.value !== 'boolean') return true;
      // `interactive: true` asks; `nonInteractive: true` / `noPrompt: true` / `interactive: false` do not.
      return /^(?:is-?)?interactive$/i.test(key) === set.value;
    });
  });
}

/** `x = await f()` / `const x = await f()` / `await f()`: the await at a statement's top, through TS wrappers. */
function topAwait(node: TSESTree.Node | null | undefined): { await: TSESTree.AwaitExpression; wrapped: boolean } | null {
  let current = node;
  let wrapped = false;
  while (
    current &&
    (current.type === AST_NODE_TYPES.TSAsExpression ||
      current.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.expression;
    wrapped = true;
  }
  return current?.type === AST_NODE_TYPES.AwaitExpression ? { await: current, wrapped } : null;
}

/** The last name of an argument expression: `trx` in `ctx.trx`, `client` in `client`. */
function argumentName(argument: TSESTree.Node): string | null {
  if (argument.type === AST_NODE_TYPES.Identifier) return argument.name;
  if (argument.type === AST_NODE_TYPES.MemberExpression && !argument.computed && argument.property.type === AST_NODE_TYPES.Identifier) {
    return argument.property.name;
  }
  return null;
}

/** True when the call hands a transaction over (`TRANSACTION_NAMES`): everything in a transaction runs in order. */
function passesTransaction(call: AwaitedCall): boolean {
  return call.arguments.some((argument) => {
    const name = argumentName(argument);
    return name !== null && TRANSACTION_NAMES.has(name);
  });
}

/**
 * The shared connection a helper receives as an argument (`getVersion(client)`, `readRows(db, q)`,
 * a browser `driver` or an `entityManager`: `ORDERED_RESOURCE_HANDLE_NAME`), as a receiver key: two
 * helpers given the same connection use it one statement at a time, and a helper preparing a
 * driven page (emulation, throttling) changes what the other measures.
 */
function connectionArgument(call: AwaitedCall): string | null {
  for (const argument of call.arguments) {
    const name = argumentName(argument);
    if (name !== null && (ORDERED_RECEIVER_NAMES.has(name) || SHARED_CONNECTION_NAMES.has(name) || ORDERED_RESOURCE_HANDLE_NAME.test(name))) {
      return `${name}()`;
    }
    // `getVersion(driver.defaultSession)`, `measure(driver.executionContext)`: a part of one
    // driver (`ORDERED_RESOURCE_HANDLE_NAME`) acts on the page or connection it drives.
    const value = skipTransparent(argument);
    if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed) {
      const root = skipTransparent(value.object);
      if (root.type === AST_NODE_TYPES.Identifier && ORDERED_RESOURCE_HANDLE_NAME.test(root.name)) return `${root.name}()`;
    }
  }
  return null;
}

/** A callee named only for reading (`readFileSize`, `statOf`, `getInfo`, `loadJson`): it produces no file. */
const READER_NAME = /^[_$#]*(?:read|stat|lstat|get|exists|pathExists|load|access|list|find|fetch|is|has|check|probe)(?:$|[A-Z0-9_])/;

/** An argument named for where output goes, besides `LOCAL_PATH_ARGUMENT`: `out`, `outDir`, `dest`, `target`. */
const OUTPUT_PATH_ARGUMENT = /^(?:out|output|dest|destination|target)(?:$|[A-Z])/;

/**
 * The paths (`outPath`, `this.outDir`) a call is handed that are named like a file or folder
 * (`LOCAL_PATH_ARGUMENT`, `OUTPUT_PATH_ARGUMENT`): positional arguments, property values of an
 * object-literal argument (`concat({ paths, outPath })`, shorthand included), and elements of an
 * array-literal argument, the way a command line is handed to a process
 * (`spawnAsync('tar', ['-xf', archive, '-C', installPath])`: the folder the process writes).
 */
function pathArguments(call: AwaitedCall): string[] {
  const paths: string[] = [];
  const consider = (node: TSESTree.Node): void => {
    const value = skipTransparent(node);
    const name = argumentName(value);
    if (name === null || (!LOCAL_PATH_ARGUMENT.test(name) && !OUTPUT_PATH_ARGUMENT.test(name))) return;
    const path = accessPathOf(value);
    if (path !== null) paths.push(path);
  };
  for (const argument of call.arguments) {
    const value = skipTransparent(argument);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of value.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) consider(element);
      continue;
    }
    if (value.type !== AST_NODE_TYPES.ObjectExpression) {
      consider(value);
      continue;
    }
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.Property) consider(property.value);
    }
  }
  return paths;
}

/** A file-system metadata lookup by its name (`FILE_METADATA_PREFIXES`): `lstat(p)`, `realpathIfExists(dir)`. */
function isFileMetadataLookup(call: AwaitedCall): boolean {
  const name = calleeName(call);
  return name !== null && FILE_METADATA_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The call a `.then`/`.catch`/`.finally` handler is chained on (`readFile(p).catch(f)` → `readFile(p)`), or null. */
function chainedCall(call: AwaitedCall): AwaitedCall | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  if (!['then', 'catch', 'finally'].includes(callee.property.name)) return null;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.CallExpression ? object : null;
}

/**
 * `await setting('theme')`, `await Settings.get('nscd')`: a settings read by one literal key
 * (`SETTING_READER_NAME`, or `get` on a `SETTINGS_RECEIVER`).
 */
function readsSetting(call: AwaitedCall): boolean {
  const name = calleeName(call);
  const [key, ...rest] = call.arguments;
  if (name === null || rest.length > 0 || key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string') return false;
  if (SETTING_READER_NAME.test(name)) return true;
  const callee = skipTransparent(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? writtenName(callee.object) : null;
  return name === 'get' && receiver !== null && SETTINGS_RECEIVER.test(receiver);
}

/**
 * `await this.parse(Deploy)`: a command of a command-line framework built on classes (oclif and the
 * CLIs built on it) parsing its own arguments, through a `parse` method it inherits (its class
 * extends another and declares no `parse` of its own), handed its own class (or `this.constructor`)
 * to read the flags that class declares. It works on `process.argv` in memory: there is nothing to
 * overlap with it, and what follows usually needs the flags anyway.
 */
function parsesOwnArguments(call: AwaitedCall): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'parse' || skipTransparent(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
  let body: TSESTree.Node | undefined = call.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  const declaration = body?.parent;
  if (body?.type !== AST_NODE_TYPES.ClassBody || (declaration?.type !== AST_NODE_TYPES.ClassDeclaration && declaration?.type !== AST_NODE_TYPES.ClassExpression) || !declaration.superClass) {
    return false;
  }
  const declaresParse = body.body.some(
    (member) => (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'parse',
  );
  if (declaresParse) return false;
  const argument = skipTransparent(call.arguments[0] as TSESTree.Node);
  if (argument.type === AST_NODE_TYPES.Identifier) return declaration.id?.name === argument.name;
  return argument.type === AST_NODE_TYPES.MemberExpression && skipTransparent(argument.object).type === AST_NODE_TYPES.ThisExpression && staticMemberName(argument) === 'constructor';
}

/** A receiver named for a cache: `cache`, `WIKI.cache`, `this.localeCache`. */
const CACHE_RECEIVER = /^[_$#]*(?:cache|[\w$]*Cache)$/;

/** The call a chain of `.then`/`.catch`/`.finally` handlers starts from (`el.read('a').then(f)` → `el.read('a')`), or the call itself. */
function handledCall(call: AwaitedCall): AwaitedCall {
  let current = call;
  for (let inner = chainedCall(current); inner; inner = chainedCall(current)) current = inner;
  return current;
}

/**
 * `handledCall` when every handler of the chain is a function that makes no call (`.catch(() =>
 * null)`, `.then((member) => member.nickname)`): the chain waits only for the call it starts
 * from. Null when a handler calls, constructs or awaits anything (`.then((user) =>
 * user.send(text))`), or is not written there (`.then(render)`).
 */
function quietlyHandledCall(call: AwaitedCall, visitorKeys: TSESLint.SourceCode.VisitorKeys): AwaitedCall | null {
  let current = call;
  for (let inner = chainedCall(current); inner; inner = chainedCall(current)) {
    const quiet = current.arguments.every(
      (handler) =>
        isFunctionNode(handler) &&
        !someNodeBelow(handler.body, visitorKeys, (node) => node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression),
    );
    if (!quiet) return null;
    current = inner;
  }
  return current;
}

/**
 * A gather of calls each named for a precondition (`Promise.all([ensureApiEnabled(a), ensureBilling(b)])`,
 * `GUARD_CALL_NAME` or an `ensure` step, `PRECONDITION_STEP_NAME`): it makes sure something holds
 * (an API enabled, a role granted) before what follows uses it.
 */
function preparesPreconditions(call: AwaitedCall): boolean {
  const gathered = gatheredCalls(call);
  return (
    gathered !== null &&
    gathered.length > 0 &&
    gathered.every((inner) => {
      const name = calleeName(handledCall(inner));
      return name !== null && (GUARD_CALL_NAME.test(name) || PRECONDITION_STEP_NAME.test(name));
    })
  );
}

/** The calls a gather's array literal starts (`Promise.all([readA(), readB()])`), or null when it is not such a literal. */
function gatheredCalls(call: AwaitedCall): AwaitedCall[] | null {
  const [argument] = call.arguments;
  if (promiseCombinatorOf(call.callee) === null || argument?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  const calls: AwaitedCall[] = [];
  for (const element of argument.elements) {
    const node = element ? skipTransparent(element) : null;
    if (node?.type !== AST_NODE_TYPES.CallExpression) return null;
    calls.push(node);
  }
  return calls;
}

/**
 * `Promise.all(list.map(this.proxyMemo))`: a gather whose mapper is a method of `this` handed by
 * reference (a memoised function, a counter-numbered factory); the key `this` is what two such
 * gathers share.
 */
function mapsThroughThis(call: AwaitedCall): boolean {
  const [argument] = call.arguments;
  const mapped = argument ? skipTransparent(argument) : null;
  if (promiseCombinatorOf(call.callee) === null || mapped?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(mapped.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'map') {
    return false;
  }
  const [mapper] = mapped.arguments;
  const reference = mapper ? skipTransparent(mapper) : null;
  return reference?.type === AST_NODE_TYPES.MemberExpression && skipTransparent(reference.object).type === AST_NODE_TYPES.ThisExpression;
}

/** A value at hand: a name or a member chain (`pending`, `this.ready`, `tab.id`), no call. */
function isValueAtHand(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.ThisExpression) return true;
  return value.type === AST_NODE_TYPES.MemberExpression && !value.computed && isValueAtHand(value.object);
}

/**
 * A gather of promises that are already running (`Promise.all(pending)`, `Promise.all([ready,
 * this.loaded])`, `Promise.all(tabs.map((tab) => tab.id))` where each element holds a started
 * promise): it starts nothing, so there is nothing to start together with the calls beside it.
 */
function gathersStartedPromises(call: AwaitedCall): boolean {
  const [argument] = call.arguments;
  if (promiseCombinatorOf(call.callee) === null || !argument) return false;
  const value = skipTransparent(argument);
  if (isValueAtHand(value)) return true;
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.every((element) => element !== null && isValueAtHand(element));
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length !== 1) return false;
  const callee = skipTransparent(value.callee);
  const [mapper] = value.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'map' || !isValueAtHand(callee.object)) return false;
  return mapper?.type === AST_NODE_TYPES.ArrowFunctionExpression && mapper.body.type !== AST_NODE_TYPES.BlockStatement && isValueAtHand(mapper.body);
}

/**
 * The calls a gather's array literal may start, also under a condition
 * (`Promise.all([opts.html ? page.content() : null, opts.cookies && page.cookies()])`); empty when
 * the call is no gather of an array literal.
 */
function callsStartedByGather(call: AwaitedCall): AwaitedCall[] {
  const [argument] = call.arguments;
  if (promiseCombinatorOf(call.callee) === null || argument?.type !== AST_NODE_TYPES.ArrayExpression) return [];
  const calls: AwaitedCall[] = [];
  const visit = (node: TSESTree.Node): void => {
    const current = skipTransparent(node);
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) calls.push(current);
    else if (current.type === AST_NODE_TYPES.ConditionalExpression) {
      visit(current.consequent);
      visit(current.alternate);
    } else if (current.type === AST_NODE_TYPES.LogicalExpression) visit(current.right);
  };
  for (const element of argument.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) visit(element);
  return calls;
}

/**
 * The objects a call is handed that the called code may change: each argument that names an object
 * by a member path (`this.client`, `ctx.api`), directly or as a property of an object literal
 * (`{ api: this.client, ticket }`). A bare name is left out: a value passed by name (`id`,
 * `options`) is rarely the client a later call is made on, and a stateless client handed to two
 * helpers is not made a barrier.
 */
function handedObjects(call: AwaitedCall): AccessPath[] {
  const found: AccessPath[] = [];
  const take = (node: TSESTree.Node): void => {
    const value = skipTransparent(node);
    if (value.type !== AST_NODE_TYPES.MemberExpression) return;
    const path = accessPathOf(value);
    if (path !== null) found.push(path);
  };
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of argument.properties) if (property.type === AST_NODE_TYPES.Property) take(property.value);
    } else {
      take(argument);
    }
  }
  return found;
}

/**
 * True when `call` is a method called on one of the `handed` objects or on a part of one
 * (`this.client.currentUser()` after `this.client` was handed on; not after only
 * `this.client.baseUrl` was, a value read from it).
 */
function isCalledOn(handed: readonly AccessPath[], call: AwaitedCall): boolean {
  if (handed.length === 0) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = accessPathOf(callee.object);
  return receiver !== null && handed.some((path) => receiver === path || receiver.startsWith(`${path}.`));
}

/**
 * True when a summary says the called function only reads: it writes nothing outside itself
 * and starts no process, asks no person, takes no lock.
 */
function isPureRead(summary: EffectSummary): boolean {
  return summary.writes.length === 0 && !summary.startsProcess && !summary.prompts && !summary.locks;
}

/**
 * What the members of a group so far change outside the program's variables, per their effect
 * summaries: the file system (also a started process, which may write files), `process.env`, and
 * members of the objects passed to them (`await beginTransaction(req)` sets `req.tx`). A later
 * call that reads what an earlier one changed must wait for it.
 */
class OutsideWrites {
  private files = false;
  private env = false;
  /** A server or process was started: any later I/O may talk to it. */
  private world = false;
  private readonly argumentRoots = new PathSet();

  /**
   * `isParameter`: the callee is a function value the enclosing function received (unknown code).
   * `writtenElsewhere`: the positions of the arguments whose members a function of another module
   * assigns, by its text (`FileEffects.argumentsWrittenElsewhere`).
   */
  add(call: AwaitedCall, summary: EffectSummary | null, isParameter: boolean, writtenElsewhere: readonly number[]): void {
    // `await body(trx)` where `body` is a parameter: unknown code may write through its arguments.
    if (!summary && isParameter) {
      for (const argument of call.arguments) {
        const path = accessPathOf(argument);
        if (path !== null) this.argumentRoots.add(path);
      }
    }
    // `await planner.getVersion(spec)` stores the version on `spec`: a later call handed `spec` may read it.
    for (const index of writtenElsewhere) {
      const argument = call.arguments[index];
      const path = argument ? accessPathOf(argument) : null;
      if (path !== null) this.argumentRoots.add(path);
    }
    if (!summary) return;
    if (summary.startsServer || summary.startsProcess) this.world = true;
    if (summary.startsProcess) this.files = true;
    for (const write of summary.writes) {
      if (write.kind === 'file') this.files = true;
      else if (write.kind === 'env') this.env = true;
      else if (write.kind === 'argument') {
        const argument = call.arguments[write.index];
        const path = argument ? accessPathOf(argument) : null;
        if (path !== null) this.argumentRoots.add(path);
      }
    }
  }

  /** True when `call` (with its summary) reads or writes what an earlier member changed. */
  dependsOn(call: AwaitedCall, summary: EffectSummary | null): boolean {
    if (this.world) return true;
    if (summary) {
      const touchesFiles = summary.readsFiles || summary.startsProcess || summary.writes.some((write) => write.kind === 'file');
      if (this.files && touchesFiles) return true;
      if (this.env && (summary.readsEnv || summary.writes.some((write) => write.kind === 'env'))) return true;
    }
    return this.argumentRoots.size > 0 && call.arguments.some((argument) => {
      const path = accessPathOf(argument);
      return path !== null && this.argumentRoots.overlaps(path);
    });
  }

  clear(): void {
    this.files = false;
    this.env = false;
    this.world = false;
    this.argumentRoots.clear();
  }
}

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-all',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require independent consecutive awaits to run together with `Promise.all`',
      recommended: 'recommended',
      // The strictest options report every group of independent awaits, with or without evidence
      // that one of them waits on another machine.
      strictOptions: [{ requireEvidence: false, checkTestCode: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minGroupSize: {
            type: 'integer',
            minimum: 2,
            description: 'Smallest number of consecutive independent awaits that is reported.',
          },
          checkExpressionStatements: {
            type: 'boolean',
            description:
              'Also group bare `await f();` statements, whose order is usually intended (`await mkdir(); await writeFile()`).',
          },
          orderedFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of functions or methods whose calls must stay in order, in addition to the built-in list.',
          },
          requireEvidence: {
            type: 'boolean',
            description:
              'Report a group only when one of its calls is shown to wait on another machine (a database, an HTTP service, a cache server, a cloud API) and another call waits too; false reports every group of independent awaits.',
          },
          checkTestCode: {
            type: 'boolean',
            description:
              'Also report in test code (a `*.test.*`/`*.spec.*` file, a `__tests__/` folder, a file that imports a test framework or calls `describe`/`it` at its top level), where the steps of a test run in the order written on purpose and the speed of a test is rarely worth the change. On in `strict`.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      sequentialAwaits:
        'These {{count}} awaits run one after another although none needs the result of another; start them together with `Promise.all`.',
      awaitInGather:
        'This `await` finishes before the next promise of `Promise.{{method}}` is even created; pass the promise itself.',
      awaitLastInGather:
        'This `await` holds `Promise.{{method}}` back until it settles, while the promises created before it have no rejection handler: a rejection among them meanwhile is unhandled. Pass the promise itself.',
      awaitAfterAwaitsInGather:
        'This `await`, like those before it in the array, settles before `Promise.{{method}}` is called: the calls run one after another. Pass the promises themselves.',
      useGather: 'Start the {{count}} calls together with `Promise.all`.',
      removeAwait: 'Remove the `await` and let `Promise.{{method}}` wait.',
    },
  },
  defaultOptions: [{ minGroupSize: 2, checkExpressionStatements: false, orderedFunctions: [], requireEvidence: true, checkTestCode: false }],
  create(context, [options]) {
    // Every report is about an `await`: a file without the word has nothing to check.
    const words = getSourceWords(context);
    if (!words.has('await')) return {};
    // Test code: a test's steps run in the order written on purpose (shared fixtures, a database
    // the previous step changed, deterministic output), and its speed is rarely worth a change.
    if (!(options.checkTestCode ?? false) && getWhereItRuns(context).isTestCode()) return {};
    // A program run by hand, once (an example, an admin or maintainer script, a task runner, a
    // build-time plugin: `WhereItRuns.oneShotProgram`): the one person who started it waits a
    // moment longer, and nobody tunes it.
    if (getWhereItRuns(context).oneShotProgram() !== null) return {};
    const sourceCode = context.sourceCode;
    const minGroupSize = options.minGroupSize ?? 2;
    const checkExpressionStatements = options.checkExpressionStatements ?? false;
    const orderedNames: ReadonlySet<string> = new Set(options.orderedFunctions ?? []);
    const requireEvidence = options.requireEvidence !== false;
    const services = getTypedServices(context);
    const statefulFunctions: StatefulFunctionCache = new Map();
    const effects = getFileEffects(context);
    const orderingComments = getOrderingComments(context);

    /**
     * The receiver of a method call when it may be one stateful object whose calls run in order
     * (a connection, page, repository), as the key two such calls share; null otherwise:
     * - `this` and its members (`this.repo`), parameters and local variables: object instances;
     * - a receiver named like one ordered resource or a shared database handle
     *   (`ORDERED_RECEIVER_NAMES`, `SHARED_CONNECTION_NAMES`): the whole object, whatever part,
     *   unless it is an instance of this file's stateless client class (`isStatelessClientCall`);
     * - an import or an undeclared global (`api`, `fs`, `axios`, `cms`): a module of functions,
     *   no shared state, so two calls on it are independent (null);
     * - typed: an instance of a class that queries through a pool (`FileEffects.receiverUsesPool`:
     *   `this.customers.findById(id)` then `this.customers.loyaltyPoints(id)`): null.
     */
    function statefulReceiver(call: AwaitedCall): string | null {
      const key = receiverKey(call, sourceCode);
      if (key === null) return null;
      const root = receiverRootName(key);
      if (ORDERED_RECEIVER_NAMES.has(root) || SHARED_CONNECTION_NAMES.has(root)) {
        // `client.get(a)` where `client` is this file's stateless REST client: no shared connection.
        return effects.isStatelessClientCall(call) ? null : root;
      }
      if (root === 'this') {
        // `this.findUser(id)`: a method of the class that changes nothing on `this` or elsewhere
        // is a read; it shares no ordered state with another read (unless `this` is a connection).
        if (key === 'this' && !effects.isOrderedReceiver(call)) {
          const summary = effects.summaryOf(call);
          if (summary && isPureRead(summary)) return null;
        }
        // Typed: a repository field whose class reaches the database through a pool.
        return effects.receiverUsesPool(call) ? null : key;
      }
      const variable = findVariable(sourceCode.getScope(call), root);
      if (!variable || variable.defs.length === 0 || isImported(variable)) return null;
      return effects.receiverUsesPool(call) ? null : key;
    }

    /** The statement as a group member, or null when it does not await one call at its top. */
    function asMember(statement: TSESTree.ProgramStatement): Member | null {
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        if (statement.kind !== 'const' && statement.kind !== 'let' && statement.kind !== 'var') return null;
        if (statement.declarations.length !== 1) return null;
        const declarator = statement.declarations[0];
        if (!declarator) return null;
        const top = topAwait(declarator.init);
        const call = top && awaitedCallOf(top.await);
        if (!top || !call) return null;
        return {
          statement,
          await: top.await,
          call,
          kind: 'declare',
          declaration: statement,
          writes: patternNames(declarator.id),
          publishes: false,
          wrapped: top.wrapped,
          local: false,
        };
      }
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
        const top = topAwait(expression.right);
        const call = top && awaitedCallOf(top.await);
        if (!top || !call) return null;
        const writes: string[] = [];
        let publishes = false;
        const scope = sourceCode.getScope(statement);
        for (const targetNode of assignmentTargets(expression.left)) {
          const path = accessPathOf(targetNode);
          if (path === null) return null;
          writes.push(path);
          if (targetNode.type === AST_NODE_TYPES.Identifier) {
            const variable = findVariable(scope, targetNode.name);
            if (!variable || variable.scope.variableScope !== scope.variableScope) publishes = true;
          }
        }
        return { statement, await: top.await, call, kind: 'assign', declaration: null, writes, publishes, wrapped: top.wrapped, local: false };
      }
      if (checkExpressionStatements && expression.type === AST_NODE_TYPES.AwaitExpression) {
        const call = awaitedCallOf(expression);
        if (!call) return null;
        return { statement, await: expression, call, kind: 'bare', declaration: null, writes: [], publishes: false, wrapped: false, local: false };
      }
      return null;
    }

    /**
     * True when the member is a bare `await` statement (its result unused, `checkExpressionStatements`)
     * of a call that can only matter by throwing: named for a check (`UNUSED_CHECK_NAME`:
     * `await checkLoggedIn();`), or a function of this file that returns no value, throws, and
     * only reads on the way: every call it awaits is a read by name (`namesOnlyRead`) and its
     * effect summary writes nothing (`async function mustOwn(id) { const doc = await
     * docs.find(id); if (doc.owner !== me) throw new Forbidden(); }`). A function that throws
     * on bad input and then writes (`if (!id) throw ...; await db.items.update(...)`) is work,
     * not a guard. A guard is a barrier: what follows may rely on it having passed, so nothing
     * after it is gathered with it.
     */
    function awaitsGuardStatement(member: Member, summary: EffectSummary | null): boolean {
      if (member.kind !== 'bare') return false;
      const name = calleeName(member.call);
      if (name !== null && UNUSED_CHECK_NAME.test(name)) return true;
      if (!summary || !isPureRead(summary)) return false;
      const fn = getPromiseAnalysis(context).resolveCallee(member.call.callee as TSESTree.Expression);
      if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      const body = fn.body;
      const awaitsOtherThanRead = (node: TSESTree.Node): boolean => {
        if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
        const call = awaitedCallOf(node);
        return call === null || !namesOnlyRead(call);
      };
      return (
        someNodeInSameFunction(body, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.ThrowStatement) &&
        !someNodeInSameFunction(
          body,
          sourceCode.visitorKeys,
          (node) => (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null) || awaitsOtherThanRead(node),
        )
      );
    }

    /**
     * True when the statement awaits at its top the way a member does (`const x = await ...`,
     * `x = await ...`, a bare `await ...;` with `checkExpressionStatements`): every statement
     * `asMember` accepts is one, without asking what the await waits for.
     */
    function awaitsAtTop(statement: TSESTree.ProgramStatement): boolean {
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        const declarator = statement.declarations.length === 1 ? statement.declarations[0] : undefined;
        return (statement.kind === 'const' || statement.kind === 'let' || statement.kind === 'var') && topAwait(declarator?.init) !== null;
      }
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.AssignmentExpression) return expression.operator === '=' && topAwait(expression.right) !== null;
      return checkExpressionStatements && expression.type === AST_NODE_TYPES.AwaitExpression;
    }

    /** A statement that may stand between members: a declaration or expression without pauses or jumps. */
    function isPlainStatement(statement: TSESTree.ProgramStatement): boolean {
      return (
        (statement.type === AST_NODE_TYPES.VariableDeclaration &&
          (statement.kind === 'const' || statement.kind === 'let' || statement.kind === 'var')) ||
        statement.type === AST_NODE_TYPES.ExpressionStatement ||
        statement.type === AST_NODE_TYPES.EmptyStatement
      );
    }

    /**
     * True when the statement that awaits at its top nearest before or after `statement` is a
     * member whose call authenticates too (`effects.authenticates`): helpers that each check the
     * session (`await invoicesOfMember(); await customersOfMember()`).
     */
    function neighbourAuthenticates(statements: readonly TSESTree.ProgramStatement[], statement: TSESTree.ProgramStatement): boolean {
      const index = statements.indexOf(statement);
      const nearest = (step: 1 | -1): TSESTree.ProgramStatement | undefined => {
        for (let at = index + step; at >= 0 && at < statements.length; at += step) {
          const candidate = statements[at];
          if (candidate && awaitsAtTop(candidate)) return candidate;
        }
        return undefined;
      };
      return [nearest(-1), nearest(1)].some((neighbour) => {
        const other = neighbour && asMember(neighbour);
        return other ? effects.authenticates(other.call) : false;
      });
    }

    function checkStatements(statements: readonly TSESTree.ProgramStatement[]): void {
      // A group member awaits at its top: no `await` in these statements, no member.
      const first = statements[0];
      const last = statements.at(-1);
      if (!first || !last || !words.between('await', first.range[0], last.range[1])) return;
      // Cheap pre-check: most blocks have fewer than `minGroupSize` statements that await at their
      // top (`awaitsAtTop`, a superset of the members), and the scan starts at the first of them:
      // the statements before it end no group.
      let candidates = 0;
      let start = -1;
      // Per statement, the candidates from it up to the next statement that always ends a group
      // (neither a candidate nor a plain statement: `if`, `return`, a loop), and where that is: a
      // group that cannot reach `minGroupSize` before it reports nothing, so the scan skips there
      // without asking the costly questions (effects, other modules) of the members in between.
      const reachable: number[] = new Array<number>(statements.length);
      const barrier: number[] = new Array<number>(statements.length);
      let following = 0;
      let nextBarrier = statements.length;
      for (let index = statements.length - 1; index >= 0; index--) {
        const statement = statements[index] as TSESTree.ProgramStatement;
        if (awaitsAtTop(statement)) {
          candidates += 1;
          start = index;
          following += 1;
        } else if (!isPlainStatement(statement)) {
          following = 0;
          nextBarrier = index;
        }
        reachable[index] = following;
        barrier[index] = nextBarrier;
      }
      if (candidates < minGroupSize) return;

      let group: Member[] = [];
      let interleaved = false;
      // Paths written by the group's members and by statements computed from their results.
      const tainted = new PathSet();
      // Paths the group's awaited calls read: a statement in between must not overwrite them.
      const groupReads = new PathSet();
      const receivers = new PathSet();
      const calls = new Set<string>();
      const outside = new OutsideWrites();
      // Paths handed to members not named as readers: a later call given the same path may read
      // what they wrote (`await concatFiles({ paths, outPath })` then `await readFileSize(outPath)`).
      const producedPaths = new PathSet();
      // Files the members' functions of other modules write and read by a path their module names
      // (`effects.fixedFilesElsewhere`): a login helper rewriting the auth file, then the helper of
      // the same module that reads it.
      const filesWritten = new Set<string>();
      const filesRead = new Set<string>();
      // A member of the group is a lookup that throws when nothing is found (`findFirstOrThrow`).
      let guarded = false;
      // Where a statement between members put a value computed from an earlier result, outside
      // this function (see `publishedPlace`): a later call that can read that place depends on it.
      let published: Published = 'none';
      // Members of `this` that the group's calls of this object's own methods change
      // (`await this.scan()` filling `this.pending`; `*`: `this` itself): a later method of the
      // object that reads one of them (`await this.process()` draining it) needs them first.
      const thisWritten = new Set<string>();
      // Objects handed to the members' calls (`await pollForToken({ api: this.client })`): the
      // called code may change them (sign in and keep a token, open a session), so a later call
      // made on one of them (`await this.client.currentUser()`) needs that call first.
      const handed: AccessPath[] = [];

      // The sets above are filled only once a member joins the group: without one there is
      // nothing to report or clear.
      const flush = (): void => {
        if (group.length === 0) return;
        if (group.length >= minGroupSize) report(group, interleaved);
        group = [];
        interleaved = false;
        tainted.clear();
        groupReads.clear();
        receivers.clear();
        calls.clear();
        outside.clear();
        producedPaths.clear();
        filesWritten.clear();
        filesRead.clear();
        guarded = false;
        published = 'none';
        thisWritten.clear();
        handed.length = 0;
      };

      for (let index = start; index < statements.length; index++) {
        const statement = statements[index] as TSESTree.ProgramStatement;
        if (group.length + (reachable[index] as number) < minGroupSize) {
          // Nothing is reported before the next barrier, which ends the group anyway.
          flush();
          index = barrier[index] as number;
          continue;
        }
        const member = asMember(statement);
        if (member) {
          const accesses = collectAccesses(member.call, sourceCode.visitorKeys);
          if (
            accesses.awaits.length > 0 ||
            accesses.yields ||
            isOrderedCall(member.call, orderedNames) ||
            looksLikeWrite(member.call) ||
            callsUnknownMethod(member.call, sourceCode.getScope(member.call)) ||
            callsStatefulFunction(member.call, sourceCode.getScope(member.call), sourceCode.visitorKeys, statefulFunctions) ||
            promiseKnowledge(member.call, services) === 'not-promise'
          ) {
            flush();
            continue;
          }
          // A configuration value by its literal key (`await setting('theme')`), a translation
          // (`await translator.translate(key)`): almost always cached.
          // A gather of promises already started (`await Promise.all(pending)`): they run beside
          // the other calls whatever the order of the awaits.
          // A hook the user of this code may supply (`await opts.shouldInvalidate?.(...args)`,
          // `await (opts.getKey || getKey)(...args)`): usually synchronous, and run in a
          // documented order that users may rely on.
          // A read of the package's in-process cache (`await WIKI.cache.get('locales')` where the
          // package depends on node-cache and on no Redis client): answered from memory.
          // A command class parsing its own arguments (`await this.parse(Deploy)`): in memory.
          if (
            readsSetting(member.call) ||
            parsesOwnArguments(member.call) ||
            readsInProcessCache(member.call) ||
            fetchesThroughCachedManager(member.call) ||
            TRANSLATION_METHODS.has(calleeName(member.call) ?? '') ||
            gathersStartedPromises(member.call) ||
            callsSuppliedHook(member.call)
          ) {
            flush();
            continue;
          }
          const summary = effects.summaryOf(member.call);
          // Nothing real to overlap (an in-memory lookup, a cached value), or an order a person,
          // a lock or a measurement needs (a prompt, a critical section, a benchmark): not a
          // member, and the group ends.
          // A function of another module named for benchmarking (`getBenchmarkIndex`) measures
          // the machine: work beside it changes what it measures.
          if (
            (summary &&
              (summary.waits === 'memory' || summary.waits === 'cached' || summary.prompts || summary.locks || summary.benchmarks)) ||
            (!summary && BENCHMARK_NAME.test(calleeName(member.call) ?? ''))
          ) {
            flush();
            continue;
          }
          // A function of a relative module whose own text shows it waits on nothing (async in
          // name only, or an await of a promise its module keeps), or a request of a memoised
          // in-memory computation of one (a cached derivation of data at hand): nothing to overlap.
          // So is a caching fetcher of another module that keeps its result on the object it is
          // handed (`if (!spec.version) spec.version = await ...`): usually filled by an earlier step,
          // and a memo of another module (`servesCacheElsewhere`: the shelves it keeps, a module
          // variable); typed, any function or method the checker resolves the call to.
          // A helper of another module that loads the project's env files (`env = await
          // readEnvFiles({ env, project })`, parsing `.env` files with dotenv a few functions
          // down, reaching no server): a few small local files, nothing a gather would hide.
          if (
            (!summary &&
              (effects.waitsOnNothingElsewhere(member.call) ||
                effects.cachesOnArgumentElsewhere(member.call) ||
                effects.servesCacheElsewhere(member.call) ||
                effects.loadsEnvFilesElsewhere(member.call))) ||
            effects.requestsMemoisedComputation(member.call)
          ) {
            flush();
            continue;
          }
          // A comment by the call says it answers from memory ("served from the cache", "makes no
          // further requests when called again"): the author's word that there is nothing to overlap.
          if (orderingComments.notesCached(member.statement)) {
            flush();
            continue;
          }
          // A check that refuses the request (an access check, a validation): what follows waits
          // for its answer, so it is not gathered with the work after it (nor with what came before,
          // which it may need to see first).
          const name = calleeName(member.call);
          // So is a step named for making a precondition hold (`await repo.ensure()`, `ensureApiEnabled`):
          // what follows may go through what it set up (a signed-in client, an API switched on).
          // And a helper of this file or another module that authenticates whatever its name: it
          // reads the signed-in user and throws when there is none (`await getServerProfile()`).
          // Unless a neighbouring member checks the session too (a data layer whose every helper
          // does): each refuses a visitor itself, and together they refuse no one later.
          // So is a bare `await` statement of a call that can only matter by throwing
          // (`awaitsGuardStatement`: `await checkLoggedIn();`).
          if (
            (name !== null && (GUARD_CALL_NAME.test(name) || PRECONDITION_STEP_NAME.test(name))) ||
            awaitsGuardStatement(member, summary) ||
            summary?.checks === true ||
            preparesPreconditions(member.call) ||
            (effects.authenticates(member.call) && !neighbourAuthenticates(statements, member.statement))
          ) {
            flush();
            continue;
          }
          member.local = waitsOnLocalFiles(member.call);
          // A step of a transaction (`await body(trx)`, `find(id, { transaction })`) runs before
          // whatever follows it in the transaction, on its one connection.
          if (passesTransaction(member.call) || effects.handsTransaction(member.call)) {
            flush();
            continue;
          }
          // The receiver, and a shared connection handed as an argument: `this.readColumns(conn)`
          // and `this.readIndexes(conn)` use one connection even when `this` itself is no resource.
          const keys = [
            // `el.getProperty('a').then(read)`: the receiver is the one the chain starts on (`el`).
            statefulReceiver(handledCall(member.call)),
            connectionArgument(member.call),
            mapsThroughThis(member.call) ? 'this' : null,
            // Two runs of a plugin host's hooks: one ordered sequence, whatever module holds them.
            callsHookRegistry(member.call) ? 'hooks()' : null,
            // Statements on an SQLite handle: one local connection.
            effects.runsOnSqliteHandle(member.call) ? 'sqlite()' : null,
            // `await Promise.all([page.content(), page.cookies()])`: the gathered calls act on their
            // objects as awaited ones do, so a gather after `await page.evaluate(...)` uses the same page.
            ...callsStartedByGather(member.call).map((started) => statefulReceiver(handledCall(started))),
          ].filter((key): key is string => key !== null);
          // The same call twice (`await nextId(); await nextId()`) asks for the next value of a sequence.
          const callText = sourceCode.getText(member.call);
          const paths = pathArguments(member.call);
          const files = effects.fixedFilesElsewhere(member.call);
          const dependent =
            tainted.overlapsAny(accesses.reads) ||
            tainted.overlapsAny(member.writes) ||
            keys.some((key) => receivers.overlaps(key)) ||
            calls.has(callText) ||
            outside.dependsOn(member.call, summary) ||
            producedPaths.overlapsAny(paths) ||
            // A file an earlier member wrote that this one reads or writes, or one it read that
            // this one writes: in parallel, the read sees the file before or after the write.
            files.reads.some((file) => filesWritten.has(file)) ||
            files.writes.some((file) => filesWritten.has(file) || filesRead.has(file)) ||
            // A step that finalises what earlier steps registered in module state
            // (`await getParser()` finalising the config schema that loading extensions filled).
            summary?.finalizes === true ||
            (!summary && effects.finalizesElsewhere(member.call)) ||
            // A lookup that throws for a refused request, then a record created when missing or a
            // rate-limit token spent: in parallel the effect happens even when the lookup throws.
            (guarded && hasCountedEffect(member.call)) ||
            readsPublished(published, member.call) ||
            readsWrittenThis(thisWritten, member.call) ||
            isCalledOn(handed, member.call);
          if (dependent) flush();
          group.push(member);
          if (isThrowingLookup(member.call)) guarded = true;
          calls.add(callText);
          tainted.addAll(member.writes);
          tainted.addAll(accesses.writes);
          groupReads.addAll(accesses.reads);
          for (const key of keys) receivers.add(key);
          if (summary && receiverKey(member.call, sourceCode) === 'this') {
            for (const write of summary.writes) if (write.kind === 'this') thisWritten.add(write.member ?? '*');
          }
          outside.add(member.call, summary, calleeIsParameter(member.call), summary ? [] : effects.argumentsWrittenElsewhere(member.call));
          handed.push(...handedObjects(member.call));
          if (!READER_NAME.test(name ?? '')) producedPaths.addAll(paths);
          for (const file of files.writes) filesWritten.add(file);
          for (const file of files.reads) filesRead.add(file);
          if (member.publishes) flush();
          continue;
        }
        if (group.length > 0 && isPlainStatement(statement)) {
          const accesses = collectAccesses(statement, sourceCode.visitorKeys);
          // A call in between may check an earlier result and throw, measure time
          // (`Date.now()`), or change state the next call reads: the group ends there.
          if (
            accesses.awaits.length > 0 ||
            accesses.yields ||
            accesses.calls.length > 0 ||
            groupReads.overlapsAny(accesses.writes)
          ) {
            flush();
            continue;
          }
          // Computed from an earlier result: what it writes depends on that result too. Written
          // to state outside this function (`process.env.TMP_DIR = dir`, a module variable, a
          // member of `this`), a later call may read it there: the group ends.
          if (tainted.overlapsAny(accesses.reads)) {
            published = widerPublished(published, publishedPlace(statement, accesses.writes));
            tainted.addAll(accesses.writes);
          }
          interleaved = true;
          continue;
        }
        flush();
      }
      flush();
    }

    /**
     * Where a statement writes outside the function it runs in, the widest of its `writes`:
     * `global` for a global (`process.env.X`: any call may read it), `outer` for a binding
     * declared outside the function (module state, a closure's variable: a function of this file
     * may read it), `this` for a member of `this` (a method of the same object may read it),
     * `none` for the function's own variables.
     */
    function publishedPlace(statement: TSESTree.Node, writes: readonly string[]): Published {
      let place: Published = 'none';
      if (writes.length === 0) return place;
      const scope = sourceCode.getScope(statement);
      for (const path of writes) {
        const root = rootOf(path);
        if (root === 'this') {
          place = widerPublished(place, 'this');
          continue;
        }
        const variable = findVariable(scope, root);
        if (!variable || variable.defs.length === 0) place = widerPublished(place, 'global');
        else if (variable.scope.variableScope !== scope.variableScope) place = widerPublished(place, 'outer');
      }
      return place;
    }

    /**
     * True when `call` can read what was published (`publishedPlace`): any call a global, a
     * function of this file an outer binding (or a `this` member, through its own methods), a call
     * on `this` or handed `this` a member of `this`.
     */
    function readsPublished(place: Published, call: AwaitedCall): boolean {
      if (place === 'none') return false;
      if (place === 'global') return true;
      const onThis =
        receiverRootName(receiverKey(call, sourceCode) ?? '') === 'this' ||
        call.arguments.some((argument) => skipTransparent(argument).type === AST_NODE_TYPES.ThisExpression);
      if (place === 'this') return onThis;
      return onThis || effects.calledFunction(call) !== null;
    }

    /**
     * True when `call` is a method of this object (`this.process()`) that reads a member of `this`
     * which an earlier member of the group changed (`thisWritten`, see
     * `FileEffects.thisMembersReadBy`): a write of a field one call deep, then its read, as when
     * one step fills a queue or collection and the next drains it. An unresolved method is left
     * to the other checks.
     */
    function readsWrittenThis(thisWritten: ReadonlySet<string>, call: AwaitedCall): boolean {
      if (thisWritten.size === 0 || receiverKey(call, sourceCode) !== 'this') return false;
      const reads = effects.thisMembersReadBy(call);
      if (reads === null) return false;
      if (reads === 'all' || thisWritten.has('*')) return true;
      return [...thisWritten].some((member) => reads.has(member));
    }

    /** True when the callee is a parameter of a function around the call (a function value handed in). */
    function calleeIsParameter(call: AwaitedCall): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(call), callee.name);
      return variable?.defs.some((definition) => definition.type === 'Parameter') ?? false;
    }

    /**
     * The positions among the parameters of `fn` of the function values the group's members call
     * (`await provideBuildTasks()` where `provideBuildTasks` is a parameter): code the caller hands in.
     */
    function handedParameterPositions(group: readonly Member[], fn: FunctionNode): number[] {
      const positions: number[] = [];
      for (const member of group) {
        const callee = skipTransparent(member.call.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier) continue;
        const index = fn.params.findIndex((parameter) => {
          const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
          const named = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
          return named.type === AST_NODE_TYPES.Identifier && named.name === callee.name;
        });
        if (index !== -1 && !positions.includes(index)) positions.push(index);
      }
      return positions;
    }

    /** The name a call of `fn` is written with (`name(...)`, `this.name(...)`): its declaration's, its method's, or its variable's; null when anonymous. */
    function calledNameOf(fn: FunctionNode): string | null {
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
      const holder = fn.parent;
      if ((holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) && !holder.computed) {
        return holder.key.type === AST_NODE_TYPES.Identifier ? holder.key.name : null;
      }
      return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : null;
    }

    /** Per function: whether the functions its callers in this file hand it share state (see `handedFunctionsShareState`). */
    const sharedHandedState = new Map<FunctionNode, boolean>();

    /**
     * True when two or more members call functions the enclosing function was handed
     * (`await provideBuildTasks(); await provideRunTasks()`), and at a call of the enclosing
     * function in this file the functions handed for them hand one variable of the caller to the
     * code they call, as an argument (`() => tasks.provideBuild(context, options)`,
     * `() => tasks.provideRun(context, options)`; a client they only call methods of does not count):
     * unknown code run in turn on one shared object, where a step may fill in what the next reads
     * (a choice asked of the person once, then reused). Asked last: it reads the file's calls once
     * per such function.
     */
    function handedFunctionsShareState(group: readonly Member[]): boolean {
      const fn = group[0] ? nearestFunction(group[0].statement) : null;
      if (!fn) return false;
      const positions = handedParameterPositions(group, fn);
      if (positions.length < 2) return false;
      const known = sharedHandedState.get(fn);
      if (known !== undefined) return known;
      const name = calledNameOf(fn);
      let shared = false;
      if (name !== null) {
        someNodeBelow(sourceCode.ast, sourceCode.visitorKeys, (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return false;
          const callee = skipTransparent(node.callee);
          const called = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
          if (called !== name) return false;
          const seen = new Set<TSESLint.Scope.Variable>();
          for (const position of positions) {
            const handed = node.arguments[position];
            if (!handed || !isFunctionNode(handed)) continue;
            const captured = new Set<TSESLint.Scope.Variable>();
            for (const reference of sourceCode.getScope(handed).through) {
              const variable = reference.resolved;
              // A variable of the caller (a parameter, a local): not a module's import or constant.
              if (!variable || variable.scope.type === 'module' || variable.scope.type === 'global') continue;
              // Handed as an argument to the code the closure calls (`provide(context, options)`),
              // which may fill it in; a client the closure only calls a method of is no such object.
              const used = reference.identifier.parent;
              if (used?.type === AST_NODE_TYPES.CallExpression && used.arguments.includes(reference.identifier as TSESTree.Identifier)) captured.add(variable);
            }
            for (const variable of captured) {
              if (seen.has(variable)) shared = true;
              seen.add(variable);
            }
          }
          return shared;
        });
      }
      sharedHandedState.set(fn, shared);
      return shared;
    }

    /**
     * The group sits in a `try` whose `catch` or `finally` awaits a cleanup: a fail-fast
     * `Promise.all` would run the cleanup while the other calls are still writing.
     */
    function cleansUpAfterFailure(statement: TSESTree.Node): boolean {
      const block = statement.parent;
      const holder = block?.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement || holder?.type !== AST_NODE_TYPES.TryStatement || holder.block !== block) return false;
      return [holder.handler?.body, holder.finalizer].some(
        (part) => part !== undefined && part !== null && collectAccesses(part, sourceCode.visitorKeys).awaits.length > 0,
      );
    }

    /**
     * The group sits in a `try` whose `catch` may carry on (its body throws only under a condition,
     * or not at all), and a member before the last assigns what outlives the `try` (a member of an
     * object, a variable declared outside it): `secret = await getSecret(); version = await
     * getVersion(); } catch (e) { if (!isNotFound(e)) throw e; }`. A failure of a later call keeps
     * the earlier result there; `Promise.all` would lose it, and the code after the `try` tells
     * the two apart.
     */
    function keepsPartialResults(group: readonly Member[]): boolean {
      const block = group[0]?.statement.parent;
      const holder = block?.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement || holder?.type !== AST_NODE_TYPES.TryStatement || holder.block !== block) return false;
      const handler = holder.handler;
      if (!handler || handler.body.body.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement)) return false;
      return group.slice(0, -1).some((member) => {
        if (member.kind !== 'assign' || member.statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        const assignment = member.statement.expression;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression) return false;
        return assignmentTargets(assignment.left).some((target) => {
          if (target.type !== AST_NODE_TYPES.Identifier) return true;
          const declared = findVariable(sourceCode.getScope(member.statement), target.name)?.defs[0]?.node;
          return declared === undefined || declared.range[0] < block.range[0] || declared.range[1] > block.range[1];
        });
      });
    }

    /**
     * True when the file is a one-shot program by strong evidence (`WhereItRuns.script()`: a
     * shebang, a `bin` target, a package that is only a CLI, a scripts folder, ...). A module of a
     * package that also has a `bin` (`bin-package`) is not enough: a server framework ships its
     * CLI beside the code that serves requests; nor is a command-line tool's plugin (`cli-plugin`),
     * which the tool loads: that evidence serves `no-blocking-in-async` only.
     */
    function runsAsOneShotProgram(): boolean {
      const evidence = getWhereItRuns(context).script();
      return evidence !== null && evidence !== 'bin-package' && evidence !== 'cli-plugin';
    }

    /**
     * True when the call reads an entry of a cache (`get`/`mget` on a receiver named for one,
     * `CACHE_RECEIVER`, not imported from a module) in a package whose cache lives in the process
     * (`WhereItRuns.cachesInProcess`: it depends on node-cache or lru-cache and on no Redis,
     * Valkey, KeyDB or Memcached client). Such a `get` answers synchronously; the `await` waits for
     * nothing.
     */
    function readsInProcessCache(call: AwaitedCall): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = staticMemberName(callee);
      if (method !== 'get' && method !== 'mget') return false;
      const receiver = skipTransparent(callee.object);
      const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(receiver) : null;
      if (name === null || !CACHE_RECEIVER.test(name)) return false;
      // A cache imported from a module (`import { cache } from '@acme/cache'`) may wrap any store.
      const root = callChainRoot(call);
      const variable = root === null ? null : findVariable(sourceCode.getScope(call), root);
      if (variable && isImported(variable)) return false;
      return getWhereItRuns(context).cachesInProcess();
    }

    /**
     * True when the call fetches one object by its id through a manager of a client that answers
     * from its cache first (`guild.members.fetch(userId)`, `client.channels.fetch(id)`: a manager
     * of `CACHED_MANAGER_HOLDERS` read off an object named for its holder, `guild` or `client`, in
     * a package that depends on discord.js, see `WhereItRuns.usesCacheFirstClient`): mostly a
     * cache hit, with nothing to overlap. Options
     * (`fetch({ user, force: true })`), a query of many (`messages.fetch({ limit })`) or no argument
     * (every member of the guild) go to the server and stay members of the group. A handler
     * chained on that makes no call (`fetch(id).catch(() => null)`, `.then((m) => m.nickname)`)
     * changes nothing: the fetch is judged. One that does (`.then((user) => user.send(text))`) may
     * make a request of its own: a member.
     */
    function fetchesThroughCachedManager(awaited: AwaitedCall): boolean {
      const call = quietlyHandledCall(awaited, sourceCode.visitorKeys);
      if (call === null) return false;
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'fetch' || call.arguments.length !== 1) return false;
      const manager = skipTransparent(callee.object);
      if (manager.type !== AST_NODE_TYPES.MemberExpression) return false;
      const holders = CACHED_MANAGER_HOLDERS.get(staticMemberName(manager) ?? '');
      const holder = skipTransparent(manager.object);
      const holderName = holder.type === AST_NODE_TYPES.Identifier ? holder.name : holder.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(holder) : null;
      if (!holders?.has(holderName ?? '')) return false;
      const [id] = call.arguments;
      if (!id || id.type === AST_NODE_TYPES.ObjectExpression || id.type === AST_NODE_TYPES.ArrayExpression || id.type === AST_NODE_TYPES.SpreadElement) return false;
      return getWhereItRuns(context).usesCacheFirstClient();
    }

    /**
     * True when the function that runs `node` is handed the working directory of a tool: a
     * parameter named `cwd` (also destructured from an options object: `{ script, cwd =
     * process.cwd() }`), or one whose default is `process.cwd()`; or it is a callback awaited or
     * returned by such a function (`await withSpan('validate', async () => ...)`). A function that
     * works on the project folder it is pointed at (reads its files, runs git in it) is a step of a
     * command run by one person or a CI job: a build, a release, a deploy. A request handler is
     * handed a request, not a folder: a handler registered inside a factory handed `cwd`, or any
     * code with strong evidence of running concurrently (`WhereItRuns`), is no such step.
     */
    function handedWorkingDirectory(node: TSESTree.Node | undefined): boolean {
      if (!node) return false;
      // A request or job handler (strong evidence of concurrency) is no tool step, whatever
      // its factory is handed (`createPreviewServer(cwd)` registering `app.get(path, handler)`).
      const where = getWhereItRuns(context).ofNode(node);
      if (where.kind === 'concurrent' && isStrongEvidence(where.evidence)) return false;
      let fn: TSESTree.Node | undefined = node.parent;
      while (fn && !isFunctionNode(fn)) fn = fn.parent;
      while (fn && isFunctionNode(fn)) {
        if (fn.params.some(namesWorkingDirectory)) return true;
        // Only a callback that runs within its caller's own steps, awaited or returned there
        // (`await withSpan('build', async () => { ... })`), shares that caller's parameters' role.
        const call: TSESTree.Node | undefined = fn.parent;
        const used: TSESTree.Node | null | undefined =
          call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument) ? call.parent : null;
        if (used?.type !== AST_NODE_TYPES.AwaitExpression && used?.type !== AST_NODE_TYPES.ReturnStatement) return false;
        let outer: TSESTree.Node | undefined = used.parent;
        while (outer && !isFunctionNode(outer)) outer = outer.parent;
        fn = outer;
      }
      return false;
    }

    /** A parameter that receives the working directory (see `handedWorkingDirectory`). */
    function namesWorkingDirectory(parameter: TSESTree.Node): boolean {
      switch (parameter.type) {
        case AST_NODE_TYPES.Identifier:
          return parameter.name === 'cwd';
        case AST_NODE_TYPES.AssignmentPattern:
          return (
            namesWorkingDirectory(parameter.left) ||
            (parameter.right.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(parameter.right.callee) === 'process.cwd')
          );
        case AST_NODE_TYPES.ObjectPattern:
          return parameter.properties.some((property) => property.type === AST_NODE_TYPES.Property && namesWorkingDirectory(property.value));
        case AST_NODE_TYPES.TSParameterProperty:
          return namesWorkingDirectory(parameter.parameter);
        default:
          return false;
      }
    }

    /**
     * True when the call works on the local machine: it waits only on the local disk
     * (`waitsOnLocalFiles`), reads files (its summary says so: a config file parsed after its
     * read), is handed a path or folder (`projectDir`, `cwd`, `schemaPath`:
     * `LOCAL_PATH_ARGUMENT`, also in an options object; `process.cwd()`), or starts a process (its summary says so,
     * or its name is a git or shell step: `getTagHead` is not, `gitRevList` is, or a function of
     * another module runs a command by its text: `FileEffects.runsCommandElsewhere`); or it gathers
     * such calls.
     */
    function probesLocalMachine(call: AwaitedCall): boolean {
      const summary = effects.summaryOf(call);
      if (waitsOnLocalFiles(call) || pathArguments(call).length > 0 || summary?.startsProcess === true || summary?.readsFiles === true) return true;
      // `Promise.allSettled([lastCommit(dir), isDirty(dir)])`: a gather of such calls.
      if (gatheredCalls(call)?.some((inner) => probesLocalMachine(inner))) return true;
      if (handsProcessWorkingDirectory(call)) return true;
      const name = calleeName(call);
      if (name !== null && /^(?:git|exec|spawn|run(?:Git|Command|Shell))(?:$|[A-Z])/.test(name)) return true;
      // A function of another module that runs a command (`isGitInstalled(env)` asking
      // `shell.cmdinfo('git', ['--version'])`): read from its declaration, asked last.
      return !summary && effects.runsCommandElsewhere(call);
    }

    /**
     * True when the call is handed the process's working directory itself, as an argument or an
     * option's value (`getAppDetails(process.cwd())`, `loadConfig({ cwd: process.cwd() })`), and
     * nothing says it goes on to the network: not named for a request (`REQUEST_FUNCTION_NAME`:
     * `fetchSecurityAdvisories(process.cwd())`), no chain from a network client
     * (`NETWORK_CALL_ROOTS`), no summary that waits on other I/O than files. It looks at the
     * project folder on this machine.
     */
    function handsProcessWorkingDirectory(call: AwaitedCall): boolean {
      const name = calleeName(call);
      if ((name !== null && REQUEST_FUNCTION_NAME.test(name)) || NETWORK_CALL_ROOTS.has(callChainRoot(call) ?? '') || effects.summaryOf(call)?.waits === 'io') return false;
      const handed: TSESTree.Node[] = [];
      for (const argument of call.arguments) {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) handed.push(value);
        else for (const property of value.properties) if (property.type === AST_NODE_TYPES.Property) handed.push(skipTransparent(property.value));
      }
      return handed.some((value) => value.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(value.callee) === 'process.cwd');
    }

    /**
     * The group is one-time migration code: the file sits in a migrations folder
     * (`MIGRATION_FOLDERS`: `database/migrations/migrateDown.ts`), or a function around it is named
     * for migrating (`MIGRATION_FUNCTION_WORDS`: `migrateNewStatusPage`). It runs once per deploy;
     * the order of its steps is the plan, and nobody waits on its latency.
     */
    function runsInMigration(statement: TSESTree.Node): boolean {
      return getWhereItRuns(context).runsInMigration(statement);
    }

    /**
     * True when the function around `statement` keeps its result once: one of its first statements
     * returns a value kept outside the call when there is one (`if (cache && cachedInfo) return
     * cachedInfo;`: a module variable or a closure's; not a member of `this`, kept once per
     * instance, nor an entry looked up by key), and the function assigns that value itself
     * (`cachedInfo = info`). The awaits after the check run once per process (a system probe, a
     * one-time set-up), so gathering them saves a moment once.
     */
    function keepsResultOnce(statement: TSESTree.Node): boolean {
      const fn = nearestFunction(statement);
      if (!fn || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
      const scope = sourceCode.getScope(fn);
      for (const early of fn.body.body.slice(0, 5)) {
        if (early.type !== AST_NODE_TYPES.IfStatement || early.alternate) continue;
        const consequent = early.consequent.type === AST_NODE_TYPES.BlockStatement && early.consequent.body.length === 1 ? early.consequent.body[0] : early.consequent;
        if (consequent?.type !== AST_NODE_TYPES.ReturnStatement || !consequent.argument) continue;
        const kept = skipTransparent(consequent.argument);
        const path = kept.type === AST_NODE_TYPES.Identifier || kept.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(kept) : null;
        if (path === null || !collectAccesses(early.test, sourceCode.visitorKeys).reads.includes(path)) continue;
        // A binding of the module or an outer function, never the function's own (a parameter);
        // a member of `this` is kept once per instance, and many instances may live one request.
        const variable = path.includes('.') || path.includes('[') ? null : findVariable(scope, path);
        if (!variable || variable.defs.length === 0 || variable.scope.variableScope === scope.variableScope) continue;
        const assigned = someNodeBelow(fn.body, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.AssignmentExpression && accessPathOf(node.left) === path);
        if (assigned) return true;
      }
      return false;
    }

    /**
     * The group runs in a function handed to a call that runs it after the response is sent
     * (`BACKGROUND_CALL`: `waitUntil((async () => { ... })())`, `ctx.waitUntil(work())` of a
     * function defined inline): nobody waits for it, so gathering saves no one time.
     */
    function runsInBackground(statement: TSESTree.Node): boolean {
      let fn: TSESTree.Node | undefined = statement.parent;
      while (fn && !isFunctionNode(fn)) fn = fn.parent;
      if (!fn) return false;
      let handed: TSESTree.Node = fn;
      let holder = fn.parent;
      // `waitUntil((async () => { ... })())`: an async IIFE handed on.
      if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee === handed) {
        handed = holder;
        holder = holder.parent;
      }
      if (holder?.type !== AST_NODE_TYPES.CallExpression || holder.callee === handed) return false;
      const name = writtenName(holder.callee);
      return name !== null && BACKGROUND_CALL.test(name);
    }

    /**
     * The group runs in a periodic progress printout: a function handed to the global
     * `setInterval` (inline, or by the name of a function of this scope) whose body is the group,
     * local constants computed from its results, and a last statement that logs them
     * (`console.log(...)`, `logger.info(...)`), with no other await, no assignment and no
     * returned value. Nothing waits for a tick: a progress line a few milliseconds later costs
     * no one anything.
     */
    function printsProgressOnTimer(group: readonly Member[]): boolean {
      const first = group[0]?.statement;
      const fn = first ? nearestFunction(first) : null;
      if (!fn || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
      const body = fn.body.body;
      const last = body.at(-1);
      if (!last || !isLogStatement(last)) return false;
      const members = new Set<TSESTree.Node>(group.map((member) => member.statement));
      const onlyLocals = body.slice(0, -1).every((statement) => members.has(statement) || (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === 'const'));
      if (!onlyLocals) return false;
      const writes = someNodeBelow(fn.body, sourceCode.visitorKeys, (node) =>
        node.type === AST_NODE_TYPES.AssignmentExpression ||
        node.type === AST_NODE_TYPES.UpdateExpression ||
        (node.type === AST_NODE_TYPES.AwaitExpression && !group.some((member) => member.statement.range[0] <= node.range[0] && node.range[1] <= member.statement.range[1])),
      );
      return !writes && handedToInterval(fn);
    }

    /** `console.log(...)`, `logger.info(...)`, `this.log.debug(...)` as a statement (effects' `writesLogLine`). */
    function isLogStatement(statement: TSESTree.Statement): boolean {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const call = skipTransparent(statement.expression);
      return call.type === AST_NODE_TYPES.CallExpression && writesLogLine(call);
    }

    /**
     * True when `fn` is an argument of the global `setInterval`, itself or through the name it is
     * declared under, and no caller awaits or returns a call of that name
     * (`await printProgress()` in a route waits for its reads; a first run, `printProgress()`,
     * does not).
     */
    function handedToInterval(fn: FunctionNode): boolean {
      const isIntervalArgument = (node: TSESTree.Node): boolean => {
        const call = node.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
        return isGlobalSetInterval(call, sourceCode);
      };
      if (isIntervalArgument(fn)) return true;
      const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
      const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id : null;
      if (!id) return false;
      const variable = variableOfIdentifier(sourceCode, id);
      const references = variable?.references ?? [];
      return references.some((reference) => isIntervalArgument(reference.identifier)) && !references.some((reference) => isWaitedCall(reference.identifier));
    }

    /** True when `callee` is called and a caller waits on the call (`await f()`, `return f()`). */
    function isWaitedCall(callee: TSESTree.Node): boolean {
      const call = callee.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return false;
      const holder = call.parent;
      return holder?.type === AST_NODE_TYPES.AwaitExpression || holder?.type === AST_NODE_TYPES.ReturnStatement || (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === call);
    }

    /**
     * Where a measurement around a call cuts the group, or -1: a member (not the last) whose
     * awaited call the statement right after the group awaits again with the same text (`count(q)`
     * before and after an import) is the reading before the members after it, cut after it; a
     * member (not the first) that awaits again what the statement right before the group awaited
     * is the reading after the members before it, cut before it. Only when a member measured may
     * change something (`mayChangeWhatIsRead`): a read again after reads is no measurement.
     */
    function measurementCut(group: readonly Member[]): number {
      const first = group[0]?.statement;
      const last = group.at(-1)?.statement;
      if (!first || !last) return -1;
      const after = awaitedCallTexts(adjacentStatement(last, 1));
      const before = awaitedCallTexts(adjacentStatement(first, -1));
      for (let index = 0; index < group.length; index++) {
        const member = group[index];
        if (!member) continue;
        const text = sourceCode.getText(member.call);
        if (index < group.length - 1 && after.has(text) && group.slice(index + 1).some(mayChangeWhatIsRead)) return index + 1;
        if (index > 0 && before.has(text) && group.slice(0, index).some(mayChangeWhatIsRead)) return index;
      }
      return -1;
    }

    /**
     * False when the member's call only reads: its summary says so (`isPureRead`), or, with no
     * summary, its name starts as a read (`namesOnlyRead`: `findMany`, `listIssues`). An import,
     * a write, a pacing call (`limiter.removeTokens(1)`) or an unknown call may change it.
     */
    function mayChangeWhatIsRead(member: Member): boolean {
      const summary = effects.summaryOf(member.call);
      return summary ? !isPureRead(summary) : !namesOnlyRead(member.call);
    }

    /** The statement `offset` places from `statement` in its block, or undefined. */
    function adjacentStatement(statement: TSESTree.Node, offset: number): TSESTree.Node | undefined {
      const holder = statement.parent;
      const siblings: readonly TSESTree.Node[] | null =
        holder?.type === AST_NODE_TYPES.BlockStatement || holder?.type === AST_NODE_TYPES.Program
          ? holder.body
          : holder?.type === AST_NODE_TYPES.SwitchCase
            ? holder.consequent
            : null;
      const index = siblings ? siblings.indexOf(statement) : -1;
      return index === -1 ? undefined : siblings?.[index + offset];
    }

    /** The texts of the calls awaited in `statement` (`await count(q)`). */
    function awaitedCallTexts(statement: TSESTree.Node | undefined): ReadonlySet<string> {
      const texts = new Set<string>();
      if (statement) {
        someNodeBelow(statement, sourceCode.visitorKeys, (node) => {
          if (node.type === AST_NODE_TYPES.AwaitExpression && node.argument.type === AST_NODE_TYPES.CallExpression) texts.add(sourceCode.getText(node.argument));
          return false;
        });
      }
      return texts;
    }

    /**
     * True when the call waits only on the local file system: an `fs` call, a helper whose summary
     * says so (`EffectSummary.waits` is `files`), a metadata lookup by its name (`lstat`,
     * `realpathIfExists`), or a gather of such calls, also with handlers chained on
     * (`readFile(lock).then(parse).catch(() => undefined)`).
     */
    function waitsOnLocalFiles(call: AwaitedCall): boolean {
      const chained = chainedCall(call);
      if (chained) return waitsOnLocalFiles(chained);
      if (isFileMetadataLookup(call) || effects.summaryOf(call)?.waits === 'files') return true;
      const gathered = gatheredCalls(call);
      return gathered !== null && gathered.length > 0 && gathered.every((inner) => waitsOnLocalFiles(inner));
    }

    /**
     * True when the call reads a body that is already here (`RECEIVED_BODY_METHODS`): of a request
     * the function was handed (a parameter named `request` or `req`, also destructured from one:
     * `async function action({ request }) { const data = await request.json(); }`), or of a
     * response this function already awaited (`const res = await fetch(url)`, `const [a, b] =
     * await Promise.all([fetch(x), fetch(y)])`, then `await res.json()`): the round trip is over,
     * and the body is parsed where it is.
     */
    function readsReceivedBody(call: AwaitedCall): boolean {
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !RECEIVED_BODY_METHODS.has(staticMemberName(callee) ?? '')) return false;
      const receiver = skipTransparent(callee.object);
      if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = variableOfIdentifier(sourceCode, receiver)?.defs[0];
      if (definition?.type === 'Parameter') return /^(?:req|request)$/.test(receiver.name);
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      // Awaited in the same function as the read: the response arrived before this statement.
      return skipTransparent(definition.node.init).type === AST_NODE_TYPES.AwaitExpression && nearestFunction(definition.node) === nearestFunction(call);
    }

    /**
     * True when the statement runs only on a cache miss: it sits in the branch of an `if` that
     * tests a name for being empty (`if (!stats)`, `if (needsStats && !stats)`, `if (cached ==
     * null)`), the name holds what an awaited `get` returned in this function (`let stats = await
     * keyv.get(key)`), and the branch fills it again and stores it (`stats = {...}` and a `set`
     * call). Such a branch runs once per cache lifetime: the results are kept for every later
     * call, so the few milliseconds a gather would save are paid once.
     */
    function fillsCacheOnMiss(statement: TSESTree.Node): boolean {
      const fn = nearestFunction(statement);
      for (let child: TSESTree.Node = statement, parent = statement.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
        if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) continue;
        for (const name of namesTestedEmpty(parent.test)) {
          const cache = cacheReadReceiver(name, parent);
          if (cache !== null && refilledAndStored(name, cache, parent.consequent)) return true;
        }
      }
      return false;
    }

    /** The names a test requires to be empty: `!x`, `x == null`, `x === undefined`, also inside `a && !x`. */
    function namesTestedEmpty(test: TSESTree.Expression): TSESTree.Identifier[] {
      const node = skipTransparent(test);
      if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') return [...namesTestedEmpty(node.left), ...namesTestedEmpty(node.right)];
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
        const argument = skipTransparent(node.argument);
        return argument.type === AST_NODE_TYPES.Identifier ? [argument] : [];
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '==' || node.operator === '===')) {
        const [name, other] = node.left.type === AST_NODE_TYPES.Identifier ? [node.left, node.right] : [node.right, node.left];
        const empty = (other.type === AST_NODE_TYPES.Literal && other.value === null) || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
        return name.type === AST_NODE_TYPES.Identifier && empty ? [name] : [];
      }
      return [];
    }

    /**
     * The text of the receiver the variable `name` was read from, when it was declared from an
     * awaited `get` or `getItem` call before `at` (`let stats = await keyv.get(key)`: `keyv`), or null.
     */
    function cacheReadReceiver(name: TSESTree.Identifier, at: TSESTree.Node): string | null {
      const definition = variableOfIdentifier(sourceCode, name)?.defs[0];
      if (definition?.type !== 'Variable' || !definition.node.init || definition.node.range[1] > at.range[0]) return null;
      const init = skipTransparent(definition.node.init);
      if (init.type !== AST_NODE_TYPES.AwaitExpression) return null;
      const read = skipTransparent(init.argument);
      if (read.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = skipTransparent(read.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !STORE_READ_METHODS.has(staticMemberName(callee) ?? '')) return null;
      return sourceCode.getText(callee.object);
    }

    /**
     * True when `branch` assigns `name` again and stores it back in the cache it was read from: a
     * `set`/`setItem` call on the same receiver text (`keyv`) with `name` among its arguments.
     * A `set` of anything else (`res.set(header)`, `url.searchParams.set(k, v)`) fills no cache.
     */
    function refilledAndStored(name: TSESTree.Identifier, cache: string, branch: TSESTree.Node): boolean {
      let assigned = false;
      let stored = false;
      someNodeBelow(branch, sourceCode.visitorKeys, (node) => {
        if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name.name) assigned = true;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipTransparent(node.callee);
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            STORE_WRITE_METHODS.has(staticMemberName(callee) ?? '') &&
            sourceCode.getText(callee.object) === cache &&
            node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === name.name)
          ) {
            stored = true;
          }
        }
        return assigned && stored;
      });
      return assigned && stored;
    }

    /**
     * The index of the first member whose call, on an object another module of the project exports
     * (`effects.importedInstanceState`), reads a member of it that an earlier member's call on the
     * same object writes (or may write: a setter the class inherits), else -1.
     */
    function readsStateOfEarlierCall(group: readonly Member[]): number {
      const written = new Map<string, Set<string>>();
      for (let index = 0; index < group.length; index++) {
        const member = group[index];
        const state = member ? effects.importedInstanceState(member.call) : null;
        if (state === null) continue;
        const changed = written.get(state.receiver);
        if (changed && (changed.has('*') || state.reads.includes('*') || state.reads.some((name) => changed.has(name)))) return index;
        if (state.writes.length === 0) continue;
        const set = changed ?? new Set<string>();
        for (const name of state.writes) set.add(name);
        written.set(state.receiver, set);
      }
      return -1;
    }

    function report(group: Member[], interleaved: boolean): void {
      // `Promise.all` saves the waits of all but the longest call. When every member waits only on
      // the local disk (a `stat`, a small file read: microseconds to milliseconds), there is nothing
      // worth gathering. A local call beside a remote one still overlaps with it.
      if (group.every((member) => member.local)) return;
      // So do calls that are each handed the working directory itself (`await loadPkg(process.cwd());
      // await getProductionDeps(process.cwd())`): they look at the project folder on this machine
      // (its manifest, its config files), a local read each.
      if (group.every((member) => handsProcessWorkingDirectory(member.call))) return;
      // A one-shot program (a CLI command, a script) waits on a person's single run: when one of the
      // calls probes the local machine (a file, a folder handed by path, a git or other process),
      // the saving is a moment of one run. Two remote calls (a registry and a release API) are
      // still reported.
      // So does a step of a tool over a project folder: a function handed the working directory
      // (`cwd`, or a parameter defaulting to `process.cwd()`) runs once per command of a build,
      // release or deploy tool, wherever its package's manifest puts it.
      if (group.some((member) => probesLocalMachine(member.call)) && (runsAsOneShotProgram() || handedWorkingDirectory(group[0]?.statement))) return;
      // A package whose data lives in one local SQLite database (`WhereItRuns.storesInOneSqliteDatabase`):
      // its models' queries queue on that one connection, so gathering them overlaps nothing,
      // unless one of the calls reaches the network (`fetch(url)`, a client of another npm package
      // such as `stripe.invoices.list(...)`: `WhereItRuns.callsAnotherPackage`).
      if (getWhereItRuns(context).onlyQueriesTheSqliteDatabase(group.map((member) => member.call))) return;
      // A routine the program runs once when it starts (`refreshPluginsFromDisk()`, `init()`), or a
      // helper only it awaits (`WhereItRuns.startUpRoutineOf`): a few milliseconds, once, before the
      // program serves anything.
      if (group[0] && getWhereItRuns(context).startUpRoutineOf(group[0].statement) !== null) return;
      if (
        group[0] &&
        (cleansUpAfterFailure(group[0].statement) ||
          keepsPartialResults(group) ||
          runsInBackground(group[0].statement) ||
          // A scheduled job (`@Schedule(...)` class, `@Cron(...)` method, a `schedule/` folder):
          // it runs on a timer and nobody waits for a run.
          runsOnSchedule(group[0].statement, context) ||
          printsProgressOnTimer(group) ||
          keepsResultOnce(group[0].statement) ||
          runsInMigration(group[0].statement) ||
          fillsCacheOnMiss(group[0].statement))
      ) {
        return;
      }
      // Inside a transaction's or a critical section's callback (also a local helper only called
      // there): one connection, one thing at a time.
      if (group[0] && runsInOrderedCallback(group[0].statement, sourceCode)) {
        return;
      }
      // Functions handed in by the callers that close over one shared object: a step may set
      // what the next reads (`handedFunctionsShareState`).
      if (handedFunctionsShareState(group)) return;
      // A comment before, between or after the members says why they run in turn ("queries within
      // a transaction share one connection, so they run sequentially rather than with Promise.all",
      // "foreign keys: users before projects").
      if (group.some((member) => orderingComments.before(member.statement, PROMISE_ALL_MENTION) || orderingComments.trailing(member.statement))) {
        return;
      }
      // Asked last, only of a group about to be reported (each reads other modules' text once):
      // a step that may ask the person running the command (it is handed the command's
      // non-interactive switch, or a function of another module it calls asks through a prompt
      // helper or a dialog): the person answers one question at a time, in the order asked.
      // Such a step ends the group as a direct prompt does: the members before it and after it are
      // judged on their own.
      // A measurement around a call: the same read awaited before and after it (`before = await
      // count(q); await importLinks(html); after = await count(q)`). A reading is not gathered
      // with the calls it measures; the members on each side of the cut are judged on their own.
      const cut = measurementCut(group);
      if (cut !== -1) {
        const before = group.slice(0, cut);
        const after = group.slice(cut);
        if (before.length >= minGroupSize) report(before, interleaved);
        if (after.length >= minGroupSize) report(after, interleaved);
        return;
      }
      // A call on an object another module keeps (`api.getAccessToken(ticket)` on its exported
      // client) that stores state on it which a later call on the same object reads
      // (`api.getCurrentUser()` sending the stored token): the later call depends on it although
      // no variable links them. The group is cut before the later call.
      const reads = readsStateOfEarlierCall(group);
      if (reads !== -1) {
        const before = group.slice(0, reads);
        const after = group.slice(reads);
        if (before.length >= minGroupSize) report(before, interleaved);
        if (after.length >= minGroupSize) report(after, interleaved);
        return;
      }
      const asks = group.findIndex((member) => handsInteractiveSwitch(member.call) || effects.mayPromptElsewhere(member.call));
      if (asks !== -1) {
        const before = group.slice(0, asks);
        const after = group.slice(asks + 1);
        if (before.length >= minGroupSize) report(before, interleaved);
        if (after.length >= minGroupSize) report(after, interleaved);
        return;
      }
      // Every call waits on something local (the disk, a request body already received, or a
      // database kept inside the process: NeDB, LevelDB, SQLite... reached through the project's
      // own model modules): sub-millisecond waits, nothing a gather would hide. One remote call
      // beside a local one stays reported: the reviewers' corpora label that pair a finding.
      const waitsLocally = (member: Member): boolean => member.local || readsReceivedBody(member.call) || effects.waitsOnEmbeddedStore(member.call);
      if (group.every(waitsLocally)) return;
      // Positive evidence that gathering saves real waiting: one call of the group is shown to wait
      // on another machine, and another call waits on anything at all. Without a remote wait the
      // saving is a local read, CPU work or a step of one serial session; a call told to answer
      // from its cache (`getNavLocales({ cache: true })`) waits on nothing.
      if (requireEvidence) {
        const waiting = group.filter((member) => !asksForCachedAnswer(member.call));
        if (waiting.length < 2 || !waiting.some(waitsRemotely)) return;
      }
      const [first] = group;
      const last = group[group.length - 1];
      if (!first || !last) return;
      const fix = interleaved ? null : buildGather(group);
      context.report({
        loc: { start: first.await.loc.start, end: last.statement.loc.end },
        messageId: 'sequentialAwaits',
        data: { count: group.length },
        suggest: fix
          ? [{ messageId: 'useGather', data: { count: group.length }, fix: (fixer) => fixer.replaceTextRange(fix.range, fix.text) }]
          : [],
      });
    }

    /**
     * True when the call is shown to wait on another machine (`IterationEvidence.waitsRemotely`: a
     * client of a network package, `fetch`, a same-file or relative-module function that makes such
     * a call), or gathers such calls itself (`await Promise.all(ids.map((id) => this.users.findOne(id)))`);
     * in a request or job handler, any call not shown to be local.
     */
    function waitsRemotely(member: Member): boolean {
      const call = member.call;
      const evidence = getIterationEvidence(context);
      // In a request or job handler, a call of a function nothing shows to be local is taken for a
      // query or a request: someone waits for the answer, and that is what handlers await.
      if (evidence.waitsRemotely(call)) return true;
      if (!member.local && !readsReceivedBody(call) && servesRequestOrJob(member.statement)) return true;
      if (call.type !== AST_NODE_TYPES.CallExpression || promiseCombinatorOf(call.callee) === null) return false;
      return call.arguments.some((argument) =>
        someNodeBelow(argument, sourceCode.visitorKeys, (node) => (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && evidence.waitsRemotely(node)),
      );
    }

    /** True when the code runs per request or per queued job (`WhereItRuns`: a route handler, a queue consumer). */
    function servesRequestOrJob(node: TSESTree.Node): boolean {
      const where = getWhereItRuns(context).ofNode(node);
      return where.kind === 'concurrent' && (where.evidence.kind === 'request-handler' || where.evidence.kind === 'queue-consumer');
    }

    /** True when the call is handed an option that asks for a cached answer: `getNavLocales({ cache: true })`. */
    function asksForCachedAnswer(call: AwaitedCall): boolean {
      return call.arguments.some((argument) => hasOption(argument, CACHED_ANSWER_OPTION, isTrueLiteral));
    }

    /**
     * The exact `Promise.all` rewrite of a group of adjacent members, or null when there is none:
     * members must be declarations of one kind (`const` or `let`; `var` hoists differently) or bare
     * awaits, each `await` must be the whole initializer, type annotations must be on every
     * declaration (they become a tuple type), and comments must sit between statements or inside
     * the calls (they are carried over), never inside a declaration's pattern.
     */
    function buildGather(group: Member[]): { range: [number, number]; text: string } | null {
      const [first] = group;
      const last = group[group.length - 1];
      if (!first || !last || !isGlobalPromise(sourceCode.getScope(first.statement))) return null;
      let kind: string | null = null;
      let annotated: boolean | null = null;
      const patterns: string[] = [];
      const types: string[] = [];
      const elements: Array<{ text: string; leading: string[]; trailing: string[] }> = [];
      for (const member of group) {
        if (member.kind === 'assign' || member.wrapped) return null;
        const callText = sourceCode.getText(member.await.argument);
        const declarator = member.declaration?.declarations[0];
        if (member.declaration && declarator) {
          if (member.declaration.kind === 'var' || (kind !== null && kind !== member.declaration.kind)) return null;
          kind = member.declaration.kind;
          const annotation = declarator.id.typeAnnotation;
          if (annotated !== null && annotated !== Boolean(annotation)) return null;
          annotated = Boolean(annotation);
          const idEnd = annotation ? annotation.range[0] : declarator.id.range[1];
          patterns.push(sourceCode.text.slice(declarator.id.range[0], idEnd).trimEnd());
          types.push(annotation ? sourceCode.getText(annotation.typeAnnotation) : 'unknown');
        } else {
          patterns.push('');
          types.push('unknown');
        }
        // Comments inside the statement must be inside the call, which is copied as it is.
        for (const comment of sourceCode.getCommentsInside(member.statement)) {
          if (comment.range[0] < member.await.argument.range[0] || comment.range[1] > member.await.argument.range[1]) {
            return null;
          }
        }
        elements.push({ text: callText, leading: [], trailing: [] });
      }
      // Comments between statements: on the line a statement ends → trailing it; else leading the next.
      for (let index = 1; index < group.length; index += 1) {
        const previous = group[index - 1];
        const current = group[index];
        const previousElement = elements[index - 1];
        const element = elements[index];
        if (!previous || !current || !previousElement || !element) return null;
        for (const comment of sourceCode.getCommentsBefore(current.statement)) {
          const text = sourceCode.getText(comment as unknown as TSESTree.Node);
          if (comment.loc.start.line === previous.statement.loc.end.line) {
            previousElement.trailing.push(text);
          } else {
            element.leading.push(text);
          }
        }
      }
      while (patterns.length > 0 && patterns[patterns.length - 1] === '') patterns.pop();

      const gather = 'await Promise.all([';
      let head: string;
      if (kind === null) {
        head = gather;
      } else {
        const tuple = annotated ? `: [${types.join(', ')}]` : '';
        head = `${kind} [${patterns.join(', ')}]${tuple} = ${gather}`;
      }
      const hasComments = elements.some((element) => element.leading.length > 0 || element.trailing.length > 0);
      const multiline = elements.some((element) => element.text.includes('\n'));
      const singleLine = `${head}${elements.map((element) => element.text).join(', ')}]);`;
      const indent = indentationOf(first.statement);
      let text: string;
      if (!hasComments && !multiline && indent.length + singleLine.length <= 100) {
        text = singleLine;
      } else {
        const inner = `${indent}  `;
        const lines = [head];
        for (const element of elements) {
          for (const comment of element.leading) lines.push(`${inner}${comment}`);
          const trailing = element.trailing.length > 0 ? ` ${element.trailing.join(' ')}` : '';
          lines.push(`${inner}${element.text},${trailing}`);
        }
        lines.push(`${indent}]);`);
        text = lines.join('\n');
      }
      return { range: [first.statement.range[0], last.statement.range[1]], text };
    }

    /** The whitespace before a statement that starts its line; '' when code precedes it on the line. */
    function indentationOf(node: TSESTree.Node): string {
      const lineStart = sourceCode.text.lastIndexOf('\n', node.range[0] - 1) + 1;
      const before = sourceCode.text.slice(lineStart, node.range[0]);
      return /^\s*$/.test(before) ? before : '';
    }

    /**
     * The statement `node` awaits at the top of, the way a member does (see `awaitsAtTop`), when
     * that statement stands in a list of statements the rule checks: a `Program`, a block or a
     * `switch` case. Null otherwise.
     */
    function listedStatementAwaitedAt(node: TSESTree.AwaitExpression): TSESTree.ProgramStatement | null {
      let current: TSESTree.Node = node;
      while (
        current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
        current.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
        current.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        current.parent?.type === AST_NODE_TYPES.TSTypeAssertion
      ) {
        current = current.parent;
      }
      const parent = current.parent;
      let statement: TSESTree.Node | undefined;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) statement = parent.parent;
      else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) statement = parent.parent;
      else if (parent?.type === AST_NODE_TYPES.ExpressionStatement) statement = parent;
      if (statement?.type !== AST_NODE_TYPES.VariableDeclaration && statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
      const list = statement.parent;
      if (list?.type !== AST_NODE_TYPES.Program && list?.type !== AST_NODE_TYPES.BlockStatement && list?.type !== AST_NODE_TYPES.SwitchCase) return null;
      return awaitsAtTop(statement) ? statement : null;
    }

    /**
     * `Promise.all([await a(), b()])`: an awaited call written as an element of the array handed
     * to a global `Promise` combinator.
     */
    function checkGatherElement(element: TSESTree.AwaitExpression): void {
      const argument = element.parent;
      if (argument.type !== AST_NODE_TYPES.ArrayExpression) return;
      const node = argument.parent;
      if (node?.type !== AST_NODE_TYPES.CallExpression || node.arguments[0] !== argument) return;
      const method = promiseCombinatorOf(node.callee);
      if (method === null) return;
      if (awaitedCallOf(element) === null || !isGlobalPromise(sourceCode.getScope(node))) return;
      // The last element delays no promise of the array, but calls the combinator late.
      const index = argument.elements.indexOf(element);
      const last = argument.elements.slice(index + 1).every((later) => later === null);
      // `Promise.all([await a(), await b()])`: every element before the last is awaited already, so
      // no promise is pending meanwhile; the last `await` only adds its call to the serial waits.
      const afterAwaits =
        last && index > 0 && argument.elements.slice(0, index).every((earlier) => earlier === null || earlier.type === AST_NODE_TYPES.AwaitExpression);
      context.report({
        node: element,
        messageId: afterAwaits ? 'awaitAfterAwaitsInGather' : last ? 'awaitLastInGather' : 'awaitInGather',
        data: { method },
        suggest: [
          {
            messageId: 'removeAwait',
            data: { method },
            fix: (fixer) => fixer.replaceText(element, sourceCode.getText(element.argument)),
          },
        ],
      });
    }

    // Both reports start from an `await`, and awaits are few next to blocks and calls: the rule
    // listens to them only, counts per statement list the statements that await at their top
    // (`listedStatementAwaitedAt`), and checks the lists with enough of them once the file is read.
    const lists = new Map<TSESTree.Program | TSESTree.BlockStatement | TSESTree.SwitchCase, number>();
    return {
      AwaitExpression(node) {
        checkGatherElement(node);
        const statement = listedStatementAwaitedAt(node);
        const list = statement?.parent;
        if (list?.type === AST_NODE_TYPES.Program || list?.type === AST_NODE_TYPES.BlockStatement || list?.type === AST_NODE_TYPES.SwitchCase) {
          lists.set(list, (lists.get(list) ?? 0) + 1);
        }
      },
      'Program:exit'() {
        for (const [list, count] of lists) {
          if (count < minGroupSize) continue;
          checkStatements(list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body);
        }
      },
    };
  },
});
