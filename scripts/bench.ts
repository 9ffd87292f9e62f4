/**
 * `npm run bench`: how much the plugin's rules cost next to parsing, next to core
 * `no-await-in-loop` and to typescript-eslint's `no-floating-promises`, on real code no one here
 * wrote (the JS/TS shipped in installed packages) plus generated files; and how each rule scales
 * when a file doubles. Prints the tables and writes them to `docs/benchmarks.md`.
 *
 * Times come from ESLint's own `stats` (per file: `parse.total`, `rules[ruleId].total`, which
 * counts a rule's `create` and all its listeners).
 *
 * Options: `--no-write` (print only), `--no-typed` (skip the typed run), `--no-scaling` (skip the
 * scaling runs), `--only-untyped` (the untyped corpus run only: the quick loop while optimizing),
 * `--only-typed` (the typed corpus run and its verdict only: the quick loop for typed cost),
 * `--sources=eslint@,generated` (only corpus groups whose name contains one of these; implies
 * `--no-write`), `--sizes=5000,10000,20000,40000` (scaling file sizes in lines), `--runs=5`
 * (scaling repetitions; each size keeps its fastest run).
 *
 * Aims (issue 13 and 12), each with a verdict line: without types, all our rules together at most
 * `TOTAL_AIM` of parse time and each rule at most `RULE_AIM`; growth per doubling of a file at most
 * `DOUBLING_AIM`; with types, our rules at most `TYPED_AIM` times typescript-eslint's
 * `no-floating-promises` + `no-misused-promises`, linting the same program in one run.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { collectPackageFiles, lineCount, REPO_ROOT, writeCorpus, type CorpusFile } from './corpus';
import { corpusConfig, pluginRuleEntries, pluginRuleIds } from './corpus-config';
import { edgeCaseFiles, pitfallFiles, scalingFile } from './generate-corpus';

const args = new Set(process.argv.slice(2));
const argValue = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SOURCES = argValue('sources')?.split(',').filter(Boolean);
const ONLY_UNTYPED = args.has('--only-untyped');
const ONLY_TYPED = args.has('--only-typed');
const WRITE = !args.has('--no-write') && !ONLY_UNTYPED && !ONLY_TYPED && !SOURCES;
const TYPED = !args.has('--no-typed') && !ONLY_UNTYPED;
const SCALING = !args.has('--no-scaling') && !ONLY_UNTYPED && !ONLY_TYPED;
const SIZES = (argValue('sizes') ?? '5000,10000,20000,40000').split(',').map(Number);
const RUNS = Number(argValue('runs') ?? 5);

const BENCH_DIR = path.join(REPO_ROOT, '.bench');
/** Typed mode leaves out larger files: type-checking `typescript.js` (200k lines, allowJs) takes minutes. */
const TYPED_MAX_LINES = 20000;
const AWAIT_IN_LOOP = 'no-await-in-loop';
const FLOATING_PROMISES = '@typescript-eslint/no-floating-promises';
const MISUSED_PROMISES = '@typescript-eslint/no-misused-promises';
/** typescript-eslint's rules that our rules are compared with in typed mode. */
const TYPED_REFERENCES = [FLOATING_PROMISES, MISUSED_PROMISES];
/** Untyped: all our rules together, as a share of parse time. */
const TOTAL_AIM = 0.05;
/** Untyped: each of our rules, as a share of parse time. */
const RULE_AIM = 0.015;
/** Growth of a rule's time when its file doubles (2^exponent, see `growthExponent`). */
const DOUBLING_AIM = 2.3;
/** Typed: our rules together against `TYPED_REFERENCES` together, in the same run. */
const TYPED_AIM = 0.5;
const OUR_RULES = pluginRuleIds();

/** Milliseconds by what was timed: `parse` or a rule id. */
type Times = Map<string, number>;

function addStats(times: Times, result: ESLint.LintResult): void {
  for (const pass of result.stats?.times.passes ?? []) {
    times.set('parse', (times.get('parse') ?? 0) + (pass.parse?.total ?? 0));
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      times.set(ruleId, (times.get(ruleId) ?? 0) + time.total);
    }
  }
}

function assertNoParseErrors(results: readonly ESLint.LintResult[], where: string): number {
  let failed = 0;
  for (const result of results) {
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal) {
      failed++;
      console.warn(`  ${where}: not parsed (left out of the times): ${path.relative(BENCH_DIR, result.filePath)}: ${fatal.message}`);
    }
  }
  return failed;
}

interface CorpusRun {
  times: Times;
  /** The same times by corpus group (package or `generated`). */
  byGroup: Map<string, Times>;
  wallMs: number;
  files: number;
  unparsed: number;
  reports: Map<string, number>;
}

async function lintCorpus(dir: string, files: readonly CorpusFile[], rules: Record<string, Linter.RuleEntry>, typed: boolean): Promise<CorpusRun> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(files, {
      rules,
      plugins: typed ? { '@typescript-eslint': tseslint.plugin } : {},
      tsconfigRootDir: typed ? dir : undefined,
    }),
    stats: true,
  });
  const start = performance.now();
  const results = await eslint.lintFiles(files.map((file) => file.path));
  const wallMs = performance.now() - start;
  const times: Times = new Map();
  const byGroup = new Map<string, Times>();
  const groupOf = new Map(files.map((file) => [path.join(dir, ...file.path.split('/')), file.group]));
  const reports = new Map<string, number>();
  for (const result of results) {
    addStats(times, result);
    const group = groupOf.get(result.filePath) ?? 'other';
    const groupTimes = byGroup.get(group) ?? new Map<string, number>();
    addStats(groupTimes, result);
    byGroup.set(group, groupTimes);
    for (const message of result.messages) {
      if (message.ruleId) reports.set(message.ruleId, (reports.get(message.ruleId) ?? 0) + 1);
    }
  }
  return { times, byGroup, wallMs, files: files.length, unparsed: assertNoParseErrors(results, typed ? 'typed' : 'untyped'), reports };
}

// Formatting -----------------------------------------------------------------------------------

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pct = (value: number, of: number) => (of > 0 ? `${((100 * value) / of).toFixed(1)}%` : 'n/a');

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, index) => (index === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function corpusTimesTable(run: CorpusRun, references: readonly string[]): string {
  const parse = run.times.get('parse') ?? 0;
  const ours = OUR_RULES.reduce((sum, id) => sum + (run.times.get(id) ?? 0), 0);
  const rows = [
    ['parse', ms(parse), '100%', ''],
    ...OUR_RULES.map((id) => [`\`${id}\``, ms(run.times.get(id)), pct(run.times.get(id) ?? 0, parse), String(run.reports.get(id) ?? 0)]),
    [`**all ${OUR_RULES.length} rules of this plugin**`, `**${ms(ours)}**`, `**${pct(ours, parse)}**`, ''],
    ...references.map((id) => [`\`${id}\` (reference)`, ms(run.times.get(id)), pct(run.times.get(id) ?? 0, parse), String(run.reports.get(id) ?? 0)]),
  ];
  return markdownTable(['', 'time (ms)', 'of parse', 'reports'], rows);
}

/** Typed mode: our rules and typescript-eslint's, all from the same run (the same program and checker). */
function typedTimesTable(run: CorpusRun): string {
  const parse = run.times.get('parse') ?? 0;
  const oursTotal = OUR_RULES.reduce((sum, id) => sum + (run.times.get(id) ?? 0), 0);
  const theirsTotal = TYPED_REFERENCES.reduce((sum, id) => sum + (run.times.get(id) ?? 0), 0);
  const row = (id: string, label: string) => [label, ms(run.times.get(id)), pct(run.times.get(id) ?? 0, parse), String(run.reports.get(id) ?? 0)];
  const rows = [
    ['parse (with building the program)', ms(parse), '100%', ''],
    ...OUR_RULES.map((id) => row(id, `\`${id}\``)),
    [`**all ${OUR_RULES.length} rules of this plugin**`, `**${ms(oursTotal)}**`, `**${pct(oursTotal, parse)}**`, ''],
    ...TYPED_REFERENCES.map((id) => row(id, `\`${id}\` (reference)`)),
    [`**typescript-eslint's ${TYPED_REFERENCES.length} rules**`, `**${ms(theirsTotal)}**`, `**${pct(theirsTotal, parse)}**`, ''],
    row(AWAIT_IN_LOOP, `\`${AWAIT_IN_LOOP}\` (reference)`),
  ];
  return markdownTable(['', 'time (ms)', 'of parse', 'reports'], rows);
}

/** Where the time goes: per corpus group, parse, all our rules, and our slowest rule there. */
function groupTimesTable(run: CorpusRun): string {
  const rows = [...run.byGroup].map(([group, times]) => {
    const parse = times.get('parse') ?? 0;
    const ours = OUR_RULES.reduce((sum, id) => sum + (times.get(id) ?? 0), 0);
    const slowest = [...OUR_RULES].sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0))[0];
    const slowestText = slowest ? `\`${slowest.replace(/^.*\//, '')}\` ${ms(times.get(slowest))}` : '-';
    return [`\`${group}\``, ms(parse), ms(ours), pct(ours, parse), slowestText];
  });
  return markdownTable(['group', 'parse (ms)', 'our rules (ms)', 'of parse', 'slowest of our rules (ms)'], rows);
}

// Scaling --------------------------------------------------------------------------------------

interface ScalingRow {
  id: string;
  /** Best-of-runs time per size. */
  times: number[];
}

/** Below this a rule's time is timer noise, and a ratio of two noises says nothing. */
const NOISE_MS = 2;
/** A scaling lint slower than this is measured once (its noise is small next to it). */
const SLOW_LINT_MS = 15_000;
/** After a scaling lint slower than this, larger sizes are skipped. */
const GIVE_UP_LINT_MS = 60_000;

/**
 * A full garbage collection, run before each timed scaling lint: otherwise the previous lint's
 * garbage (the AST, tokens and scopes of a file of up to 40k lines) is collected in the middle of
 * the next one and charged to whichever rule happens to run then, which made the growth of a
 * rule of a few milliseconds swing by x2 from run to run.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/**
 * Lints each scaling file `RUNS` times with `rules` and keeps each best time (NaN for a size not
 * measured): the rounds go through the sizes in turn, so a busy spell of the machine slows one
 * round of every size rather than every round of one size, and each lint starts after a full
 * garbage collection (`collectGarbage`). Each round changes the text (a comment), so typed mode builds a new program and starts
 * with a cold type checker, as a CI run does, instead of reusing the types the last round computed.
 * A size whose lint took over `SLOW_LINT_MS` is not repeated, and once one took over
 * `GIVE_UP_LINT_MS` the larger sizes are skipped: a superlinear rule must not hold the bench for an
 * hour, and the sizes measured already show it.
 */
async function measureScaling(typed: boolean, side: string, rules: Record<string, Linter.RuleEntry>): Promise<ScalingRow[]> {
  const dir = path.join(BENCH_DIR, `scaling-${typed ? 'typed' : 'untyped'}-${side}`);
  const files = SIZES.map(scalingFile);
  writeCorpus(dir, files);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(files, {
      rules,
      plugins: typed ? { '@typescript-eslint': tseslint.plugin } : {},
      tsconfigRootDir: typed ? dir : undefined,
    }),
    stats: true,
  });
  const ids = ['parse', ...Object.keys(rules)];
  const best = ids.map((id) => ({ id, times: SIZES.map(() => Number.NaN) }));
  const slow = new Set<number>();
  let sizes = files.length;
  // A warm-up lint of the smallest file first, so the first size is not charged for the JIT.
  await eslint.lintText(files[0]?.text ?? '', { filePath: files[0]?.path ?? 'x.ts' });
  for (let round = 0; round < RUNS; round++) {
    for (const [index, file] of files.slice(0, sizes).entries()) {
      if (round > 0 && slow.has(index)) continue;
      collectGarbage();
      const start = performance.now();
      const [result] = await eslint.lintText(`${file.text}\n// round ${round}\n`, { filePath: file.path });
      const wall = performance.now() - start;
      if (!result) continue;
      assertNoParseErrors([result], 'scaling');
      const times: Times = new Map();
      addStats(times, result);
      for (const row of best) {
        const previous = row.times[index] ?? Number.NaN;
        const time = times.get(row.id) ?? 0;
        row.times[index] = Number.isNaN(previous) ? time : Math.min(previous, time);
      }
      if (wall > SLOW_LINT_MS) slow.add(index);
      if (wall > GIVE_UP_LINT_MS && index + 1 < sizes) {
        console.warn(`  scaling: ${file.path} took ${ms(wall)} ms to lint; larger sizes skipped`);
        sizes = index + 1;
      }
    }
  }
  return best;
}

/** Our rules and the references in separate runs (in typed mode, separate programs: see the typed run). */
async function measureScalingBothSides(typed: boolean): Promise<ScalingRow[]> {
  const references: Record<string, Linter.RuleEntry> = { [AWAIT_IN_LOOP]: 'error' };
  if (typed) for (const id of TYPED_REFERENCES) references[id] = 'error';
  const ours = await measureScaling(typed, 'ours', pluginRuleEntries('default'));
  const reference = await measureScaling(typed, 'reference', references);
  return [...ours, ...reference.filter((row) => row.id !== 'parse')];
}

/**
 * The growth exponent k in time ~ lines^k, by least squares over the sizes whose time is above
 * the noise floor: about 1 for linear work, 2 for quadratic. One slow point (a GC pause) moves it
 * much less than it moves a single doubling ratio.
 */
function growthExponent(lines: readonly number[], times: readonly number[]): number | undefined {
  const points = lines.map((count, index) => [Math.log(count), Math.log(times[index] ?? 0)] as const).filter((_, index) => (times[index] ?? 0) >= NOISE_MS);
  if (points.length < 2) return undefined;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

function scalingTable(rows: readonly ScalingRow[], lines: readonly number[]): { table: string; flagged: string[] } {
  const flagged: string[] = [];
  const header = [
    '',
    ...lines.map((count) => `${count} lines (ms)`),
    ...lines.slice(1).map((count, index) => `x (${lines[index]} to ${count})`),
    'exponent',
    'x per doubling',
    `verdict (aim x${DOUBLING_AIM})`,
  ];
  const body = rows.map((row) => {
    const ratios = row.times.slice(1).map((time, index) => {
      const previous = row.times[index] ?? Number.NaN;
      if (Number.isNaN(previous) || Number.isNaN(time)) return undefined;
      return previous >= NOISE_MS || time >= NOISE_MS ? time / Math.max(previous, 1e-3) : undefined;
    });
    const exponent = growthExponent(lines, row.times);
    let verdict = 'below noise';
    if (exponent !== undefined) verdict = 2 ** exponent > DOUBLING_AIM ? `OVER x${DOUBLING_AIM}` : 'met';
    if (exponent !== undefined && 2 ** exponent > DOUBLING_AIM && row.id !== 'parse') {
      flagged.push(
        `${row.id}: x${(2 ** exponent).toFixed(2)} per doubling (time ~ lines^${exponent.toFixed(2)}; x${ratios.map((ratio) => ratio?.toFixed(2) ?? '-').join(', x')})`,
      );
    }
    const name = row.id === 'parse' ? 'parse' : `\`${row.id}\``;
    return [
      name,
      ...row.times.map((time) => (Number.isNaN(time) ? 'skipped' : ms(time))),
      ...ratios.map((ratio) => (ratio === undefined ? '-' : ratio.toFixed(2))),
      exponent === undefined ? '-' : exponent.toFixed(2),
      exponent === undefined ? '-' : (2 ** exponent).toFixed(2),
      verdict,
    ];
  });
  return { table: markdownTable(header, body), flagged };
}

// Environment ----------------------------------------------------------------------------------

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function environment(): string {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores available, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}; load average at start ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')}`,
    `- Node ${process.version}, ESLint ${packageVersion('eslint')}, typescript-eslint ${packageVersion('typescript-eslint')}, TypeScript ${packageVersion('typescript')}`,
    `- Plugin: ${OUR_RULES.length} rules (${OUR_RULES.map((id) => `\`${id}\``).join(', ') || 'none yet'}), commit ${gitCommit()}`,
  ].join('\n');
}

/** The typed corpus run: our rules and `TYPED_REFERENCES` linting one program; its table for the doc. */
async function typedCorpusRun(files: readonly CorpusFile[]): Promise<{ run: CorpusRun; section: string }> {
  const typedFiles = files.filter((file) => !file.untypedOnly && lineCount(file.text) <= TYPED_MAX_LINES);
  // One run lints the same program with our rules and typescript-eslint's, so the checker work is
  // shared alike: a type computed for one rule is in the checker's cache for the others. Our rules
  // come first in the config, so on a node both ask about, ours ask first and pay for the type.
  console.log(`\nTyped run, our rules and ${TYPED_REFERENCES.join(', ')} together (projectService over a generated tsconfig)...`);
  const typedDir = path.join(BENCH_DIR, 'typed');
  writeCorpus(typedDir, typedFiles);
  const typedRules: Record<string, Linter.RuleEntry> = { ...pluginRuleEntries('default'), [AWAIT_IN_LOOP]: 'error' };
  for (const id of TYPED_REFERENCES) typedRules[id] = 'error';
  const typedRun = await lintCorpus(typedDir, typedFiles, typedRules, true);
  const typedTable = typedTimesTable(typedRun);
  console.log(`${typedTable}\n(wall ${ms(typedRun.wallMs)} ms, ${typedRun.unparsed} files not parsed)`);
  const left = files.length - typedFiles.length;
  const section = [
    `${typedFiles.length} files (${left} left out: \`*.min.js\`, which TypeScript keeps out of a program, sloppy-mode scripts its parser rejects, and files over ${TYPED_MAX_LINES} lines such as \`typescript.js\`, whose type-checking alone takes minutes).`,
    `One run lints the program with our rules and typescript-eslint's ${TYPED_REFERENCES.map((id) => `\`${id}\``).join(' and ')} (default options), so the type checker's work is shared alike: a type one rule computed is in the checker's cache for the others. Our rules are listed first, so where both ask about the same node, ours pay for the type.`,
    typedTable,
    `Wall time ${ms(typedRun.wallMs)} ms; ${typedRun.unparsed} files not parsed. Parse time includes building the TypeScript program.`,
  ].join('\n\n');
  return { run: typedRun, section };
}

/** The typed verdict line: our rules against `TYPED_REFERENCES`, from one run. */
function typedVerdict(typedRun: CorpusRun): string {
  const typedOurs = OUR_RULES.reduce((sum, id) => sum + (typedRun.times.get(id) ?? 0), 0);
  const theirs = TYPED_REFERENCES.reduce((sum, id) => sum + (typedRun.times.get(id) ?? 0), 0);
  return `- Typed, same run: all our rules ${ms(typedOurs)} ms vs typescript-eslint's ${TYPED_REFERENCES.map((id) => `\`${id}\``).join(' + ')} ${ms(theirs)} ms = ${(typedOurs / Math.max(theirs, 1e-3)).toFixed(2)}x (aim: at most ${TYPED_AIM}x): ${typedOurs <= theirs * TYPED_AIM ? 'met' : 'NOT met'}.`;
}

// Main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const env = environment();
  console.log(env);
  const packageFiles = collectPackageFiles();
  const generatedFiles = [...edgeCaseFiles(), ...pitfallFiles()];
  const files = [...packageFiles, ...generatedFiles].filter((file) => !SOURCES || SOURCES.some((source) => file.group.includes(source)));
  const corpusDir = path.join(BENCH_DIR, 'corpus');
  // The generated files are always written: the untyped run warms the JIT on them first, also when
  // `--sources` leaves them out of the measured run.
  writeCorpus(corpusDir, [...new Set([...files, ...generatedFiles])]);

  const groups = new Map<string, { files: number; lines: number }>();
  for (const file of files) {
    const entry = groups.get(file.group) ?? { files: 0, lines: 0 };
    entry.files++;
    entry.lines += lineCount(file.text);
    groups.set(file.group, entry);
  }
  const totalLines = [...groups.values()].reduce((sum, group) => sum + group.lines, 0);
  const corpusTable = markdownTable(
    ['source', 'files', 'lines'],
    [
      ...[...groups].map(([group, entry]) => [`\`${group}\``, String(entry.files), String(entry.lines)]),
      ['**total**', `**${files.length}**`, `**${totalLines}**`],
    ],
  );
  console.log(`\nCorpus: ${files.length} files, ${totalLines} lines`);

  if (ONLY_TYPED) {
    const { run } = await typedCorpusRun(files);
    console.log(`\n${typedVerdict(run)}`);
    return;
  }

  // Untyped: espree for JS, typescript-eslint's parser for TS, no program. A first run on the
  // generated files warms the JIT so the measured run is not charged for it.
  const untypedRules = { ...pluginRuleEntries('default'), [AWAIT_IN_LOOP]: 'error' } as const;
  await lintCorpus(corpusDir, generatedFiles, untypedRules, false);
  console.log('\nUntyped run...');
  const untyped = await lintCorpus(corpusDir, files, untypedRules, false);
  const untypedTable = corpusTimesTable(untyped, [AWAIT_IN_LOOP]);
  const untypedGroups = groupTimesTable(untyped);
  console.log(`${untypedTable}\n(wall ${ms(untyped.wallMs)} ms, ${untyped.unparsed} files not parsed)\n\n${untypedGroups}`);

  let typedSection = '_Skipped (`--no-typed`)._';
  let typedRun: CorpusRun | undefined;
  if (TYPED) ({ run: typedRun, section: typedSection } = await typedCorpusRun(files));

  const lines = SIZES.map((size) => lineCount(scalingFile(size).text));
  let untypedScaling: { table: string; flagged: string[] } = { table: '_Skipped._', flagged: [] };
  let typedScalingSection = '_Skipped._';
  const flagged: string[] = [];
  if (SCALING) {
    console.log('\nScaling (untyped)...');
    untypedScaling = scalingTable(await measureScalingBothSides(false), lines);
    console.log(untypedScaling.table);
    flagged.push(...untypedScaling.flagged.map((line) => `untyped ${line}`));
    if (TYPED) {
      console.log('\nScaling (typed)...');
      const typedScaling = scalingTable(await measureScalingBothSides(true), lines);
      console.log(typedScaling.table);
      typedScalingSection = typedScaling.table;
      flagged.push(...typedScaling.flagged.map((line) => `typed ${line}`));
    }
  }

  const parse = untyped.times.get('parse') ?? 0;
  const ours = OUR_RULES.reduce((sum, id) => sum + (untyped.times.get(id) ?? 0), 0);
  const overRule = OUR_RULES.filter((id) => (untyped.times.get(id) ?? 0) > parse * RULE_AIM);
  const verdicts = [
    `- Untyped, all our rules together: ${pct(ours, parse)} of parse time (aim: at most ${100 * TOTAL_AIM}%): ${ours <= parse * TOTAL_AIM ? 'met' : 'NOT met'}.`,
    `- Untyped, each rule: at most ${100 * RULE_AIM}% of parse time: ${
      overRule.length === 0
        ? 'met'
        : `NOT met (${overRule.map((id) => `\`${id.replace(/^.*\//, '')}\` ${pct(untyped.times.get(id) ?? 0, parse)}`).join(', ')})`
    }.`,
  ];
  if (typedRun) verdicts.push(typedVerdict(typedRun));
  if (SCALING) {
    verdicts.push(
      flagged.length > 0
        ? `- Scaling: over x${DOUBLING_AIM} per doubling: ${flagged.join('; ')}.`
        : `- Scaling: every rule above the noise floor grows at most x${DOUBLING_AIM} per doubling.`,
    );
  }
  console.log(`\n${verdicts.join('\n')}`);

  if (!WRITE) return;
  const doc = `# Benchmarks

How much the rules cost, measured with ESLint's own per-rule timing (\`stats: true\`: a rule's time
counts its \`create\` and every listener call) on real code no one here wrote — the JS/TS shipped in
installed packages, \`typescript.js\` as one very large file — plus the generated edge-case and
pitfall files of \`scripts/generate-corpus.ts\`. Core \`${AWAIT_IN_LOOP}\` and, in typed mode,
typescript-eslint's ${TYPED_REFERENCES.map((id) => `\`${id}\``).join(' and ')} are measured in the same runs as references.

Aims: without types, all our rules together at most ${100 * TOTAL_AIM}% of parse time and each rule at most
${100 * RULE_AIM}%; at most x${DOUBLING_AIM} per doubling of a file; with types, all our rules at most ${TYPED_AIM}x
typescript-eslint's two rules on the same program. The verdicts are at the end.

This file is written by \`npm run bench\`; do not edit the numbers by hand.

**The corpus understates what application code costs.** Installed packages are mostly synchronous
library code: nine files in ten hold nothing a promise rule looks at, and the rules stop early
there. Application code (servers, bots, CLIs, browser and desktop apps) is async throughout and
imports its own modules, which the rules then read (effect summaries of called functions, where
code runs, promise-returning exports). \`npm run cost-on-trees -- <checkout>...\` measures that on
checkouts of such projects (not in CI: the code is not ours to ship); on 60 of them (5959 files)
all our rules together cost about a quarter of parse time, several times the share below.

## Reproduce

\`\`\`sh
npm ci
npm run bench            # add -- --no-write to only print, -- --no-typed to skip typed mode
npm run bench -- --only-untyped --sources=eslint@,generated   # quick: untyped corpus run of some groups
npm run bench -- --only-typed     # quick: the typed side-by-side run and its verdict only
\`\`\`

## Environment

${env}

Times are wall-clock (\`process.hrtime\`), single-threaded, so they move with the machine's load;
the ratios within one run are what to compare. The rules measured are the build users run
(\`dist/\`, built by \`npm run bench\` first), not the TypeScript sources through tsx.

## Corpus

${corpusTable}

## Untyped mode

espree for JavaScript (\`sourceType\` from each package's \`type\`), typescript-eslint's parser without
a program for TypeScript; our rules with their default options.

${untypedTable}

Wall time ${ms(untyped.wallMs)} ms; ${untyped.unparsed} files not parsed.

By source:

${untypedGroups}

## Typed mode

Every file through typescript-eslint's parser with \`projectService\` on a \`tsconfig.json\` the bench
writes next to the corpus (\`allowJs\`, no \`checkJs\`, \`@types/node\`).

${typedSection}

## Scaling

One generated file per size (\`scalingFile\` in \`scripts/generate-corpus.ts\`): one async function
with ever more sequential awaits, one loop with an ever longer body, an ever longer run of
blocking calls and floating promises, ever more imports, plus repeated units of every pitfall
(loops with awaits, async callbacks, nesting). Best of ${RUNS} runs: the sizes are linted in turn, each lint after a full garbage
collection, so one lint's garbage is not collected during the next and charged to the rule that happens to run then. \`x (a to b)\` is the time ratio from one size to
the next, which doubles it: linear work stays near x2, quadratic work goes to x4. \`exponent\` is
k in time ~ lines^k fitted over all sizes (1 linear, 2 quadratic), and \`x per doubling\` is 2^k, the
growth per doubling that fit says; a rule over x${DOUBLING_AIM} is flagged. Nothing is computed from times under ${NOISE_MS} ms (timer noise).

### Untyped

${untypedScaling.table}

### Typed

${typedScalingSection}

## Verdicts

${verdicts.join('\n')}
`;
  mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'docs', 'benchmarks.md'), doc);
  console.log('\nWrote docs/benchmarks.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
