import { isBuiltin } from 'node:module';
import { CALL, CONSTRUCT, ReferenceTracker } from '@eslint-community/eslint-utils';
import { type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type * as ts from 'typescript';
import { skipTransparent, staticMemberName } from '../util/ast';
import { getRelativeModules, mayNameProjectModule } from './module-resolution';
import { type AnyRuleContext, perFile } from './per-file';
import { getSourceWords, type SourceWords } from './source-words';
import { nodeStartingAtAnyDepth } from './walk';

/**
 * Where an API lives. `module` is a specifier as users write it (`fs`, `fs-extra`); a Node
 * built-in also matches its `node:` form. `global` is a global object (`Atomics`, `Bun`).
 */
export type ApiSource = { readonly module: string } | { readonly global: string };

/** The module specifier or global name of a source. */
export function apiSourceName(source: ApiSource): string {
  return 'module' in source ? source.module : source.global;
}

/** How the API is used when it is reported: called (`f()`) or constructed (`new F()`). */
export type ApiUse = 'call' | 'construct';

/** One API of a catalog: `fs` + `['readFileSync']`, or `Atomics` + `['wait']`. */
export interface ApiEntry<T> {
  readonly source: ApiSource;
  /** Property path below the module or global; `[]` is the module's own (default) export. */
  readonly path: readonly string[];
  readonly use: ApiUse;
  readonly info: T;
}

/** A place in the file where a catalogued API is used. */
export interface ApiReference<T> {
  /** The CallExpression or NewExpression. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The module specifier without `node:`, or the global's name. */
  readonly source: string;
  readonly path: readonly string[];
  readonly info: T;
}

type TraceMap = Record<string, TraceNode>;
interface TraceNode {
  [key: string]: TraceNode;
  [CALL]?: unknown;
  [CONSTRUCT]?: unknown;
}

function insert<T>(root: TraceMap, key: string, entry: ApiEntry<T>, tag: string): void {
  let node: TraceNode = (root[key] ??= {});
  for (const segment of entry.path) node = node[segment] ??= {};
  node[entry.use === 'call' ? CALL : CONSTRUCT] = { tag, info: entry.info };
}

function entryKey(source: string, path: readonly string[], use: ApiUse): string {
  return `${source}\0${path.join('.')}\0${use}`;
}

interface Tagged<T> {
  tag: string;
  info: T;
}

/**
 * Finds every use of the catalogued APIs in a file, however they are imported:
 * ES imports (default, namespace, named, aliased; `legacy` mode so a default import of a
 * CommonJS module exposes its named exports), `require()` (with or without `require` declared
 * as a global), `import x = require()`, destructuring and re-bound aliases
 * (`const { readFileSync: read } = fs`), member chains (`require('fs').readFileSync`), and globals.
 * A local binding that merely shares an API's name is never matched: resolution goes through
 * scope analysis, not names.
 */
export class ApiCatalogIndex<T> {
  private readonly modules: TraceMap = {};
  private readonly globals: TraceMap = {};
  /** `source\0path\0use` -> entry, for lookups by declaration (typed mode). */
  private readonly byKey = new Map<string, ApiEntry<T>>();

  constructor(entries: Iterable<ApiEntry<T>>) {
    for (const entry of entries) {
      const sourceName = apiSourceName(entry.source);
      this.byKey.set(entryKey(sourceName.replace(/^node:/, ''), entry.path, entry.use), entry);
      if ('module' in entry.source) {
        const specifier = entry.source.module;
        insert(this.modules, specifier, entry, specifier);
        if (isBuiltin(specifier) && !specifier.startsWith('node:')) {
          insert(this.modules, `node:${specifier}`, entry, specifier);
        }
      } else {
        insert(this.globals, entry.source.global, entry, entry.source.global);
      }
    }
  }

  /** The module specifiers this index tracks, `node:` forms included (`fs`, `node:fs`, `axios`). */
  moduleSpecifiers(): string[] {
    return Object.keys(this.modules);
  }

  /** The globals this index tracks (`fetch`, `Promise`, `Atomics`). */
  globalNames(): string[] {
    return Object.keys(this.globals);
  }

  /**
   * The catalogued API a call resolves to by its declaration (typed mode, see
   * `declaredCalleeCandidates`): finds calls through re-exports and aliases in other files that
   * `references` cannot see. Null when the callee is not a catalogued API.
   */
  resolveByDeclaration(
    call: TSESTree.CallExpression,
    services: ParserServicesWithTypeInformation,
  ): ApiReference<T> | null {
    for (const candidate of declaredCalleeCandidates(call, services)) {
      const entry = this.byKey.get(entryKey(candidate.source, candidate.path, 'call'));
      if (entry) return { node: call, source: candidate.source, path: entry.path, info: entry.info };
    }
    return null;
  }

  /**
   * Typed mode: when `call` invokes a synchronous function written in another file of the project
   * (see `projectFunction`) that itself calls a catalogued API on every run (see
   * `unconditionalCalls`, resolved like `resolveByDeclaration`), that wrapper and API. One level
   * only; each wrapper is examined once per `cache`, which the caller keeps for one file (the
   * index itself stays immutable, so one index can serve every file).
   */
  resolveWrapper(
    call: TSESTree.CallExpression,
    services: ParserServicesWithTypeInformation,
    cache: Map<ts.Node, BlockingWrapper<T> | null>,
  ): BlockingWrapper<T> | null {
    const typescript = loadTypeScript();
    const checker = services.program.getTypeChecker();
    const tsCall = services.esTreeNodeToTSNodeMap.get(call);
    const target = projectFunction(tsCall, checker, services.program, typescript);
    if (!target) return null;
    const cached = cache.get(target.fn);
    if (cached !== undefined) return cached;
    let found: BlockingWrapper<T> | null = null;
    for (const inner of unconditionalCalls(target.fn, checker, typescript) ?? []) {
      for (const candidate of tsCallCandidates(inner, checker, typescript)) {
        const entry = this.byKey.get(entryKey(candidate.source, candidate.path, 'call'));
        if (entry) {
          found = { name: target.name, source: candidate.source, path: entry.path, info: entry.info };
          break;
        }
      }
      if (found) break;
    }
    cache.set(target.fn, found);
    return found;
  }

  /**
   * Every call or construction of a catalogued API in the file, once each. `dynamicImports` are
   * the file's `import('fs')` expressions, when the caller collected them in its traversal (scope
   * analysis does not list them): `const { readFileSync } = await import('fs')` then resolves too.
   */
  *references(
    sourceCode: Readonly<TSESLint.SourceCode>,
    dynamicImports: Iterable<TSESTree.ImportExpression> = [],
  ): Generator<ApiReference<T>> {
    const seen = new Set<TSESTree.Node>();
    for (const reference of this.allReferences(sourceCode, dynamicImports)) {
      if (seen.has(reference.node)) continue;
      seen.add(reference.node);
      yield reference;
    }
  }

  /**
   * Like `references`, but a call reached along several routes (two import forms, two paths of
   * the catalog) is yielded once per route, in the same order; `references` keeps the first.
   */
  *allReferences(
    sourceCode: Readonly<TSESLint.SourceCode>,
    dynamicImports: Iterable<TSESTree.ImportExpression> = [],
  ): Generator<ApiReference<T>> {
    const globalScope = sourceCode.scopeManager?.globalScope;
    if (!globalScope) return;
    // eslint-utils is typed against ESTree; the scope objects are the same at run time.
    const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
    const found = [
      ...tracker.iterateEsmReferences(this.modules as never),
      ...tracker.iterateCjsReferences(this.modules as never),
      ...tracker.iterateGlobalReferences(this.globals as never),
      ...this.undeclaredReferences(tracker, globalScope),
      ...this.importEqualsReferences(tracker, sourceCode),
      ...this.dynamicImportReferences(tracker, dynamicImports),
    ];
    for (const { node, path, info } of found) {
      const tagged = info as Tagged<T>;
      const target = node as unknown as TSESTree.Node;
      if (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) continue;
      yield { node: target, source: tagged.tag, path: path.slice(1), info: tagged.info };
    }
  }

  /**
   * `require('fs')` when `require` is not a declared global (a config without Node globals),
   * and globals such as `Bun`/`Deno` that the config does not declare. ReferenceTracker only
   * follows declared globals, so these start from the scope's unresolved references.
   */
  private *undeclaredReferences(
    tracker: ReferenceTracker,
    globalScope: TSESLint.Scope.Scope,
  ): Generator<{ node: unknown; path: string[]; info: unknown }> {
    for (const reference of globalScope.through) {
      const identifier = reference.identifier;
      if (identifier.type !== AST_NODE_TYPES.Identifier || globalScope.set.has(identifier.name)) continue;
      const name = identifier.name;
      if (name === 'require') {
        const call = identifier.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
        const specifier = call.arguments[0];
        if (specifier?.type !== AST_NODE_TYPES.Literal || typeof specifier.value !== 'string') continue;
        const map = Object.hasOwn(this.modules, specifier.value) ? this.modules[specifier.value] : undefined;
        if (map) yield* prefixed(tracker.iteratePropertyReferences(call as never, map as never), specifier.value);
      } else if (Object.hasOwn(this.globals, name)) {
        const map = this.globals[name];
        if (map) yield* prefixed(tracker.iteratePropertyReferences(identifier as never, map as never), name);
      }
    }
  }

  /** `await import('fs')`, assigned or destructured (`const fs = await import('fs')`). */
  private *dynamicImportReferences(
    tracker: ReferenceTracker,
    dynamicImports: Iterable<TSESTree.ImportExpression>,
  ): Generator<{ node: unknown; path: string[]; info: unknown }> {
    for (const expression of dynamicImports) {
      const source = expression.source;
      if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') continue;
      const specifier = source.value;
      const map = Object.hasOwn(this.modules, specifier) ? this.modules[specifier] : undefined;
      const awaited = expression.parent;
      if (!map || awaited.type !== AST_NODE_TYPES.AwaitExpression) continue;
      yield* prefixed(tracker.iteratePropertyReferences(awaited as never, map as never), specifier);
    }
  }

  /** TypeScript's `import fs = require('fs')`. */
  private *importEqualsReferences(
    tracker: ReferenceTracker,
    sourceCode: Readonly<TSESLint.SourceCode>,
  ): Generator<{ node: unknown; path: string[]; info: unknown }> {
    for (const statement of sourceCode.ast.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (
        declaration?.type !== AST_NODE_TYPES.TSImportEqualsDeclaration ||
        declaration.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference
      ) {
        continue;
      }
      const specifier = declaration.moduleReference.expression.value;
      const map = Object.hasOwn(this.modules, specifier) ? this.modules[specifier] : undefined;
      if (!map) continue;
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
        for (const reference of variable.references) {
          if (!reference.isRead()) continue;
          yield* prefixed(tracker.iteratePropertyReferences(reference.identifier as never, map as never), specifier);
        }
      }
    }
  }
}

function* prefixed<R extends { path: readonly string[] }>(
  references: Iterable<R>,
  head: string,
): Generator<R & { path: string[] }> {
  for (const reference of references) yield { ...reference, path: [head, ...reference.path] };
}

function skipExpressionWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    current = current.expression;
  }
  return current;
}

function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return null;
}

/**
 * The module and exported name a call's callee reads through an import: `f()` with `f` imported
 * or required from a module (the name it is exported as), or `ns.f()` on a namespace, whole-module
 * or default import (`f`). Null for anything else. `mayBeImport` gates on the root binding's name
 * before the scope lookup, for callers that know which names can be imports.
 */
export function importedCallee(
  callee: TSESTree.Node,
  variableOf: (identifier: TSESTree.Identifier) => TSESLint.Scope.Variable | null,
  mayBeImport: (name: string) => boolean = () => true,
): { module: string; name: string } | null {
  const target = skipTransparent(callee);
  let root: TSESTree.Node = target;
  let member: string | null = null;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    member = staticMemberName(target);
    root = skipTransparent(target.object);
    if (member === null) return null;
  }
  if (root.type !== AST_NODE_TYPES.Identifier || !mayBeImport(root.name)) return null;
  const variable = variableOf(root);
  const source = variable ? getImportSource(variable) : null;
  if (!source) return null;
  const whole = source.imported === '*' || (source.imported === 'default' && member !== null);
  const name = whole ? member : member === null ? source.imported : null;
  return name === null ? null : { module: source.module, name };
}

/**
 * How a binding is imported: the module specifier as written, and the exported name (`default`
 * for a default import, `*` for a namespace import or a whole `require()`). Covers ES imports,
 * `const x = require('m')`, `const x = require('m').name` and `const { name: x } = require('m')`.
 * Null for anything else (a local declaration, a global).
 */
export function getImportSource(variable: TSESLint.Scope.Variable): { module: string; imported: string } | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const module = declaration.source.value;
    const node = def.node;
    if (node.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
      return { module, imported };
    }
    if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, imported: 'default' };
    if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, imported: '*' };
    return null;
  }
  if (def.type !== 'Variable' || !def.node.init) return null;
  let init = skipExpressionWrappers(def.node.init);
  let member: string | null = null;
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    member = propertyName(init);
    init = skipExpressionWrappers(init.object);
  }
  if (
    init.type !== AST_NODE_TYPES.CallExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'require' ||
    init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
    typeof init.arguments[0].value !== 'string'
  ) {
    return null;
  }
  const module = init.arguments[0].value;
  const id = def.node.id;
  if (id.type === AST_NODE_TYPES.Identifier) return { module, imported: member ?? '*' };
  if (id.type === AST_NODE_TYPES.ObjectPattern && member === null) {
    for (const property of id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value === def.name && property.key.type === AST_NODE_TYPES.Identifier) {
        return { module, imported: property.key.name };
      }
    }
  }
  return null;
}

/** Where a typed-mode callee is declared: a module (specifier without `node:`) and a path in it. */
export interface DeclaredApi {
  readonly source: string;
  readonly path: readonly string[];
}

const QUALIFIED_NAME = /^"([^"]+)"\.(.+)$/;
const PACKAGE_IN_PATH = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g;

/**
 * The module a declaration's fully qualified name (`"fs".readFileSync`,
 * `"/repo/node_modules/@types/glob/index".sync`) belongs to: an ambient module's name, or the
 * package (`@types/x__y` read as `@x/y`) of a file under `node_modules`. Files of the project itself
 * are not modules of any catalog, so they give null.
 */
function parseQualifiedName(qualified: string): DeclaredApi | null {
  const match = QUALIFIED_NAME.exec(qualified);
  if (!match?.[1] || !match[2]) return null;
  const [, module, rest] = match;
  let source: string | null = null;
  if (!module.includes('/') || !/^[/\\]|^[A-Za-z]:/.test(module)) {
    source = module;
  } else {
    let last: string | undefined;
    for (const found of module.replaceAll('\\', '/').matchAll(PACKAGE_IN_PATH)) last = found[1];
    if (last?.startsWith('@types/')) {
      const name = last.slice('@types/'.length);
      last = name.includes('__') ? `@${name.replace('__', '/')}` : name;
    }
    source = last ?? null;
  }
  if (!source) return null;
  return { source: source.startsWith('node:') ? source.slice('node:'.length) : source, path: rest.split('.') };
}

/**
 * Typed mode only: the modules where the function that `call` invokes is declared, as candidates
 * in order: the callee's own symbol after following aliases (imports, `export { x } from`,
 * `export *`), then the declaration of the signature the checker resolves the call to (which also
 * sees through `export const read = fs.readFileSync`). A function written in the project itself is
 * never a candidate: only ambient module declarations and packages under `node_modules` are.
 * Cost: a symbol lookup, and the call's signature only if the symbol is not a plain function.
 */
export function* declaredCalleeCandidates(
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): Generator<DeclaredApi> {
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  yield* tsCallCandidates(tsCall, services.program.getTypeChecker(), loadTypeScript());
}

/** The name a TS call's callee is looked up by: `f` in `f()`, `b` in `a.b()`. */
function tsCalleeName(call: ts.CallExpression, typescript: typeof ts): ts.Node | null {
  const callee = call.expression;
  if (typescript.isIdentifier(callee)) return callee;
  if (typescript.isPropertyAccessExpression(callee)) return callee.name;
  return null;
}

/** The callee's symbol, aliases (imports, re-exports) followed. */
function tsCalleeSymbol(call: ts.CallExpression, checker: ts.TypeChecker, typescript: typeof ts): ts.Symbol | null {
  const name = tsCalleeName(call, typescript);
  if (!name) return null;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return null;
  return symbol.flags & typescript.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function* tsCallCandidates(call: ts.CallExpression, checker: ts.TypeChecker, typescript: typeof ts): Generator<DeclaredApi> {
  const symbol = tsCalleeSymbol(call, checker, typescript);
  if (!symbol) return;
  const own = parseQualifiedName(checker.getFullyQualifiedName(symbol));
  if (own) yield own;
  // A function or method is its own declaration; only a value (`const read = fs.readFileSync`)
  // can stand for another function, so only then is the call's signature worth resolving.
  if (symbol.flags & (typescript.SymbolFlags.Function | typescript.SymbolFlags.Method)) return;
  // An unresolved import has no declaration to stand for anything; resolving the call's signature
  // would only make the checker type the call's arguments for nothing.
  if (!symbol.declarations?.length) return;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || typescript.isJSDocSignature(declaration) || !declaration.name) return;
  const declared = checker.getSymbolAtLocation(declaration.name);
  const viaSignature = declared ? parseQualifiedName(checker.getFullyQualifiedName(declared)) : null;
  if (viaSignature && (!own || viaSignature.source !== own.source || viaSignature.path.join('.') !== own.path.join('.'))) {
    yield viaSignature;
  }
}

/** A function of another project file that blocks, and the catalogued call in it. */
export interface BlockingWrapper<T> {
  /** The wrapper's declared name. */
  readonly name: string;
  readonly path: readonly string[];
  readonly source: string;
  readonly info: T;
}

/** Nodes of a wrapper body examined at most: a wrapper is small, a bigger body is not followed. */
const WRAPPER_NODE_BUDGET = 400;

/**
 * The function a call invokes when it is a synchronous, non-generator function written in another
 * file of the project (a function declaration, or a `const` bound to an arrow or function
 * expression), or null.
 */
function projectFunction(
  call: ts.CallExpression,
  checker: ts.TypeChecker,
  program: ts.Program,
  typescript: typeof ts,
): { name: string; fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression } | null {
  const symbol = tsCalleeSymbol(call, checker, typescript);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return null;
  const file = declaration.getSourceFile();
  if (file === call.getSourceFile() || file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) return null;
  let fn: ts.Node | undefined;
  if (typescript.isFunctionDeclaration(declaration)) {
    fn = declaration;
  } else if (
    typescript.isVariableDeclaration(declaration) &&
    typescript.isVariableDeclarationList(declaration.parent) &&
    declaration.parent.flags & typescript.NodeFlags.Const
  ) {
    fn = declaration.initializer;
  }
  if (!fn || !(typescript.isFunctionDeclaration(fn) || typescript.isArrowFunction(fn) || typescript.isFunctionExpression(fn))) {
    return null;
  }
  const isAsync = typescript.getCombinedModifierFlags(fn) & typescript.ModifierFlags.Async;
  if (isAsync || (!typescript.isArrowFunction(fn) && fn.asteriskToken) || !fn.body) return null;
  return { name: symbol.name, fn };
}

/**
 * The calls that run every time a TS function runs: its body without nested functions, branches
 * (`if` consequents, `?:` branches, the right side of `&&`/`||`/`??`, `case` clauses, `catch`), or
 * assignments to variables declared outside it (a cache fill). The same notion as
 * `isUnconditionalPart` in `local-calls.ts`, on TypeScript's tree. At most `WRAPPER_NODE_BUDGET` nodes.
 */
function unconditionalCalls(
  fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression,
  checker: ts.TypeChecker,
  typescript: typeof ts,
): ts.CallExpression[] | null {
  const calls: ts.CallExpression[] = [];
  let budget = WRAPPER_NODE_BUDGET;
  const K = typescript.SyntaxKind;
  const declaredOutside = (node: ts.Node): boolean => {
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    return declaration !== undefined && (declaration.pos < fn.pos || declaration.end > fn.end);
  };
  const visit = (node: ts.Node): boolean => {
    if (--budget < 0) return false;
    if (typescript.isFunctionLike(node) || typescript.isClassLike(node)) return true;
    if (typescript.isIfStatement(node)) return visit(node.expression);
    if (typescript.isConditionalExpression(node)) return visit(node.condition);
    if (typescript.isCaseClause(node) || typescript.isDefaultClause(node)) return true;
    if (typescript.isTryStatement(node)) return visit(node.tryBlock) && (!node.finallyBlock || visit(node.finallyBlock));
    if (typescript.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (
        operator === K.AmpersandAmpersandToken ||
        operator === K.BarBarToken ||
        operator === K.QuestionQuestionToken ||
        operator === K.AmpersandAmpersandEqualsToken ||
        operator === K.BarBarEqualsToken ||
        operator === K.QuestionQuestionEqualsToken
      ) {
        return visit(node.left);
      }
      if (operator === K.EqualsToken && typescript.isIdentifier(node.left) && declaredOutside(node.left)) return true;
    }
    if (typescript.isCallExpression(node)) calls.push(node);
    return typescript.forEachChild(node, (child) => (visit(child) ? undefined : true)) === undefined;
  };
  const body = fn.body;
  if (!body) return null;
  return visit(body) ? calls : null;
}
/** TypeScript itself, loaded only in typed mode (where the parser has already loaded it). */
export function loadTypeScript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('typescript') as typeof ts;
}

/**
 * The modules a file loads, as far as the catalogs' `ReferenceTracker` pass and `getImportSource`
 * can follow them:
 * - `specifiers`: the string specifiers of the program's `import`/`export ... from` declarations
 *   and `import x = require('...')`, and of every `require('...')` call and `import('...')`
 *   expression anywhere in the file;
 * - `unknownSpecifier`: some `require(...)` or `import(...)` has a specifier that is not a string
 *   literal (`require(name)`, `` require(`fs`) ``, `require('f' + 's')`), which the tracker may still
 *   evaluate: a file with one may load any module;
 * - `relativeBindings`: a superset of the names `getImportSource` resolves to a module of the
 *   project (relative: `./db`, `../db`; or through a path alias or `#` import that resolves to a
 *   file: `@/lib/db`, see `resolveProjectModule`): the local names of such ES imports, and every name bound by a declarator
 *   whose initializer is `require('./x')` or `require('./x').name` (through `as`, `!`, `satisfies`);
 * - `relativeBindingSources`: the relative specifiers those names are bound from, a superset of the
 *   modules `getImportSource` names for them. A relative module that binds no name here (`export *
 *   from './x'`, `import './setup'`, `__exportStar(require('./x'), exports)`) is not among them: no
 *   call of this file reaches its exports through an import.
 * - `relativeValueSources`: those of `relativeBindingSources` that bind some name a value of the file
 *   can read: all but the sources whose every binding is imported as a type (`import type { A }`,
 *   `import { type A }`) and has no value reference (a reference the scope analysis does not mark
 *   as a type reference; `typeof A` is one). A name of such a binding resolves no call of the file.
 * The `require` calls and `import()` expressions are found from the occurrences of the two words in
 * the text (`SourceWords`, `nodeStartingAtAnyDepth`), not by walking the file.
 */
export interface ModuleLoads {
  readonly specifiers: ReadonlySet<string>;
  readonly unknownSpecifier: boolean;
  readonly relativeBindings: ReadonlySet<string>;
  readonly relativeBindingSources: ReadonlySet<string>;
  readonly relativeValueSources: ReadonlySet<string>;
}

/** A relative module specifier (`./db`, `../lib/db`). */
export function isRelativeSpecifier(value: string): boolean {
  return value.startsWith('./') || value.startsWith('../');
}

/**
 * True when `value` names a module of the project from the linted file: relative, or a path alias
 * or `#` import that resolves to a file (`@/lib/db`; see `resolveProjectModule`, asked only for
 * specifiers that are no Node module).
 */
function isProjectSpecifier(context: AnyRuleContext, value: string): boolean {
  return isRelativeSpecifier(value) || (mayNameProjectModule(value) && getRelativeModules(context).resolve(value) !== null);
}

/**
 * The file's `ModuleLoads` (see there), shared by every rule of the plugin. Computed in two parts, each
 * on the first question that needs it: the bindings (`relativeBindings`, `relativeBindingSources`)
 * from the program's imports and the `require` calls; the specifiers (`specifiers`,
 * `unknownSpecifier`) also from the `import()` expressions, whose word is only looked for then.
 */
export const getModuleLoads = perFile((context): ModuleLoads => new FileModuleLoads(context, getSourceWords(context)));

/** What the program's imports and the file's `require` calls say (see `ModuleLoads`). */
interface RequireLoads {
  readonly specifiers: ReadonlySet<string>;
  readonly unknownSpecifier: boolean;
  readonly relativeBindings: ReadonlySet<string>;
  readonly relativeBindingSources: ReadonlySet<string>;
  readonly relativeValueSources: ReadonlySet<string>;
}

/**
 * The node types a scope manager lists declared variables for (`getDeclaredVariables`) whose
 * declared names are identifiers inside them: a declarator, a function (its name and parameters),
 * a class, a catch clause, an import, and TypeScript's named declarations.
 */
const DECLARING_NODE_TYPES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.TSDeclareFunction,
  AST_NODE_TYPES.TSEmptyBodyFunctionExpression,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.CatchClause,
  AST_NODE_TYPES.ImportSpecifier,
  AST_NODE_TYPES.ImportDefaultSpecifier,
  AST_NODE_TYPES.ImportNamespaceSpecifier,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSModuleDeclaration,
]);

class FileModuleLoads implements ModuleLoads {
  private requireLoads: RequireLoads | null = null;
  private allSpecifiers: { readonly specifiers: ReadonlySet<string>; readonly unknownSpecifier: boolean } | null = null;

  private readonly sourceCode: Readonly<TSESLint.SourceCode>;

  constructor(
    private readonly context: AnyRuleContext,
    private readonly words: SourceWords,
  ) {
    this.sourceCode = context.sourceCode;
  }

  get relativeBindings(): ReadonlySet<string> {
    return this.requires().relativeBindings;
  }

  get relativeBindingSources(): ReadonlySet<string> {
    return this.requires().relativeBindingSources;
  }

  get relativeValueSources(): ReadonlySet<string> {
    return this.requires().relativeValueSources;
  }

  get specifiers(): ReadonlySet<string> {
    return this.withImportExpressions().specifiers;
  }

  get unknownSpecifier(): boolean {
    return this.withImportExpressions().unknownSpecifier;
  }

  /** The program's import declarations and `import x = require()`, and every `require('...')` call. */
  private requires(): RequireLoads {
    if (this.requireLoads) return this.requireLoads;
    const sourceCode = this.sourceCode;
    const ast = sourceCode.ast;
    const specifiers = new Set<string>();
    const relativeBindings = new Set<string>();
    const relativeBindingSources = new Set<string>();
    const relativeValueSources = new Set<string>();
    let unknownSpecifier = false;
    for (const statement of ast.body) {
      if (
        statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source)
      ) {
        const source = statement.source;
        if (!source) continue;
        specifiers.add(source.value);
        if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.specifiers.length > 0 && isProjectSpecifier(this.context, source.value)) {
          for (const specifier of statement.specifiers) relativeBindings.add(specifier.local.name);
          relativeBindingSources.add(source.value);
          if (statement.specifiers.some((specifier) => mayBeReadAsValue(sourceCode, statement, specifier))) relativeValueSources.add(source.value);
        }
        continue;
      }
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration && declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        specifiers.add(declaration.moduleReference.expression.value);
      }
    }
    for (const identifier of this.requireIdentifiers()) {
      const call = identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      const specifier = call.arguments[0];
      if (specifier?.type !== AST_NODE_TYPES.Literal || typeof specifier.value !== 'string') {
        if (specifier) unknownSpecifier = true;
        continue;
      }
      specifiers.add(specifier.value);
      if (!isProjectSpecifier(this.context, specifier.value)) continue;
      let value: TSESTree.Node = outsideExpressionWrappers(call);
      if (value.parent?.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value) {
        value = outsideExpressionWrappers(value.parent);
      }
      const declarator = value.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === value) {
        addPatternNames(declarator.id, relativeBindings);
        relativeBindingSources.add(specifier.value);
        relativeValueSources.add(specifier.value);
      }
    }
    this.requireLoads = { specifiers, unknownSpecifier, relativeBindings, relativeBindingSources, relativeValueSources };
    return this.requireLoads;
  }

  /**
   * Every identifier written `require` (no escapes), in source order, that the scope analysis
   * records as a reference: the callee of every `require(...)` call is one, whatever the name is
   * bound to (a global, `createRequire`, an AMD factory's parameter). Read from the references of
   * the variables named `require` in every scope and the references no scope resolves, instead of
   * scanning the text for the word and looking each occurrence up in the tree; without a scope
   * manager (another host), from the word's occurrences.
   */
  private requireIdentifiers(): TSESTree.Identifier[] {
    const sourceCode = this.sourceCode;
    const ast = sourceCode.ast;
    const scopeManager = sourceCode.scopeManager;
    const found: TSESTree.Identifier[] = [];
    if (!scopeManager?.globalScope) {
      for (const offset of this.words.wordOccurrences('require', ast.range[0], ast.range[1])) {
        const identifier = nodeStartingAtAnyDepth(ast, offset, AST_NODE_TYPES.Identifier, sourceCode.visitorKeys);
        if (identifier?.type === AST_NODE_TYPES.Identifier && identifier.name === 'require') found.push(identifier);
      }
      return found;
    }
    // A file that never writes the word has no such identifier (one `indexOf`, no scope walk).
    if (!this.words.has('require')) return found;
    const add = (references: readonly TSESLint.Scope.Reference[]): void => {
      for (const reference of references) {
        const identifier = reference.identifier;
        // `requ\u0069re` is named `require` too, but was never found by its word.
        if (identifier.type === AST_NODE_TYPES.Identifier && identifier.name === 'require' && identifier.range[1] - identifier.range[0] === 7) {
          found.push(identifier);
        }
      }
    };
    add(scopeManager.globalScope.through);
    if (this.words.escapesAnIdentifier()) {
      // A name written with an escape (`requ\u0069re`) may declare a variable no occurrence of the word shows.
      for (const scope of scopeManager.scopes) {
        const variable = scope.set.get('require');
        if (variable) add(variable.references);
      }
    } else {
      // The variables named `require`: the global one (a configured global, a script's `var`), and
      // those of other scopes, each declared by an identifier written `require`, found from the
      // word's occurrences (a few) instead of a look into every scope (tens of thousands in a large
      // bundle). A declaring node (a declarator, a function for its parameters, an import
      // specifier, a class) holds its declared identifiers, so it is among the identifier's ancestors.
      const global = scopeManager.globalScope.set.get('require');
      if (global) add(global.references);
      const seen = new Set<TSESLint.Scope.Variable>();
      for (const offset of this.words.wordOccurrences('require', ast.range[0], ast.range[1])) {
        const identifier = nodeStartingAtAnyDepth(ast, offset, AST_NODE_TYPES.Identifier, sourceCode.visitorKeys);
        if (identifier?.type !== AST_NODE_TYPES.Identifier || identifier.name !== 'require') continue;
        // Only the nearest declaring node can declare it: a declaring node's own names (its id, its
        // parameters, its pattern) never lie inside another declaring node it holds.
        let node: TSESTree.Node | undefined = identifier.parent;
        while (node && !DECLARING_NODE_TYPES.has(node.type)) node = node.parent;
        if (!node) continue;
        for (const variable of scopeManager.getDeclaredVariables(node)) {
          // By position: a shorthand property's key and value (`{ require }`) are separate
          // identifiers at one offset, and the value is the one that declares.
          if (variable.name !== 'require' || variable === global || seen.has(variable) || !variable.defs.some((def) => def.name.range[0] === offset)) continue;
          seen.add(variable);
          add(variable.references);
        }
      }
    }
    // Several scopes may list one reference (none today); source order as the word scan gave it.
    return [...new Set(found)].sort((a, b) => a.range[0] - b.range[0]);
  }

  /** `requires()` with the specifiers of the file's `import('...')` expressions. */
  private withImportExpressions(): { readonly specifiers: ReadonlySet<string>; readonly unknownSpecifier: boolean } {
    if (this.allSpecifiers) return this.allSpecifiers;
    const loads = this.requires();
    const ast = this.sourceCode.ast;
    const specifiers = new Set(loads.specifiers);
    let unknownSpecifier = loads.unknownSpecifier;
    const text = this.sourceCode.text;
    for (const offset of this.words.wordOccurrences('import', ast.range[0], ast.range[1])) {
      // An `import(...)` expression's next token is its `(`: only an occurrence followed by `(`, a
      // comment or a character that may be a space outside ASCII is looked up in the tree.
      if (!mayOpenCall(text, offset + 'import'.length)) continue;
      const expression = nodeStartingAtAnyDepth(ast, offset, AST_NODE_TYPES.ImportExpression, this.sourceCode.visitorKeys);
      if (expression?.type !== AST_NODE_TYPES.ImportExpression) continue;
      const source = expression.source;
      if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') specifiers.add(source.value);
      else unknownSpecifier = true;
    }
    this.allSpecifiers = { specifiers, unknownSpecifier };
    return this.allSpecifiers;
  }
}

/**
 * A superset of the modules a file loads (`ModuleLoads.specifiers`) read from its text, for the
 * questions that only need a "no" to be cheap (`mayContainPromises`): the program's import and
 * export declarations and `import x = require()` from the top-level statements, and each
 * standalone `require` or `import` word followed by `(` and a quoted string without escapes.
 * `projectSources` is the subset a value of the file may be bound from: the specifiers of the
 * `require(...)` calls and of the import declarations with a binding a value may read (not
 * `import './x'`, `export ... from` or types no value reads: see `ModuleLoads.relativeValueSources`).
 * Null when the text alone cannot tell: a word followed by a comment, a `?.`, a `)` or a character
 * outside ASCII, a call whose argument is not such a string (`require(name)`), or an identifier
 * written with a `\u` escape somewhere (`requ\u0069re`, `SourceWords.escapesAnIdentifier`). Then ask `getModuleLoads`.
 * A word in a comment or string counts too (`// require('x')`): that only adds a specifier.
 */
export interface TextModuleLoads {
  readonly specifiers: ReadonlySet<string>;
  readonly projectSources: ReadonlySet<string>;
}

export const getTextModuleLoads = perFile((context): TextModuleLoads | null => textModuleLoads(context.sourceCode, getSourceWords(context)));

function textModuleLoads(sourceCode: Readonly<TSESLint.SourceCode>, words: SourceWords): TextModuleLoads | null {
  const ast = sourceCode.ast;
  const text = sourceCode.text;
  if (words.escapesAnIdentifier()) return null;
  const specifiers = new Set<string>();
  const projectSources = new Set<string>();
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration || statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      if (!statement.source) continue;
      specifiers.add(statement.source.value);
      const declaration = statement;
      if (declaration.type === AST_NODE_TYPES.ImportDeclaration && declaration.specifiers.some((specifier) => mayBeReadAsValue(sourceCode, declaration, specifier))) {
        projectSources.add(declaration.source.value);
      }
    }
    // `import x = require('...')` is found by its `require` word below.
  }
  for (const word of ['require', 'import']) {
    for (const offset of words.wordOccurrences(word, ast.range[0], ast.range[1])) {
      const call = quotedCallArgument(text, offset + word.length);
      if (call === null) return null;
      if (call === undefined) continue;
      specifiers.add(call);
      if (word === 'require') projectSources.add(call);
    }
  }
  return { specifiers, projectSources };
}

/**
 * What follows a `require`/`import` word at `from`: the string when it is `(` and a quoted string
 * without escapes or line breaks (spaces between allowed), undefined when no call can start there
 * (`.`, `,`, `=`, a name, the end), null when the text alone cannot tell (see `TextModuleLoads`).
 */
function quotedCallArgument(text: string, from: number): string | null | undefined {
  let index = skipAsciiSpaces(text, from);
  const next = text.charCodeAt(index);
  // `/` a comment, `?` an optional call, `)` a parenthesized callee `(require)('x')`, >= 128 a space outside ASCII.
  if (next === 47 || next === 63 || next === 41 || next >= 128) return null;
  if (next !== 40) return undefined;
  index = skipAsciiSpaces(text, index + 1);
  const quote = text.charCodeAt(index);
  if (quote !== 39 && quote !== 34) return null;
  for (let end = index + 1; end < text.length; end += 1) {
    const code = text.charCodeAt(end);
    if (code === quote) return text.slice(index + 1, end);
    if (code === 92 || code === 10 || code === 13) return null;
  }
  return null;
}

/** The offset of the first character at or after `from` that is no ASCII space or line end. */
function skipAsciiSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code !== 32 && !(code >= 9 && code <= 13)) break;
    index += 1;
  }
  return index;
}

/**
 * Can the token after offset `from` of `text` be `(`: after ASCII spaces and line ends, a `(`, a
 * `/` (a comment may come first) or a character outside ASCII (it may be a space)?
 */
function mayOpenCall(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    return code === 40 || code === 47 || code >= 128;
  }
  return false;
}

/**
 * May a value of the file read the binding `specifier` of `declaration`: it is not imported as a type,
 * or its variable has a reference the scope analysis does not mark as a type reference?
 */
function mayBeReadAsValue(sourceCode: Readonly<TSESLint.SourceCode>, declaration: TSESTree.ImportDeclaration, specifier: TSESTree.ImportClause): boolean {
  const typeOnly = declaration.importKind === 'type' || (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
  if (!typeOnly) return true;
  const variable = sourceCode.getDeclaredVariables(specifier).find((candidate) => candidate.name === specifier.local.name);
  return !variable || variable.references.some((reference) => (reference as { isValueReference?: boolean }).isValueReference !== false);
}

/**
 * May the file load one of `modules` (see `ModuleLoads`)? A file with a specifier that is not a
 * string literal may load anything.
 */
export function mayLoadModule(loads: ModuleLoads, modules: ReadonlySet<string>): boolean {
  if (loads.unknownSpecifier) return true;
  for (const specifier of loads.specifiers) {
    if (modules.has(specifier)) return true;
  }
  return false;
}

/** The outermost of the `as` / `!` / `satisfies` wrappers around `node` (`node` itself without). */
function outsideExpressionWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** Adds the names a binding pattern binds (`a`, `{ a, b: c, d = 1 }`, `[a, ...b]`) to `names`. */
function addPatternNames(pattern: TSESTree.Node, names: Set<string>): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      names.add(pattern.name);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) addPatternNames(property.type === AST_NODE_TYPES.Property ? property.value : property, names);
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) addPatternNames(element, names);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      addPatternNames(pattern.left, names);
      return;
    case AST_NODE_TYPES.RestElement:
      addPatternNames(pattern.argument, names);
      return;
    default:
      return;
  }
}
