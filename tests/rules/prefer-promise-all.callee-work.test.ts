import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredGroup, gatheredPair } from './gathered-reports';

/**
 * Cases decided by what the awaited function does when its definition is in reach: in this file,
 * in a relative module, or in a package of the same workspace (`fixtures/workspace`: a monorepo
 * whose `@acme/core` package is read from its source, though its manifest points at a build
 * output). A function that only computes (serialises, hashes, builds a value) is nothing to
 * overlap; one that reaches the network, even through helpers, is.
 */
const workspaceFile = path.join(FIXTURES_DIR, 'workspace', 'packages', 'client', 'src', 'file.ts');
/** Outside any workspace: an unresolvable package stays a call that may do real work. */
const plainFile = path.join(FIXTURES_DIR, 'file.ts');
/** A server whose package caches with node-cache and has no Redis client (`run-contexts/cached-app`). */
const cachedAppFile = path.join(FIXTURES_DIR, 'run-contexts', 'cached-app', 'server', 'resolvers', 'locales.js');
/** The same with an ioredis client beside node-cache: its cache may be the remote one. */
const redisAppFile = path.join(FIXTURES_DIR, 'run-contexts', 'redis-cached-app', 'server', 'resolvers', 'locales.js');
/** lru-cache beside a Valkey client (`run-contexts/valkey-cached-app`): the cache may be the remote one. */
const valkeyAppFile = path.join(FIXTURES_DIR, 'run-contexts', 'valkey-cached-app', 'src', 'routes.js');
/** A server published to start with `npx` (`bin` = `main`, depends on express): no one-shot command. */
const npxServerFile = path.join(FIXTURES_DIR, 'run-contexts', 'npx-server', 'lib', 'pages.js');
/** A module of a command-line package whose only export is its `bin` target (`run-contexts/deploy-cli`). */
const deployCliFile = path.join(FIXTURES_DIR, 'run-contexts', 'deploy-cli', 'src', 'utilities', 'git-meta.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // two network calls whose helpers are defined in a workspace package: still reported
  {
    filename: workspaceFile,
    code: `import { fetchProfile } from '@acme/core/wire';
export async function pair(a: string, b: string) {
  const first = await fetchProfile(a);
  const second = await fetchProfile(b);
  return [first, second];
}`,
    errors: [
      gatheredPair(3, 17, `import { fetchProfile } from '@acme/core/wire';
export async function pair(a: string, b: string) {
  const [first, second] = await Promise.all([fetchProfile(a), fetchProfile(b)]);
  return [first, second];
}`),
    ],
  },
  // a helper that computes first and then uploads through a helper of its own (a round trip when
  // the body is large) beside a lookup: two waits on the network, one through the package's barrel
  {
    filename: workspaceFile,
    code: `import { preparePacket } from '@acme/core';
import { fetchProfile } from '@acme/core/wire';
export async function relay(id: string, value: unknown) {
  const packet = await preparePacket(value);
  const profile = await fetchProfile(id);
  return { packet, profile };
}`,
    errors: [
      gatheredPair(4, 18, `import { preparePacket } from '@acme/core';
import { fetchProfile } from '@acme/core/wire';
export async function relay(id: string, value: unknown) {
  const [packet, profile] = await Promise.all([preparePacket(value), fetchProfile(id)]);
  return { packet, profile };
}`),
    ],
  },
  // a package that is not part of the workspace: its functions are out of sight, assumed real work
  {
    filename: plainFile,
    code: `import { toPacket, requestKey } from '@elsewhere/sdk';
export async function prepare(value: unknown, parts: string[]) {
  const packet = await toPacket(value);
  const key = await requestKey(parts);
  return { packet, key };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 18, `import { toPacket, requestKey } from '@elsewhere/sdk';
export async function prepare(value: unknown, parts: string[]) {
  const [packet, key] = await Promise.all([toPacket(value), requestKey(parts)]);
  return { packet, key };
}`),
    ],
  },
  // a same-file helper that awaits a WebCrypto key generation (slow enough to matter) beside a fetch
  {
    filename: plainFile,
    code: `async function newSigningKey() {
  return await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
}
export async function enrol(url: string) {
  const key = await newSigningKey();
  const challenge = await fetch(url);
  return { key, challenge };
}`,
    errors: [
      gatheredPair(5, 15, `async function newSigningKey() {
  return await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
}
export async function enrol(url: string) {
  const [key, challenge] = await Promise.all([newSigningKey(), fetch(url)]);
  return { key, challenge };
}`),
    ],
  },
  // the same two probes in a function handed neither the working directory nor in a CLI: still reported
  {
    filename: plainFile,
    code: `import { getCurrentBranch } from './git';
import { readReleaseState } from './release-state';
export async function status(repo: string) {
  const branch = await getCurrentBranch(repo);
  const state = await readReleaseState(repo);
  return { branch, state };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 18, `import { getCurrentBranch } from './git';
import { readReleaseState } from './release-state';
export async function status(repo: string) {
  const [branch, state] = await Promise.all([getCurrentBranch(repo), readReleaseState(repo)]);
  return { branch, state };
}`),
    ],
  },
  // a tool step handed the working directory, but both calls are remote (a registry and a release API)
  {
    filename: plainFile,
    code: `import { latestPublished, openReleases } from './registry';
export async function plan({ name, cwd = process.cwd() }: { name: string; cwd?: string }) {
  const published = await latestPublished(name);
  const releases = await openReleases(name);
  return { published, releases, cwd };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 21, `import { latestPublished, openReleases } from './registry';
export async function plan({ name, cwd = process.cwd() }: { name: string; cwd?: string }) {
  const [published, releases] = await Promise.all([latestPublished(name), openReleases(name)]);
  return { published, releases, cwd };
}`),
    ],
  },
  // a cache read in a package that also has a Redis client: the cache may be a round trip
  {
    filename: redisAppFile,
    code: `async function locales() {
  const remote = await APP.cache.get('locales');
  const local = await APP.models.locales.query().select('code', 'name');
  return remote || local;
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(2, 18, `async function locales() {
  const [remote, local] = await Promise.all([
    APP.cache.get('locales'),
    APP.models.locales.query().select('code', 'name'),
  ]);
  return remote || local;
}`),
    ],
  },
  // a helper of another module whose only await is a store's \`keys\`: a method name says nothing of
  // the receiver, so it is a round trip beside the profile lookup
  {
    filename: workspaceFile,
    code: `import { listSessionKeys } from './sessions';
import { fetchProfile } from '@acme/core/wire';
export async function dashboard(userId: string) {
  const sessions = await listSessionKeys(userId);
  const profile = await fetchProfile(userId);
  return { sessions, profile };
}`,
    errors: [
      gatheredPair(4, 20, `import { listSessionKeys } from './sessions';
import { fetchProfile } from '@acme/core/wire';
export async function dashboard(userId: string) {
  const [sessions, profile] = await Promise.all([listSessionKeys(userId), fetchProfile(userId)]);
  return { sessions, profile };
}`),
    ],
  },
  // a route handler registered by a server factory that is handed \`cwd\`: it serves every request
  // (two remote calls beside the local read: one local wait alone would be nothing to gather)
  {
    filename: plainFile,
    code: `import express from 'express';
import { readFile } from 'node:fs/promises';
export function previewServer(cwd: string) {
  const app = express();
  app.get('/page', async (req, res) => {
    const layout = await readFile(\`\${cwd}/layout.html\`, 'utf8');
    const viewer = await fetch('https://auth.example/me');
    const flags = await fetch('https://flags.example/page');
    res.send(layout + String(viewer.status) + String(flags.status));
  });
  return app;
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 3 },
        line: 6,
        column: 20,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 3 },
            output: `import express from 'express';
import { readFile } from 'node:fs/promises';
export function previewServer(cwd: string) {
  const app = express();
  app.get('/page', async (req, res) => {
    const [layout, viewer, flags] = await Promise.all([
      readFile(\`\${cwd}/layout.html\`, 'utf8'),
      fetch('https://auth.example/me'),
      fetch('https://flags.example/page'),
    ]);
    res.send(layout + String(viewer.status) + String(flags.status));
  });
  return app;
}`,
          },
        ],
      },
    ],
  },
  // a cache imported from a module of the app (it may wrap any store), in the node-cache package
  {
    filename: cachedAppFile,
    code: `import { cache } from '../cache';
async function product(id) {
  const price = await cache.get('price:' + id);
  const stock = await cache.get('stock:' + id);
  return { price, stock };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 17, `import { cache } from '../cache';
async function product(id) {
  const [price, stock] = await Promise.all([cache.get('price:' + id), cache.get('stock:' + id)]);
  return { price, stock };
}`),
    ],
  },
  // lru-cache beside a Valkey client: the app's cache may be the remote one
  {
    filename: valkeyAppFile,
    code: `async function product(id) {
  const price = await APP.cache.get('price:' + id);
  const stock = await APP.cache.get('stock:' + id);
  return { price, stock };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(2, 17, `async function product(id) {
  const [price, stock] = await Promise.all([
    APP.cache.get('price:' + id),
    APP.cache.get('stock:' + id),
  ]);
  return { price, stock };
}`),
    ],
  },
  // a page helper of a server started with npx: a template read beside an account lookup, per request
  {
    filename: npxServerFile,
    code: `const { readFile } = require('node:fs/promises');
async function renderPage(name, user) {
  const template = await readFile(__dirname + '/pages/' + name + '.html', 'utf8');
  const account = await fetch('https://accounts.example/users/' + user);
  const quota = await fetch('https://quota.example/users/' + user);
  return template + account.status + quota.status;
}
module.exports = { renderPage };`,
    errors: [
      gatheredGroup(3, 3, 20, `const { readFile } = require('node:fs/promises');
async function renderPage(name, user) {
  const [template, account, quota] = await Promise.all([
    readFile(__dirname + '/pages/' + name + '.html', 'utf8'),
    fetch('https://accounts.example/users/' + user),
    fetch('https://quota.example/users/' + user),
  ]);
  return template + account.status + quota.status;
}
module.exports = { renderPage };`),
    ],
  },
];

ruleTester.run('prefer-promise-all (what the awaited function does)', testedRule, {
  valid: [
    // a read of node-cache (synchronous, in the process) beside a query: nothing to overlap
    {
      filename: cachedAppFile,
      code: `async function locales() {
  const remote = await APP.cache.get('locales');
  const local = await APP.models.locales.query().select('code', 'name');
  return remote || local;
}`,
    },
    // local CPU work behind async wrappers of a workspace package, reached through its barrel
    // (whose manifest names only a build output): serialising a value, then a key digest that goes
    // through two helpers to WebCrypto. Nothing to overlap.
    {
      filename: workspaceFile,
      code: `import { toPacket, requestKey } from '@acme/core';
export async function prepare(value: unknown, parts: string[]) {
  const packet = await toPacket(value);
  const key = await requestKey(parts);
  return { packet, key };
}`,
    },
    // a network round trip beside a key digest: the digest is no wait worth overlapping
    {
      filename: workspaceFile,
      code: `import { requestKey } from '@acme/core';
import { fetchProfile } from '@acme/core/wire';
export async function load(id: string, parts: string[]) {
  const profile = await fetchProfile(id);
  const key = await requestKey(parts);
  return { profile, key };
}`,
    },
    // a relative helper handing out random bytes as an already settled promise, beside a request
    {
      filename: workspaceFile,
      code: `import { randomNonce } from './random';
import { fetchProfile } from '@acme/core/wire';
export async function handshake(id: string) {
  const profile = await fetchProfile(id);
  const nonce = await randomNonce(32);
  return { profile, nonce };
}`,
    },
    // two HMACs of a handshake through WebCrypto, in helpers of this file: microseconds of CPU
    {
      filename: plainFile,
      code: `async function hmac(key: Uint8Array, text: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(text));
  return new Uint8Array(signature);
}
export async function proofKeys(salted: Uint8Array) {
  const clientKey = await hmac(salted, 'Client Key');
  const serverKey = await hmac(salted, 'Server Key');
  return { clientKey, serverKey };
}`,
    },
    // two commands of one local tool on one repository: the fetch writes the ref the log reads
    {
      filename: plainFile,
      code: `import { x } from 'tinyexec';
export async function messageOf(directory: string, pr: number) {
  const fetched = await x('git', ['fetch', 'origin', \`pull/\${pr}/head:pr-\${pr}\`], { nodeOptions: { cwd: directory } });
  const logged = await x('git', ['log', '-1', '--format=%B', \`pr-\${pr}\`], { nodeOptions: { cwd: directory } });
  return { fetched, logged };
}`,
    },
    // one-shot tool steps: a release step handed the working directory (destructured, defaulting
    // to process.cwd()) reads the branch with git and the release state from the folder
    {
      filename: plainFile,
      code: `import { getCurrentBranch } from './git';
import { readReleaseState } from './release-state';
export async function prepareRelease({ message, cwd = process.cwd() }: { message?: string; cwd?: string }) {
  const branch = await getCurrentBranch(cwd);
  const state = await readReleaseState(cwd);
  return { branch, state, message };
}`,
    },
    // a build check handed \`cwd\`: render the artifacts, then read the files written last time
    {
      filename: plainFile,
      code: `import { readFile } from 'node:fs/promises';
import { renderArtifacts } from './artifacts';
export async function checkArtifacts(cwd: string, schemaPath: string) {
  const rendered = await renderArtifacts(cwd);
  const written = await readFile(schemaPath, 'utf8');
  return rendered === written;
}`,
    },
    // a module of a command-line package whose export is its own bin: a deploy reads the remote
    // URL from the repository's config before asking git for the last commit
    {
      filename: deployCliFile,
      code: `import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lastCommit } from './git';
export async function describeCheckout(directory: string) {
  const config = await readFile(join(directory, '.git/config'), 'utf8');
  const commit = await lastCommit(directory);
  return { config, commit };
}`,
    },
    // the same package: a helper of this file reads and parses the repository's config, then a
    // gather asks git for the last commit and the working tree's state
    {
      filename: deployCliFile,
      code: `import { readFile } from 'node:fs/promises';
import { parse } from 'ini';
import { lastCommit, isDirty } from './git';
async function remoteOf(configPath: string) {
  const config = parse(await readFile(configPath, 'utf8'));
  return config['remote "origin"']?.url;
}
export async function describeCheckout(directory: string) {
  const remote = await remoteOf(\`\${directory}/.git/config\`);
  const [commit, dirty] = await Promise.allSettled([lastCommit(directory), isDirty(directory)]);
  return { remote, commit, dirty };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
