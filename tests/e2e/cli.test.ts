/**
 * The built CLI (`dist/cli.js`) on a small scratch project: which files it lints (extensions, ESLint's
 * default ignores, `.gitignore`), that it parses JSX and TypeScript, that other tools' inline comments
 * do not become findings, and the warning-related flags. Rule findings are covered by
 * `package.test.ts`; these cases hold with any set of rules. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, type JsonResult } from './markers';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const FILES: Record<string, string> = {
  '.gitignore': '# build output\nbuild/\n*.generated.js\n!keep.generated.js\n/local-only.js\n',
  'src/server.js': "import http from 'node:http';\nexport const server = http.createServer((req, res) => res.end('ok'));\n",
  'src/view.js': 'export const View = ({ name }) => <p className="greeting">Hello {name}</p>;\n',
  'src/view.jsx': 'export const Other = () => <>{[1, 2].map((n) => <b key={n}>{n}</b>)}</>;\n',
  'src/types.ts': 'export interface Job { id: string }\nexport const ids = (jobs: Job[]): string[] => jobs.map((job) => job.id);\n',
  'src/esm.mts': 'export const answer: number = 42;\n',
  'src/cjs.cts': 'export = { retries: 3 as const };\n',
  'src/panel.tsx': 'export const Panel = (props: { title: string }) => <h1>{props.title}</h1>;\n',
  'src/legacy.cjs': "const path = require('path');\nmodule.exports = path.join('a', 'b');\n",
  'src/tool.mjs': 'export default async function tool() { return 1; }\n',
  'src/other-tools.js':
    '/* eslint no-console: "error" */\n' +
    '// eslint-disable-next-line react/no-danger\n' +
    'export const html = { __html: "<b>hi</b>" };\n' +
    'console.log(html); // eslint-disable-line no-alert\n',
  'keep.generated.js': 'export const kept = true;\n',
  'x.generated.js': 'this is not javascript at all\n',
  'local-only.js': 'nor is this\n',
  'build/out.js': 'neither is this\n',
  'node_modules/dep/index.js': 'nor this\n',
  'notes.md': '# not linted\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, jsx: 'preserve', noEmit: true }, include: ['src'] }),
};

let project = '';

before(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'async-pitfalls-cli-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: project, encoding: 'utf8' });
}

function jsonResults(args: string[]): JsonResult[] {
  const run = cli([...args, '--format', 'json']);
  assert.notEqual(run.stdout.trim(), '', run.stderr);
  return JSON.parse(run.stdout) as JsonResult[];
}

const relative = (results: JsonResult[]) =>
  results.map((result) => path.relative(project, result.filePath).split(path.sep).join('/')).sort();

describe('async-pitfalls CLI on a scratch project', () => {
  // One run of the whole project, read by the first three cases.
  let whole: { results: JsonResult[]; stderr: string } | undefined;
  const lintWhole = () => {
    if (!whole) {
      const run = cli(['--config', 'all', '--format', 'json']);
      whole = { results: JSON.parse(run.stdout) as JsonResult[], stderr: run.stderr };
    }
    return whole;
  };

  it('lints every JS/TS extension; skips node_modules, .gitignore patterns (with negation) and other files', () => {
    assert.deepEqual(relative(lintWhole().results), [
      'keep.generated.js',
      'src/cjs.cts',
      'src/esm.mts',
      'src/legacy.cjs',
      'src/other-tools.js',
      'src/panel.tsx',
      'src/server.js',
      'src/tool.mjs',
      'src/types.ts',
      'src/view.js',
      'src/view.jsx',
    ]);
  });

  it('parses JSX in .js and .jsx and TypeScript in .ts/.mts/.cts/.tsx; reports no foreign rules or directives', () => {
    const messages = lintWhole().results.flatMap((result) =>
      result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    assert.deepEqual(messages, []);
  });

  it('--typed parses the TypeScript files with the project service', () => {
    const results = jsonResults(['--typed', '--config', 'all', 'src']);
    assert.deepEqual(
      results.flatMap((result) => result.messages.map((message) => message.message)),
      [],
    );
  });

  it('--typed lints a TypeScript file no tsconfig includes untyped instead of failing to parse it', () => {
    // Outside the tsconfig's `include` (which is `src`), with a finding untyped mode makes.
    const file = path.join(project, 'tools', 'release.config.ts');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'export async function publish(): Promise<void> {}\nexport function release(): void {\n  publish().then(() => undefined);\n}\n');
    try {
      const results = jsonResults(['--typed', 'tools']);
      assert.deepEqual(
        results.flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId ?? 'fatal'}`)),
        ['3 async-pitfalls/no-floating-promises'],
      );
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('an ignored file named explicitly is a warning: exit 0, exit 1 over --max-warnings, hidden by --quiet', () => {
    const plain = cli(['build/out.js']);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /File ignored/u);

    const limited = cli(['--max-warnings', '0', 'build/out.js']);
    assert.equal(limited.status, 1);
    assert.match(limited.stderr, /more than --max-warnings 0/u);

    const quiet = cli(['--quiet', 'build/out.js']);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout.trim(), '');
  });

  it('writes no progress line when stderr is not a terminal', () => {
    assert.equal(lintWhole().stderr, '');
  });
});
