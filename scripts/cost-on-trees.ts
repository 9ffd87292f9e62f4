/**
 * `npm run -s cost-on-trees -- [--plugin=<checkout or dist>] [--out=<file>] [--files=<ms>] <tree>...`:
 * what the plugin's rules cost next to parsing on application code: each tree (a checkout of a
 * project) linted as `npm run review` lints it (the build's CLI config, recommended, with every rule
 * of the plugin on at its defaults), ESLint's per-rule `stats` summed per tree and over all trees.
 *
 * Why beside `npm run bench`: the bench's corpus is installed packages, mostly synchronous library
 * code, where nine files in ten have nothing a promise rule looks at. Application code (servers,
 * bots, CLIs, browser and desktop apps) is async throughout, imports its own modules, and makes
 * the rules read those modules (effect summaries, where code runs, promise exports); its cost is
 * several times the bench's. The trees are not in the repository (third-party code), so this is a
 * developer's measurement, not part of CI: point it at checkouts fetched for review.
 *
 * Prints one line per tree, the files that cost the rules more than `--files` ms (default 100),
 * and the totals. `--out` writes every report (file, line, column, rule, message), sorted, so two
 * builds can be compared: a speed change must give the same file.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';

const { values, positionals: trees } = parseArgs({
  allowPositionals: true,
  options: {
    plugin: { type: 'string', default: path.join(__dirname, '..') },
    out: { type: 'string' },
    files: { type: 'string', default: '100' },
  },
});

const NAMESPACE = 'async-pitfalls/';
/** Not the project's own sources: what `npm run review` leaves out too. */
const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/vendor/**', '**/coverage/**', '**/*.d.ts'];

interface LintConfigModule {
  buildLintConfig(options: { config: string; typed: boolean; cwd: string }): Linter.Config[];
}

interface RuleTimes {
  parse: number;
  rules: Map<string, number>;
}

function add(into: RuleTimes, from: RuleTimes): void {
  into.parse += from.parse;
  for (const [id, time] of from.rules) into.rules.set(id, (into.rules.get(id) ?? 0) + time);
}

function ours(times: RuleTimes): number {
  let total = 0;
  for (const [id, time] of times.rules) if (id.startsWith(NAMESPACE)) total += time;
  return total;
}

function share(time: number, parse: number): string {
  return `${((100 * time) / parse).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const given = path.resolve(values.plugin);
  const dist = path.basename(given) === 'dist' ? given : path.join(given, 'dist');
  const requireFromDist = createRequire(path.join(dist, 'index.js'));
  const { buildLintConfig } = requireFromDist('./cli/lint-config.js') as LintConfigModule;
  const plugin = requireFromDist('./index.js') as { rules: Record<string, unknown> };
  const everyRule = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${NAMESPACE}${name}`, 'error' as const]));
  const fileLimit = Number(values.files);
  const total: RuleTimes = { parse: 0, rules: new Map() };
  const reports: string[] = [];
  let files = 0;
  for (const tree of trees) {
    const config = buildLintConfig({ config: 'recommended', typed: false, cwd: tree });
    config.unshift({ ignores: IGNORES });
    config.push({ files: ['**/*'], rules: everyRule });
    const eslint = new ESLint({ cwd: tree, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false, stats: true });
    const results = await eslint.lintFiles(['.']);
    const inTree: RuleTimes = { parse: 0, rules: new Map() };
    for (const result of results) {
      files += 1;
      for (const message of result.messages) {
        if (message.ruleId?.startsWith(NAMESPACE)) reports.push(`${result.filePath}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
      const inFile: RuleTimes = { parse: 0, rules: new Map() };
      for (const pass of result.stats?.times.passes ?? []) {
        add(inFile, { parse: pass.parse.total, rules: new Map(Object.entries(pass.rules ?? {}).map(([id, time]) => [id, time.total])) });
      }
      add(inTree, inFile);
      if (ours(inFile) > fileLimit) console.log(`  ${ours(inFile).toFixed(0)} ms (parse ${inFile.parse.toFixed(0)} ms) ${result.filePath}`);
    }
    add(total, inTree);
    console.log(`${path.basename(tree)}: ${results.length} files, parse ${inTree.parse.toFixed(0)} ms, our rules ${ours(inTree).toFixed(0)} ms (${share(ours(inTree), inTree.parse)})`);
  }
  if (values.out) writeFileSync(values.out, `${reports.sort().join('\n')}\n`);
  console.log(`\n${trees.length} trees, ${files} files, parse ${total.parse.toFixed(0)} ms`);
  for (const [id, time] of [...total.rules].filter(([id]) => id.startsWith(NAMESPACE)).sort()) {
    console.log(`${id.padEnd(48)} ${time.toFixed(0).padStart(7)} ms ${share(time, total.parse).padStart(6)}`);
  }
  console.log(`${'all our rules'.padEnd(48)} ${ours(total).toFixed(0).padStart(7)} ms ${share(ours(total), total.parse).padStart(6)}`);
}

void main();
