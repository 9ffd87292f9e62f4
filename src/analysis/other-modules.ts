/**
 * The functions a call runs when they live in another module of the project, found without type
 * information: for "can the promise of this call reject at all?" (`FileEffects.valueCanReject`),
 * asked only when a rule is about to report.
 *
 * A module is parsed here (a JavaScript module by ESLint's espree, a TypeScript one or a JavaScript one
 * espree refuses by typescript-eslint's parser; both with typescript-eslint's scope analysis) the first time a call
 * needs one of its functions, once per version of the file for the process (`fromModuleText`),
 * and gets a rule context of its own (`ModuleView.context`), so the same per-file analyses
 * (`getFileEffects`) answer for its functions as for the linted file's.
 *
 * What a call runs is found for these callees (each followed only through imports of the project's
 * own modules: relative, a tsconfig/jsconfig path alias such as `@/lib/db`, or a package.json `#`
 * import, see `resolveProjectModule`; `export ... from` re-exports and CommonJS `require` included; a module's imports and re-exports
 * are read by the one reader of import lines, `textImportsOf`, its declarations from its tree):
 * - `f()` / `ns.f()`: a function imported from a relative module (named, default or through a
 *   namespace import; `exports.f = ...` / `module.exports = { f }` of a CommonJS module): its
 *   declaration there;
 * - `C.m()`: a static method of a class imported or of this module (or of the nearest ancestor
 *   that has it), also through a static field (`C.store.load()`) and `this` in a static method;
 * - `x.m()` where `x` is a module's one instance (`export default new C()`, `export const x = new
 *   C()`): `m` of exactly `C`; or an object literal (`export const shell = { exec }`): the
 *   function its property holds;
 * - `super.m()`: `m` of the class the enclosing class extends (or the nearest ancestor that has it),
 *   in this file or imported;
 * - `this.m()` where `m` is inherited from a class of another module;
 * - `x.m()` where the class or interface `x` is declared as is known: from a type annotation (a
 *   parameter, a variable, a class field, a constructor's parameter property, an interface
 *   property, a method's or function's return type, also an element of a tuple-typed destructured
 *   parameter), a `new C()` the field or `const` is given (exactly `C`), `this`, `super`, and chains of these
 *   (`this.server.adapter.getMembers(id)`: the `server` field is a `Server`, whose `adapter`
 *   field is an `AdapterInterface`).
 * For a declared type, every class that can be behind it is asked, not just the declared one: the
 * class itself (when it has the method) and the classes of its own folder that extend or implement
 * it, directly or through each other (an interface implemented once in memory and once over a
 * network client gives two methods). A class whose method is abstract, or a declared type with no
 * class found for it, answers "unknown". The folder bound is the evidence's limit: an
 * implementation kept in another folder is not seen, so an open type (an interface or an abstract
 * class) is trusted only where the caller cannot plug in its own: not for a parameter (also a
 * constructor's parameter property), and for a field only when every value its module gives it
 * is a `new C()` (`constructedValues`; a field given a parameter, a setter's argument or nothing
 * is unknown).
 *
 * Bounds: a module larger than `fromModuleText` reads is not parsed; a folder of more than
 * `MAX_FOLDER_FILES` source files is not scanned; type and name resolution follow at most
 * `MAX_HOPS` steps; the caller bounds how many modules deep one question goes.
 */
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { enclosingClass, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { type FunctionNode, isFunctionNode } from './async-context';
import { fromModuleText } from './module-exports';
import { resolveProjectModule } from './module-resolution';
import { readTextImports, textImportsOf } from './source-imports';
import { recentStats } from './recent-stats';
import type { AnyRuleContext } from './per-file';

/** One module: the linted file, or one parsed here, with a rule context the per-file analyses accept. */
export interface ModuleView {
  readonly file: string;
  readonly context: AnyRuleContext;
  readonly program: TSESTree.Program;
  /** Parsed here from the file's text (not the linted file, whose text may be an editor's buffer). */
  readonly parsed?: boolean;
}

/** A function found for a call, with the module it is written in. */
export interface FoundFunction {
  readonly module: ModuleView;
  readonly fn: FunctionNode;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * What a receiver is known to be, with its module: a class or an interface it is declared as (any
 * class of its folder that extends or implements it may be behind it, see `classesBehind`); one
 * class exactly (`exact`: made with `new C()`); the class itself, whose static members are called
 * (`static`: `Store.load()`); or an object literal (`const api = { get, put }`).
 */
type DeclaredType =
  | { readonly kind: 'class'; readonly module: ModuleView; readonly node: ClassNode; readonly name: string; readonly exact?: boolean; readonly static?: boolean }
  | { readonly kind: 'interface'; readonly module: ModuleView; readonly node: TSESTree.TSInterfaceDeclaration; readonly name: string }
  | { readonly kind: 'object'; readonly module: ModuleView; readonly node: TSESTree.ObjectExpression; readonly name: string };

/** How many imports or re-exports one name resolution follows, and how many ancestors a class lookup climbs. */
const MAX_HOPS = 4;
/** How long a receiver chain is followed (`this.server.adapter.getNamespace(id)` is four steps). */
const MAX_CHAIN = 8;
/** The largest folder whose files are read for the classes behind a type. */
const MAX_FOLDER_FILES = 60;
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const JSX_FILE = /\.(?:[jt]sx|[cm]?js)$/;
/** What follows `extends` / `implements` in a class declaration's head, up to its `{`. */
const HERITAGE = /\b(?:extends|implements)\s+([^{;]{1,300})\{/g;

/** What one parse gives, kept with the file's text (see `fromModuleText`). */
interface Parsed {
  readonly sourceCode: TSESLint.SourceCode;
  view?: ModuleView;
}

/**
 * Sets every node's `parent`, as a linter does while it walks (the parser leaves them unset), and
 * hands each node to `visit` first, when given.
 */
function setParents(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, visit?: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    visit?.(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}

/** The nodes to which typescript-estree gives a `decorators` list (a parameter is any of the patterns). */
const DECORATED = new Set<string>([
  'ClassDeclaration',
  'ClassExpression',
  'MethodDefinition',
  'PropertyDefinition',
  'AccessorProperty',
  'Identifier',
  'ObjectPattern',
  'ArrayPattern',
  'RestElement',
  'AssignmentPattern',
]);

/**
 * Gives an espree node the empty TypeScript lists typescript-estree gives it (`decorators`, a
 * class's `implements`): typescript-eslint's scope analysis reads them without checking.
 */
function fillTypeScriptLists(node: TSESTree.Node): void {
  if (!DECORATED.has(node.type)) return;
  const lists = node as unknown as { decorators?: unknown[]; implements?: unknown[] };
  lists.decorators ??= [];
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') lists.implements ??= [];
}

/** A JavaScript module, which espree parses as typescript-eslint's parser would but without loading TypeScript. */
const JAVASCRIPT_FILE = /\.(?:[cm]?js|jsx)$/;

interface ParsedTree {
  readonly ast: TSESTree.Program;
  readonly scopeManager: unknown;
  readonly services?: unknown;
  readonly visitorKeys: Record<string, readonly string[]>;
  /** The parse already set every node's `parent`. */
  readonly parentsSet?: boolean;
}

interface TypeScriptEslintParts {
  readonly estree: { parse: (text: string, options: object) => TSESTree.Program };
  readonly analyze: (ast: TSESTree.Program, options: object) => unknown;
  readonly visitorKeys: Record<string, readonly string[]>;
}

let parts: TypeScriptEslintParts | undefined;

/**
 * The packages typescript-eslint's parser is made of, from its own dependencies (loaded on first
 * use; the tree parser loads TypeScript only when it first parses).
 */
function typeScriptEslintParts(): TypeScriptEslintParts {
  if (!parts) {
    const fromParser = createRequire(require.resolve('@typescript-eslint/parser'));
    parts = {
      estree: fromParser('@typescript-eslint/typescript-estree') as TypeScriptEslintParts['estree'],
      analyze: (fromParser('@typescript-eslint/scope-manager') as Pick<TypeScriptEslintParts, 'analyze'>).analyze,
      visitorKeys: (fromParser('@typescript-eslint/visitor-keys') as Pick<TypeScriptEslintParts, 'visitorKeys'>).visitorKeys,
    };
  }
  return parts;
}

/**
 * `text` parsed by ESLint's own espree with typescript-eslint's scope analysis (the same analysis
 * its parser runs, with the same options), or null when espree is not there or does not parse it.
 * typescript-eslint's parser would load TypeScript, about as long as linting many files, in a
 * project that has no TypeScript at all.
 */
function parseJavaScript(text: string): ParsedTree | null {
  try {
    const espree = createRequire(require.resolve('eslint'))('espree') as { parse: (text: string, options: object) => TSESTree.Program };
    const { analyze, visitorKeys } = typeScriptEslintParts();
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true, ecmaFeatures: { jsx: true } });
    setParents(ast, visitorKeys, fillTypeScriptLists);
    return { ast, scopeManager: analyze(ast, { sourceType: 'module' }), visitorKeys, parentsSet: true };
  } catch {
    return null;
  }
}

/** `text` of `file` parsed with scope analysis into a `SourceCode`, or null when it does not parse (or ESLint is not there). */
function parseModule(file: string, text: string): Parsed | null {
  try {
    const result = (JAVASCRIPT_FILE.test(file) ? parseJavaScript(text) : null) ?? parseTypeScript(file, text);
    if (!result.parentsSet) setParents(result.ast as unknown as TSESTree.Node, result.visitorKeys);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SourceCode } = require('eslint') as { SourceCode: new (config: object) => TSESLint.SourceCode };
    const sourceCode = new SourceCode({ text, ast: result.ast, parserServices: result.services ?? {}, scopeManager: result.scopeManager, visitorKeys: result.visitorKeys });
    return { sourceCode };
  } catch {
    return null;
  }
}

/**
 * `text` of `file` parsed as typescript-eslint's parser parses it without a project (it throws where
 * the text does not parse): typescript-estree's tree, then the same scope analysis. Called apart,
 * so the tree keeps no map back to TypeScript's nodes, which only type information would read.
 */
function parseTypeScript(file: string, text: string): ParsedTree {
  const { estree, analyze, visitorKeys } = typeScriptEslintParts();
  const jsx = JSX_FILE.test(file);
  const ast = estree.parse(text, { range: true, loc: true, tokens: true, comment: true, jsx, filePath: file });
  (ast as { sourceType: string }).sourceType = 'module';
  return { ast, scopeManager: analyze(ast, { sourceType: 'module' }), visitorKeys };
}

/** Per linted file's AST: its own view. */
const ownViews = new WeakMap<object, ModuleView>();

/** The linted file as a `ModuleView`. */
export function ownModule(context: AnyRuleContext): ModuleView {
  const key = context.sourceCode.ast;
  let view = ownViews.get(key);
  if (!view) {
    view = { file: context.filename, context, program: context.sourceCode.ast as TSESTree.Program };
    ownViews.set(key, view);
  }
  return view;
}

/**
 * The module `file` parsed (see the module comment), with a rule context made from `host`'s
 * (its settings, language options and working folder; no options, no reports); null when the file
 * cannot be read or parsed, or is a declaration file.
 */
function moduleAt(file: string, host: AnyRuleContext): ModuleView | null {
  if (DECLARATION_FILE.test(file) || !SOURCE_FILE.test(file)) return null;
  const parsed = fromModuleText(file, 'parsedModule', (text) => parseModule(file, text));
  if (!parsed) return null;
  if (!parsed.view) {
    const sourceCode = parsed.sourceCode;
    const context = {
      id: host.id,
      options: [],
      settings: host.settings,
      languageOptions: host.languageOptions,
      parserOptions: host.parserOptions,
      parserPath: host.parserPath,
      cwd: host.cwd,
      filename: file,
      physicalFilename: file,
      sourceCode,
      getSourceCode: () => sourceCode,
      getFilename: () => file,
      getPhysicalFilename: () => file,
      getCwd: () => host.cwd,
      getScope: () => sourceCode.scopeManager?.globalScope,
      report: () => undefined,
    } as unknown as AnyRuleContext;
    parsed.view = { file, context, program: sourceCode.ast as TSESTree.Program, parsed: true };
    ownViews.set(sourceCode.ast, parsed.view);
  }
  return parsed.view;
}

/** The module of the project a specifier names from `from` (relative or aliased: `resolveProjectModule`), parsed, or null. */
function importedModule(from: ModuleView, specifier: string): ModuleView | null {
  const resolved = resolveProjectModule(from.file, specifier);
  return resolved ? moduleAt(resolved.file, from.context) : null;
}

/** A name declared at a module's top level. */
type TopLevel =
  | { readonly kind: 'class'; readonly node: ClassNode }
  | { readonly kind: 'interface'; readonly node: TSESTree.TSInterfaceDeclaration }
  | { readonly kind: 'function'; readonly node: FunctionNode }
  /** A `const` (or a default export) made with `new C(...)`: one instance of `C` (a module's singleton). */
  | { readonly kind: 'instance'; readonly node: TSESTree.NewExpression }
  /** A `const` (or an export) holding an object literal: its members are what it is. */
  | { readonly kind: 'object'; readonly node: TSESTree.ObjectExpression }
  | { readonly kind: 'import'; readonly source: string; readonly imported: string }
  /** An exported name that is a top-level name of the module itself (`export { a as b }`, `exports.b = a`). */
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'other' };

interface ModuleNames {
  /** Top-level names as the module's own code uses them: declarations and the names its imports bind. */
  readonly declared: ReadonlyMap<string, TopLevel>;
  /** Names the module exports (ES `export`s and CommonJS `exports.x =` / `module.exports = {...}`), re-exports aside. */
  readonly exported: ReadonlyMap<string, TopLevel>;
  /** `export { a as b } from './x'` (exported name to the other module's), `export * from` (`all`), `export * as ns from`. */
  readonly reExports: ReadonlyArray<{ readonly names: ReadonlyMap<string, string>; readonly all: boolean; readonly source: string }>;
  /** The module assigns `exports.x` / `module.exports` at its top level: what it exports is only what those say. */
  readonly commonJs: boolean;
}

const moduleNames = new WeakMap<object, ModuleNames>();

/** What a value written at the top level is, when it is one of the kinds `TopLevel` follows. */
function topLevelValue(value: TSESTree.Node | null | undefined, constant: boolean): TopLevel {
  const node = value ? skipTransparent(value) : null;
  if (!node) return { kind: 'other' };
  if (isFunctionNode(node)) return { kind: 'function', node };
  if (node.type === AST_NODE_TYPES.ClassExpression || node.type === AST_NODE_TYPES.ClassDeclaration) return { kind: 'class', node };
  if (!constant) return { kind: 'other' };
  if (node.type === AST_NODE_TYPES.NewExpression) return { kind: 'instance', node };
  if (node.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', node };
  if (node.type === AST_NODE_TYPES.Identifier) return { kind: 'local', name: node.name };
  return { kind: 'other' };
}

/** `exports.name` / `module.exports.name` (the name), `module.exports` (`''`), else null. */
function commonJsExport(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = staticMemberName(node);
  const object = node.object;
  const isModuleExports = (candidate: TSESTree.Node): boolean =>
    candidate.type === AST_NODE_TYPES.MemberExpression &&
    candidate.object.type === AST_NODE_TYPES.Identifier &&
    candidate.object.name === 'module' &&
    staticMemberName(candidate) === 'exports';
  if (isModuleExports(node)) return '';
  if (name === null) return null;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  return isModuleExports(object) ? name : null;
}

/**
 * The top-level declarations, imports and exports of a module, read once per program: the
 * declarations from its tree, the imports and re-exports from its text by the one reader of
 * import lines (`textImportsOf`, type-only ones included: they still lead to the class or
 * interface a receiver is declared as), each kept only when it is a statement of the module's
 * top level (not a load written in a comment, a string or a function).
 */
function namesOf(view: ModuleView): ModuleNames {
  const known = moduleNames.get(view.program);
  if (known) return known;
  const declared = new Map<string, TopLevel>();
  const exported = new Map<string, TopLevel>();
  const reExports: Array<{ names: Map<string, string>; all: boolean; source: string }> = [];
  let commonJs = false;
  const declare = (statement: TSESTree.Node, exportedToo: boolean): void => {
    const add = (name: string, value: TopLevel): void => {
      declared.set(name, value);
      if (exportedToo) exported.set(name, { kind: 'local', name });
    };
    switch (statement.type) {
      case AST_NODE_TYPES.ClassDeclaration:
        if (statement.id) add(statement.id.name, { kind: 'class', node: statement });
        break;
      case AST_NODE_TYPES.TSInterfaceDeclaration:
        add(statement.id.name, { kind: 'interface', node: statement });
        break;
      case AST_NODE_TYPES.FunctionDeclaration:
        if (statement.id) add(statement.id.name, { kind: 'function', node: statement });
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
          const value = topLevelValue(declarator.init, statement.kind === 'const');
          // `const x = y` names another top-level value; only functions and classes are followed so.
          add(declarator.id.name, value.kind === 'local' ? { kind: 'other' } : value);
        }
        break;
      default:
        break;
    }
  };
  // Where each top-level statement starts and ends: a load read from the text counts only as one.
  const starts = new Set<number>();
  const ranges: Array<readonly [number, number, TSESTree.ProgramStatement]> = [];
  for (const statement of view.program.body) {
    starts.add(statement.range[0]);
    ranges.push([statement.range[0], statement.range[1], statement]);
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      if (statement.declaration) declare(statement.declaration, true);
      for (const specifier of statement.specifiers) {
        const local = specifier.local.name;
        const name = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        exported.set(name, { kind: 'local', name: local });
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.FunctionDeclaration) declare(declaration, false);
      exported.set('default', topLevelValue(declaration, true));
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression && statement.expression.operator === '=') {
      // CommonJS: `exports.f = ...`, `module.exports.f = ...`, `module.exports = { f, g: h, k() {} }`.
      const name = commonJsExport(statement.expression.left);
      const value = skipTransparent(statement.expression.right);
      if (name !== null) commonJs = true;
      if (name === '' && value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') continue;
          const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
          if (key !== null) exported.set(key, topLevelValue(property.value, true));
        }
      } else if (name) {
        exported.set(name, topLevelValue(value, true));
      }
    } else {
      declare(statement, false);
    }
  }
  const topLevelStatement = (index: number): TSESTree.ProgramStatement | null => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [from, to, statement] = ranges[middle] as readonly [number, number, TSESTree.ProgramStatement];
      if (index < from) high = middle - 1;
      else if (index >= to) low = middle + 1;
      else return statement;
    }
    return null;
  };
  const loads = view.parsed ? textImportsOf({ file: view.file }, { types: true }) : readTextImports(view.context.sourceCode.text, { types: true });
  for (const load of loads ?? []) {
    if (load.kind === 'import') {
      if (!starts.has(load.index)) continue;
      for (const binding of load.bindings) declared.set(binding.name, { kind: 'import', source: load.specifier, imported: binding.imported });
    } else if (load.kind === 're-export') {
      if (!starts.has(load.index)) continue;
      const names = new Map<string, string>();
      for (const binding of load.bindings) names.set(binding.name, binding.imported);
      reExports.push({ names, all: load.all, source: load.specifier });
    } else if (load.kind === 'require') {
      // `const m = require('./m')`, `const { f } = require('./m')`, `import m = require('./m')` at the top level.
      const statement = topLevelStatement(load.index);
      if (statement?.type !== AST_NODE_TYPES.VariableDeclaration && statement?.type !== AST_NODE_TYPES.TSImportEqualsDeclaration) continue;
      for (const binding of load.bindings) declared.set(binding.name, { kind: 'import', source: load.specifier, imported: binding.imported });
    }
  }
  const names: ModuleNames = { declared, exported, reExports, commonJs };
  moduleNames.set(view.program, names);
  return names;
}

/** What a top-level name of a module is, following imports and re-exports into other modules. */
type Resolved =
  | { readonly kind: 'class'; readonly module: ModuleView; readonly node: ClassNode; readonly name: string }
  | { readonly kind: 'interface'; readonly module: ModuleView; readonly node: TSESTree.TSInterfaceDeclaration; readonly name: string }
  | { readonly kind: 'function'; readonly module: ModuleView; readonly node: FunctionNode }
  | { readonly kind: 'namespace'; readonly module: ModuleView }
  /** One instance (`new C()` kept in a `const` or exported) or an object literal: what its members are is known. */
  | { readonly kind: 'value'; readonly type: DeclaredType };

/** `value`, a top-level value of `view` known by `name` there, resolved (see `resolveName`). */
function resolveTopLevel(view: ModuleView, value: TopLevel, name: string, hops: number): Resolved | null {
  switch (value.kind) {
    case 'class':
      return { kind: 'class', module: view, node: value.node, name: value.node.id?.name ?? name };
    case 'interface':
      return { kind: 'interface', module: view, node: value.node, name };
    case 'function':
      return { kind: 'function', module: view, node: value.node };
    case 'instance': {
      const types = typesOfConstruction(view, value.node);
      return types?.[0] ? { kind: 'value', type: types[0] } : null;
    }
    case 'object':
      return { kind: 'value', type: { kind: 'object', module: view, node: value.node, name: '' } };
    case 'local':
      return resolveName(view, value.name, true, hops + 1);
    case 'import': {
      const target = importedModule(view, value.source);
      if (!target) return null;
      if (value.imported === '*') return { kind: 'namespace', module: target };
      return resolveName(target, value.imported, false, hops + 1);
    }
    default:
      return null;
  }
}

/** The top-level name `name` of `view` (`local`: as its own code uses it; else as it exports it). */
function resolveName(view: ModuleView, name: string, local: boolean, hops: number): Resolved | null {
  if (hops > MAX_HOPS) return null;
  const names = namesOf(view);
  if (local) {
    const own = names.declared.get(name);
    return own ? resolveTopLevel(view, own, name, hops) : null;
  }
  const own = names.exported.get(name);
  if (own) return resolveTopLevel(view, own, name, hops);
  for (const reExport of names.reExports) {
    const original = reExport.names.get(name) ?? (reExport.all && name !== 'default' ? name : undefined);
    if (original === undefined) continue;
    const target = importedModule(view, reExport.source);
    if (!target) continue;
    if (original === '*') return { kind: 'namespace', module: target };
    const found = resolveName(target, original, false, hops + 1);
    if (found) return found;
  }
  // A top-level declaration an importer names without a matching export: its declaration (as an
  // ES module's would be exported). Not in a CommonJS module, whose `module.exports = client` may
  // be anything but its top-level helpers.
  if (names.commonJs) return null;
  const declaredOnly = names.declared.get(name);
  return declaredOnly && declaredOnly.kind !== 'import' ? resolveTopLevel(view, declaredOnly, name, hops) : null;
}


/** The class `classNode` extends, found by name in its module or through an import; null when unknown. `statics`: its static side. */
function superClassOf(view: ModuleView, classNode: ClassNode, statics = false): (DeclaredType & { kind: 'class' }) | null {
  const superClass = classNode.superClass ? skipTransparent(classNode.superClass) : null;
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return null;
  const found = resolveName(view, superClass.name, true, 0);
  return found?.kind === 'class' ? (statics ? { ...found, static: true } : found) : null;
}

/** Is `member` on the side of a class that `type` reads (its static members for `type.static`, else its instance's)? */
function onSide(member: TSESTree.ClassElement, type: DeclaredType & { kind: 'class' }): boolean {
  return ('static' in member && member.static === true) === (type.static === true);
}

/** A class member's name, for a plain or private key. */
function memberKey(member: TSESTree.ClassElement): string | null {
  if (member.type === AST_NODE_TYPES.StaticBlock || member.type === AST_NODE_TYPES.TSIndexSignature || member.computed) return null;
  if (member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.key.name}`;
  return member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : null;
}

/** `m` of a class or, when it has none, of the nearest ancestor that has it: the function, `'abstract'`, or null when not found. */
function methodOf(type: DeclaredType & { kind: 'class' }, name: string): FoundFunction | 'abstract' | null {
  let current: (DeclaredType & { kind: 'class' }) | null = type;
  for (let level = 0; current && level <= MAX_HOPS; level += 1) {
    let abstract = false;
    for (const member of current.node.body.body) {
      if (memberKey(member) !== name || !onSide(member, current)) continue;
      if (member.type === AST_NODE_TYPES.TSAbstractMethodDefinition || member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) abstract = true;
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
        return { module: current.module, fn: member.value };
      }
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value) {
        const value = skipTransparent(member.value);
        return isFunctionNode(value) ? { module: current.module, fn: value } : null;
      }
    }
    if (abstract) return 'abstract';
    current = superClassOf(current.module, current.node, current.static === true);
  }
  return null;
}

/**
 * The method `name` of an object literal (`{ send(message) { ... } }`), when nothing replaces it:
 * no assignment of a property of that name in its module. Also a shorthand property naming a
 * top-level function of the same module (`export default { setPresence, deletePresence }`: the
 * module's functions gathered under one name, as a namespace import would give them). A property
 * holding a function under another name or an arrow (`{ send: logOnly }`) is left unknown: an
 * exported literal of such defaults is often a plug-in point that set-up code elsewhere replaces
 * (`notifier.send = postToSlack`).
 */
function propertyFunction(type: DeclaredType & { kind: 'object' }, name: string): FoundFunction | null {
  const property = propertyOf(type.node, name);
  if (!property || assignmentsOf(type.module, name).length > 0) return null;
  const value = skipTransparent(property.value);
  if (property.method) return isFunctionNode(value) ? { module: type.module, fn: value } : null;
  if (!property.shorthand || value.type !== AST_NODE_TYPES.Identifier) return null;
  const found = resolveName(type.module, value.name, true, 1);
  return found?.kind === 'function' && found.module === type.module ? { module: type.module, fn: found.node } : null;
}

/** The value of the property `name` of an object literal (see `propertyOf`). */
function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | null {
  const property = propertyOf(object, name);
  return property ? skipTransparent(property.value) : null;
}

/** The property `name` of an object literal (the last one written), or null when a spread or a computed key after it may hide it. */
function propertyOf(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) {
      found = null;
      if (property.type === AST_NODE_TYPES.SpreadElement || (property.type === AST_NODE_TYPES.Property && property.computed)) continue;
    }
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (key === name) found = property;
  }
  return found;
}

/**
 * Per module's tree: for each property name, the values assigned to it anywhere in the module
 * (`this.cache = cache`, `Store.client = new Client()`, `api.cache = c`); a compound assignment
 * (`||=`, `??=`) counts with the assignment itself as its value (not a construction). Built by one
 * walk of the module on its first question.
 */
const assignedValues = new WeakMap<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>();

function assignmentsOf(view: ModuleView, name: string): readonly TSESTree.Node[] {
  let all = assignedValues.get(view.program);
  if (!all) {
    const found = new Map<string, TSESTree.Node[]>();
    const visitorKeys = view.context.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
    const stack: TSESTree.Node[] = [view.program];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const key = node.left.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.left.property.name}` : staticMemberName(node.left);
        if (key !== null) {
          let values = found.get(key);
          if (!values) found.set(key, (values = []));
          values.push(node.operator === '=' ? node.right : node);
        }
      }
      for (const childKey of visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[childKey];
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push(child as TSESTree.Node);
        }
      }
    }
    all = found;
    assignedValues.set(view.program, all);
  }
  return all.get(name) ?? [];
}

/**
 * The classes a field holds when every value it is given in `owners` (the module that declares it,
 * and the receiver's; `initial`, the field's initialiser, written in the first, and each
 * assignment of a property of that name) is a `new C()`: each such
 * class exactly. Null when any is something else (a constructor's parameter, a setter's argument,
 * a factory's result) or when it is given none there (filled from outside).
 */
function constructedValues(owners: readonly ModuleView[], name: string, initial: TSESTree.Node | null | undefined): DeclaredType[] | null {
  const [first] = owners;
  if (!first) return null;
  const values = [...(initial ? [{ owner: first, value: initial }] : []), ...owners.flatMap((owner) => assignmentsOf(owner, name).map((value) => ({ owner, value })))];
  if (values.length === 0) return null;
  const all: DeclaredType[] = [];
  for (const { owner, value } of values) {
    const types = typesOfConstruction(owner, skipTransparent(value));
    if (!types) return null;
    for (const type of types) if (!all.some((known) => known.node === type.node)) all.push(type);
  }
  return all;
}

/** The types a type annotation names: classes and interfaces (`A | null` gives A's); null when anything else is in it. */
function typesOfAnnotation(view: ModuleView, annotation: TSESTree.Node | undefined, hops: number): DeclaredType[] | null {
  if (!annotation || hops > MAX_CHAIN + 2) return null;
  const type = annotation.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.typeAnnotation : annotation;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
      const found = resolveName(view, type.typeName.name, true, 0);
      return found?.kind === 'class' || found?.kind === 'interface' ? [found] : null;
    }
    case AST_NODE_TYPES.TSUnionType: {
      const all: DeclaredType[] = [];
      for (const member of type.types) {
        if (member.type === AST_NODE_TYPES.TSNullKeyword || member.type === AST_NODE_TYPES.TSUndefinedKeyword) continue;
        const types = typesOfAnnotation(view, member, hops + 1);
        if (!types) return null;
        all.push(...types);
      }
      return all.length > 0 ? all : null;
    }
    default:
      return null;
  }
}

/** `new C(...)` with `C` a class of the module or imported: that class. */
function typesOfConstruction(view: ModuleView, node: TSESTree.Node): DeclaredType[] | null {
  if (node.type !== AST_NODE_TYPES.NewExpression) return null;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const found = resolveName(view, callee.name, true, 0);
  return found?.kind === 'class' ? [{ ...found, exact: true }] : null;
}

/** The declared type of the field or getter `name` of a class (or of its ancestors) or of an interface's property. */
function memberTypes(type: DeclaredType, name: string, hops: number): DeclaredType[] | null {
  if (hops > MAX_CHAIN) return null;
  if (type.kind === 'interface') {
    for (const member of type.node.body.body) {
      if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed || member.key.type !== AST_NODE_TYPES.Identifier || member.key.name !== name) continue;
      return typesOfAnnotation(type.module, member.typeAnnotation, hops + 1);
    }
    return null;
  }
  if (type.kind === 'object') {
    const value = propertyValue(type.node, name);
    return value ? typesOf(type.module, value, hops + 1) : null;
  }
  const modules = (current: ModuleView): ModuleView[] => (current === type.module ? [current] : [current, type.module]);
  let current: (DeclaredType & { kind: 'class' }) | null = type;
  for (let level = 0; current && level <= MAX_HOPS; level += 1) {
    for (const member of current.node.body.body) {
      if (memberKey(member) === name && onSide(member, current)) {
        if (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) {
          // Declared as a class: that class or one of its folder's subclasses (`classesBehind`).
          // Declared as an interface or an abstract class, or not declared: an open set, known
          // only when every value the field is given is a `new C()` (a constructor's parameter or
          // a setter's argument may be any implementation, kept anywhere).
          const annotated = member.typeAnnotation ? typesOfAnnotation(current.module, member.typeAnnotation, hops + 1) : null;
          const declared = closedTypes(annotated);
          if (declared) return declared;
          const constructed = constructedValues(modules(current.module), name, member.value);
          if (!constructed) return null;
          // A private, `#private` or readonly field gets its values from its class's own code only:
          // exactly the classes constructed there. A public or protected one may be given another
          // by a subclass or by the code that sets up a shared instance (`store.driver = new
          // PostgresDriver()` at boot, kept in any folder): declared as an interface or abstract
          // class, it is unknown; not declared, the constructed classes with their folders'
          // subclasses behind them.
          const sealed = member.accessibility === 'private' || member.key.type === AST_NODE_TYPES.PrivateIdentifier || member.readonly === true;
          if (sealed) return constructed;
          return annotated ? null : opened(constructed);
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'get') return typesOfAnnotation(current.module, member.value.returnType, hops + 1);
        return null;
      }
      if (!current.static && member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const target = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (target.type === AST_NODE_TYPES.Identifier && target.name === name) return closedTypes(typesOfAnnotation(current.module, target.typeAnnotation, hops + 1));
        }
      }
    }
    current = superClassOf(current.module, current.node, current.static === true);
  }
  // Not declared (`this.store = new MemoryStore()` in a constructor of plain JavaScript): the
  // values it is given, with the classes of their folders behind them (any code may set it).
  const constructed = constructedValues([type.module], name, null);
  return constructed ? opened(constructed) : null;
}

/** `types` with no class taken exactly: any class of its folder that extends it may be behind it. */
function opened(types: readonly DeclaredType[]): DeclaredType[] {
  return types.map((type) => (type.kind === 'class' ? { ...type, exact: false } : type));
}

/** The declared return type of `m` of a type (a class method's `): T`, an interface method signature's). */
function returnTypes(type: DeclaredType, name: string, hops: number): DeclaredType[] | null {
  if (type.kind === 'interface') {
    for (const member of type.node.body.body) {
      if (member.type === AST_NODE_TYPES.TSMethodSignature && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        return typesOfAnnotation(type.module, member.returnType, hops + 1);
      }
    }
    return null;
  }
  const method = type.kind === 'object' ? propertyFunction(type, name) : methodOf(type, name);
  return method && method !== 'abstract' ? typesOfAnnotation(method.module, method.fn.returnType, hops + 1) : null;
}

/**
 * The class or interface types the value of `expression` (in `view`) is declared as (see the
 * module comment), or null when not known.
 */
function typesOf(view: ModuleView, expression: TSESTree.Node, hops: number): DeclaredType[] | null {
  if (hops > MAX_CHAIN) return null;
  const node = skipTransparent(expression);
  switch (node.type) {
    case AST_NODE_TYPES.ThisExpression: {
      const classNode = enclosingClass(node);
      return classNode ? [{ kind: 'class', module: view, node: classNode, name: classNode.id?.name ?? '', static: inStaticMember(node) }] : null;
    }
    case AST_NODE_TYPES.NewExpression:
      return typesOfConstruction(view, node);
    case AST_NODE_TYPES.ObjectExpression:
      return [{ kind: 'object', module: view, node, name: '' }];
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticMemberName(node);
      const owners = name === null ? null : typesOf(view, node.object, hops + 1);
      if (!owners || name === null) return null;
      const all: DeclaredType[] = [];
      for (const owner of owners) {
        const types = memberTypes(owner, name, hops + 1);
        if (!types) return null;
        all.push(...types);
      }
      return all;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const found = localOrImportedFunction(view, callee);
        return found ? typesOfAnnotation(found.module, found.fn.returnType, hops + 1) : null;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const name = staticMemberName(callee);
      const owners = name === null ? null : typesOf(view, callee.object, hops + 1);
      if (!owners || name === null) return null;
      const all: DeclaredType[] = [];
      for (const owner of owners) {
        const types = returnTypes(owner, name, hops + 1);
        if (!types) return null;
        all.push(...types);
      }
      return all;
    }
    case AST_NODE_TYPES.Identifier:
      return typesOfVariable(view, node, hops);
    default:
      return null;
  }
}

/**
 * `types` when none is an interface or an abstract class, else null. A parameter (also a
 * constructor's parameter property) is where the caller plugs in its own implementation of such
 * a type (a Redis cache for a `Cache`, a network adapter from another package): the classes found
 * beside the declaration are not all that can be behind it.
 */
function closedTypes(types: DeclaredType[] | null): DeclaredType[] | null {
  if (types === null) return null;
  return types.some((type) => type.kind === 'interface' || (type.kind === 'class' && type.node.abstract === true)) ? null : types;
}

/** Is `node` (a `this`) in a static method or a static field's initialiser, where `this` is the class itself? */
function inStaticMember(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.static;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static;
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
    if (current.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return false;
}

/** The declared type of a variable or parameter read by `identifier`, from its annotation or its `const` initialiser. */
function typesOfVariable(view: ModuleView, identifier: TSESTree.Identifier, hops: number): DeclaredType[] | null {
  const variable = variableOfIdentifier(view.context.sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return null;
  // `Store.load()`: a class of this module is its static side.
  if (definition.type === 'ClassName') {
    const classNode = definition.node as ClassNode;
    return [{ kind: 'class', module: view, node: classNode, name: classNode.id?.name ?? '', static: true }];
  }
  // An import (also `const store = require('./store')`): a class (its static side), a module's
  // singleton (`export default new Store()`) or object literal.
  if ((variable?.scope.type === 'module' || variable?.scope.type === 'global') && namesOf(view).declared.get(identifier.name)?.kind === 'import') {
    const found = resolveName(view, identifier.name, true, 0);
    if (found?.kind === 'class') return [{ ...found, static: true }];
    return found?.kind === 'value' ? [found.type] : null;
  }
  const declared = definition.name as TSESTree.Identifier;
  if (declared.typeAnnotation) {
    const types = typesOfAnnotation(view, declared.typeAnnotation, hops + 1);
    return definition.type === 'Parameter' ? closedTypes(types) : types;
  }
  if (definition.type === 'Parameter') {
    // `([id, space]: [string, Space]) => ...`: an element of a tuple-typed array pattern.
    const pattern = declared.parent;
    if (pattern?.type === AST_NODE_TYPES.ArrayPattern && pattern.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSTupleType) {
      const element = pattern.typeAnnotation.typeAnnotation.elementTypes[pattern.elements.indexOf(declared)];
      return element ? typesOfAnnotation(view, element, hops + 1) : null;
    }
    return null;
  }
  if (definition.type !== 'Variable' || definition.node.id !== declared || !definition.node.init) return null;
  if (definition.parent.kind !== 'const') return null;
  return typesOf(view, definition.node.init, hops + 1);
}

/** A function of `view` or imported into it from a relative module, called by the name `callee`. */
function localOrImportedFunction(view: ModuleView, callee: TSESTree.Identifier): FoundFunction | null {
  const variable = variableOfIdentifier(view.context.sourceCode, callee);
  // Declared in a nested scope: not a top-level name.
  if (variable && variable.scope.type !== 'module' && variable.scope.type !== 'global') return null;
  const found = resolveName(view, callee.name, true, 0);
  return found?.kind === 'function' ? { module: found.module, fn: found.node } : null;
}

/**
 * Per parsed declaring module (its `Program`, a new one for each version of its file), then per
 * folder listing (the folder's modification time: a file added or removed changes it) and name:
 * the classes of the folder that extend or implement the name. Kept with the module's tree, so an
 * editor session that edits the declaration or adds an implementation asks again, and a tree
 * nobody holds any more is let go.
 */
const relatedInFolder = new WeakMap<TSESTree.Program, Map<string, readonly DeclaredType[] | null>>();

/**
 * The classes that can be behind a value declared as `type`: `type` itself when it is a class, and
 * the classes of `type`'s folder that extend or implement it, directly or through each other.
 * Null when the folder cannot be read or holds more than `MAX_FOLDER_FILES` source files.
 */
function classesBehind(type: DeclaredType): DeclaredType[] | null {
  const folder = path.dirname(type.module.file);
  const listed = recentStats(folder)?.mtimeMs;
  if (listed === undefined) return null;
  let perModule = relatedInFolder.get(type.module.program);
  if (!perModule) relatedInFolder.set(type.module.program, (perModule = new Map()));
  const key = `${listed}\0${type.name}`;
  let related = perModule.get(key);
  if (related === undefined) {
    related = findRelated(folder, type);
    perModule.set(key, related);
  }
  if (related === null) return null;
  return type.kind === 'class' ? [type, ...related.filter((found) => found.node !== type.node)] : [...related];
}

function findRelated(folder: string, type: DeclaredType): DeclaredType[] | null {
  if (!type.name) return [];
  let entries: string[];
  try {
    entries = readdirSync(folder).filter((name) => SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name));
  } catch {
    return null;
  }
  if (entries.length > MAX_FOLDER_FILES) return null;
  const names = new Set([type.name]);
  const found: DeclaredType[] = [];
  const seen = new Set<ClassNode>([]);
  const related = (expression: TSESTree.Node | null | undefined): boolean => {
    const node = expression ? skipTransparent(expression) : null;
    return node?.type === AST_NODE_TYPES.Identifier && names.has(node.name);
  };
  for (let round = 0; round < MAX_HOPS; round += 1) {
    const before = found.length;
    for (const entry of entries) {
      const file = path.join(folder, entry);
      // Only a file whose text names one of the classes after `extends` / `implements` is parsed.
      const heritage = fromModuleText(file, 'classHeritage', (text) => [...text.matchAll(HERITAGE)].map((match) => match[1] ?? '').join(' '));
      if (!heritage || ![...names].some((name) => new RegExp(`(?:^|[^\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(heritage))) continue;
      const view = moduleAt(file, type.module.context);
      if (!view) continue;
      for (const declared of namesOf(view).declared.values()) {
        if (declared.kind !== 'class' || seen.has(declared.node)) continue;
        const classNode = declared.node;
        if (!related(classNode.superClass) && !classNode.implements.some((clause) => related(clause.expression))) continue;
        seen.add(classNode);
        const name = classNode.id?.name ?? '';
        found.push({ kind: 'class', module: view, node: classNode, name });
        if (name) names.add(name);
      }
    }
    if (found.length === before) break;
  }
  return found;
}

/**
 * The functions the method `name` can be for a value declared as one of `types`: for each class
 * that can be behind it (see `classesBehind`), the method it has or inherits. Abstract classes
 * only lend their methods to their subclasses. Null when any class has no such method or an
 * abstract one, or when no class is found.
 */
function methodsBehind(types: readonly DeclaredType[], name: string): FoundFunction[] | null {
  const all: FoundFunction[] = [];
  for (const type of types) {
    // One object literal, one instance made with `new C()`, a class's static side: what runs is known.
    if (type.kind === 'object' || (type.kind === 'class' && (type.exact === true || type.static === true))) {
      const method = type.kind === 'object' ? propertyFunction(type, name) : methodOf(type, name);
      if (method === null || method === 'abstract') return null;
      if (!all.some((known) => known.fn === method.fn)) all.push(method);
      continue;
    }
    const classes = classesBehind(type);
    if (!classes) return null;
    let concrete = 0;
    for (const candidate of classes) {
      if (candidate.kind !== 'class') continue;
      const isAbstract = candidate.node.abstract === true;
      const method = methodOf(candidate, name);
      if (isAbstract && (method === null || method === 'abstract')) continue;
      if (method === null || method === 'abstract') return null;
      concrete += 1;
      if (!all.some((known) => known.fn === method.fn)) all.push(method);
    }
    if (concrete === 0) return null;
  }
  return all;
}

/**
 * The functions `call` (in the linted file or a module parsed here) can run, when they are found in
 * another module (see the module comment); null when not known, or when the callee or the type
 * of its receiver is declared in the calling module itself (a function of the file, a method of one
 * of its classes): those are the caller's own summaries to follow. A type declared elsewhere may
 * still lead back to a class of this module (an interface it implements).
 */
export function calleesElsewhere(view: ModuleView, call: TSESTree.CallExpression): FoundFunction[] | null {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const found = localOrImportedFunction(view, callee);
    return found && found.module !== view ? [found] : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = staticMemberName(callee);
  if (name === null) return null;
  const object = skipTransparent(callee.object);
  if (object.type === AST_NODE_TYPES.Super) {
    const classNode = enclosingClass(object);
    const parent = classNode ? superClassOf(view, classNode) : null;
    const method = parent?.kind === 'class' ? methodOf(parent, name) : null;
    return method && method !== 'abstract' ? [method] : null;
  }
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = enclosingClass(object);
    if (!classNode) return null;
    const method = methodOf({ kind: 'class', module: view, node: classNode, name: classNode.id?.name ?? '' }, name);
    return method && method !== 'abstract' && method.module !== view ? [method] : null;
  }
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOfIdentifier(view.context.sourceCode, object);
    if ((variable?.scope.type === 'module' || variable?.scope.type === 'global') && namesOf(view).declared.get(object.name)?.kind === 'import') {
      const found = resolveName(view, object.name, true, 0);
      if (found?.kind === 'namespace') {
        const member = resolveName(found.module, name, false, 1);
        if (member?.kind === 'function') return [{ module: member.module, fn: member.node }];
        // `store.get(id)` where the module's export `get` is an object or a singleton, not a function.
        return null;
      }
      if (found?.kind !== 'class' && found?.kind !== 'value') return null;
    }
  }
  const types = typesOf(view, object, 0);
  // A receiver declared as a class of this module itself is the caller's to judge (its summaries).
  if (!types || types.length === 0 || types.every((type) => type.module === view)) return null;
  return methodsBehind(types, name);
}

/**
 * The function written in the project module `file` whose body starts at offset `bodyStart` (where
 * the checker puts the body of a callee's declaration), with `file` parsed as the modules above
 * are; null for a declaration file, a file that does not parse, or no function body there. Typed
 * mode's way into a callee the receiver reading above does not follow (`list.update(change)` where
 * `list` is whatever a factory of another module returns): the checker names the declaration, the
 * same per-file summaries judge it. Descends only into the nodes that hold the offset.
 */
export function functionWithBodyAt(file: string, bodyStart: number, host: AnyRuleContext): FoundFunction | null {
  const view = moduleAt(file, host);
  return view ? functionWithBodyIn(view, bodyStart) : null;
}

/**
 * What may run for a call whose callee's declaration is `found`: for an instance method of a named
 * class, that method and the same method of every class of its folder that extends it (see
 * `methodsBehind`: the checker names the declared class's method, while a subclass's override may
 * be what runs; null when an override is abstract or the folder is not read); otherwise `found`.
 */
export function overridesOf(found: FoundFunction): FoundFunction[] | null {
  const member = found.fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.static || member.parent.parent.type === AST_NODE_TYPES.ClassExpression) return [found];
  const classNode = member.parent.parent;
  const name = memberKey(member);
  if (name === null || !classNode.id) return null;
  return methodsBehind([{ kind: 'class', module: found.module, node: classNode, name: classNode.id.name }], name);
}

/** The function of `view` whose body starts at offset `bodyStart` (see `functionWithBodyAt`), or null. */
export function functionWithBodyIn(view: ModuleView, bodyStart: number): FoundFunction | null {
  const visitorKeys = view.context.sourceCode.visitorKeys;
  let node: TSESTree.Node | undefined = view.program;
  for (let steps = 0; node !== undefined && steps < 200; steps += 1) {
    const current: TSESTree.Node = node;
    if (isFunctionNode(current) && current.body.range[0] === bodyStart) return { module: view, fn: current };
    let next: TSESTree.Node | undefined;
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (typeof child !== 'object' || child === null || !('range' in child)) continue;
        const range = (child as TSESTree.Node).range;
        if (range[0] <= bodyStart && bodyStart < range[1]) next = child as TSESTree.Node;
      }
      if (next) break;
    }
    node = next;
  }
  return null;
}
