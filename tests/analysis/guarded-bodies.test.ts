import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { catchAllAsyncExports, closingIndex, compiledCatchesAll, declarationCatchesAll, delayExports, resolveOnlyPromiseExports } from '../../src/analysis/guarded-bodies';

const names = (text: string): string[] => [...catchAllAsyncExports(text)].sort();

describe('catchAllAsyncExports', () => {
  it('finds async exports whose whole body is a try with a quiet catch', () => {
    const text = [
      'export async function notify(user) {',
      '  try {',
      '    await mailer.send(user.email, "welcome");',
      '  } catch (error) {',
      '    logger.warn("mail failed", error);',
      '  }',
      '}',
      'export const track = async (event: Event): Promise<{ ok: boolean }> => {',
      '  try { await analytics.post(event); } catch { failures += 1; }',
      '};',
      'exports.ping = async function ping() {',
      "  'use strict';",
      '  try { await fetch(url); } catch (e) { console.error(e); } finally { pending -= 1; }',
      '};',
      'export default async function () {',
      '  try { await run(); } catch (e) { report(e); }',
      '}',
    ].join('\n');
    assert.deepEqual(names(text), ['default', 'notify', 'ping', 'track']);
  });

  it('leaves out handlers that rethrow, await, or bodies with other statements', () => {
    const text = [
      'export async function rethrows() { try { await a(); } catch (e) { log(e); throw e; } }',
      'export async function awaitsInCatch() { try { await a(); } catch (e) { await rollback(); } }',
      'export async function throwsInFinally() { try { await a(); } catch {} finally { throw new Error("x"); } }',
      'export async function before() { const client = await connect(); try { await client.q(); } catch {} }',
      'export async function after() { try { await a(); } catch {} await b(); }',
      'export async function empty() {}',
      'export async function expression() { return a(); }',
      'export const arrow = async () => a().catch(() => {});',
    ].join('\n');
    assert.deepEqual(names(text), []);
  });

  it('does not treat a sync function as catching its promise rejections', () => {
    // Without `await`, the try/catch of a sync function never sees the promise reject.
    assert.deepEqual(names('export function send() { try { return post(); } catch (e) { log(e); } }'), []);
  });

  it('skips braces inside strings, templates and comments', () => {
    const text = [
      'export async function render(x) {',
      '  try {',
      '    await write(`{${x.map((y) => `}${y}{`).join("}")}`, "{", \'}\'); // }',
      '    /* { */',
      '  } catch (e) {',
      '    log("} throw {");',
      '  }',
      '}',
    ].join('\n');
    // The handler's string holds the word `throw`: read as text, it counts (may reject).
    assert.deepEqual(names(text), []);
    assert.deepEqual(names(text.replace('} throw {', '} caught {')), ['render']);
  });

  it('finds async exports that await, throw and return nothing (async in name only)', () => {
    const text = [
      'export async function dismiss(key = null) {',
      '  select("old", key);',
      '  refreshDecorations();',
      '}',
      'export const pick = async (key) => { select("new", key); };',
      'export async function stub() {}',
      'export async function waits(key) { select(key); await flush(); }',
      'export async function guards(key) { if (!key) throw new Error("no key"); select(key); }',
      'export async function hands(key) { select(key); return save(key); }',
      'export async function nested(keys) { keys.forEach(async (k) => { await drop(k); }); }',
    ].join('\n');
    // An empty body is a stub; any of the words, even in a nested function, answers "may reject".
    assert.deepEqual(names(text), ['dismiss', 'pick']);
  });

  it('allows declarations that cannot throw before the try', () => {
    const guard = '  try {\n    await queue.push(job);\n  } catch (error) {\n    log(error);\n  }\n}';
    const text = [
      `export async function enqueue(job, options) {\n  const queuedAt = Date.now();\n  let attempts = 0, last;\n${guard}`,
      // no semicolons, a type annotation, literals of names and clocks, a default by `??`
      `export const retry = async (job: Job, limit?: number) => {\n  let result: string | undefined\n  const meta = { job, tags: ['retry', \`later\`], at: new Date(), seen: new Map<string, number>() }\n  const max = limit ?? 3\n${guard};`,
    ].join('\n');
    assert.deepEqual(names(text), ['enqueue', 'retry']);
  });

  it('keeps "may reject" when a statement before the try could throw', () => {
    const guard = ' try { await queue.push(job); } catch (error) { log(error); } }';
    const text = [
      // a call of a function it cannot see into
      `export async function callsFirst(job) { const id = nextId(job);${guard}`,
      // a member read of a parameter (undefined when the caller passes nothing), and its destructuring
      `export async function readsFirst(job) { const name = job.name;${guard}`,
      `export async function unpacksFirst(job) { const { name } = job;${guard}`,
      // an await, a throw, or any other statement
      `export async function waitsFirst(job) { const ready = await queue.ready();${guard}`,
      `export async function throwsFirst(job) { if (!job) throw new TypeError('no job');${guard}`,
      `export async function spreadsFirst(job) { const copy = [...job.items];${guard}`,
      `export async function formatsFirst(job) { const label = \`job \${job.id}\`;${guard}`,
      // a declaration after the try is not a prefix
      `export async function declaresAfter(job) {${guard.slice(0, -2)} const done = 1; }`,
    ].join('\n');
    assert.deepEqual(names(text), []);
  });

  it('leaves out a name declared twice', () => {
    const body = '{ try { await a(); } catch {} }';
    assert.deepEqual(names(`export async function twice() ${body}\nexports.twice = async () => ${body};`), []);
  });

  it('answers "may reject" for text it cannot close', () => {
    assert.deepEqual(names('export async function open() { try { await a(); } catch (e) { log("x); }'), []);
    assert.deepEqual(names('export async function open() { try { await a(); /* } catch {} }'), []);
  });
});

describe('resolveOnlyPromiseExports', () => {
  const resolveOnly = (text: string): string[] => [...resolveOnlyPromiseExports(text)].sort();

  it('finds plain exports whose one result is a promise that only resolves', () => {
    const text = [
      'export function revealLine(uri: Uri, line?: number): Promise<Editor> {',
      '  return new Promise((resolve, _) => {',
      '    workspace.open(uri).then((doc) => resolve(show(doc, line)));',
      '  });',
      '}',
      'export const closed = (socket) => new Promise<void>((resolve) => socket.once("close", resolve));',
      'exports.settled = function settled(job) {',
      '  return new Promise(function (resolve, _reject) { job.on("done", resolve); });',
      '};',
    ].join('\n');
    assert.deepEqual(resolveOnly(text), ['closed', 'revealLine', 'settled']);
  });

  it('leaves out executors that reject, delays, async executors and other statements', () => {
    const text = [
      'export function load(p) { return new Promise((resolve, reject) => read(p, (e, d) => (e ? reject(e) : resolve(d)))); }',
      'export function pause(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }',
      'export function ready(x) { return new Promise(async (resolve) => { resolve(await x.init()); }); }',
      'export function twice(x) { check(x); return new Promise((resolve) => x.once("ok", resolve)); }',
      'export function after(x) { return new Promise((resolve) => x.once("ok", resolve)); cleanup(); }',
      // a synchronous read or parse in the executor throws on a missing or corrupt file: it rejects
      'export function readConf(file) { return new Promise((resolve) => { resolve(JSON.parse(fs.readFileSync(file, "utf8"))); }); }',
      'export function readRaw(file) { return new Promise((resolve) => resolve(readFileSync(file))); }',
    ].join('\n');
    assert.deepEqual(resolveOnly(text), []);
  });

  it('counts async exports too: the async function adopts the resolve-only promise it returns', () => {
    const text = [
      'export async function wrapped(x) { return new Promise((resolve) => x.once("ok", resolve)); }',
      'export async function firstChange<T>(onChange: Subscribe<T>): Promise<T> {',
      '  return new Promise<T>((resolve) => {',
      '    const handle = onChange((value) => { handle.dispose(); resolve(value); });',
      '  });',
      '}',
      'export const opened = async (door) => new Promise((resolve) => door.once("open", resolve));',
      'export async function failing(x) { return new Promise((resolve, reject) => x.once("error", reject)); }',
    ].join('\n');
    assert.deepEqual(resolveOnly(text), ['firstChange', 'opened', 'wrapped']);
  });
});

describe('delayExports', () => {
  const delays = (text: string): string[] => [...delayExports(text)].sort();

  it('finds exports whose one result is a timer that resolves', () => {
    const text = [
      'export function wait(ms: number, value?: unknown): Promise<unknown> {',
      '  return new Promise((resolve) => setTimeout(() => resolve(value), ms));',
      '}',
      'export const nap = (ms) => new Promise((done) => setTimeout(done, ms));',
      'exports.rest = function (ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); };',
    ].join('\n');
    assert.deepEqual(delays(text), ['nap', 'rest', 'wait']);
  });

  it('finds a default export, a module that is the delay itself, and a bare arrow parameter', () => {
    assert.deepEqual(delays('export default (ms) => new Promise((wake) => setTimeout(wake, ms));'), ['default']);
    assert.deepEqual(delays('export default function rest(ms) { return new Promise((r) => setTimeout(r, ms)); }'), ['default']);
    assert.deepEqual(delays('module.exports = ms =>\n  new Promise(done => {\n    setTimeout(done, ms)\n  })'), ['module.exports']);
    assert.deepEqual(delays('export const nap = ms => { return new Promise((r) => setTimeout(r, ms)); };'), ['nap']);
    // a module object, a wait that may reject
    assert.deepEqual(delays('module.exports = { wait: (ms) => new Promise((r) => setTimeout(r, ms)) };'), []);
    assert.deepEqual(delays('module.exports = (ms, s) => new Promise((r, fail) => { setTimeout(r, ms); s.onabort = fail; });'), []);
  });

  it('leaves out waits that reject or call anything but the timer and resolve', () => {
    const text = [
      'export function abortable(ms, signal) { return new Promise((resolve, reject) => { setTimeout(resolve, ms); signal.onabort = reject; }); }',
      'export function logged(ms) { return new Promise((resolve) => setTimeout(() => { log(ms); resolve(); }, ms)); }',
      'export function idle(x) { return new Promise((resolve) => x.once("idle", resolve)); }',
    ].join('\n');
    assert.deepEqual(delays(text), []);
  });
});

describe('closingIndex', () => {
  it('matches nested brackets of every kind', () => {
    const text = '{ a: [1, (2)], b: { c: "}" } }';
    assert.equal(closingIndex(text, 0), text.length - 1);
    assert.equal(closingIndex('{ ( }', 0), -1);
  });
});

describe('declarationCatchesAll (typed path, from the declaration the checker resolves)', () => {
  const source = [
    'export async function quiet() { try { await work(); } catch (e) { log(e); } }',
    'export async function loud() { try { await work(); } catch (e) { throw e; } }',
    'export function notAsync() { try { return work(); } catch (e) { log(e); } }',
    'export const arrow = async (): Promise<void> => { try { await work(); } catch { } };',
    'export class Jobs { async flush() { try { await work(); } catch { } } async mark() { log(1); } }',
    'export class Rpc { async run(name: string, args: unknown[]) { const started = Date.now(); let result; try { result = await work(); } catch (e) { log(e); } }',
    '  async runNamed(call: { name: string }) { const name = call.name; try { await work(); } catch (e) { log(e); } } }',
    'export async function nextOf(e: any) { return new Promise<number>((resolve) => e.once("x", resolve)); }',
    'export const closedOf = (s: any) => new Promise<void>((resolve) => s.once("close", resolve));',
    'export function failOf(s: any) { return new Promise((resolve, reject) => s.once("error", reject)); }',
    'declare function work(): Promise<void>; declare function log(e: unknown): void;',
  ].join('\n');
  const file = ts.createSourceFile('jobs.ts', source, ts.ScriptTarget.Latest, true);
  const declarations = new Map<string, ts.Node>();
  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isVariableDeclaration(node)) && node.name) {
      declarations.set(node.name.getText(file), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const verdict = (name: string): boolean => {
    const declaration = declarations.get(name);
    assert.ok(declaration, name);
    return declarationCatchesAll(declaration as unknown as Parameters<typeof declarationCatchesAll>[0]);
  };

  it('is true for an async function, arrow or method whose body catches everything', () => {
    assert.equal(verdict('quiet'), true);
    assert.equal(verdict('arrow'), true);
    assert.equal(verdict('flush'), true);
    // after declarations that cannot throw
    assert.equal(verdict('run'), true);
    // async in name only: nothing awaited, thrown or returned
    assert.equal(verdict('mark'), true);
  });

  it('is true for a plain or async function whose one result is a resolve-only new Promise', () => {
    assert.equal(verdict('nextOf'), true);
    assert.equal(verdict('closedOf'), true);
    assert.equal(verdict('failOf'), false);
  });

  it('is false for a rethrowing handler, a sync function, and a body-less declaration', () => {
    assert.equal(verdict('loud'), false);
    assert.equal(verdict('notAsync'), false);
    assert.equal(verdict('work'), false);
    // a member read of a parameter before the try may throw
    assert.equal(verdict('runNamed'), false);
  });
});

describe('compiledCatchesAll', () => {
  const compiled = [
    'class Meter {',
    '    constructor(read) { this.read = read; }',
    '    /** Reads every source; a failure is only logged. */',
    '    async sample() {',
    '        try { await this.read(); }',
    '        catch (e) { console.warn(e); }',
    '    }',
    '    // the same, but a failure reaches the caller',
    '    async push() {',
    '        await this.read();',
    '    }',
    '    label(text) {',
    '        const sample = text.trim();',
    '        return { async sample() { return sample; } };',
    '    }',
    '    async stop() { try { await this.read(); } catch (e) { console.warn(e); } }',
    '    async reset() { try { await this.read(); } catch (e) { console.warn(e); } }',
    '    swap() { this.reset = async () => { await this.read(); }; }',
    '}',
    'class Other { async push() { try { await go(); } catch {} } }',
    'async function drain() { try { await pending(); } catch (e) { console.warn(e); } }',
    'async function fill() { await pending(); }',
    'function plain() { try { return pending(); } catch (e) { return null; } }',
  ].join('\n');

  it("reads the named class's one async method, after a doc comment", () => {
    assert.equal(compiledCatchesAll(compiled, 'Meter', 'stop'), true);
    assert.equal(compiledCatchesAll(compiled, 'Meter', 'push'), false);
    assert.equal(compiledCatchesAll(compiled, 'Other', 'push'), true);
  });

  it('refuses a name defined twice in the class or assigned to a member', () => {
    // an object literal's method of the same name inside another method
    assert.equal(compiledCatchesAll(compiled, 'Meter', 'sample'), false);
    assert.equal(compiledCatchesAll(compiled, 'Meter', 'reset'), false);
    assert.equal(compiledCatchesAll(compiled, 'Missing', 'stop'), false);
  });

  it('reads a top-level function only when it is async', () => {
    assert.equal(compiledCatchesAll(compiled, null, 'drain'), true);
    assert.equal(compiledCatchesAll(compiled, null, 'fill'), false);
    assert.equal(compiledCatchesAll(compiled, null, 'plain'), false);
  });
});

describe('catch-all bodies that still hand on a rejection', () => {
  it('leaves out a return of an unawaited call in the try, or of a call in a handler', () => {
    const text = [
      'export async function unawaited() { try { return pull(); } catch (e) { console.warn(e); } }',
      'export async function retries() { try { await pull(); } catch (e) { log.warn(e); return later(); } }',
      'export async function passesOn() { try { await pull(); } catch (e) { return Promise.reject(e); } }',
      'export async function awaited() { try { return await pull(); } catch (e) { console.warn(e); } }',
      'export async function plainValues() { try { await pull(); return; } catch (e) { console.warn(e); return null; } }',
      'export async function named() { let done = false; try { await pull(); done = true; } catch (e) { console.warn(e); } finally { return done; } }',
    ].join('\n');
    assert.deepEqual(names(text), ['awaited', 'named', 'plainValues']);
  });

  it("leaves out a handler that emits 'error' (thrown by an emitter with no listener)", () => {
    const text = [
      "export async function emits() { try { await pull(); } catch (e) { this.emit('error', e); } }",
      "export async function emitsOther() { try { await pull(); } catch (e) { this.emit('failed', e); } }",
    ].join('\n');
    assert.deepEqual(names(text), ['emitsOther']);
  });
});

describe('compiledCatchesAll, narrowed', () => {
  it('refuses a method whose try returns an unawaited call or whose handler returns one or emits error', () => {
    const text = [
      'class Client extends EventEmitter {',
      '    async sync() {',
      '        try {',
      '            return this.pull();',
      '        }',
      '        catch (error) {',
      "            console.warn('sync failed', error);",
      '        }',
      '    }',
      '    async refresh() { try { await this.pull(); } catch (e) { log.warn(e); return this.refreshLater(); } }',
      "    async reconnect() { try { await this.connect(); } catch (error) { this.emit('error', error); } }",
      '}',
    ].join('\n');
    assert.equal(compiledCatchesAll(text, 'Client', 'sync'), false);
    assert.equal(compiledCatchesAll(text, 'Client', 'refresh'), false);
    assert.equal(compiledCatchesAll(text, 'Client', 'reconnect'), false);
  });

  it('refuses a body async in name only that does blocking I/O or parses JSON', () => {
    const text = [
      'class Store {',
      '    async save() { fs.writeFileSync(this.file, JSON.stringify(this.state)); }',
      "    async load() { this.config = JSON.parse(fs.readFileSync(this.path, 'utf8')); }",
      '    async mark() { this.dirty = true; this.count += 1; }',
      '}',
    ].join('\n');
    assert.equal(compiledCatchesAll(text, 'Store', 'save'), false);
    assert.equal(compiledCatchesAll(text, 'Store', 'load'), false);
    assert.equal(compiledCatchesAll(text, 'Store', 'mark'), true);
  });

  it('reads only a top-level function, and sees a prototype assignment after the class', () => {
    const nested = [
      'function setup() {',
      '    async function refresh() { try { await pull(); } catch (e) { console.warn(e); } }',
      '    return refresh;',
      '}',
      'exports.refresh = () => pull();',
    ].join('\n');
    assert.equal(compiledCatchesAll(nested, null, 'refresh'), false);
    const patched = [
      'class Metrics {',
      '    async refresh() { try { await this.pull(); } catch (e) { console.warn(e); } }',
      '}',
      'Metrics.prototype.refresh = function () { return this.pull(); };',
    ].join('\n');
    assert.equal(compiledCatchesAll(patched, 'Metrics', 'refresh'), false);
    assert.equal(compiledCatchesAll(patched.split('\n').slice(0, 3).join('\n'), 'Metrics', 'refresh'), true);
  });
});
