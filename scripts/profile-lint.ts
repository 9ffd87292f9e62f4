/**
 * `node --cpu-prof --import tsx scripts/profile-lint.ts [--only=<group part>] [--rules=<name>,<name>]`:
 * lints the bench corpus (`.bench/corpus`, written by `npm run bench`) with the plugin's rules only
 * (or only the named ones, without the `async-pitfalls/` prefix), once, so a CPU profile shows where
 * the rules spend their time. Prints each rule's total from ESLint's stats.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { collectPackageFiles, REPO_ROOT, writeCorpus } from './corpus';
import { corpusConfig, pluginRuleEntries } from './corpus-config';
import { edgeCaseFiles, pitfallFiles } from './generate-corpus';

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const ruleNames = process.argv.find((arg) => arg.startsWith('--rules='))?.slice('--rules='.length).split(',');
  const rules = Object.fromEntries(
    Object.entries(pluginRuleEntries('default')).filter(([id]) => !ruleNames || ruleNames.some((name) => id.endsWith(`/${name}`))),
  );
  const all = [...collectPackageFiles(), ...edgeCaseFiles(), ...pitfallFiles()];
  const files = only ? all.filter((file) => file.group.includes(only)) : all;
  const dir = path.join(REPO_ROOT, '.bench', 'corpus');
  writeCorpus(dir, files);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(files, { rules }),
    stats: true,
  });
  const results = await eslint.lintFiles(files.map((file) => file.path));
  const times = new Map<string, number>();
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      times.set('parse', (times.get('parse') ?? 0) + (pass.parse?.total ?? 0));
      for (const [id, time] of Object.entries(pass.rules ?? {})) times.set(id, (times.get(id) ?? 0) + time.total);
    }
  }
  const parse = times.get('parse') ?? 1;
  for (const [id, time] of times) console.log(`${id.padEnd(48)} ${time.toFixed(0).padStart(7)} ms ${((100 * time) / parse).toFixed(1)}%`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
