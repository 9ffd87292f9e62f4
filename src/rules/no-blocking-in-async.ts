import {
  AST_NODE_TYPES,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import { type ExecutionContext, type FunctionNode, getExecutionContext } from '../analysis/async-context';
import { busyWaitLoop, type LoopNode } from '../analysis/busy-wait';
import { ApiCatalogIndex, type ApiEntry, type ApiReference, apiSourceName } from '../analysis/imports';
import {
  BlockingHelperSummaries,
  invokedIdentifiers,
  isUnconditionalPart,
  type LocalFunction,
  resolveLocalFunction,
} from '../analysis/local-calls';
import {
  asiGuard,
  canAwaitIn,
  type ImportLayout,
  isDirectlyInProgram,
  isRequireCall,
  isRequireExpression,
  needsParentheses,
  planTwinAccess,
  readImportLayout,
} from '../analysis/promise-twin-fix';
import {
  API_SPEC_SCHEMA,
  type ApiSpec,
  readAsyncPitfallsSettings,
  specPath,
  specSource,
} from '../analysis/settings';
import {
  BLOCKING_API_GROUPS,
  type BlockingCategory,
  CATEGORY_REPLACEMENTS,
  CLOCK_APIS,
  CLOCK_CONSTRUCTORS,
  PATTERN_REPLACEMENTS,
  type PromiseTwin,
  STDIO_FD_APIS,
  SYNC_XHR_CONSTRUCTORS,
  TEST_CALLBACK_APIS,
} from '../catalog/blocking-apis';
import { variableOfIdentifier } from '../util/ast';
import { getSourceWords } from '../analysis/source-words';
import { createRule } from '../util/create-rule';
import { getTypedServices } from '../util/typed-services';

export type Options = [
  {
    allow?: ApiSpec[];
    additionalBlockingApis?: ApiSpec[];
    checkTopLevelAwait?: boolean;
    checkTestCallbacks?: boolean;
  },
];

export type MessageIds =
  | 'blockingFileSystem'
  | 'blockingProcess'
  | 'blockingCrypto'
  | 'blockingCompression'
  | 'blockingSleep'
  | 'blockingSyncXhr'
  | 'blockingCall'
  | 'blockingHelper'
  | 'useAsyncTwin';

/** How many same-file helpers deep a blocking call is followed (`a() -> b() -> c() -> fs.readFileSync`). */
const MAX_HELPER_DEPTH = 3;

const CATEGORY_MESSAGES: Record<BlockingCategory, MessageIds> = {
  fileSystem: 'blockingFileSystem',
  process: 'blockingProcess',
  crypto: 'blockingCrypto',
  compression: 'blockingCompression',
  sleep: 'blockingSleep',
  syncXhr: 'blockingSyncXhr',
  other: 'blockingCall',
};

/** What an entry of the rule's import index stands for. */
type IndexInfo =
  | { kind: 'blocking'; api: BlockingApi }
  | { kind: 'clock'; name: string }
  | { kind: 'xhr' }
  | { kind: 'test' };

interface BlockingApi {
  readonly category: BlockingCategory;
  /** Not blocking when the first argument is stdout's or stderr's descriptor (see `STDIO_FD_APIS`). */
  readonly stdioExempt?: boolean;
  /** How the message names it: `fs.readFileSync`, `Atomics.wait`. */
  readonly name: string;
  readonly replacement: string;
  readonly twin?: PromiseTwin;
}

/** A blocking operation found in the file: a call, a busy-wait loop, or a synchronous XHR `open`. */
interface Operation {
  readonly node: TSESTree.Node;
  readonly api: BlockingApi;
  /** The module the API was resolved to (`fs`), for suggestions; null for patterns and globals. */
  readonly module: string | null;
  /** Typed mode: the function of another project file that `node` calls and that makes the call. */
  readonly via?: string;
}


function specKey(source: string, path: readonly string[]): string {
  return `${source.replace(/^node:/, '')}\0${path.join('.')}`;
}

/** The rule's import index: the catalog plus options and settings, minus what is allowed. */
function buildIndex(
  additional: readonly ApiSpec[],
  allow: readonly ApiSpec[],
  checkTestCallbacks: boolean,
): ApiCatalogIndex<IndexInfo> {
  const allowed = new Set<string>();
  for (const spec of allow) {
    const name = apiSourceName(specSource(spec));
    for (const path of spec.names) allowed.add(specKey(name, specPath(path)));
  }
  const entries: ApiEntry<IndexInfo>[] = [];
  const add = (entry: ApiEntry<IndexInfo>): void => {
    const name = apiSourceName(entry.source);
    if (entry.info.kind === 'blocking' && allowed.has(specKey(name, entry.path))) return;
    entries.push(entry);
  };
  for (const group of BLOCKING_API_GROUPS) {
    const sourceName = apiSourceName(group.source);
    for (const name of group.names) {
      const replacement =
        typeof group.replacement === 'string'
          ? group.replacement
          : (group.replacement?.[name] ?? CATEGORY_REPLACEMENTS[group.category]);
      const twin = group.twins?.[name];
      const api: BlockingApi = {
        category: group.category,
        name: name ? `${sourceName}.${name}` : sourceName,
        replacement,
        ...(twin ? { twin } : {}),
        ...(group.category === 'fileSystem' && STDIO_FD_APIS.has(name) ? { stdioExempt: true } : {}),
      };
      add({ source: group.source, path: specPath(name), use: 'call', info: { kind: 'blocking', api } });
    }
  }
  for (const spec of additional) {
    const source = specSource(spec);
    const sourceName = apiSourceName(source);
    for (const name of spec.names) {
      const path = specPath(name);
      const api: BlockingApi = {
        category: 'other',
        name: path.length ? `${sourceName}.${path.join('.')}` : sourceName,
        replacement: CATEGORY_REPLACEMENTS.other,
      };
      add({ source, path, use: 'call', info: { kind: 'blocking', api } });
    }
  }
  for (const clock of CLOCK_APIS) {
    const sourceName = apiSourceName(clock.source);
    for (const name of clock.names) {
      entries.push({ source: clock.source, path: specPath(name), use: 'call', info: { kind: 'clock', name: `${sourceName}.${name}()` } });
    }
  }
  for (const source of CLOCK_CONSTRUCTORS) {
    entries.push({ source, path: [], use: 'construct', info: { kind: 'clock', name: `new ${apiSourceName(source)}()` } });
  }
  for (const source of SYNC_XHR_CONSTRUCTORS) entries.push({ source, path: [], use: 'construct', info: { kind: 'xhr' } });
  if (!checkTestCallbacks) {
    for (const api of TEST_CALLBACK_APIS) {
      for (const name of api.names) entries.push({ source: api.source, path: specPath(name), use: 'call', info: { kind: 'test' } });
    }
  }
  return new ApiCatalogIndex(entries);
}


/** The `xhr.open(method, url, false)` calls on a `const`/`let` bound once to `new XMLHttpRequest()`. */
function* syncXhrOpens(
  construct: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Generator<TSESTree.CallExpression> {
  const declarator = construct.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== construct ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return;
  }
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== reference.identifier ||
        member.computed ||
        member.property.type !== AST_NODE_TYPES.Identifier ||
        member.property.name !== 'open'
      ) {
        continue;
      }
      const call = member.parent;
      const asyncArgument = call.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[2] : undefined;
      if (call.type === AST_NODE_TYPES.CallExpression && asyncArgument?.type === AST_NODE_TYPES.Literal && asyncArgument.value === false) {
        yield call;
      }
    }
  }
}

/** `1`, `2`, `process.stdout.fd`, `process.stderr.fd`. */
function isStdioDescriptor(node: TSESTree.Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.Literal) return node.value === 1 || node.value === 2;
  return (
    node?.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'fd' &&
    node.object.type === AST_NODE_TYPES.MemberExpression &&
    !node.object.computed &&
    node.object.property.type === AST_NODE_TYPES.Identifier &&
    (node.object.property.name === 'stdout' || node.object.property.name === 'stderr') &&
    node.object.object.type === AST_NODE_TYPES.Identifier &&
    node.object.object.name === 'process'
  );
}

/** The identifier a callee chain starts from: `fs` in `fs.a.b(...)`, `read` in `read(...)`. */
function calleeRoot(callee: TSESTree.Expression): TSESTree.Identifier | null {
  let current: TSESTree.Node = callee;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}


/**
 * The twin a suggestion may use for this call, or null when the call's arguments could make the
 * twin behave differently: a numeric first argument (a file descriptor, which the promise API does
 * not take), `stat`/`lstat` options that are not a literal without `throwIfNoEntry`, spread arguments.
 */
function exactTwin(operation: Operation): PromiseTwin | null {
  const twin = operation.api.twin;
  const call = operation.node;
  if (!twin || operation.module !== 'fs' || call.type !== AST_NODE_TYPES.CallExpression || call.optional) return null;
  if (call.parent.type === AST_NODE_TYPES.ChainExpression) return null;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number') return null;
  if (twin.name === 'stat' || twin.name === 'lstat') {
    const options = call.arguments[1];
    if (
      options &&
      (options.type !== AST_NODE_TYPES.ObjectExpression ||
        options.properties.some(
          (property) =>
            property.type !== AST_NODE_TYPES.Property ||
            property.computed ||
            (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'throwIfNoEntry'),
        ))
    ) {
      return null;
    }
  }
  return twin;
}

/**
 * The index for default options, built once when the module loads: building it costs more than
 * linting a small file, and it is immutable (only options or settings that add or allow APIs need
 * their own, built per file).
 */
const DEFAULT_INDEX = buildIndex([], [], false);

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous blocking calls inside async functions',
      recommended: 'recommended',
      strictOptions: [{ checkTopLevelAwait: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: API_SPEC_SCHEMA,
            description: "Blocking APIs to accept, e.g. [{ module: 'fs', names: ['existsSync'] }].",
          },
          additionalBlockingApis: {
            type: 'array',
            items: API_SPEC_SCHEMA,
            description: "More blocking APIs (in-house libraries), e.g. [{ module: '@acme/io', names: ['readSync'] }].",
          },
          checkTopLevelAwait: {
            type: 'boolean',
            description: 'Also report blocking calls in the top-level code of a module that uses top-level await.',
          },
          checkTestCallbacks: {
            type: 'boolean',
            description: "Also report blocking calls in async test and hook callbacks (`it`, `test`, `beforeEach`, ...).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      blockingFileSystem:
        "'{{name}}' does file-system I/O synchronously and blocks the event loop inside this async function; use {{replacement}}.",
      blockingProcess:
        "'{{name}}' waits for another process synchronously and blocks the event loop inside this async function; use {{replacement}}.",
      blockingCrypto:
        "'{{name}}' runs slow cryptography synchronously and blocks the event loop inside this async function; use {{replacement}}.",
      blockingCompression:
        "'{{name}}' compresses or decompresses synchronously and blocks the event loop inside this async function; use {{replacement}}.",
      blockingSleep:
        "'{{name}}' sleeps by blocking the thread, so nothing else runs while this async function waits; use {{replacement}}.",
      blockingSyncXhr:
        "'{{name}}' makes a synchronous HTTP request and blocks the event loop inside this async function; use {{replacement}}.",
      blockingCall: "'{{name}}' is a blocking call inside this async function; use {{replacement}}.",
      blockingHelper:
        "'{{helper}}()' blocks the event loop inside this async function ({{chain}}); make it asynchronous and use {{replacement}}.",
      useAsyncTwin: "Replace with 'await {{twin}}()' from 'node:fs/promises'.",
    },
  },
  defaultOptions: [{ allow: [], additionalBlockingApis: [], checkTopLevelAwait: false, checkTestCallbacks: false }],
  create(context, [options]) {
    // Reports are made only in async functions (the text has `async`), or with
    // `checkTopLevelAwait` in a module with top-level `await`.
    const words = getSourceWords(context);
    if (!words.has('async') && !(options.checkTopLevelAwait && words.has('await'))) return {};
    const sourceCode = context.sourceCode;
    const settings = readAsyncPitfallsSettings(context.settings);
    const additional = [...(options.additionalBlockingApis ?? []), ...settings.blockingApis];
    const allow = [...(options.allow ?? []), ...settings.allowBlocking];
    const checkTestCallbacks = options.checkTestCallbacks ?? false;
    const index =
      additional.length === 0 && allow.length === 0 && !checkTestCallbacks
        ? DEFAULT_INDEX
        : buildIndex(additional, allow, checkTestCallbacks);
    /** Async callbacks of tests and hooks (`it('...', async () => {})`), skipped unless checkTestCallbacks. */
    const testCallbacks = new Set<TSESTree.Node>();
    const typed = getTypedServices(context);
    /** Wrappers in other project files already examined for this file (typed mode). */
    const wrapperCache: Parameters<typeof index.resolveWrapper>[2] = new Map();
    const calls: TSESTree.CallExpression[] = [];
    const dynamicImports: TSESTree.ImportExpression[] = [];
    let kind: 'esm' | 'cjs' | null = null;
    let layout: ImportLayout | null = null;
    /** How a new import is written when the file has none: CommonJS when it calls require() or is configured so. */
    const moduleKind = (): 'esm' | 'cjs' =>
      (kind ??= context.languageOptions.sourceType !== 'module' || calls.some(isRequireCall) ? 'cjs' : 'esm');
    let hasTopLevelAwait = false;

    const noteAwait = (node: TSESTree.Node): void => {
      if (options.checkTopLevelAwait && !hasTopLevelAwait && getExecutionContext(node).kind === 'top-level') {
        hasTopLevelAwait = true;
      }
    };

    /** Where an operation is reported directly: its async function, or the module with top-level await. */
    const reportedContext = (executionContext: ExecutionContext): FunctionNode | TSESTree.Program | null => {
      if (executionContext.kind === 'function') {
        return executionContext.node.async && !testCallbacks.has(executionContext.node) ? executionContext.node : null;
      }
      if (executionContext.kind === 'top-level' && options.checkTopLevelAwait && hasTopLevelAwait) return executionContext.node;
      return null;
    };

    /** True when the typed path should ask the checker about this call: its callee starts at an import. */
    const isImportRooted = (call: TSESTree.CallExpression): boolean => {
      const root = calleeRoot(call.callee);
      if (!root) return false;
      const variable = variableOfIdentifier(sourceCode, root);
      return (
        variable?.defs.some(
          (definition) =>
            definition.type === 'ImportBinding' ||
            (definition.type === 'Variable' && definition.node.init != null && isRequireExpression(definition.node.init)),
        ) ?? false
      );
    };

    const collectOperations = (): Operation[] => {
      const operations: Operation[] = [];
      const seen = new Set<TSESTree.Node>();
      const loops = new Set<LoopNode>();
      for (const reference of index.references(sourceCode, dynamicImports) as Iterable<ApiReference<IndexInfo>>) {
        const info = reference.info;
        if (info.kind === 'blocking') {
          if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          seen.add(reference.node);
          if (info.api.stdioExempt && isStdioDescriptor(reference.node.arguments[0])) continue;
          operations.push({ node: reference.node, api: info.api, module: reference.source });
        } else if (info.kind === 'test') {
          for (const argument of reference.node.arguments) testCallbacks.add(argument);
        } else if (info.kind === 'clock') {
          const loop = busyWaitLoop(reference.node);
          if (loop && !loops.has(loop)) {
            loops.add(loop);
            operations.push({
              node: loop,
              api: { category: 'sleep', name: `busy-wait loop on ${info.name}`, replacement: PATTERN_REPLACEMENTS.busyWait },
              module: null,
            });
          }
        } else {
          for (const open of syncXhrOpens(reference.node, sourceCode)) {
            operations.push({
              node: open,
              api: { category: 'syncXhr', name: 'XMLHttpRequest.open(..., false)', replacement: PATTERN_REPLACEMENTS.syncXhr },
              module: null,
            });
          }
        }
      }
      if (typed) {
        for (const call of calls) {
          if (seen.has(call) || !isImportRooted(call)) continue;
          const reference = typedLookup(() => index.resolveByDeclaration(call, typed));
          if (reference) {
            if (reference.info.kind === 'blocking' && !(reference.info.api.stdioExempt && isStdioDescriptor(call.arguments[0]))) {
              operations.push({ node: call, api: reference.info.api, module: reference.source });
            }
            continue;
          }
          const wrapper = typedLookup(() => index.resolveWrapper(call, typed, wrapperCache));
          if (wrapper?.info.kind === 'blocking') {
            operations.push({ node: call, api: wrapper.info.api, module: wrapper.source, via: wrapper.name });
          }
        }
      }
      return operations;
    };

    const suggest = (operation: Operation, where: FunctionNode | TSESTree.Program): TSESLint.ReportSuggestionArray<MessageIds> => {
      const twin = exactTwin(operation);
      const call = operation.node;
      if (!twin || call.type !== AST_NODE_TYPES.CallExpression) return [];
      if (where.type === AST_NODE_TYPES.Program ? getExecutionContext(call).node !== where || !isDirectlyInProgram(call) : !canAwaitIn(call, where)) {
        return [];
      }
      layout ??= readImportLayout(sourceCode.ast);
      const access = planTwinAccess(twin, call, sourceCode, layout, moduleKind());
      if (!access) return [];
      const rest = sourceCode.text.slice(call.callee.range[1], call.range[1]);
      const awaited = `await ${access.expression}${rest}`;
      const text = needsParentheses(call) ? `${asiGuard(call, sourceCode)}(${awaited})` : awaited;
      return [
        {
          messageId: 'useAsyncTwin',
          data: { twin: twin.name },
          fix: (fixer) => {
            const fixes = [fixer.replaceText(call, text)];
            if (access.addImport) fixes.push(access.addImport(fixer));
            return fixes;
          },
        },
      ];
    };

    return {
      CallExpression(node) {
        calls.push(node);
      },
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      AwaitExpression: noteAwait,
      'ForOfStatement[await=true]': noteAwait,
      'Program:exit'() {
        const operations = collectOperations();
        const helpers = new BlockingHelperSummaries<Operation>(MAX_HELPER_DEPTH);
        for (const operation of operations) {
          const executionContext = getExecutionContext(operation.node);
          const where = reportedContext(executionContext);
          if (where && operation.via) {
            context.report({
              node: operation.node,
              messageId: 'blockingHelper',
              data: {
                helper: operation.via,
                chain: `${operation.via}() -> ${operation.api.name}`,
                replacement: operation.api.replacement,
              },
            });
          } else if (where) {
            context.report({
              node: operation.node,
              messageId: CATEGORY_MESSAGES[operation.api.category],
              data: { name: operation.api.name, replacement: operation.api.replacement },
              suggest: suggest(operation, where),
            });
          } else if (executionContext.kind === 'function') {
            if (isUnconditionalPart(operation.node, executionContext.node, sourceCode)) {
              helpers.addOperation(executionContext.node, operation);
            }
          }
        }
        if (!helpers.hasOperations) return;
        const reportable: { call: TSESTree.Identifier; target: LocalFunction }[] = [];
        for (const call of calls) {
          for (const invoked of invokedIdentifiers(call)) {
            const executionContext = getExecutionContext(invoked);
            if (reportedContext(executionContext) !== null) {
              const target = resolveLocalFunction(invoked, sourceCode);
              if (target) reportable.push({ call: invoked, target });
            } else if (executionContext.kind === 'function' && isUnconditionalPart(invoked, executionContext.node, sourceCode)) {
              // Resolved only if an async function reaches this caller (see `addLazyCall`).
              helpers.addLazyCall(executionContext.node, () => resolveLocalFunction(invoked, sourceCode));
            }
          }
        }
        for (const { call, target } of reportable) {
          const chain = helpers.chainFrom(target);
          if (!chain) continue;
          context.report({
            node: call,
            messageId: 'blockingHelper',
            data: {
              helper: target.name,
              chain: [
                ...chain.helpers.map((helper) => `${helper.name}()`),
                ...(chain.operation.via ? [`${chain.operation.via}()`] : []),
                chain.operation.api.name,
              ].join(' -> '),
              replacement: chain.operation.api.replacement,
            },
          });
        }
      },
    };
  },
});


/**
 * Runs a typed-mode lookup. Type information only adds findings: if the checker fails on one call
 * (a parser that maps nodes partially, such as an embedded-script parser), that call stays
 * unresolved instead of failing the whole lint run.
 */
function typedLookup<R>(lookup: () => R | null): R | null {
  try {
    return lookup();
  } catch {
    return null;
  }
}
