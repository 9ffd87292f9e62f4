import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { COLLECTION_MUTATOR_METHODS } from '../catalog/ordered-calls';
import { skipTransparent, staticMemberName } from '../util/ast';

/**
 * An access path: a binding, optionally followed by the non-computed members read or written
 * through it: `user`, `this.repo`, `state.items`. `this` (and `super`) are written as `this`.
 * A computed member (`a[i]`) is the whole object `a`: we do not know which element it touches.
 */
export type AccessPath = string;

/** What a piece of code reads and writes, by access path, and whether it pauses. */
export interface Accesses {
  /** Paths read: identifiers, member chains read as values, the receiver of every method call (whole). */
  readonly reads: AccessPath[];
  /** Paths written: declared names (also destructured), assignment and update targets. */
  readonly writes: AccessPath[];
  /** `await` expressions (and `for await`) outside nested functions. */
  readonly awaits: TSESTree.Node[];
  /** True when a `yield` occurs outside nested functions. */
  readonly yields: boolean;
  /** Call and `new` expressions, nested functions included. */
  readonly calls: Array<TSESTree.CallExpression | TSESTree.NewExpression>;
}

type VisitorKeys = TSESLint.SourceCode['visitorKeys'];

/**
 * The access path of an expression that names a place: `a`, `this`, `a.b.c`, `this.x`; a computed
 * member is its object's path (`a[i]` → `a`). Null for anything else (calls, literals, `(await x).y`).
 */
export function accessPathOf(node: TSESTree.Node): AccessPath | null {
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return current.name;
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = accessPathOf(current.object);
      if (object === null) return null;
      if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
        return `${object}.${current.property.name}`;
      }
      if (!current.computed && current.property.type === AST_NODE_TYPES.PrivateIdentifier) {
        return `${object}.#${current.property.name}`;
      }
      return object;
    }
    default:
      return null;
  }
}

/**
 * The access paths an expression may evaluate to: its own path, or each branch's of a
 * conditional or logical expression (`Object.assign(scoped ? a : b, x)` may change `a` or `b`).
 */
export function possiblePaths(node: TSESTree.Node): AccessPath[] {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...possiblePaths(current.consequent), ...possiblePaths(current.alternate)];
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression) {
    return [...possiblePaths(current.left), ...possiblePaths(current.right)];
  }
  const path = accessPathOf(current);
  return path === null ? [] : [path];
}

/** The binding an access path starts from: `this.repo.x` → `this`. */
export function rootOf(path: AccessPath): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}

/**
 * A set of access paths that answers "does this path overlap one of mine" in time proportional
 * to the path's length, whatever the set's size: two paths overlap when one is a prefix of the
 * other at a member boundary (`a` and `a.b` overlap, `a.b` and `a.c` do not). Writing `user`
 * makes a later read of `user.id` dependent; writing `this.cache` makes a call on `this` dependent.
 */
export class PathSet {
  private readonly exact = new Set<AccessPath>();
  private readonly prefixes = new Set<AccessPath>();

  add(path: AccessPath): void {
    if (this.exact.has(path)) return;
    this.exact.add(path);
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      this.prefixes.add(path.slice(0, dot));
    }
  }

  addAll(paths: Iterable<AccessPath>): void {
    for (const path of paths) this.add(path);
  }

  /** True when `path` is in the set, is a prefix of a path in it, or has one in it as a prefix. */
  overlaps(path: AccessPath): boolean {
    if (this.exact.has(path) || this.prefixes.has(path)) return true;
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      if (this.exact.has(path.slice(0, dot))) return true;
    }
    return false;
  }

  overlapsAny(paths: Iterable<AccessPath>): boolean {
    for (const path of paths) if (this.overlaps(path)) return true;
    return false;
  }

  get size(): number {
    return this.exact.size;
  }

  clear(): void {
    this.exact.clear();
    this.prefixes.clear();
  }
}

/** Calls `visit` on each child node of `node`, in source order, using the parser's visitor keys. */
export function forEachChild(node: TSESTree.Node, visitorKeys: VisitorKeys, visit: (child: TSESTree.Node) => void): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) visit(item);
    } else if (isNode(child)) {
      visit(child);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `Object` functions that change their first argument in place. */
const OBJECT_MUTATORS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);


/** TS nodes that hold an expression worth walking; every other `TS*` node is a type and skipped. */
const TS_VALUE_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.TSParameterProperty,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSEnumMember,
]);

/** Names a pattern binds (`{ a, b: [c], ...d }` → a, c, d); default values are not names. */
export function patternNames(pattern: TSESTree.Node, into: string[] = []): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      into.push(pattern.name);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        patternNames(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value, into);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) patternNames(element, into);
      break;
    case AST_NODE_TYPES.RestElement:
      patternNames(pattern.argument, into);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      patternNames(pattern.left, into);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      patternNames(pattern.parameter, into);
      break;
    default:
      break;
  }
  return into;
}

/** Names a nested function declares for itself: parameters and its body's top-level declarations. */
function ownNames(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) for (const name of patternNames(param)) names.add(name);
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.id) names.add(fn.id.name);
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of fn.body.body) {
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) for (const name of patternNames(declarator.id)) names.add(name);
      } else if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id) {
        names.add(statement.id.name);
      }
    }
  }
  return names;
}

/**
 * Collects what `node` reads and writes, in one walk of its subtree:
 * - reads: every identifier used as a value; a member chain read as a value by its path
 *   (`user.id`); the receiver of a method call as a whole (`this.load()` reads `this`, since the
 *   method may read any of its state); an object passed anywhere by its own path;
 * - writes: names bound by declarations and destructuring, targets of `=`/`+=`/`++`
 *   (`a.b = 1` writes `a.b`; `a[i] = 1` writes `a`); compound assignments also read their target;
 *   the receiver of a collection mutator (`list.push(x)` writes `list`, see
 *   `COLLECTION_MUTATOR_METHODS`) and the target of `Object.assign(target, ...)`;
 * - nested functions are walked too (a closure may run at any time, so its accesses count), but
 *   names a nested function binds itself (parameters, top-level declarations) shadow outer ones
 *   and are skipped; its awaits and yields are its own and not collected.
 * Type annotations are not walked. Names are compared as written, so a shadowed name inside a
 * nested block counts as the outer binding: that can only add dependencies, never hide one.
 */
export function collectAccesses(node: TSESTree.Node, visitorKeys: VisitorKeys): Accesses {
  const accesses: Accesses = { reads: [], writes: [], awaits: [], yields: false, calls: [] };
  const mutable = accesses as { yields: boolean };
  const shadowed: Array<Set<string>> = [];
  let functionDepth = 0;

  const isShadowed = (path: AccessPath): boolean => {
    if (shadowed.length === 0) return false;
    const root = rootOf(path);
    return shadowed.some((names) => names.has(root));
  };
  const read = (path: AccessPath): void => {
    if (!isShadowed(path)) accesses.reads.push(path);
  };
  const write = (path: AccessPath): void => {
    if (!isShadowed(path)) accesses.writes.push(path);
  };

  /** Walks the computed keys and default values inside a member chain or pattern, not its names. */
  const walkMemberParts = (member: TSESTree.Node): void => {
    const current = skipTransparent(member);
    if (current.type !== AST_NODE_TYPES.MemberExpression) {
      if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.ThisExpression) walk(current);
      return;
    }
    walkMemberParts(current.object);
    if (current.computed) walk(current.property);
  };

  /** A write target: identifier, member chain, or destructuring pattern. */
  const target = (node: TSESTree.Node, alsoRead: boolean): void => {
    switch (node.type) {
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) target(property.argument, alsoRead);
          else {
            if (property.computed) walk(property.key);
            target(property.value, alsoRead);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of node.elements) if (element) target(element, alsoRead);
        return;
      case AST_NODE_TYPES.RestElement:
        target(node.argument, alsoRead);
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        walk(node.right);
        target(node.left, alsoRead);
        return;
      default: {
        const path = accessPathOf(node);
        if (path === null) {
          walk(node);
          return;
        }
        write(path);
        if (alsoRead) read(path);
        walkMemberParts(node);
      }
    }
  };

  const walkChildren = (current: TSESTree.Node): void => forEachChild(current, visitorKeys, walk);

  const walk = (current: TSESTree.Node): void => {
    if (current.type.startsWith('TS') && !TS_VALUE_WRAPPERS.has(current.type)) return;
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        read(current.name);
        return;
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Super:
        read('this');
        return;
      case AST_NODE_TYPES.MemberExpression: {
        const path = accessPathOf(current);
        if (path === null) {
          walk(current.object);
          if (current.computed) walk(current.property);
        } else {
          read(path);
          walkMemberParts(current);
        }
        return;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        accesses.calls.push(current);
        const callee = skipTransparent(current.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const receiver = accessPathOf(callee.object);
          const method = staticMemberName(callee);
          if (receiver !== null) {
            read(receiver);
            // `list.push(x)`, `map.set(k, v)`: the receiver changes.
            if (method !== null && COLLECTION_MUTATOR_METHODS.has(method)) write(receiver);
            // `Object.assign(target, ...)`: the first argument changes.
            const [first] = current.arguments;
            if (receiver === 'Object' && method !== null && OBJECT_MUTATORS.has(method) && first) {
              for (const target of possiblePaths(first)) write(target);
            }
          }
          walk(callee);
        } else {
          walk(callee);
        }
        for (const argument of current.arguments) walk(argument);
        return;
      }
      case AST_NODE_TYPES.AssignmentExpression:
        target(current.left, current.operator !== '=');
        walk(current.right);
        return;
      case AST_NODE_TYPES.UpdateExpression:
        target(current.argument, true);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        target(current.id, false);
        if (current.init) walk(current.init);
        return;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        if (current.type === AST_NODE_TYPES.ForOfStatement && current.await && functionDepth === 0) {
          accesses.awaits.push(current);
        }
        if (current.left.type === AST_NODE_TYPES.VariableDeclaration) walk(current.left);
        else target(current.left, false);
        walk(current.right);
        walk(current.body);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        if (functionDepth === 0) accesses.awaits.push(current);
        walk(current.argument);
        return;
      case AST_NODE_TYPES.YieldExpression:
        if (functionDepth === 0) mutable.yields = true;
        if (current.argument) walk(current.argument);
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id) write(current.id.name);
        functionDepth += 1;
        shadowed.push(ownNames(current));
        for (const param of current.params) target(param, false);
        walk(current.body);
        shadowed.pop();
        functionDepth -= 1;
        return;
      case AST_NODE_TYPES.ClassDeclaration:
        if (current.id) write(current.id.name);
        walkChildren(current);
        return;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (current.computed) walk(current.key);
        if (current.value) walk(current.value);
        return;
      case AST_NODE_TYPES.LabeledStatement:
        walk(current.body);
        return;
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.MetaProperty:
      case AST_NODE_TYPES.PrivateIdentifier:
        return;
      case AST_NODE_TYPES.JSXAttribute:
        // The attribute's name is not a binding; its value may read one.
        if (current.value) walk(current.value);
        return;
      case AST_NODE_TYPES.JSXOpeningElement:
        if (current.name.type === AST_NODE_TYPES.JSXIdentifier && /^[A-Z]/.test(current.name.name)) {
          read(current.name.name);
        } else if (current.name.type === AST_NODE_TYPES.JSXMemberExpression) {
          let object: TSESTree.Node = current.name;
          while (object.type === AST_NODE_TYPES.JSXMemberExpression) object = object.object;
          if (object.type === AST_NODE_TYPES.JSXIdentifier) read(object.name);
        }
        for (const attribute of current.attributes) walk(attribute);
        return;
      case AST_NODE_TYPES.JSXClosingElement:
        return;
      default:
        walkChildren(current);
    }
  };

  walk(node);
  return accesses;
}

/** The places an assignment's left side writes: itself, or each target of a destructuring pattern. */
export function assignmentTargets(left: TSESTree.Node, into: TSESTree.Node[] = []): TSESTree.Node[] {
  switch (left.type) {
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of left.properties) {
        assignmentTargets(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value, into);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of left.elements) if (element) assignmentTargets(element, into);
      break;
    case AST_NODE_TYPES.RestElement:
      assignmentTargets(left.argument, into);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      assignmentTargets(left.left, into);
      break;
    default:
      into.push(left);
  }
  return into;
}

/** Every name declared anywhere inside `node` (parameters, declarations at any depth, catch parameters). */
function namesDeclaredWithin(node: TSESTree.Node, visitorKeys: VisitorKeys, into: Set<string>): void {
  switch (node.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      for (const name of patternNames(node.id)) into.add(name);
      break;
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      if (node.id) into.add(node.id.name);
      for (const param of node.params) for (const name of patternNames(param)) into.add(name);
      break;
    case AST_NODE_TYPES.ClassDeclaration:
      if (node.id) into.add(node.id.name);
      break;
    case AST_NODE_TYPES.CatchClause:
      if (node.param) for (const name of patternNames(node.param)) into.add(name);
      break;
    default:
      break;
  }
  forEachChild(node, visitorKeys, (child) => namesDeclaredWithin(child, visitorKeys, into));
}

/**
 * True when calling `fn` changes state declared outside it: it assigns or mutates (`push`,
 * `Object.assign`) a binding it does not declare itself, or a member of `this`. Two calls of such
 * a function (or one per loop iteration) take effect in call order. Names are compared as
 * written: a name declared anywhere inside `fn` counts as its own.
 */
export function writesOutside(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
  visitorKeys: VisitorKeys,
): boolean {
  const own = new Set<string>();
  namesDeclaredWithin(fn, visitorKeys, own);
  const accesses = collectAccesses(fn.body, visitorKeys);
  return accesses.writes.some((path) => !own.has(rootOf(path)));
}
