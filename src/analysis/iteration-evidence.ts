/**
 * Positive evidence that a loop of awaits is worth running together (`prefer-promise-all-in-loop`).
 *
 * The rule's other checks ask "must these iterations stay in order?"; a loop that passes them all
 * is still often not worth changing: a few local files, a settings write per provider, a start-up
 * step per plugin. What the loops that reviewers do change have in common is positive evidence of
 * one of two kinds, which this module reads:
 *
 * - **a round trip per item** (`waitsRemotely`): an awaited call of the iteration reaches another
 *   machine or process: the global `fetch`, a client of a network package (HTTP, a database, a
 *   cache, a queue, a cloud SDK: `REMOTE_PACKAGES`), an object made from one (`const s3 = new
 *   S3Client()`), an object made with an address (`new RestClient({ baseUrl })`), a receiver or
 *   argument named as a remote client (`this.redisClient`, `{ graphqlClient }`, `prisma`, `pool`),
 *   a field declared with a client or repository type (`private users: Repository<User>`), or a
 *   function of this file (`MAX_DEPTH` functions deep) or of a relative module (its body's text)
 *   that makes such a call. Each iteration then waits for a network latency that gathering
 *   overlaps;
 * - **work the author already runs together** (`gathersInside`): the per-item function of this
 *   file gathers its own awaits (`await Promise.all(SIZES.map(...))`): its author found the inner
 *   steps worth overlapping, and the loop around it repeats them per item;
 * - **a list the size of the data** (`listOrigin`): the iterated list comes from what the
 *   function is handed (a parameter, a member of one: `event.Records`, `job.data.to`, `.filter`/
 *   `.map` of those), from an awaited answer (`await prisma.endpoint.findMany(...)`, `cart.items`
 *   of a fetched cart), or from a directory listing or glob (`readdir`, `glob.sync`). Lists written
 *   in the code (an array literal, a module constant, a field of `this` filled by the program: its
 *   plugins, targets, providers) stay the size the program made them.
 *
 * Each answer is computed once per call or loop and cached per file.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import {
  ADDRESS_OPTION,
  CLIENT_GETTER_NAME,
  CLIENT_PACKAGE_NAME,
  GLOBAL_FETCH_NAMES,
  HEAVY_WORK_MODULES,
  HOST_API_SCOPES,
  LIST_VIEW_METHODS,
  LISTING_CALL,
  PROGRESS_METHODS,
  REMOTE_CLIENT_NAME,
  REMOTE_MODULE_NAME,
  REMOTE_PACKAGE_SCOPES,
  REMOTE_PACKAGES,
  REMOTE_TYPE_NAME,
} from '../catalog/iteration-evidence';
import { enclosingClass, hasOption, promiseCombinatorOf, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { type FunctionNode, isFunctionNode } from './async-context';
import { getFileEffects, type EffectCall } from './effects';
import { forEachChild } from './dependencies';
import { getImportSource } from './imports';
import { getRelativeModules } from './module-resolution';
import { type AnyRuleContext, perFile } from './per-file';
import { someNodeInSameFunction } from './walk';

/** How many functions of this file deep `waitsRemotely` follows the calls of a per-item function. */
const MAX_DEPTH = 3;

/** `Promise.all(...)` or `Promise.allSettled(...)`: a combinator that runs work together. */
function gathersWithPromise(call: TSESTree.CallExpression): boolean {
  const combinator = promiseCombinatorOf(call.callee);
  return combinator === 'all' || combinator === 'allSettled';
}

/** `Promise.all(...)`, `Promise.allSettled(...)`, `pMap(...)`: a call that runs work together. */
function isGatheringCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'pMap' || callee.name === 'pAll';
  return gathersWithPromise(call);
}

/** Where the iterated list comes from (see the module comment). */
export type ListOrigin = 'parameter' | 'awaited' | 'listing' | 'written' | 'field' | 'unknown';

/** The package a specifier names: `@aws-sdk/client-s3`, `pg` of `pg/lib/x`. */
function packageOf(specifier: string): string {
  const parts = specifier.replace(/^node:/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** True when a module specifier names a client package of a remote service. */
export function isRemotePackage(specifier: string): boolean {
  return REMOTE_PACKAGES.has(packageOf(specifier)) || REMOTE_PACKAGE_SCOPES.test(specifier);
}

/**
 * True when a package (not a module of the project) is named as an API client
 * (`CLIENT_PACKAGE_NAME`: `@acme/api-client`, `@acme/sdk`, `@notionhq/client`), outside the scopes
 * of host APIs (`HOST_API_SCOPES`: `@opentelemetry/api`, `@tauri-apps/api`).
 */
function namesClientPackage(specifier: string): boolean {
  if (/^(?:\.|\/|#|~\/|@\/|node:)/.test(specifier) || HOST_API_SCOPES.test(specifier)) return false;
  const name = packageOf(specifier);
  return CLIENT_PACKAGE_NAME.test(name.slice(name.lastIndexOf('/') + 1));
}

export class IterationEvidence {
  private readonly remoteCalls = new WeakMap<TSESTree.Node, boolean>();
  private readonly remoteFunctions = new WeakMap<FunctionNode, boolean>();
  private readonly remoteValues = new WeakMap<TSESTree.Node, boolean>();
  private readonly gatheringCalls = new WeakMap<FunctionNode, readonly TSESTree.CallExpression[]>();
  /** The awaited call the last `originOf` walk ended at, if any. */
  private answered: TSESTree.CallExpression | null = null;

  constructor(private readonly context: AnyRuleContext) {}

  /** True when the call waits on another machine or process (see the module comment). */
  waitsRemotely(call: EffectCall): boolean {
    return this.callWaitsRemotely(call, 1);
  }

  /**
   * True when the per-item function the call invokes (of this file) awaits a promise combinator
   * (`await Promise.all(...)`) in its own body: its author runs its inner steps together.
   */
  gathersInside(call: EffectCall): boolean {
    const fn = getFileEffects(this.context).calledFunction(call);
    if (!fn) return false;
    return someNodeInSameFunction(fn.body ?? fn, this.context.sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.AwaitExpression && node.type !== AST_NODE_TYPES.ReturnStatement) return false;
      const value = node.argument ? skipTransparent(node.argument) : null;
      return value?.type === AST_NODE_TYPES.CallExpression && gathersWithPromise(value);
    });
  }


  /** Where the list a loop walks comes from (see `ListOrigin`). */
  listOrigin(list: TSESTree.Node): ListOrigin {
    this.answered = null;
    return this.originOf(list, 0);
  }

  /**
   * True when the list a loop walks is the answer of a remote call (`const endpoints = await
   * prisma.endpoint.findMany(...)`, `cart.items` of `await carts.get(id)` from `./clients`): rows or
   * records of a store, as many as the data holds.
   */
  listFromRemoteAnswer(list: TSESTree.Node): boolean {
    this.answered = null;
    const origin = this.originOf(list, 0);
    const call = this.answered as EffectCall | null;
    return origin === 'awaited' && call !== null && this.waitsRemotely(call);
  }

  /**
   * True when the function around the loop also runs work together (`await Promise.all(...)`,
   * `Promise.allSettled(...)`, `pMap(...)`) outside the loop: the author gathers per-item work in
   * this very function, and this loop is the one left in series.
   */
  gathersBeside(loop: TSESTree.Node): boolean {
    let fn: TSESTree.Node | undefined = loop.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    if (!fn) return false;
    return this.gatheringCallsOf(fn).some((call) => call.range[0] < loop.range[0] || call.range[0] >= loop.range[1]);
  }

  /** The gathering calls (`isGatheringCall`) of a function's own body, found once per function. */
  private gatheringCallsOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    const known = this.gatheringCalls.get(fn);
    if (known) return known;
    const found: TSESTree.CallExpression[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node !== fn && isFunctionNode(node)) return;
      if (node.type === AST_NODE_TYPES.CallExpression && isGatheringCall(node)) found.push(node);
      forEachChild(node, this.context.sourceCode.visitorKeys, visit);
    };
    visit(fn);
    this.gatheringCalls.set(fn, found);
    return found;
  }


  /**
   * True when the loop body ticks a progress display per item (`bar.tick()`,
   * `progress.increment()`): the author expects the loop to run long enough to show progress.
   */
  ticksProgress(body: TSESTree.Node): boolean {
    return someNodeInSameFunction(body, this.context.sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(node.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        PROGRESS_METHODS.has(staticMemberName(callee) ?? '') &&
        /(?:^|[^a-z])(?:bar|progress)|Bar$|Progress/i.test(this.context.sourceCode.getText(callee.object))
      );
    });
  }


  /**
   * True when the per-item function of this file the call invokes streams a whole file or buffer
   * through work done off the main thread: a stream `pipeline(...)`, an image library (`sharp`),
   * compression (`zlib`): each item is heavy, and items run together use the thread pool.
   */
  doesHeavyWork(call: EffectCall): boolean {
    const fn = getFileEffects(this.context).calledFunction(call);
    if (!fn) return false;
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        let root: TSESTree.Node = node.callee;
        while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
          root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
        }
        if (root.type === AST_NODE_TYPES.Identifier) {
          const variable = variableOfIdentifier(this.context.sourceCode, root);
          const imported = variable ? getImportSource(variable) : null;
          if (imported && HEAVY_WORK_MODULES.has(imported.module.replace(/^node:/, '')) && (imported.module.includes('stream') ? root.name === 'pipeline' || imported.imported === 'pipeline' : true)) {
            found = true;
            return;
          }
        }
      }
      forEachChild(node, this.context.sourceCode.visitorKeys, visit);
    };
    visit(fn.body ?? fn);
    return found;
  }

  private originOf(node: TSESTree.Node, depth: number): ListOrigin {
    if (depth > 8) return 'unknown';
    const value = skipTransparent(node);
    switch (value.type) {
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
        return 'written';
      case AST_NODE_TYPES.AwaitExpression: {
        const inner = skipTransparent(value.argument);
        if (inner.type === AST_NODE_TYPES.CallExpression && this.isListing(inner)) return 'listing';
        if (inner.type === AST_NODE_TYPES.CallExpression) this.answered = inner;
        return 'awaited';
      }
      case AST_NODE_TYPES.ThisExpression:
        return 'field';
      case AST_NODE_TYPES.MemberExpression: {
        const object = skipTransparent(value.object);
        if (object.type === AST_NODE_TYPES.ThisExpression) return 'field';
        if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process') return 'written';
        return this.originOf(object, depth + 1);
      }
      case AST_NODE_TYPES.NewExpression: {
        const [first] = value.arguments;
        return first && first.type !== AST_NODE_TYPES.SpreadElement ? this.originOf(first, depth + 1) : 'written';
      }
      case AST_NODE_TYPES.CallExpression: {
        if (this.isListing(value)) return 'listing';
        const callee = skipTransparent(value.callee);
        // `this.#rotate(order, start)`: a helper of this file whose result is computed from its arguments.
        const [firstArgument] = value.arguments;
        if (firstArgument && firstArgument.type !== AST_NODE_TYPES.SpreadElement && this.returnsItemsOfFirstParameter(value)) {
          return this.originOf(firstArgument, depth + 1);
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = staticMemberName(callee);
          const object = skipTransparent(callee.object);
          // `Object.keys(x)`, `Array.from(x)`, `Object.entries(x)`: the items of `x`.
          if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'Object' || object.name === 'Array')) {
            const [first] = value.arguments;
            return first && first.type !== AST_NODE_TYPES.SpreadElement ? this.originOf(first, depth + 1) : 'unknown';
          }
          if (method !== null && LIST_VIEW_METHODS.has(method)) return this.originOf(object, depth + 1);
        }
        return 'unknown';
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOfIdentifier(this.context.sourceCode, value);
        if (!variable) return 'unknown';
        if (getImportSource(variable)) return 'written';
        const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
        if (!definition) return 'unknown';
        if (definition.type === 'Parameter') return 'parameter';
        if (definition.type === 'Variable') {
          const init = definition.node.init;
          // `for (const [key, value] of ...)` inside an outer loop, destructured from an item: unknown.
          if (!init) return 'unknown';
          // A module-level value that is not awaited: written in the program (a constant, a registry).
          const moduleLevel = variable.scope.type === 'module' || variable.scope.type === 'global';
          // `const order = []; for (const q of queues) order.push(q.tenantId)`: filled from another list.
          const filledFrom = moduleLevel ? null : this.filledFrom(variable, init);
          if (filledFrom) return this.originOf(filledFrom, depth + 1);
          const origin = this.originOf(init, depth + 1);
          if (moduleLevel && origin !== 'listing') return 'written';
          return origin;
        }
        return 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  /**
   * The call invokes a function of this file every `return` of which gives the items of its first
   * parameter, reordered or cut (`return [...list.slice(i), ...list.slice(0, i)]`, `return
   * list.filter(f)`, `return []`): the result is as long as the list it is handed.
   */
  private returnsItemsOfFirstParameter(call: TSESTree.CallExpression): boolean {
    const fn = getFileEffects(this.context).calledFunction(call);
    const [first] = fn?.params ?? [];
    if (!fn || first?.type !== AST_NODE_TYPES.Identifier) return false;
    const rootIsParameter = (node: TSESTree.Node): boolean => {
      let current = skipTransparent(node);
      while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
        current = skipTransparent(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
      }
      return current.type === AST_NODE_TYPES.Identifier && current.name === first.name;
    };
    const returned: TSESTree.Node[] = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
    const collect = (node: TSESTree.Node): void => {
      if (node !== fn.body && isFunctionNode(node)) return;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      forEachChild(node, this.context.sourceCode.visitorKeys, collect);
    };
    collect(fn.body);
    return (
      returned.length > 0 &&
      returned.every((node) => {
        const value = skipTransparent(node);
        if (value.type === AST_NODE_TYPES.ArrayExpression) {
          return value.elements.every((element) => element?.type === AST_NODE_TYPES.SpreadElement && rootIsParameter(element.argument));
        }
        return rootIsParameter(value);
      })
    );
  }

  /**
   * For a local declared empty (`[]`, `new Map()`, `new Set()`): the list a `for...of` loop walks
   * while it fills the local (`order.push(...)`, `byKey.set(...)`, `seen.add(...)`), else null.
   */
  private filledFrom(variable: NonNullable<ReturnType<typeof variableOfIdentifier>>, init: TSESTree.Expression): TSESTree.Node | null {
    const value = skipTransparent(init);
    const empty =
      (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length === 0) ||
      (value.type === AST_NODE_TYPES.NewExpression && value.arguments.length === 0 && value.callee.type === AST_NODE_TYPES.Identifier && (value.callee.name === 'Map' || value.callee.name === 'Set'));
    if (!empty) return null;
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
      if (member.parent?.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) continue;
      if (!['push', 'set', 'add', 'unshift'].includes(staticMemberName(member) ?? '')) continue;
      for (let current: TSESTree.Node | undefined = member.parent.parent; current && !isFunctionNode(current); current = current.parent) {
        if (current.type === AST_NODE_TYPES.ForOfStatement) return current.right;
      }
    }
    return null;
  }

  /** `readdir(dir)`, `glob.sync(pattern)`, `fs.promises.readdir(dir)`, `globby(patterns)`. */
  private isListing(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (name === null || !LISTING_CALL.test(name)) return false;
    if (name !== 'sync') return true;
    // `glob.sync(...)`, `fg.sync(...)`: only a glob's `sync`.
    return callee.type === AST_NODE_TYPES.MemberExpression && /glob|^fg$/i.test(this.context.sourceCode.getText(callee.object));
  }

  private callWaitsRemotely(call: EffectCall, depth: number): boolean {
    const known = this.remoteCalls.get(call);
    if (known !== undefined) return known;
    this.remoteCalls.set(call, false);
    const answer = this.decideCall(call, depth);
    this.remoteCalls.set(call, answer);
    return answer;
  }

  private decideCall(call: EffectCall, depth: number): boolean {
    // The receiver chain: `this.redisClient.get`, `s3.send`, `prisma.user.findMany`, `fetch`.
    let current: TSESTree.Node = call.callee;
    for (let steps = 0; steps < 20; steps += 1) {
      current = skipTransparent(current);
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        // The method called is no receiver: one named for handing out a client
        // (`this.getActiveClient()`, `createApiClient()`) gives the client, and its body says
        // whether getting it waits (below). A member of the global `window` is what the page's host
        // or an earlier script put there (a desktop app's preload bridge, `window.api.getInfo(id)`):
        // its name says nothing of where the call goes.
        if (!(current === call.callee && CLIENT_GETTER_NAME.test(staticMemberName(current) ?? '')) && !this.isWindowMember(current) && this.namesRemote(current)) return true;
        current = current.object;
      } else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
        if (current !== call && current.type === AST_NODE_TYPES.CallExpression && this.callWaitsRemotely(current, depth)) return true;
        current = current.callee;
      } else {
        break;
      }
    }
    const called = current.type === AST_NODE_TYPES.Identifier && current === skipTransparent(call.callee) ? current : null;
    if (current.type === AST_NODE_TYPES.Identifier && this.identifierIsRemote(current, true, called !== null)) return true;
    // Handed a client: `fetchLogs({ graphqlClient }, job)`, `runQuery(pool, sql)`.
    for (const argument of call.arguments) {
      const value = skipTransparent(argument);
      if (value.type === AST_NODE_TYPES.Identifier && REMOTE_CLIENT_NAME.test(value.name)) return true;
      if (value.type === AST_NODE_TYPES.MemberExpression && this.namesRemote(value)) return true;
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const inner = skipTransparent(property.value);
          if (inner.type === AST_NODE_TYPES.Identifier && REMOTE_CLIENT_NAME.test(inner.name)) return true;
        }
      }
    }
    const effects = getFileEffects(this.context);
    // A function of this file that makes such a call, a few functions deep: also a method of a
    // class of this file that the receiver is declared as (`store: ObjectStore`, `store.putObject(...)`).
    const fn = effects.calledFunction(call) ?? this.methodOfDeclaredClass(call);
    if (fn) return depth < MAX_DEPTH && this.functionWaitsRemotely(fn, depth + 1);
    // A function of a relative module whose body makes one. When its body is not found (a package's
    // function, `export const getOwner = withTimeout(load)`), an import called directly is judged by
    // its module's imports instead (a module over `axios` or a database client).
    const elsewhere = effects.remoteWaitElsewhere(call, isRemotePackage);
    if (elsewhere !== null) return elsewhere;
    return called !== null && effects.importsFromRemoteModule(called, isRemotePackage);
  }

  /**
   * `store.putObject(key)` where `store` is a parameter or variable declared with the type of a
   * class of this file (`store: ObjectStore`) or made by `new ObjectStore(...)`: that class's
   * method `putObject`, or null.
   */
  private methodOfDeclaredClass(call: EffectCall): FunctionNode | null {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = staticMemberName(callee);
    const object = skipTransparent(callee.object);
    if (method === null || object.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOfIdentifier(this.context.sourceCode, object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition) return null;
    let className: string | null = null;
    const id = definition.name;
    const annotation = id.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) className = annotation.typeName.name;
    if (className === null && definition.type === 'Variable' && definition.node.init) {
      const init = skipTransparent(definition.node.init);
      if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier) className = init.callee.name;
    }
    if (className === null) return null;
    const classVariable = ASTUtils.findVariable(this.context.sourceCode.getScope(object), className);
    const classDefinition = classVariable?.defs.length === 1 ? classVariable.defs[0] : undefined;
    if (classDefinition?.type !== 'ClassName') return null;
    for (const member of classDefinition.node.body.body) {
      if (
        member.type === AST_NODE_TYPES.MethodDefinition &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === method &&
        member.value.type === AST_NODE_TYPES.FunctionExpression
      ) {
        return member.value;
      }
    }
    return null;
  }

  /** `window.api`: a member of the global `window` (not a local or parameter named so). */
  private isWindowMember(member: TSESTree.MemberExpression): boolean {
    const object = skipTransparent(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'window') return false;
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(object), object);
    return !variable || variable.defs.length === 0;
  }

  /** `this.redisClient`, `ctx.prisma`, `this.users` declared `Repository<User>`: a member that is a remote client. */
  private namesRemote(member: TSESTree.MemberExpression): boolean {
    const name = staticMemberName(member);
    if (name === null) return false;
    if (REMOTE_CLIENT_NAME.test(name)) return true;
    if (skipTransparent(member.object).type === AST_NODE_TYPES.ThisExpression) return this.fieldTypeIsRemote(member, name);
    return false;
  }

  /** The class field `name` (or constructor parameter property) is declared with a remote client type. */
  private fieldTypeIsRemote(at: TSESTree.Node, name: string): boolean {
    const classNode = enclosingClass(at);
    if (!classNode) return false;
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        if (this.typeIsRemote(member.typeAnnotation?.typeAnnotation) || (member.value !== null && this.valueIsRemote(member.value))) return true;
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        // `this.manager = new ConcurrencyManager({ redis: options.redis })` in the constructor.
        for (const statement of member.value.body?.body ?? []) {
          const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.IfStatement && statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1 && statement.consequent.body[0]?.type === AST_NODE_TYPES.ExpressionStatement ? statement.consequent.body[0].expression : null;
          if (
            assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
            assignment.left.type === AST_NODE_TYPES.MemberExpression &&
            assignment.left.object.type === AST_NODE_TYPES.ThisExpression &&
            staticMemberName(assignment.left) === name &&
            this.valueIsRemote(assignment.right)
          ) {
            return true;
          }
        }
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = param.parameter;
          const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
          if (id.type === AST_NODE_TYPES.Identifier && id.name === name && this.typeIsRemote(id.typeAnnotation?.typeAnnotation)) return true;
        }
      }
    }
    return false;
  }

  /**
   * An identifier bound to a remote client: the global `fetch`, an import of a remote package, a
   * variable made from one or made with an address, a parameter declared with a client type or
   * named as one (`root` also accepts the names of `REMOTE_CLIENT_NAME`).
   */
  private identifierIsRemote(identifier: TSESTree.Identifier, root: boolean, called = false): boolean {
    const variable = variableOfIdentifier(this.context.sourceCode, identifier);
    if (!variable || variable.defs.length === 0) return GLOBAL_FETCH_NAMES.has(identifier.name) || (root && REMOTE_CLIENT_NAME.test(identifier.name));
    const imported = getImportSource(variable);
    if (imported) {
      return (
        isRemotePackage(imported.module) ||
        // A workspace or generated API client package (`import { fetchUser } from '@acme/api-client'`).
        namesClientPackage(imported.module) ||
        namesRemoteModule(imported.module, (specifier) => getRelativeModules(this.context).resolve(specifier) !== null) ||
        // The project's client object imported by its name (`import { prisma } from '@/lib/prisma'`,
        // `stripe` of `@/lib/stripe`): the name says what it is, wherever the module lives.
        (root && !called && REMOTE_CLIENT_NAME.test(identifier.name)) ||
        // An object of a module over a remote client (a model of a module that imports mongoose).
        // A function called directly is judged by its own body when it is found (`decideCall`): a
        // module of helpers may import `https` for one of them while the others check files.
        (!called && getFileEffects(this.context).importsFromRemoteModule(identifier, isRemotePackage))
      );
    }
    if (root && REMOTE_CLIENT_NAME.test(identifier.name)) return true;
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Parameter') {
      const id = definition.name;
      return id.type === AST_NODE_TYPES.Identifier && this.typeIsRemote(id.typeAnnotation?.typeAnnotation);
    }
    if (definition?.type === 'Variable' && definition.node.init && definition.node.id.type === AST_NODE_TYPES.Identifier) {
      return this.typeIsRemote(definition.node.id.typeAnnotation?.typeAnnotation) || this.valueIsRemote(definition.node.init);
    }
    return false;
  }

  /** `new S3Client({})`, `new Pool()`, `createClient(...)` of a remote package, `new RestClient({ baseUrl })`, `await pool.connect()`. */
  private valueIsRemote(node: TSESTree.Node): boolean {
    const value = skipTransparent(node);
    const known = this.remoteValues.get(value);
    if (known !== undefined) return known;
    this.remoteValues.set(value, false);
    let answer = false;
    const made = value.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(value.argument) : value;
    if (made.type === AST_NODE_TYPES.NewExpression || made.type === AST_NODE_TYPES.CallExpression) {
      let root: TSESTree.Node = made.callee;
      for (let steps = 0; steps < 20; steps += 1) {
        root = skipTransparent(root);
        if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
        else if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) root = root.callee;
        else break;
      }
      if (root.type === AST_NODE_TYPES.Identifier && root.name !== 'fetch' && this.identifierIsRemote(root, false)) answer = true;
      else if (made.type === AST_NODE_TYPES.NewExpression && this.makesNamedClient(made)) answer = true;
      else
        answer = made.arguments.some((argument) => hasOption(argument, ADDRESS_OPTION, () => true));
    }
    this.remoteValues.set(value, answer);
    return answer;
  }

  /**
   * `new Client({ auth })` of `@notionhq/client`, `new WebClient(token)`, `new sdk.ServiceClient()`:
   * an imported class named as a remote client (`REMOTE_TYPE_NAME`), of any module; the catalogue of
   * network packages can never list every SDK. Not a test double (`MockClient`, `FakeRepository`).
   */
  private makesNamedClient(made: TSESTree.NewExpression): boolean {
    const callee = skipTransparent(made.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (name === null || !REMOTE_TYPE_NAME.test(name) || /^(?:Mock|Fake|Stub|Dummy|InMemory|Test)/.test(name)) return false;
    let root: TSESTree.Node = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.context.sourceCode, root);
    return variable !== null && getImportSource(variable) !== null;
  }

  /**
   * `Repository<User>`, `S3Client`, `PrismaService`, `Pool`: a type named as a remote client; or a
   * type imported from a remote package (`Model<CatDocument>` of `mongoose`) or from a module of
   * this project that imports one (`UsersService` of `./users.service`, which imports `typeorm`).
   */
  private typeIsRemote(type: TSESTree.TypeNode | undefined): boolean {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = type.typeName;
    const name = typeName.type === AST_NODE_TYPES.Identifier ? typeName.name : typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right.name : null;
    if (name === null) return false;
    if (REMOTE_TYPE_NAME.test(name)) return true;
    return typeName.type === AST_NODE_TYPES.Identifier && this.identifierIsRemote(typeName, false);
  }

  /**
   * `await sql\`select ...\`` (or an async function's `return sql\`...\``) whose tag is a remote
   * client: the `sql` of `@vercel/postgres` or of a remote package, one made from such a package
   * (`const sql = postgres(url)`, `neon(url)`). That template is the query. A fragment built for
   * another query (`db.execute(sql\`...\`)` with drizzle's `sql`) is not awaited itself.
   */
  private queriesByTemplate(template: TSESTree.TaggedTemplateExpression, fn: FunctionNode): boolean {
    const parent = template.parent;
    const awaited =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      (fn.async && (parent.type === AST_NODE_TYPES.ReturnStatement || (parent === fn && fn.body === template)));
    if (!awaited) return false;
    let root: TSESTree.Node = skipTransparent(template.tag);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      if (this.namesRemote(root)) return true;
      root = skipTransparent(root.object);
    }
    return root.type === AST_NODE_TYPES.Identifier && this.identifierIsRemote(root, false);
  }

  private functionWaitsRemotely(fn: FunctionNode, depth: number): boolean {
    const known = this.remoteFunctions.get(fn);
    if (known !== undefined) return known;
    this.remoteFunctions.set(fn, false);
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && this.callWaitsRemotely(node, depth)) {
        found = true;
        return;
      }
      if (node.type === AST_NODE_TYPES.TaggedTemplateExpression && this.queriesByTemplate(node, fn)) {
        found = true;
        return;
      }
      forEachChild(node, this.context.sourceCode.visitorKeys, visit);
    };
    visit(fn.body ?? fn);
    this.remoteFunctions.set(fn, found);
    return found;
  }
}

/**
 * True when a specifier of the project's own code names a module of remote clients by its name (see
 * `REMOTE_MODULE_NAME`): relative (`../lib/db`), or a path alias or `#` import that resolves to a
 * file (`@/lib/prisma`; `isProjectModule` is asked only after the name matches).
 */
function namesRemoteModule(specifier: string, isProjectModule: (specifier: string) => boolean): boolean {
  const parts = specifier.replace(/\.[cm]?[jt]sx?$/, '').split('/').filter((part) => part !== 'index' && part !== '' && part !== '.' && part !== '..');
  const last = parts[parts.length - 1];
  return last !== undefined && REMOTE_MODULE_NAME.test(last) && (specifier.startsWith('./') || specifier.startsWith('../') || isProjectModule(specifier));
}

/** The positive evidence of the file being linted (see the module comment), computed lazily. */
export const getIterationEvidence = perFile((context) => new IterationEvidence(context));
