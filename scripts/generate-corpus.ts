/**
 * Generated corpus files: odd syntax the rules must survive (`edgeCaseFiles`), the async pitfalls
 * the rules exist for, in many shapes, so every rule reports and offers its suggestions
 * (`pitfallFiles`), and long files for the scaling bench (`scalingFile`).
 *
 * Everything is deterministic: the same call returns the same text. Run this file to write the
 * generated corpus to `.bench/generated` for a look: `node --import tsx scripts/generate-corpus.ts`.
 */
import path from 'node:path';
import { REPO_ROOT, writeCorpus, type CorpusFile } from './corpus';

function generated(name: string, text: string, untypedOnly?: string): CorpusFile {
  return {
    path: `generated/${name}`,
    text,
    sourceType: name.endsWith('.cjs') ? 'commonjs' : 'module',
    group: 'generated',
    ...(untypedOnly ? { untypedOnly } : {}),
  };
}

function repeat(count: number, line: (index: number) => string, separator = '\n'): string {
  return Array.from({ length: count }, (_, index) => line(index)).join(separator);
}

// Shared helpers the pitfall code calls: real async functions, so untyped and typed mode both see promises.
// The helpers do real I/O, so the rules that judge what a called function does (effect
// summaries: nothing to overlap in memory-only helpers) report the pitfalls that use them.
const HELPERS_JS = `
async function fetchUser(id) { const res = await fetch('/users/' + id); return res.json(); }
async function fetchOrders(user) { const res = await fetch('/orders?user=' + user.id); return res.json(); }
async function save(value) { await fetch('/save', { method: 'POST', body: String(value) }); return value; }
async function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
function compute(value) { return value; }
`;

const HELPERS_TS = `
interface User { id: number; name: string }
async function fetchUser(id: number): Promise<User> { const res = await fetch('/users/' + id); return res.json(); }
async function fetchOrders(user: User): Promise<number[]> { const res = await fetch('/orders?user=' + user.id); return res.json(); }
async function save<T>(value: T): Promise<T> { await fetch('/save', { method: 'POST', body: String(value) }); return value; }
async function sleep(ms: number): Promise<void> { return new Promise((resolve) => setTimeout(resolve, ms)); }
function compute<T>(value: T): T { return value; }
`;

/** Syntax that parsers accept and rules must not choke on; each file parses with its parser. */
// Sizes stay below the recursion limits of the parsers and scope analysis (a 1000-term `+` chain
// overflows typescript-estree's converter, a 1500-call `.then` chain eslint-scope): those crash
// before any rule runs, so they test ESLint, not us.
export function edgeCaseFiles(): CorpusFile[] {
  const files: CorpusFile[] = [
    generated('empty-module.js', ''),
    generated('empty.ts', ''),
    generated('empty.cjs', ''),
    generated('whitespace-only.js', '\n\n   \t\n'),
    generated('comments-only.ts', '// nothing here\n/* await fetch(); */\n/** @returns {Promise<void>} */\n'),
    generated('bom-crlf.js', `\uFEFFimport fs from 'node:fs';\r\nasync function f() {\r\n  const a = await fetch('a');\r\n  const b = await fetch('b');\r\n  fs.readFileSync('x');\r\n  for (const x of [a, b]) {\r\n    await save(x);\r\n  }\r\n  sleep(1);\r\n}\r\nasync function save(v) { return v; }\r\nasync function sleep(ms) { return ms; }\r\nexport { f };\r\n`),
    generated('decorators.ts', `${HELPERS_TS}
function logged(_target: unknown, _context: ClassMethodDecoratorContext) {}
function sealed<T>(value: T) { return value; }
@sealed
export class Service {
  @logged
  async load(id: number) {
    const user = await fetchUser(id);
    const orders = await fetchOrders(user);
    save(orders);
    return orders;
  }
  @logged static async boot() { await sleep(1); }
  @((x: unknown) => x) accessor count = 0;
}
`),
    generated('using.ts', `${HELPERS_TS}
declare function openResource(): Disposable;
declare function openAsyncResource(): AsyncDisposable;
declare const resources: AsyncDisposable[];
export async function withResources() {
  using sync = openResource();
  await using resource = openAsyncResource();
  for (await using r of resources) { await sleep(1); }
  for (const r of resources) { await using inner = r; await save(inner); }
  { using block = openResource(); save(block); }
}
`),
    generated('using-declarations.js', `
export async function withResources(openResource, openAsyncResource, resources) {
  using sync = openResource();
  await using resource = openAsyncResource();
  for (await using r of resources) { await r; }
  for (const r of resources) { await using inner = r; }
  return [sync, resource];
}
`),
    generated('static-blocks.js', `${HELPERS_JS}
export class Registry {
  static #items = [];
  static {
    (async () => { const a = await fetchUser(1); Registry.#items.push(a); })();
    fetchUser(2);
    for (const id of [3, 4]) fetchUser(id).then((u) => Registry.#items.push(u));
  }
  static async all() { return Promise.all(this.#items.map((i) => save(i))); }
  async #secret() { await sleep(1); return #items in Registry; }
}
`),
    generated('top-level-await.mjs', `${HELPERS_JS}
import fs from 'node:fs';
const user = await fetchUser(1);
const orders = await fetchOrders(user);
for (const id of [1, 2, 3]) {
  await save(id);
}
for await (const line of [sleep(1), sleep(2)]) console.log(line);
fs.readFileSync('config.json', 'utf8');
fetchUser(3);
if (orders.length) await sleep(1);
export default await save(user);
`),
    generated('labels.js', `${HELPERS_JS}
export async function labelled(groups) {
  outer: for (const group of groups) {
    inner: for (const item of group) {
      if (!item) continue outer;
      if (item === 1) break inner;
      await save(item);
    }
  }
  block: {
    const a = await fetchUser(1);
    if (!a) break block;
    const b = await fetchUser(2);
    save(b);
  }
  loop: while (true) { await sleep(1); break loop; }
}
`),
    generated('generators.js', `${HELPERS_JS}
export function* ids() { let i = 0; while (i < 10) yield i++; }
export async function* pages(urls) {
  for (const url of urls) {
    const page = await fetch(url);
    yield page;
    yield* ids();
    yield await save(page);
  }
  for await (const id of ids()) yield id;
}
export async function drain() {
  for await (const page of pages(['a', 'b'])) { await save(page); }
  const gen = pages([]);
  gen.next();
  await gen.return(undefined);
}
export const objectWithGenerators = { *g() { yield 1; }, async *h() { yield await sleep(1); }, async m() { await sleep(2); } };
`),
    generated('optional-chaining.js', `${HELPERS_JS}
import fs from 'node:fs';
export async function optional(api, maybe) {
  await api?.load?.();
  const a = await maybe?.fetch?.(1);
  const b = await maybe?.fetch?.(2);
  api?.save?.(a, b);
  fs?.readFileSync?.('x');
  fs.readFileSync?.('y');
  maybe?.items?.forEach(async (item) => { await save(item); });
  return (await api?.result) ?? (await fetchUser(0))?.name;
}
`),
    generated('jsx.jsx', `${HELPERS_JS}
import fs from 'node:fs';
export function Button({ items }) {
  return (
    <div onClick={async () => { await save(1); await save(2); }}>
      {items.map(async (item) => <span key={item}>{await fetchUser(item)}</span>)}
      <input onChange={async (e) => { fs.readFileSync(e.target.value); }} />
      <>{fetchUser(1) && 'x'}</>
    </div>
  );
}
export async function render() { const a = await fetchUser(1); const b = await fetchUser(2); return <p>{a.name}{b.name}</p>; }
`),
    generated('tsx.tsx', `${HELPERS_TS}
import fs from 'node:fs';
export function List<T,>({ items }: { items: T[] }) {
  return <ul>{items.map(async (item) => { await save(item); return <li>{String(item)}</li>; })}</ul>;
}
export const Lazy = async () => { const a = await fetchUser(1); const b = await fetchUser(2); fs.readFileSync('x'); return <b>{a.name + b.name}</b>; };
export function Form() { return <form onSubmit={async (e) => { e.preventDefault(); await save(e); }} />; }
`),
    generated('ts-constructs.ts', `${HELPERS_TS}
export enum Color { Red, Green = 'green', Blue = Red + 2 }
export const enum Flags { A = 1 << 0, B = 1 << 1 }
export namespace Outer.Inner {
  export async function load() { const a = await fetchUser(1); const b = await fetchUser(2); return [a, b]; }
  fetchUser(3);
}
declare module 'virtual-module' { export function get(): Promise<string>; }
declare global { interface Window { asyncThing(): Promise<void> } }
declare function ambient(x: number): Promise<number>;
declare const ambientValue: Promise<string>;
export function over(x: string): Promise<string>;
export function over(x: number): Promise<number>;
export async function over(x: string | number) { return x; }
export abstract class Base {
  abstract run(): Promise<void>;
  protected abstract readonly name: string;
  constructor(private readonly id: number, public label?: string) {}
  async start(this: Base) { await this.run(); this.run(); return this.id!; }
}
export interface Api { get(id: number): Promise<User>; on(event: 'x', cb: () => Promise<void>): void }
export type Loader = <T>(id: T) => Promise<T>;
export async function typed(api: Api, loaders: Loader[]) {
  const user = <User>await api.get(1);
  const other = (await api.get(2)) as User;
  const third = (await api.get(3)) satisfies User;
  api.on('x', async () => { await sleep(1); });
  for (const loader of loaders) { await loader(user.id); }
  let definite!: number;
  ambient(definite);
  void ambientValue;
  return [user, other, third] as const;
}
`),
    generated('declarations.d.ts', `
declare function load(id: number): Promise<string>;
declare namespace NS { function run(): Promise<void>; }
export declare class C { m(): Promise<void>; static s(): Promise<number>; }
export type T = Awaited<ReturnType<typeof load>>;
`),
    generated('huge-expressions.js', `${HELPERS_JS}
export const sum = ${repeat(400, (i) => `a${i % 7}`, ' + ')};
export const chain = Promise.resolve(0)${repeat(200, (i) => `.then((v) => v + ${i})`, '')};
export const deep = ${'compute('.repeat(100)}1${')'.repeat(100)};
export async function manyAwaits() {
  return [${repeat(1000, (i) => `await fetchUser(${i})`, ', ')}];
}
export async function longCondition(x) {
  if (${repeat(500, (i) => `x === ${i}`, ' || ')}) { await save(x); }
  return ${repeat(300, (i) => `(await fetchUser(${i})).id`, ' + ')};
}
export const longString = ${repeat(400, (i) => `'part${i}'`, ' + ')};
export const bigArray = [${repeat(5000, (i) => String(i), ',')}];
`),
    generated('weird-async.js', `${HELPERS_JS}
import * as fsNs from 'node:fs';
export async function* asyncGen() { yield await fetchUser(1); }
(async () => { (async () => { (async () => { await save(1); fetchUser(2); })(); })(); })();
(async function named() { await sleep(1); })();
!(async () => save(3))();
void (async () => { await save(4); })();
new Promise(async (resolve) => { resolve(await fetchUser(5)); });
export const handlers = {
  async ['computed' + 1]() { await save(1); },
  async 'string-key'() { const a = await fetchUser(1); const b = await fetchUser(2); return [a, b]; },
  async ''() { await save(1); },
  ['']: async () => fetchUser(1),
  arrow: async () => fetchUser(3),
  help() { handlers[''](); },
  nested: { deeper: { deepest: async () => { fsNs.readFileSync('x'); } } },
};
export class Fields { handler = async () => { await save(1); }; static s = async () => fetchUser(1); }
export async function awaitNonPromises() { await 1; await null; await undefined; await (async () => 1)(); await await save(2); }
export async function returnsAwaited() { return await fetchUser(1); }
export async function tryCatch() {
  try { await save(1); } catch { fetchUser(1); } finally { await sleep(1); }
  try { return await fetchUser(2); } catch (error) { throw error; }
}
export async function sequentialConditional(flag) {
  const a = flag ? await fetchUser(1) : await fetchUser(2);
  const b = (await fetchUser(3)) || (await fetchUser(4));
  const c = await (flag ? fetchUser(5) : fetchUser(6));
  return [a, b, c];
}
export const iife = (() => async () => { await save(1); })();
export function notAsync() { fetchUser(1); [1, 2].forEach(async (id) => { await save(id); }); }
export async function thenables() { const t = { then(resolve) { resolve(1); } }; await t; t.then(() => 0); }
export async function promiseStatics() {
  Promise.all([fetchUser(1), fetchUser(2)]);
  Promise.resolve().then(() => save(1));
  await Promise.allSettled([sleep(1)]);
  Promise.reject(new Error('x')).catch(() => {});
  fetchUser(1).then(() => {}, () => {});
  fetchUser(2).finally(() => {});
}
`),
    generated(
      'script-mode.cjs',
      `
var await = 1;
var async = function async(x) { return x; };
async(await);
var yieldish = async => async;
function f(await) { return await; }
with (Math) { var y = max(1, 2); }
var octal = 010;
var args = function () { return arguments.callee; };
var fs = require('fs');
async function g() {
  fs.readFileSync('x');
  const a = await require('fs/promises').readFile('a');
  const b = await require('fs/promises').readFile('b');
  for (var i = 0; i < 3; i++) await g();
  return [a, b, y, octal, args];
}
module.exports = { f, g, yieldish };
`,
      "sloppy-mode script syntax (`var await`, `with`) that TypeScript's parser rejects by design",
    ),
    generated('module-forms.mjs', `
import data from './data.json' with { type: 'json' };
import * as ns from 'node:fs';
import def, { readFileSync as rfs, promises } from 'fs';
import { execSync } from 'node:child_process';
export * as everything from 'node:path';
export { default as other } from './other.js';
export default async function main() {
  const mod = await import('node:fs');
  mod.readFileSync(import.meta.url);
  ns.readFileSync('a');
  def.readFileSync('b');
  rfs('c');
  execSync('ls');
  const a = await promises.readFile('a');
  const b = await promises.readFile('b');
  return [data, a, b];
}
export const arrow = async () => { await import('./x.js'); };
`),
    generated('tagged-templates.js', `${HELPERS_JS}
const tag = async (strings, ...values) => strings.join(values.join());
export async function templates() {
  const a = \`\${await fetchUser(1)}-\${await fetchUser(2)}\`;
  await tag\`x\${1}\`;
  tag\`y\${await save(2)}\`;
  return a;
}
`),
    generated('unicode.js', `${HELPERS_JS}
export async function ünïcödé(ñ) {
  const 变量 = await fetchUser(ñ);
  const \\u0061bc = await fetchUser(2);
  save('😀'); // emoji before the fix position shifts UTF-16 offsets
  return [变量, abc];
}
export async function emoji() { const s = '😀😀'; await save(s); save(s); }
`),
    generated('regexp-and-literals.js', `${HELPERS_JS}
export async function literals() {
  const re = /(?<year>\\d{4})-(?<m>\\d{2})/v;
  const big = 123_456n ** 2n;
  const obj = { __proto__: null, ...(await fetchUser(1)), [await save('k')]: 1 };
  const { a = await fetchUser(2), ...rest } = obj;
  const [x, , y = await save(3)] = [1];
  return [re, big, a, rest, x, y, 0x1f, 0o17, 0b1, 1e10, .5];
}
`),
    generated('deep-nesting.js', `${HELPERS_JS}
export async function deep(x) {
${repeat(60, (i) => `${'  '.repeat(i + 1)}if (x > ${i}) {`)}
${'  '.repeat(62)}await save(x);
${'  '.repeat(62)}const a = await fetchUser(1);
${'  '.repeat(62)}const b = await fetchUser(2);
${'  '.repeat(62)}for (const y of [a, b]) await save(y);
${repeat(60, (i) => `${'  '.repeat(60 - i)}}`)}
}
export const callbacks = ${repeat(40, () => 'async () => { await sleep(1); return ', '')}0${repeat(40, () => '; }', '')};
export function pyramid(cb) {
${repeat(30, (i) => `${'  '.repeat(i + 1)}cb(async (e${i}) => {`)}
${'  '.repeat(32)}await save(e0);
${repeat(30, (i) => `${'  '.repeat(30 - i)}});`)}
}
`),
    generated('classes.ts', `${HELPERS_TS}
export class Repo<T extends { id: number }> {
  #cache = new Map<number, T>();
  static instances = 0;
  declare readonly tag: string;
  constructor(private readonly load: (id: number) => Promise<T>) { super_like(); }
  get size() { return this.#cache.size; }
  set size(_v: number) {}
  async #fill(id: number) { this.#cache.set(id, await this.load(id)); }
  async getMany(ids: number[]) {
    for (const id of ids) await this.#fill(id);
    ids.forEach(async (id) => { await this.#fill(id); });
    this.#fill(0);
    return ids.map((id) => this.#cache.get(id));
  }
  override toString() { return 'Repo'; }
}
function super_like() {}
export class Child extends Repo<User> {
  constructor() { super(fetchUser); }
  async both() { const a = await super.getMany([1]); const b = await super.getMany([2]); return [a, b]; }
}
`),
  ];
  return files;
}

// One unit of pitfalls, numbered so names never clash; `ts` adds type annotations.
function pitfallUnit(i: number, ts: boolean): string {
  const t = (annotation: string) => (ts ? annotation : '');
  return `
// unit ${i}
export async function sequential${i}(id${t(': number')}) {
  const user = await fetchUser(id);
  const other = await fetchUser(id + 1);
  const orders = await fetchOrders(user);
  return [user, other, orders];
}
export async function independentStatements${i}() {
  await save(${i});
  await save(${i + 1});
  await sleep(${i});
}
export async function loop${i}(ids${t(': number[]')}) {
  const users = [];
  for (const id of ids) {
    users.push(await fetchUser(id));
  }
  for (let k = 0; k < ids.length; k++) {
    await save(ids[k]);
  }
  let page = 0;
  while (page < 3) {
    const next = await fetchUser(page);
    page = next.id + 1;
  }
  for (const key in { a: 1 }) await save(key);
  return users;
}
export async function notifyAll${i}(users${t(': { email: string }[]')}) {
  for (const user of users) {
    await sendEmail(user.email);
  }
}
export async function blocking${i}(file${t(': string')}) {
  const text = fs.readFileSync(file, 'utf8');
  const exists = fs.existsSync(file);
  readFileSync(file);
  execSync('ls');
  const hash = crypto.pbkdf2Sync('pw', 'salt', 1000, 64, 'sha512');
  zlib.gzipSync(text);
  return [exists, hash];
}
export async function floating${i}() {
  fetchUser(${i});
  save(${i}).then(() => compute(1));
  sleep(1);
  Promise.resolve(${i});
  fetchOrders({ id: ${i}, name: 'x' });
}
export function floatingInSync${i}() {
  save(${i});
  fetchUser(${i}).then((user) => compute(user));
}
export async function asyncCallbacks${i}(record${t(': Record<string, number>')}) {
  const list = [1, 2, 3];
  list.forEach(async (id) => { await save(id); });
  Object.keys(record).forEach(async (key) => { await save(key); });
  [4, 5].forEach(async (n) => save(n));
  list.map(async (id) => { await save(id); });
  Array.from(list).forEach(async (id) => await save(id));
  Object.entries(record).forEach(async ([key, value]) => { await save(key + value); });
}
export function callbacks${i}(ids${t(': number[]')}) {
  ids.forEach(async (id) => { await save(id); });
  setTimeout(async () => { await sleep(1); }, 10);
  const results = ids.map(async (id) => fetchUser(id));
  ids.filter(async (id) => (await fetchUser(id)).id > 0);
  ids.some(async (id) => await save(id));
  ids.reduce(async (acc, id) => (await acc) + id, Promise.resolve(0));
  emitter.on('data', async (chunk${t(': unknown')}) => { await save(chunk); });
  new Promise(async (resolve) => { resolve(await fetchUser(${i})); });
  return results;
}
`;
}

/**
 * Code full of the pitfalls the rules target (sequential awaits, awaits in loops, blocking calls,
 * floating promises, async callbacks), in JS and TS, CommonJS and ESM: every rule reports on it
 * and offers its suggestions, so the fix-safety test really applies them.
 */
export function pitfallFiles(units = 6): CorpusFile[] {
  const esmImports = `import fs from 'node:fs';
import { readFileSync } from 'fs';
import { execSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import zlib from 'zlib';
import { EventEmitter } from 'node:events';
const emitter = new EventEmitter();
`;
  const cjsImports = `const fs = require('fs');
const { readFileSync } = require('node:fs');
const { execSync } = require('child_process');
const crypto = require('crypto');
const zlib = require('node:zlib');
const { EventEmitter } = require('events');
const emitter = new EventEmitter();
`;
  const body = (ts: boolean) => repeat(units, (i) => pitfallUnit(i, ts));
  return [
    generated('pitfalls.mjs', `${esmImports}${HELPERS_JS}${body(false)}`),
    generated('pitfalls.cjs', `${cjsImports}${HELPERS_JS}${body(false).replace(/^export /gm, '')}`),
    generated('pitfalls.ts', `${esmImports}${HELPERS_TS}${body(true)}`),
  ];
}

/**
 * A file of about `lines` lines for the scaling bench. Besides repeated units (constant size
 * each), it holds shapes whose size grows with the file, where quadratic work would show: one
 * async function with ever more sequential awaits, one loop with an ever longer body, one ever
 * longer chain of statements with blocking calls and floating promises, and ever more imports.
 */
export function scalingFile(lines: number): CorpusFile {
  const quarter = Math.floor(lines / 4);
  const imports = repeat(Math.floor(lines / 40), (i) => `import { helper${i} } from './module${i % 50}.js';`);
  const sequentialAwaits = repeat(Math.floor(quarter / 2), (i) =>
    i % 3 === 0
      ? `  const v${i} = await fetchUser(${i});\n  const w${i} = await fetchOrders(v${i});`
      : `  const v${i} = await save(${i % 5 === 0 && i > 0 ? `v${i - 1}` : i});\n  if (v${i}) fs.readFileSync('f${i}');`,
  );
  const loopBody = repeat(Math.floor(quarter / 3), (i) =>
    `    const r${i} = await fetchUser(id + ${i});\n    if (r${i}.id > ${i}) { await save(r${i}); }\n    total += r${i}.id;`,
  );
  const statements = repeat(Math.floor(quarter / 2), (i) =>
    i % 2 === 0 ? `  fetchUser(${i});\n  helper${i % Math.max(1, Math.floor(lines / 40))}?.(${i});` : `  execSync('cmd${i}');\n  await sleep(${i});`,
  );
  const header = `import fs from 'node:fs';
import { execSync } from 'node:child_process';
${imports}
${HELPERS_TS}
export async function longSequential() {
${sequentialAwaits}
}
export async function longLoop(ids: number[]) {
  let total = 0;
  for (const id of ids) {
${loopBody}
  }
  return total;
}
export async function longStatements() {
${statements}
}
`;
  const headerLines = header.split('\n').length;
  const unitLines = pitfallUnit(0, true).split('\n').length;
  const units = Math.max(0, Math.floor((lines - headerLines) / unitLines));
  const text = `${header}
import * as crypto from 'node:crypto';
import zlib from 'zlib';
import { readFileSync } from 'fs';
import { EventEmitter } from 'node:events';
const emitter = new EventEmitter();
${repeat(units, (i) => pitfallUnit(i, true))}
`;
  return generated(`scaling-${lines}.ts`, text);
}

if (require.main === module) {
  const dir = path.join(REPO_ROOT, '.bench', 'generated');
  const files = [...edgeCaseFiles(), ...pitfallFiles(), ...[5000, 10000, 20000, 40000].map(scalingFile)];
  writeCorpus(dir, files);
  console.log(`wrote ${files.length} files to ${path.relative(REPO_ROOT, dir)}`);
}
