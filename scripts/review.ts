/**
 * `npm run review -- <tree>...`: lints source trees (real repositories, one per argument) with a
 * built copy of the plugin, the way the zero-config CLI does (`dist/cli/lint-config.js` of that
 * build), and writes for a reviewer: the report counts per rule and per tree, then a seeded random
 * sample of reports per rule, each with the enclosing function and the same-file definitions of
 * the functions called on the reported line.
 *
 * Options:
 *   --plugin <path>    the build to use: a worktree, its `dist/` or `dist/index.js` (default: this repo's dist)
 *   --config <name>    recommended (default) | strict | all
 *   --rules <a,b>      only these rules; one its config leaves off runs at its default options
 *   --typed            typed linting (projectService; slow)
 *   --sample <n>       reports sampled per rule (default 40); --seed <n> (default 1)
 *   --out <file>       write there instead of stdout
 *   --json             every report and the counts as JSON instead of Markdown
 *   --from <file>      no linting: the Markdown of a saved `--json` run (draw another sample, seed)
 *   --judged <file>    a reviewer's verdicts (JSON: [{ rule, file, line, verdict, class }]): says which
 *                      judged reports this run still gives, per rule, verdict and class, and marks them
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import { calledSnippets, enclosingSnippet, indexFile, type FileIndex } from './review-context';

const NAMESPACE = 'async-pitfalls';
const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/*.min.mjs', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

interface Report {
  tree: string;
  /** Path relative to the tree's parent directory: `<tree>/src/x.ts`. */
  file: string;
  absolutePath: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
}

interface TreeRun {
  tree: string;
  files: number;
  notParsed: number;
  /** The first parse error, so a run where nothing parses says why. */
  firstParseError?: string;
  seconds: number;
}

/** What the chosen build's `dist/cli/lint-config.js` exports (the CLI's own zero-config setup). */
interface LintConfigModule {
  buildLintConfig(setup: { config: string; typed: boolean; cwd: string }): Linter.Config[];
}

interface PluginModule {
  rules: Record<string, unknown>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    plugin: { type: 'string', default: path.join(__dirname, '..') },
    config: { type: 'string', default: 'recommended' },
    rules: { type: 'string' },
    typed: { type: 'boolean', default: false },
    sample: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
    from: { type: 'string' },
    judged: { type: 'string' },
  },
});

/** The `dist/` directory of `--plugin`: a worktree, a dist directory, or a file inside one. */
function distDirectory(given: string): string {
  const resolved = path.resolve(given);
  const candidates = statSync(resolved).isFile() ? [path.dirname(resolved)] : [path.join(resolved, 'dist'), resolved];
  const dist = candidates.find((dir) => existsSync(path.join(dir, 'cli', 'lint-config.js')));
  if (!dist) throw new Error(`--plugin ${given}: no built plugin there (run \`npm run build\` in that worktree)`);
  return dist;
}

/**
 * The flat config for one tree: the build's CLI config (its plugin, parsers, `.gitignore`), the
 * review's ignores, and, with `--rules`, every other rule of the plugin off.
 */
function configFor(dist: string, tree: string): Linter.Config[] {
  const requireFromDist = createRequire(path.join(dist, 'index.js'));
  const { buildLintConfig } = requireFromDist('./cli/lint-config.js') as LintConfigModule;
  const config = buildLintConfig({ config: values.config, typed: values.typed, cwd: tree });
  config.unshift({ name: 'review/ignores', ignores: IGNORES });
  if (values.rules) {
    const wanted = new Set(values.rules.split(',').map((rule) => rule.trim()));
    const plugin = requireFromDist('./index.js') as PluginModule;
    const ruleConfig = config.find((entry) => entry.name === `async-pitfalls-cli/${values.config}`)?.rules ?? {};
    const rules: Linter.RulesRecord = {};
    for (const name of Object.keys(plugin.rules)) {
      const id = `${NAMESPACE}/${name}`;
      rules[id] = wanted.has(name) ? (ruleConfig[id] ?? 'error') : 'off';
    }
    const unknown = [...wanted].filter((name) => !(name in plugin.rules));
    if (unknown.length > 0) throw new Error(`--rules: no rule named ${unknown.join(', ')} in ${dist}`);
    config.push({ name: 'review/rules', files: ['**/*'], rules });
  }
  return config;
}

async function lintTree(dist: string, tree: string, reports: Report[]): Promise<TreeRun> {
  const started = Date.now();
  const name = path.basename(tree);
  const eslint = new ESLint({
    cwd: tree,
    overrideConfigFile: true,
    overrideConfig: configFor(dist, tree),
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(['.']);
  let notParsed = 0;
  let firstParseError: string | undefined;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) {
        notParsed++;
        firstParseError ??= `${path.relative(tree, result.filePath)}: ${message.message}`;
        continue;
      }
      if (!message.ruleId?.startsWith(`${NAMESPACE}/`)) continue;
      reports.push({
        tree: name,
        file: path.join(name, path.relative(tree, result.filePath)),
        absolutePath: result.filePath,
        rule: message.ruleId.slice(NAMESPACE.length + 1),
        line: message.line,
        column: message.column,
        endLine: message.endLine ?? message.line,
        message: message.message,
      });
    }
  }
  return { tree: name, files: results.length, notParsed, firstParseError, seconds: (Date.now() - started) / 1000 };
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` reports drawn without replacement (Fisher-Yates on a copy), in file order. */
function sample(reports: readonly Report[], size: number, seed: number): Report[] {
  const pool = [...reports];
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as Report, pool[i] as Report];
  }
  return pool.slice(0, size).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function countsTable(reports: readonly Report[], runs: readonly TreeRun[]): string {
  const rules = [...new Set(reports.map((report) => report.rule))].sort();
  const count = (rule: string, tree?: string) =>
    reports.filter((report) => report.rule === rule && (tree === undefined || report.tree === tree)).length;
  const header = `| rule | total | ${runs.map((run) => run.tree).join(' | ')} |`;
  const divider = `|---|---|${runs.map(() => '---|').join('')}`;
  const rows = rules.map((rule) => `| ${rule} | ${count(rule)} | ${runs.map((run) => count(rule, run.tree)).join(' | ')} |`);
  const files = `| (files linted / not parsed) | ${runs.reduce((sum, run) => sum + run.files, 0)} | ${runs.map((run) => `${run.files} / ${run.notParsed}`).join(' | ')} |`;
  return [header, divider, ...rows, files].join('\n');
}

function reportSection(report: Report, number: number, files: Map<string, FileIndex>, verdict?: Verdict): string {
  let index = files.get(report.absolutePath);
  if (!index) {
    index = indexFile(report.absolutePath);
    files.set(report.absolutePath, index);
  }
  const lastLine = report.endLine - report.line <= 3 ? report.endLine : report.line;
  const snippets = [enclosingSnippet(index, report.line), ...calledSnippets(index, report.line, lastLine)];
  const blocks = snippets.map((snippet) => `${snippet.title}:\n\`\`\`ts\n${snippet.code}\n\`\`\``);
  const judged = verdict ? [`Judged before: **${verdict.verdict}** (${verdict.class})`, ''] : [];
  const heading = `#### ${number}. ${report.file}:${report.line}:${report.column}`;
  return [heading, '', `> ${report.message}`, '', ...judged, ...blocks, ''].join('\n');
}

/** One report a reviewer judged (see /tmp/realcode/judged-*.json); `file` and `line` as in `Report`. */
interface Verdict {
  rule: string;
  file: string;
  line: number;
  verdict: 'worth' | 'pointless' | 'wrong';
  class: string;
}

const verdictKey = (item: { rule: string; file: string; line: number }) => `${item.rule} ${item.file}:${item.line}`;

/**
 * Per rule, how many judged reports of each verdict this run still gives, then per verdict and
 * class (a class whose count fell to 0 is gone). Only verdicts in the run's trees, for rules the
 * run reported or was asked for, are counted.
 */
function judgedSection({ reports, runs, rules: asked }: SavedRun, allVerdicts: readonly Verdict[]): string {
  const given = new Set(reports.map(verdictKey));
  const trees = new Set(runs.map((run) => run.tree));
  const ruleNames = new Set([...reports.map((report) => report.rule), ...(asked ?? '').split(',').filter(Boolean)]);
  const verdicts = allVerdicts.filter((item) => trees.has(item.file.split('/')[0] ?? '') && ruleNames.has(item.rule));
  const out = ['## Judged reports still given', '', '| rule | worth | pointless | wrong |', '|---|---|---|---|'];
  const rules = [...new Set(verdicts.map((verdict) => verdict.rule))].sort();
  const kept = (list: readonly Verdict[]) => `${list.filter((item) => given.has(verdictKey(item))).length} of ${list.length}`;
  for (const rule of rules) {
    const ofRule = verdicts.filter((verdict) => verdict.rule === rule);
    const cells = (['worth', 'pointless', 'wrong'] as const).map((kind) => kept(ofRule.filter((item) => item.verdict === kind)));
    out.push(`| ${rule} | ${cells.join(' | ')} |`);
  }
  for (const rule of rules) {
    out.push('', `### ${rule}: classes (still given of judged)`, '');
    const classes = new Map<string, Verdict[]>();
    for (const verdict of verdicts.filter((item) => item.rule === rule)) {
      const name = `${verdict.verdict}: ${verdict.class}`;
      classes.set(name, [...(classes.get(name) ?? []), verdict]);
    }
    for (const [name, list] of [...classes].sort(([a], [b]) => a.localeCompare(b))) out.push(`- ${name}: ${kept(list)}`);
  }
  return out.join('\n');
}

/** What `--json` writes and `--from` reads. */
interface SavedRun {
  dist: string;
  config: string;
  rules: string | null;
  typed: boolean;
  runs: TreeRun[];
  reports: Report[];
}

function markdown(saved: SavedRun, verdicts: readonly Verdict[]): string {
  const { reports, runs, dist, config, rules, typed } = saved;
  const size = Number(values.sample);
  const seed = Number(values.seed);
  const files = new Map<string, FileIndex>();
  const out = [
    `# Review: ${reports.length} reports`,
    '',
    `Build: \`${dist}\`; config \`${config}\`${rules ? `, rules \`${rules}\`` : ''}${typed ? ', typed' : ''}; sample ${size} per rule, seed ${seed}.`,
    '',
    countsTable(reports, runs),
    '',
  ];
  if (verdicts.length > 0) out.push(judgedSection(saved, verdicts), '');
  const verdictOf = new Map(verdicts.map((verdict) => [verdictKey(verdict), verdict]));
  for (const rule of [...new Set(reports.map((report) => report.rule))].sort()) {
    const ofRule = reports.filter((report) => report.rule === rule);
    const drawn = sample(ofRule, size, seed);
    out.push(`## ${rule}: ${drawn.length} of ${ofRule.length}`, '');
    drawn.forEach((report, i) => out.push(reportSection(report, i + 1, files, verdictOf.get(verdictKey(report)))));
  }
  return out.join('\n');
}

async function lintAll(): Promise<SavedRun> {
  const trees = positionals.map((tree) => path.resolve(tree)).filter((tree) => statSync(tree).isDirectory());
  if (trees.length === 0) throw new Error('usage: npm run review -- [options] <tree>... (see scripts/review.ts)');
  const dist = distDirectory(values.plugin);
  const reports: Report[] = [];
  const runs: TreeRun[] = [];
  for (const tree of trees) {
    const run = await lintTree(dist, tree, reports);
    runs.push(run);
    console.error(`${run.tree}: ${run.files} files, ${run.notParsed} not parsed, ${run.seconds.toFixed(1)} s`);
    if (run.firstParseError) console.error(`  first parse error: ${run.firstParseError}`);
  }
  return { dist, config: values.config, rules: values.rules ?? null, typed: values.typed, runs, reports };
}

async function main(): Promise<void> {
  const saved = values.from ? (JSON.parse(readFileSync(values.from, 'utf8')) as SavedRun) : await lintAll();
  const verdicts = values.judged ? (JSON.parse(readFileSync(values.judged, 'utf8')) as Verdict[]) : [];
  const output = values.json ? JSON.stringify(saved, null, 2) : markdown(saved, verdicts);
  if (values.out) writeFileSync(values.out, `${output}\n`);
  else process.stdout.write(`${output}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
