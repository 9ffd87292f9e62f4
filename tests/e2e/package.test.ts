/**
 * End to end: `npm pack` the built package, install the tarball into fresh projects in the OS temp
 * directory (one per ESLint major, reused by its cases), and use it the way users do: ESLint with an
 * ESM `eslint.config.js` and a CommonJS `eslint.config.cjs`, `--concurrency=2`, and the installed
 * `async-pitfalls` CLI (JSON, SARIF, typed mode, exit codes). Findings must equal the examples'
 * markers for the rules each config turns on. Needs `npm run build` first (`npm test` does it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { actualFindings, expectedFindings, readMarkers, REPO_ROOT, type JsonResult } from './markers';

const builtEntry = path.join(REPO_ROOT, 'dist', 'index.js');
if (!existsSync(builtEntry) || !existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) {
  throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests (npm test does).');
}
// The plugin as built; the tarball is packed from the same dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require(builtEntry) as {
  meta: { version: string };
  configs: Record<'recommended' | 'all', { rules: Record<string, unknown> }>;
};
const RECOMMENDED = Object.keys(built.configs.recommended.rules);
const ALL = Object.keys(built.configs.all.rules);
const markers = readMarkers();
const isJavaScript = (finding: string) => /^\S+\.[cm]?js:/u.test(finding);
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

const ESM_CONFIG = `import asyncPitfalls from 'eslint-plugin-async-pitfalls';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  asyncPitfalls.configs.recommended,
];
`;
const CJS_CONFIG = `const asyncPitfalls = require('eslint-plugin-async-pitfalls');
const tsParser = require('@typescript-eslint/parser');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  asyncPitfalls.configs.recommended,
];
`;
const JS_ONLY_CONFIG = `import asyncPitfalls from 'eslint-plugin-async-pitfalls';

export default [asyncPitfalls.configs.recommended];
`;

let workRoot = '';
let tarball = '';

before(() => {
  workRoot = mkdtempSync(path.join(os.tmpdir(), 'async-pitfalls-e2e-'));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', workRoot], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  tarball = path.join(workRoot, name.split('\n').pop() ?? name);
});

after(() => {
  if (workRoot) rmSync(workRoot, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a process without blocking the event loop (the two ESLint majors run side by side). */
function runProcess(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh project with a copy of examples/ and the three config files; `npm install`s `packages`. */
async function createProject(name: string, packages: string[], extraInstallArgs: string[] = []): Promise<string> {
  const dir = path.join(workRoot, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  await install(dir, [...packages, tarball], extraInstallArgs);
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  writeFileSync(path.join(dir, 'eslint.config.js'), ESM_CONFIG);
  writeFileSync(path.join(dir, 'eslint.config.cjs'), CJS_CONFIG);
  writeFileSync(path.join(dir, 'js-only.config.js'), JS_ONLY_CONFIG);
  return dir;
}

async function install(dir: string, packages: string[], extraArgs: string[] = []): Promise<void> {
  const run = await runProcess('npm', [...NPM_INSTALL, ...extraArgs, ...packages], dir);
  assert.equal(run.status, 0, `npm install ${packages.join(' ')} failed:\n${run.stderr}`);
}

function eslint(dir: string, args: string[]): Promise<Run> {
  return runProcess(process.execPath, [path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], dir);
}

/** The installed bin, run through its link and shebang as `npx async-pitfalls` would. */
function cli(dir: string, args: string[]): Promise<Run> {
  return runProcess(path.join(dir, 'node_modules', '.bin', 'async-pitfalls'), args, dir);
}

/** Findings of a `--format json` run, relative to the project's examples/ copy. */
function findingsOf(dir: string, run: Run): string[] {
  assert.notEqual(run.stdout.trim(), '', `no JSON output; stderr: ${run.stderr}`);
  return actualFindings(JSON.parse(run.stdout) as JsonResult[], path.join(dir, 'examples'));
}

const flawedOnly = (findings: string[]) => findings.filter((finding) => !finding.startsWith('fixed/'));
const exitFor = (expected: string[]) => (expected.length > 0 ? 1 : 0);

/** Exit code 2 with one clear line on stderr and no stack trace. */
function assertUsageError(run: Run, pattern: RegExp): void {
  assert.equal(run.status, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /^\s+at /mu, 'a stack trace was printed');
}

/** The cases that need a project with `typescript` installed. */
function withTypeScriptCases(project: () => string): void {
  let plainRun: string[] = [];

  it('ESM eslint.config.js: ESLint reports exactly the marked lines of the recommended rules', async () => {
    const run = await eslint(project(), ['--format', 'json', 'examples']);
    plainRun = findingsOf(project(), run);
    assert.deepEqual(flawedOnly(plainRun), expectedFindings(markers, RECOMMENDED));
    assert.deepEqual(plainRun.filter((finding) => finding.startsWith('fixed/')), []);
    assert.equal(run.status, exitFor(plainRun));
  });

  it('CJS eslint.config.cjs: the same findings', async () => {
    const run = await eslint(project(), ['--config', 'eslint.config.cjs', '--format', 'json', 'examples']);
    assert.deepEqual(findingsOf(project(), run), expectedFindings(markers, RECOMMENDED));
  });

  it('--concurrency=2: the same findings as the single-threaded run', async () => {
    const run = await eslint(project(), ['--concurrency=2', '--format', 'json', 'examples']);
    assert.deepEqual(findingsOf(project(), run), plainRun);
  });

  it('CLI --config all --format json: exactly the marked lines of every rule, fixed/ clean', async () => {
    const run = await cli(project(), ['--config', 'all', '--format', 'json', 'examples']);
    const expected = expectedFindings(markers, ALL);
    assert.deepEqual(findingsOf(project(), run), expected);
    assert.equal(run.status, exitFor(expected), run.stderr);
  });

  it('CLI with the default (recommended) config: the recommended rules only', async () => {
    const run = await cli(project(), ['--format', 'json', 'examples']);
    assert.deepEqual(findingsOf(project(), run), expectedFindings(markers, RECOMMENDED));
  });

  it('CLI --format sarif: valid SARIF whose results name the rules', async () => {
    const run = await cli(project(), ['--config', 'all', '--format', 'sarif', 'examples']);
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0]?.results ?? [];
    assert.deepEqual(
      [...new Set(results.map((result) => result.ruleId))].sort(),
      [...new Set(expectedFindings(markers, ALL).map((finding) => finding.split(' ')[1]))].sort(),
    );
    assert.equal(results.length, expectedFindings(markers, ALL).length);
  });

  it('CLI --typed: parses every file with type information and still reports every marker', async () => {
    const run = await cli(project(), ['--typed', '--config', 'all', '--format', 'json', 'examples']);
    const findings = flawedOnly(findingsOf(project(), run));
    assert.deepEqual(
      findings.filter((finding) => / Parsing error/u.test(finding)),
      [],
    );
    const missing = expectedFindings(markers, ALL).filter((finding) => !findings.includes(finding));
    assert.deepEqual(missing, []);
  });

  it('CLI on examples/fixed: exit 0 and no output', async () => {
    const run = await cli(project(), ['--config', 'all', 'examples/fixed']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.trim(), '');
  });

  it('CLI usage and configuration errors: exit 2, one clear message', async () => {
    assertUsageError(await cli(project(), ['--no-such-flag']), /Unknown option '--no-such-flag'/u);
    assertUsageError(await cli(project(), ['--config', 'loose']), /Unknown config 'loose'/u);
    assertUsageError(await cli(project(), ['--max-warnings', 'many']), /--max-warnings expects a whole number/u);
    assertUsageError(await cli(project(), ['--format', 'no-such-formatter', 'examples']), /Cannot load formatter/u);
    assertUsageError(await cli(project(), ['no/such/dir']), /No files matching 'no\/such\/dir'/u);
  });

  it('CLI --version and --help', async () => {
    const version = await cli(project(), ['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), built.meta.version);
    const help = await cli(project(), ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--typed/u);
  });
}

// The two ESLint majors run side by side (installs overlap with lints); the cases of one project
// run in order, since later cases compare with earlier runs.
describe('packed and installed', { concurrency: 2 }, () => {
  describe('installed with ESLint 9', { concurrency: 1 }, () => {
    let dir = '';

    describe('without typescript (a JavaScript-only project)', { concurrency: 1 }, () => {
      before(async () => {
        // npm would install `typescript` as a peer of @typescript-eslint/*; --legacy-peer-deps leaves it out.
        dir = await createProject('eslint9', ['eslint@9'], ['--legacy-peer-deps']);
        assert.equal(existsSync(path.join(dir, 'node_modules', 'typescript')), false);
      });

      it('the plugin loads with import and require', async () => {
        const esm = await runProcess(
          process.execPath,
          ['--input-type=module', '-e', "import p from 'eslint-plugin-async-pitfalls'; console.log(Object.keys(p.configs).join())"],
          dir,
        );
        assert.equal(esm.stdout.trim(), 'recommended,strict,all', esm.stderr);
        const cjs = await runProcess(
          process.execPath,
          ['-e', "console.log(require('eslint-plugin-async-pitfalls').meta.version)"],
          dir,
        );
        assert.equal(cjs.stdout.trim(), built.meta.version, cjs.stderr);
      });

      it('ESLint lints the JavaScript examples: the marked lines of the recommended rules', async () => {
        const run = await eslint(dir, ['--config', 'js-only.config.js', '--format', 'json', 'examples']);
        assert.deepEqual(findingsOf(dir, run), expectedFindings(markers, RECOMMENDED).filter(isJavaScript));
      });

      it('the CLI lints JavaScript paths, and says so clearly (exit 2) when it meets TypeScript', async () => {
        const js = await cli(dir, ['--config', 'all', '--format', 'json', 'examples/src/auth', 'examples/src/jobs', 'examples/scripts']);
        const expected = expectedFindings(markers, ALL).filter(isJavaScript);
        assert.deepEqual(findingsOf(dir, js), expected);
        assert.equal(js.status, exitFor(expected), js.stderr);
        assertUsageError(await cli(dir, ['examples']), /"typescript" package is not installed/u);
      });
    });

    describe('with typescript 5.9', { concurrency: 1 }, () => {
      before(() => install(dir, ['typescript@5.9']));
      withTypeScriptCases(() => dir);
    });
  });

  describe('installed with ESLint 10', { concurrency: 1 }, () => {
    let dir = '';
    before(async () => {
      dir = await createProject('eslint10', ['eslint@10', 'typescript@5.9']);
    });
    withTypeScriptCases(() => dir);
  });
});
