import { ruleTester } from '../rule-tester';
import type { Options } from '../../src/rules/no-blocking-in-async';
import { error, fsError, IN_EXPORTED, REPLACEMENT, testedRule } from './no-blocking-in-async.errors';

// Where the code runs (analysis/where-it-runs.ts): with default options (`reportIn: 'concurrent'`)
// the rule stays silent where blocking costs nothing and says why it hurts where it reports.
const ALL: Options = [{ reportIn: 'all' }];

ruleTester.run('no-blocking-in-async where the code runs', testedRule, {
  valid: [
    // one-shot scripts: a shebang, an async main started once, an async IIFE
    `#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
export async function build(out) { writeFileSync(out, readFileSync('in.txt')); await publish(out); }`,
    `import { execSync } from 'node:child_process';
async function release() { execSync('npm test'); await tag(); }
async function main() { await release(); }
main().catch((error) => { console.error(error); process.exitCode = 1; });`,
    `import fs from 'node:fs';
(async () => { const config = JSON.parse(fs.readFileSync('config.json', 'utf8')); await deploy(config); })();`,

    // CLI command handlers
    `import { Command } from 'commander';
import { mkdirSync } from 'node:fs';
new Command().command('init').action(async (dir) => { mkdirSync(dir); await scaffold(dir); });`,
    `import { Command } from 'clipanion';
import { rmSync } from 'node:fs';
export class CleanCommand extends Command { async execute() { rmSync('dist', { recursive: true }); await this.report(); } }`,

    // build hooks that a bundler or framework calls once per build
    `import fs from 'node:fs';
export default function adapter() {
  return { name: 'static', async adapt(builder) { fs.rmSync('build', { recursive: true }); await builder.prerender(); } };
}`,

    // a worker thread exists to run blocking work off the main thread
    `import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
async function unpack(buffer) { return gunzipSync(buffer); }
parentPort.on('message', (buffer) => { unpack(buffer).then((out) => parentPort.postMessage(out)); });`,

    // a final hand-off to a child process whose exit status is passed on
    `import { spawnSync } from 'node:child_process';
export async function run(args) {
  await prepare();
  const child = spawnSync('node', args, { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}`,
    `import spawn from 'cross-spawn';
export async function runBin(bin, args) {
  await check(bin);
  const { status, error } = spawn.sync(bin, args, { stdio: 'inherit' });
  if (error) throw error;
  return { exitCode: status ?? 1 };
}`,

    // a file read on a failure path, just before throwing
    `import { readFileSync } from 'node:fs';
export async function compile(file) {
  const result = await run(file);
  if (result.code !== 0) {
    const log = readFileSync(result.logFile, 'utf8');
    throw new Error(log);
  }
  return result;
}`,

    // one or two cheap metadata checks beside otherwise asynchronous I/O
    `import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
export async function ensureDir(dir) { if (!existsSync(dir)) await mkdir(dir, { recursive: true }); }`,
    `import fs from 'node:fs';
const hasLockfile = (dir) => fs.existsSync(dir + '/pnpm-lock.yaml');
export async function status(dir) { return hasLockfile(dir) ? await readLock(dir) : 'open'; }`,
    `import fs from 'node:fs';
export async function serveStatic(req, res) { const file = resolve(req.url); if (fs.existsSync(file) && fs.statSync(file).isFile()) await send(res, file); }`,
  ],
  invalid: [
    // reportIn: 'all' reports them all, as the strict config does
    {
      code: `#!/usr/bin/env node
import { execSync } from 'node:child_process';
async function main() { await run(execSync('ls')); }`,
      options: ALL,
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 3, 35)],
    },
    {
      code: `import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
export async function ensureDir(dir) { if (!existsSync(dir)) await mkdir(dir, { recursive: true }); }`,
      options: ALL,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 45, [], IN_EXPORTED)],
    },
    // the cheap check counts only beside an await of the function's own: one in a nested async callback is another function's
    {
      code: `import { existsSync } from 'node:fs';
export async function ensureDirs(dirs) { if (!existsSync(dirs[0])) return dirs.map(async (dir) => await mkdir(dir)); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 47, [], IN_EXPORTED)],
    },

    // a script that starts its tasks together is concurrent: each task blocks the others
    {
      code: `#!/usr/bin/env node
import { gunzipSync } from 'node:zlib';
async function unpack(file) { const data = gunzipSync(await download(file)); await save(file, data); }
async function main(files) { await Promise.all([unpack('a'), unpack('b')]); }
main(process.argv.slice(2));`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 3, 44, [], 'inside this async function, which Promise.all() runs beside other tasks'),
      ],
    },
    {
      code: `import { gunzipSync } from 'node:zlib';
async function main(files) {
  await Promise.all(files.map(async (file) => upload(gunzipSync(file))));
}
main(['a', 'b']);`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 3, 54, [], 'inside this async function, which .map() runs once per item, all at the same time'),
      ],
    },

    // request handlers, and what they await
    {
      code: `import express from 'express';
import { execFileSync } from 'node:child_process';
const app = express();
async function revision() { return execFileSync('git', ['rev-parse', 'HEAD']).toString(); }
app.get('/version', async (req, res) => { res.json({ revision: await revision() }); });`,
      errors: [
        error('blockingProcess', 'child_process.execFileSync', REPLACEMENT.childProcess, 4, 36, [],
          "inside this async function, awaited in code that handles requests (.get()) while other requests wait"),
      ],
    },

    // a concurrency limiter
    {
      code: `import pLimit from 'p-limit';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
const limit = pLimit(8);
export const hashAll = (files) => Promise.all(files.map((file) => limit(async () => hash(gunzipSync(file)))));`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 5, 90, [], 'inside this async function, which p-limit runs beside other tasks'),
      ],
    },

    // the quiet classes are not quiet when the function does more blocking work
    {
      code: `import fs from 'node:fs';
import { execSync } from 'node:child_process';
export async function load(dir) {
  if (fs.existsSync(dir)) execSync('make', { cwd: dir });
  return await fetchDefault();
}`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 4, 7, [], IN_EXPORTED),
        error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 4, 27, [], IN_EXPORTED),
      ],
    },
    // no exit status passed on: the child runs while the caller's other work waits
    {
      code: `import { spawnSync } from 'node:child_process';
export async function lint(files) { spawnSync('eslint', files, { stdio: 'inherit' }); await report(files); }`,
      errors: [error('blockingProcess', 'child_process.spawnSync', REPLACEMENT.childProcess, 2, 37, [], IN_EXPORTED)],
    },
  ],
});
