import { writeFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.join(__dirname, '..', '..');

/**
 * Writes into `dir` the tsconfig a user would add to lint a corpus without its own typed
 * (corpora a and b): every source file of `corpus` but its `types/` folder, `allowJs` without
 * `checkJs`, node types from this repository's `node_modules`, bundler resolution so that imports
 * written without extensions resolve (corpus-c's own options). Returns its path, to hand to the
 * parser as `project`: the program `projectService` would build from the same file at the corpus
 * root, without writing into the corpus (two runs at once, an interrupted run). Not
 * `allowDefaultProject`, which gives each file a program of its own (no types across files),
 * refuses `**` patterns and stops after 8 files.
 */
export function writeCorpusTsconfig(corpus: string, dir: string): string {
  const file = path.join(dir, 'tsconfig.json');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
      strict: false,
      allowJs: true,
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
    },
    include: ['ts', 'js', 'mjs', 'cjs'].map((ext) => path.join(corpus, '**', `*.${ext}`)),
    exclude: [path.join(corpus, 'types'), path.join(corpus, '**', 'node_modules')],
  };
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return file;
}
