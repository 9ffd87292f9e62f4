/**
 * `node --import tsx scripts/ab-builds.ts --base=<checkout> [--candidate=<checkout>] [--rule=<name>] [--reps=3] [--only=<group>,...] [--skip=<group>,...] [--level=strict] [--alone]`:
 * compares the cost of one rule (`no-floating-promises` unless `--rule`) in two builds on the bench
 * corpus (`npm run bench` writes it), file by file, in one process. Both builds need `npm run build`;
 * `--candidate` defaults to this checkout.
 *
 * Each file is linted `--reps` times with each build, alternating which goes first, with all the
 * build's rules on as in the bench (`--alone`: only the rule), and each build keeps, per file, the
 * fastest of its runs' parse, of the rule's time and of all rules' time. Summed over the files, these
 * are the steady cost of the rule; a single pass of the bench also charges a rule with garbage
 * collection pauses and the machine's other processes that happen to fall into its listeners
 * (under load, several times the steady cost). The first run of each file is printed too: that is
 * what one pass sees. The reports of both builds are compared on the way (rule, line, column,
 * message, suggestions): a speed change must print `reports differ in 0 files`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { collectPackageFiles, REPO_ROOT, writeCorpus } from './corpus';
import { corpusConfig } from './corpus-config';
import { edgeCaseFiles, pitfallFiles } from './generate-corpus';

const argValue = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

interface BuiltPlugin {
  rules: Record<string, { meta: { docs?: { strictOptions?: unknown[] } } }>;
}

interface Totals {
  parse: number;
  rule: number;
  all: number;
}

function load(checkout: string): BuiltPlugin {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(checkout, 'dist', 'index.js')) as BuiltPlugin;
}

function main(): void {
  const base = argValue('base');
  if (!base) throw new Error('--base=<checkout with a build> is required');
  const only = argValue('only')?.split(',');
  const skip = argValue('skip')?.split(',');
  const reps = Number(argValue('reps') ?? 3);
  const rule = argValue('rule') ?? 'no-floating-promises';
  const strict = argValue('level') === 'strict';
  const alone = process.argv.includes('--alone');
  const files = [...collectPackageFiles(), ...edgeCaseFiles(), ...pitfallFiles()].filter(
    (file) => (!only || only.some((part) => file.group.includes(part))) && !skip?.some((part) => file.group.includes(part)),
  );
  const dir = path.join(REPO_ROOT, '.bench', 'corpus');
  writeCorpus(dir, files);
  const builds = { base: load(base), candidate: load(argValue('candidate') ?? REPO_ROOT) };
  const names = Object.keys(builds) as (keyof typeof builds)[];
  const configs = Object.fromEntries(
    names.map((name) => {
      const plugin = builds[name];
      const rules = Object.fromEntries(
        Object.keys(plugin.rules)
          .filter((id) => !alone || id === rule)
          .map((id) => {
            const options = strict ? plugin.rules[id]?.meta.docs?.strictOptions : undefined;
            return [`${name}/${id}`, options ? ['error', ...options] : 'error'];
          }),
      );
      return [name, corpusConfig(files, { rules: rules as never, plugins: { [name]: plugin } })];
    }),
  ) as Record<keyof typeof builds, Linter.Config[]>;
  const linter = new Linter({ cwd: dir });
  const fastest: Record<string, Totals> = {};
  const first: Record<string, Totals> = {};
  for (const name of names) {
    fastest[name] = { parse: 0, rule: 0, all: 0 };
    first[name] = { parse: 0, rule: 0, all: 0 };
  }
  let differ = 0;
  for (const [index, file] of files.entries()) {
    const filename = path.join(dir, file.path);
    const text = readFileSync(filename, 'utf8');
    const best: Record<string, Totals> = {};
    const reports: Record<string, string> = {};
    for (let rep = 0; rep < reps; rep += 1) {
      for (const name of (rep + index) % 2 === 0 ? names : [...names].reverse()) {
        const { messages } = linter.verifyAndFix(text, configs[name], { filename, fix: false, stats: true } as never);
        const run: Totals = { parse: 0, rule: 0, all: 0 };
        for (const pass of linter.getTimes().passes) {
          run.parse += pass.parse?.total ?? 0;
          for (const [id, time] of Object.entries(pass.rules ?? {})) {
            run.all += time.total;
            if (id === `${name}/${rule}`) run.rule += time.total;
          }
        }
        const known = best[name];
        best[name] = known
          ? { parse: Math.min(known.parse, run.parse), rule: Math.min(known.rule, run.rule), all: Math.min(known.all, run.all) }
          : run;
        if (rep === 0) {
          const sums = first[name];
          if (sums) for (const key of ['parse', 'rule', 'all'] as const) sums[key] += run[key];
          reports[name] = messages
            .map((message) => [message.ruleId?.slice(name.length + 1), message.line, message.column, message.message, JSON.stringify(message.suggestions ?? [])].join(':'))
            .sort()
            .join('\n');
        }
      }
    }
    if (reports.base !== reports.candidate) {
      differ += 1;
      console.log(`reports differ: ${file.path}`);
    }
    for (const name of names) {
      const sums = fastest[name];
      const run = best[name];
      if (sums && run) for (const key of ['parse', 'rule', 'all'] as const) sums[key] += run[key];
    }
  }
  const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(2)}%`;
  console.log(`${files.length} files; reports differ in ${differ} files`);
  for (const [label, totals] of [[`fastest of ${reps} runs per file`, fastest], ['first run of each file', first]] as const) {
    const parse = Math.min(totals.base?.parse ?? 0, totals.candidate?.parse ?? 0);
    const line = names.map((name) => {
      const sums = totals[name] ?? { parse: 0, rule: 0, all: 0 };
      return `${name} ${rule} ${sums.rule.toFixed(0)} ms (${share(sums.rule, parse)}), all rules ${sums.all.toFixed(0)} ms (${share(sums.all, parse)})`;
    });
    const ratio = (totals.candidate?.rule ?? 0) / (totals.base?.rule ?? 1);
    console.log(`${label}: parse ${parse.toFixed(0)} ms; ${line.join('; ')}; candidate/base ${ratio.toFixed(3)}`);
  }
}

main();
