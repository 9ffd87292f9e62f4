import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { error, IN_EXPORTED, REPLACEMENT, testedRule } from './no-blocking-in-async.errors';

// Places where nobody waits for the event loop while a synchronous call runs, so that by default
// (`reportIn: 'concurrent'`) the rule keeps quiet there (analysis/where-it-runs.ts: `test-code`,
// `editor-extension`), and their neighbours that stay reported.
const EXTENSION = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension');
const IN_PER_ITEM = 'inside this async function, which .map() runs once per item, all at the same time';

ruleTester.run('no-blocking-in-async in test code and editor extensions', testedRule, {
  valid: [
    // test code: a test runner runs one test after another in a process that serves nobody,
    // even when a test starts its set-up steps together
    {
      code: `import { execSync } from 'node:child_process';
async function makeRepo(name) { execSync('git init ' + name); await seed(name); }
export async function makeRepos(names) { await Promise.all(names.map(async (name) => makeRepo(name))); }`,
      filename: 'src/commands/publish/publish.spec.ts',
    },
    // a helper in a test folder that a spec imports
    {
      code: `import { readFileSync } from 'node:fs';
export async function renderTemplate(engine, name) {
  const source = readFileSync(name + '.html', 'utf8');
  return engine.render(source);
}`,
      filename: 'packages/templates/__tests__/helpers/render.ts',
    },
    // a package (or folder) of helpers written for tests
    {
      code: `import { existsSync } from 'node:fs';
export class Sandbox {
  async clean(dir) { if (existsSync(dir)) await this.remove(dir); await this.create(dir); }
}`,
      filename: 'libs/e2e-utils/src/sandbox.ts',
    },
    // a file that imports a test framework is test code wherever it lies
    `import { beforeEach } from 'vitest';
import { writeFileSync } from 'node:fs';
export async function withConfig(config) { writeFileSync('config.json', JSON.stringify(config)); await reload(); }
beforeEach(() => withConfig({}));`,
    // so is one that declares its suites with the runner's globals
    `import { execFileSync } from 'node:child_process';
async function startDatabase() { execFileSync('docker', ['start', 'db']); await waitForPort(5432); }
describe('orders', () => { before(startDatabase); });`,

    // an editor extension: one person's editor runs its commands, tool installs and debug sessions
    {
      code: `import { copyFileSync } from 'node:fs';
export async function installTools(tools) {
  for (const tool of tools) {
    await goInstall(tool);
    copyFileSync(tool.built, tool.target);
  }
}
export function onInstallCommand(tools) { installTools(tools); }`,
      filename: path.join(EXTENSION, 'src', 'installTools.ts'),
    },
    {
      code: `import { readFileSync } from 'node:fs';
export async function latestSurvey(file) { const config = JSON.parse(readFileSync(file, 'utf8')); return await fetchSurvey(config); }`,
      filename: path.join(EXTENSION, 'src', 'survey.ts'),
    },
  ],
  invalid: [
    // a sample application inside a test folder stands for the application under test
    {
      code: `import { execSync } from 'node:child_process';
export async function GET(request) { return new Response(execSync('git rev-parse HEAD')); }`,
      filename: 'test/fixtures/next-app/app/version/route.ts',
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 58, [], 'inside this async function, which handles requests (export GET) while other requests wait')],
    },
    // a test runner's own code is not test code (its package names no helpers)
    {
      code: `import { execSync } from 'node:child_process';
export async function runSuite(suite) { execSync(suite.setup); await suite.run(); }`,
      filename: 'packages/test-runner/src/run-suite.ts',
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 41, [], IN_EXPORTED)],
    },
    // an app's end-to-end encryption module is no end-to-end test
    {
      code: `import { execSync } from 'node:child_process';
export async function rotateKeys(dir) { execSync('openssl rand 32'); await upload(dir); }`,
      filename: 'src/e2e/keys.e2e.ts',
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 41, [], IN_EXPORTED)],
    },
    // a plain tests/ folder also holds sample servers and labelled corpora: a file there that does not say it is a test is judged as code
    {
      code: `import { execSync } from 'node:child_process';
export async function makeRepo(name) { execSync('git init ' + name); await seed(name); }`,
      filename: 'tests/realistic/orders/repo.ts',
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 40, [], IN_EXPORTED)],
    },
    // checkTestCallbacks asks for test code too
    {
      code: `import { execSync } from 'node:child_process';
export async function makeRepo(name) { execSync('git init ' + name); await seed(name); }`,
      filename: 'packages/core/__tests__/helpers/repo.ts',
      options: [{ checkTestCallbacks: true }],
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 40)],
    },
    // an editor extension's tasks started together still block each other
    {
      code: `import { execSync } from 'node:child_process';
export async function versions(tools) { return Promise.all(tools.map(async (tool) => execSync(tool + ' --version'))); }`,
      filename: path.join(EXTENSION, 'src', 'versions.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 86, [], IN_PER_ITEM)],
    },
    // and a server it runs serves requests
    {
      code: `import http from 'node:http';
import { execSync } from 'node:child_process';
export function startPreview(port) {
  http.createServer(async (req, res) => { res.end(execSync('render ' + req.url)); await log(req.url); }).listen(port);
}`,
      filename: path.join(EXTENSION, 'src', 'preview.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 4, 51, [], 'inside this async function, which handles requests (http.createServer) while other requests wait')],
    },
  ],
});
