import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  awaitedCallOf,
  calleeName,
  callsHookRegistry,
  callsStatefulFunction,
  findVariable,
  isArrayTyped,
  isGlobalPromise,
  isOrderedCall,
  receiverKey,
  receiverRootName,
  type AwaitedCall,
  type StatefulFunctionCache,
} from '../analysis/awaited-calls';
import {
  accessPathOf,
  assignmentTargets,
  collectAccesses,
  forEachChild,
  PathSet,
  patternNames,
  possiblePaths,
  rootOf,
} from '../analysis/dependencies';
import {
  COLLECTION_MUTATOR_METHODS,
  GIT_INDEX_WRITES,
  GIT_LIBRARY_PACKAGES,
  LOGGER_NAMES,
  ORDERED_COLLECTION_WORDS,
  ORDERED_RECEIVER_NAMES,
  ORDERED_SINK_METHODS,
  PURE_METHODS,
  SHARED_OBJECT_SETTER_VERBS,
} from '../catalog/ordered-calls';
import { getFileEffects, showsProgress } from '../analysis/effects';
import {
  ARGUMENT_FILLER_NAME,
  EVENT_NOTICE_NAME,
  FILLED_OBJECTS_KEY,
  IN_MEMORY_DOCUMENT_FACTORY,
  NETWORK_CALL_ROOTS,
  ORDERED_ITERABLE,
  ORDERED_OUTPUT_NAME,
  ORDERED_RUN_NAME,
  SCHEMA_CHANGE_NAME,
} from '../catalog/effects';
import { getOrderingComments } from '../analysis/ordering-comments';
import { runsInOrderedCallback } from '../analysis/ordered-callbacks';
import { getWhereItRuns, insideTestCallback } from '../analysis/where-it-runs';
import { getIterationEvidence } from '../analysis/iteration-evidence';
import { disablesRuleOn } from '../util/disable-comments';
import { locationWriteOf } from '../analysis/location-writes';
import {
  APPLICATION_RECEIVER,
  BACKGROUND_CALL,
  BATCH_NAME,
  BUILD_RUN_NAME,
  BULK_CALL_NAME,
  CANCELLATION_CHECK_NAME,
  EXISTENCE_CHECK_NAMES,
  INTERACTIVITY_FLAG_NAME,
  CACHE_METHODS,
  CACHE_RECEIVER,
  CLIENT_ARGUMENT_NAME,
  COMPUTATION_FIRST_WORDS,
  CRITICAL_SECTION_CALL,
  MAKES_PLACE_NAME,
  GROUPING_CALL_NAME,
  HTTP_SEND_METHODS,
  PROCESS_CALL_NAME,
  RECORD_ID_NAME,
  REGISTRATION_METHODS,
  SHOWS_TO_USER_NAME,
  STATEMENT_LIST_NAME,
  STATEMENT_RUN_METHODS,
  TRANSACTION_OPTION_NAMES,
  WRITE_CALL_NAME,
  RECORD_WRITE_METHODS,
  FIND_OR_CREATE_NAME,
  NESTED_FIND_OR_CREATE_KEYS,
  FIND_NAME,
  CREATE_NAME,
  CHILD_CREATE_NAME,
  RECORD_CLIENT_PACKAGES,
  REMOVAL_FIRST_WORDS,
  LOOKUP_FIRST_WORDS,
} from '../catalog/iteration-order';
import { type FunctionNode, isFunctionNode } from '../analysis/async-context';
import { callChainRoot, isLoopStatement, isProcessExitCall, lastWrittenName, promiseCombinatorOf, skipTransparent, staticMemberName, variableOfIdentifier, writtenName } from '../util/ast';
import { getImportSource } from '../analysis/imports';
import { getSourceWords } from '../analysis/source-words';
import { NETWORK_DATABASE_PACKAGES } from '../catalog/run-contexts';
import { someNodeBelow } from '../analysis/walk';
import { type PacedLoopCache, runsInPacedLoop, runsOnSchedule } from '../analysis/periodic-runs';
import { createRule } from '../util/create-rule';
import { getTypedServices } from '../util/typed-services';

export type Options = [{ orderedFunctions?: string[]; requireEvidence?: boolean; checkTestCode?: boolean }];
export type MessageIds = 'awaitInLoop' | 'useGatherMap';

type CheckedLoop = TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement;

/** What one walk over a loop body found (nested functions and nested loops handled as described in `scanBody`). */
interface BodyScan {
  /** Awaits that pause this loop's iterations: outside nested functions and nested loops. */
  awaits: TSESTree.AwaitExpression[];
  /** `continue` statements that end an iteration of this loop (become `return` in a callback). */
  continues: TSESTree.ContinueStatement[];
  /** Why the loop must stay sequential, or null. */
  blocker: string | null;
  /** True when the body has effects the rewrite would reorder (`results.push`, indexed stores, logging). */
  orderedEffects: boolean;
  /** True when the body uses `arguments`, `var`, or other things an arrow callback would change. */
  notMovable: boolean;
  /** Comparisons in the body outside nested functions (`index === items.length - 1`). */
  comparisons: TSESTree.BinaryExpression[];
  /** True when the body picks a name by probing the disk (see `probesDiskForName`). */
  probesDiskForName: boolean;
}

/** A place the loop body reads, by access path (`notified`, `seen.has`, `this.cache.get`), and where. */
interface PlaceRead {
  path: string;
  range: TSESTree.Range;
}

/**
 * Records `node` in `into` when it is a whole place read: a bare identifier used as a value or
 * the outermost member chain (`seen.has` in `seen.has(id)`, `list.length`, `cache[key]` as
 * `cache`). The receiver of a collection mutator (`seen.add`) and the target of a plain
 * assignment are writes, not reads.
 */
function recordPlaceRead(node: TSESTree.Node, into: PlaceRead[]): void {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && (parent.object === node || (!parent.computed && parent.property === node))) return;
  if (node.type === AST_NODE_TYPES.Identifier && parent && isBindingName(node, parent)) return;
  // `rates[key] = await load(key)`: the target of a plain assignment is written, not read.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && parent.operator === '=') return;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const method = !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node && method !== null && COLLECTION_MUTATOR_METHODS.has(method)) return;
  }
  const path = accessPathOf(node);
  if (path !== null) into.push({ path, range: node.range });
}

/** An identifier that names something rather than reading it: a declared name, a property key, a label. */
function isBindingName(node: TSESTree.Identifier, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === node;
    case AST_NODE_TYPES.Property:
      return parent.key === node && !parent.computed && !parent.shorthand;
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    default:
      return false;
  }
}

/** The arguments of every call in a call chain: `a(x).b(y).c(z)` → x, y, z. */
function chainArguments(call: AwaitedCall): TSESTree.CallExpressionArgument[] {
  const found: TSESTree.CallExpressionArgument[] = [];
  let current: TSESTree.Node = call;
  for (;;) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      found.push(...current.arguments);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else {
      return found;
    }
  }
}

/** `Promise<void>`, `PromiseLike<T>`: a written return type that is a promise (untyped evidence). */
function returnsPromiseType(type: TSESTree.TypeNode | undefined): boolean {
  return (
    type?.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    (type.typeName.name === 'Promise' || type.typeName.name === 'PromiseLike')
  );
}

/** The first camelCase word of a name, lower-cased: `set` of `setCookie`, `delete` of `deleteMany`. */
function firstWord(name: string): string {
  return (name.replace(/^[_$#]+/, '').split(/(?=[A-Z])/)[0] ?? '').toLowerCase();
}

/** How many functions deep `findsOrCreates` follows the iteration's calls within this file. */
const FIND_OR_CREATE_DEPTH = 3;

/** How many statements after a loop `orderAssertedAfter` reads for an assertion. */
const ASSERTION_LOOKAHEAD = 3;

/** A statement that asserts: `expect(...)`, `assert(...)`, `assert.deepEqual(...)`, `t.deepEqual(...)`, `should(...)`. */
const ASSERTION_TEXT = /^(?:await\s+)?(?:expect|assert|should)\b|^\w+\.(?:deepEqual|deepStrictEqual|same|is|equal|strictEqual)\(/;

/** The last word of a name is one of `ORDERED_COLLECTION_WORDS`, singular or plural. */
/** Text of a statement that gathers: `Promise.all`/`allSettled`, `p-map`, a concurrency limiter. */
const GATHER_TEXT = /\bPromise\.(?:all|allSettled)\b|\bpMap\b|\blimit\(/;

const ORDERED_COLLECTION = (() => {
  const capital = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  const either = (word: string): string => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`;
  const words = ORDERED_COLLECTION_WORDS;
  return new RegExp(
    `(?:^(?:${words.map(either).join('|')})|(?<=[a-z0-9])(?:${words.map(capital).join('|')})|(?<=_)(?:${words.map(either).join('|')}))(?:e?s)?$`,
  );
})();

/** True when a name says its list is run in order on purpose (`migrations`, `beforeHooks`, `step`). */
function namesOrderedList(name: string): boolean {
  return ORDERED_COLLECTION.test(name);
}

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);

/** `list.length`, `list.length - 1`, `set.size`: a count of the items, or the last index. */
function isCountOrLastIndex(node: TSESTree.Node): boolean {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '-') {
    const right = skipTransparent(current.right);
    if (right.type !== AST_NODE_TYPES.Literal || right.value !== 1) return false;
    current = skipTransparent(current.left);
  }
  return (
    current.type === AST_NODE_TYPES.MemberExpression &&
    !current.computed &&
    current.property.type === AST_NODE_TYPES.Identifier &&
    (current.property.name === 'length' || current.property.name === 'size')
  );
}

/**
 * The list a `for...of` walks, seen through the views that keep its items (`batches.entries()`,
 * `Object.values(groups)`, `map.values()`): `batches`, `groups`, `map`.
 */
function iteratedList(node: TSESTree.Node): TSESTree.Node {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.CallExpression) return current;
  const callee = skipTransparent(current.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return current;
  const method = callee.property.name;
  const [first] = current.arguments;
  if (
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    (method === 'entries' || method === 'values') &&
    first !== undefined &&
    first.type !== AST_NODE_TYPES.SpreadElement
  ) {
    return skipTransparent(first);
  }
  if ((method === 'entries' || method === 'values') && current.arguments.length === 0) return skipTransparent(callee.object);
  return current;
}

/** How many items a list written out of constants (`isConstantItem`) may have and still be few. */
const MAX_FEW_CONSTANT_ITEMS = 6;

/** A string, number or boolean literal, or a template literal without expressions: a constant the program names itself. */
function isConstantItem(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean')) ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
  );
}

/** Text that reads the clock: `Date.now()`, `performance.now()`, `process.hrtime(...)`, `console.time(...)`/`timeEnd`. */
const CLOCK_READ = /\b(?:Date\.now|performance\.now|process\.hrtime(?:\.bigint)?|console\.time(?:End)?)\s*\(/;

/**
 * A `for` loop that repeats its body a set number of times: `for (let i = 0; i < N; i++)` whose
 * bound is a number or a name, not the length or size of a list (`i < items.length`).
 */
function countsRepetitions(loop: CheckedLoop): boolean {
  if (loop.type !== AST_NODE_TYPES.ForStatement || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (loop.test.operator !== '<' && loop.test.operator !== '<=') return false;
  const bound = skipTransparent(loop.test.right);
  const update = loop.update ? skipTransparent(loop.update) : null;
  const steps = update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '++';
  return steps && ((bound.type === AST_NODE_TYPES.Literal && typeof bound.value === 'number') || bound.type === AST_NODE_TYPES.Identifier);
}

/** An argument named only as an ORM connection handle (`em`, `entityManager`, `queryRunner`, `queryInterface`, a unit of work). */
/** An object that deals out a resource per call: a connection pool, a browser (a page each). */
const RESOURCE_DEALER_NAME = /^(?:pool|browser)$|[a-z0-9](?:Pool|Browser)$/;

const ORM_HANDLE_ARGUMENT_NAME = /^(?:em|uow|entityManager|queryInterface|unitOfWork|queryRunner|\w+QueryRunner)$/;

/** Expressions that can take `.map(...)` without parentheses. */
function isMemberSafe(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.ThisExpression
  );
}

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-all-in-loop',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require loops whose iterations are independent to run their awaits together',
      recommended: 'strict',
      // The strictest options report every loop that passes the order checks, with or without
      // evidence that gathering pays.
      strictOptions: [{ requireEvidence: false, checkTestCode: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          orderedFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of functions or methods whose calls must stay in order, in addition to the built-in list (a loop calling one is not reported).',
          },
          requireEvidence: {
            type: 'boolean',
            description:
              'Report a loop only with evidence that gathering pays (a round trip per item, work already run together, a list fetched from a store, a progress display); false reports every loop whose iterations are independent.',
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
      awaitInLoop:
        'Each iteration waits for the previous one although no iteration needs another\'s result; run them together (`Promise.all` over the items, or `p-map` with a concurrency limit).',
      useGatherMap: 'Run the iterations together with `Promise.all` (unbounded concurrency).',
    },
  },
  defaultOptions: [{ orderedFunctions: [], requireEvidence: true, checkTestCode: false }],
  create(context, [options]) {
    // Every report is about an `await` in a loop: a file without the word has nothing to check.
    const words = getSourceWords(context);
    if (!words.has('await')) return {};
    // Test code: a test's steps run in the order written on purpose (shared fixtures, a database
    // the previous step changed, deterministic output), and its speed is rarely worth a change.
    if (!(options.checkTestCode ?? false) && getWhereItRuns(context).isTestCode()) return {};
    const sourceCode = context.sourceCode;
    const visitorKeys = sourceCode.visitorKeys;
    const orderedNames: ReadonlySet<string> = new Set(options.orderedFunctions ?? []);
    const services = getTypedServices(context);
    const statefulFunctions: StatefulFunctionCache = new Map();
    const effects = getFileEffects(context);
    const orderingComments = getOrderingComments(context);
    /** Functions of this file whose own text finds or creates records (`findsOrCreates`). */
    const findOrCreateFunctions = new Map<FunctionNode, boolean>();
    /** Endless loops of this file: whether each paces a worker (`runsInPacedLoop`). */
    const pacedLoops: PacedLoopCache = new Map();
    /** Functions of this file: whether each times a counted loop (`measuresRepetitions`). */
    const measuringFunctions = new Map<FunctionNode, boolean>();

    /** Names the loop declares for each iteration: the `for...of`/`for...in` variable or the `for` initializer's. */
    function loopVariables(loop: CheckedLoop): string[] | null {
      if (loop.type === AST_NODE_TYPES.ForStatement) {
        if (loop.init?.type !== AST_NODE_TYPES.VariableDeclaration || !loop.test || !loop.update) return null;
        return loop.init.declarations.flatMap((declarator) => patternNames(declarator.id));
      }
      if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return null;
      return loop.left.declarations.flatMap((declarator) => patternNames(declarator.id));
    }

    /**
     * One walk over the loop body. Loop-carried state is any write to a binding declared outside
     * the loop (`cursor = ...`, `total += ...`, `state.x = ...`; nested functions included, since a
     * callback may run during the iteration), except an indexed store `results[i] = ...`; any write
     * to the loop's own variables; a call that mutates what the loop head reads (`queue.push`).
     * A `break`, `return`, `throw`, `yield` or labelled jump ends the loop early or leaves it: the
     * iterations are then not independent. Awaits in nested loops belong to those loops.
     */
    function scanBody(
      loop: CheckedLoop,
      loopVars: ReadonlySet<string>,
      headReads: PathSet,
      dependents: PathSet,
    ): BodyScan {
      const scan: BodyScan = { awaits: [], continues: [], blocker: null, orderedEffects: false, notMovable: false, comparisons: [], probesDiskForName: false };
      const declared = new Set<string>(loopVars);
      const awaitedCalls = new Set<TSESTree.Node>();
      // Writes and calls are checked after the walk, when every declaration inside the loop is known.
      const writes: Array<{ node: TSESTree.Node; operator: string }> = [];
      const calls: AwaitedCall[] = [];
      // For the check-then-fill test (`checkedThenFilledAcrossPause`): every pause of the
      // iteration (nested loops included) and every place read, outside nested functions.
      const pauses: TSESTree.AwaitExpression[] = [];
      const placesRead: PlaceRead[] = [];
      // Names bound to what an await of this iteration gave (`const { key, value } = await parse(field)`).
      const awaitedNames = new Set<string>();
      // Of those, the names whose value the awaited function computes from the arguments it is
      // handed, themselves from the iteration (`const { rTimestamp } = await delayedAt(timestamp)`).
      const itemKeyNames = new Set<string>();

      const walk = (node: TSESTree.Node, functionDepth: number, loopDepth: number, switchDepth: number): void => {
        if (scan.blocker) return;
        if (node.type.startsWith('TS') && node.type !== AST_NODE_TYPES.TSAsExpression && node.type !== AST_NODE_TYPES.TSNonNullExpression && node.type !== AST_NODE_TYPES.TSSatisfiesExpression) {
          return;
        }
        const inline = functionDepth === 0;
        if (inline) recordPlaceRead(node, placesRead);
        if (inline && node.type === AST_NODE_TYPES.VariableDeclarator && node.init && holdsAwaitedValue(node.init)) {
          for (const name of patternNames(node.id)) awaitedNames.add(name);
          for (const name of namesComputedFromItem(node, dependents)) itemKeyNames.add(name);
        }
        if (inline && node.type === AST_NODE_TYPES.CallExpression) {
          // `checkCancelled(); await copy(file)`: a person may stop the sequence between steps.
          const name = calleeName(node);
          if (name !== null && CANCELLATION_CHECK_NAME.test(name)) {
            scan.blocker = 'cancellation checkpoint';
            return;
          }
          if (!scan.probesDiskForName && probesDiskForName(node)) scan.probesDiskForName = true;
          // `if (!(await exists(p))) process.exit(1)`: ends the program at the first failing item, as a `throw` would.
          if (isProcessExit(node)) {
            scan.blocker = 'exit';
            return;
          }
        }
        switch (node.type) {
          case AST_NODE_TYPES.AwaitExpression:
            if (inline && loopDepth === 0) scan.awaits.push(node);
            if (inline) pauses.push(node);
            {
              // The awaited call and the calls its chain is built from (`s3.upload(x).promise()`).
              let chain: TSESTree.Node | null = awaitedCallOf(node);
              while (chain) {
                chain = skipTransparent(chain);
                if (chain.type === AST_NODE_TYPES.CallExpression || chain.type === AST_NODE_TYPES.NewExpression) {
                  awaitedCalls.add(chain);
                  chain = chain.callee;
                } else if (chain.type === AST_NODE_TYPES.MemberExpression) {
                  chain = chain.object;
                } else {
                  chain = null;
                }
              }
            }
            break;
          case AST_NODE_TYPES.ForOfStatement:
            // A `for await` inside the body consumes a stream in order.
            if (node.await && inline) scan.blocker = 'for await';
            break;
          case AST_NODE_TYPES.YieldExpression:
            if (inline) scan.blocker = 'yield';
            break;
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.ThrowStatement:
            if (inline) scan.blocker = 'exit';
            break;
          case AST_NODE_TYPES.BreakStatement:
            if (inline && (node.label || (loopDepth === 0 && switchDepth === 0))) scan.blocker = 'break';
            break;
          case AST_NODE_TYPES.ContinueStatement:
            if (inline && node.label) scan.blocker = 'labelled continue';
            else if (inline && loopDepth === 0) scan.continues.push(node);
            break;
          case AST_NODE_TYPES.VariableDeclaration:
            if (node.kind === 'var') scan.notMovable = true;
            for (const declarator of node.declarations) for (const name of patternNames(declarator.id)) declared.add(name);
            break;
          case AST_NODE_TYPES.FunctionDeclaration:
          case AST_NODE_TYPES.ClassDeclaration:
            if (node.id) declared.add(node.id.name);
            break;
          case AST_NODE_TYPES.CatchClause:
            if (node.param) for (const name of patternNames(node.param)) declared.add(name);
            break;
          case AST_NODE_TYPES.Identifier:
            if (node.name === 'arguments' && inline) scan.notMovable = true;
            break;
          case AST_NODE_TYPES.AssignmentExpression:
            writes.push({ node: node.left, operator: node.operator });
            break;
          case AST_NODE_TYPES.BinaryExpression:
            if (inline && COMPARISON_OPERATORS.has(node.operator)) scan.comparisons.push(node);
            break;
          case AST_NODE_TYPES.UpdateExpression:
            writes.push({ node: node.argument, operator: '++' });
            break;
          case AST_NODE_TYPES.CallExpression:
          case AST_NODE_TYPES.NewExpression:
            if (inline && isOrderedCall(node, orderedNames) && !isPerItemWait(node, dependents)) scan.blocker = 'ordered call';
            calls.push(node);
            break;
          default:
            break;
        }
        if (isFunctionNode(node)) {
          const fn = node as TSESTree.FunctionLike;
          for (const param of fn.params) for (const name of patternNames(param)) declared.add(name);
        }
        const nextFunctionDepth = isFunctionNode(node) ? functionDepth + 1 : functionDepth;
        const nextLoopDepth = isLoopStatement(node) ? loopDepth + 1 : loopDepth;
        const nextSwitchDepth = node.type === AST_NODE_TYPES.SwitchStatement ? switchDepth + 1 : switchDepth;
        forEachChild(node, visitorKeys, (child) => walk(child, nextFunctionDepth, nextLoopDepth, nextSwitchDepth));
      };
      walk(loop.body, 0, 0, 0);
      if (scan.blocker) return scan;

      for (const { node, operator } of writes) {
        if (isCounterStep(node, operator, loop)) continue;
        for (const target of assignmentTargets(node)) {
          const path = accessPathOf(target);
          if (path === null) continue;
          const root = rootOf(path);
          if (loopVars.has(root) && target.type === AST_NODE_TYPES.Identifier) {
            scan.blocker = 'loop variable written';
            return scan;
          }
          if (root !== 'this' && declared.has(root)) continue;
          const unwrapped = target.type === AST_NODE_TYPES.TSNonNullExpression ? target.expression : target;
          if (unwrapped.type === AST_NODE_TYPES.MemberExpression && unwrapped.computed && operator === '=') {
            // `if (sent[id]) continue; await notify(id); sent[id] = true;`: a check made stale by the pause.
            if (checkedThenFilledAcrossPause(path, unwrapped.parent, placesRead, pauses)) {
              scan.blocker = 'checked then filled across a pause';
              return scan;
            }
            // `const { key, value } = await parseField(field); body[key] = value;`: the key comes from
            // what the item gave, not from the item, so two items may give one key and the later
            // one must win; concurrent iterations would store in completion order.
            if (keyedByAwaitedValue(unwrapped, awaitedNames, loopVars, itemKeyNames)) {
              scan.blocker = 'stored under a key an await gave';
              return scan;
            }
            // `results[i] = await f(item)`: one slot per iteration.
            scan.orderedEffects = true;
            continue;
          }
          scan.blocker = 'loop-carried write';
          return scan;
        }
      }

      for (const call of calls) {
        const name = calleeName(call);
        const key = receiverKey(call, sourceCode);
        const root = key === null ? null : receiverRootName(key);
        const outer = root !== null && (root === 'this' || !declared.has(root));
        // `Object.assign(merged, await load(item))`: later iterations overwrite earlier ones.
        const [first] = call.arguments;
        if (root === 'Object' && name === 'assign' && first) {
          for (const target of possiblePaths(first)) {
            if (rootOf(target) === 'this' || !declared.has(rootOf(target))) {
              scan.blocker = 'loop-carried write';
              return scan;
            }
          }
        }
        if (name !== null && ORDERED_SINK_METHODS.has(name) && (root === null || outer) && !writesPerItemFile(call, name, dependents)) {
          scan.blocker = 'ordered sink';
          return scan;
        }
        // `await out.log(line)`, `await this.writeElement(...)`, `await reporter.onTestEnd(t)`: ordered
        // output of an object (a plain `handleA(event)` function is not a listener list).
        if (
          name !== null &&
          key !== null &&
          awaitedCalls.has(call) &&
          (ORDERED_OUTPUT_NAME.test(name) || EVENT_NOTICE_NAME.test(name)) &&
          !writesPerItemFile(call, name, dependents)
        ) {
          scan.blocker = 'ordered output';
          return scan;
        }
        if (!outer || root === null || key === null) continue;
        // `this.add(x)` is the object's own method, not a collection's.
        const mutates = name !== null && COLLECTION_MUTATOR_METHODS.has(name) && key !== 'this';
        if (mutates && headReads.overlaps(key)) {
          scan.blocker = 'iterated collection mutated';
          return scan;
        }
        if (awaitedCalls.has(call)) continue;
        // `results.push(x)`, `seen.add(x)`, `console.log(x)`: the rewrite would do these in completion order.
        const logs = key.split('.').some((segment) => LOGGER_NAMES.has(receiverRootName(segment)));
        // `if (seen.has(id)) continue; await notify(id); seen.add(id);`: concurrent iterations
        // would all pass the check before any of them fills the collection.
        if (mutates && checkedThenFilledAcrossPause(key, call, placesRead, pauses)) {
          scan.blocker = 'checked then filled across a pause';
          return scan;
        }
        if (mutates || logs) {
          scan.orderedEffects = true;
          continue;
        }
        if (name !== null && PURE_METHODS.has(name)) continue;
        // `hash.update(chunk)`, `zip.file(name, data)`, `this.add(item)`: an unknown method of an
        // object of this function, fed with the iteration's data, accumulates in iteration order.
        if (
          isFunctionState(root, call, loop) &&
          call.arguments.some((argument) => dependents.overlapsAny(collectAccesses(argument, visitorKeys).reads))
        ) {
          scan.blocker = 'ordered effect';
          return scan;
        }
      }
      return scan;
    }

    /**
     * True when the body reads `key` (a membership test, a lookup, a size) before a pause and
     * then changes it at `mutation` after that pause: `if (notified.includes(id)) continue;
     * await notify(id); notified.push(id);`. Each iteration's check relies on the earlier
     * iterations having filled the collection; run together, every iteration passes the check
     * before any fills it (duplicate notifications, double loads). Filling before the first
     * pause (`seen.add(id)` right after the check) keeps the loop order-free. Source order
     * stands for execution order within one iteration.
     */
    function checkedThenFilledAcrossPause(
      key: string,
      mutation: TSESTree.Node,
      placesRead: readonly PlaceRead[],
      pauses: readonly TSESTree.AwaitExpression[],
    ): boolean {
      const [mutationStart, mutationEnd] = mutation.range;
      return pauses.some(
        (pause) =>
          pause.range[1] <= mutationEnd &&
          placesRead.some(
            (read) =>
              read.range[1] <= pause.range[0] &&
              (read.range[1] <= mutationStart || read.range[0] >= mutationEnd) &&
              (read.path === key || read.path.startsWith(`${key}.`)),
          ),
      );
    }

    /** True when `root` is `this` or a variable of the loop's own function (not an import or a global). */
    function isFunctionState(root: string, call: AwaitedCall, loop: CheckedLoop): boolean {
      if (root === 'this') return true;
      const scope = sourceCode.getScope(call);
      const variable = findVariable(scope, root);
      if (!variable || variable.defs.some((definition) => definition.type === 'ImportBinding')) return false;
      return variable.scope.variableScope === sourceCode.getScope(loop).variableScope;
    }

    /**
     * True when an awaited call acts on a resource that conventionally holds one ordered thing:
     * as its receiver (`page.goto(url)`, `trx.insert(row)`) or handed to a helper as an argument
     * (`runStatement(client, sql)`, `writeFrame(socket, frame)`, an ORM handle: `cascade(em, entity)`).
     */
    function onOrderedReceiver(call: AwaitedCall, dependents: PathSet): boolean {
      // The iteration's own value (`for (const page of pages) await render(page)`) is a different
      // object each time, not one shared resource.
      const perIteration = (node: TSESTree.Node): boolean => dependents.overlapsAny(collectAccesses(node, visitorKeys).reads);
      const key = receiverKey(call, sourceCode);
      const root = callChainRoot(call);
      if (root !== null && isTransactionParameter(call, root)) return true;
      if (
        key !== null &&
        !(root !== null && dependents.overlaps(root)) &&
        key.split('.').some((segment) => ORDERED_RECEIVER_NAMES.has(receiverRootName(segment))) &&
        // `client.request(path)` where `client` is this file's stateless REST client: no connection.
        !effects.isStatelessClientCall(call)
      ) {
        return true;
      }
      // Handed to a helper: `runStatement(client, sql)`, and an ORM connection handle named only
      // as one (`ORM_HANDLE_ARGUMENT_NAME`: `save(em, row)`; not a generic `manager` or `driver`).
      return call.arguments.some((argument) => {
        const name = lastWrittenName(argument);
        return name !== null && (ORDERED_RECEIVER_NAMES.has(name) || ORM_HANDLE_ARGUMENT_NAME.test(name)) && !perIteration(argument);
      });
    }

    /**
     * `runInTransaction(async (tr) => { for (...) await tr(table).insert(rows) })`: the name is a
     * parameter of a callback handed to a call named like a transaction, so it is the transaction.
     */
    function isTransactionParameter(at: TSESTree.Node, name: string): boolean {
      const variable = findVariable(sourceCode.getScope(at), name);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Parameter') return false;
      const fn = definition.node;
      const parent = fn.parent;
      if (!isFunctionNode(fn) || parent?.type !== AST_NODE_TYPES.CallExpression) return false;
      const calleeText = lastWrittenName(parent.callee);
      return calleeText !== null && /transaction/i.test(calleeText);
    }

    /** The awaited function is named as a step of an ordered list (`runMigration`, `applyPatch`). */
    function callsOrderedStep(call: AwaitedCall): boolean {
      const name = lastWrittenName(call.callee);
      // `addJobToTransaction(multi, job)`: a step of a transaction.
      return (
        name !== null &&
        (namesOrderedList(name) || ORDERED_RUN_NAME.test(name) || /Transaction/.test(name) || SCHEMA_CHANGE_NAME.test(name))
      );
    }

    /**
     * Code the function does not know, run per item: the awaited callee, or a function the call
     * runs (`invokedFunctions`: `Promise.resolve(getVersion(node))`), is a parameter of an
     * enclosing function (`runSerial(items, cb)`: `await cb(item)`; an injected
     * `fetchVersions = defaultFetch`), or a local read out of one (`const resolve =
     * list.fields[key].resolve`). Its contract may be sequential (a serial runner, user hooks,
     * a question per package).
     */
    function callsUnknownCode(call: AwaitedCall): boolean {
      return invokedFunctions(call).some((node) => isUnknownCode(node, call));
    }

    /**
     * The functions an awaited call runs, as written: its callee, the callee of a call that
     * `Promise.resolve(...)` adopts (`Promise.resolve(getVersion(node))`), and the callbacks of a
     * `.then(f)` on it (`Promise.resolve(spec).then(decide)`).
     */
    function invokedFunctions(call: AwaitedCall): TSESTree.Node[] {
      const found: TSESTree.Node[] = [call.callee];
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || call.type !== AST_NODE_TYPES.CallExpression) return found;
      const method = staticMemberName(callee);
      const [first] = call.arguments;
      if (method === 'then' && first) found.push(first);
      const adopting = method === 'then' ? skipTransparent(callee.object) : call;
      const adoptingCallee = adopting.type === AST_NODE_TYPES.CallExpression ? skipTransparent(adopting.callee) : null;
      if (adopting.type !== AST_NODE_TYPES.CallExpression || adoptingCallee?.type !== AST_NODE_TYPES.MemberExpression) return found;
      const [adopted] = adopting.arguments;
      const promise = skipTransparent(adoptingCallee.object);
      if (
        staticMemberName(adoptingCallee) === 'resolve' &&
        promise.type === AST_NODE_TYPES.Identifier &&
        promise.name === 'Promise' &&
        adopted?.type === AST_NODE_TYPES.CallExpression
      ) {
        found.push(adopted.callee);
      }
      return found;
    }

    /** A function named by a parameter of an enclosing function, or read out of one (see `callsUnknownCode`). */
    function isUnknownCode(node: TSESTree.Node, call: AwaitedCall): boolean {
      const callee = skipTransparent(node);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(call), callee.name);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type === 'Parameter') return true;
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      const init = skipTransparent(definition.node.init);
      if (init.type !== AST_NODE_TYPES.MemberExpression) return false;
      let root: TSESTree.Node = init;
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.TSNonNullExpression || root.type === AST_NODE_TYPES.ChainExpression) {
        root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.expression;
      }
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const rootVariable = findVariable(sourceCode.getScope(init), root.name);
      return rootVariable?.defs.some((rootDefinition) => rootDefinition.type === 'Parameter') ?? false;
    }

    /** Per function: does its body call the function itself (a recursive walk)? */
    const recursive = new WeakMap<FunctionNode, boolean>();
    function isRecursive(fn: FunctionNode): boolean {
      let known = recursive.get(fn);
      if (known === undefined) {
        known = false;
        recursive.set(fn, false);
        const visit = (node: TSESTree.Node): void => {
          if (known) return;
          if ((node.type === AST_NODE_TYPES.CallExpression) && effects.calledFunction(node) === fn) {
            known = true;
            return;
          }
          forEachChild(node, visitorKeys, visit);
        };
        visit(fn.body);
        recursive.set(fn, known);
      }
      return known;
    }

    /** Per function: does it have a loop that awaits something other than the function itself (a leaf loop)? */
    const leafLoops = new WeakMap<FunctionNode, boolean>();
    function hasLeafLoop(fn: FunctionNode): boolean {
      let known = leafLoops.get(fn);
      if (known === undefined) {
        // A leaf loop awaits some call other than `fn` and never `fn` itself.
        const awaitedIn = (loop: TSESTree.Node): { self: boolean; other: boolean } => {
          const found = { self: false, other: false };
          const visit = (node: TSESTree.Node): void => {
            if (node !== loop && isFunctionNode(node)) return;
            if (node.type === AST_NODE_TYPES.AwaitExpression) {
              const call = awaitedCallOf(node);
              if (call && effects.calledFunction(call) === fn) found.self = true;
              else found.other = true;
            }
            forEachChild(node, visitorKeys, visit);
          };
          visit(loop);
          return found;
        };
        let leaf = false;
        const visit = (node: TSESTree.Node): void => {
          if (leaf || (node !== fn.body && isFunctionNode(node))) return;
          if (isLoopStatement(node)) {
            const found = awaitedIn(node);
            if (found.other && !found.self) {
              leaf = true;
              return;
            }
          }
          forEachChild(node, visitorKeys, visit);
        };
        visit(fn.body);
        known = leaf;
        leafLoops.set(fn, known);
      }
      return known;
    }

    /**
     * `await walk(child)` inside `walk`, or `await walk(root)` of a function that walks a tree by
     * recursion, when the walk has loops of its own at the leaves (`for (const file of
     * node.files) await read(file)`): those loops carry the report; each level of the same walk
     * would report the same change again. A walk whose only per-child wait is the recursion
     * (`for (const child of children) ids.push(...await collectIds(child.id))`) is reported.
     */
    function callsRecursiveWalk(call: AwaitedCall): boolean {
      const fn = effects.calledFunction(call);
      return fn !== null && isRecursive(fn) && hasLeafLoop(fn);
    }

    /**
     * The iterations do something around the await that is told in turn: a call statement before
     * the first awaiting statement and another after the last one (`before(file); await load(file);
     * after(file, mod)`, a header printed, then the result). Run together, the befores and afters
     * would interleave.
     */
    function bracketsTheAwaits(loop: CheckedLoop, awaits: readonly TSESTree.AwaitExpression[]): boolean {
      const body = loop.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement || awaits.length === 0) return false;
      const statements = body.body;
      // The statement holding a node, by binary search over the body's statements (in source
      // order): a scan per await would be quadratic in the loop body's length.
      const holding = (node: TSESTree.Node): number => {
        let low = 0;
        let high = statements.length - 1;
        let found = -1;
        while (low <= high) {
          const middle = (low + high) >>> 1;
          const statement = statements[middle];
          if (statement && statement.range[0] <= node.range[0]) {
            found = middle;
            low = middle + 1;
          } else {
            high = middle - 1;
          }
        }
        const statement = statements[found];
        return statement && node.range[1] <= statement.range[1] ? found : -1;
      };
      const indexes = awaits.map(holding);
      if (indexes.includes(-1)) return false;
      const firstIndex = Math.min(...indexes);
      const lastIndex = Math.max(...indexes);
      const isToldCall = (statement: TSESTree.Statement): boolean => {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        const expression = skipTransparent(statement.expression);
        if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
        const name = calleeName(expression);
        return name === null || (!COLLECTION_MUTATOR_METHODS.has(name) && !PURE_METHODS.has(name));
      };
      return statements.slice(0, firstIndex).some(isToldCall) && statements.slice(lastIndex + 1).some(isToldCall);
    }

    /**
     * The iterated list is written out in the code with at most three items (`for (const f of
     * [lockFile, shrinkwrapFile])`, or a `const` holding such a literal): there is little to gain.
     */
    function iteratesFewLiteralItems(loop: CheckedLoop): boolean {
      if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
      let iterated: TSESTree.Node = skipTransparent(loop.right);
      if (iterated.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(sourceCode.getScope(loop), iterated.name);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
        iterated = skipTransparent(definition.node.init);
      }
      if (iterated.type !== AST_NODE_TYPES.ArrayExpression || iterated.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement)) return false;
      // Up to three items of any kind; a few more when every item is a constant the program names
      // itself (`['7z', 'unzip', 'curl', ...]`): the list never grows with the data. Not in a request
      // or job handler, where every request pays each of those round trips.
      if (iterated.elements.length <= 3) return true;
      return (
        iterated.elements.length <= MAX_FEW_CONSTANT_ITEMS &&
        iterated.elements.every((element) => element !== null && isConstantItem(element)) &&
        !servesRequestOrJob(loop)
      );
    }

    /** True when `loop` runs in a request or job handler (`WhereItRuns`: concurrent, by a request handler or a queue consumer). */
    function servesRequestOrJob(loop: CheckedLoop): boolean {
      const where = getWhereItRuns(context).ofNode(loop);
      return where.kind === 'concurrent' && (where.evidence.kind === 'request-handler' || where.evidence.kind === 'queue-consumer');
    }

    /**
     * True when the function around `loop` measures the time of a loop that repeats an operation a
     * set number of times (see `measuresRepetitions`), and `loop` is such a repetition too (its
     * counter runs to a number, not over a list): a benchmark, whose iterations run one after
     * another on purpose; run together they would measure something else.
     */
    function repeatsForMeasurement(loop: CheckedLoop): boolean {
      if (!countsRepetitions(loop)) return false;
      const fn = enclosingFunction(loop);
      if (fn === null) return false;
      let measures = measuringFunctions.get(fn);
      if (measures === undefined) {
        measures = measuresRepetitions(fn);
        measuringFunctions.set(fn, measures);
      }
      return measures;
    }

    /**
     * True when a statement list of `fn`'s own code holds a clock read (`CLOCK_READ`), then a
     * counted loop (`countsRepetitions`, or a block of them), then a clock read again.
     */
    function measuresRepetitions(fn: FunctionNode): boolean {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      if (!words.within('now', fn.body) && !words.within('hrtime', fn.body) && !words.within('time', fn.body) && !words.within('timeEnd', fn.body)) return false;
      let found = false;
      const visit = (node: TSESTree.Node): void => {
        if (found || (node !== fn && isFunctionNode(node))) return;
        if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program) {
          const statements = node.body;
          for (let index = 1; index + 1 < statements.length; index += 1) {
            const statement = statements[index] as TSESTree.Statement;
            if (
              statement.type === AST_NODE_TYPES.ForStatement &&
              countsRepetitions(statement) &&
              readsClock(statements[index - 1] as TSESTree.Statement) &&
              readsClock(statements[index + 1] as TSESTree.Statement)
            ) {
              found = true;
              return;
            }
          }
        }
        forEachChild(node, visitorKeys, visit);
      };
      visit(fn.body);
      return found;
    }

    /** A declaration or expression statement whose text reads the clock (`const start = Date.now()`, `console.time('x')`). */
    function readsClock(statement: TSESTree.Statement): boolean {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration && statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      return CLOCK_READ.test(sourceCode.getText(statement));
    }

    /** The nearest function around `node`, or null at the top level. */
    function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
      for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
      return null;
    }

    /**
     * The loop walks a list in batches, pages or groups: a `for` whose counter steps by more than
     * one (`i += PAGE_SIZE`); a `for...of` whose variable names a batch (`for (const batch of
     * ...)`, `[i, nodesChunk]`), over a list named as batches (`chunks`, `linkBatches`, through
     * `.entries()`/`Object.values(...)`), or over what a grouping call made (`chunk(ids, 100)`,
     * `chunkByStringLength(paths, max)`, `const byProgram = groupBy(rows, key)`). The batches exist
     * to bound the load, and each iteration is already a batch; running them together undoes that.
     */
    function walksInBatches(loop: TSESTree.Node): boolean {
      if (loop.type === AST_NODE_TYPES.ForStatement) {
        const update = loop.update ? skipTransparent(loop.update) : null;
        if (update?.type !== AST_NODE_TYPES.AssignmentExpression || (update.operator !== '+=' && update.operator !== '-=')) return false;
        const step = skipTransparent(update.right);
        return !(step.type === AST_NODE_TYPES.Literal && step.value === 1);
      }
      if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
      if (loopVariables(loop)?.some((name) => BATCH_NAME.test(name))) return true;
      const list = iteratedList(loop.right);
      const name = lastWrittenName(list);
      if (name !== null && (BATCH_NAME.test(name) || (list.type === AST_NODE_TYPES.CallExpression && GROUPING_CALL_NAME.test(name)))) return true;
      if (list.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(loop), list.name);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      let init = skipTransparent(definition.node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
      const made = init.type === AST_NODE_TYPES.CallExpression ? lastWrittenName(init.callee) : null;
      return made !== null && GROUPING_CALL_NAME.test(made);
    }

    /** A loop of the same function around this one walks in batches (`walksInBatches`): the author bounded the work per batch. */
    function insideBatchLoop(loop: CheckedLoop): boolean {
      for (let node: TSESTree.Node | undefined = loop.parent; node && !isFunctionNode(node); node = node.parent) {
        if (isLoopStatement(node) && walksInBatches(node)) return true;
      }
      return false;
    }

    /**
     * `await setConfig(repoPath, key, value)` per key: every iteration writes the same file or
     * repository (`locationWriteOf`: a write named so, given a location that does not come from
     * the iteration; a command that rewrites a configuration file). The tool locks that place
     * per write, so run together the writes fail or are lost.
     */
    function writesOneLocation(call: AwaitedCall, dependents: PathSet): boolean {
      const write = locationWriteOf(call);
      if (write === null) return false;
      if (write.kind === 'config-command') return true;
      return !dependents.overlapsAny(collectAccesses(write.location, visitorKeys).reads);
    }

    /**
     * `await parseParams({ where: condition })`, `await buildQuery(...)`: a function this file does
     * not define, named for computing a value (`COMPUTATION_FIRST_WORDS`). What it waits for is
     * out of sight, and by its name it is in-memory work with a rare nested step.
     */
    function namesComputation(call: AwaitedCall): boolean {
      const name = calleeName(call);
      if (name === null || !COMPUTATION_FIRST_WORDS.has(firstWord(name)) || effects.summaryOf(call) !== null) return false;
      // `parsePage({ item, client })`: handed a client, it may well fetch.
      const handed: TSESTree.Node[] = [];
      for (const argument of call.arguments) {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) handed.push(value);
        else for (const property of value.properties) if (property.type === AST_NODE_TYPES.Property) handed.push(property.value);
      }
      return !handed.some((value) => {
        const handedName = lastWrittenName(value);
        return handedName !== null && CLIENT_ARGUMENT_NAME.test(handedName);
      });
    }

    /**
     * `await payload.update({ id: doc.id, data: localeData })` per locale: a write
     * (`WRITE_CALL_NAME`) of one record whose identity (`RECORD_ID_NAME`, in an options object or
     * as the first argument) does not come from the iteration. Concurrent updates of one record
     * race; the last one must win.
     */
    function writesOneRecord(call: AwaitedCall, dependents: PathSet): boolean {
      const name = calleeName(call);
      if (name === null || !WRITE_CALL_NAME.test(name)) return false;
      const invariant = (node: TSESTree.Node): boolean => {
        const value = skipTransparent(node);
        return value.type !== AST_NODE_TYPES.Literal && !dependents.overlapsAny(collectAccesses(value, visitorKeys).reads);
      };
      const [first] = call.arguments;
      const firstValue = first ? skipTransparent(first) : null;
      if (firstValue && firstValue.type !== AST_NODE_TYPES.ObjectExpression) {
        const firstName = lastWrittenName(firstValue);
        return firstName !== null && RECORD_ID_NAME.test(firstName) && invariant(firstValue);
      }
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        return (
          value.type === AST_NODE_TYPES.ObjectExpression &&
          value.properties.some((property) => {
            if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
            const key = writtenName(property.key);
            return key !== null && RECORD_ID_NAME.test(key) && invariant(property.value);
          })
        );
      });
    }

    /**
     * `await cases.createNote(caseId, note)`, `await addComment(ctx, { postId: post.id, body: text })`
     * per item: a create named for a child row (`CHILD_CREATE_NAME`) under a parent whose id
     * (`RECORD_ID_NAME`, as an argument or a property of an options object) is the same in every
     * iteration, of a value that comes from the item. The parent's children (notes, comments, lines)
     * are shown in the order they were added; run together, they land in any order.
     */
    function appendsToOneRecord(call: AwaitedCall, dependents: PathSet): boolean {
      const name = calleeName(call);
      if (name === null || !CHILD_CREATE_NAME.test(name)) return false;
      const reads = (node: TSESTree.Node): boolean => dependents.overlapsAny(collectAccesses(node, visitorKeys).reads);
      const parentId = (key: string | null, value: TSESTree.Node): boolean => {
        const inner = skipTransparent(value);
        return key !== null && RECORD_ID_NAME.test(key) && inner.type !== AST_NODE_TYPES.Literal && !reads(inner);
      };
      let parent = false;
      let item = false;
      for (const argument of call.arguments) {
        const value = skipTransparent(argument);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of value.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
            const key = writtenName(property.key);
            if (parentId(key, property.value)) parent = true;
            else if (reads(property.value)) {
              // `{ postId, userId: follower.id }`: the item names another record, a link per item.
              if (key !== null && RECORD_ID_NAME.test(key)) return false;
              item = true;
            }
          }
          continue;
        }
        const name = lastWrittenName(value);
        if (parentId(name, value)) parent = true;
        else if (reads(value)) {
          if (name !== null && RECORD_ID_NAME.test(name)) return false;
          item = true;
        }
      }
      return parent && item;
    }

    /**
     * `await image.interact(imagePath, partition, async (fs) => fs.writeFile(item.name, item.body))`
     * per item: every argument but the callback is the same in every iteration (and one of them is
     * a name, not a literal or an options object), the callback does the item's work, and it is
     * handed a handle it calls methods of. Each iteration opens the same thing (an image, an archive,
     * a locked file, a remote session) and works inside it: run together, the iterations would open
     * and write it at once.
     */
    function opensSameResourcePerItem(call: AwaitedCall, dependents: PathSet): boolean {
      const reads = (node: TSESTree.Node): boolean => dependents.overlapsAny(collectAccesses(node, visitorKeys).reads);
      let callback: FunctionNode | null = null;
      let named = false;
      for (const argument of call.arguments) {
        const value = skipTransparent(argument);
        if (isFunctionNode(value)) {
          if (callback !== null) return false;
          callback = value;
          continue;
        }
        if (reads(value)) return false;
        // A pool or a browser hands each call its own connection or page.
        if (RESOURCE_DEALER_NAME.test(lastWrittenName(value) ?? '')) return false;
        if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) named = true;
      }
      if (callback === null || !named || !reads(callback.body)) return false;
      const [handle] = callback.params;
      if (handle?.type !== AST_NODE_TYPES.Identifier) return false;
      const name = handle.name;
      return someNodeBelow(callback.body, visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = skipTransparent(node.callee);
        return callee.type === AST_NODE_TYPES.MemberExpression && callChainRoot(node) === name;
      });
    }

    /**
     * The item says which step it is: the body branches on one field of the item compared with
     * literals (`if (action.type === 'post') ... else if (action.type === 'rename') ...`, or a
     * `switch (step.kind)`), in at least three branches that each await. Such a list is a
     * program (actions a user configured, operations of a script), and its steps run in the order
     * written: a later one may undo or use what an earlier one did.
     */
    function dispatchesOnItemKind(loop: CheckedLoop, loopVars: ReadonlySet<string>): boolean {
      const statements = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
      const itemField = (node: TSESTree.Node): string | null => {
        const value = skipTransparent(node);
        const path = value.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(value) : null;
        return path !== null && path.includes('.') && loopVars.has(rootOf(path)) ? path : null;
      };
      const comparedField = (test: TSESTree.Node): string | null => {
        const value = skipTransparent(test);
        if (value.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '===' && value.operator !== '==')) return null;
        if (value.right.type === AST_NODE_TYPES.Literal) return itemField(value.left);
        return value.left.type === AST_NODE_TYPES.Literal ? itemField(value.right) : null;
      };
      // The names every branch's awaited calls are handed, the same in every iteration (`bot`,
      // `store`): the steps act on one shared target. Requests that each go their own way (an
      // e-mail, an SMS, a push per channel) share none.
      let shared: Set<string> | null = null;
      const awaitsIn = (node: TSESTree.Node | null): boolean => {
        if (node === null) return false;
        const awaits = collectAccesses(node, visitorKeys).awaits;
        if (awaits.length === 0) return false;
        const handed = new Set<string>();
        for (const pause of awaits) {
          const call = pause.type === AST_NODE_TYPES.AwaitExpression ? awaitedCallOf(pause) : null;
          for (const argument of call?.arguments ?? []) {
            const value = skipTransparent(argument);
            const path = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(value) : null;
            if (path !== null && !loopVars.has(rootOf(path))) handed.add(path);
          }
        }
        shared = shared === null ? handed : new Set([...shared].filter((path) => handed.has(path)));
        return true;
      };
      const sharesTarget = (): boolean => shared !== null && (shared as Set<string>).size > 0;
      for (const statement of statements) {
        if (statement.type === AST_NODE_TYPES.SwitchStatement) {
          const field = itemField(statement.discriminant);
          const branches = statement.cases.filter((branch) => branch.test?.type === AST_NODE_TYPES.Literal && branch.consequent.some((inner) => awaitsIn(inner)));
          if (field !== null && branches.length >= 3 && sharesTarget()) return true;
          shared = null;
          continue;
        }
        shared = null;
        let field: string | null = null;
        let branches = 0;
        let current: TSESTree.Statement | null = statement;
        while (current?.type === AST_NODE_TYPES.IfStatement) {
          const compared = comparedField(current.test);
          if (compared === null || (field !== null && compared !== field)) break;
          field = compared;
          if (awaitsIn(current.consequent)) branches += 1;
          current = current.alternate;
        }
        if (branches >= 3 && sharesTarget()) return true;
      }
      return false;
    }

    /**
     * `await axios.post(url, { to, body })` per recipient with the same `url`: one message after
     * another to one endpoint of a provider (an SMS or chat gateway), which rate-limits its callers
     * and may deliver in arrival order. A POST whose URL comes from the item (a webhook per
     * subscriber, `${api}/orders/${id}`) is reported.
     */
    function sendsToOneEndpoint(call: AwaitedCall, dependents: PathSet): boolean {
      const callee = skipTransparent(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? writtenName(callee) : null;
      const [url] = call.arguments;
      if (method === null || !HTTP_SEND_METHODS.has(method) || !url || call.arguments.length < 2) return false;
      const value = skipTransparent(url);
      if (value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
      return !dependents.overlapsAny(collectAccesses(value, visitorKeys).reads);
    }

    /**
     * `await server.load(appFn)`, `await app.use(middleware)` per item: registration with one
     * application or server (`REGISTRATION_METHODS` on an `APPLICATION_RECEIVER` that does not
     * come from the iteration). The order of registration is the order requests meet them.
     */
    function registersWithApplication(call: AwaitedCall, dependents: PathSet): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = writtenName(callee);
      const receiver = lastWrittenName(callee.object);
      return (
        method !== null &&
        REGISTRATION_METHODS.has(method) &&
        receiver !== null &&
        APPLICATION_RECEIVER.test(receiver) &&
        !dependents.overlapsAny(collectAccesses(callee.object, visitorKeys).reads)
      );
    }

    /**
     * `for (let i = from + 1; i <= latest; i++) { await applyPatch(i); await setSetting('version', i) }`:
     * a write (`WRITE_CALL_NAME`) handed the loop's counter itself records progress (a schema
     * version, a last-processed index); every step must be done before its number is stored.
     */
    function recordsCounter(call: AwaitedCall, loop: CheckedLoop, loopVars: ReadonlySet<string>): boolean {
      if (loop.type !== AST_NODE_TYPES.ForStatement) return false;
      const name = calleeName(call);
      if (name === null || !WRITE_CALL_NAME.test(name)) return false;
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        return value.type === AST_NODE_TYPES.Identifier && loopVars.has(value.name);
      });
    }

    /**
     * `await spinner.show({ task: () => shell.exec(script) })`: the call is handed a function (an
     * argument, a property of an object argument, or a local `const` holding one) that starts a
     * child process (`PROCESS_CALL_NAME`, or the effect summary says so). Commands run per item
     * are steps of a script: their output and their effects come one after another.
     *
     * Also when the handed function waits for an ordered step of its own (`isOrderedCall`, the
     * same test as for the loop body: `await retry(async () => { await emulator.startAsync(name);
     * await waitForBoot(serial) })`): the wrapper (a retry, a timeout, a spinner) runs that code
     * per item and waits for it, so the steps are the loop's own, moved one function down.
     * Booting devices, opening connections and waiting for each to be ready take ports and
     * machine resources one at a time. A per-item `waitFor...(client, id)` helper does not count
     * (see `isPerItemWait`).
     */
    function handsOnCommand(call: AwaitedCall, dependents: PathSet): boolean {
      const startsCommand = (node: TSESTree.Node): boolean => {
        let value = skipTransparent(node);
        if (value.type === AST_NODE_TYPES.Identifier) {
          const variable = findVariable(sourceCode.getScope(value), value.name);
          const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
          value = skipTransparent(definition.node.init);
        }
        if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return false;
        if (effects.summaryOfFunction(value).startsProcess) return true;
        let found = false;
        const visit = (child: TSESTree.Node): void => {
          if (found || (child !== value && isFunctionNode(child))) return;
          if (child.type === AST_NODE_TYPES.CallExpression) {
            const name = calleeName(child);
            if (name !== null && PROCESS_CALL_NAME.test(name)) {
              found = true;
              return;
            }
            // A step the handed function waits for (awaited, or its arrow's whole body).
            const waited = child.parent?.type === AST_NODE_TYPES.AwaitExpression || child.parent === value;
            if (waited && isOrderedCall(child, orderedNames) && !isPerItemWait(child, dependents)) {
              found = true;
              return;
            }
          }
          forEachChild(child, visitorKeys, visit);
        };
        visit(value.body);
        return found;
      };
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) return startsCommand(value);
        return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && startsCommand(property.value));
      });
    }

    /**
     * `await openChanges(file, refs)` per file: a function named as opening or showing something to
     * the person at the screen (`SHOWS_TO_USER_NAME`). Tabs, panels and documents appear in the
     * order they are opened.
     */
    function showsToUser(call: AwaitedCall): boolean {
      const name = lastWrittenName(call.callee);
      return name !== null && SHOWS_TO_USER_NAME.test(name);
    }

    /**
     * The body compares the iteration's index with the list's length (`triggerAggregate: index ===
     * items.length - 1`, `if (i < list.length - 1) await pause()`): the last iteration does
     * something the others do not, which must come after them.
     */
    function singlesOutLastIteration(comparisons: readonly TSESTree.BinaryExpression[], dependents: PathSet): boolean {
      const isIndex = (node: TSESTree.Node): boolean => {
        let current = skipTransparent(node);
        if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '+' || current.operator === '-')) {
          if (skipTransparent(current.right).type !== AST_NODE_TYPES.Literal) return false;
          current = skipTransparent(current.left);
        }
        return current.type === AST_NODE_TYPES.Identifier && dependents.overlaps(current.name);
      };
      return comparisons.some(
        (comparison) =>
          (isIndex(comparison.left) && isCountOrLastIndex(comparison.right)) ||
          (isIndex(comparison.right) && isCountOrLastIndex(comparison.left)),
      );
    }

    /**
     * Every await waits only for one named item (`if (type === 'pre-key') await validate(data)`):
     * the test compares the item itself (the loop variable or a name made from it) with a string,
     * so in a list of distinct keys at most one iteration waits. A member of the item compared
     * with a string (`if (entry.tag === 'latest')`) may name a category that several items share
     * (`file.kind === 'dir'`), so it counts only when the awaited work does not use the item at
     * all (`await repo.listVersions(pkg.id)`): the item picks whether to wait, not what for, and
     * whichever items pass ask for the same thing.
     */
    function awaitsForOneNamedItem(awaits: readonly TSESTree.AwaitExpression[], dependents: PathSet, loop: CheckedLoop): boolean {
      const isName = (node: TSESTree.Node): boolean => {
        const value = skipTransparent(node);
        return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string';
      };
      // `'item'`: the item itself or a name made from it; `'member'`: a member path of one.
      const itemSide = (node: TSESTree.Node): 'item' | 'member' | null => {
        const value = skipTransparent(node);
        if (value.type === AST_NODE_TYPES.Identifier) return dependents.overlaps(value.name) ? 'item' : null;
        if (value.type !== AST_NODE_TYPES.MemberExpression) return null;
        const path = accessPathOf(value);
        return path !== null && dependents.overlaps(path) ? 'member' : null;
      };
      const namesItem = (test: TSESTree.Node, await_: TSESTree.AwaitExpression): boolean => {
        const current = skipTransparent(test);
        if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return namesItem(current.left, await_) || namesItem(current.right, await_);
        if (current.type !== AST_NODE_TYPES.BinaryExpression || (current.operator !== '===' && current.operator !== '==')) return false;
        const side = isName(current.right) ? itemSide(current.left) : isName(current.left) ? itemSide(current.right) : null;
        if (side === 'item') return true;
        return side === 'member' && !dependents.overlapsAny(collectAccesses(await_.argument, sourceCode.visitorKeys).reads);
      };
      return awaits.every((node) => {
        let child: TSESTree.Node = node;
        for (let current: TSESTree.Node | undefined = node.parent; current && current !== loop; child = current, current = current.parent) {
          if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && namesItem(current.test, node)) return true;
        }
        return false;
      });
    }

    /**
     * The loop runs inside a function handed to a call that runs it in a critical section or a
     * transaction (`CRITICAL_SECTION_CALL`: `mutex.runExclusive(async () => ...)`,
     * `keys.transaction(async () => ...)`), where the author asked for one thing at a time, or in
     * the background after the response (`BACKGROUND_CALL`: `waitUntil((async () => ...)())`),
     * where nobody waits for it.
     */
    function runsInCriticalSectionOrBackground(loop: CheckedLoop): boolean {
      for (let node: TSESTree.Node | undefined = loop.parent; node; node = node.parent) {
        if (!isFunctionNode(node)) continue;
        let handed: TSESTree.Node = node;
        let holder = node.parent;
        // `waitUntil((async () => { ... })())`: an async IIFE handed on.
        if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee === handed) {
          handed = holder;
          holder = holder.parent;
        }
        if (holder?.type !== AST_NODE_TYPES.CallExpression || holder.callee === handed) continue;
        const name = lastWrittenName(holder.callee);
        if (name !== null && (CRITICAL_SECTION_CALL.test(name) || BACKGROUND_CALL.test(name))) return true;
      }
      return false;
    }

    /**
     * The loop runs in a test (a callback of `it`/`test` or of a setup hook, `TEST_CALLBACK_CALL`),
     * where later steps and assertions usually build on the state the earlier ones made (items
     * added to a cart, then its lines compared in order), and a test's speed is rarely the point.
     * (A program run by hand, once, is left out as a whole: see `WhereItRuns.oneShotProgram` in `create`.)
     */
    function runsInTest(loop: CheckedLoop): boolean {
      return insideTestCallback(loop);
    }

    /** The awaited call reads a file and waits on the network (`EffectSummary`): it uploads the file's contents. */
    function transfersFile(call: AwaitedCall): boolean {
      const summary = effects.summaryOf(call);
      return summary?.readsFiles === true && summary.waits === 'io';
    }

    /** `await cache.get(key)`, `await userDevicesCache.set(k, v)`: a method of a cache (`CACHE_RECEIVER`, `CACHE_METHODS`), answered from memory or a store built to be fast. */
    function isCacheCall(call: AwaitedCall): boolean {
      const name = calleeName(call);
      if (name === null || !CACHE_METHODS.has(name)) return false;
      const callee = skipTransparent(call.callee);
      const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? lastWrittenName(callee.object) : null;
      return receiver !== null && CACHE_RECEIVER.test(receiver);
    }

    /**
     * The method of a call chain that writes records (`RECORD_WRITE_METHODS`): `update` of
     * `prisma.link.update(...)`, `patch` of `Model.query().patch(values).where(...)`. Only a method
     * of another object that the iterations share: `this.update(x)` is the class's own step,
     * `doc.save()` of the iteration's own document serialises it, and an HTTP client's
     * `axios.delete(url)` (`NETWORK_CALL_ROOTS`) sends a request to a service.
     */
    function recordWriteOf(call: AwaitedCall, dependents: PathSet): string | null {
      const root = callChainRoot(call);
      // The item's own object (`const bytes = await doc.save()` of a document the iteration made) is
      // not a table shared by the iterations.
      if (root !== null && (NETWORK_CALL_ROOTS.has(root) || dependents.overlaps(root))) return null;
      let current: TSESTree.Node = call;
      let method: string | null = null;
      for (let hops = 0; hops < 8; hops += 1) {
        current = skipTransparent(current);
        if (current.type === AST_NODE_TYPES.MemberExpression) {
          current = current.object;
          continue;
        }
        if (current.type !== AST_NODE_TYPES.CallExpression) break;
        const callee = skipTransparent(current.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
        const name = staticMemberName(callee);
        const receiver = skipTransparent(callee.object);
        // `Model.query().patch(values)`: a query builder's write (Objection, knex).
        if (method !== null && name === 'query') return method;
        if (method === null && name !== null && RECORD_WRITE_METHODS.has(name) && receiver.type !== AST_NODE_TYPES.ThisExpression) method = name;
        current = receiver;
      }
      // Otherwise the chain's root must be a database client: imported from a database or ORM
      // package (`NETWORK_DATABASE_PACKAGES`, `RECORD_CLIENT_PACKAGES`) or Prisma's conventional
      // client (`prisma.link.update`). An SDK or HTTP client's `create`/`update`/`delete`
      // (`openai.chat.completions.create`, `stripe.customers.update`, `api.delete(url)`) is a request.
      if (method === null || root === null) return null;
      if (root === 'prisma') return method;
      const variable = findVariable(sourceCode.getScope(call), root);
      const source = variable ? getImportSource(variable) : null;
      const module = source?.module ?? '';
      return NETWORK_DATABASE_PACKAGES.has(module) || RECORD_CLIENT_PACKAGES.has(module) ? method : null;
    }

    /**
     * Every iteration only writes: at least one awaited call writes database records
     * (`recordWriteOf`: `await prisma.link.update(...)`, `await Model.query().patch(x).where(...)`)
     * and each other one is a cache call (`await cache.del(key)`: the cached copy dropped) or waits
     * on memory or local files (a call whose effects are not known is not taken for a write). Such loops are maintenance, settings saves, imports and
     * clean-ups: run together, the writes would take as many pooled connections as there are
     * items, contend for the same tables and unique keys, and a failure would stop the loop
     * while the other writes go on; the fix a reviewer asks for is one bulk statement, not
     * `Promise.all`. A loop that reads per item (a query, a fetch) is still reported.
     */
    function writesRecordsOnly(calls: readonly AwaitedCall[], dependents: PathSet): boolean {
      let records = false;
      for (const call of calls) {
        if (recordWriteOf(call, dependents) !== null) {
          records = true;
          continue;
        }
        // `await cache.del('providers')` after the row writes: the cached copy dropped.
        if (isCacheCall(call)) continue;
        const waits = effects.summaryOf(call)?.waits;
        if (waits === 'memory' || waits === 'files' || waits === 'cached') continue;
        return false;
      }
      return records;
    }

    /**
     * Every iteration is a clean-up step: at least one awaited call is named for removing
     * (`REMOVAL_FIRST_WORDS`: `await this.removeRelease(pkg, version)`, `await
     * store.deleteById(id)`, `await removeFiles(link.id)`), and each other one removes too, writes
     * records (`recordWriteOf`: the row that pointed at what was removed), is a cache call, waits on
     * memory or local files, or looks up what is removed (`LOOKUP_FIRST_WORDS`, its answer kept in a
     * binding: `const version = await repo.findVersion(id, v)`). Deletions are rare, the fix a
     * reviewer asks for is one bulk delete, and in order a failure stops the clean-up where it is
     * instead of leaving other deletions running. A loop that fetches or computes per item besides is
     * still reported.
     */
    function removesPerItem(calls: readonly AwaitedCall[], dependents: PathSet): boolean {
      let removes = false;
      for (const call of calls) {
        const name = calleeName(call);
        const word = name === null ? null : firstWord(name);
        if (word !== null && REMOVAL_FIRST_WORDS.has(word) && !sendsHttpDelete(call)) {
          removes = true;
          continue;
        }
        if (word !== null && LOOKUP_FIRST_WORDS.has(word) && keepsAnswer(call)) continue;
        if (recordWriteOf(call, dependents) !== null || isCacheCall(call)) continue;
        const waits = effects.summaryOf(call)?.waits;
        if (waits === 'memory' || waits === 'files' || waits === 'cached') continue;
        return false;
      }
      return removes;
    }

    /**
     * `api.delete('/todos/' + id)`, `http.delete(\`/items/${id}\`)`: a method named `delete` handed a
     * path or URL (a string, a template, a concatenation with a string) is an HTTP client's request, a
     * round trip per item, not a clean-up of the program's own records.
     */
    function sendsHttpDelete(call: AwaitedCall): boolean {
      if (calleeName(call) !== 'delete') return false;
      const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
      if (first === null) return false;
      if (first.type === AST_NODE_TYPES.TemplateLiteral) return true;
      if (first.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string';
      if (first.type !== AST_NODE_TYPES.BinaryExpression || first.operator !== '+') return false;
      const left = skipTransparent(first.left);
      return (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string') || left.type === AST_NODE_TYPES.TemplateLiteral;
    }

    /** `const found = await lookUp(...)`, `found = await lookUp(...)`: the awaited call's answer is kept in a binding. */
    function keepsAnswer(call: AwaitedCall): boolean {
      const awaited = call.parent;
      if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return false;
      const holder = awaited.parent;
      return (
        (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === awaited) ||
        (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === awaited && holder.operator === '=')
      );
    }

    /**
     * The iteration looks records up and creates the missing ones: directly in the body or in a
     * function of this file that it calls, up to `FIND_OR_CREATE_DEPTH` functions deep
     * (`findsOrCreatesIn`). Items may share a name (two bookmark folders with the same tag): run
     * together, every iteration finds nothing before any creates, and the rows are created twice or
     * a unique key fails. The order is what makes it correct.
     */
    function findsOrCreates(loop: CheckedLoop, calls: readonly AwaitedCall[]): boolean {
      if (findsOrCreatesIn(loop.body)) return true;
      const seen = new Set<FunctionNode>();
      const visit = (fn: FunctionNode | null, depth: number): boolean => {
        if (fn === null || seen.has(fn) || depth > FIND_OR_CREATE_DEPTH) return false;
        seen.add(fn);
        let cached = findOrCreateFunctions.get(fn);
        if (cached === undefined) {
          cached = findsOrCreatesIn(fn.body);
          findOrCreateFunctions.set(fn, cached);
        }
        if (cached) return true;
        return someNodeBelow(fn.body, visitorKeys, (node) => node.type === AST_NODE_TYPES.CallExpression && visit(effects.calledFunction(node), depth + 1));
      };
      return calls.some((call) => visit(effects.calledFunction(call), 1));
    }

    /**
     * The calls under `node` find or create a record (tested on calls, never on text: a log line
     * saying "upsert" is no upsert): a call named so (`FIND_OR_CREATE_NAME`: `upsert`,
     * `findOrCreate`, `getOrCreate`...), a nested write in the data handed to a call
     * (`{ tags: { connectOrCreate: [...] } }`, `NESTED_FIND_OR_CREATE_KEYS`), or a lookup named
     * for finding (`findFirst`, `findOne`, `findUnique`, `findBy...`, `exists`; not any `get`) and
     * later a create (`create`, `insert`, `insertOne`, `save`) on the same receiver
     * (`prisma.tag.findFirst(...)` then `prisma.tag.create(...)`).
     */
    function findsOrCreatesIn(node: TSESTree.Node): boolean {
      const finders = new Set<string>();
      return someNodeBelow(node, visitorKeys, (child) => {
        if (child.type === AST_NODE_TYPES.Property && !child.computed) {
          const key = child.key.type === AST_NODE_TYPES.Identifier ? child.key.name : child.key.type === AST_NODE_TYPES.Literal ? String(child.key.value) : null;
          return key !== null && NESTED_FIND_OR_CREATE_KEYS.has(key) && someCallArgumentHolds(child);
        }
        if (child.type !== AST_NODE_TYPES.CallExpression) return false;
        const name = calleeName(child);
        if (name === null) return false;
        if (FIND_OR_CREATE_NAME.test(name)) return true;
        const callee = skipTransparent(child.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const receiver = sourceCode.getText(callee.object);
        if (FIND_NAME.test(name)) finders.add(receiver);
        else if (CREATE_NAME.test(name) && finders.has(receiver)) return true;
        return false;
      });
    }

    /** The property is inside an object handed to a call (data of a write), not a plain object of the code. */
    function someCallArgumentHolds(property: TSESTree.Property): boolean {
      for (let current: TSESTree.Node | undefined = property.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return true;
        if (isFunctionNode(current) || current.type.endsWith('Statement')) return false;
      }
      return false;
    }

    /** `await prisma.enrollment.updateMany(...)`: one statement for many rows (`BULK_CALL_NAME`). */
    function isBulkCall(call: AwaitedCall): boolean {
      const name = calleeName(call);
      return name !== null && BULK_CALL_NAME.test(name);
    }

    /**
     * A read and a later write of the same store in one iteration (`await keys.get(type, [jid])`,
     * then `await keys.set({ [jid]: ... })`), both keyed by a name of the body whose value falls
     * back to one value shared by the iterations (`const jid = normalize(fallback || node.jid)`,
     * also through other names of the body: `const key = await resolve(jid)`): iterations that take
     * the fallback share the entry, and run together each reads it before any writes it (a lost
     * update).
     */
    function readsThenWritesSharedKey(calls: readonly AwaitedCall[], dependents: PathSet, loop: CheckedLoop): boolean {
      const followed = new Set<TSESTree.Node>();
      const sharedFallback = (name: string, at: TSESTree.Node): boolean => {
        const variable = findVariable(sourceCode.getScope(at), name);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type !== 'Variable' || !definition.node.init) return false;
        // Names of the loop body only, each followed once.
        if (definition.node.range[0] < loop.body.range[0] || definition.node.range[1] > loop.body.range[1]) return false;
        if (followed.has(definition.node) || followed.size > 8) return false;
        followed.add(definition.node);
        let found = false;
        const visit = (node: TSESTree.Node, depth: number): void => {
          if (found || depth > 6 || isFunctionNode(node)) return;
          if (node.type === AST_NODE_TYPES.Identifier && dependents.overlaps(node.name) && sharedFallback(node.name, node)) {
            found = true;
            return;
          }
          if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '||' || node.operator === '??')) {
            const shared = (side: TSESTree.Node): boolean => {
              const value = skipTransparent(side);
              const reads = collectAccesses(value, visitorKeys).reads;
              return value.type !== AST_NODE_TYPES.Literal && reads.length > 0 && !dependents.overlapsAny(reads);
            };
            if (shared(node.left) || shared(node.right)) {
              found = true;
              return;
            }
          }
          forEachChild(node, visitorKeys, (child) => visit(child, depth + 1));
        };
        visit(definition.node.init, 0);
        return found;
      };
      const keysOf = (call: AwaitedCall): Set<string> =>
        new Set(call.arguments.flatMap((argument) => collectAccesses(argument, visitorKeys).reads.map(rootOf)));
      for (const read of calls) {
        const readName = calleeName(read);
        const store = receiverKey(read, sourceCode);
        if (readName === null || store === null || !/^(?:get|find|load|read|fetch)(?:[A-Z]\w*)?$/.test(readName)) continue;
        for (const write of calls) {
          const writeName = calleeName(write);
          if (write.range[0] <= read.range[1] || writeName === null || receiverKey(write, sourceCode) !== store) continue;
          if (!/^(?:set|put|save|update|upsert|write|store)(?:[A-Z]\w*)?$/.test(writeName)) continue;
          const readKeys = keysOf(read);
          for (const key of keysOf(write)) {
            if (readKeys.has(key) && dependents.overlaps(key) && sharedFallback(key, write)) return true;
          }
        }
      }
      return false;
    }

    /**
     * A write that races on a key other iterations may share: an upsert or get-or-create by name
     * (`upsert`, `findOrCreate`), or a nested `connectOrCreate`/`upsert` in the data it is given.
     * Run together, two iterations with the same key both try to create it.
     */
    function createsSharedKey(call: AwaitedCall): boolean {
      const name = calleeName(call);
      if (name !== null && /^(?:upsert|findOrCreate|getOrCreate|createOrUpdate|insertOrUpdate|firstOrCreate|updateOrCreate)/.test(name)) return true;
      const hasKey = (node: TSESTree.Node, depth: number): boolean => {
        const value = skipTransparent(node);
        if (value.type !== AST_NODE_TYPES.ObjectExpression || depth > 4) return false;
        return value.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            ((!property.computed && property.key.type === AST_NODE_TYPES.Identifier && /^(?:connectOrCreate|upsert)$/.test(property.key.name)) ||
              hasKey(property.value, depth + 1)),
        );
      };
      return call.arguments.some((argument) => hasKey(argument, 0));
    }

    /** `await db.query(\`DROP TABLE ${name}\`)`: a statement that changes the schema (DDL), run in order. */
    function runsSchemaStatement(call: AwaitedCall): boolean {
      const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
      const text =
        first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
          ? first.value
          : first?.type === AST_NODE_TYPES.TemplateLiteral
            ? (first.quasis[0]?.value.cooked ?? '')
            : null;
      return text !== null && /^\s*(?:DROP|ALTER|CREATE|TRUNCATE|RENAME)\s/i.test(text);
    }

    /**
     * `for (const stmt of statementsToExecute) await db.query(stmt)`, `for (const q of queries)
     * await sql.unsafe(q.sql)`: the item, or one member of it, is the statement a connection runs
     * (`STATEMENT_RUN_METHODS`), and the loop's names say it is a list of SQL statements or
     * queries (`STATEMENT_LIST_NAME`). A schema push or migration: created before altered, on one
     * connection.
     */
    function runsListedStatement(call: AwaitedCall, loop: CheckedLoop, loopVars: ReadonlySet<string>): boolean {
      const callee = skipTransparent(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? writtenName(callee) : null;
      const [first] = call.arguments;
      if (method === null || !STATEMENT_RUN_METHODS.has(method) || !first) return false;
      let statement = skipTransparent(first);
      if (statement.type === AST_NODE_TYPES.MemberExpression && !statement.computed) statement = skipTransparent(statement.object);
      if (statement.type !== AST_NODE_TYPES.Identifier || !loopVars.has(statement.name)) return false;
      if (STATEMENT_LIST_NAME.test(statement.name)) return true;
      return loop.type !== AST_NODE_TYPES.ForStatement && STATEMENT_LIST_NAME.test(lastWrittenName(loop.right) ?? '');
    }

    /**
     * `await localize({ slug: c.slug, session })`: a transaction or database session handed in an
     * options object (`TRANSACTION_OPTION_NAMES`), the same every iteration. Its operations run one
     * at a time (a Mongo session rejects concurrent use; a SQL transaction is one connection).
     */
    function handsSessionOption(call: AwaitedCall, dependents: PathSet): boolean {
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
        return value.properties.some((property) => {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
          const key = writtenName(property.key);
          if (key === null || !TRANSACTION_OPTION_NAMES.has(key)) return false;
          const handed = skipTransparent(property.value);
          if (handed.type === AST_NODE_TYPES.Literal || handed.type === AST_NODE_TYPES.ObjectExpression) return false;
          return !dependents.overlapsAny(collectAccesses(handed, visitorKeys).reads);
        });
      });
    }

    /**
     * `await insertField(pdfDoc, field)` / `await renderOverlay({ pdfDoc, page })` per item with the
     * same `pdfDoc`: a document built in memory (a local made by a document library's loader,
     * `IN_MEMORY_DOCUMENT_FACTORY`: `await PDFDocument.load(bytes)`, `PDF.create()`) handed to every
     * iteration, directly or as a property of an options object. Each item is drawn into the same
     * document: nothing waits on I/O, and the order of what is drawn is what the document shows.
     */
    function drawsIntoSharedDocument(call: AwaitedCall, dependents: PathSet): boolean {
      const handed: TSESTree.Node[] = [];
      for (const argument of call.arguments) {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) handed.push(value);
        else for (const property of value.properties) if (property.type === AST_NODE_TYPES.Property) handed.push(skipTransparent(property.value));
      }
      return handed.some((node) => {
        if (node.type !== AST_NODE_TYPES.Identifier || dependents.overlapsAny([node.name])) return false;
        const definition = findVariable(sourceCode.getScope(node), node.name)?.defs[0];
        if (definition?.type !== 'Variable' || !definition.node.init) return false;
        let init = skipTransparent(definition.node.init);
        if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
        return init.type === AST_NODE_TYPES.CallExpression && IN_MEMORY_DOCUMENT_FACTORY.test(sourceCode.getText(init.callee));
      });
    }

    /**
     * `await populate(docs, path)` per path with the same `docs`: a function that fills in members
     * of the objects it is given (`ARGUMENT_FILLER_NAME`), handed the same objects every iteration,
     * as an argument or as the objects of an options object (`FILLED_OBJECTS_KEY`:
     * `this.expandProperty({ items: nestedItems, expand })`, where `nestedItems` is reached from
     * the function's shared `items`).
     */
    function fillsSharedArgument(call: AwaitedCall, dependents: PathSet): boolean {
      const name = calleeName(call);
      if (name === null || !ARGUMENT_FILLER_NAME.test(name)) return false;
      const shared = (value: TSESTree.Node): boolean => {
        const node = skipTransparent(value);
        return (
          (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) &&
          !dependents.overlapsAny(collectAccesses(node, visitorKeys).reads)
        );
      };
      return call.arguments.some((argument) => {
        const node = skipTransparent(argument);
        if (node.type !== AST_NODE_TYPES.ObjectExpression) return shared(node);
        return node.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            FILLED_OBJECTS_KEY.test(property.key.name) &&
            shared(property.value),
        );
      });
    }

    /**
     * `count++` / `count += 1` / `total -= 1` on an outer counter that nothing else in the loop
     * reads: the increments commute, so iterations in any order leave the same count. Not `+=`
     * on a variable declared with a string (`startsAsText`): text appended in iteration order.
     */
    /** Per loop: is every reference of this variable inside the loop a counter step (`isCounterUpdate`)? */
    const counterOnlyCache = new WeakMap<CheckedLoop, Map<NonNullable<ReturnType<typeof findVariable>>, boolean>>();
    function isCounterStep(node: TSESTree.Node, operator: string, loop: CheckedLoop): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      if (operator !== '++' && operator !== '+=' && operator !== '-=') return false;
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
        // `total += item.size` commutes too, unless the right side reads the counter itself.
        const right = skipTransparent(parent.right);
        // `total += await price(item)` reads `total` before the pause: concurrent iterations lose updates.
        if (collectAccesses(right, visitorKeys).awaits.length > 0) return false;
        if (collectAccesses(right, visitorKeys).reads.some((path) => rootOf(path) === node.name)) return false;
      } else if (parent.type !== AST_NODE_TYPES.UpdateExpression) {
        return false;
      }
      // The counter statement must be a statement of its own, and the counter read nowhere else in the loop.
      if (parent.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const variable = findVariable(sourceCode.getScope(node), node.name);
      if (!variable) return false;
      // `let content = ''; ... content += text`: a string built in iteration order, not a count.
      if (operator === '+=' && variable.defs.some((definition) => startsAsText(definition))) return false;
      // Once per counter and loop: a loop body with many `total += x` steps stays linear.
      let perLoop = counterOnlyCache.get(loop);
      if (!perLoop) counterOnlyCache.set(loop, (perLoop = new Map()));
      let counterOnly = perLoop.get(variable);
      if (counterOnly === undefined) {
        counterOnly = variable.references.every(
          (reference) =>
            reference.identifier.range[1] <= loop.range[0] ||
            reference.identifier.range[0] >= loop.range[1] ||
            isCounterUpdate(reference.identifier),
        );
        perLoop.set(variable, counterOnly);
      }
      return counterOnly;
    }

    /** A variable declared with a string (`let content = ''`, `` let out = `# ${title}\n` ``): `+=` appends text to it. */
    function startsAsText(definition: NonNullable<ReturnType<typeof findVariable>>['defs'][number]): boolean {
      if (definition.type !== 'Variable' || !definition.node.init) return false;
      const init = skipTransparent(definition.node.init);
      return init.type === AST_NODE_TYPES.TemplateLiteral || (init.type === AST_NODE_TYPES.Literal && typeof init.value === 'string');
    }

    function isCounterUpdate(identifier: TSESTree.Node): boolean {
      const parent = identifier.parent;
      if (!parent || parent.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      return (
        parent.type === AST_NODE_TYPES.UpdateExpression ||
        (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && (parent.operator === '+=' || parent.operator === '-='))
      );
    }

    /**
     * `await waitForDeploy(client, id)`: a helper (plain function, not a method) named like a wait
     * step, given the iteration's value. Waiting for N things one by one is still waiting for N
     * independent things, even through one shared client.
     */
    function isPerItemWait(call: AwaitedCall, dependents: PathSet): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !/^wait(?:For|Until)?[A-Z]/.test(callee.name)) return false;
      return call.arguments.some((argument) => dependents.overlapsAny(collectAccesses(argument, visitorKeys).reads));
    }

    /**
     * What the called function does makes iterations share state:
     * - its receiver is one ordered resource (`this` is the connection or query runner, a field
     *   made from one; see `FileEffects.isOrderedReceiver`);
     * - it writes the file system at a path that does not come from the iteration, module state,
     *   members of `this`, `process.env`, or a member of an argument that is the same object in
     *   every iteration (a visited set, a shared context);
     * - it starts a child process, asks a person, or takes a lock;
     * - it reads one fixed entry of a store and writes back what it computed from it
     *   (`EffectSummary.updatesStoredEntry`).
     */
    function sharesStateThroughCall(call: AwaitedCall, dependents: PathSet): boolean {
      if (effects.isOrderedReceiver(call)) return true;
      const summary = effects.summaryOf(call);
      if (!summary) return false;
      if (summary.startsProcess || summary.prompts || summary.locks || summary.benchmarks) return true;
      // A count or total kept in a store, read and written back by every call (`size - n`).
      if (summary.updatesStoredEntry) return true;
      const perItem = (index: number | null): boolean => {
        const argument = index === null ? undefined : call.arguments[index];
        return argument !== undefined && dependents.overlapsAny(collectAccesses(argument, visitorKeys).reads);
      };
      return summary.writes.some((write) => {
        switch (write.kind) {
          case 'file':
            return !perItem(write.argument);
          case 'argument':
            return !perItem(write.index);
          default:
            return true;
        }
      });
    }

    /** `await fs.writeFile(join(out, item.name), html)`: each iteration writes its own file. */
    function writesPerItemFile(call: AwaitedCall, name: string, dependents: PathSet): boolean {
      if (!/^(?:writeFile|appendFile|outputFile|writeJson|outputJson)(?:Sync)?$/.test(name)) return false;
      const [target] = call.arguments;
      return target !== undefined && dependents.overlapsAny(collectAccesses(target, visitorKeys).reads);
    }

    /**
     * `if (item.dirty) await item.save()`: a method of the item, called only for some items by a
     * test on the item itself, is per-item work, not a list of steps run in turn.
     */
    function isGuardedItemMethod(call: AwaitedCall, loopVars: ReadonlySet<string>, loop: CheckedLoop): boolean {
      if (skipTransparent(call.callee).type !== AST_NODE_TYPES.MemberExpression) return false;
      for (let current: TSESTree.Node | undefined = call.parent; current && current !== loop; current = current.parent) {
        if (current.type === AST_NODE_TYPES.IfStatement) {
          return collectAccesses(current.test, visitorKeys).reads.some((path) => loopVars.has(rootOf(path)));
        }
      }
      return false;
    }

    /**
     * `await wrapErrorAsync(async () => await cleanupFn(), label)`, `await promisify(reporter.cleanup.bind(reporter))()`:
     * the call hands on code that the item brings: a function argument (of any call of the chain)
     * whose body calls the item or a method reached through it, or a method of the item bound to
     * it. The items are steps (plugin cleanups, reporters) run through a wrapper, in turn, as when
     * they are called directly. Nested functions inside the handed-on function are not read.
     */
    function handsOnItemCode(call: AwaitedCall, loopVars: ReadonlySet<string>): boolean {
      const callsItem = (node: TSESTree.Node, fn: TSESTree.Node): boolean => {
        if (node !== fn && isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const root = callChainRoot(node);
          if (root !== null && loopVars.has(root)) return true;
        }
        let found = false;
        forEachChild(node, visitorKeys, (child) => {
          if (!found && callsItem(child, fn)) found = true;
        });
        return found;
      };
      return chainArguments(call).some((argument) => {
        const value = skipTransparent(argument);
        if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) {
          return callsItem(value, value);
        }
        if (value.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = skipTransparent(value.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'bind') return false;
        const bound = skipTransparent(callee.object);
        const root = bound.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(bound) : null;
        return root !== null && loopVars.has(rootOf(root));
      });
    }

    /** `await executeBuild(config, this, files, match)`, `await build(pkg)`: a build (`BUILD_RUN_NAME`) runs alone. */
    /**
     * True when the call rewrites a git repository's index or worktree (`GIT_INDEX_WRITES`): a
     * method of a git library (`GIT_LIBRARY_PACKAGES`, through its import, or a receiver named
     * `git`: `this.git.add(file)`), or a process started as `git` with such a subcommand
     * (`execa('git', ['add', file])`, `` exec(`git checkout ${branch}`) ``). The index is one file
     * rewritten under a lock: iterations must run one at a time.
     */
    function rewritesGitIndex(call: AwaitedCall): boolean {
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && GIT_INDEX_WRITES.has(staticMemberName(callee) ?? '')) {
        const receiver = skipTransparent(callee.object);
        if (lastWrittenName(receiver) === 'git') return true;
        const root = callChainRoot(call);
        let base: TSESTree.Node = receiver;
        while (base.type === AST_NODE_TYPES.MemberExpression) base = skipTransparent(base.object);
        if (root !== null && base.type === AST_NODE_TYPES.Identifier) {
          const variable = variableOfIdentifier(sourceCode, base);
          const source = variable ? getImportSource(variable) : null;
          if (source && GIT_LIBRARY_PACKAGES.has(source.module)) return true;
        }
      }
      const [first, second] = call.arguments;
      const text = (node: TSESTree.Node | undefined): string | null => {
        if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
        if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
        return null;
      };
      const command = text(first);
      if (command === 'git') {
        const subcommand = second?.type === AST_NODE_TYPES.ArrayExpression ? text(second.elements[0] ?? undefined) : null;
        return subcommand !== null && GIT_INDEX_WRITES.has(subcommand);
      }
      const words = command?.trim().split(/\s+/);
      return words?.[0] === 'git' && GIT_INDEX_WRITES.has(words[1] ?? '');
    }

    function runsBuild(call: AwaitedCall): boolean {
      const name = calleeName(call);
      return name !== null && BUILD_RUN_NAME.test(name);
    }

    /**
     * `generateUniqueName(base, (name) => fs.existsSync(path.join(dir, name)))`: a call handed a
     * function that asks the file system whether a path exists (`EXISTENCE_CHECK_NAMES`), the way
     * a name picker avoids the files already there. Followed by a file write of the iteration,
     * each name depends on the files the earlier iterations wrote.
     */
    function probesDiskForName(call: TSESTree.CallExpression): boolean {
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return false;
        let found = false;
        const visit = (node: TSESTree.Node): void => {
          if (found || (node !== value && isFunctionNode(node))) return;
          if (node.type === AST_NODE_TYPES.CallExpression) {
            const name = calleeName(node);
            if (name !== null && EXISTENCE_CHECK_NAMES.has(name)) {
              found = true;
              return;
            }
          }
          forEachChild(node, visitorKeys, visit);
        };
        visit(value);
        return found;
      });
    }

    /**
     * The loop's variables and the names its body declares, at its top level, as the element the
     * loop's key looks up: `const strategy = this.strategies[name]`, `const entry = registry.get(id)`
     * (the key is a loop variable itself). Such a name is the item, reached through its key.
     */
    function itemNames(loop: CheckedLoop, loopVars: ReadonlySet<string>): ReadonlySet<string> {
      const names = new Set(loopVars);
      if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return names;
      const isKey = (node: TSESTree.Node | undefined): boolean => {
        const value = node ? skipTransparent(node) : null;
        return value?.type === AST_NODE_TYPES.Identifier && loopVars.has(value.name);
      };
      for (const statement of loop.body.body) {
        if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
        for (const declarator of statement.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
          const init = skipTransparent(declarator.init);
          const getter = init.type === AST_NODE_TYPES.CallExpression && init.arguments.length === 1 ? skipTransparent(init.callee) : null;
          const lookup =
            (init.type === AST_NODE_TYPES.MemberExpression && init.computed && isKey(init.property)) ||
            (init.type === AST_NODE_TYPES.CallExpression &&
              getter?.type === AST_NODE_TYPES.MemberExpression &&
              staticMemberName(getter) === 'get' &&
              isKey(init.arguments[0]));
          if (lookup) names.add(declarator.id.name);
        }
      }
      return names;
    }

    /**
     * `await setUpBackend(projectId, id, options.nonInteractive)`, `await init(dir, { interactive: true })`:
     * an argument, or a property of an object argument, named as a flag for asking the person at
     * the terminal (`INTERACTIVITY_FLAG_NAME`): the call may prompt, one question at a time.
     */
    function handsInteractivityFlag(call: AwaitedCall): boolean {
      const names = (node: TSESTree.Node): string | null => {
        const value = skipTransparent(node);
        if (value.type === AST_NODE_TYPES.Identifier) return value.name;
        if (value.type === AST_NODE_TYPES.MemberExpression) return staticMemberName(value);
        if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return names(value.argument);
        return null;
      };
      return call.arguments.some((argument) => {
        const value = skipTransparent(argument);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          return value.properties.some(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              !property.computed &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              INTERACTIVITY_FLAG_NAME.test(property.key.name) &&
              !turnsPromptsOff(property.key.name, property.value),
          );
        }
        const name = names(value);
        return name !== null && INTERACTIVITY_FLAG_NAME.test(name);
      });
    }

    /**
     * `{ interactive: false }`, `{ nonInteractive: true }`, `{ noPrompt: true }`: a flag written as
     * the literal that says "ask nothing" (a chart's `interactive: false` too), so the call prompts no one.
     */
    function turnsPromptsOff(name: string, value: TSESTree.Node): boolean {
      const flag = skipTransparent(value);
      if (flag.type !== AST_NODE_TYPES.Literal || typeof flag.value !== 'boolean') return false;
      const saysAsk = /^(?:is|allow)?[iI]nteractive$/.test(name);
      return flag.value !== saysAsk;
    }

    /** `process.exit(code)` of the global `process`. */
    function isProcessExit(call: TSESTree.CallExpression): boolean {
      if (!isProcessExitCall(call)) return false;
      const variable = findVariable(sourceCode.getScope(call), 'process');
      return !variable || variable.defs.length === 0;
    }

    /** `await parse(x)`, `(await parse(x)).entry`: a value read from what an await gives. */
    function holdsAwaitedValue(init: TSESTree.Node): boolean {
      let current = skipTransparent(init);
      while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
      return current.type === AST_NODE_TYPES.AwaitExpression;
    }

    /**
     * A store whose key is computed from names bound to an awaited value (`awaitedNames`) and not
     * from the loop's own variables, and whose value may differ between two items giving one key:
     * `body[key] = value` where `const { key, value } = await parseField(field)`. Not when the
     * value is the object the key is read from (`byNode[broker.nodeId] = broker`: one key, one
     * object) or an empty or literal value (`groups[broker.nodeId] = []` before filling it), nor
     * when each awaited name of the key is one the awaited function computes from the item it is
     * handed (`itemKeyNames`, see `namesComputedFromItem`): one key per item, as `results[i]`.
     */
    function keyedByAwaitedValue(
      target: TSESTree.MemberExpression,
      awaitedNames: ReadonlySet<string>,
      loopVars: ReadonlySet<string>,
      itemKeyNames: ReadonlySet<string>,
    ): boolean {
      const roots = collectAccesses(target.property, visitorKeys).reads.map(rootOf);
      if (!roots.some((root) => awaitedNames.has(root) && !itemKeyNames.has(root)) || roots.some((root) => loopVars.has(root))) return false;
      const assignment = target.parent;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression) return false;
      const value = skipTransparent(assignment.right);
      if (value.type === AST_NODE_TYPES.Literal) return false;
      if (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length === 0) return false;
      if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0) return false;
      return !(value.type === AST_NODE_TYPES.Identifier && roots.includes(value.name));
    }

    /**
     * The names a declaration binds to what an awaited call of this file computes from the
     * iteration's values it is handed (`FileEffects.returnsFromArguments`): `const { tasks,
     * rTimestamp } = await this.delayedAt(timestamp)` where `delayedAt` returns `{ tasks,
     * rTimestamp }` with `rTimestamp = Math.round(timestamp / 1000)`: `rTimestamp` (not `tasks`).
     * Every argument must read the iteration's values or be a literal.
     */
    function namesComputedFromItem(declarator: TSESTree.VariableDeclarator, dependents: PathSet): string[] {
      const init = declarator.init ? skipTransparent(declarator.init) : null;
      if (init?.type !== AST_NODE_TYPES.AwaitExpression) return [];
      const call = skipTransparent(init.argument);
      if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0) return [];
      const fromItem = call.arguments.every((argument) => {
        const value = skipTransparent(argument);
        return value.type === AST_NODE_TYPES.Literal || dependents.overlapsAny(collectAccesses(value, visitorKeys).reads);
      });
      if (!fromItem) return [];
      const id = declarator.id;
      if (id.type === AST_NODE_TYPES.Identifier) return effects.returnsFromArguments(call, null) ? [id.name] : [];
      if (id.type !== AST_NODE_TYPES.ObjectPattern) return [];
      const names: string[] = [];
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const key = writtenName(property.key);
        if (key !== null && effects.returnsFromArguments(call, key)) names.push(property.value.name);
      }
      return names;
    }

    /**
     * `await this.processMessage(message, logic)` per message, where `logic` is a callback
     * parameter of an enclosing function (a function that returns a promise: its annotation is a
     * function type returning `Promise<...>`, or every call signature the checker gives it returns a
     * thenable; a progress or log callback returning `void` is no turn of the caller's code) that
     * the called function of this file waits for
     * (`EffectSummary.parametersAwaitedThrough`): every item runs the caller's own code (a bot's
     * turn handler, a user's step), whose contract may be one item at a time, in arrival order.
     */
    function handsOnCallerCode(call: AwaitedCall): boolean {
      const awaited = effects.summaryOf(call)?.parametersAwaitedThrough;
      if (!awaited || awaited.length === 0) return false;
      return awaited.some((index) => {
        const argument = call.arguments[index];
        const value = argument ? skipTransparent(argument) : null;
        if (value?.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = findVariable(sourceCode.getScope(call), value.name);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type !== 'Parameter' || definition.name.type !== AST_NODE_TYPES.Identifier) return false;
        const annotation = definition.name.typeAnnotation?.typeAnnotation;
        if (annotation?.type === AST_NODE_TYPES.TSFunctionType) return returnsPromiseType(annotation.returnType?.typeAnnotation);
        if (!services) return false;
        const type = services.getTypeAtLocation(value);
        // `any` / `unknown` say nothing.
        if ((type.flags & (1 | 2)) !== 0) return false;
        const signatures = type.getCallSignatures();
        return signatures.length > 0 && signatures.every((signature) => signature.getReturnType().getProperty('then') !== undefined);
      });
    }

    /**
     * `// one at a time: later names are checked against earlier imports` then `let imported = 0;`
     * then the loop: the comment gives its reason right before the declarations that set the
     * loop up (the statements just before it, each declaring a variable, none awaiting).
     */
    function commentedSetUp(loop: CheckedLoop): boolean {
      const parent = loop.parent;
      if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) return false;
      const siblings: readonly TSESTree.Node[] = parent.body;
      let index = siblings.indexOf(loop) - 1;
      for (let steps = 0; index >= 0 && steps < 3; steps += 1, index -= 1) {
        const statement = siblings[index];
        if (statement?.type !== AST_NODE_TYPES.VariableDeclaration || words.within('await', statement)) return false;
        if (orderingComments.before(statement)) return true;
      }
      return false;
    }

    /** A branch that ends by returning (its last statement is a `return`). */
    function endsInReturn(branch: TSESTree.Node): boolean {
      if (branch.type === AST_NODE_TYPES.ReturnStatement) return true;
      if (branch.type !== AST_NODE_TYPES.BlockStatement) return false;
      return branch.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement;
    }

    /**
     * The loop is one branch of an `if`/`else` whose other branch gathers with `Promise.all` (or a
     * limiter), or is followed by one after an `if` whose branch holding the loop returns
     * (`return Promise.all(...)`): the code already chose sequential for this case (a single
     * connection, a serial mode).
     */
    function otherBranchGathers(loop: CheckedLoop): boolean {
      let child: TSESTree.Node = loop;
      for (let parent: TSESTree.Node | undefined = loop.parent; parent; child = parent, parent = parent.parent) {
        if (isFunctionNode(parent)) return false;
        if (parent.type === AST_NODE_TYPES.IfStatement && parent.alternate) {
          const other = parent.consequent === child ? parent.alternate : parent.alternate === child ? parent.consequent : null;
          if (other && GATHER_TEXT.test(sourceCode.getText(other))) return true;
        }
        // `if (oneClient) { for (...) await load(x); return out; } return Promise.all(list.map(load));`:
        // the statements after an `if` whose branch returns are the other branch.
        if (parent.type === AST_NODE_TYPES.IfStatement && !parent.alternate && parent.consequent === child && endsInReturn(child)) {
          const block = parent.parent;
          const siblings: readonly TSESTree.Node[] = block.type === AST_NODE_TYPES.BlockStatement || block.type === AST_NODE_TYPES.Program ? block.body : [];
          const ifStatement = parent;
          const rest = siblings.slice(siblings.findIndex((statement) => statement === ifStatement) + 1);
          if (rest.some((statement) => GATHER_TEXT.test(sourceCode.getText(statement)))) return true;
        }
      }
      return false;
    }

    /**
     * Test code that checks the order: every iteration feeds its item to a method of one shared
     * object (`await cart.add(line.sku, line.qty)`, not the item's own), and one of the
     * `ASSERTION_LOOKAHEAD` statements after the loop asserts on that object (`expect(cart.lines())`,
     * `assert.deepEqual(queue.items, ...)`): what the test checks is the state the calls built in
     * turn (insertion order, a running total).
     */
    function orderAssertedAfter(loop: CheckedLoop, calls: readonly AwaitedCall[], dependents: PathSet): boolean {
      const shared = new Set<string>();
      for (const call of calls) {
        const callee = skipTransparent(call.callee);
        const root = callChainRoot(call);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || root === null || root === 'this' || dependents.overlaps(root)) continue;
        if (!call.arguments.some((argument) => dependents.overlapsAny(collectAccesses(argument, visitorKeys).reads))) continue;
        shared.add(root);
      }
      if (shared.size === 0) return false;
      const parent = loop.parent;
      const siblings: readonly TSESTree.Node[] =
        parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program ? parent.body : [];
      const index = siblings.indexOf(loop);
      if (index === -1) return false;
      return siblings.slice(index + 1, index + 1 + ASSERTION_LOOKAHEAD).some((statement) => {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !ASSERTION_TEXT.test(sourceCode.getText(statement))) return false;
        return collectAccesses(statement, visitorKeys).reads.some((path) => shared.has(rootOf(path)));
      });
    }

    /**
     * `await jar.setCookie(header, url)` per header: a setter (`SHARED_OBJECT_SETTER_VERBS`) of
     * one object that is not the item's (a parameter, a local or a field; not an import, which
     * is a module of functions), handed the item itself as its first argument: what the item
     * sets is inside it, so two items may set the same thing and the later one must win.
     */
    function setsSharedObject(call: AwaitedCall, dependents: PathSet, loopVars: ReadonlySet<string>): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = calleeName(call);
      const verb = name === null ? null : firstWord(name);
      const root = callChainRoot(call);
      if (verb === null || !SHARED_OBJECT_SETTER_VERBS.has(verb)) return false;
      if (skipTransparent(callee.object).type !== AST_NODE_TYPES.ThisExpression) {
        if (root === null || dependents.overlaps(root)) return false;
        const variable = findVariable(sourceCode.getScope(call), root);
        if (!variable || variable.defs.length === 0 || variable.defs.some((definition) => definition.type === 'ImportBinding')) return false;
      }
      // The item itself is what is applied (`setCookie(header)`), not a key made from it
      // (`cache.set(\`user:\${id}\`, v)` writes each item's own entry).
      const [given] = call.arguments;
      const applied = given ? skipTransparent(given) : null;
      // (A destructured entry, `for (const [key, value] of entries) await store.set(key, value)`,
      // sets each key's own entry.)
      return loopVars.size === 1 && applied?.type === AST_NODE_TYPES.Identifier && loopVars.has(applied.name);
    }

    /**
     * `for (let i = 1; i <= parts.length; i++) await sftp.mkdir(parts.slice(0, i).join('/'))`: each
     * iteration works on a prefix of one list that grows with the loop's counter (`list.slice(0, i)`,
     * `_.take(list, i)`, `text.substring(0, i + 1)`: the end is the counter itself, see
     * `loopCounters`), the ancestor of the next iteration's path, and an
     * awaited call makes something (`MAKES_PLACE_NAME`: `mkdir`, `ensureDir`, `createFolder`): a
     * deeper directory needs its parent made first.
     */
    function makesAncestorsInTurn(loop: CheckedLoop, loopVars: ReadonlySet<string>, calls: readonly AwaitedCall[]): boolean {
      if (!calls.some((call) => MAKES_PLACE_NAME.test(calleeName(call) ?? ''))) return false;
      const counters = loopCounters(loop);
      if (counters.size === 0) return false;
      // The end of the prefix is the counter itself or the counter plus or minus a number, not a
      // length computed from the item (`name.substring(0, name.lastIndexOf('.'))` strips an extension).
      const readsCounter = (node: TSESTree.Node | undefined): boolean => {
        const value = node === undefined ? null : skipTransparent(node);
        if (value?.type === AST_NODE_TYPES.Identifier) return counters.has(value.name) && loopVars.has(value.name);
        if (value?.type !== AST_NODE_TYPES.BinaryExpression || (value.operator !== '+' && value.operator !== '-')) return false;
        const { left, right } = value;
        return (
          (left.type === AST_NODE_TYPES.Identifier && counters.has(left.name) && right.type === AST_NODE_TYPES.Literal && typeof right.value === 'number') ||
          (right.type === AST_NODE_TYPES.Identifier && counters.has(right.name) && left.type === AST_NODE_TYPES.Literal && typeof left.value === 'number')
        );
      };
      const isGrowingPrefix = (call: TSESTree.CallExpression): boolean => {
        const callee = skipTransparent(call.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
        const [first, second] = call.arguments;
        if (callee.type === AST_NODE_TYPES.MemberExpression && (name === 'slice' || name === 'substring' || name === 'substr')) {
          return first?.type === AST_NODE_TYPES.Literal && first.value === 0 && readsCounter(second);
        }
        return (name === 'take' || name === 'takeLeft') && call.arguments.length === 2 && readsCounter(second);
      };
      let found = false;
      const visit = (node: TSESTree.Node): void => {
        if (found || isFunctionNode(node)) return;
        if (node.type === AST_NODE_TYPES.CallExpression && isGrowingPrefix(node)) {
          found = true;
          return;
        }
        forEachChild(node, visitorKeys, visit);
      };
      visit(loop.body);
      return found;
    }

    /**
     * The numeric counters of a loop: the variables a `for (let i = ...; ...)` declares, or the index
     * of `for (const [i, x] of list.entries())`.
     */
    function loopCounters(loop: CheckedLoop): ReadonlySet<string> {
      const names = new Set<string>();
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.init?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of loop.init.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
      } else if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.left.type === AST_NODE_TYPES.VariableDeclaration) {
        const pattern = loop.left.declarations[0]?.id;
        const iterated = skipTransparent(loop.right);
        const first = pattern?.type === AST_NODE_TYPES.ArrayPattern ? pattern.elements[0] : null;
        if (
          first?.type === AST_NODE_TYPES.Identifier &&
          iterated.type === AST_NODE_TYPES.CallExpression &&
          iterated.callee.type === AST_NODE_TYPES.MemberExpression &&
          staticMemberName(iterated.callee) === 'entries'
        ) {
          names.add(first.name);
        }
      }
      return names;
    }

    /** `list.sort(...)` just before `for (const x of list)`: the order is the point. */
    function sortedJustBefore(loop: CheckedLoop): boolean {
      if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
      const iterated = accessPathOf(skipTransparent(loop.right));
      if (iterated === null) return false;
      const parent = loop.parent;
      let siblings: readonly TSESTree.Node[];
      if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) siblings = parent.body;
      else if (parent.type === AST_NODE_TYPES.SwitchCase) siblings = parent.consequent;
      else return false;
      const index = siblings.indexOf(loop);
      const previous = index > 0 ? siblings[index - 1] : undefined;
      return previous !== undefined && new RegExp(`\\b${iterated.replace(/[.$]/g, '\\$&')}\\.sort\\(`).test(sourceCode.getText(previous));
    }

    function check(loop: CheckedLoop): void {
      if (!words.within('await', loop)) return;
      if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return;
      const vars = loopVariables(loop);
      if (!vars || vars.length === 0) return;
      if (vars.some(namesOrderedList)) return;
      if (loop.type !== AST_NODE_TYPES.ForStatement) {
        const name = lastWrittenName(loop.right);
        if (name !== null && namesOrderedList(name)) return;
        if (ORDERED_ITERABLE.test(sourceCode.getText(loop.right))) return;
      }
      const loopVars = new Set(vars);

      const headReads = new PathSet();
      const headParts =
        loop.type === AST_NODE_TYPES.ForStatement ? [loop.test, loop.update] : [loop.right];
      for (const part of headParts) {
        if (!part) continue;
        for (const path of collectAccesses(part, visitorKeys).reads) {
          if (!loopVars.has(rootOf(path))) headReads.add(path);
        }
      }
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) {
        // The update may only step the loop's own variables.
        const update = collectAccesses(loop.update, visitorKeys);
        if (update.awaits.length > 0 || update.writes.some((path) => !loopVars.has(rootOf(path)))) return;
        if (loop.test && collectAccesses(loop.test, visitorKeys).awaits.length > 0) return;
      }

      // Iteration-dependent names: the loop variables and body declarations computed from them.
      const dependents = new PathSet();
      dependents.addAll(loopVars);
      markDerived(loop.body, dependents);

      const scan = scanBody(loop, loopVars, headReads, dependents);
      const [firstAwait] = scan.awaits;
      if (scan.blocker || !firstAwait) return;

      // Each pause must be a call, and none may act on a one-at-a-time resource.
      const calls: AwaitedCall[] = [];
      for (const node of scan.awaits) {
        const call = awaitedCallOf(node);
        if (
          !call ||
          // `await Promise.all(batch.map(...))`: the loop already runs a batch at a time, on purpose.
          promiseCombinatorOf(call.callee) !== null ||
          (onOrderedReceiver(call, dependents) && !isPerItemWait(call, dependents)) ||
          // Handed a transaction (`Model.create(row, { transaction })`): one connection, in order.
          effects.handsTransaction(call) ||
          // A statement on an SQLite handle (`db.run(sql, row)`): one local connection, in order.
          effects.runsOnSqliteHandle(call) ||
          callsOrderedStep(call) ||
          callsStatefulFunction(call, sourceCode.getScope(call), visitorKeys, statefulFunctions) ||
          sharesStateThroughCall(call, dependents) ||
          callsUnknownCode(call) ||
          handsOnCallerCode(call) ||
          callsRecursiveWalk(call) ||
          fillsSharedArgument(call, dependents) ||
          drawsIntoSharedDocument(call, dependents) ||
          createsSharedKey(call) ||
          runsSchemaStatement(call) ||
          runsListedStatement(call, loop, loopVars) ||
          handsSessionOption(call, dependents) ||
          writesOneRecord(call, dependents) ||
          appendsToOneRecord(call, dependents) ||
          opensSameResourcePerItem(call, dependents) ||
          registersWithApplication(call, dependents) ||
          recordsCounter(call, loop, loopVars) ||
          sendsToOneEndpoint(call, dependents) ||
          writesOneLocation(call, dependents) ||
          handsOnCommand(call, dependents) ||
          showsToUser(call) ||
          // Packages installed into one folder and manifest (`installExtension(name, args, config)`,
          // `runProcess('npm', ['install', dep, '--prefix', dir])`): one install at a time.
          effects.installsPackages(call) ||
          // A connection borrowed and switched to the item's keyspace: others share that connection.
          effects.switchesSession(call) ||
          // A step that logs a group of lines around its own pause: concurrent groups interleave.
          effects.summaryOf(call)?.logsAroundPause === true ||
          // A terminal spinner or progress line drawn while the item's work runs (`await logAsync(() => upload(file), messages)`).
          showsProgress(call) ||
          runsBuild(call) ||
          handsInteractivityFlag(call) ||
          // Each iteration rewrites the repository's one index (`git.add(...)`, `git rm`).
          rewritesGitIndex(call) ||
          // Module loads run the modules' top-level code (registering tests, plugins) in load order.
          effects.summaryOf(call)?.loadsModule === true ||
          // A plugin host's hooks run per item (`options.hooks.process('loadTask', event)`): the
          // plugins' listeners run in the host's documented order and may keep state across items.
          callsHookRegistry(call)
        ) {
          return;
        }
        calls.push(call);
      }
      // A name picked against the files on disk, then a file written: later names depend on earlier writes.
      if (scan.probesDiskForName && calls.some((call) => effects.summaryOf(call)?.writes.some((write) => write.kind === 'file') === true)) return;
      if (makesAncestorsInTurn(loop, loopVars, calls)) return;
      if (bracketsTheAwaits(loop, scan.awaits) || iteratesFewLiteralItems(loop) || walksInBatches(loop) || insideBatchLoop(loop)) return;
      if (repeatsForMeasurement(loop)) return;
      // A package whose data lives in one local SQLite database: its models and queries queue on
      // that one connection, so gathering the iterations overlaps nothing, unless one of them
      // reaches the network (`fetch(item.url)`, a client of another npm package such as
      // `openai.embeddings.create(...)`: `WhereItRuns.callsAnotherPackage`).
      if (getWhereItRuns(context).onlyQueriesTheSqliteDatabase(calls)) return;
      if (
        singlesOutLastIteration(scan.comparisons, dependents) ||
        awaitsForOneNamedItem(scan.awaits, dependents, loop) ||
        runsInCriticalSectionOrBackground(loop) ||
        runsInOrderedCallback(loop, sourceCode) ||
        runsInTest(loop) ||
        runsOnSchedule(loop, context) ||
        // A worker that paces itself (an endless loop awaiting a pause between rounds, or a
        // function only that loop calls): nobody waits on a round, and the work is spread on purpose.
        runsInPacedLoop(loop, sourceCode, (expression) => effects.isDelay(expression), pacedLoops) ||
        readsThenWritesSharedKey(calls, dependents, loop) ||
        // Each iteration is already one statement for many rows.
        calls.every(isBulkCall) ||
        // Each iteration only writes records (maintenance, settings saves, imports): kept in order.
        writesRecordsOnly(calls, dependents) ||
        // Each iteration removes what the item names (a clean-up): kept in order.
        removesPerItem(calls, dependents)
      ) {
        return;
      }
      // Async in name only: nothing real waits behind any of the awaits (or, for a method
      // inherited from a class in another file, nothing is known of what it waits for), or only
      // a cache does.
      if (
        calls.every(
          (call) =>
            effects.summaryOf(call)?.waits === 'memory' ||
            effects.isUnseenInheritedMethod(call) ||
            effects.waitsOnNothingElsewhere(call) ||
            isCacheCall(call) ||
            namesComputation(call),
        )
      ) {
        return;
      }

      // A comment just before the loop or inside it says the iterations run in order on purpose, or
      // an awaited line already opts out of the core `no-await-in-loop`: the author decided.
      if (
        orderingComments.before(loop) ||
        orderingComments.inside(loop) ||
        commentedSetUp(loop) ||
        disablesRuleOn(context, 'no-await-in-loop', scan.awaits.map((node) => node.loc.start.line)) ||
        otherBranchGathers(loop)
      ) {
        return;
      }
      if (sortedJustBefore(loop) || orderAssertedAfter(loop, calls, dependents)) return;
      // One shared object set per item (`jar.setCookie(header)`): the later call must win.
      if (calls.some((call) => setsSharedObject(call, dependents, loopVars))) return;

      // Each item is itself a step when the awaited function is the item or one of its methods
      // (`await hook(ctx)`, `await migration.up(db)`, `await plugin.init()`): steps run in order.
      // Also when every await is a method of the element the loop's key looks up (`const strategy
      // = this.strategies[name]; await strategy.setup()`); one such call beside other work
      // (`await pdfCache.get(id).save()` then an upload) is per-item work.
      const runsOwnStep = (call: AwaitedCall, names: ReadonlySet<string>): boolean => {
        const callee = callChainRoot(call);
        return callee !== null && names.has(callee) && !isGuardedItemMethod(call, names, loop);
      };
      const items = itemNames(loop, loopVars);
      const runsItem =
        calls.some((call) => runsOwnStep(call, loopVars) || handsOnItemCode(call, loopVars)) ||
        (items.size > loopVars.size && calls.every((call) => runsOwnStep(call, items)));
      if (runsItem || dispatchesOnItemKind(loop, loopVars)) return;
      // The iteration must feed an argument somewhere in the call chain
      // (`fetch(url).then(...)`, `sharp(file.path).resize(200).toFile(out)`); otherwise the loop
      // repeats the same request: polling, retrying, or a count of attempts.
      const usesItem = calls.some(
        (call) =>
          chainArguments(call).some((argument) => dependents.overlapsAny(collectAccesses(argument, visitorKeys).reads)) ||
          isGuardedItemMethod(call, loopVars, loop),
      );
      if (!usesItem) return;
      // A routine the program runs once when it starts (`init()`, `refreshProvidersFromDisk()`), or
      // a helper only it awaits: the few module rows or definition files it walks are read before
      // the program serves anything, and nobody waits on them. Asked last: it classifies the
      // enclosing function through its callers.
      if (getWhereItRuns(context).startUpRoutineOf(loop) !== null) return;
      // Also asked last (each reads other modules' text once): a step of another module that may
      // ask the person running the command (a prompt helper or a dialog a few calls deep), one
      // question per item; or iterations that wait only on a database kept inside the process
      // (NeDB, LevelDB, SQLite... through the project's model modules): lookups in memory. (Per-item
      // files are still reported: many files do gain from reads at once.)
      if (calls.some((call) => effects.mayPromptElsewhere(call))) return;
      // A called function that reads one fixed entry of a store, awaits, and writes it back (a
      // queue or a list kept under one key): iterations run together would drop each other's
      // entries. Read from its declaration's text, in this file or another module.
      if (calls.some((call) => effects.rewritesStoredEntry(call))) return;
      if (calls.every((call) => effects.waitsOnEmbeddedStore(call))) return;
      // One-time data migration code (a migrations or seeds folder, a function named for migrating):
      // it runs once per deploy, its order is the plan, and nobody waits on its latency.
      if (getWhereItRuns(context).runsInMigration(loop)) return;
      // A program run by hand, once (an example, an admin or maintainer script, a task runner, a
      // build-time plugin: `WhereItRuns.oneShotProgram`): the one person who started it waits a
      // moment longer, and nobody tunes it; unless an iteration sends a file it reads over the
      // network (a release script uploading each artifact: CI waits on every transfer in turn).
      if (getWhereItRuns(context).oneShotProgram() !== null && !calls.some(transfersFile)) return;
      // Also last (it reads the bodies of this file's functions the iteration calls): iterations
      // that look records up and create the missing ones depend on each other's creates.
      if (findsOrCreates(loop, calls)) return;

      // Positive evidence, asked last: a round trip per item, work the author already runs
      // together, a list fetched from a store, or a progress display per item. Without any of
      // it the loop is a few local steps or items the program itself listed: not worth a change.
      if (options.requireEvidence !== false && !worthGathering(loop, calls)) return;
      const fix = loop.type === AST_NODE_TYPES.ForOfStatement ? buildMap(loop, scan) : null;
      context.report({
        node: firstAwait,
        messageId: 'awaitInLoop',
        suggest: fix
          ? [{ messageId: 'useGatherMap', fix: (fixer) => fixer.replaceText(loop, fix) }]
          : [],
      });
    }

    /**
     * The positive evidence the rule requires before it reports (see `analysis/iteration-evidence.ts`):
     * an awaited call of the iteration waits on another machine or process, or its per-item function
     * of this file gathers its own steps or does heavy off-thread work (a stream pipeline, images,
     * compression); or the function around the loop gathers other work; or the list is the answer of
     * a remote call; or the body ticks a progress display; or the loop serves a request or a job
     * (`WhereItRuns`) over a list it was handed or fetched, and no awaited call is shown to be local.
     */
    function worthGathering(loop: CheckedLoop, calls: readonly AwaitedCall[]): boolean {
      const evidence = getIterationEvidence(context);
      if (calls.some((call) => evidence.waitsRemotely(call) || evidence.gathersInside(call) || evidence.doesHeavyWork(call))) return true;
      if (evidence.gathersBeside(loop) || evidence.ticksProgress(loop.body)) return true;
      const list = iteratedListNode(loop);
      if (list !== null && evidence.listFromRemoteAnswer(list)) return true;
      // A request or job handler over the data it is handed or fetched, waiting on calls that are
      // not shown to be local: someone waits for this loop, and the items are the data's.
      const where = getWhereItRuns(context).ofNode(loop);
      return (
        where.kind === 'concurrent' &&
        (where.evidence.kind === 'request-handler' || where.evidence.kind === 'queue-consumer') &&
        list !== null &&
        ['parameter', 'awaited', 'listing'].includes(evidence.listOrigin(list)) &&
        calls.every((call) => {
          const waits = effects.summaryOf(call)?.waits;
          return waits !== 'memory' && waits !== 'files' && waits !== 'cached';
        })
      );
    }

    /** The list a loop walks: the right side of `for...of`/`for...in`, or `items` of `i < items.length`. */
    function iteratedListNode(loop: CheckedLoop): TSESTree.Node | null {
      if (loop.type !== AST_NODE_TYPES.ForStatement) return loop.right;
      const test = loop.test?.type === AST_NODE_TYPES.BinaryExpression ? skipTransparent(loop.test.right) : null;
      return test?.type === AST_NODE_TYPES.MemberExpression && staticMemberName(test) === 'length' ? test.object : null;
    }

    /** Adds to `dependents` every name the body declares from an iteration-dependent value, in source order. */
    function markDerived(body: TSESTree.Node, dependents: PathSet): void {
      const visit = (node: TSESTree.Node): void => {
        if (isFunctionNode(node)) return;
        if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
          if (dependents.overlapsAny(collectAccesses(node.init, visitorKeys).reads)) dependents.addAll(patternNames(node.id));
        }
        forEachChild(node, visitorKeys, visit);
      };
      visit(body);
    }

    /**
     * `await Promise.all(Array.from(items, async (item) => { ...body... }));` (`items.map(...)` when
     * the type checker says `items` is an array), or null when the rewrite would not be exact:
     * a label on the loop, a `var` or `arguments` in the body, effects whose order the rewrite
     * would change (`results.push`, logging, indexed stores), a shadowed `Promise`/`Array`.
     * `continue;` becomes `return;`.
     */
    function buildMap(loop: TSESTree.ForOfStatement, scan: BodyScan): string | null {
      if (scan.orderedEffects || scan.notMovable || loop.parent.type === AST_NODE_TYPES.LabeledStatement) return null;
      if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.kind === 'var') return null;
      const [declarator] = loop.left.declarations;
      if (!declarator) return null;
      const scope = sourceCode.getScope(loop);
      if (!isGlobalPromise(scope)) return null;
      const body = loop.body;
      let bodyText = sourceCode.getText(body);
      const offset = body.range[0];
      for (const statement of [...scan.continues].sort((a, b) => b.range[0] - a.range[0])) {
        const start = statement.range[0] - offset;
        bodyText = `${bodyText.slice(0, start)}return${bodyText.slice(start + 'continue'.length)}`;
      }
      if (body.type !== AST_NODE_TYPES.BlockStatement) bodyText = `{ ${bodyText} }`;
      const callback = `async (${sourceCode.getText(declarator.id)}) => ${bodyText}`;
      const right = loop.right;
      const rightText = sourceCode.getText(right);
      let iteration: string;
      if (isArrayTyped(right, services) === true) {
        iteration = `${isMemberSafe(right) ? rightText : `(${rightText})`}.map(${callback})`;
      } else {
        const array = findVariable(scope, 'Array');
        if (array && array.defs.length > 0) return null;
        const argument = right.type === AST_NODE_TYPES.SequenceExpression ? `(${rightText})` : rightText;
        iteration = `Array.from(${argument}, ${callback})`;
      }
      return `await Promise.all(${iteration});`;
    }

    return {
      ForOfStatement: check,
      ForInStatement: check,
      ForStatement: check,
    };
  },
});
