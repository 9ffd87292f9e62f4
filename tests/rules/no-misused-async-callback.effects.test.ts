import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ruleTester } from '../rule-tester';

/** The core rules are not configured here, so their disable comments would count as unused directives. */
const coreDisableTester = new RuleTester({ linterOptions: { reportUnusedDisableDirectives: 'off' } });

/** Callbacks whose promise cannot reject, plain callbacks that return promises, stored arrays of promises. */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // a plain callback that returns a promise: the message does not call it async
  {
    code: 'async function upload(file) { await put(file); }\nfiles.forEach((file) => upload(file));',
    errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 2, column: 15 }],
  },
  {
    code: 'async function upload(file) { await put(file); }\nfunction f(files) {\n  files.map((file) => upload(file));\n}',
    errors: [{ messageId: 'mapDroppedPromiseCallback', data: { method: 'map' }, line: 3, column: 13 }],
  },
  // the array of promises is stored, then only its length is read
  {
    code: 'async function f(keys) {\n  const tasks = keys.map(async (key) => { await drop(key); });\n  console.log(tasks.length);\n}',
    errors: [{
      messageId: 'mapDropped',
      data: { method: 'map' },
      line: 2,
      column: 26,
      suggestions: [],
    }],
  },
  // ...but one whose catch only logs leaves the promise pending, and one with work outside its try
  // hides that work's throw
  {
    code: 'const p = new Promise(async (resolve) => {\n  try { client.status((err, result) => resolve(result)); } catch (e) { log(e); }\n});',
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
  },
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  const client = openRepo();\n  try { client.status((err, result) => resolve(result)); } catch (e) { reject(e); }\n});',
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
  },
  // an executor that awaits nothing and settles inline inside a try whose catch rejects: nothing
  // is lost, the wrapper is what is left
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  try { resolve(render(data)); } catch (e) { reject(e); }\n});',
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 23 }],
  },
  // ...but a timer whose delay is computed by a call may throw before the timer is set, and a
  // timer of the file's own (not the global one) is a call like any other
  {
    code: 'function shown(result, view) {\n  return new Promise(async (resolve) => {\n    setTimeout(() => resolve(result), delayFor(view));\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  {
    code: 'function setTimeout(fn, ms) { return schedule(fn, ms); }\nconst pause = (ms) => new Promise(async (resolve) => setTimeout(resolve, ms));',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 35 }],
  },
  // a timer handed a value of unknown kind throws when it is no function
  {
    code: 'function later(job, ms) {\n  return new Promise(async (resolve) => {\n    setTimeout(job, ms);\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // an executor with an await outside its try still loses that rejection
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  const conn = await open();\n  try { resolve(await conn.read()); } catch (e) { reject(e); }\n});',
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
  },
  // every error reaches reject: nothing is lost, the message says only the wrapper is redundant
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  try { resolve(await connect()); } catch (error) { reject(error); }\n});',
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 23 }],
  },
  // settling inside a catch after the awaits is no early settling: still a redundant wrapper
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  try { resolve(await load()); } catch (error) { if (error.name === "AbortError") { resolve([]); return; } reject(error); }\n});',
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 23 }],
  },
  // the catch settles with a fallback instead of rejecting: still nothing lost, still a redundant wrapper
  {
    code: 'const latest = new Promise(async (resolve) => {\n  try { resolve(await fetchLatest()); } catch { resolve(cached); }\n});',
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 28 }],
  },
  // an executor whose awaits are each guarded, settling in its own body
  {
    code: "const lib = new Promise(async (resolve) => {\n  let mod = null;\n  try { mod = await import('optional-a'); } catch {}\n  resolve(mod);\n});",
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 25 }],
  },
  // a synchronous prefix before awaited work whose errors all reach reject: a redundant wrapper, not a lost error
  {
    code: "const rows = (tables, keep, db) => tables.map((row) => new Promise(async (res, rej) => {\n  const name = row.name;\n  if (!keep(name)) return res('');\n  try {\n    await db.query(name);\n  } catch (e) {\n    rej(e);\n    return;\n  }\n  res('');\n}));",
    errors: [{ messageId: 'redundantPromiseExecutor', line: 1, column: 68 }],
  },
  // ...but work after the first await outside the try still loses its error
  {
    code: "const rows = (tables, keep, db) => tables.map((row) => new Promise(async (res, rej) => {\n  try {\n    await db.query(row.name);\n  } catch (e) {\n    rej(e);\n    return;\n  }\n  report(row.name);\n  res('');\n}));",
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 68 }],
  },
  // an awaited chain whose catch is not the executor's reject is work outside any guard
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  await db.begin(async (tx) => { resolve(tx); }).catch(log);\n});',
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
  },
  // the cleanup awaits in finally, but the work itself is outside any try
  {
    code: 'const p = new Promise(async (resolve, reject) => {\n  const handle = await lease();\n  try { handle.run(resolve); } catch (e) { reject(e); } finally { await handle.free(); }\n});',
    errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
  },
  // an executor that settles from a listener, but awaits work that can fail: that failure is lost
  {
    code: 'function ask(port, msg) {\n  return new Promise(async (resolve) => {\n    await port.connect();\n    port.once("reply", resolve);\n    port.post(msg);\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // it settles from a listener, its catch only logs (outside any loop) and the socket is opened
  // outside the try: a throw there, or a failed probe, leaves the promise pending
  {
    code: 'function opened(host) {\n  return new Promise(async (resolve) => {\n    const socket = open(host);\n    try {\n      await socket.probe();\n      socket.once("open", resolve);\n    } catch (error) {\n      log(error);\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // a timer that rejects beside a catch (outside any loop) that rejects: judged by its unguarded work
  {
    code: 'function limited(run, ms) {\n  return new Promise(async (resolve, reject) => {\n    const timer = setTimeout(() => reject(new Error("late")), ms);\n    try {\n      resolve(await run());\n    } catch (error) {\n      reject(error);\n    } finally {\n      clearTimeout(timer);\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // a catch inside a loop over a finite list (sources tried in turn, or a counted number of
  // attempts) is no retry: when every attempt fails the loop ends and nothing settles
  {
    code: 'function fetchFirst(sources, sink) {\n  return new Promise(async (resolve) => {\n    for (const source of sources) {\n      try {\n        const stream = await source.open();\n        stream.pipe(sink);\n        sink.once("close", resolve);\n        return;\n      } catch (error) {\n        log(error);\n      }\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  {
    code: 'function attach(device) {\n  return new Promise(async (resolve) => {\n    for (let tries = 0; tries < 5; tries++) {\n      try {\n        await device.attach();\n        device.once("ready", resolve);\n        return;\n      } catch (error) {\n        log(error);\n      }\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // a retry loop until a flag, but no timer settles it the other way: a host that never answers keeps it pending
  {
    code: 'function reachable(host) {\n  return new Promise(async (resolve) => {\n    let up = false;\n    host.unref();\n    while (!up) {\n      try {\n        await host.ping();\n        resolve(true);\n        up = true;\n      } catch {}\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // a retry loop whose await before the try is unguarded: that failure is lost
  {
    code: 'function reachable(host, limit) {\n  return new Promise(async (resolve) => {\n    let up = false;\n    setTimeout(() => resolve(up), limit);\n    while (!up) {\n      await host.wake();\n      try {\n        await host.ping();\n        up = true;\n      } catch {}\n    }\n  });\n}',
    errors: [{ messageId: 'promiseExecutor', line: 2, column: 22 }],
  },
  // `this.filter` in a class that inherits it (here from Array) is the array method
  {
    code: 'class Users extends Array {\n  active() {\n    return this.filter(async (user) => await isActive(user));\n  }\n}',
    errors: [{ messageId: 'predicateCallback', data: { method: 'filter' }, line: 3, column: 24 }],
  },
];

ruleTester.run<MessageIds, Options>('no-misused-async-callback (effects)', rule as never, {
  valid: [
    // the callback catches everything: ignoring its promise loses nothing
    `items.forEach(async (item) => {\n  try { await save(item); } catch (e) { log(e); }\n});`,
    // ... also when it fills a list that only a later callback reads
    `function queue(items, done) {\n  const saved = [];\n  items.forEach(async (item) => {\n    try { saved.push(await save(item)); } catch (e) { log(e); }\n  });\n  setTimeout(() => done(saved), 1000);\n}`,
    // a plain callback returning a helper's promise that already ends in .catch
    `const ping = (url) => fetch(url).catch(() => {});\nfunction f(urls) {\n  urls.map((url) => ping(url));\n}`,
    // an executor that resolves as soon as the first part is done and keeps working after: an
    // async function would settle only at its end, so the wrapper is not redundant
    `this.ready = new Promise(async (resolve, reject) => {\n  try {\n    const tree = await session.send('tree');\n    this.build(tree);\n    resolve();\n    if (this.pending) await this.runPending();\n  } catch (error) {\n    reject(error);\n  }\n});`,
    // an executor whose errors all reach reject and that settles from an event: the wrapper is needed
    `const p = new Promise(async (resolve, reject) => {\n  try { const conn = await connect(); conn.on('end', resolve); } catch (error) { reject(error); }\n});`,
    // an awaited chain that hands its rejection to reject, resolving early from a callback: the wrapper is needed
    'function open(sql) {\n  return new Promise(async (resolve, reject) => {\n    await sql.begin(async (tx) => {\n      resolve({ tx });\n      await tx.idle();\n    }).catch(reject);\n  });\n}',
    // an executor that awaits nothing and adapts a callback API inside a try whose catch rejects:
    // a synchronous throw reaches reject, and the async keyword changes nothing
    `function status(repo) {\n  return new Promise(async (resolve, reject) => {\n    try {\n      const client = openRepo(repo);\n      client.status((err, result) => (err ? reject(err) : resolve(result)));\n    } catch (error) {\n      reject(error);\n    }\n  });\n}`,
    // an async executor that only stores its resolve: nothing in it can throw
    'let finish;\nconst done = new Promise(async (r) => (finish = r));',
    // an async executor that only hands its resolve to a timer (a pause written as a promise),
    // directly or in a callback: a timer call given a function does not throw, so the async keyword
    // is harmless and the message would be false
    'const pause = (ms) => new Promise(async (resolve) => setTimeout(resolve, ms));',
    'function shown(result, ms) {\n  return new Promise(async (resolve) => {\n    setTimeout(() => {\n      resolve(result);\n    }, ms);\n  });\n}',
    'const turn = () => new Promise(async (done) => { setImmediate(done); });',
    // the stored array is awaited, or read for more than its length
    `async function f(keys) {\n  const tasks = keys.map(async (key) => { await drop(key); });\n  await Promise.all(tasks);\n}`,
    // every error of the work reaches reject; only the cleanup in finally awaits
    `const rows = new Promise(async (resolve, reject) => {\n  try {\n    db.exec(sql, (result) => resolve(result), (error) => reject(error));\n  } catch (error) {\n    reject(error);\n  } finally {\n    await hooks.flush();\n  }\n});`,
    // an executor whose awaits are only delays and that settles from a listener: the wrapper is
    // needed, and nothing it awaits can reject
    'const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nfunction request(view, msg) {\n  return new Promise(async (resolve) => {\n    for (let i = 0; !view.ready && i < 10; i++) await pause(200);\n    view.post(msg);\n    view.once("answer", resolve);\n  });\n}',
    // ...or that hands its resolve to a queue and awaits only promises that never reject
    'class Shell {\n  settled() {\n    return new Promise((resolve) => this.term.once("idle", resolve));\n  }\n  run(cmd) {\n    return new Promise(async (resolve) => {\n      this.queue.push([cmd, resolve]);\n      await this.settled();\n      this.term.write(cmd);\n    });\n  }\n}',
    // ...also when the promise it awaits is a resolve-only one held in a const
    'class Prompt {\n  async refresh() {\n    this.term.write("echo");\n    const found = new Promise((resolve) => { this.onPrompt = resolve; });\n    await found;\n    return this.prompt;\n  }\n  run(cmd) {\n    return new Promise(async (resolve) => {\n      this.queue.push([cmd, resolve]);\n      await this.refresh();\n      this.term.write(cmd);\n    });\n  }\n}',
    // a wait for a port: its only await retries in a loop until the flag set beside its settle
    // call, and a timer settles it the other way; nothing can throw, and the wrapper is needed
    'function portOpen(port, limit) {\n  return new Promise(async (resolve) => {\n    let settled = false;\n    const timer = setTimeout(() => {\n      settled = true;\n      resolve(false);\n    }, limit);\n    while (!settled) {\n      try {\n        await knock(port);\n        clearTimeout(timer);\n        settled = true;\n        resolve(true);\n      } catch {\n        // closed for now: knock again\n      }\n    }\n  });\n}',
    // a class with a `filter` method of its own (middleware that accepts async predicates)
    'class Router {\n  filter(test, ...handlers) {\n    this.stack.push({ test, handlers });\n    return this;\n  }\n  drop(test, ...handlers) {\n    return this.filter(async (ctx) => !(await test(ctx)), ...handlers);\n  }\n}',
    // a sync predicate over a helper that returns a promise is not called async (and untyped, not judged)
    `function check(x) { return validate(x).then((r) => r.ok); }\nconst kept = items.filter((x) => check(x));`,
  ],
  invalid,
});

coreDisableTester.run<MessageIds, Options>('no-misused-async-callback (core rule disabled)', rule as never, {
  valid: [
    // the core no-async-promise-executor rule is disabled on the executor: the author kept it on purpose
    `// eslint-disable-next-line no-async-promise-executor\nconst ready = new Promise(async (resolve) => {\n  for (const name of candidates) {\n    try { await import(name); break; } catch {}\n  }\n  resolve();\n});`,
    `const ready = new Promise(async (resolve) => { // eslint-disable-line no-async-promise-executor -- loads lazily\n  resolve(await loadCodec());\n});`,
    // oxlint's spellings of the same decision: its own directive, the rule under its `eslint/` name
    `// oxlint-disable-next-line no-async-promise-executor\nconst done = new Promise(async (resolve) => {\n  try { await flush(); } finally { resolve(); }\n});`,
    `// oxlint-disable-next-line eslint/no-async-promise-executor\nconst done = new Promise(async (resolve) => {\n  try { await flush(); } finally { resolve(); }\n});`,
  ],
  invalid: [
    // the callbacks cannot reject, but the function reads what they assign or fill right after
    // the loop: before any of them has run past its first await
    {
      code: `function pending(names) {\n  let left = names;\n  names.forEach(async (name) => {\n    try {\n      if (await isFresh(name)) left = left.filter((other) => other !== name);\n    } catch (e) { log(e); }\n  });\n  return left;\n}`,
      errors: [{ messageId: 'ignoredCallback', line: 3, column: 17, endLine: 7, endColumn: 4 }],
    },
    {
      code: `function sizes(files) {\n  const found = [];\n  files.forEach(async (file) => {\n    try { found.push(await size(file)); } catch (e) { log(e); }\n  });\n  return found.length;\n}`,
      errors: [{ messageId: 'ignoredCallback', line: 3, column: 17, endLine: 5, endColumn: 4 }],
    },
    // a disable comment for some other rule says nothing about the executor
    {
      code: '// eslint-disable-next-line no-console\nconst p = new Promise(async (resolve) => {\n  resolve(await open());\n});',
      errors: [{ messageId: 'promiseExecutor', line: 2, column: 23, endLine: 4, endColumn: 2 }],
    },
  ],
});
