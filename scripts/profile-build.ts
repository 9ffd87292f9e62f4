// node [--cpu-prof] --import tsx /tmp/speed14/profile-build.ts --build=<dir> [--only=a,b] [--skip=a,b] [--rules=x,y] [--reps=1]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { collectPackageFiles, REPO_ROOT, writeCorpus } from './corpus';
import { corpusConfig } from './corpus-config';
import { edgeCaseFiles, pitfallFiles } from './generate-corpus';
const arg = (n: string) => process.argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
const only = arg('only')?.split(',');
const skip = arg('skip')?.split(',');
const ruleNames = arg('rules')?.split(',');
const reps = Number(arg('reps') ?? 1);
const pathPart = arg('files')?.split(',');
// eslint-disable-next-line
const plugin = require(path.resolve(arg('build')!, 'dist', 'index.js'));
const files = [...collectPackageFiles(), ...edgeCaseFiles(), ...pitfallFiles()].filter(
  (f) => (!only || only.some((p) => f.group.includes(p))) && !skip?.some((p) => f.group.includes(p)) && (!pathPart || pathPart.some((p) => f.path.includes(p))),
);
const dir = path.join(REPO_ROOT, '.bench', 'corpus');
writeCorpus(dir, files);
const rules = Object.fromEntries(Object.keys(plugin.rules).filter((id) => !ruleNames || ruleNames.includes(id)).map((id) => [`p/${id}`, 'error']));
const config = corpusConfig(files, { rules: rules as never, plugins: { p: plugin } });
const linter = new Linter({ cwd: dir });
const times = new Map<string, number>();
const perFile: { path: string; parse: number; rules: Record<string, number> }[] = [];
const top = Number(arg('top') ?? 0);
let reports = 0;
const t0 = process.cpuUsage();
for (let rep = 0; rep < reps; rep++) for (const file of files) {
  const filename = path.join(dir, file.path);
  const text = readFileSync(filename, 'utf8');
  const messages = linter.verifyAndFix(text, config, { filename, fix: false, stats: true } as never).messages;
  if (rep === 0) reports += messages.length;
  const entry = { path: file.path, parse: 0, rules: {} as Record<string, number> };
  if (rep === reps - 1) perFile.push(entry);
  for (const pass of linter.getTimes().passes) {
    entry.parse += pass.parse?.total ?? 0;
    for (const [id, t] of Object.entries(pass.rules ?? {})) entry.rules[id] = (entry.rules[id] ?? 0) + (t as { total: number }).total;
    times.set('parse', (times.get('parse') ?? 0) + (pass.parse?.total ?? 0));
    for (const [id, t] of Object.entries(pass.rules ?? {})) times.set(id, (times.get(id) ?? 0) + (t as { total: number }).total);
  }
}
const cpu = process.cpuUsage(t0);
const parse = times.get('parse') ?? 1;
for (const [id, t] of times) console.log(`${id.padEnd(40)} ${t.toFixed(0).padStart(7)} ms ${((100 * t) / parse).toFixed(2)}%`);
console.log(`${files.length} files, ${reports} reports, cpu ${(cpu.user / 1000).toFixed(0)} ms`);
for (const id of top > 0 ? [...times.keys()].filter((key) => key !== 'parse') : []) {
  console.log(`-- slowest files for ${id}`);
  for (const entry of [...perFile].sort((a, b) => (b.rules[id] ?? 0) - (a.rules[id] ?? 0)).slice(0, top)) {
    console.log(`${(entry.rules[id] ?? 0).toFixed(1).padStart(8)} ms (parse ${entry.parse.toFixed(1)} ms) ${entry.path}`);
  }
}
