import { isBuiltin } from 'node:module';
import { CALL, CONSTRUCT, ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Where an API lives. `module` is a specifier as users write it (`fs`, `fs-extra`); a Node
 * built-in also matches its `node:` form. `global` is a global object (`Atomics`, `Bun`).
 */
export type ApiSource = { readonly module: string } | { readonly global: string };

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

  constructor(entries: Iterable<ApiEntry<T>>) {
    for (const entry of entries) {
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

  /** Every call or construction of a catalogued API in the file, once each. */
  *references(sourceCode: Readonly<TSESLint.SourceCode>): Generator<ApiReference<T>> {
    const globalScope = sourceCode.scopeManager?.globalScope;
    if (!globalScope) return;
    // eslint-utils is typed against ESTree; the scope objects are the same at run time.
    const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
    const seen = new Set<TSESTree.Node>();
    const found = [
      ...tracker.iterateEsmReferences(this.modules as never),
      ...tracker.iterateCjsReferences(this.modules as never),
      ...tracker.iterateGlobalReferences(this.globals as never),
      ...this.undeclaredReferences(tracker, globalScope),
      ...this.importEqualsReferences(tracker, sourceCode),
    ];
    for (const { node, path, info } of found) {
      const tagged = info as Tagged<T>;
      const target = node as unknown as TSESTree.Node;
      if (seen.has(target)) continue;
      if (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) continue;
      seen.add(target);
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
