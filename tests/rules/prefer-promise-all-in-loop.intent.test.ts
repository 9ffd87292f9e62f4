import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * Loops whose iterations look independent but are sequential on purpose, or gain nothing from
 * running together (classes of the fourth held-out review): one place written per item, ordered
 * steps handed on, a last iteration that differs, batches and groups, a critical section, the
 * background, caches. Each class has a near shape that is still reported.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the same step on an object that is no hook registry
  {
    code: `
async function loadJobs(options, names) {
  for (const name of names) {
    await options.loader.process('loadJob', { name });
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
async function loadJobs(options, names) {
  await Promise.all(Array.from(names, async (name) => {
    await options.loader.process('loadJob', { name });
  }));
}`,
          },
        ],
      },
    ],
  },
  // an exported refresh: another module may await it where someone waits
  {
    code: `
export async function refreshAccount(account) {
  for (const feed of account.feeds) {
    await pullFeed(feed.url);
  }
}
async function syncForever() {
  while (true) {
    for (const account of await listAccounts()) await refreshAccount(account);
    await sleep(POLL_MS);
  }
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
export async function refreshAccount(account) {
  await Promise.all(Array.from(account.feeds, async (feed) => {
    await pullFeed(feed.url);
  }));
}
async function syncForever() {
  while (true) {
    for (const account of await listAccounts()) await refreshAccount(account);
    await sleep(POLL_MS);
  }
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}`,
          },
        ],
      },
    ],
  },
  // a retry with backoff: the endless loop is left by return or throw, its caller waits on it, and
  // the pause is a backoff after a failure, not a pace between rounds
  {
    code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function loadQuotes(symbols) {
  let attempt = 0;
  while (true) {
    try {
      const quotes = [];
      for (const symbol of symbols) {
        quotes.push(await fetchQuote(symbol));
      }
      return quotes;
    } catch (error) {
      if (++attempt > 3) throw error;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 9, column: 21, suggestions: [] }],
  },
  // a paginated import: the endless loop ends at the last page (break), and the caller waits on it
  {
    code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function importAll(api, saved) {
  let cursor = null;
  while (true) {
    const page = await api.listRepos({ cursor });
    for (const repo of page.items) {
      saved.push(await loadDetails(repo.detailsUrl));
    }
    if (!page.next) break;
    cursor = page.next;
    await sleep(200);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 8, column: 18, suggestions: [] }],
  },
  // a consumer that awaits its channel, not a pause: \`channel.wait()\` is named like one only
  {
    code: `
async function consume(channel, users, cache) {
  while (true) {
    for (const user of users) {
      cache.set(user.id, await loadProfile(user.id));
    }
    await channel.wait();
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 26, suggestions: [] }],
  },
  // a refresh also awaited by a request handler, not only by the paced worker: someone waits on it
  {
    code: `
async function refreshAccount(account) {
  for (const feed of account.feeds) {
    await pullFeed(feed.url);
  }
}
async function syncForever() {
  while (true) {
    for (const account of await listAccounts()) await refreshAccount(account);
    await sleep(POLL_MS);
  }
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
app.post('/accounts/:id/refresh', async (req, res) => res.json(await refreshAccount(await findAccount(req.params.id))));`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function refreshAccount(account) {
  await Promise.all(Array.from(account.feeds, async (feed) => {
    await pullFeed(feed.url);
  }));
}
async function syncForever() {
  while (true) {
    for (const account of await listAccounts()) await refreshAccount(account);
    await sleep(POLL_MS);
  }
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
app.post('/accounts/:id/refresh', async (req, res) => res.json(await refreshAccount(await findAccount(req.params.id))));`,
          },
        ],
      },
    ],
  },
  // a write per item given the item's own location: each iteration writes its own file
  {
    code: `
async function exportAll(reports) {
  for (const report of reports) {
    await saveReport(report.outputPath, report.body);
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
async function exportAll(reports) {
  await Promise.all(Array.from(reports, async (report) => {
    await saveReport(report.outputPath, report.body);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a read per item against one repository path is not a write
  {
    code: `
async function countAll(shas, repoPath) {
  const counts = [];
  for (const sha of shas) counts.push(await countChangedFiles(repoPath, sha));
  return counts;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 39, suggestions: [] }],
  },
  // a connection as first argument is not a place on disk
  {
    code: `
async function touchAll(db, users) {
  for (const user of users) {
    await updateLastSeen(db, user.id);
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
async function touchAll(db, users) {
  await Promise.all(Array.from(users, async (user) => {
    await updateLastSeen(db, user.id);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a command per item that only reads
  {
    code: `
async function describeAll(git, repoPath, refs) {
  const out = [];
  for (const ref of refs) out.push(await git.show(repoPath, 'log', '-1', ref));
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 36, suggestions: [] }],
  },
  // a task handed on that does not start a process
  {
    code: `
async function warmAll(pages, progress) {
  for (const page of pages) {
    await progress.track({ task: () => fetchPage(page.url), label: page.url });
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
async function warmAll(pages, progress) {
  await Promise.all(Array.from(pages, async (page) => {
    await progress.track({ task: () => fetchPage(page.url), label: page.url });
  }));
}`,
          },
        ],
      },
    ],
  },
  // the index read for something other than a comparison with the length
  {
    code: `
async function enqueueAll(items) {
  for (const [index, item] of items.entries()) {
    await createCommission({ ...item, position: index });
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
async function enqueueAll(items) {
  await Promise.all(Array.from(items.entries(), async ([index, item]) => {
    await createCommission({ ...item, position: index });
  }));
}`,
          },
        ],
      },
    ],
  },
  // a list that is neither batches nor groups, walked through `.entries()`
  {
    code: `
async function fetchAll(urls) {
  for (const [i, url] of urls.entries()) {
    const body = await download(url);
    store(i, body);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function fetchAll(urls) {
  await Promise.all(Array.from(urls.entries(), async ([i, url]) => {
    const body = await download(url);
    store(i, body);
  }));
}`,
          },
        ],
      },
    ],
  },
  // an await under a test of a member of the item: many items can match
  {
    code: `
async function refreshAll(entries) {
  for (const entry of entries) {
    if (entry.kind === 'remote') {
      await refresh(entry.url);
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function refreshAll(entries) {
  await Promise.all(Array.from(entries, async (entry) => {
    if (entry.kind === 'remote') {
      await refresh(entry.url);
    }
  }));
}`,
          },
        ],
      },
    ],
  },
  // a method decorator is not read, even a scheduling one: the reviewers' corpus labels the
  // per-item work of a cron method worth gathering
  {
    code: `
class NightlyReports {
  @Cron('0 2 * * *')
  async send() {
    for (const team of await this.teams.all()) await this.mailer.sendReport(team.ownerEmail);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 48,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
class NightlyReports {
  @Cron('0 2 * * *')
  async send() {
    await Promise.all(Array.from(await this.teams.all(), async (team) => { await this.mailer.sendReport(team.ownerEmail); }));
  }
}`,
          },
        ],
      },
    ],
  },
  // a class decorator that schedules nothing (an injectable service on a request path)
  {
    code: `
@Injectable({ scope: 'request' })
class FeedRefresher {
  async refreshAll(feeds) {
    for (const feed of feeds) await this.http.post(feed.pingUrl);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 31,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
@Injectable({ scope: 'request' })
class FeedRefresher {
  async refreshAll(feeds) {
    await Promise.all(Array.from(feeds, async (feed) => { await this.http.post(feed.pingUrl); }));
  }
}`,
          },
        ],
      },
    ],
  },
  // a callback handed to a call that is not a lock, a transaction or the background
  {
    code: `
function register(router) {
  router.post('/sync', async (req) => {
    for (const id of req.body.ids) {
      await syncAccount(id);
    }
  });
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
function register(router) {
  router.post('/sync', async (req) => {
    await Promise.all(Array.from(req.body.ids, async (id) => {
      await syncAccount(id);
    }));
  });
}`,
          },
        ],
      },
    ],
  },
  // a listener of an event named 'test' is not a test
  {
    code: `
emitter.on('test', async (run) => {
  for (const file of run.files) {
    await upload(file.path);
  }
});`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
emitter.on('test', async (run) => {
  await Promise.all(Array.from(run.files, async (file) => {
    await upload(file.path);
  }));
});`,
          },
        ],
      },
    ],
  },
  // a word that only contains the letters of a schedule
  {
    code: `
async function expandAcronyms(terms) {
  for (const term of terms) {
    await lookupDefinition(term.id);
  }
}`,
    filename: 'lib/acronyms.ts',
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function expandAcronyms(terms) {
  await Promise.all(Array.from(terms, async (term) => {
    await lookupDefinition(term.id);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a cache read beside a real request: the request is worth overlapping
  {
    code: `
async function profiles(ids) {
  const found = [];
  for (const id of ids) {
    const hit = await cache.get(id);
    found.push(hit ?? (await api.profile(id)));
  }
  return found;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 17, suggestions: [] }],
  },
  // a bulk read per item is still a request per item
  {
    code: `
async function membersOf(orgs) {
  const all = [];
  for (const org of orgs) all.push(await prisma.member.findMany({ where: { orgId: org.id } }));
  return all;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 36, suggestions: [] }],
  },
  // a read and a write of one store keyed by the item alone
  {
    code: `
async function bumpAll(store, nodes) {
  for (const node of nodes) {
    const id = normalize(node.id);
    const current = await store.get(id);
    await store.set(id, (current ?? 0) + node.delta);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 21,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function bumpAll(store, nodes) {
  await Promise.all(Array.from(nodes, async (node) => {
    const id = normalize(node.id);
    const current = await store.get(id);
    await store.set(id, (current ?? 0) + node.delta);
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (intent)', withoutEvidenceGate(rule as never), {
  valid: [
    // a plugin host's hooks run per item: the plugins' listeners run in the host's order and may
    // keep state from one item to the next
    `async function loadJobs(options, names) {
      for (const name of names) {
        await options.hooks.process('loadJob', { name });
      }
    }`,
    // a worker that paces itself: an endless loop that pauses between rounds, and a function only
    // that loop calls; nobody waits on a round, and the work is spread over time on purpose
    `import { setTimeout as sleep } from 'node:timers/promises';
    const syncForever = async () => {
      while (true) {
        const accounts = await listAccounts();
        for (const account of accounts) {
          await refreshAccount(account);
        }
        await sleep(POLL_MS);
      }
    };`,
    `async function refreshAccount(account) {
      for (const feed of account.feeds) {
        await pullFeed(feed.url);
      }
    }
    async function syncForever() {
      for (;;) {
        for (const account of await listAccounts()) await refreshAccount(account);
        await wait(POLL_MS);
      }
    }
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`,
    // a paced worker whose rounds survive failures: a skip (continue) inside, a caught error logged,
    // and the pause a statement of the endless loop itself
    `const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    async function syncForever(logger) {
      while (true) {
        try {
          for (const account of await listAccounts()) {
            if (account.disabled) continue;
            await refreshAccount(account);
          }
        } catch (error) {
          logger.error(error);
        }
        await wait(POLL_MS);
      }
    }`,
    // one place written per item through a helper: the same repository path or file every time
    `class Maintenance {
      async clearMarkers(repoPath, changes) {
        for (const change of changes) {
          await this.provider.config.setConfigValue(repoPath, change.key, undefined);
        }
      }
    }`,
    `class Identity {
      async remember(repo, urls) {
        for (const url of urls) {
          await this.locator.storeLocation(repo.path, url);
        }
      }
    }`,
    `async function applyAll(settingsFile, levers) {
      for (const lever of levers) {
        await applySetting(settingsFile, lever.key, lever.value);
      }
    }`,
    // ... or a command that rewrites one configuration file
    `async function forget(git, repoPath, candidates) {
      for (const candidate of candidates) {
        await git.run(repoPath, 'config', '--global', '--unset', 'maintenance.repo', candidate);
      }
    }`,
    // a rollback walks the steps in reverse
    `async function undo(written) {
      for (const step of written.toReversed()) {
        await restoreValue(step.key, step.prior);
      }
    }`,
    `async function undoAll(reversedSteps) {
      for (const step of reversedSteps) await revert(step.id);
    }`,
    // a process started by a task handed on: commands of a script, one after another
    `async function runScripts(scripts, shell, spinner) {
      for (const script of scripts) {
        const task = () => shell.exec(script, { external: true });
        await spinner.show({ task, label: script });
      }
    }`,
    `async function buildAll(packages, ui) {
      for (const pkg of packages) {
        await ui.step(pkg.name, () => spawn('npm', ['run', 'build'], { cwd: pkg.dir }));
      }
    }`,
    // tabs and documents opened one after another for the person at the screen
    `async function openAll(files, refs) {
      for (const file of files) {
        await openChanges(file, refs, { preview: false });
      }
    }`,
    `async function showAll(window, docs) {
      for (const doc of docs) await window.showTextDocument(doc);
    }`,
    // the last iteration differs from the others
    `async function queueAll(items) {
      for (const [index, item] of items.entries()) {
        await queueCreation({ ...item, triggerAggregate: index === items.length - 1 });
      }
    }`,
    `async function notifyPaced(users) {
      for (let i = 0; i < users.length; i++) {
        await notify(users[i].id);
        if (i < users.length - 1) pauseMetrics(users[i].id);
      }
    }`,
    // batches, chunks and groups: each iteration is a batch, one at a time on purpose
    `async function removeAll(links) {
      let removed = 0;
      const batches = chunk(links, 100);
      for (const [i, batch] of batches.entries()) {
        removed += await deleteLinksBatch(batch);
        console.log(i);
      }
      return removed;
    }`,
    `async function checkoutAll(git, repoPath, paths, max) {
      for (const part of chunkByStringLength(paths, max)) {
        await git.run({ cwd: repoPath }, 'checkout', '--', ...part);
      }
    }`,
    `async function logAll(rows) {
      const byProgram = groupBy(rows, (row) => row.programId);
      for (const [programId, group] of Object.entries(byProgram)) {
        await recordStatusChange({ programId, rows: group });
      }
    }`,
    `async function injectAll(nodes) {
      for (const nodesChunk of splitEvery(50, nodes)) {
        for (const node of nodesChunk) {
          await injectSession(node.jid, node.key);
        }
      }
    }`,
    // each iteration is one statement for many rows
    `async function reactivate(groups) {
      for (const [groupId, ids] of groups) {
        await prisma.enrollment.updateMany({ where: { groupId, id: { in: ids } }, data: { active: true } });
      }
    }`,
    // only the item named by a string waits: at most one iteration of distinct keys
    `async function setAll(data) {
      for (const type of Object.keys(data)) {
        if (type === 'pre-key') {
          await validateDeletions(data, type);
        }
      }
    }`,
    // a member of the item compared with a string guards an await that does not use the item:
    // whichever items pass ask for the same thing (a label that names one channel)
    `class Channels {
      constructor(repo, hidden) {
        this.repo = repo;
        this.hidden = hidden;
      }
      async heads(feed) {
        const rows = await this.repo.listChannels(feed.id);
        const heads = {};
        for (const row of rows) {
          if (this.hidden.has(row.release)) {
            if (row.label === 'stable') {
              const releases = await this.repo.listReleases(feed.id);
              const shown = releases.find((r) => !this.hidden.has(r.name));
              if (shown) heads[row.label] = shown.name;
            }
            continue;
          }
          heads[row.label] = row.release;
        }
        return heads;
      }
    }`,
    // inside a critical section or a transaction: one at a time, as the author asked
    `function makeStore(mutex, backend) {
      return {
        get(ids) {
          return mutex.runExclusive(async () => {
            const out = {};
            for (const id of ids) out[id] = await backend.read(id);
            return out;
          });
        },
      };
    }`,
    `async function handle(devicesMutex, byUser) {
      await devicesMutex.mutex(async () => {
        for (const [user, entries] of byUser) {
          await signalStore.deleteSessions(user, entries);
        }
      });
    }`,
    `async function sync(keys, names) {
      await keys.transaction(async () => {
        for (const name of names) {
          await fetchPatches(name);
        }
      });
    }`,
    // in the background after the response: nobody waits for it
    `function onUpdate(template) {
      waitUntil(
        (async () => {
          for (const link of template.links) {
            await updateLinkUrl(link.id, template.url);
          }
        })(),
      );
    }`,
    // the core rule turned off in oxlint's spelling: the author saw the loop and kept it
    `async function publishAll(packages) {
      for (const pkg of packages) {
        // oxlint-disable-next-line no-await-in-loop
        await publish(pkg.dir);
      }
    }`,
    // a test builds state step by step, then checks it
    `it('keeps the saved lines', async () => {
      for (const line of saved) {
        await cart.add(line.sku, line.qty);
      }
      expect(cart.lines()).toEqual(saved);
    });`,
    `describe('import', () => {
      beforeEach(async () => {
        for (const user of fixtures.users) await db.insert(user);
      });
      test.each(cases)('imports %s', async (name) => {
        for (const row of rows[name]) await importRow(row);
      });
    });`,
    // a scheduled job: by its file, its function, or its class's superclass
    {
      code: `export async function GET() {
        for (const workspace of await listWorkspaces()) {
          await sendTrialReminder(workspace.id);
        }
      }`,
      filename: 'app/api/cron/trial-reminders/route.ts',
    },
    `async function runDigestCron(users) {
      for (const user of users) await sendDigest(user.email);
    }`,
    `class RollupInsightsTask extends CronTask {
      async perform(days) {
        for (const day of days) await this.rollup(day);
      }
    }`,
    // ...by a scheduling decorator on its class, by a class decorator handed a job's timing, or by
    // a folder of jobs
    `@Schedule({ type: 'worker', scheduleData: { interval: 60000 } })
    class RequeueStaleFeeds {
      async subscribe() {
        for (const feed of await this.feeds.listStale()) await this.http.post(feed.pingUrl);
      }
    }`,
    `@Job({ timing: { cron: '*/5 * * * *' } })
    class RefreshMirrors {
      async run(mirrors) {
        for (const mirror of mirrors) await this.http.post(mirror.pingUrl);
      }
    }`,
    {
      code: `export class PurgeExpiredUploads {
        async subscribe(uploads) {
          for (const upload of uploads) await this.storage.remove(upload.key);
        }
      }`,
      filename: 'app/port/schedule/PurgeExpiredUploads.ts',
    },
    // a cache answers from memory
    `async function setDevices(userDevicesCache, deviceMap) {
      for (const key in deviceMap) {
        if (deviceMap[key]) await userDevicesCache.set(key, deviceMap[key]);
      }
    }`,
    `async function readAll(cache, ids) {
      const data = {};
      for (const id of ids) {
        data[id] = await cache.get(id);
      }
      return data;
    }`,
    // a read, then a write of one store entry whose key may fall back to a shared one
    `async function storeTokens(nodes, keys, fallbackJid) {
      for (const node of nodes) {
        const jid = normalize(fallbackJid || node.jid);
        const existing = await keys.get('token', [jid]);
        if (existing[jid] && existing[jid].t > node.t) continue;
        await keys.set({ token: { [jid]: { value: node.content, t: node.t } } });
      }
    }`,
    `async function storeResolved(nodes, keys, fallbackJid) {
      for (const node of nodes) {
        const rawJid = normalize(fallbackJid || node.jid);
        const storageJid = await resolveJid(rawJid);
        const existing = await keys.get('token', [storageJid]);
        if (existing[storageJid]?.t > node.t) continue;
        await keys.set({ token: { [storageJid]: { value: node.content, t: node.t } } });
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
