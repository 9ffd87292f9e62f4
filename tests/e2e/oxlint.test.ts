/**
 * oxlint as a second host: the built plugin (`dist/`) loaded through oxlint's `jsPlugins` must report
 * exactly what ESLint reports (rule id, line, column, message) on
 * - `examples/` with every rule on: the marked lines, and nothing in `examples/fixed`;
 * - every code example of every rule's docs page, with every rule on;
 * - every untyped case of the rule tests (`rule-cases.ts` collects them), with its rule alone and its
 *   options: the constructs each rule handles, reported or left alone;
 * - a few files for what the hosts share beyond rules (settings, disable comments) and the one known
 *   difference (script vs module).
 * No crash either: a rule that throws under oxlint shows up as a diagnostic without a rule id, and
 * fails the comparison. One oxlint process lints all of it; ESLint lints the same files in process.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { readDocsExamples } from '../docs-examples';
import { EXAMPLES_DIR, expectedFindings, readMarkers, REPO_ROOT } from './markers';
import type { RuleCase } from './rule-cases';

const DIST = path.join(REPO_ROOT, 'dist', 'index.js');
const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'fixtures');

/** The `.oxlintrc.json` README's oxlint section tells users to copy (its first json block). */
function readmeOxlintrc(): { jsPlugins: string[]; rules: Record<string, unknown> } {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## oxlint\n'));
  const block = /```json\n([\s\S]*?)\n```/u.exec(section)?.[1];
  assert.ok(block, "README's oxlint section has no json block");
  return JSON.parse(block) as { jsPlugins: string[]; rules: Record<string, unknown> };
}
const OXLINT = path.join(REPO_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');

interface BuiltPlugin {
  rules: Record<string, unknown>;
  configs: { all: { rules: Record<string, Linter.RuleEntry> } };
}

/** One finding, written `<file>:<line>:<column> <ruleId> <message>` so two hosts compare as sorted lists. */
type Finding = string;

/** The subset of oxlint's `-f json` output the test reads. */
interface OxlintJson {
  diagnostics: {
    message: string;
    code?: string;
    filename: string;
    labels: { span: { line: number; column: number } }[];
  }[];
}

/**
 * oxlint's findings as `Finding`s: `code` is `plugin(rule)`, the first label is the reported node.
 * A diagnostic without a code (a JS plugin that threw, a parse error) keeps its first message line.
 */
function oxlintFindings(json: OxlintJson): Finding[] {
  return json.diagnostics
    .map((diagnostic) => {
      const ruleId = /^([\w-]+)\(([\w-]+)\)$/u.exec(diagnostic.code ?? '');
      const span = diagnostic.labels[0]?.span;
      const where = `${diagnostic.filename.split(path.sep).join('/')}:${span?.line ?? 0}:${span?.column ?? 0}`;
      return ruleId
        ? `${where} ${ruleId[1]}/${ruleId[2]} ${diagnostic.message}`
        : `${where} ${diagnostic.message.split('\n').slice(0, 3).join(' | ')}`;
    })
    .sort();
}

function eslintFindings(results: Pick<ESLint.LintResult, 'filePath' | 'messages'>[], cwd: string): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      findings.push(`${file}:${message.line}:${message.column} ${message.ruleId ?? '(no rule)'} ${message.message}`);
    }
  }
  return findings.sort();
}

/** The rule tests' untyped cases, collected in a child process (see `rule-cases.ts`). */
function collectRuleCases(work: string): RuleCase[] {
  const out = path.join(work, 'rule-cases.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'rule-cases.ts'), out], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `collecting the rule tests' cases failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as RuleCase[];
}

/** The folder of its own a rule-test case is written in, relative to the work folder. */
function ruleCaseDir(ruleCase: RuleCase, index: number): string {
  return `rule-tests/${ruleCase.rule}/${ruleCase.kind}-${index}`;
}

/**
 * Where a rule-test case is written: a module as TSX (the rule tests parse JSX), CommonJS as `.cts`; a
 * case that imports its neighbours in `tests/fixtures` under its own name in a copy of that folder.
 */
function ruleCaseFile(ruleCase: RuleCase, index: number): { file: string; text: string } {
  const dir = ruleCaseDir(ruleCase, index);
  if (ruleCase.fixture !== null) return { file: `${dir}/${ruleCase.fixture.split(path.sep).join('/')}`, text: ruleCase.code };
  if (ruleCase.sourceType === 'commonjs') return { file: `${dir}/file.cts`, text: ruleCase.code };
  // A script stays a script in oxlint only without import/export; a module gets a trailing `export {}`.
  if (ruleCase.sourceType === 'script') return { file: `${dir}/file.ts`, text: ruleCase.code };
  return { file: `${dir}/file.tsx`, text: `${ruleCase.code}\nexport {};\n` };
}

const inDir = (dir: string) => (finding: Finding) => finding.startsWith(`${dir}/`);

/** Asserts two hosts found the same, showing only the findings one host has and the other lacks. */
function assertSameFindings(oxlintFound: Finding[], eslintFound: Finding[]): void {
  assert.deepEqual(
    {
      onlyOxlint: oxlintFound.filter((finding) => !eslintFound.includes(finding)),
      onlyEslint: eslintFound.filter((finding) => !oxlintFound.includes(finding)),
    },
    { onlyOxlint: [], onlyEslint: [] },
  );
  assert.deepEqual(oxlintFound, eslintFound); // the same findings the same number of times
}

/**
 * A known difference of the hosts, not of the rules: oxlint parses a `.js`/`.ts` file without
 * `import`/`export` as a script (top-level declarations are globals), ESLint's flat config as a module.
 * `no-floating-promises` leaves a global variable alone (another script may read it), so a promise
 * stored at the top level of such a file is reported by ESLint only. README's oxlint section says so.
 */
const SCRIPT_WITHOUT_IMPORTS = 'async function load() {\n  return 1;\n}\nconst ready = load();\n';

/**
 * A second JS plugin whose one rule asks a `perFile` question of the built plugin (the file's name,
 * taken when the answer is computed) and reports when the answer belongs to another file. oxlint hands
 * every file the same `SourceCode` object: a cache keyed by it answers for the first file, unless it is
 * a `WeakMap` (oxlint patches the global `WeakMap` to forget that key after each file).
 */
const PER_FILE_PROBE = `'use strict';
const { perFile } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'analysis', 'per-file.js'))});
const fileOf = perFile((context) => ({ filename: context.filename }));
module.exports = {
  meta: { name: 'per-file-probe' },
  rules: {
    stale: {
      meta: { type: 'problem', schema: [], messages: { stale: 'perFile answered for {{other}}' } },
      create: (context) => ({
        Program(node) {
          const answer = fileOf(context);
          if (answer.filename !== context.filename) context.report({ node, messageId: 'stale', data: { other: answer.filename } });
        },
      }),
    },
  },
};
`;

/** What the hosts share beyond rules: `settings['async-pitfalls']` and inline disable comments. */
const SETTINGS = { 'async-pitfalls': { blockingApis: [{ module: '@acme/probe', names: ['loadSync'] }] } };
const HOST_FILES: Record<string, string> = {
  'host/settings.ts': "import { loadSync } from '@acme/probe';\nexport async function f() {\n  return loadSync();\n}\n",
  'host/disabled.ts':
    "import { readFileSync } from 'node:fs';\nexport async function f() {\n" +
    "  // eslint-disable-next-line async-pitfalls/no-blocking-in-async -- read once at start-up\n" +
    "  return readFileSync('a');\n}\n",
  'host/script.js': SCRIPT_WITHOUT_IMPORTS,
};

let work = '';
let oxlint: Finding[] = [];
let eslint: Finding[] = [];
let docsFiles = 0;
let registered: string[] = [];
let ruleCases = 0;

before(async () => {
  assert.ok(existsSync(DIST), 'dist/index.js is missing: run `npm run build` first');
  // The plugin as published: the same built module for both hosts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = require(DIST) as BuiltPlugin;
  registered = Object.keys(plugin.rules).map((name) => `async-pitfalls/${name}`);
  work = mkdtempSync(path.join(os.tmpdir(), 'async-pitfalls-oxlint-'));

  // examples/ as it is; each docs example as a file of its own, TypeScript and a module as the docs
  // tests lint them (the trailing `export {}` makes oxlint parse it as a module too, see above).
  cpSync(EXAMPLES_DIR, path.join(work, 'examples'), { recursive: true });
  for (const rule of Object.keys(plugin.rules)) {
    mkdirSync(path.join(work, 'docs', rule), { recursive: true });
    for (const example of readDocsExamples(rule)) {
      const extension = example.language === 'tsx' || example.language === 'jsx' ? 'tsx' : 'ts';
      writeFileSync(path.join(work, 'docs', rule, `${example.section}-${example.line}.${extension}`), `${example.code}\nexport {};\n`);
      docsFiles += 1;
    }
  }

  mkdirSync(path.join(work, 'host'));
  for (const [file, text] of Object.entries(HOST_FILES)) writeFileSync(path.join(work, file), text);

  // Each rule-test case in a folder of its own, with its rule alone (every other rule off) and its options.
  const allOff = Object.fromEntries(registered.map((ruleId) => [ruleId, 'off']));
  const overrides: { files: string[]; rules: Record<string, unknown> }[] = [];
  const caseMessages: Pick<ESLint.LintResult, 'filePath' | 'messages'>[] = [];
  const caseFiles = new Set<string>();
  collectRuleCases(work).forEach((ruleCase, index) => {
    const { file, text } = ruleCaseFile(ruleCase, index);
    const filePath = path.join(work, file);
    mkdirSync(path.dirname(filePath), { recursive: true });
    // The fixtures folder as a whole, at the case folder's root: a fixture in a subfolder
    // (`derived/file.js`) finds its neighbours (`./route-plan.js`) where the rule tests find them.
    if (ruleCase.fixture !== null) cpSync(FIXTURES_DIR, path.join(work, ruleCaseDir(ruleCase, index)), { recursive: true });
    writeFileSync(filePath, text);
    caseFiles.add(file);
    const ruleId = `async-pitfalls/${ruleCase.rule}`;
    const entry = ['error', ...ruleCase.options];
    overrides.push({ files: [`${path.dirname(file)}/**`], rules: { ...allOff, [ruleId]: entry } });
    // ESLint as the rule tests run it: the TypeScript parser with JSX, a module unless the case says.
    const linter = new Linter({ configType: 'flat', cwd: work });
    const messages = linter.verify(
      text,
      {
        files: ['**/*.tsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
          sourceType: ruleCase.sourceType,
          globals: ruleCase.globals,
        },
        // As in the rule tests: a case's disable comments for other rules are part of the code.
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'async-pitfalls': plugin as never },
        settings: SETTINGS,
        rules: { [ruleId]: entry as Linter.RuleEntry },
      },
      filePath,
    );
    caseMessages.push({ filePath, messages });
    ruleCases += 1;
  });

  // Every rule of the plugin on, none of oxlint's own (its default `correctness` category is off).
  // README's config, as a user installs it: the package name resolves from node_modules beside it.
  mkdirSync(path.join(work, 'node_modules'));
  symlinkSync(REPO_ROOT, path.join(work, 'node_modules', 'eslint-plugin-async-pitfalls'), 'dir');
  const { jsPlugins } = readmeOxlintrc();
  writeFileSync(path.join(work, 'per-file-probe.cjs'), PER_FILE_PROBE);
  const oxlintrc = {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [...jsPlugins, './per-file-probe.cjs'],
    settings: SETTINGS,
    rules: { ...plugin.configs.all.rules, 'per-file-probe/stale': 'error' },
    overrides,
  };
  writeFileSync(path.join(work, '.oxlintrc.json'), JSON.stringify(oxlintrc, null, 2));
  const run = spawnSync(process.execPath, [OXLINT, '-c', '.oxlintrc.json', '-f', 'json', 'examples', 'docs', 'host', 'rule-tests'], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined);
  assert.equal(run.stderr, '', 'oxlint wrote to stderr');
  assert.ok(run.status === 0 || run.status === 1, `oxlint exited with ${run.status}: ${run.stdout}`);
  // In a case folder, only the case's file is compared (a fixture copy's other modules are context).
  oxlint = oxlintFindings(JSON.parse(run.stdout) as OxlintJson).filter(
    (finding) => !inDir('rule-tests')(finding) || caseFiles.has(finding.slice(0, finding.indexOf(':'))),
  );

  const engine = new ESLint({
    cwd: work,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser as Linter.Parser } },
      plugin.configs.all as unknown as Linter.Config,
      { settings: SETTINGS },
    ],
  });
  eslint = eslintFindings([...(await engine.lintFiles(['examples', 'docs', 'host'])), ...caseMessages], work);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('oxlint jsPlugins host (the built package through .oxlintrc.json, every rule on)', () => {
  it("README's .oxlintrc.json: the package by name, the recommended config's rules", () => {
    const readme = readmeOxlintrc();
    assert.deepEqual(readme.jsPlugins, ['eslint-plugin-async-pitfalls']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.deepEqual(readme.rules, (require(DIST) as { configs: { recommended: { rules: unknown } } }).configs.recommended.rules);
  });

  it('examples/: the same findings as ESLint, at the same positions, with the same messages', () => {
    const isFlawed = (finding: Finding) => inDir('examples')(finding) && !inDir('examples/fixed')(finding);
    assertSameFindings(oxlint.filter(isFlawed), eslint.filter(isFlawed));
  });

  it('examples/: the findings are exactly the marked lines', () => {
    const lines = oxlint
      .filter((finding) => inDir('examples')(finding))
      .map((finding) => {
        const [where = '', ruleId = ''] = finding.split(' ');
        const [file = '', line = ''] = where.slice('examples/'.length).split(':');
        return `${file}:${line} ${ruleId}`;
      })
      .sort();
    assert.deepEqual(lines, expectedFindings(readMarkers(), registered));
  });

  it('perFile answers each file for itself (oxlint shares one SourceCode object between files)', () => {
    assert.deepEqual(
      oxlint.filter((finding) => finding.includes(' per-file-probe/')),
      [],
    );
  });

  it('examples/fixed: clean', () => {
    assert.deepEqual(oxlint.filter(inDir('examples/fixed')), []);
  });

  it('docs examples of every rule: the same findings as ESLint, report by report', () => {
    assert.ok(docsFiles > 0, 'no docs examples found');
    assertSameFindings(oxlint.filter(inDir('docs')), eslint.filter(inDir('docs')));
  });

  it("rule tests' untyped cases: the same findings as ESLint, case by case", () => {
    assert.ok(ruleCases > 100, `only ${ruleCases} rule-test cases collected`);
    assertSameFindings(oxlint.filter(inDir('rule-tests')), eslint.filter(inDir('rule-tests')));
  });

  it("shared settings['async-pitfalls'] from .oxlintrc.json reach the rules; eslint-disable comments hold", () => {
    const host = (finding: Finding) => inDir('host')(finding) && !finding.startsWith('host/script.js');
    assert.deepEqual(
      oxlint.filter(host).map((finding) => finding.split(' ').slice(0, 2).join(' ')),
      ['host/settings.ts:3:10 async-pitfalls/no-blocking-in-async'],
    );
    assertSameFindings(oxlint.filter(host), eslint.filter(host));
  });

  it('a file without import/export is a script under oxlint: its top-level stored promise is left alone', () => {
    const script = (finding: Finding) => finding.startsWith('host/script.js:');
    assert.deepEqual(
      eslint.filter(script).map((finding) => finding.split(' ').slice(0, 2).join(' ')),
      ['host/script.js:4:7 async-pitfalls/no-floating-promises'],
    );
    assert.deepEqual(oxlint.filter(script), []);
  });
});
