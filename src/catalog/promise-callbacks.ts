/**
 * Array-like methods that call their callback synchronously and use its return value as a plain
 * value (or ignore it), so an async callback's promise is lost or misread:
 * - `ignored`: the return value is discarded; nobody waits for the promise, and a rejection is
 *   unhandled (`forEach`);
 * - `predicate`: the return value is tested for truthiness; a promise is always truthy, so the
 *   test always passes (`filter`, `some`, `every`, `find`, ...);
 * - `comparator`: the return value is used as a number; a promise is `NaN`, the order is undefined;
 * - `mapped`: the promises are collected into an array; a problem only when that array is dropped;
 * - `accumulator`: each call receives the previous call's promise as the accumulator; a problem
 *   only when the callback uses the accumulator as a value without awaiting it.
 * The same names on `Map`, `Set`, typed arrays and iterator helpers behave the same way. Node
 * streams and async iterator helpers share some names but do await their callbacks; the rule
 * recognizes those by the call's result (a promise or async iterable in typed mode; awaited or
 * iterated with `for await` untyped).
 */
export type CallbackUse = 'ignored' | 'predicate' | 'comparator' | 'mapped' | 'accumulator';

export const PROMISE_IGNORING_METHODS: ReadonlyMap<string, CallbackUse> = new Map<string, CallbackUse>([
  ['forEach', 'ignored'],
  ['filter', 'predicate'],
  ['some', 'predicate'],
  ['every', 'predicate'],
  ['find', 'predicate'],
  ['findIndex', 'predicate'],
  ['findLast', 'predicate'],
  ['findLastIndex', 'predicate'],
  ['sort', 'comparator'],
  ['toSorted', 'comparator'],
  ['map', 'mapped'],
  ['flatMap', 'mapped'],
  ['reduce', 'accumulator'],
  ['reduceRight', 'accumulator'],
]);

/**
 * Methods that register an event listener: emitters ignore the listener's return value by design,
 * so typed mode's void-return check accepts async listeners here when `allowEventListeners` is on.
 */
export const EVENT_LISTENER_METHODS: ReadonlySet<string> = new Set([
  'addEventListener',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

/**
 * Listener methods of `EventTarget` (the DOM's, and Node's): in a browser a rejected listener is
 * reported to the console and the page goes on, so with `allowEventListeners` their async
 * listeners are accepted (except for `REPLYING_EVENTS`). Node emitters' methods (`on`, `once`,
 * ...) are not: a rejection in their listener is unhandled, which ends a Node process.
 */
export const EVENT_TARGET_LISTENER_METHODS: ReadonlySet<string> = new Set(['addEventListener']);

/**
 * Events of an Electron window's contents (`webContents.on('did-finish-load', ...)`,
 * `win.once('ready-to-show', ...)`): only Electron's main process has the objects that emit them,
 * and Electron logs a rejection nobody handles there as a warning and the app goes on. Names no
 * other common emitter uses.
 */
export const ELECTRON_WINDOW_EVENTS: ReadonlySet<string> = new Set([
  'did-finish-load',
  'did-fail-load',
  'did-frame-finish-load',
  'did-start-loading',
  'did-stop-loading',
  'dom-ready',
  'ready-to-show',
  'did-navigate',
  'did-navigate-in-page',
  'render-process-gone',
]);

/**
 * Process events whose listener runs while the process shuts down (`process.on('SIGTERM', ...)`):
 * a rejection there ends the process, which is what the listener was about to do anyway, so its
 * async listeners are accepted with `allowEventListeners`.
 */
export const SHUTDOWN_EVENTS: ReadonlySet<string> = new Set([
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGBREAK',
  'SIGUSR1',
  'SIGUSR2',
  'beforeExit',
  'exit',
  'uncaughtException',
  'unhandledRejection',
]);

/**
 * Methods that remove a listener: the function passed is only compared with the registered one,
 * never called, so whatever it returns is irrelevant to the void-return check.
 */
export const EVENT_UNLISTEN_METHODS: ReadonlySet<string> = new Set([
  'off',
  'removeListener',
  'removeEventListener',
  'removeAllListeners',
]);

/**
 * Events whose listener answers someone: an HTTP request (`request`, `upgrade`, `connection`,
 * `stream`) or a message from a port, worker or window (`message`). An async listener that
 * rejects there loses the error (an unhandled rejection, which ends a Node process) and the other
 * side never gets its reply, so typed mode checks these listeners even with `allowEventListeners`.
 */
export const REPLYING_EVENTS: ReadonlySet<string> = new Set(['request', 'upgrade', 'connection', 'stream', 'message']);

/**
 * Methods typed as taking a `void` callback that nevertheless wait for a promise the callback
 * returns: `promise.finally(async () => ...)` delays the settlement until the returned promise
 * settles, and a rejection there rejects the chain. The void-return check accepts these.
 */
export const AWAITING_VOID_CALLBACK_METHODS: ReadonlySet<string> = new Set(['finally']);
