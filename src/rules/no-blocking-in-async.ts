import {
  AST_NODE_TYPES,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import { type ExecutionContext, type FunctionNode, getExecutionContext, isFunctionNode } from '../analysis/async-context';
import { busyWaitLoop, type LoopNode } from '../analysis/busy-wait';
import { ApiCatalogIndex, type ApiEntry, type ApiReference, apiSourceName } from '../analysis/imports';
import { feedsRequire } from '../analysis/module-loading';
import { registersOnDevServer } from '../analysis/dev-servers';
import { BlockingHelperSummaries, deepestNodeAt, isFirstCallPart, isOneTimePart, isUnconditionalPart } from '../analysis/local-calls';
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
  CONTENT_READ_FS_APIS,
  CONTENT_WRITE_FS_APIS,
  ONE_PATH_FS_APIS,
  PATTERN_REPLACEMENTS,
  type PromiseTwin,
  RECURSIVE_OPTION_FS_NAMES,
  STDIO_FD_APIS,
  SYNC_XHR_CONSTRUCTORS,
  TEST_CALLBACK_APIS,
} from '../catalog/blocking-apis';
import { type ConcurrencyEvidence, getWhereItRuns, type RunContext, runsPerEvent } from '../analysis/where-it-runs';
import { hasOption, isTrueLiteral, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { getSourceWords, type SourceWords } from '../analysis/source-words';
import { RECORD_WRITE_METHODS } from '../catalog/iteration-order';
import { createRule } from '../util/create-rule';
import { getTypedServices } from '../util/typed-services';

export type Options = [
  {
    allow?: ApiSpec[];
    additionalBlockingApis?: ApiSpec[];
    checkTopLevelAwait?: boolean;
    checkTestCallbacks?: boolean;
    reportIn?: ReportIn;
  },
];

/**
 * Which async functions the rule checks:
 * - `concurrent`: those that run, or may run, while other work of the process waits (see
 *   `analysis/where-it-runs.ts`): not those that provably run alone (a one-shot script or CLI
 *   command) or in a worker thread; and not, there, a file read on a failure path just before a
 *   throw, a lone `existsSync`, a one-time step behind a done flag or cache, or a final hand-off
 *   to a child process (see `quietReason`);
 * - `all`: every async function, every blocking call (the plain convention).
 */
export type ReportIn = 'concurrent' | 'all';

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
/** A path of the kernel's virtual file systems (`/proc/meminfo`, `/proc/123/stat`, `/sys/class/...`). */
const KERNEL_FILE_PATH = /^\/(?:proc|sys)\//;

interface Operation {
  readonly node: TSESTree.Node;
  readonly api: BlockingApi;
  /** The module the API was resolved to (`fs`), for suggestions; null for patterns and globals. */
  readonly module: string | null;
  /** Typed mode: the function of another project file that `node` calls and that makes the call. */
  readonly via?: string;
  /** It runs only on its helper's first call (it fills a cache, see `isFirstCallPart`). */
  readonly once?: boolean;
  /** It runs once per process in its helper: behind a done flag or a cache it fills (see `isOneTimePart`). */
  readonly oneTime?: boolean;
  /** It is a file metadata call (see `isCheapMetadataCall`). */
  readonly cheap?: boolean;
  /** Its work is bounded by one path (see `isOnePathCall`). */
  readonly onePath?: boolean;
}

/**
 * File metadata calls: one or a few system calls on a path each, microseconds on a local disk
 * (`stat`, `statfs`, `access`, `readlink`, `realpath`; see `isCheapMetadataCall` for `mkdir`).
 */
const CHEAP_CHECKS: ReadonlySet<string> = new Set([
  'fs.existsSync',
  'fs.statSync',
  'fs.lstatSync',
  'fs.accessSync',
  'fs.realpathSync',
  'fs.readlinkSync',
  'fs.statfsSync',
  'fs-extra.existsSync',
  'fs-extra.statSync',
  'fs-extra.lstatSync',
  'fs-extra.pathExistsSync',
  'fs-extra.realpathSync',
  'fs-extra.readlinkSync',
  'fs-extra.ensureDirSync',
  'fs-extra.mkdirpSync',
  'fs-extra.mkdirsSync',
  'graceful-fs.existsSync',
  'graceful-fs.statSync',
  'graceful-fs.lstatSync',
  'graceful-fs.realpathSync',
]);

/** `mkdirSync`, cheap only as `mkdir -p` (`{ recursive: true }`): it creates or finds a directory. */
const RECURSIVE_MKDIR: ReadonlySet<string> = new Set(['fs.mkdirSync', 'fs-extra.mkdirSync', 'graceful-fs.mkdirSync']);

/**
 * True when `call` of `api` is a file metadata call (see `CHEAP_CHECKS`), or
 * `mkdirSync(dir, { recursive: true })`.
 */
function isCheapMetadataCall(call: TSESTree.Node, api: BlockingApi): boolean {
  if (CHEAP_CHECKS.has(api.name)) return true;
  if (!RECURSIVE_MKDIR.has(api.name) || call.type !== AST_NODE_TYPES.CallExpression) return false;
  return hasOption(call.arguments[1], 'recursive', isTrueLiteral);
}

/**
 * True when `call` of `api` works on one path (`ONE_PATH_FS_APIS`: one folder's entries, metadata,
 * one text file): a whole-file read or write (`CONTENT_READ_FS_APIS`, `CONTENT_WRITE_FS_APIS`) only
 * when the call shows text (`readsText`, `isTextData`); for the APIs that walk a tree when asked
 * (`RECURSIVE_OPTION_FS_NAMES`), only when the call shows no `recursive` option (no options, an
 * encoding string, an object literal without `recursive` or with `recursive: false`); options held
 * in a variable may ask for it.
 */
function isOnePathCall(call: TSESTree.Node, api: BlockingApi, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!ONE_PATH_FS_APIS.has(api.name) || call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (CONTENT_READ_FS_APIS.has(api.name)) return readsText(call);
  if (CONTENT_WRITE_FS_APIS.has(api.name)) return isTextData(call.arguments[1], sourceCode, 0);
  if (!RECURSIVE_OPTION_FS_NAMES.has(api.name.slice(api.name.indexOf('.') + 1))) return true;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const options = call.arguments[1];
  if (options === undefined || (options.type === AST_NODE_TYPES.Literal && typeof options.value === 'string')) return true;
  return (
    options.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        (property.key.name !== 'recursive' || (property.value.type === AST_NODE_TYPES.Literal && property.value.value === false)),
    )
  );
}

/** `JSON.<method>` (`JSON.parse`, `JSON.stringify`). */
function isJsonMethod(callee: TSESTree.Node, method: string): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON' &&
    staticMemberName(callee) === method
  );
}

/**
 * Encodings that read a file as text. Not `base64`/`hex`/`binary`: a user's photo read as a data
 * URL is as large as the photo.
 */
const TEXT_ENCODINGS: ReadonlySet<string> = new Set(['utf8', 'utf-8', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'ascii']);

/** A string literal naming a text encoding (`'utf8'`, `'UTF-8'`). */
function isTextEncoding(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && TEXT_ENCODINGS.has(node.value.toLowerCase());
}

/**
 * True when a whole-file read asks for text: a text encoding (`readFileSync(file, 'utf8')`,
 * `{ encoding: 'utf8' }`), or its result is `toString()`-ed or `JSON.parse`d (a settings, version
 * or style file). A read of bytes (a checksum of an installer) costs as much as the file is large.
 */
function readsText(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[1];
  if (isTextEncoding(options) || hasOption(options, 'encoding', isTextEncoding)) return true;
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call && staticMemberName(parent) === 'toString') {
    const toString = parent.parent;
    return toString.type === AST_NODE_TYPES.CallExpression && toString.callee === parent && (toString.arguments.length === 0 || isTextEncoding(toString.arguments[0]));
  }
  return parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === call && isJsonMethod(parent.callee, 'parse');
}

/** String methods whose result is text (`name.replace('.tar.gz', '')`, `lines.join('\n')`). */
const TEXT_METHODS: ReadonlySet<string> = new Set([
  'join',
  'normalize',
  'padEnd',
  'padStart',
  'repeat',
  'replace',
  'replaceAll',
  'substring',
  'toISOString',
  'toLowerCase',
  'toString',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
]);

/** How many names deep `isTextData` follows a variable to the values assigned to it. */
const MAX_TEXT_DEPTH = 3;

/**
 * True when `node`, the data of a whole-file write, is visibly text: a string literal, a template,
 * `JSON.stringify(...)`, `String(...)`, a string method's result, a text read (`readsText`), a
 * `+` with text on one side, or a name every assignment of which is one of those. Data of unknown
 * shape (`await render(clip)`, `clip.data`) may be a video of any size.
 */
function isTextData(node: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): boolean {
  if (node === undefined || depth > MAX_TEXT_DEPTH) return false;
  const value = skipTransparent(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+' && (isTextData(value.left, sourceCode, depth) || isTextData(value.right, sourceCode, depth));
    case AST_NODE_TYPES.CallExpression: {
      const { callee } = value;
      if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String' || (callee.name === 'readFileSync' && readsText(value));
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = staticMemberName(callee);
      return isJsonMethod(callee, 'stringify') || (method !== null && TEXT_METHODS.has(method)) || (method === 'readFileSync' && readsText(value));
    }
    case AST_NODE_TYPES.Identifier: {
      const writes = variableOfIdentifier(sourceCode, value)?.references.filter((reference) => reference.writeExpr) ?? [];
      return writes.length > 0 && writes.every((reference) => reference.writeExpr && isTextData(reference.writeExpr, sourceCode, depth + 1));
    }
    default:
      return false;
  }
}

/**
 * The evidence of a desktop app's own tasks started together (see `runsAsDesktopTask`), as opposed
 * to requests, jobs or events it serves.
 */
const TASK_EVIDENCE: ReadonlySet<ConcurrencyEvidence['kind']> = new Set(['gathered', 'per-item', 'limiter', 'not-awaited']);

/** The file-system APIs that write a file: `fs.writeFileSync`, `fs.appendFileSync`, `fs-extra.outputJsonSync`, ... */
const FILE_WRITE = /^(?:fs|graceful-fs|fs-extra|jsonfile|write-file-atomic)\.(?:writeFileSync|appendFileSync|outputFileSync|writeJsonSync|outputJsonSync|writeJSONSync|outputJSONSync|sync)$/;

/** How many cheap metadata calls a function may make (direct, or through helpers) and stay quiet. */
const MAX_CHEAP_CALLS = 3;

/** The APIs that hand the terminal to a child process and wait for it (see `isProcessHandOff`). */
const HAND_OFF_APIS: ReadonlySet<string> = new Set([
  'child_process.spawnSync',
  'child_process.execFileSync',
  'child_process.execSync',
  'execa.sync',
  'execa.execaSync',
  'execa.execaCommandSync',
  'execa.commandSync',
  'cross-spawn.sync',
]);

/** `'inherit'`, or an array whose elements are all `'inherit'` (or `process.stdin/out/err`). */
function isInheritedStdio(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === 'inherit';
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.every(
      (element) =>
        element !== null &&
        (isInheritedStdio(element) ||
          (element.type === AST_NODE_TYPES.MemberExpression &&
            element.object.type === AST_NODE_TYPES.Identifier &&
            element.object.name === 'process')),
    );
  }
  return false;
}

const EXIT_STATUS = /\bprocess\s*\.\s*(?:exit\s*\(|exitCode\s*=)/;

/**
 * True when `operation` hands the process over to a child: a `spawnSync`-like call (see
 * `HAND_OFF_APIS`) with `stdio: 'inherit'`, followed in its block by `process.exit(...)` or
 * `process.exitCode = ...` or a `return` that passes on its status (the statement mentions
 * `status`/`exitCode` or the variable the result is bound to), or inside a `try` whose `catch`
 * does so, or written as the last statement of the function (the function ends when the child
 * does). Nothing else is waiting: the program has become the child.
 */
function isProcessHandOff(operation: Operation, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const call = operation.node;
  if (call.type !== AST_NODE_TYPES.CallExpression || !HAND_OFF_APIS.has(operation.api.name)) return false;
  const inherits = call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'stdio' &&
          isInheritedStdio(property.value),
      ),
  );
  if (!inherits) return false;
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement && statement.parent.type !== AST_NODE_TYPES.Program) {
    if (statement.parent.type === AST_NODE_TYPES.ArrowFunctionExpression || statement.parent.type === AST_NODE_TYPES.FunctionExpression || statement.parent.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const declarator = statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0] : undefined;
  const bound = declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : null;
  const passesStatus = (text: string): boolean =>
    (EXIT_STATUS.test(text) || /^\s*return\b/.test(text)) && (/\b(?:status|exitCode)\b/.test(text) || (bound !== null && new RegExp(`\\b${bound}\\b`).test(text)));
  const following = block.body.slice(block.body.indexOf(statement as TSESTree.Statement) + 1);
  if (following.some((next) => passesStatus(sourceCode.getText(next)))) return true;
  // The function's last statement (`execFileSync('node', [script], { stdio: 'inherit' })` closing a
  // migration step): the function ends when the child does, and the terminal is the child's meanwhile.
  if (following.length === 0 && statement.type === AST_NODE_TYPES.ExpressionStatement && block.parent && isFunctionNode(block.parent)) return true;
  const tryStatement = block.parent;
  return tryStatement?.type === AST_NODE_TYPES.TryStatement && tryStatement.block === block && tryStatement.handler !== null && passesStatus(sourceCode.getText(tryStatement.handler));
}

/**
 * True when `node` is on a failure path of `fn`: inside a `throw`, or in a block (an `if` branch or
 * a `catch` clause) that ends by throwing or calling `process.exit`. What runs there runs once,
 * when the work has already failed.
 */
function isFailurePath(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
    const owner = current.parent;
    if (owner?.type !== AST_NODE_TYPES.IfStatement && owner?.type !== AST_NODE_TYPES.CatchClause) continue;
    const last = current.body[current.body.length - 1];
    if (last?.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (
      last?.type === AST_NODE_TYPES.ExpressionStatement &&
      last.expression.type === AST_NODE_TYPES.CallExpression &&
      last.expression.callee.type === AST_NODE_TYPES.MemberExpression &&
      last.expression.callee.object.type === AST_NODE_TYPES.Identifier &&
      last.expression.callee.object.name === 'process' &&
      staticMemberName(last.expression.callee) === 'exit'
    ) {
      return true;
    }
  }
  return false;
}

/** Why code of a function with this evidence runs beside other work, as a relative clause ("which ..."). */
function concurrencyClause(evidence: ConcurrencyEvidence): string {
  switch (evidence.kind) {
    case 'gathered':
      return `${evidence.api}() runs beside other tasks`;
    case 'per-item':
      return `.${evidence.method}() runs once per item, all at the same time`;
    case 'limiter':
      return `${evidence.module} runs beside other tasks`;
    case 'not-awaited':
      return 'is started without await and runs beside other work';
    case 'request-handler':
      return `handles requests (${evidence.via}) while other requests wait`;
    case 'queue-consumer':
      return `handles jobs (${evidence.via}) while other jobs wait`;
    case 'event-handler':
      return `handles events (${evidence.via}) while other work waits`;
    case 'deferred':
      return `${evidence.via}() runs later, beside other work`;
    case 'exported':
      return 'is exported: callers may run it beside other work';
  }
}

/**
 * Where the message places the call: "inside this async function", and when the function runs
 * concurrently, why that hurts there (of the function itself, or of the same-file caller that
 * awaits it).
 */
function whereText(runContext: RunContext | null): string {
  if (runContext?.kind !== 'concurrent') return 'inside this async function';
  const clause = concurrencyClause(runContext.evidence);
  if (runContext.caller === null) return `inside this async function, which ${clause}`;
  const by = runContext.caller ? ` by '${runContext.caller}'` : '';
  return `inside this async function, awaited${by} in code that ${clause}`;
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
 * True when some call of the file has the callee `require` (an identifier of that name, declared or
 * not): every such callee is a reference of some scope, so the scopes' references are searched, and
 * only when the text has the word.
 */
function callsRequire(sourceCode: Readonly<TSESLint.SourceCode>, words: SourceWords): boolean {
  if (!words.has('require')) return false;
  return (sourceCode.scopeManager?.scopes ?? []).some((scope) =>
    scope.references.some((reference) => {
      const identifier = reference.identifier;
      const parent = identifier.parent;
      return identifier.type === AST_NODE_TYPES.Identifier && parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier && isRequireCall(parent);
    }),
  );
}

/**
 * The nodes that run as part of `fn`'s own execution (their execution context, see
 * `getExecutionContext`, is `fn`) and are the deepest node holding an occurrence of `word` (a
 * keyword: `await`, `return`) inside `fn`, each with the occurrence's offset. Only the word's
 * occurrences are visited, each by one descent from `fn` (`deepestNodeAt`), not `fn`'s whole body.
 */
function* ownNodesAtWord(
  fn: FunctionNode,
  word: string,
  words: SourceWords,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Generator<{ readonly node: TSESTree.Node; readonly offset: number }> {
  for (const offset of words.occurrences(word, fn.range[0], fn.range[1])) {
    const node = deepestNodeAt(fn, offset, sourceCode.visitorKeys);
    if (node === fn) continue;
    const execution = getExecutionContext(node);
    if (execution.kind === 'function' && execution.node === fn) yield { node, offset };
  }
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
      strictOptions: [{ checkTopLevelAwait: true, reportIn: 'all' }],
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
            description:
              "Also report blocking calls in async test and hook callbacks (`it`, `test`, `beforeEach`, ...), and with reportIn 'concurrent' in the rest of test code (test files, test folders, test helpers).",
          },
          reportIn: {
            type: 'string',
            enum: ['concurrent', 'all'],
            description:
              "'concurrent': report blocking calls where other work may be waiting (concurrent code, and code whose callers are unknown), not in one-shot scripts, CLI commands or worker threads. 'all': every blocking call in every async function.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      blockingFileSystem:
        "'{{name}}' does file-system I/O synchronously and blocks the event loop {{where}}; use {{replacement}}.",
      blockingProcess:
        "'{{name}}' waits for another process synchronously and blocks the event loop {{where}}; use {{replacement}}.",
      blockingCrypto:
        "'{{name}}' runs slow cryptography synchronously and blocks the event loop {{where}}; use {{replacement}}.",
      blockingCompression:
        "'{{name}}' compresses or decompresses synchronously and blocks the event loop {{where}}; use {{replacement}}.",
      blockingSleep:
        "'{{name}}' sleeps by blocking the thread (nothing else runs) {{where}}; use {{replacement}}.",
      blockingSyncXhr:
        "'{{name}}' makes a synchronous HTTP request and blocks the event loop {{where}}; use {{replacement}}.",
      blockingCall: "'{{name}}' is a blocking call {{where}}; use {{replacement}}.",
      blockingHelper:
        "'{{helper}}()' blocks the event loop {{where}} ({{chain}}); make it asynchronous and use {{replacement}}.",
      useAsyncTwin: "Replace with 'await {{twin}}()' from 'node:fs/promises'.",
    },
  },
  defaultOptions: [
    { allow: [], additionalBlockingApis: [], checkTopLevelAwait: false, checkTestCallbacks: false, reportIn: 'concurrent' },
  ],
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
    const reportAll = options.reportIn === 'all';
    const index =
      additional.length === 0 && allow.length === 0 && !checkTestCallbacks
        ? DEFAULT_INDEX
        : buildIndex(additional, allow, checkTestCallbacks);
    /** Async callbacks of tests and hooks (`it('...', async () => {})`), skipped unless checkTestCallbacks. */
    const testCallbacks = new Set<TSESTree.Node>();
    const typed = getTypedServices(context);
    /** Wrappers in other project files already examined for this file (typed mode). */
    const wrapperCache: Parameters<typeof index.resolveWrapper>[2] = new Map();
    /** Typed mode: every call of the file, for the checker to resolve (see `collectOperations`). */
    const calls: TSESTree.CallExpression[] = [];
    const dynamicImports: TSESTree.ImportExpression[] = [];
    let kind: 'esm' | 'cjs' | null = null;
    let layout: ImportLayout | null = null;
    /** How a new import is written when the file has none: CommonJS when it calls require() or is configured so. */
    const moduleKind = (): 'esm' | 'cjs' =>
      (kind ??= context.languageOptions.sourceType !== 'module' || callsRequire(sourceCode, words) ? 'cjs' : 'esm');
    /** With `checkTopLevelAwait`: the module has an `await` or `for await` of its own top level. */
    let hasTopLevelAwait = false;
    const noteTopLevelAwait = (node: TSESTree.Node): void => {
      if (!hasTopLevelAwait && getExecutionContext(node).kind === 'top-level') hasTopLevelAwait = true;
    };

    /** True when `fn` has an `await` or a `for await` of its own (asked by `quietReason` of few functions). */
    const awaitsItself = (fn: FunctionNode): boolean => {
      for (const { node, offset } of ownNodesAtWord(fn, 'await', words, sourceCode)) {
        if ((node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] === offset) || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) return true;
      }
      return false;
    };
    /** The calls an async function returns the result of (`return fs.promises.readFile(p)`). */
    const returnedCallsOf = (fn: FunctionNode): TSESTree.CallExpression[] => {
      const returned: TSESTree.CallExpression[] = [];
      for (const { node, offset } of ownNodesAtWord(fn, 'return', words, sourceCode)) {
        if (node.type !== AST_NODE_TYPES.ReturnStatement || node.range[0] !== offset || !node.argument) continue;
        const argument = skipTransparent(node.argument);
        if (argument.type === AST_NODE_TYPES.CallExpression) returned.push(argument);
      }
      return returned;
    };

    /** Where an operation is reported directly: its async function, or the module with top-level await. */
    const reportedContext = (executionContext: ExecutionContext): FunctionNode | TSESTree.Program | null => {
      if (executionContext.kind === 'function') {
        return executionContext.node.async && !testCallbacks.has(executionContext.node) ? executionContext.node : null;
      }
      if (executionContext.kind === 'top-level' && options.checkTopLevelAwait && hasTopLevelAwait) return executionContext.node;
      return null;
    };

    /**
     * Where the reported async function runs, or null at the top level (see `analysis/where-it-runs`).
     * With `reportIn: 'all'` only asked for the message.
     */
    const runContextOf = (where: FunctionNode | TSESTree.Program): RunContext | null =>
      where.type === AST_NODE_TYPES.Program ? null : getWhereItRuns(context).ofFunction(where);

    /**
     * True when `reportIn: 'concurrent'` keeps quiet about code that runs there (alone, once per
     * process, in a worker); test code (see `WhereItRuns.isTestCode`) only unless `checkTestCallbacks`.
     */
    const runsWhereBlockingIsHarmless = (runContext: RunContext | null, operation: Operation): boolean =>
      !reportAll &&
      ((runContext?.kind === 'alone' && !(checkTestCallbacks && runContext.evidence.kind === 'test-code')) ||
        runContext?.kind === 'once' ||
        (runContext?.kind === 'worker-thread' && !sleepsInThreadWorker(operation)));

    /**
     * True when `operation` sleeps (`Atomics.wait`, a busy-wait loop) in a `worker_threads` worker
     * (`WhereItRuns.isWorkerFile`): the worker exists to do blocking work, but a sleep does none;
     * its messages wait while the thread idles, where awaiting a timer (or `Atomics.waitAsync`)
     * would let them run. A pool's worker module, which runs one task at a time, has nothing waiting.
     */
    const sleepsInThreadWorker = (operation: Operation): boolean =>
      operation.api.category === 'sleep' && getWhereItRuns(context).isWorkerFile();

    /** Blocking operations per reported function (direct, and calls of blocking helpers), for `quietReason`. */
    const operationsByFunction = new Map<TSESTree.Node, Operation[]>();
    const addOperation = (where: TSESTree.Node, operation: Operation): void => {
      const list = operationsByFunction.get(where);
      if (list) list.push(operation);
      else operationsByFunction.set(where, [operation]);
    };

    /**
     * Why `reportIn: 'concurrent'` leaves out an operation in code that may run concurrently, or null:
     * - `failure`: a file-system call on a failure path (see `isFailurePath`);
     * - `hand-off`: a final hand-off to a child process (see `isProcessHandOff`);
     * - `server-start`: the function creates a server after the call, on the same path (see
     *   `WhereItRuns.startsServerAfter`), and runs not per request, job or event itself: the
     *   call runs once, before that server serves anything;
     * - `dev-server`: the function serves requests or events of a bundler's development server
     *   (see `registersOnDevServer`: a Vite middleware, a webpack-dev-server route), which serves
     *   one developer's browser;
     * - `module-loading`: a file-system call whose result reaches a `require()` the function runs
     *   itself (`for (const file of readdirSync(dir)) require(join(dir, file))`, see
     *   `feedsRequire`): loading a folder of modules, which `require` does synchronously anyway;
     *   not per request, job or event, where `require` answers from its cache but the listing
     *   goes to the disk each time;
     * - `sync-twin`: a file-system step that the async function shares with its synchronous twin
     *   (`transformAsync` beside `transform`, see `WhereItRuns.sharesStepWithSyncTwin`);
     * - `output`: a file write in the branch that writes the program's output to a file instead
     *   of the terminal (see `WhereItRuns.isTerminalOutputAlternative`; `FILE_WRITE`);
     * - `one-time`: it runs once per process, behind a done flag or a cache it fills, in the
     *   function or in the helper that performs it (see `isOneTimePart`): start-up cost, paid once;
     * - `desktop-task`: a file-system call bounded by one path (`isOnePathCall`: a text file's
     *   content, a folder's entries, metadata) in a desktop app's task started together with its
     *   other tasks (`runsAsDesktopTask`), not inside a request, job or event handler: the app's own
     *   handful of tasks on one person's files, where such a call costs that person a moment; bytes
     *   of any size, a recursive delete or copy, a child process, slow cryptography or compression
     *   stay reported;
     * - `kernel-file`: a file-system call on a path written out under `/proc/` or `/sys/` (see
     *   `readsKernelFile`): the kernel answers from memory, without a disk;
     * - `new-secret`: slow cryptography whose result the function saves as a new record's or an
     *   updated record's field (see `savesNewSecret`): a sign-up, a password change, a new API key,
     *   once per person's action, not per request; only where the function is not itself a
     *   request, job or event handler (`runsPerEvent`): a route that anyone may post to (a public
     *   sign-up) can be flooded, and stays reported;
     * - `cheap-check`: the function does other asynchronous work (it awaits, or returns the promise
     *   of a call that is not blocking), and its only blocking operations (direct, or through
     *   same-file helpers) are up to `MAX_CHEAP_CALLS` file metadata calls (`isCheapMetadataCall`:
     *   `existsSync(p)`, `existsSync(p) && statSync(p).isFile()`, `realpathSync(dir)`,
     *   `mkdirSync(dir, { recursive: true })`): one such call on a local path costs microseconds,
     *   about what the promise replacing it costs.
     */
    const quietReason = (operation: Operation, where: FunctionNode | TSESTree.Program): string | null => {
      if (reportAll || where.type === AST_NODE_TYPES.Program) return null;
      if (operation.api.category === 'fileSystem' && readsKernelFile(operation.node)) return 'kernel-file';
      if (operation.api.category === 'crypto' && !runsPerEvent(runContextOf(where)) && savesNewSecret(operation.node, where)) return 'new-secret';
      if (operation.oneTime || isOneTimePart(operation.node, where, sourceCode)) return 'one-time';
      if (operation.api.category === 'fileSystem' && isFailurePath(operation.node, where)) return 'failure';
      if (operation.api.category === 'fileSystem' && !runsPerEvent(runContextOf(where)) && feedsRequire(operation.node, where, sourceCode)) {
        return 'module-loading';
      }
      if (operation.api.category === 'fileSystem' && getWhereItRuns(context).sharesStepWithSyncTwin(where, operation.node)) return 'sync-twin';
      if (FILE_WRITE.test(operation.api.name) && getWhereItRuns(context).isTerminalOutputAlternative(operation.node, where)) return 'output';
      if (operation.api.category === 'process' && isProcessHandOff(operation, sourceCode)) return 'hand-off';
      if (servesDevServer(runContextOf(where))) return 'dev-server';
      if (where.body !== null && !runsPerEvent(runContextOf(where)) && getWhereItRuns(context).startsServerAfter(operation.node, where)) return 'server-start';
      if (operation.onePath === true && runsAsDesktopTask(runContextOf(where)) && !insideEventHandler(where)) return 'desktop-task';
      const all = operationsByFunction.get(where) ?? [];
      const returnsOtherWork = (): boolean =>
        returnedCallsOf(where).some((call) => !all.some((other) => other.node === call || other.node === call.callee));
      if (
        all.length <= MAX_CHEAP_CALLS &&
        all.every((other) => other.cheap === true) &&
        (awaitsItself(where) || returnsOtherWork())
      ) {
        return 'cheap-check';
      }
      return null;
    };

    /**
     * True when the call's path (its first argument) is written out under `/proc/` or `/sys/`
     * (`readFileSync('/proc/meminfo', 'utf8')`, `` `/proc/${pid}/stat` ``): a file of the kernel's,
     * made from memory as it is read; no disk is waited for.
     */
    const readsKernelFile = (node: TSESTree.Node): boolean => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const first = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
      const text =
        first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
          ? first.value
          : first?.type === AST_NODE_TYPES.TemplateLiteral
            ? (first.quasis[0]?.value.cooked ?? '')
            : null;
      return text !== null && KERNEL_FILE_PATH.test(text);
    };

    /**
     * True when the value of the cryptography call `node` (a hash of a password or a key) is kept in
     * a `const` of `where`'s own code that is then handed, as a value or a property of an object, to
     * a call that writes a record (`RECORD_WRITE_METHODS`: `prisma.user.create({ data: { password:
     * hashed } })`, `repo.update(id, { hashedKey })`): the function saves a new secret (a sign-up, a
     * password change, a new API key), once per person's action. A hash compared with a stored one
     * or used to look a record up runs on every sign-in or request, and stays reported.
     */
    const savesNewSecret = (node: TSESTree.Node, where: FunctionNode): boolean => {
      // A helper's call is reported at the name it invokes (`digest` of `this.digest(token)`).
      let call: TSESTree.Node = node;
      if (call.parent?.type === AST_NODE_TYPES.MemberExpression && call.parent.property === call) call = call.parent;
      if (call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call) call = call.parent;
      const declarator = call.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      if (declarator.parent.kind !== 'const') return false;
      const variable = variableOfIdentifier(sourceCode, declarator.id);
      if (!variable) return false;
      return variable.references.some((reference) => {
        if (reference.init) return false;
        let current: TSESTree.Node = reference.identifier;
        for (let parent: TSESTree.Node | undefined = current.parent; parent && parent !== where; parent = parent.parent) {
          if (isFunctionNode(parent)) return false;
          if (parent.type === AST_NODE_TYPES.CallExpression) {
            if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
            const callee = skipTransparent(parent.callee);
            const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
            return name !== null && RECORD_WRITE_METHODS.has(name);
          }
          const kept =
            parent.type === AST_NODE_TYPES.Property ||
            parent.type === AST_NODE_TYPES.ObjectExpression ||
            parent.type === AST_NODE_TYPES.ConditionalExpression ||
            parent.type === AST_NODE_TYPES.LogicalExpression ||
            parent.type === AST_NODE_TYPES.AwaitExpression;
          if (!kept) return false;
          current = parent;
        }
        return false;
      });
    };

    /**
     * True when `runContext` is a desktop app's task that the app starts together with its other
     * tasks (`TASK_EVIDENCE`: gathered, per item, through a limiter, started without await), not a
     * handler of requests, jobs or events (an HTTP server in the main process serves whoever
     * connects). The file must belong to an Electron app by its package
     * (`WhereItRuns.inElectronAppPackage`: a packager or a product name), not merely to a package
     * that depends on Electron: a library tested against Electron (a settings store) runs in its
     * callers' processes, and this silence overrides strong evidence. Without such evidence a
     * desktop app's code is left out whole (`alone`, `desktop-app`).
     */
    const runsAsDesktopTask = (runContext: RunContext | null): boolean =>
      runContext?.kind === 'concurrent' && TASK_EVIDENCE.has(runContext.evidence.kind) && getWhereItRuns(context).inElectronAppPackage();

    /**
     * True when a function enclosing `where` handles requests, jobs or events (`runsPerEvent`): the
     * tasks an HTTP handler of the main process starts together for one request (a page per id
     * asked for) run once per request, for whoever connects.
     */
    const insideEventHandler = (where: FunctionNode): boolean => {
      for (let node: TSESTree.Node | null | undefined = where.parent; node; node = node.parent) {
        if (isFunctionNode(node) && runsPerEvent(runContextOf(node))) return true;
      }
      return false;
    };

    /** True when `runContext` serves requests or events registered on a bundler's dev server (`registersOnDevServer`). */
    const servesDevServer = (runContext: RunContext | null): boolean =>
      runContext?.kind === 'concurrent' &&
      (runContext.evidence.kind === 'request-handler' || runContext.evidence.kind === 'event-handler') &&
      registersOnDevServer(runContext.node, sourceCode);

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
          operations.push({
            node: reference.node,
            api: info.api,
            module: reference.source,
            cheap: isCheapMetadataCall(reference.node, info.api),
            onePath: isOnePathCall(reference.node, info.api, sourceCode),
          });
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
              operations.push({
                node: call,
                api: reference.info.api,
                module: reference.source,
                cheap: isCheapMetadataCall(call, reference.info.api),
                onePath: isOnePathCall(call, reference.info.api, sourceCode),
              });
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
      layout ??= readImportLayout(sourceCode);
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
      ...(typed ? { CallExpression: (node: TSESTree.CallExpression) => void calls.push(node) } : {}),
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      ...(options.checkTopLevelAwait ? { AwaitExpression: noteTopLevelAwait, 'ForOfStatement[await=true]': noteTopLevelAwait } : {}),
      'Program:exit'() {
        const operations = collectOperations();
        const helpers = new BlockingHelperSummaries<Operation>(MAX_HELPER_DEPTH);
        const direct: { operation: Operation; where: FunctionNode | TSESTree.Program }[] = [];
        for (const operation of operations) {
          const executionContext = getExecutionContext(operation.node);
          const where = reportedContext(executionContext);
          if (where) {
            direct.push({ operation, where });
            addOperation(where, operation);
          } else if (executionContext.kind === 'function') {
            if (isUnconditionalPart(operation.node, executionContext.node, sourceCode)) {
              helpers.addOperation(executionContext.node, operation);
            } else if (isFirstCallPart(operation.node, executionContext.node, sourceCode)) {
              const oneTime = isOneTimePart(operation.node, executionContext.node, sourceCode);
              helpers.addOperation(executionContext.node, { ...operation, once: true, ...(oneTime ? { oneTime } : {}) });
            }
          }
        }
        const chains = helpers.hasOperations ? helpers.callsOfBlockingHelpers(sourceCode, words, reportedContext) : [];
        for (const { invoked, chain, where } of chains) addOperation(where, { ...chain.operation, node: invoked });
        for (const { operation, where } of direct) {
          const runContext = runContextOf(where);
          if (runsWhereBlockingIsHarmless(runContext, operation) || quietReason(operation, where)) continue;
          if (operation.via) {
            context.report({
              node: operation.node,
              messageId: 'blockingHelper',
              data: {
                helper: operation.via,
                chain: `${operation.via}() -> ${operation.api.name}`,
                replacement: operation.api.replacement,
                where: whereText(runContext),
              },
            });
          } else {
            context.report({
              node: operation.node,
              messageId: CATEGORY_MESSAGES[operation.api.category],
              data: { name: operation.api.name, replacement: operation.api.replacement, where: whereText(runContext) },
              suggest: suggest(operation, where),
            });
          }
        }
        for (const { invoked, target, where, chain } of chains) {
          const runContext = runContextOf(where);
          if (runsWhereBlockingIsHarmless(runContext, chain.operation) || quietReason({ ...chain.operation, node: invoked }, where)) continue;
          context.report({
            node: invoked,
            messageId: 'blockingHelper',
            data: {
              helper: target.name,
              chain: [
                ...chain.helpers.map((helper) => `${helper.name}()`),
                ...(chain.operation.via ? [`${chain.operation.via}()`] : []),
                chain.operation.api.name,
              ].join(' -> ') + (chain.operation.once ? ', on its first call' : ''),
              replacement: chain.operation.api.replacement,
              where: whereText(runContext),
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
