import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { PromiseTwin } from '../catalog/blocking-apis';
import { type FunctionNode, isFunctionNode } from './async-context';
import { requiredModule } from '../util/ast';

// The mechanics of a suggestion that replaces a blocking call with `await <promise twin>(...)`:
// where `await` is valid, when it needs parentheses, and how the twin is imported.

/** True when `node` is inside `fn`'s parameters (where `await` is not allowed). */
function isInParameters(node: TSESTree.Node, fn: FunctionNode): boolean {
  return fn.params.some((param) => param.range[0] <= node.range[0] && node.range[1] <= param.range[1]);
}

/**
 * True when an `await` written at `node` would be valid and awaited by `fn`: no function boundary
 * (not even an inline callback) between them, and not in the parameters.
 */
export function canAwaitIn(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === fn) return !isInParameters(node, fn);
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return false;
    }
  }
  return false;
}

/** True when `await call` must be parenthesized to keep the call's place in the expression. */
export function needsParentheses(call: TSESTree.CallExpression): boolean {
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
export function asiGuard(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
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
  const module = requiredModule(node);
  return module !== null && modules.has(module);
}

export function isRequireCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require';
}

/** `require('x')`, `require('x').a.b`: a value that comes from another module. */
export function isRequireExpression(node: TSESTree.Expression): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.CallExpression && isRequireCall(current);
}

/**
 * True when declaring `name` at module level would not capture or collide with anything seen from
 * `scope`: no scope from `scope` up declares it, and no reference anywhere in the file leaves the
 * global scope unresolved under that name (`layout.undeclaredNames`).
 */
function isNameFree(name: string, scope: TSESLint.Scope.Scope, layout: ImportLayout): boolean {
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    if (current.set.has(name)) return false;
    if (current.type === 'global' && layout.undeclaredNames.has(name)) return false;
  }
  return true;
}

/** How a suggestion names the promise twin and which import it adds (if any). */
export interface TwinAccess {
  readonly expression: string;
  readonly addImport: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null;
}

/** Where a file's imports are, read once per file for all its suggestions. */
export interface ImportLayout {
  readonly lastImport: TSESTree.Node | null;
  readonly lastRequire: TSESTree.Node | null;
  /** The first statement that is not a directive: where an import goes in a file without any. */
  readonly firstStatement: TSESTree.Node | null;
  /** Value imports of `fs/promises` / `node:fs/promises`. */
  readonly promiseImports: readonly TSESTree.ImportDeclaration[];
  /** `const x = require('fs/promises')` and `const { a } = require('node:fs/promises')`. */
  readonly promiseRequires: readonly TSESTree.VariableDeclarator[];
  /**
   * The names of the global scope's unresolved references (`globalScope.through`): read once per
   * file, so checking that a twin's name is free costs the same for the hundredth suggestion as
   * for the first.
   */
  readonly undeclaredNames: ReadonlySet<string>;
}

export function readImportLayout(sourceCode: Readonly<TSESLint.SourceCode>): ImportLayout {
  const program = sourceCode.ast;
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
  const undeclaredNames = new Set((sourceCode.scopeManager?.globalScope?.through ?? []).map((reference) => reference.identifier.name));
  return { lastImport, lastRequire, firstStatement, promiseImports, promiseRequires, undeclaredNames };
}

/**
 * How to reach `twin` from `node:fs/promises` at `call`: an existing import or require of
 * `fs/promises` / `node:fs/promises` is reused (its binding, or a specifier added to its named
 * imports), else one is added after the last import (ES modules) or the last top-level statement
 * with a `require()` (CommonJS). Null when the twin's name is taken in scope: no suggestion then,
 * rather than an alias the reader did not ask for.
 */
export function planTwinAccess(
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
  if (!isNameFree(twin.name, scope, layout)) return null;
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

/** True when no function boundary separates `node` from the module's top level. */
export function isDirectlyInProgram(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return false;
    }
  }
  return true;
}
