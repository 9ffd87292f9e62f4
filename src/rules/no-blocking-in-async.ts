import {
  AST_NODE_TYPES,
  ASTUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import {
  type ExecutionContext,
  type FunctionNode,
  getExecutionContext,
  isFunctionNode,
} from '../analysis/async-context';
import { ApiCatalogIndex, type ApiEntry, type ApiReference, apiSourceName } from '../analysis/imports';
import {
  BlockingHelperSummaries,
  invokedIdentifiers,
  isUnconditionalPart,
  type LocalFunction,
  resolveLocalFunction,
} from '../analysis/local-calls';
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
} from '../catalog/blocking-apis';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    allow?: ApiSpec[];
    additionalBlockingApis?: ApiSpec[];
    checkTopLevelAwait?: boolean;
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
  | { kind: 'xhr' };

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

type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

function specKey(source: string, path: readonly string[]): string {
  return `${source.replace(/^node:/, '')}\0${path.join('.')}`;
}

/** The rule's import index: the catalog plus options and settings, minus what is allowed. */
function buildIndex(additional: readonly ApiSpec[], allow: readonly ApiSpec[]): ApiCatalogIndex<IndexInfo> {
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
  return new ApiCatalogIndex(entries);
}

const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/** The loop a statement is the body of, or the only other statement of. */
function loopOf(statement: TSESTree.Node, only: boolean): LoopNode | null {
  let body: TSESTree.Node = statement;
  if (statement.parent?.type === AST_NODE_TYPES.BlockStatement) {
    if (only && statement.parent.body.length !== 1) return null;
    body = statement.parent;
  }
  const loop = body.parent;
  return loop && isLoop(loop) && loop.body === body ? loop : null;
}

function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement
  );
}

/** `name`, or arithmetic on it (`now - start`). */
function isArithmeticOf(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name;
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    ['-', '+', '*', '/'].includes(node.operator) &&
    (isArithmeticOf(node.left, name) || isArithmeticOf(node.right, name))
  );
}

function isBreak(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.BlockStatement) return node.body.length === 1 && node.body[0] !== undefined && isBreak(node.body[0]);
  return node.type === AST_NODE_TYPES.BreakStatement && node.label === null;
}

/**
 * The loop a clock read makes a busy-wait, or null. The read (possibly inside arithmetic, a member
 * access, `.getTime()`, unary `+`) must be one side of a `<`/`<=`/`>`/`>=` comparison with a
 * deadline, and the loop must only spin (see `isSpinBody`):
 * - the comparison is (alone or in `&&`/`||`) the loop's condition: `while (Date.now() < end) {}`;
 * - or it is the condition of `if (...) break;`, the only statement of a `while (true)` / `for (;;)`;
 * - or the read is assigned to the variable the loop condition compares:
 *   `while (now < end) { now = Date.now(); }`.
 * A loop that does work until a time budget runs out is not a sleep and is not returned.
 */
function busyWaitLoop(clock: TSESTree.Node): LoopNode | null {
  let child: TSESTree.Node = clock;
  let compared = false;
  let parent: TSESTree.Node | undefined = clock.parent;
  walk: for (; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.BinaryExpression:
        if (RELATIONAL.has(parent.operator)) {
          if (compared) return null;
          compared = true;
        } else if (!['-', '+', '*', '/'].includes(parent.operator)) {
          return null;
        }
        continue;
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        // process.hrtime()[0], new Date().getTime()
        continue;
      case AST_NODE_TYPES.CallExpression:
        // Number(process.hrtime.bigint()), new Date().getTime(); any other call of the read is unknown
        if (parent.callee === child && !isTimeValueRead(child)) return null;
        continue;
      case AST_NODE_TYPES.UnaryExpression:
        // +new Date()
        if (parent.operator !== '+') return null;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        if (!compared) return null;
        continue;
      default:
        break walk;
    }
  }
  if (!parent) return null;
  if (isLoop(parent)) return compared && parent.test === child && isSpinBody(parent.body, null) ? parent : null;
  if (parent.type === AST_NODE_TYPES.IfStatement) {
    if (!compared || parent.test !== child || parent.alternate || !isBreak(parent.consequent)) return null;
    const loop = loopOf(parent, true);
    const forever = loop?.test == null || (loop.test.type === AST_NODE_TYPES.Literal && loop.test.value === true);
    return loop && forever ? loop : null;
  }
  if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    !compared &&
    parent.operator === '=' &&
    parent.right === child &&
    parent.left.type === AST_NODE_TYPES.Identifier &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    const name = parent.left.name;
    const statement = parent.parent;
    const loop = loopOf(statement, false);
    const test = loop?.test;
    const comparesVariable =
      test?.type === AST_NODE_TYPES.BinaryExpression &&
      RELATIONAL.has(test.operator) &&
      [test.left, test.right].some((side) => isArithmeticOf(side, name));
    return loop && comparesVariable && isSpinBody(loop.body, statement) ? loop : null;
  }
  return null;
}

/** `<date>.getTime` / `<date>.valueOf`: reading the time of a `new Date()`. */
function isTimeValueRead(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'getTime' || callee.property.name === 'valueOf')
  );
}

const SPIN_BODY_BUDGET = 40;

/**
 * True when a loop body does nothing but spin: empty, or only updates and assignments of
 * variables and constants (`spins++`, `x = y + 1`), with no call, `new`, `await` or `yield`, in at
 * most `SPIN_BODY_BUDGET` nodes. `clockUpdate` is the one statement that may read the clock.
 */
function isSpinBody(body: TSESTree.Statement, clockUpdate: TSESTree.Node | null): boolean {
  let budget = SPIN_BODY_BUDGET;
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node === clockUpdate) continue;
    if (--budget < 0) return false;
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
        stack.push(...node.body);
        break;
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ContinueStatement:
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        stack.push(node.expression);
        break;
      case AST_NODE_TYPES.UpdateExpression:
        stack.push(node.argument);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.BinaryExpression:
        stack.push(node.left, node.right);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        stack.push(node.argument);
        break;
      default:
        return false;
    }
  }
  return true;
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

/** True when `node` is inside `fn`'s parameters (where `await` is not allowed). */
function isInParameters(node: TSESTree.Node, fn: FunctionNode): boolean {
  return fn.params.some((param) => param.range[0] <= node.range[0] && node.range[1] <= param.range[1]);
}

/**
 * True when an `await` written at `node` would be valid and awaited by `fn`: no function boundary
 * (not even an inline callback) between them, and not in the parameters.
 */
function canAwaitIn(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === fn) return !isInParameters(node, fn);
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return false;
    }
  }
  return false;
}

/** True when `await call` must be parenthesized to keep the call's place in the expression. */
function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === call;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === call;
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === call;
    default:
      return false;
  }
}

/**
 * `;` when a statement would start with the `(` of `(await ...)` right after a line without a
 * semicolon, which would otherwise continue the previous line as a call.
 */
function asiGuard(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (statement.parent.range[0] !== call.range[0]) return '';
    statement = statement.parent;
  }
  if (statement.parent?.range[0] !== call.range[0]) return '';
  const before = sourceCode.getTokenBefore(call);
  return before && ![';', '{', '}'].includes(before.value) ? ';' : '';
}

const FS_PROMISES_MODULES = new Set(['fs/promises', 'node:fs/promises']);

function isRequireOf(node: TSESTree.Node | null | undefined, modules: ReadonlySet<string>): boolean {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string' &&
    modules.has(node.arguments[0].value)
  );
}

function isRequireCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require';
}

/** `require('x')`, `require('x').a.b`: a value that comes from another module. */
function isRequireExpression(node: TSESTree.Expression): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.CallExpression && isRequireCall(current);
}

/** True when declaring `name` at module level would not capture or collide with anything seen from `scope`. */
function isNameFree(name: string, scope: TSESLint.Scope.Scope): boolean {
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    if (current.set.has(name)) return false;
    if (current.type === 'global' && current.through.some((reference) => reference.identifier.name === name)) return false;
  }
  return true;
}

/** How a suggestion names the promise twin and which import it adds (if any). */
interface TwinAccess {
  readonly expression: string;
  readonly addImport: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null;
}

/** Where a file's imports are, read once per file for all its suggestions. */
interface ImportLayout {
  readonly lastImport: TSESTree.Node | null;
  readonly lastRequire: TSESTree.Node | null;
  /** The first statement that is not a directive: where an import goes in a file without any. */
  readonly firstStatement: TSESTree.Node | null;
  /** Value imports of `fs/promises` / `node:fs/promises`. */
  readonly promiseImports: readonly TSESTree.ImportDeclaration[];
  /** `const x = require('fs/promises')` and `const { a } = require('node:fs/promises')`. */
  readonly promiseRequires: readonly TSESTree.VariableDeclarator[];
}

function readImportLayout(program: TSESTree.Program): ImportLayout {
  let lastImport: TSESTree.Node | null = null;
  let lastRequire: TSESTree.Node | null = null;
  const promiseImports: TSESTree.ImportDeclaration[] = [];
  const promiseRequires: TSESTree.VariableDeclarator[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      lastImport = statement;
    }
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.importKind !== 'type' &&
      FS_PROMISES_MODULES.has(statement.source.value)
    ) {
      promiseImports.push(statement);
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.init?.type === AST_NODE_TYPES.CallExpression && isRequireCall(declarator.init)) lastRequire = statement;
        if (isRequireOf(declarator.init, FS_PROMISES_MODULES)) promiseRequires.push(declarator);
      }
    }
  }
  const firstStatement =
    program.body.find(
      (statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined),
    ) ?? null;
  return { lastImport, lastRequire, firstStatement, promiseImports, promiseRequires };
}

/**
 * How to reach `twin` from `node:fs/promises` at `call`: an existing import or require of
 * `fs/promises` / `node:fs/promises` is reused (its binding, or a specifier added to its named
 * imports), else one is added after the last import (ES modules) or the last top-level statement
 * with a `require()` (CommonJS). Null when the twin's name is taken in scope: no suggestion then,
 * rather than an alias the reader did not ask for.
 */
function planTwinAccess(
  twin: PromiseTwin,
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  layout: ImportLayout,
  moduleKind: 'esm' | 'cjs',
): TwinAccess | null {
  const scope = sourceCode.getScope(call);
  const resolvesTo = (local: string, identifier: TSESTree.Identifier): boolean => {
    const variable = ASTUtils.findVariable(scope, local);
    return variable?.identifiers.includes(identifier) ?? false;
  };
  let namedImport: TSESTree.ImportDeclaration | null = null;
  for (const declaration of layout.promiseImports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (
          specifier.importKind !== 'type' &&
          specifier.imported.type === AST_NODE_TYPES.Identifier &&
          specifier.imported.name === twin.name &&
          resolvesTo(specifier.local.name, specifier.local)
        ) {
          return { expression: specifier.local.name, addImport: null };
        }
        namedImport ??= declaration;
      } else if (resolvesTo(specifier.local.name, specifier.local)) {
        return { expression: `${specifier.local.name}.${twin.name}`, addImport: null };
      }
    }
  }
  for (const declarator of layout.promiseRequires) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier && resolvesTo(declarator.id.name, declarator.id)) {
      return { expression: `${declarator.id.name}.${twin.name}`, addImport: null };
    }
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declarator.id.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === twin.name &&
        property.value.type === AST_NODE_TYPES.Identifier &&
        resolvesTo(property.value.name, property.value)
      ) {
        return { expression: property.value.name, addImport: null };
      }
    }
  }
  if (!isNameFree(twin.name, scope)) return null;
  if (namedImport) {
    const specifiers = namedImport.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const last = specifiers[specifiers.length - 1];
    if (last) return { expression: twin.name, addImport: (fixer) => fixer.insertTextAfter(last, `, ${twin.name}`) };
  }
  const esm = layout.lastImport !== null || moduleKind === 'esm';
  const line = esm
    ? `import { ${twin.name} } from 'node:fs/promises';`
    : `const { ${twin.name} } = require('node:fs/promises');`;
  const after = esm ? layout.lastImport : layout.lastRequire;
  if (after) return { expression: twin.name, addImport: (fixer) => fixer.insertTextAfter(after, `\n${line}`) };
  const first = layout.firstStatement;
  if (!first) return null;
  return { expression: twin.name, addImport: (fixer) => fixer.insertTextBefore(first, `${line}\n`) };
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
  defaultOptions: [{ allow: [], additionalBlockingApis: [], checkTopLevelAwait: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const settings = readAsyncPitfallsSettings(context.settings);
    const index = buildIndex(
      [...(options.additionalBlockingApis ?? []), ...settings.blockingApis],
      [...(options.allow ?? []), ...settings.allowBlocking],
    );
    const typed = typedServices(context);
    const calls: TSESTree.CallExpression[] = [];
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
      if (executionContext.kind === 'function') return executionContext.node.async ? executionContext.node : null;
      if (executionContext.kind === 'top-level' && options.checkTopLevelAwait && hasTopLevelAwait) return executionContext.node;
      return null;
    };

    /** True when the typed path should ask the checker about this call: its callee starts at an import. */
    const isImportRooted = (call: TSESTree.CallExpression): boolean => {
      const root = calleeRoot(call.callee);
      if (!root) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(call), root);
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
      for (const reference of index.references(sourceCode) as Iterable<ApiReference<IndexInfo>>) {
        const info = reference.info;
        if (info.kind === 'blocking') {
          if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          seen.add(reference.node);
          if (info.api.stdioExempt && isStdioDescriptor(reference.node.arguments[0])) continue;
          operations.push({ node: reference.node, api: info.api, module: reference.source });
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
          const wrapper = typedLookup(() => index.resolveWrapper(call, typed));
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
            const reported = reportedContext(executionContext) !== null;
            if (executionContext.kind !== 'function' && !reported) continue;
            const target = resolveLocalFunction(invoked, sourceCode);
            if (!target) continue;
            if (reported) reportable.push({ call: invoked, target });
            else if (executionContext.kind === 'function' && isUnconditionalPart(invoked, executionContext.node, sourceCode)) {
              helpers.addCall(executionContext.node, target);
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
 * The parser services when a program is present (typed mode), else null. Read directly rather than
 * through `ESLintUtils.getParserServices`, which throws for parsers other than typescript-eslint's
 * (espree users get the untyped path).
 */
function typedServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ParserServicesWithTypeInformation | null {
  const services = context.sourceCode.parserServices;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : null;
}

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

/** True when no function boundary separates `node` from the module's top level. */
function isDirectlyInProgram(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return false;
    }
  }
  return true;
}
