import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * Classes of loops found on real code (held-out review): silent where running the iterations
 * together would change the outcome, reported where a near shape is still independent.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // a set filled right after its check, before the pause: the check is never stale
  {
    code: `
async function greet(people) {
  const welcomed = new Set();
  for (const person of people) {
    if (welcomed.has(person.email)) continue;
    welcomed.add(person.email);
    await mailer.sendWelcome(person.email);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 5, suggestions: [] }],
  },
  // results collected after the pause, with no check before it
  {
    code: `
async function sizes(paths) {
  const found = [];
  for (const p of paths) {
    const info = await stat(p);
    found.push(info.size);
  }
  return found;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 18, suggestions: [] }],
  },
  // a keyed store written after the pause and read only after it: no check made stale
  {
    code: `
async function ratesFor(currencies) {
  const rates = {};
  const missing = [];
  for (const currency of currencies) {
    rates[currency] = await quotes.latest(currency);
    if (!rates[currency]) missing.push(currency);
  }
  return { rates, missing };
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 23, suggestions: [] }],
  },
  // an options object without a connection in it: a page number is not a browser page
  {
    code: `
async function listAll(folders, page) {
  for (const folder of folders) {
    await api.list({ folder: folder.id, page, limit: 50 });
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function listAll(folders, page) {
  await Promise.all(Array.from(folders, async (folder) => {
    await api.list({ folder: folder.id, page, limit: 50 });
  }));
}` }] }],
  },
  // an API client in an options object serves concurrent requests
  {
    code: `
async function importPages(items, token) {
  const client = new ApiClient(token);
  const parsed = [];
  for (const item of items) parsed.push(await parsePage({ item, client }));
  return parsed;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 41, suggestions: [] }],
  },
  // a list of search terms run through a query method is not a list of statements
  {
    code: `
async function lookupAll(index, terms) {
  const hits = [];
  for (const term of terms) hits.push(await index.query(term));
  return hits;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 39, suggestions: [] }],
  },
  // a function of this file named for building, that waits on the network
  {
    code: `
async function buildCard(user) {
  const res = await fetch('/api/cards/' + user.id);
  return res.json();
}
async function cards(users) {
  for (const user of users) {
    await buildCard(user);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 8, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function buildCard(user) {
  const res = await fetch('/api/cards/' + user.id);
  return res.json();
}
async function cards(users) {
  await Promise.all(Array.from(users, async (user) => {
    await buildCard(user);
  }));
}` }] }],
  },
  // a POST to each item's own endpoint
  {
    code: `
async function notifySubscribers(subscribers, event) {
  for (const subscriber of subscribers) {
    await axios.post(subscriber.url, event);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function notifySubscribers(subscribers, event) {
  await Promise.all(Array.from(subscribers, async (subscriber) => {
    await axios.post(subscriber.url, event);
  }));
}` }] }],
  },
  // each iteration updates its own record
  {
    code: `
async function renameAll(cms, docs) {
  for (const doc of docs) {
    await cms.setTitle({ id: doc.id, title: doc.title.trim() });
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function renameAll(cms, docs) {
  await Promise.all(Array.from(docs, async (doc) => {
    await cms.setTitle({ id: doc.id, title: doc.title.trim() });
  }));
}` }] }],
  },
  // each iteration's own session is not shared
  {
    code: `
async function closeAll(jobs) {
  for (const job of jobs) {
    await finish(job.id, { session: job.session });
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function closeAll(jobs) {
  await Promise.all(Array.from(jobs, async (job) => {
    await finish(job.id, { session: job.session });
  }));
}` }] }],
  },
  // a package manager asked for information, not an install: registry queries are independent
  {
    code: `
async function latestVersions(names) {
  const versions = [];
  for (const name of names) {
    versions.push(await runProcess('npm', ['view', name, 'version']));
  }
  return versions;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 19, suggestions: [] }],
  },
  // a wrapper handed a function that calls something other than the item: a request per item
  {
    code: `
async function pingAll(urls) {
  for (const url of urls) {
    await withTimeout(async () => await fetch(url), 5000);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function pingAll(urls) {
  await Promise.all(Array.from(urls, async (url) => {
    await withTimeout(async () => await fetch(url), 5000);
  }));
}` }] }],
  },
  // a helper that logs one line before its upload writes no group of lines
  {
    code: `
async function uploadOne(file) {
  console.log('uploading ' + file.name);
  await storage.put(file.key, file.body);
}
async function uploadAll(files) {
  for (const file of files) {
    await uploadOne(file);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 8, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function uploadOne(file) {
  console.log('uploading ' + file.name);
  await storage.put(file.key, file.body);
}
async function uploadAll(files) {
  await Promise.all(Array.from(files, async (file) => {
    await uploadOne(file);
  }));
}` }] }],
  },
  // a store keyed by the item itself, its value awaited: one slot per item
  {
    code: `
async function loadAll(specs) {
  const out = {};
  for (const spec of specs) {
    const loaded = await loadSpec(spec);
    out[spec.name] = loaded.value;
  }
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 20, suggestions: [] }],
  },
  // a name picked against the disk but sent over the network: no file of the loop is written
  {
    code: `
import fs from 'node:fs';
async function publishProfiles(profiles, dir) {
  for (const profile of profiles) {
    const name = pickFreeName(profile.title, (candidate) => fs.existsSync(dir + '/' + candidate));
    await storage.putObject(name, profile);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
import fs from 'node:fs';
async function publishProfiles(profiles, dir) {
  await Promise.all(Array.from(profiles, async (profile) => {
    const name = pickFreeName(profile.title, (candidate) => fs.existsSync(dir + '/' + candidate));
    await storage.putObject(name, profile);
  }));
}` }] }],
  },
  // a store keyed by a member of what the await gave, holding that same object: one key, one object
  {
    code: `
async function coordinatorsOf(cluster, groupIds) {
  const byNode = {};
  const groupsByNode = {};
  for (const groupId of groupIds) {
    const coordinator = await cluster.findCoordinator({ groupId });
    if (groupsByNode[coordinator.nodeId] === undefined) groupsByNode[coordinator.nodeId] = [];
    groupsByNode[coordinator.nodeId].push(groupId);
    byNode[coordinator.nodeId] = coordinator;
  }
  return { byNode, groupsByNode };
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 25, suggestions: [] }],
  },
  // an element looked up by the index, handed to a request: not the item's own step
  {
    code: `
async function pingEach(urls) {
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i];
    await fetch(url);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [] }],
  },
  // a document looked up by the key, saved, then uploaded: per-item work beside the lookup's own method
  {
    code: `
async function persistAll(edits, docs) {
  for (const [id, regions] of edits) {
    const doc = docs.get(id);
    cover(doc, regions);
    const bytes = await doc.save();
    await storage.put(id, bytes);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 19, suggestions: [{ messageId: 'useGatherMap', output: `
async function persistAll(edits, docs) {
  await Promise.all(Array.from(edits, async ([id, regions]) => {
    const doc = docs.get(id);
    cover(doc, regions);
    const bytes = await doc.save();
    await storage.put(id, bytes);
  }));
}` }] }],
  },
  // a hint that mentions an install command is text about an install, not one
  {
    code: `
async function checkPackage(name) {
  const response = await fetch('https://registry.example.com/' + name);
  if (!response.ok) console.warn(\`npm install \${name} will fail: it is not published\`);
  return response.json();
}
async function checkAll(names) {
  const infos = [];
  for (const name of names) {
    infos.push(await checkPackage(name));
  }
  return infos;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 10, column: 16, suggestions: [] }],
  },
  // mongoose's useDb hands back another connection: the shared one keeps its database
  {
    code: `
const connection = mongoose.createConnection(process.env.MONGO_URL);
async function countOrders(tenant) {
  const db = connection.useDb(tenant);
  return db.collection('orders').countDocuments();
}
async function countAll(tenants) {
  const totals = [];
  for (const tenant of tenants) {
    totals.push(await countOrders(tenant));
  }
  return totals;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 10, column: 17, suggestions: [] }],
  },
  // a flag written as the literal that turns questions off: the call asks no one
  {
    code: `
async function renderAll(charts) {
  for (const chart of charts) {
    await renderChart(chart, { interactive: false });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function renderAll(charts) {
  await Promise.all(Array.from(charts, async (chart) => {
    await renderChart(chart, { interactive: false });
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (real code)', withoutEvidenceGate(rule as never), {
  valid: [
    // writes to one git repository: git locks its config and refs, so two at once fail
    `async function forgetBranches(repository, branches) {
      for (const branch of branches) {
        await repository.unsetConfig(\`branch.\${branch}.remote\`);
      }
    }`,
    `async function dropRemotes(repo, names) {
      for (const name of names) {
        try {
          await repo.removeRemote(name);
        } catch (error) {
          report(name, error);
        }
      }
    }`,
    // package installs into one shared folder and manifest
    `async function installAll(manager, packages) {
      for (const name of packages) {
        await manager.install(name, { save: true });
      }
    }`,
    // a dedupe list checked at the top of the iteration and filled after the pause: run together,
    // every iteration would pass the check before any fills it (a person mentioned twice is told twice)
    `async function alertMentioned(mentions) {
      const alerted = [];
      for (const mention of mentions) {
        if (alerted.includes(mention.userId)) continue;
        const member = await members.lookup(mention.userId);
        if (member) {
          await alerts.insert({ to: member.id });
          alerted.push(mention.userId);
        }
      }
    }`,
    // ... the same with a Set, a keyed object, and a field of this
    `async function warmAll(keys) {
      const loaded = new Set();
      for (const key of keys) {
        if (loaded.has(key.id)) continue;
        await images.prefetch(key.id);
        loaded.add(key.id);
      }
    }`,
    `async function tagAll(rows) {
      const tagged = {};
      for (const row of rows) {
        if (tagged[row.owner]) continue;
        await tags.attach(row.owner);
        tagged[row.owner] = true;
      }
    }`,
    `class Fanout {
      async deliver(targets) {
        for (const target of targets) {
          if (this.sentTo.has(target.id)) continue;
          await relay.forward(target.id);
          this.sentTo.add(target.id);
        }
      }
    }`,
    // one transaction handed in an options object: every statement runs on its connection, in turn
    `async function archive(entries) {
      await store.transaction(async (t) => {
        for (const entry of entries) {
          await Archive.insert({ id: entry.id, at: Date.now() }, { transaction: t });
        }
      });
    }`,
    `async function subscribeAll(members, topic) {
      await orm.transaction(async (transaction) => {
        for (const member of members) await subscribe(member, topic, { transaction });
      });
    }`,
    // ... or inside a context object built from it
    `async function detach(drafts, actor) {
      return orm.transaction(async (t) => {
        const scope = buildScope({ actor, transaction: t });
        for (const draft of drafts) {
          await moveDraft(scope, { draft, target: null });
        }
      });
    }`,
    // SQL statements of a schema push or migration run in order on one connection
    `function pushPlan(db, statementsToRun) {
      return {
        apply: async () => {
          for (const ddl of statementsToRun) {
            await db.query(ddl);
          }
        },
      };
    }`,
    `async function replay(conn, queries) {
      const results = [];
      await conn.begin(async (sql) => {
        for (const entry of queries) {
          results.push(await sql.unsafe(entry.sql));
        }
      });
      return results;
    }`,
    // every iteration updates the same record (one locale, one field at a time): the last must win
    `async function saveLocales(cms, doc, perLocale) {
      for (const [locale, data] of Object.entries(perLocale)) {
        await cms.update({ id: doc.id, collection: 'pages', data, locale });
      }
    }`,
    `async function setFields(store, userId, fields) {
      for (const [field, value] of Object.entries(fields)) {
        await store.updateField(userId, field, value);
      }
    }`,
    // apps registered with one server in their configured order
    `async function boot(server, appPaths) {
      for (const appPath of appPaths) {
        const appFn = await resolveApp(appPath);
        await server.load(appFn);
      }
    }`,
    // numbered steps whose number is stored as the version reached
    `async function upgrade(from, latest) {
      for (let n = from + 1; n <= latest; n++) {
        const file = \`./sql/\${n}.sql\`;
        await Store.importFile(file);
        await saveSetting('schemaVersion', n);
      }
    }`,
    // functions of another module named for computing a value: async for a rare nested step
    `import { parseCondition } from './conditions';
    async function buildAnd(where, fields) {
      const parts = [];
      for (const condition of where) {
        const part = await parseCondition({ condition, fields });
        if (part) parts.push(part);
      }
      return parts;
    }`,
    // one message after another to one gateway endpoint
    `async function textAll(gatewayUrl, recipients, msg) {
      const failed = [];
      for (const to of recipients) {
        const res = await axios.post(gatewayUrl, { to, body: msg });
        if (res.status !== 200) failed.push(to);
      }
      return failed;
    }`,
    // one database session handed in every iteration's options
    `async function relocalize(models, session) {
      for (const model of models) {
        await relocalizeModel({ slug: model.slug, session });
      }
    }`,
    // installs into one shared folder through a named helper, a process given the package
    // manager's install command, or a helper of this file that starts one
    `async function installDefaults(registry, names) {
      for (const name of names) {
        await installExtension(name, { source: 'npm' }, registry);
      }
    }`,
    `async function installCustom(deps, dir) {
      for (const dep of deps) {
        await runProcess('npm', ['install', dep, '--prefix', dir], { log: true });
      }
    }`,
    `async function addAll(pkgs) {
      for (const pkg of pkgs) {
        await sh(\`yarn add \${pkg}\`);
      }
    }`,
    `async function addPackage(name, home) {
      await runTool('pnpm', ['add', name], { cwd: home });
    }
    async function addPackages(names, home) {
      for (const name of names) {
        await addPackage(name, home);
      }
    }`,
    // plugin cleanups and reporters run in turn through a wrapper: the item brings the code
    `class Host {
      async shutdown() {
        for (const { release, owner } of this.registered) {
          await withErrorLabel(async () => await release(), owner + ' failed to clean up');
        }
      }
    }`,
    `async function closeReporters(reporters) {
      for (const reporter of reporters) {
        if (reporter.close) {
          await promisify(reporter.close.bind(reporter))();
        }
      }
    }`,
    // builds run one at a time: they share a work directory, caches and the cores
    `class DevServer {
      async start(config, matches) {
        for (const match of matches) {
          await executeBuild(config, this, this.files, match);
        }
      }
    }`,
    // each iteration borrows a connection from one host and switches its keyspace
    `class Preparer {
      static async prepareEach(host, grouped) {
        for (const [keyspace, statements] of grouped) {
          await Preparer.borrowAndPrepare(host, keyspace, statements);
        }
      }
      static async borrowAndPrepare(host, keyspace, statements) {
        const conn = await Preparer.borrowIn(host, keyspace);
        await conn.prepareAll(statements);
      }
      static async borrowIn(host, keyspace) {
        const conn = host.borrowConnection();
        if (conn.keyspace !== keyspace) await conn.changeKeyspace(keyspace);
        return conn;
      }
    }`,
    // fields parsed per flag, stored under the key each one names: a repeated key keeps the last value
    `async function collectFields(specs) {
      const body = {};
      for (const spec of specs) {
        const { key, value } = await readField(spec);
        body[key] = value;
      }
      return body;
    }`,
    // fixes applied in turn, each writing its group of log lines around its own work
    `class Doctor {
      async fixAll(issues) {
        for (const issue of issues) {
          await this.applyFix(issue);
        }
      }
      async applyFix(issue) {
        this.log.info('Fixing ' + issue.title);
        await remedies.apply(issue.id);
        this.log.info('Done');
      }
    }`,
    // a sequence a person may cancel: a cancellation check before each step
    `async function archive(sources, target, job) {
      for (const source of sources) {
        job.throwIfCancelled();
        await copyFile(source, join(target, basename(source)));
      }
    }`,
    // a file name picked against the files already on disk, then written: later names depend on
    // the files earlier iterations wrote
    `import fs from 'node:fs';
    import path from 'node:path';
    async function exportProfiles(profiles, dir) {
      for (const profile of profiles) {
        const name = pickFreeName(profile.title, (candidate) => fs.existsSync(path.join(dir, candidate + '.json')));
        await fs.promises.writeFile(path.join(dir, name + '.json'), JSON.stringify(profile));
      }
    }`,
    // the program exits at the first missing path, as a throw would end the loop
    `async function checkPaths(paths) {
      for (const p of paths) {
        if (!(await pathIsThere(p))) {
          console.error('Path not found: ' + p);
          process.exit(2);
        }
      }
    }`,
    // the item looked up by the loop's key runs its own step, in registration order
    `class Accounts {
      async configureAll() {
        for (const key of Object.keys(this.providers)) {
          const provider = this.providers[key];
          await provider.configure?.(this, key);
        }
      }
    }`,
    // a call handed a flag for asking the person at the terminal may prompt: one question at a time
    `async function createMissing(projectId, picked, options) {
      for (const entry of picked) {
        await provisionBackend(projectId, entry.id, options.nonInteractive);
      }
    }`,
    `async function initAll(dirs) {
      for (const dir of dirs) {
        await scaffoldProject(dir, { interactive: true });
      }
    }`,
    `async function initAll(dirs) {
      for (const dir of dirs) {
        await scaffoldProject(dir, { nonInteractive: false });
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
