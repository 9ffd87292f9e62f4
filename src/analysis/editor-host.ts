import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { hasOption, lastWrittenName, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { CRITICAL_SECTION_CALL, QUEUE_RECEIVER, QUEUE_TASK_METHODS } from '../catalog/iteration-order';
import { UNSAFE_HTTP_METHODS, USER_WRITE_WORDS } from '../catalog/ordered-calls';
import { type FunctionNode, getAwaitableFunction, isFunctionNode } from './async-context';
import type { FileEffects } from './effects';
import { chainMethodName } from './promises';
import { someNodeBelow, someNodeInSameFunction } from './walk';
import { callsPackageApi } from './host-thenables';

/** The combinators of the global `Promise` that gather other promises. */
const GATHERS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any']);

/** A call that answers a request (`reply(message, value)`, `this._replyMessage(...)`, `respond(...)`). */
const ANSWERS_REQUEST = /^_?(?:reply|respond)/i;

/**
 * Code of an editor extension (see `WhereItRuns.inEditorExtension`) runs in a host that catches an
 * unhandled rejection and logs it; so does browser-run code, whose rejections reach a console (a
 * browser extension's scripts, `WhereItRuns.inBrowserExtension`; an Electron window's modules,
 * `WhereItRuns.runsInElectronRenderer`). Their commands and event handlers start UI and state updates
 * without waiting as a matter of course: a dropped promise there usually costs a log line and
 * nothing else. True when the dropped promise `part` (a statement's floating part) costs more, by
 * its shape or by what the called function does, so a reviewer would still change it:
 * - a gather dropped whole (`Promise.all(tasks);`, `[save(a), save(b)];`): nothing is done with
 *   the work at all, a forgotten `await`;
 * - a `.then(callback)`/`.finally(callback)` chain whose callback (or a function inside it, such
 *   as the callback of a further chain) settles the `new Promise` whose executor holds the
 *   statement (`resolve(value)`), or a deferred's settler kept in a variable
 *   (`isExecutorSettler`): on a rejection that promise never settles and its waiters hang;
 * - such a chain whose callback assigns the member the chain starts from
 *   (`this.pending.then(() => { this.pending = undefined; })`): on a rejection the member keeps the
 *   failed promise for good;
 * - such a chain whose callback answers a request (a call named `reply...` or `respond...`): on a
 *   rejection the other side never gets its answer;
 * - inside an async function, a call of an async function of this file that reports failures by
 *   throwing (a `throw` of its own body outside every `try` with a `catch`), or of the enclosing
 *   function itself (one step of a recursion): the caller finishes first and the error it meant
 *   to show reaches nobody;
 * - a call of an async function of this file started right after setting a busy flag that the
 *   function resets only after an `await` that can reject (`leavesBusyFlagSet`);
 * - inside an async function, a call of an async function of this file whose awaited result, kept
 *   in an outer variable, the enclosing function reads after the call (`readsWhatItAwaits`);
 * - typed, inside an async function, a call of another package's API (declared in a declaration
 *   file that is neither the host's (the editor's, Electron's) nor TypeScript's, see `callsPackageApi`: a `git push` through
 *   another extension's API): a forgotten `await` of work outside the extension and its editor;
 * - typed or not, inside an async function, a catalogued call that writes a file or starts a
 *   process (`fs.promises.writeFile(path, text)`, `execa(cmd)`, by `FileEffects.summaryOf` of a
 *   call resolved through its import): a forgotten `await` of real work the next statements may
 *   rely on (the file shown next may not be written yet);
 * (`asyncOwner` says which drops count as inside an async function for the last items: by default
 * those in its own body, where `await` may be written; a caller may count those of its inline
 * callbacks too, `items.forEach((item) => { save(item); })`.)
 * - inside an async function, a write the user expects to last (`sendsUserWrite`: a `fetch` that
 *   POSTs, a call of `saveNote(...)`, a helper of this file that sends such a request): the next
 *   lines tell the user it is kept before it is, and its failure reaches only the console.
 */
export function costsMoreThanHostLog(
  part: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  effects: FileEffects,
  services: Parameters<typeof callsPackageApi>[0] | null,
  asyncOwner: (node: TSESTree.Node) => FunctionNode | null = getAwaitableFunction,
): boolean {
  const node = skipTransparent(part);
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isGather(node, sourceCode)) return true;
  const { callbacks, start } = chainLinks(node);
  const startText = start.type === AST_NODE_TYPES.MemberExpression && !start.computed ? sourceCode.getText(start) : null;
  const settles = callbacks.some((callback) =>
    someNodeBelow(callback.body, sourceCode.visitorKeys, (inner) => {
      if (inner.type === AST_NODE_TYPES.AssignmentExpression) {
        const target = skipTransparent(inner.left);
        return startText !== null && target.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(target) === startText;
      }
      if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(inner.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return ANSWERS_REQUEST.test(callee.name) || isExecutorSettler(callee, node, sourceCode);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
      return name !== null && ANSWERS_REQUEST.test(name);
    }),
  );
  if (settles) return true;
  if (insideGatheredCallback(node, sourceCode) || insideQueuedTask(node)) return true;
  // `saveNote(note).then(() => showToast('Saved'))`: a dropped chain (it has no rejection handler,
  // or it would not be dropped) that starts with a user's write loses that write's failure as the
  // plain call does; the success step only hides that it may fail.
  if (start !== node) return start.type === AST_NODE_TYPES.CallExpression && asyncOwner(node) !== null && sendsUserWrite(start, effects);
  if (callbacks.length > 0) return false;
  return (
    startsThrowingWorkUnawaited(node, effects) ||
    leavesBusyFlagSet(node, effects) ||
    (asyncOwner(node) !== null &&
      ((services !== null && callsPackageApi(services, node, sourceCode.visitorKeys)) ||
        writesFileOrStartsProcess(node, effects) ||
        readAfterWrite(node, effects) ||
        readsWhatItAwaits(node, effects) ||
        asyncInNameOnly(node, effects) ||
        sendsUserWrite(node, effects)))
  );
}

/**
 * `call` sends a write the user expects to last: a write request (`isWriteRequest`: a `fetch`
 * with a `method` other than GET/HEAD, `api.post(url, body)`), a call of a function named for a
 * save, submit or delete (`USER_WRITE_WORDS`: `saveNote(note)`, `this.deleteDraft(id)`), or a call
 * of a function of this file whose own body makes a write request (one call deep; not a bare
 * `fetch` or local store's call, `bareWriteLeftToItsPlace`). Dropped inside
 * an async function (see `costsMoreThanHostLog`), the lines after it (a "Saved" message, the
 * dialog closed) run before the write is done and whether it failed: the user is told the work
 * is kept when it may be lost, a cost the console line does not repair. Storage of settings
 * (`chrome.storage.local.set(...)`) and messages to the extension's other scripts are neither.
 */
function sendsUserWrite(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  if (isWriteRequest(call)) return !sendsTelemetry(call);
  const name = lastWrittenName(skipTransparent(call.callee));
  const words = name?.replace(/^[_$#]+/, '').split(/(?=[A-Z])|[_$]+/).map((word) => word.toLowerCase()) ?? [];
  const first = words[0];
  if (first !== undefined && USER_WRITE_WORDS.has(first)) return true;
  // `track('opened')`, `trackEvent(...)`, `sendTelemetry(...)`: a helper named for telemetry sends no user's work.
  if (namedForTelemetry(words)) return false;
  const fn = effects.calledFunction(call);
  return (
    fn !== null &&
    fn.body.type === AST_NODE_TYPES.BlockStatement &&
    someNodeInSameFunction(
      fn.body,
      effects.source.visitorKeys,
      (inner) => inner.type === AST_NODE_TYPES.CallExpression && isWriteRequest(inner) && !sendsTelemetry(inner) && !bareWriteLeftToItsPlace(inner),
    )
  );
}

/**
 * A write request written as a bare statement of a helper that the helper's promise does not
 * carry, and whose loss is no caller's to report: a `fetch` (its own drop is reported where it
 * is), or a call on a receiver named for a local store (`cache.put(key, value, ttl)`,
 * `this.pageCache.delete(url)`: `isWriteRequest` reads only the method's name). A bare
 * `api.post(url, body)` of a client whose promise the file cannot see is reported nowhere else,
 * so it still makes the helper's call a write.
 */
function bareWriteLeftToItsPlace(call: TSESTree.CallExpression): boolean {
  if (call.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return lastWrittenName(callee) === 'fetch';
  const receiver = lastWrittenName(callee.object);
  return receiver !== null && receiver.split(/(?=[A-Z])|[_$]+/).some((word) => LOCAL_STORE_WORDS.has(word.toLowerCase()));
}

/** Words of a receiver's name that name a store kept in memory (`store`, `pageCache`, `lruMap`). */
const LOCAL_STORE_WORDS: ReadonlySet<string> = new Set(['cache', 'store', 'memo', 'lru', 'map']);

/**
 * The words of a function's name say it sends telemetry: `track` alone or followed by an event's
 * kind (`trackEvent`, `trackPageview`, `trackClick`; not `trackTime`, a time tracker's entry), or
 * a word that names nothing else (`telemetry`, `beacon`). Words a user's data has too (`addTrack`
 * to a playlist, `saveStats`, `addMetric` to a dashboard) are no evidence.
 */
function namedForTelemetry(words: readonly string[]): boolean {
  if (words[0] === 'track' && (words.length === 1 || TRACKED_EVENT_WORDS.has(words[1] ?? ''))) return true;
  return words.some((word) => word === 'telemetry' || word === 'beacon');
}

/** Words after `track` that name an event a page reports (`trackEvent`, `trackPageView`). */
const TRACKED_EVENT_WORDS: ReadonlySet<string> = new Set(['event', 'events', 'page', 'pageview', 'pageviews', 'view', 'views', 'click', 'clicks', 'action', 'actions', 'impression', 'impressions', 'screen', 'usage', 'analytics', 'telemetry']);

/**
 * A URL text that names a telemetry endpoint: a host under a `stats.`, `analytics.`, `telemetry.`
 * or `metrics.` name (`https://stats.example/e`), or a collector's path segment (`/collect`,
 * `/telemetry`, `/analytics`). Path segments a user's data has too (`/api/player/stats`,
 * `/api/health/metrics`, `/api/shipments/track`) are no evidence.
 */
const TELEMETRY_URL = /\/\/(?:[\w-]+\.)*(?:stats|analytics|telemetry|metrics)\.|\/(?:collect|telemetry|analytics)(?:$|[/?#.])/i;

/** A write request whose URL, written as a string or template, names a telemetry endpoint (see `TELEMETRY_URL`). */
function sendsTelemetry(call: TSESTree.CallExpression): boolean {
  const url = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if (url?.type === AST_NODE_TYPES.Literal) return typeof url.value === 'string' && TELEMETRY_URL.test(url.value);
  return url?.type === AST_NODE_TYPES.TemplateLiteral && url.quasis.some((quasi) => TELEMETRY_URL.test(quasi.value.cooked ?? quasi.value.raw));
}

/**
 * `fetch(url, { method: 'POST', body })` (a method of `UNSAFE_HTTP_METHODS` written as a literal),
 * or a client's write method called on a receiver (`api.put(url, body)`, `http.delete(url)`).
 */
function isWriteRequest(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  const name = lastWrittenName(callee);
  if (name === 'fetch') {
    const unsafe = (value: TSESTree.Node): boolean => value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && UNSAFE_HTTP_METHODS.has(value.value.toLowerCase());
    return hasOption(call.arguments[1], 'method', unsafe);
  }
  return callee.type === AST_NODE_TYPES.MemberExpression && name !== null && UNSAFE_HTTP_METHODS.has(name) && call.arguments.length > 0;
}

/**
 * `call` is of an async function of this file, made in an async function that awaits nothing in
 * its own body and returns a value after the call (`async refresh() { this.syncLibrary();
 * this.loadInstalled(); return this.games; }`): its `async` promises callers a result they can wait for, yet every
 * promise it starts is dropped, so their `await refresh()` ends before the work it started and they
 * read the old state. A forgotten `await`, whatever the host does with a rejection. A set-up
 * routine that returns nothing (`async setup() { this.autoStart(); this.poll(); }`) promises no
 * result: its drops are fire-and-forget starts.
 */
function asyncInNameOnly(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const fn = getAwaitableFunction(call);
  if (!fn || effects.calledFunction(call)?.async !== true || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const keys = effects.source.visitorKeys;
  let returnsValue = false;
  const waits = someNodeInSameFunction(fn.body, keys, (inner) => {
    if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument !== null && inner.range[0] > call.range[1]) returnsValue = true;
    return inner.type === AST_NODE_TYPES.AwaitExpression || (inner.type === AST_NODE_TYPES.ForOfStatement && inner.await);
  });
  return !waits && returnsValue;
}

/**
 * `part` is dropped in a task handed to a queue of work or a critical section: the nearest
 * function around it is an argument of `queue.add(fn)` (a receiver named as a queue, a method
 * that hands it a task: `QUEUE_RECEIVER`, `QUEUE_TASK_METHODS`) or of a call that runs its
 * callback alone (`CRITICAL_SECTION_CALL`: `mutex.runExclusive(fn)`). The queue waits for what the
 * task returns before the next one starts; the dropped work is no longer serialised with the
 * other tasks, whatever the host does with a rejection (a block-bodied arrow that forgot `return`).
 */
function insideQueuedTask(part: TSESTree.Node): boolean {
  const call = callHandedFunctionAround(part);
  if (call === null) return false;
  const callee = skipTransparent(call.callee);
  const name = lastWrittenName(callee);
  if (name !== null && CRITICAL_SECTION_CALL.test(name)) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  const receiver = lastWrittenName(callee.object);
  return method !== null && QUEUE_TASK_METHODS.has(method) && receiver !== null && QUEUE_RECEIVER.test(receiver);
}

/** The call that the nearest function around `part` is handed to as an argument (`queue.add(() => ...)`), or null. */
function callHandedFunctionAround(part: TSESTree.Node): TSESTree.CallExpression | null {
  let fn: TSESTree.Node | undefined = part.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn) return null;
  let site: TSESTree.Node = fn;
  while (site.parent && skipTransparent(site.parent) === fn) site = site.parent;
  const call = site.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(site as TSESTree.CallExpressionArgument) ? call : null;
}

/** Array methods whose callbacks' results a caller may gather (`Promise.all(items.map(...))`). */
const GATHERED_ITEM_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);

/**
 * `part` is dropped in a callback whose results a gather waits for: the nearest function around
 * it is the callback of a `.map(...)`/`.flatMap(...)` handed to `Promise.all`/`allSettled`/
 * `race`/`any` (directly or as an element of the array handed to it:
 * `await Promise.all(files.map((file) => { fs.promises.writeFile(file.path, file.text); }))`).
 * The gather waits for the callbacks' return values, not for the dropped work: the caller goes on
 * as if the work were done, whatever its host does with a rejection.
 */
function insideGatheredCallback(part: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const call = callHandedFunctionAround(part);
  if (call === null) return false;
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
  if (method === null || !GATHERED_ITEM_METHODS.has(method)) return false;
  let value: TSESTree.Node = call;
  while (value.parent && (skipTransparent(value.parent) === skipTransparent(value) || value.parent.type === AST_NODE_TYPES.ArrayExpression || value.parent.type === AST_NODE_TYPES.SpreadElement)) {
    value = value.parent;
  }
  const gather = value.parent;
  return gather?.type === AST_NODE_TYPES.CallExpression && gather.arguments.includes(value as TSESTree.CallExpressionArgument) && isGather(gather, sourceCode);
}

/**
 * Inside an async function, `call` starts a process or writes a file (its effect summary: a
 * function of this file or a catalogued API), and a later statement of the same function (in the
 * statement list that holds the call, or one around it) makes a call whose summary reads the file
 * system: `compile(dir); return readdirSync(dir);`, where the compiler writes the files the
 * listing reads. Without the `await` the next lines read what the dropped work has not written
 * yet: stale data, whatever the host does with a rejection.
 */
function readAfterWrite(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const fn = getAwaitableFunction(call);
  if (!fn || !callWritesFileOrStartsProcess(call, effects)) return false;
  const keys = effects.source.visitorKeys;
  for (let child: TSESTree.Node = call, parent: TSESTree.Node | undefined = call.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) continue;
    const later = parent.body.slice(parent.body.indexOf(child as never) + 1);
    const reads = later.some((statement) =>
      someNodeInSameFunction(statement, keys, (inner) => {
        if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
        return effects.summaryOf(inner)?.readsFiles === true;
      }),
    );
    if (reads) return true;
  }
  return false;
}

/**
 * `call` starts an async function of this file right after the statement before it sets a busy
 * flag (`sending = true; drain();`), and that function resets the flag (`sending = false`) only
 * after an `await` outside every `try` with a `catch`, and not in a `finally`: one rejection
 * leaves the flag set, and whatever the flag guards (an outbox pump) never starts again.
 */
function leavesBusyFlagSet(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const statement = call.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program)) return false;
  const before = block.body[block.body.indexOf(statement) - 1];
  const set = before?.type === AST_NODE_TYPES.ExpressionStatement ? before.expression : null;
  if (set?.type !== AST_NODE_TYPES.AssignmentExpression || set.operator !== '=' || set.right.type !== AST_NODE_TYPES.Literal) return false;
  const flag = effects.source.getText(set.left);
  const fn = effects.calledFunction(call);
  if (!fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let riskyAwait = Infinity;
  const resets: TSESTree.AssignmentExpression[] = [];
  someNodeInSameFunction(fn.body, effects.source.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.AwaitExpression && !insideCatchingTry(inner, fn)) riskyAwait = Math.min(riskyAwait, inner.range[0]);
    if (inner.type === AST_NODE_TYPES.AssignmentExpression && inner.operator === '=' && effects.source.getText(inner.left) === flag) resets.push(inner);
    return false;
  });
  return resets.length > 0 && resets.every((reset) => reset.range[0] > riskyAwait && !insideFinally(reset, fn));
}

/** `node` is inside the `finally` block of a `try` of `fn`. */
function insideFinally(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return true;
  }
  return false;
}

/**
 * `call`, inside an async function, calls an async function of this file that assigns a variable
 * declared outside it after one of its own `await`s (`notes = await ipc.callMain('list-notes')`),
 * and the enclosing function reads that variable after the call (`renderList(notes)`): without
 * the `await` it reads the value from before the load.
 */
function readsWhatItAwaits(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const enclosing = getAwaitableFunction(call);
  const fn = effects.calledFunction(call);
  if (!enclosing || !fn?.async || fn === enclosing || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const source = effects.source;
  let firstAwait = Infinity;
  const assigned: TSESTree.AssignmentExpression[] = [];
  someNodeInSameFunction(fn.body, source.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.AwaitExpression) firstAwait = Math.min(firstAwait, inner.range[0]);
    if (inner.type === AST_NODE_TYPES.AssignmentExpression) assigned.push(inner);
    return false;
  });
  return assigned.some(({ left: target, range }) => {
    if (target.type !== AST_NODE_TYPES.Identifier || range[1] <= firstAwait) return false;
    const variable = ASTUtils.findVariable(source.getScope(target), target);
    const declaredOutside = variable?.defs.some((definition) => definition.name.range[0] < fn.range[0] || definition.name.range[0] > fn.range[1]) === true;
    return (
      declaredOutside &&
      variable?.references.some(
        (reference) => reference.isRead() && reference.identifier.range[0] > call.range[1] && reference.identifier.range[1] <= enclosing.range[1] && getAwaitableFunction(reference.identifier) === enclosing,
      ) === true
    );
  });
}

/**
 * The callbacks of the `.then`/`.finally` links of the chain `call` ends (not `.catch` handlers),
 * looking through at most 8 links, and the expression the chain starts from (`call` itself when it
 * is no chain link).
 */
function chainLinks(call: TSESTree.CallExpression): { callbacks: FunctionNode[]; start: TSESTree.Node } {
  const callbacks: FunctionNode[] = [];
  let root: TSESTree.Node = call;
  for (let links = 0; links < 8; links += 1) {
    const link = skipTransparent(root);
    if (link.type !== AST_NODE_TYPES.CallExpression) break;
    const method = chainMethodName(link);
    if (method === null) break;
    if (method !== 'catch') {
      for (const argument of link.arguments) {
        const callback = skipTransparent(argument);
        if (isFunctionNode(callback)) callbacks.push(callback);
      }
    }
    root = (skipTransparent(link.callee) as TSESTree.MemberExpression).object;
  }
  return { callbacks, start: skipTransparent(root) };
}

/**
 * A dropped `.then(callback)`/`.finally(callback)` chain whose callback (or a function inside it)
 * answers a request: a call named `reply...` or `respond...` (`event.reply('loaded', id, value)`
 * in an IPC handler, `respond(result)`). On a rejection the other side never gets its answer, so
 * the drop costs more than whatever logs the rejection (an editor host, a program's own reporter).
 */
export function chainAnswersRequest(part: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const node = skipTransparent(part);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  return chainLinks(node).callbacks.some((callback) =>
    someNodeBelow(callback.body, sourceCode.visitorKeys, (inner) => {
      if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(inner.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
      return name !== null && ANSWERS_REQUEST.test(name);
    }),
  );
}

/** A call of a catalogued API (not a function of this file) that writes a file or starts a process. */
function writesFileOrStartsProcess(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  return effects.calledFunction(call) === null && callWritesFileOrStartsProcess(call, effects);
}

/**
 * A call whose effect summary (`FileEffects.summaryOf`: a catalogued API through its import, or a
 * function of this file) writes a file or starts a process: work whose loss leaves no trace.
 */
export function callWritesFileOrStartsProcess(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const summary = effects.summaryOf(call);
  return summary !== null && (summary.startsProcess || summary.writes.some((write) => write.kind === 'file'));
}

/** `Promise.all(tasks)` (and `allSettled`, `race`, `any`) on the global `Promise`. */
function isGather(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparent(callee.object);
  const name = staticMemberName(callee);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise' || name === null || !GATHERS.has(name)) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
  return !variable || variable.defs.length === 0;
}

/**
 * `resolve` or `reject`: a parameter of the executor function of a `new Promise(...)` whose body
 * holds `statementPart`; or a deferred's settler kept in a variable (`markReady` after `let
 * markReady; const ready = new Promise((resolve) => { markReady = resolve; })`) that is declared
 * without a value and assigned only once, in an executor, that executor's parameter.
 */
function isExecutorSettler(identifier: TSESTree.Identifier, statementPart: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type === 'Parameter') {
    const executor = executorOf(definition.node);
    return executor !== null && executor.range[0] <= statementPart.range[0] && statementPart.range[1] <= executor.range[1];
  }
  if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.node.init) return false;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1) return false;
  const assignment = writes[0]?.identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right.type !== AST_NODE_TYPES.Identifier) return false;
  const settler = ASTUtils.findVariable(sourceCode.getScope(assignment.right), assignment.right)?.defs[0];
  if (settler?.type !== 'Parameter') return false;
  const executor = executorOf(settler.node);
  return executor !== null && executor.range[0] <= assignment.range[0] && assignment.range[1] <= executor.range[1];
}

/** `fn` when it is the executor function of a `new Promise(...)`, else null. */
function executorOf(fn: TSESTree.Node): TSESTree.Node | null {
  const parent = fn.parent;
  const callee = parent?.type === AST_NODE_TYPES.NewExpression ? skipTransparent(parent.callee) : null;
  return isFunctionNode(fn) && parent?.type === AST_NODE_TYPES.NewExpression && parent.arguments[0] === fn && callee?.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise'
    ? fn
    : null;
}

/**
 * `call` is made inside an async function and calls an async function of this file that throws
 * outside every `try` with a `catch` of its own body, where an option flag the call fixes does not
 * skip the `throw` (`flagsSetByCall`, `skippedByFlags`), or the enclosing function itself.
 */
function startsThrowingWorkUnawaited(call: TSESTree.CallExpression, effects: FileEffects): boolean {
  const enclosing = getAwaitableFunction(call);
  if (!enclosing) return false;
  const fn = effects.calledFunction(call);
  if (!fn?.async) return false;
  if (fn === enclosing) return true;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const flags = flagsSetByCall(call, fn, effects.source);
  return someNodeInSameFunction(
    fn.body,
    effects.source.visitorKeys,
    (inner) => inner.type === AST_NODE_TYPES.ThrowStatement && !insideCatchingTry(inner, fn) && !skippedByFlags(inner, fn, flags, effects.source),
  );
}

/**
 * The truth of each option flag a call fixes for the called function: `openInstaller({ url,
 * local: true }, tab)` against `async function openInstaller({ url, local, checked }, tab)` gives
 * `local` true and `checked` false (left out of an object literal without a spread: undefined). Only
 * a parameter written as an object pattern of plain names, an argument written as an object
 * literal, a value written as a literal, and a name the function never assigns.
 */
function flagsSetByCall(call: TSESTree.CallExpression, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<TSESLint.Scope.Variable, boolean> {
  const flags = new Map<TSESLint.Scope.Variable, boolean>();
  if (!fn.params.some((param) => param.type === AST_NODE_TYPES.ObjectPattern)) return flags;
  const variables = sourceCode.getDeclaredVariables(fn);
  fn.params.forEach((param, index) => {
    const argument = call.arguments[index];
    if (param.type !== AST_NODE_TYPES.ObjectPattern || argument?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const complete = argument.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed);
    for (const property of param.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const name = property.value.name;
      const variable = variables.find((candidate) => candidate.name === name);
      if (!variable || variable.references.some((reference) => reference.isWrite())) continue;
      const key = property.key.name;
      const given = argument.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && !entry.computed && propertyKeyName(entry.key) === key);
      if (given?.type === AST_NODE_TYPES.Property && given.value.type === AST_NODE_TYPES.Literal) flags.set(variable, Boolean(given.value.value));
      else if (!given && complete) flags.set(variable, false);
    }
  });
  return flags;
}

/** The name of a property key written as a name or a string. */
function propertyKeyName(key: TSESTree.Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : null;
}

/**
 * Is `node` in the `then` branch of an `if` (within `fn`) whose test the call's flags make false:
 * `!local` with `local` true, `checked` with `checked` false, or an `&&` of which one side is so?
 */
function skippedByFlags(node: TSESTree.Node, fn: TSESTree.Node, flags: ReadonlyMap<TSESLint.Scope.Variable, boolean>, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (flags.size === 0) return false;
  // The variable, not the name: a block's own `const local = ...` is no option flag.
  const flagOf = (identifier: TSESTree.Identifier): boolean | undefined => {
    const variable = variableOfIdentifier(sourceCode, identifier);
    return variable ? flags.get(variable) : undefined;
  };
  for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && flagsMakeFalse(parent.test, flagOf)) return true;
  }
  return false;
}

/** Does `test` evaluate to false for the flags `flagOf` gives (see `skippedByFlags`)? */
function flagsMakeFalse(test: TSESTree.Node, flagOf: (identifier: TSESTree.Identifier) => boolean | undefined): boolean {
  if (test.type === AST_NODE_TYPES.Identifier) return flagOf(test) === false;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Identifier) return flagOf(test.argument) === true;
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return flagsMakeFalse(test.left, flagOf) || flagsMakeFalse(test.right, flagOf);
  return false;
}

/** Is `node` inside the block of a `try` with a `catch` within `fn`? */
function insideCatchingTry(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
  return false;
}

/** `ipcMain` methods that register a listener for a window's messages. */
const IPC_MAIN_LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'handle', 'handleOnce']);

/**
 * `ipcMain.on(channel, listener)` (and `once`, `handle`, `handleOnce`): a listener of a window's
 * messages. Its failure is not only a log line where the host logs: the window that asked gets no
 * word of it, so both no-floating-promises and no-misused-async-callback keep judging it.
 */
export function registersIpcMainListener(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTransparent(callee.object);
  const method = staticMemberName(callee);
  return receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'ipcMain' && method !== null && IPC_MAIN_LISTENER_METHODS.has(method);
}
