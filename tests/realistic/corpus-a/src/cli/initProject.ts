import { mkdir, writeFile, readFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline/promises';

export interface InitOptions {
  dir: string;
  name: string;
  template: 'lib' | 'app';
  git: boolean;
  install: boolean;
}

function hasGit(): boolean {
  return spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function prompt(question: string, fallback: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`${question} (${fallback}) `)).trim() || fallback;
  } finally {
    rl.close();
  }
}

function packageJson(opts: InitOptions) {
  return {
    name: opts.name,
    version: '0.1.0',
    type: 'module',
    main: 'dist/index.js',
    scripts: { build: 'tsc -p .', test: 'node --test' },
    devDependencies: { typescript: '^5.9.0' },
  };
}

export async function copyTemplates(files: string[], dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  Promise.all(files.map((f) => copyFile(f, path.join(dest, path.basename(f))))); // expect: no-floating-promises
}

function npmInstall(cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm install exited with ${code}`))));
  });
}

export async function initProject(opts: InitOptions): Promise<void> {
  const root = path.resolve(opts.dir);
  if (existsSync(path.join(root, 'package.json'))) { // expect: no-blocking-in-async
    throw new Error(`${root} already contains a package.json`);
  }

  await mkdir(path.join(root, 'src'), { recursive: true });
  await writeFile(path.join(root, 'package.json'), JSON.stringify(packageJson(opts), null, 2) + '\n');
  await writeFile(path.join(root, 'src', 'index.ts'), opts.template === 'app' ? 'console.log("hello");\n' : 'export {};\n');
  writeFile(path.join(root, '.gitignore'), 'node_modules\ndist\n'); // expect: no-floating-promises

  const license = await readFile(new URL('../../templates/LICENSE', import.meta.url), 'utf8');
  await writeFile(path.join(root, 'LICENSE'), license.replace('{{year}}', String(new Date().getFullYear())));

  if (opts.git && hasGit()) { // expect: no-blocking-in-async
    execFileSync('git', ['init', '-q'], { cwd: root }); // expect: no-blocking-in-async
    execFileSync('git', ['add', '-A'], { cwd: root }); // expect: no-blocking-in-async
  }

  if (opts.install) {
    // give the spinner a moment to render before npm takes over the terminal
    new Promise((resolve) => setTimeout(resolve, 50)); // expect: no-floating-promises
    await npmInstall(root);
  }
}

export async function main(argv: string[]): Promise<void> {
  const dir = argv[0] ?? '.';
  const name = await prompt('Package name', path.basename(path.resolve(dir)));
  const template = (await prompt('Template [lib/app]', 'lib')) as 'lib' | 'app';
  await initProject({ dir, name, template, git: !argv.includes('--no-git'), install: argv.includes('--install') });
  console.log(`\nCreated ${name} in ${path.resolve(dir)}`);
}
