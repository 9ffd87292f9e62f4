/**
 * `node --import tsx scripts/compare-reports.ts --baseline=<dir> [--candidate=<dir>] [--level=strict] [--concurrency=2] [--only=<group prefix>]`:
 * proves that a change keeps the plugin's findings identical. Lints the bench corpus (the package
 * files and generated files of `npm run bench`, without types) once with each build's
 * `dist/index.js` (`--baseline`: e.g. a build of `main`; `--candidate`: this checkout, default),
 * and diffs every report: file, rule id, line, column, message, and each suggestion's message and
 * output. Prints the differences and exits with 1 when there are any.
 *
 * Both sides lint through a generated `eslint.config.cjs`, so `--concurrency=N` (ESLint's worker
 * threads) works as users run it; `--candidate-concurrency=N` applies it to the candidate only, to
 * compare a multi-threaded run against a single-threaded one.
 *
 * With source trees as arguments (`... --baseline=<dir> /tmp/realcode/*\/`), lints those trees
 * instead, each the way the zero-config CLI does with that build (`dist/cli/lint-config.js`:
 * `recommended`, or `strict` with `--level=strict`; `node_modules`, build output, minified files
 * and `.d.ts` ignored), and diffs the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { collectPackageFiles, REPO_ROOT, writeCorpus, type CorpusFile } from './corpus';
import { corpusConfig, pluginRuleEntries, type OptionsLevel } from './corpus-config';
import { edgeCaseFiles, pitfallFiles } from './generate-corpus';

const argValue = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

const BASELINE = argValue('baseline');
const CANDIDATE = path.resolve(argValue('candidate') ?? REPO_ROOT);
const LEVEL: OptionsLevel = argValue('level') === 'strict' ? 'strict' : 'default';
const CONCURRENCY = argValue('concurrency');
const CANDIDATE_CONCURRENCY = argValue('candidate-concurrency') ?? CONCURRENCY;
const ONLY = argValue('only');

const TREES = process.argv.slice(2).filter((arg) => !arg.startsWith('--')).map((tree) => path.resolve(tree));

const PARSER_MARK = '__typescript_eslint_parser__';

const TREE_IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/*.min.mjs', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/** An `eslint.config.cjs` that lints `tree` as the zero-config CLI of the build in `buildDir` does. */
function writeTreeConfig(dir: string, name: string, buildDir: string, tree: string): string {
  const file = path.join(dir, `${name}.config.cjs`);
  writeFileSync(
    file,
    [
      `const { buildLintConfig } = require(${JSON.stringify(path.join(buildDir, 'dist', 'cli', 'lint-config.js'))});`,
      `const config = buildLintConfig({ config: ${JSON.stringify(LEVEL === 'strict' ? 'strict' : 'recommended')}, typed: false, cwd: ${JSON.stringify(tree)} });`,
      `config.unshift({ ignores: ${JSON.stringify(TREE_IGNORES)} });`,
      'module.exports = config;',
      '',
    ].join('\n'),
  );
  return file;
}

/** Every report of the plugin's rules in `tree`, one line each (see `reportLines`), paths from the tree's parent. */
async function treeLines(tree: string, config: string, concurrency: string | undefined): Promise<string[]> {
  const eslint = new ESLint({
    cwd: tree,
    overrideConfigFile: config,
    errorOnUnmatchedPattern: false,
    ...(concurrency ? { concurrency: Number(concurrency) } : {}),
  });
  const results = await eslint.lintFiles(['.']);
  return resultLines(path.dirname(tree), results);
}

/**
 * Writes an `eslint.config.cjs` that lints the corpus with the plugin built in `buildDir`: the
 * bench's corpus config, with the parser and plugin objects loaded by the config file itself (so
 * worker threads can load it too).
 */
function writeConfig(dir: string, name: string, buildDir: string, files: readonly CorpusFile[]): string {
  const configs = corpusConfig(files, { rules: pluginRuleEntries(LEVEL) }).map((config) => {
    const copy: Record<string, unknown> = { ...config };
    if (config.languageOptions?.parser) copy.languageOptions = { ...config.languageOptions, parser: PARSER_MARK };
    if (config.plugins) copy.plugins = PARSER_MARK;
    return copy;
  });
  const file = path.join(dir, `${name}.config.cjs`);
  writeFileSync(
    file,
    [
      `const plugin = require(${JSON.stringify(path.join(buildDir, 'dist', 'index.js'))});`,
      `const parser = require(${JSON.stringify(require.resolve('@typescript-eslint/parser'))});`,
      `const configs = ${JSON.stringify(configs)};`,
      'for (const config of configs) {',
      `  if (config.languageOptions && config.languageOptions.parser === ${JSON.stringify(PARSER_MARK)}) config.languageOptions.parser = parser;`,
      `  if (config.plugins === ${JSON.stringify(PARSER_MARK)}) config.plugins = { 'async-pitfalls': plugin };`,
      '}',
      'module.exports = configs;',
      '',
    ].join('\n'),
  );
  return file;
}

/** One line per report (and per suggestion), sorted: what must not change. */
async function reportLines(dir: string, config: string, files: readonly CorpusFile[], concurrency: string | undefined): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: config,
    ...(concurrency ? { concurrency: Number(concurrency) } : {}),
  });
  const results = await eslint.lintFiles(files.map((file) => file.path));
  return resultLines(dir, results);
}

/** One line per report (and per suggestion) of `results`, paths relative to `dir`, sorted. */
function resultLines(dir: string, results: readonly ESLint.LintResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(dir, result.filePath);
    for (const message of result.messages) {
      const where = `${file}:${message.line}:${message.column}-${message.endLine ?? ''}:${message.endColumn ?? ''} ${message.ruleId ?? '(fatal)'}`;
      lines.push(`${where} ${message.message}`);
      for (const suggestion of message.suggestions ?? []) {
        lines.push(`${where}   suggestion: ${suggestion.desc} ${JSON.stringify(suggestion.fix)}`);
      }
    }
  }
  return lines.sort();
}

/** Lints `TREES` with each build, one tree at a time; returns both sides' lines. */
async function treesLines(baselineDir: string): Promise<{ baseline: string[]; candidate: string[] }> {
  const dir = path.join(REPO_ROOT, '.bench', 'compare');
  mkdirSync(dir, { recursive: true });
  const baseline: string[] = [];
  const candidate: string[] = [];
  for (const tree of TREES) {
    let start = performance.now();
    baseline.push(...(await treeLines(tree, writeTreeConfig(dir, 'baseline-tree', baselineDir, tree), CONCURRENCY)));
    const baselineSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    candidate.push(...(await treeLines(tree, writeTreeConfig(dir, 'candidate-tree', CANDIDATE, tree), CANDIDATE_CONCURRENCY)));
    console.log(`${path.basename(tree)}: baseline ${baselineSeconds.toFixed(1)} s, candidate ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return { baseline: baseline.sort(), candidate: candidate.sort() };
}

async function main(): Promise<void> {
  if (!BASELINE) throw new Error('--baseline=<dir with a built dist/> is required');
  if (TREES.length > 0) {
    console.log(`${TREES.length} trees, config ${LEVEL === 'strict' ? 'strict' : 'recommended'}; baseline ${BASELINE}, candidate ${CANDIDATE}`);
    const { baseline, candidate } = await treesLines(path.resolve(BASELINE));
    console.log(`baseline: ${baseline.length} lines, candidate: ${candidate.length} lines`);
    diff(baseline, candidate);
    return;
  }
  const all = [...collectPackageFiles(), ...edgeCaseFiles(), ...pitfallFiles()];
  const files = ONLY ? all.filter((file) => file.group.includes(ONLY)) : all;
  const dir = path.join(REPO_ROOT, '.bench', 'compare');
  writeCorpus(dir, files);
  mkdirSync(dir, { recursive: true });
  const baselineConfig = writeConfig(dir, 'baseline', path.resolve(BASELINE), files);
  const candidateConfig = writeConfig(dir, 'candidate', CANDIDATE, files);
  console.log(`${files.length} files, options ${LEVEL}; baseline ${BASELINE}, candidate ${CANDIDATE}`);
  let start = performance.now();
  const baseline = await reportLines(dir, baselineConfig, files, CONCURRENCY);
  console.log(`baseline: ${baseline.length} lines (${((performance.now() - start) / 1000).toFixed(1)} s, concurrency ${CONCURRENCY ?? 'off'})`);
  start = performance.now();
  const candidate = await reportLines(dir, candidateConfig, files, CANDIDATE_CONCURRENCY);
  console.log(`candidate: ${candidate.length} lines (${((performance.now() - start) / 1000).toFixed(1)} s, concurrency ${CANDIDATE_CONCURRENCY ?? 'off'})`);
  diff(baseline, candidate);
}

/** Prints the lines only one side has; exit code 1 when the sides differ. */
function diff(baseline: readonly string[], candidate: readonly string[]): void {
  const inBaseline = new Set(baseline);
  const inCandidate = new Set(candidate);
  const missing = baseline.filter((line) => !inCandidate.has(line));
  const added = candidate.filter((line) => !inBaseline.has(line));
  for (const line of missing) console.log(`- ${line}`);
  for (const line of added) console.log(`+ ${line}`);
  const sameCount = baseline.length === candidate.length;
  console.log(
    missing.length === 0 && added.length === 0 && sameCount
      ? 'identical'
      : `DIFFERENT: ${missing.length} only in baseline, ${added.length} only in candidate`,
  );
  if (missing.length > 0 || added.length > 0 || !sameCount) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
