import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type EffectSummary, getFileEffects } from '../../src/analysis/effects';
import { runOnCode } from './run-on-code';

/** The summary of each call passed to a global `probe(...)`, in source order (null when unknown). */
function summaries(code: string): (EffectSummary | null)[] {
  return runOnCode<EffectSummary | null>(code, (context, collect) => ({
    CallExpression(node) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
      const [argument] = node.arguments;
      if (argument?.type !== AST_NODE_TYPES.CallExpression && argument?.type !== AST_NODE_TYPES.NewExpression) return;
      collect(getFileEffects(context).summaryOf(argument));
    },
  }));
}

function only(code: string): EffectSummary {
  const [summary] = summaries(code);
  assert.ok(summary, 'expected a summary');
  return summary;
}

/** Whether each call passed to `probe(...)` has an ordered receiver. */
function orderedReceivers(code: string): boolean[] {
  return runOnCode<boolean>(code, (context, collect) => ({
    CallExpression(node) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
      const [argument] = node.arguments;
      if (argument?.type !== AST_NODE_TYPES.CallExpression) return;
      collect(getFileEffects(context).isOrderedReceiver(argument as TSESTree.CallExpression));
    },
  }));
}

describe('effects: what a call waits for', () => {
  it('a sync function, Promise.resolve and a chain of memory helpers wait on memory', () => {
    const code = `
      function pick(o) { return o.a; }
      const wrap = (v) => Promise.resolve(v);
      async function lookup(id) { return table[id]; }
      async function outer(id) { const v = await lookup(id); return wrap(v); }
      probe(pick(x)); probe(wrap(1)); probe(lookup(1)); probe(outer(2));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['memory', 'memory', 'memory', 'memory']);
  });

  it('awaiting an unknown call is real I/O; a cached field returned first is cached', () => {
    const code = `
      async function load(id) { return await fetch('/u/' + id); }
      class Store {
        async client() { if (this.conn) return this.conn; this.conn = await connect(); return this.conn; }
        run() { probe(this.client()); }
      }
      probe(load(1));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['cached', 'io']);
  });

  it('a cache hit after a lookup, a memoised promise and a ??= field are cached, and so is a function awaiting one', () => {
    const code = `
      class Ttl {
        get(key, load) {
          const hit = this.entries.get(key);
          if (hit && hit.until > Date.now()) return Promise.resolve(hit.value);
          const pending = this.pending.get(key);
          if (pending) return pending;
          const started = load();
          this.pending.set(key, started);
          return started;
        }
      }
      const sessions = new Ttl();
      const parsed = new Map();
      function parseOnce(name) {
        let promise = parsed.get(name);
        if (!promise) {
          promise = fetchText(name);
          parsed.set(name, promise);
        }
        return promise;
      }
      async function render(name, vars) { const text = await parseOnce(name); return text + vars; }
      class Settings {
        load() { return this.loaded ??= fetchSettings(); }
        async taxFor(code) {
          if (!this.taxes) { this.taxes = new Map(await fetchTaxes()); }
          return this.taxes.get(code) ?? 0;
        }
      }
      probe(sessions.get('k', () => fetchSession())); probe(parseOnce('a')); probe(render('a', 1)); probe(new Settings().load());
      probe(new Settings().taxFor('NL'));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['cached', 'cached', 'cached', 'cached', 'cached']);
  });

  it('an early return of a parameter or of a constant is no cache hit', () => {
    const code = `
      async function ban(user) { if (user.banned) return user; return await fetchUser(user.id); }
      async function find(id) { if (!id) return null; return await fetchUser(id); }
      async function reload(id) { let row = rows.get(id); if (!row) { row = await fetchRow(id); } return fetchMore(row); }
      probe(ban(u)); probe(find(1)); probe(reload(2));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['io', 'io', 'io']);
  });

  it('a memo behind checks of the input that wait for nothing is cached; a check then a fetch, or an awaited check, is not', () => {
    const code = `
      const kept = new Map();
      async function open(id, extra) {
        if (!isId(id)) throw new Error('bad id');
        if (extra != null) { if (typeof extra !== 'object') throw new TypeError('extra'); }
        const found = kept.get(id);
        if (found !== undefined) return found;
        const made = await fetchThing(id);
        kept.set(id, made);
        return made;
      }
      let version;
      async function currentRate() {
        const bin = defaultRegion();
        if (!bin) throw new Error('no region');
        if (version) { if (version.ok) return version; warn('stale'); }
        version = await ask(bin);
        return version;
      }
      async function plain(id) { if (!isId(id)) throw new Error('bad id'); return await fetchThing(id); }
      async function checked(id) { await assertAllowed(id); const found = kept.get(id); if (found) return found; return fetchThing(id); }
      probe(open(1)); probe(currentRate()); probe(plain(2)); probe(checked(3));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['cached', 'cached', 'io', 'io']);
  });

  it('Promise.resolve of a call waits what the call waits; an object of a class of this file is no wait, a thenable class is', () => {
    const code = `
      class Label { constructor(text) { this.text = text; } }
      class Pending { then(resolve) { setTimeout(resolve, 10); } }
      async function label() { return new Label('x'); }
      async function pending() { return new Pending(); }
      probe(Promise.resolve(label())); probe(Promise.resolve(fetchLabel())); probe(pending());
    `;
    const [adopted, remote, thenable] = summaries(code);
    assert.equal(adopted?.waits, 'memory');
    assert.equal(remote, null);
    assert.equal(thenable?.waits, 'io');
  });

  it('request accessors of next/headers wait on memory; unknown imports are unknown', () => {
    const code = `
      import { cookies } from 'next/headers';
      import { get } from './api';
      probe(cookies()); probe(get());
    `;
    const [cookies, get] = summaries(code);
    assert.equal(cookies?.waits, 'memory');
    assert.equal(get, null);
  });

  it('a value computed by a built-in module waits on memory, and so does a helper returning one', () => {
    const code = `
      import path from 'node:path';
      import { pathToFileURL } from 'url';
      async function caption(item) { return path.basename(item.path); }
      async function link(file) { return pathToFileURL(file).href; }
      async function remote(item) { return store.basename(item.path); }
      probe(caption(x)); probe(link(y)); probe(remote(z));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['memory', 'memory', 'io']);
  });

  it('a gather of work that waits on memory waits on memory; any real call makes it unknown', () => {
    const code = `
      async function label(file) { return file.name; }
      probe(Promise.all(files.map(async (file) => ({ path: file.path }))));
      probe(Promise.all(files.filter(Boolean).map(label) || []));
      probe(Promise.all([label(a), Promise.resolve(1)]));
      probe(Promise.all(files.map(async (file) => fetch(file.url))));
      probe(Promise.all(files.map(unknownMapper)));
      probe(Promise.all(pending));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits ?? null), ['memory', 'memory', 'memory', null, null, null]);
  });

  it('a step named for finalising, or a function that calls one, finalises', () => {
    const code = `
      async function getParser() { await finalizeSchema(); return new Parser(); }
      async function parseArgs(args) { const parser = await getParser(); return parser.parse(args); }
      async function readArgs(args) { return parse(args); }
      probe(parseArgs(a)); probe(readArgs(a));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.finalizes), [true, false]);
  });
});

describe('effects: whether the promise can reject', () => {
  it('an async body fully inside try/catch without rethrow cannot reject', () => {
    const code = `
      async function report(e) { try { await send(e); } catch (error) { console.error(error); } }
      probe(report(1));
    `;
    assert.equal(only(code).canReject, false);
  });

  it('a rethrowing catch, an await outside the try, a throwing helper, or new risky work in catch can reject', () => {
    const code = `
      function check(x) { if (!x) throw new Error('missing'); }
      async function a() { try { await send(); } catch (e) { throw e; } }
      async function b() { const x = await make(); try { await send(x); } catch {} }
      async function c() { try { await send(); } catch { await retry(); } }
      async function d(x) { check(x); try { await send(x); } catch {} }
      async function e() { try { return send(); } catch {} }
      probe(a()); probe(b()); probe(c()); probe(d(1)); probe(e());
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [true, true, true, true, true]);
  });

  it('synchronous calls around a guarded try, a guarded try inside an if, or a catch that reports the error cannot reject', () => {
    const code = `
      async function refresh(state) {
        state.loading = true;
        clearTimeout(state.timer);
        const writer = new Writer(state);
        try { await writer.flush(); } catch (err) { state.failed = err; } finally { writer.close(); }
      }
      async function step(fn, done) {
        if (fn.length === 1) { try { fn(done); } catch (err) { done(err); } return; }
        try { await fn(); done(); } catch (err) { done(err); }
      }
      async function logged() { try { await send(); } catch (error) { await report(error); } }
      probe(refresh({})); probe(step(f, cb)); probe(logged());
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [false, false, false]);
  });

  it('Promise.all over a map of a callback that cannot reject, and awaits of such helpers, cannot reject', () => {
    const code = `
      class Filler {
        async fill(name) { this.busy.add(name); try { await this.db.next(name); } catch (err) { this.emit('error', err); } }
        async fillAll(names) { await Promise.all(names.map(async (name) => { await this.fill(name); })); this.done = true; }
        async risky(names) { await Promise.all(names.map((name) => this.db.next(name))); }
        run() { probe(this.fillAll([])); probe(this.risky([])); }
      }
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [false, true]);
  });

  it('a promise built with an executor that never uses a reject cannot reject; one that may reject can', () => {
    const code = `
      function rendered(el, data) { return new Promise((resolve) => { render(el, data, (html) => { el.append(html); resolve(html); }); }); }
      function exited(child) { return new Promise((resolve, reject) => child.once('exit', resolve)); }
      function loaded(url) { return new Promise((resolve, reject) => { fetchCb(url, (err, body) => (err ? reject(err) : resolve(body))); }); }
      function started(job) { return new Promise(async (resolve) => { resolve(await job.run()); }); }
      function wait(ms) { return new Promise((resolve) => { setTimeout(resolve, ms); }); }
      probe(rendered(a, b)); probe(exited(c)); probe(loaded(u)); probe(started(j)); probe(wait(5));
    `;
    // a delay stays an ordinary promise: dropping one is a forgotten await, whatever it cannot do
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [false, false, true, true, true]);
  });

  it('a synchronous mapper runs while the list is built: even allSettled over it can reject', () => {
    const code = `
      async function fanOut(peers, msg) { await Promise.allSettled(peers.map((peer) => peer.send(encode(msg)))); }
      async function fanOutAsync(peers, msg) { await Promise.allSettled(peers.map(async (peer) => peer.send(encode(msg)))); }
      probe(fanOut([], 1)); probe(fanOutAsync([], 1));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [true, false]);
  });

  it('a call that hands the caught error to a throwing method of the class is still handling it', () => {
    const code = `
      class Emitter {
        emit(name, value) { if (name === 'connect') throw new Error('reserved'); this.listeners(name, value); }
        async publish(doc) { doc.at = Date.now(); try { await this.pool.query(doc); } catch (err) { this.emit('error', err); } }
        run() { probe(this.publish({})); }
      }
    `;
    assert.equal(only(code).canReject, false);
  });

  it('a chain ending in .catch, Promise.allSettled, or a value that is not a call cannot reject', () => {
    const code = `
      const notify = (m) => post(m).catch(() => {});
      function all(list) { return Promise.allSettled(list.map(async (item) => run(item))); }
      function nothing() { return 1; }
      const loud = (m) => post(m).catch((e) => { throw e; });
      probe(notify(1)); probe(all([])); probe(nothing()); probe(loud(2));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.canReject), [false, false, false, true]);
  });
});

describe('effects: what it writes', () => {
  it('members of arguments, this, outer state and process.env', () => {
    const code = `
      let count = 0;
      async function begin(req) { req.tx = await pool.begin(); }
      function bump() { count++; }
      function loadEnv() { process.env.MODE = 'x'; }
      class C { async save(v) { this.saved = v; } run() { probe(this.save(1)); } }
      probe(begin(r)); probe(bump()); probe(loadEnv());
    `;
    const [save, begin, bump, env] = summaries(code);
    assert.deepEqual(save?.writes, [{ kind: 'this', member: 'saved' }]);
    assert.deepEqual(begin?.writes, [{ kind: 'argument', index: 0 }]);
    assert.deepEqual(bump?.writes, [{ kind: 'outer' }]);
    assert.deepEqual(env?.writes, [{ kind: 'env' }]);
  });

  it('locals and rebound parameters are not writes; a mutated argument passed on is', () => {
    const code = `
      function local(x) { const acc = []; acc.push(x); x = 2; return acc; }
      function mark(seen, k) { seen.add(k); }
      function walk(seen, k) { mark(seen, k); }
      probe(local(1)); probe(walk(s, 1));
    `;
    const [local, walk] = summaries(code);
    assert.deepEqual(local?.writes, []);
    assert.deepEqual(walk?.writes, [{ kind: 'argument', index: 0 }]);
  });

  it('files named by an argument or fixed, file reads, processes, prompts, dotenv', () => {
    const code = `
      import fs from 'node:fs/promises';
      import { spawn } from 'node:child_process';
      import dotenv from 'dotenv';
      async function save(dir, body) { await fs.writeFile(dir + '/out.json', body); }
      async function stamp() { await fs.writeFile('/tmp/stamp', 'x'); }
      async function list(dir) { return fs.readdir(dir); }
      function daemon() { spawn('dockerd', ['--name', 'fixed']); }
      function ask(rl, q) { return new Promise((r) => rl.question(q, r)); }
      function env() { dotenv.config(); }
      probe(save(d, b)); probe(stamp()); probe(list(d)); probe(daemon()); probe(ask(rl, 'q')); probe(env());
    `;
    const [save, stamp, list, daemon, ask, env] = summaries(code);
    assert.deepEqual(save?.writes, [{ kind: 'file', argument: 0 }]);
    assert.deepEqual(stamp?.writes, [{ kind: 'file', argument: null }]);
    assert.equal(list?.readsFiles, true);
    assert.equal(list?.waits, 'files');
    assert.equal(daemon?.startsProcess, true);
    assert.equal(ask?.prompts, true);
    assert.deepEqual(env?.writes, [{ kind: 'env' }]);
  });

  it('file calls through the promises member imported by name (`import { promises as fs }`)', () => {
    const code = `
      import { promises as fs } from 'node:fs';
      const { promises: disk } = require('fs');
      async function save(dir, body) { await fs.writeFile(dir + '/out.json', body); }
      async function list(dir) { return disk.readdir(dir); }
      probe(save(d, b)); probe(list(d));
    `;
    const [save, list] = summaries(code);
    assert.deepEqual(save?.writes, [{ kind: 'file', argument: 0 }]);
    assert.equal(list?.readsFiles, true);
    assert.equal(list?.waits, 'files');
  });

  it('follows local helpers a bounded number of levels, and survives recursion', () => {
    const code = `
      function d5() { process.env.X = '1'; }
      function d4() { d5(); } function d3() { d4(); } function d2() { d3(); } function d1() { d2(); }
      function c2() { c1(); } function c1() { process.env.Y = '1'; c2(); }
      function near() { d4(); }
      probe(d1()); probe(near()); probe(c1());
    `;
    const [deep, near, cycle] = summaries(code);
    assert.deepEqual(deep?.writes, []);
    assert.deepEqual(near?.writes, [{ kind: 'env' }]);
    assert.deepEqual(cycle?.writes, [{ kind: 'env' }]);
  });
});

describe('effects: local files, module loads, checks', () => {
  it('waits on files: fs calls, helpers that only call fs, helpers of other modules named for a local read', () => {
    const code = `
      import fs from 'node:fs/promises';
      import { readWantedLockfile, readLedger, readUser, loadConfig } from './elsewhere';
      async function realpathOrNull(p) { try { return await fs.realpath(p); } catch { return null; } }
      async function both(p) { const text = await fs.readFile(p, 'utf8'); return fetch(text); }
      probe(fs.readdir(dir)); probe(realpathOrNull(p)); probe(both(p));
      probe(readWantedLockfile(opts.lockfileDir)); probe(readLedger(workspaceDir)); probe(loadConfig('./app.config.json'));
      probe(readUser(id)); probe(loadConfig('users'));
    `;
    assert.deepEqual(
      summaries(code).map((summary) => summary?.waits ?? null),
      ['files', 'files', 'io', 'files', 'files', 'files', null, null],
    );
  });

  it('a module load registers the module under its name (a write of that argument) and says it loads a module', () => {
    const code = `
      async function load(url) { return runner.import(url); }
      async function fresh(file) { return import(file); }
      probe(load(u)); probe(fresh(f)); probe(runner.import(u));
    `;
    const [load, fresh, direct] = summaries(code);
    assert.deepEqual(load?.writes, [{ kind: 'argument', index: 0 }]);
    assert.equal(load?.loadsModule, true);
    assert.equal(fresh?.loadsModule, true);
    assert.equal(direct?.loadsModule, true);
  });

  it('checks: a helper that awaits an access check or a validation; a plain health probe does not', () => {
    const code = `
      async function resolveOrder(order, ctx) { await checkFieldAccess(order, ctx); return order; }
      async function create(input) { await validateInput(input); return db.insert(input); }
      async function ping(db) { await checkDatabase(db); return true; }
      async function sync(x) { assert(x); return db.get(x); }
      probe(resolveOrder(o, c)); probe(create(i)); probe(ping(d)); probe(sync(1));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.checks), [true, true, false, false]);
  });

  it('prompts by name or by the question shown; an SQL placeholder is no question', () => {
    const code = `
      import * as cli from './terminal';
      probe(cli.askConfirm(x)); probe(choose('Keep it?')); probe(pool.query('select 1 where id = ?', [1]));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.prompts ?? null), [true, true, null]);
  });

  it('handsTransaction: a transaction passed directly, in an options object, or in a context made with it', () => {
    const code = `
      async function f(sequelize, user, trx, opts) {
        await sequelize.transaction(async (t) => { probe(User.findByPk(1, { transaction: t })); });
        const ctx = createContext({ user, transaction: trx });
        probe(step(trx)); probe(Doc.create(ctx, {})); probe(load(opts.state.transaction));
        probe(User.findByPk(1, { raw: true })); probe(load(user));
      }
    `;
    const handed = runOnCode<boolean>(code, (context, collect) => ({
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        if (argument?.type === AST_NODE_TYPES.CallExpression) collect(getFileEffects(context).handsTransaction(argument));
      },
    }));
    assert.deepEqual(handed, [true, true, true, true, false, false]);
  });

  it('installsPackages: a process given an install command, a helper of this file that starts one, a call named for installing', () => {
    const code = `
      async function addOne(name, home) { await runTool('pnpm', ['add', name], { cwd: home }); }
      async function viewOne(name) { return runTool('npm', ['view', name, 'version']); }
      async function viaShell(pkg) { await sh(\`yarn add \${pkg}\`); }
      async function setUp(name) { if (known(name)) return; await installExtension(name); }
      probe(addOne(n, h)); probe(viewOne(n)); probe(viaShell(p)); probe(setUp(n));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.installsPackages), [true, false, true, true]);
    const direct = runOnCode<boolean>('probe(runProcess("npm", ["install", dep])); probe(uninstallDriver(x)); probe(fetchPackage(x));', (context, collect) => ({
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        if (argument?.type === AST_NODE_TYPES.CallExpression) collect(getFileEffects(context).installsPackages(argument));
      },
    }));
    assert.deepEqual(direct, [true, true, false]);
  });

  it('switchesSession: a connection switched to a keyspace, also two helpers deep; a plain query does not', () => {
    const code = `
      class Handler {
        static async prepareIn(host, keyspace, queries) { const c = await Handler.borrow(host, keyspace); await c.prepareAll(queries); }
        static async borrow(host, keyspace) { const c = host.borrowConnection(); if (c.keyspace !== keyspace) await c.changeKeyspace(keyspace); return c; }
        static async count(host) { return host.borrowConnection().query('select count(*) from t'); }
      }
      probe(Handler.prepareIn(h, k, q)); probe(Handler.count(h));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.switchesSession), [true, false]);
  });

  it('logsAroundPause: log lines before and after an own await; one line before, or debug lines, do not count', () => {
    const code = `
      async function fix(issue) { log.info('Fixing ' + issue.id); await apply(issue); log.info('Done'); }
      async function upload(file) { console.log('uploading'); await put(file); }
      async function quiet(file) { logger.debug('start'); await put(file); logger.debug('end'); }
      probe(fix(i)); probe(upload(f)); probe(quiet(f));
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.logsAroundPause), [true, false, false]);
  });

  it('a method named for in-memory work waits on memory', () => {
    assert.equal(only('probe(sequencer.sort(files));').waits, 'memory');
  });
});

describe('effects: ordered receivers', () => {
  it('a class that is a connection, and a field made from one, are ordered', () => {
    const code = `
      class PgConnection { async run(q) { probe(this.query(q)); } }
      class Repo {
        constructor(dataSource) { this.runner = dataSource.createQueryRunner(); this.http = new Http(); }
        async go() { probe(this.runner.query('a')); probe(this.http.get('/')); probe(this.find()); }
      }
      class Cache extends BaseSession { get() { probe(this.fetch()); } }
    `;
    assert.deepEqual(orderedReceivers(code), [true, true, false, false, true]);
  });

  it('ORM handles: runner locals, entity managers down a chain, query interfaces, persister classes', () => {
    const code = `
      async function a(source, em, pool) {
        const runner = source.createQueryRunner();
        probe(runner.dropTable('t'));
        probe(em.getLoader().load(1));
        probe(pool.getItems().first());
      }
      class Migration { async up() { probe(this.queryInterface.addColumn('t', 'c')); probe(this.mailer.send()); } }
      class OrderPersister { async save(x) { probe(this.insertOne(x)); } }
      class Writer { #driver = null; async save(x) { probe(this.#driver.insertMany(x)); } }
    `;
    assert.deepEqual(orderedReceivers(code), [true, true, false, true, false, true, true]);
  });
});

describe('effects: inherited methods out of sight', () => {
  it('a this-method inherited from an imported base class is unseen; one defined in the file is not', () => {
    const code = `
      import { Base } from './base';
      class Local { async own() { return 1; } }
      class Child extends Base { async go() { probe(this.mapAll([])); probe(this.go()); } }
      class Grandchild extends Local { async go() { probe(this.own()); probe(this.other()); } }
      class Plain { async go() { probe(this.missing()); } }
    `;
    const unseen = runOnCode<boolean>(code, (context, collect) => ({
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        if (argument?.type !== AST_NODE_TYPES.CallExpression) return;
        collect(getFileEffects(context).isUnseenInheritedMethod(argument));
      },
    }));
    // \`Local\` has no superclass: \`this.other()\` in its child is missing, not inherited from elsewhere.
    assert.deepEqual(unseen, [true, false, false, false, false]);
  });
});

describe('effects: values held in locals', () => {
  it('a local initialized with a real call is real I/O; one with a literal is memory', () => {
    const code = `
      function start(u) { const p = fetch(u); return p; }
      function constant() { const v = 1; return v; }
      probe(start('/')); probe(constant());
    `;
    assert.deepEqual(summaries(code).map((summary) => summary?.waits), ['io', 'memory']);
  });
});

describe('effects: the values a class assigns to a field', () => {
  /** The source text of each value assigned to the `this` field passed to `probe(...)`. */
  function assigned(code: string): string[][] {
    return runOnCode<string[]>(code, (context, collect) => ({
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        if (argument?.type !== AST_NODE_TYPES.MemberExpression) return;
        collect(getFileEffects(context).assignedFieldValues(argument).map((value) => context.sourceCode.getText(value)));
      },
    }));
  }

  it("reads the class's own assignments and those of a same-file base class", () => {
    const code = `
      class Base { constructor() { this.done = new Promise((resolve) => { this.finish = resolve; }); } }
      class Job extends Base {
        restart(url) { this.done = fetch(url); }
        check() { probe(this.done); probe(this.other); }
      }
    `;
    assert.deepEqual(assigned(code), [['fetch(url)', 'new Promise((resolve) => { this.finish = resolve; })'], []]);
  });

  it('knows nothing of a property of another object, or outside a class', () => {
    const code = `
      class Job { check(session) { this.closed = load(); probe(session.closed); } }
      function free() { probe(this.closed); }
    `;
    assert.deepEqual(assigned(code), [[], []]);
  });
});
