/**
 * `node --cpu-prof --import tsx scripts/profile-typed.ts [--only=<group part>] [--rules=<name>,<name>] [--references] [--top=N] [--scaling=5000,40000]`:
 * the typed counterpart of `profile-lint.ts`. Lints the bench's typed corpus (the files `npm run
 * bench` type-checks: no `*.min.js`, nothing over 20000 lines) through typescript-eslint's parser
 * with `projectService`, with the plugin's rules only (or only the named ones), once, so a CPU
 * profile shows where the typed rules spend their time. `--references` adds typescript-eslint's
 * `no-floating-promises` and `no-misused-promises` after ours, as the bench's typed run does (the
 * checker's caches are then shared as there). Prints each rule's total from ESLint's stats, and with
 * `--top=N` the N files where our rules took longest. `--scaling=<lines>,...` lints the bench's
 * scaling files of those sizes instead, one program each, and prints each one's times.
 * Set `ASYNC_PITFALLS_PLUGIN=dist` to profile the build.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { collectPackageFiles, lineCount, REPO_ROOT, writeCorpus } from './corpus';
import { corpusConfig, pluginRuleEntries } from './corpus-config';
import { edgeCaseFiles, pitfallFiles, scalingFile } from './generate-corpus';

/** The bench's typed run leaves these out (see `TYPED_MAX_LINES` in `bench.ts`). */
const TYPED_MAX_LINES = 20000;

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const ruleNames = process.argv.find((arg) => arg.startsWith('--rules='))?.slice('--rules='.length).split(',');
  const references = process.argv.includes('--references');
  const top = Number(process.argv.find((arg) => arg.startsWith('--top='))?.slice('--top='.length) ?? 0);
  const rules: Record<string, Linter.RuleEntry> = Object.fromEntries(
    Object.entries(pluginRuleEntries('default')).filter(([id]) => !ruleNames || ruleNames.some((name) => id.endsWith(`/${name}`))),
  );
  if (references) {
    rules['@typescript-eslint/no-floating-promises'] = 'error';
    rules['@typescript-eslint/no-misused-promises'] = 'error';
  }
  const scaling = process.argv.find((arg) => arg.startsWith('--scaling='))?.slice('--scaling='.length).split(',').map(Number);
  const all = (scaling ? scaling.map(scalingFile) : [...collectPackageFiles(), ...edgeCaseFiles(), ...pitfallFiles()]).filter(
    (file) => !file.untypedOnly && lineCount(file.text) <= TYPED_MAX_LINES,
  );
  const files = only ? all.filter((file) => file.group.includes(only)) : all;
  const dir = path.join(REPO_ROOT, '.bench', scaling ? 'typed-profile-scaling' : 'typed-profile');
  if (scaling) {
    // One file at a time, each with its own program, as the bench's scaling runs lint them; the
    // first file twice, so its times are not charged for the JIT and the default library's types.
    for (const file of [...files.slice(0, 1), ...files]) {
      const single = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: corpusConfig(files, { rules, plugins: references ? { '@typescript-eslint': tseslint.plugin } : {}, tsconfigRootDir: dir }),
        stats: true,
      });
      writeCorpus(dir, [file]);
      const [result] = await single.lintFiles([file.path]);
      const line = [`${file.path}:`];
      for (const pass of result?.stats?.times.passes ?? []) {
        line.push(`parse ${(pass.parse?.total ?? 0).toFixed(0)}`);
        for (const [id, time] of Object.entries(pass.rules ?? {})) line.push(`${id.replace('async-pitfalls/', '')} ${time.total.toFixed(0)}`);
      }
      console.log(line.join('  '));
    }
    return;
  }
  writeCorpus(dir, files);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(files, { rules, plugins: references ? { '@typescript-eslint': tseslint.plugin } : {}, tsconfigRootDir: dir }),
    stats: true,
  });
  const results = await eslint.lintFiles(files.map((file) => file.path));
  const times = new Map<string, number>();
  const perFile: { file: string; parse: number; ours: number }[] = [];
  const reports = new Map<string, number>();
  for (const result of results) {
    let ours = 0;
    let parseTime = 0;
    for (const pass of result.stats?.times.passes ?? []) {
      parseTime += pass.parse?.total ?? 0;
      for (const [id, time] of Object.entries(pass.rules ?? {})) if (id.startsWith('async-pitfalls/')) ours += time.total;
    }
    perFile.push({ file: path.relative(dir, result.filePath), parse: parseTime, ours });
    for (const pass of result.stats?.times.passes ?? []) {
      times.set('parse', (times.get('parse') ?? 0) + (pass.parse?.total ?? 0));
      for (const [id, time] of Object.entries(pass.rules ?? {})) times.set(id, (times.get(id) ?? 0) + time.total);
    }
    for (const message of result.messages) if (message.ruleId) reports.set(message.ruleId, (reports.get(message.ruleId) ?? 0) + 1);
  }
  const parse = times.get('parse') ?? 1;
  console.log(`${files.length} files`);
  if (top > 0) {
    console.log(`The ${top} files where our rules took longest (ms: ours, parse):`);
    for (const entry of perFile.sort((a, b) => b.ours - a.ours).slice(0, top)) console.log(`  ${entry.ours.toFixed(0).padStart(6)} ${entry.parse.toFixed(0).padStart(6)}  ${entry.file}`);
  }
  for (const [id, time] of times) {
    console.log(`${id.padEnd(48)} ${time.toFixed(0).padStart(7)} ms ${((100 * time) / parse).toFixed(1).padStart(5)}%  ${reports.get(id) ?? ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
