/**
 * `node --import tsx scripts/measure-corpus.ts [corpus-dir] [--plugin <worktree>] [--strict] [--typed]`
 *
 * Lints a labelled corpus folder with a built copy of the plugin and prints, per rule, true
 * positives, false positives and false negatives (each with `file:line`), precision and recall.
 *
 * - `--plugin <dir>`: the worktree whose `dist/index.js` is linted with (default: this repository).
 * - The rules run through the plugin's `all` config (every rule, default options); `--strict` uses
 *   the `strict` config instead (its options, e.g. blocking calls in code that runs alone).
 * - Untyped: typescript-eslint's parser for `.ts`, espree for `.js`/`.mjs` (ES modules) and `.cjs`
 *   (CommonJS). `--typed`: typescript-eslint's parser for every file, `.cjs` still CommonJS, over
 *   one program of the whole corpus:
 *   - a corpus with its own `tsconfig.json` (corpus-c) is linted with `projectService`, which
 *     finds that file, as our CLI's `--typed` does in a project;
 *   - a corpus without one (corpus-a, -b) gets the tsconfig a user would add to lint such a
 *     project typed (`allowJs`, no `checkJs`, node types, bundler resolution so that imports
 *     written without extensions resolve: corpus-c's options), generated in a temporary folder
 *     with the corpus as its `include`, and given to the parser as `project`. That is the program
 *     `projectService` would build from the same file at the corpus root; it is written outside
 *     the corpus so that a run never leaves a file in the repository or races another run, and
 *     not `allowDefaultProject`, which gives each file a program of its own (no types across
 *     files), refuses `**` patterns and stops after 8 files (`tests/realistic/corpus-tsconfig.ts`,
 *     shared with the typed realistic test). Without either, the project service finds no
 *     program for the files and every file fails to parse.
 *
 * Labels are end-of-line comments on the line the rule must report:
 * - `// expect: <rule>[, <rule>]`: required in every mode;
 * - `// expect-typed: <rule>`: required in typed mode; untyped it is neither required nor a false
 *   positive (the evidence needs types);
 * - `// expect-strict: <rule>`: required with `--strict`; without it a report there is a false
 *   positive (the default options must stay silent there).
 * Several reports of one rule on one line count once; reports on a label this mode neither requires
 * nor forbids are listed apart. Files under `types/` (declarations of the
 * corpus's third-party packages) are not linted. The label comments are stripped from the text
 * that is linted, so a rule that reads comments never sees them.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { writeCorpusTsconfig } from '../tests/realistic/corpus-tsconfig';

interface Args {
  corpus: string;
  pluginRoot: string;
  strict: boolean;
  typed: boolean;
}

type LabelKind = 'expect' | 'expect-typed' | 'expect-strict';

interface Label {
  file: string;
  line: number;
  rule: string;
  kind: LabelKind;
}

interface PluginShape {
  rules: Record<string, unknown>;
  configs: Record<string, Linter.Config>;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const NAMESPACE = 'async-pitfalls';
const LABEL = /\/\/\s*(expect|expect-typed|expect-strict):\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/g;
const SOURCE = /\.(ts|js|mjs|cjs)$/;

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: path.join(REPO_ROOT, 'tests', 'realistic', 'corpus-c'),
    pluginRoot: REPO_ROOT,
    strict: false,
    typed: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--strict') args.strict = true;
    else if (arg === '--typed') args.typed = true;
    else if (arg === '--plugin') {
      const value = argv[++i];
      if (!value) throw new Error('--plugin needs a worktree path');
      args.pluginRoot = path.resolve(value);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else args.corpus = path.resolve(arg);
  }
  return args;
}

/** Every source file of the corpus except declaration files and `types/`, sorted, relative. */
function corpusFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules' && !(dir === root && name === 'types')) walk(full);
      } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) {
        found.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

function readLabels(root: string, files: string[]): Label[] {
  const labels: Label[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(LABEL)) {
        for (const rule of (match[2] ?? '').split(',')) {
          labels.push({ file, line: index + 1, rule: rule.trim(), kind: match[1] as LabelKind });
        }
      }
    });
  }
  return labels;
}

/** Whether a label is required in this mode, or (when not) whether a report on it is wrong. */
function labelStatus(label: Label, args: Args): 'required' | 'ignored' | 'forbidden' {
  if (label.kind === 'expect') return 'required';
  if (label.kind === 'expect-typed') return args.typed ? 'required' : 'ignored';
  return args.strict ? 'required' : 'forbidden';
}

function loadPlugin(pluginRoot: string): PluginShape {
  const requireFrom = createRequire(path.join(pluginRoot, 'package.json'));
  const loaded = requireFrom(path.join(pluginRoot, 'dist', 'index.js')) as PluginShape | { default: PluginShape };
  return 'default' in loaded ? loaded.default : loaded;
}

function buildConfig(plugin: PluginShape, args: Args, scratch: string): Linter.Config[] {
  const preset = plugin.configs[args.strict ? 'strict' : 'all'];
  if (!preset) throw new Error(`the plugin has no ${args.strict ? 'strict' : 'all'} config`);
  const configs: Linter.Config[] = [{ ignores: ['types/**', '**/*.d.ts'] }];
  if (args.typed) {
    const parserOptions = existsSync(path.join(args.corpus, 'tsconfig.json'))
      ? { projectService: true, tsconfigRootDir: args.corpus }
      : { project: writeCorpusTsconfig(args.corpus, scratch), tsconfigRootDir: args.corpus };
    configs.push({
      files: ['**/*.ts', '**/*.js', '**/*.mjs'],
      languageOptions: { parser: tsParser, sourceType: 'module', parserOptions },
    });
    configs.push({ files: ['**/*.cjs'], languageOptions: { parser: tsParser, sourceType: 'commonjs', parserOptions } });
  } else {
    configs.push({ files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' } });
    configs.push({ files: ['**/*.js', '**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
    configs.push({ files: ['**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
  }
  configs.push({ files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'], ...preset });
  return configs;
}

function pct(n: number, d: number): string {
  return d === 0 ? '  -  ' : (n / d).toFixed(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const plugin = loadPlugin(args.pluginRoot);
  const files = corpusFiles(args.corpus);
  const labels = readLabels(args.corpus, files);
  const ruleNames = Object.keys(plugin.rules).sort();
  const missing = [...new Set(labels.filter((l) => !ruleNames.includes(l.rule)).map((l) => l.rule))];
  for (const rule of missing) {
    const count = labels.filter((l) => l.rule === rule).length;
    console.warn(`warning: ${count} labels name ${rule}, which this build of the plugin does not have: not measured`);
  }

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'measure-corpus-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  // The corpus is linted as a project of its own, as a user lints one: from a copy outside this
  // repository. In place, the rules read this repository's package.json as the corpus's manifest
  // (its `files`, `bin` and `main` say which modules are published, which run as programs), and
  // corpus-a lost 5 of its blocking calls to that.
  const labelled = args.corpus;
  const copy = path.join(scratch, 'project', path.basename(labelled));
  cpSync(labelled, copy, { recursive: true });
  // Type declarations (a corpus's tsconfig names `node` types) resolve from this repository's packages.
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(scratch, 'project', 'node_modules'), 'dir');
  args.corpus = copy;
  const eslint = new ESLint({
    cwd: args.corpus,
    overrideConfigFile: true,
    overrideConfig: buildConfig(plugin, args, scratch),
    errorOnUnmatchedPattern: false,
  });
  // The label comments are removed before linting (lines keep their numbers): a rule may read a
  // comment on the line as the author's note (e.g. a deliberate fire-and-forget), and a label must
  // not be such a note.
  const results: ESLint.LintResult[] = [];
  for (const file of files) {
    const filePath = path.join(args.corpus, file);
    const code = readFileSync(filePath, 'utf8').replace(/[ \t]*\/\/\s*expect(?:-typed|-strict)?:[^\n]*/g, '');
    results.push(...(await eslint.lintText(code, { filePath })));
  }

  const reported = new Map<string, { rule: string; where: string; message: string }>(); // key `${rule}|${file}:${line}`
  let fatal = 0;
  for (const result of results) {
    const file = path.relative(args.corpus, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) {
        fatal++;
        console.error(`PARSE/CONFIG ERROR ${file}:${message.line}: ${message.message}`);
        continue;
      }
      if (!message.ruleId.startsWith(`${NAMESPACE}/`)) continue;
      const rule = message.ruleId.slice(NAMESPACE.length + 1);
      const key = `${rule}|${file}:${message.line}`;
      if (!reported.has(key)) reported.set(key, { rule, where: `${file}:${message.line}`, message: message.message });
    }
  }

  const mode = `${args.typed ? 'typed' : 'untyped'}, ${args.strict ? 'strict config' : 'all config'}`;
  console.log(`corpus ${path.relative(REPO_ROOT, labelled) || labelled}: ${files.length} files, plugin ${args.pluginRoot} (${mode})\n`);

  const rows: string[] = [];
  let totalTp = 0;
  let totalFp = 0;
  let totalFn = 0;
  for (const rule of ruleNames) {
    const ruleLabels = labels.filter((l) => l.rule === rule);
    const statusOf = new Map<string, ReturnType<typeof labelStatus>>();
    for (const label of ruleLabels) {
      const key = `${label.file}:${label.line}`;
      const status = labelStatus(label, args);
      // A line labelled both ways (e.g. expect-typed and expect-strict) takes the strongest claim.
      const previous = statusOf.get(key);
      if (previous !== 'required') statusOf.set(key, previous === 'ignored' && status === 'forbidden' ? 'ignored' : status);
    }
    const tp: string[] = [];
    const fp: string[] = [];
    const fn: string[] = [];
    const ignored: string[] = [];
    for (const report of reported.values()) {
      if (report.rule !== rule) continue;
      const status = statusOf.get(report.where);
      if (status === 'required') tp.push(report.where);
      else if (status === 'ignored') ignored.push(report.where);
      else fp.push(`${report.where}  ${(report.message.split('\n')[0] ?? '').slice(0, 140)}`);
    }
    for (const [where, status] of statusOf) {
      if (status === 'required' && !reported.has(`${rule}|${where}`)) fn.push(where);
    }
    totalTp += tp.length;
    totalFp += fp.length;
    totalFn += fn.length;
    rows.push(
      `| ${rule.padEnd(28)} | ${String(tp.length).padStart(3)} | ${String(fp.length).padStart(3)} | ${String(fn.length).padStart(3)} | ${pct(tp.length, tp.length + fp.length)} | ${pct(tp.length, tp.length + fn.length)} |`,
    );
    console.log(`## ${rule}: TP ${tp.length}, FP ${fp.length}, FN ${fn.length}`);
    for (const line of fp.sort()) console.log(`  FP ${line}`);
    for (const line of fn.sort()) console.log(`  FN ${line}`);
    // Reports on lines required only in another mode: neither counted nor wrong here, listed so
    // that two modes' report sets can be compared (typed must keep what untyped finds).
    for (const line of ignored.sort()) console.log(`  reported, not counted in this mode: ${line}`);
  }
  console.log('\n| rule | TP | FP | FN | precision | recall |\n| --- | --: | --: | --: | --: | --: |');
  for (const row of rows) console.log(row);
  console.log(
    `| ${'all rules'.padEnd(28)} | ${String(totalTp).padStart(3)} | ${String(totalFp).padStart(3)} | ${String(totalFn).padStart(3)} | ${pct(totalTp, totalTp + totalFp)} | ${pct(totalTp, totalTp + totalFn)} |`,
  );
  if (fatal > 0) {
    console.error(`\n${fatal} parse or configuration errors: the numbers above are incomplete`);
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
