import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
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
    await cms.update({ id: doc.id, data: { title: doc.title.trim() } });
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function renameAll(cms, docs) {
  await Promise.all(Array.from(docs, async (doc) => {
    await cms.update({ id: doc.id, data: { title: doc.title.trim() } });
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
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (real code)', rule as never, {
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
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
