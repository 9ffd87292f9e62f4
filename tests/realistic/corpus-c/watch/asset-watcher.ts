import { watch } from 'chokidar';
import { statSync, readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { compileStyles, compileScript } from './compilers';

const SRC = path.resolve('assets');
const OUT = path.resolve('public/build');
const timers = new Map<string, NodeJS.Timeout>();
const building = new Map<string, Promise<void>>();

async function build(file: string): Promise<void> {
  const rel = path.relative(SRC, file);
  const source = await readFile(file, 'utf8');
  const output = file.endsWith('.scss') ? await compileStyles(source, file) : await compileScript(source, file);
  const target = path.join(OUT, rel.replace(/\.(scss|ts)$/, (m) => (m === '.scss' ? '.css' : '.js')));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, output);
}

/** Rebuilds a file once its changes settle; never rejects (errors are printed for the developer). */
function schedule(file: string): void {
  clearTimeout(timers.get(file));
  timers.set(
    file,
    setTimeout(() => {
      const previous = building.get(file) ?? Promise.resolve();
      const next = previous
        .then(() => build(file))
        .then(
          () => console.log(`built ${path.relative(SRC, file)}`),
          (error: Error) => console.error(`build failed for ${file}: ${error.message}`),
        );
      building.set(file, next);
    }, 80),
  );
}

const watcher = watch(SRC, { ignoreInitial: true });

watcher.on('change', (file) => schedule(file));
watcher.on('add', (file) => schedule(file));

watcher.on('unlink', async (file) => {
  try {
    const size = statSync(OUT).size; // expect: no-blocking-in-async
    const manifest = JSON.parse(readFileSync(path.join(OUT, 'manifest.json'), 'utf8')); // expect: no-blocking-in-async
    delete manifest[path.relative(SRC, file)];
    await writeFile(path.join(OUT, 'manifest.json'), JSON.stringify(manifest));
    console.log(`removed ${file} (build dir ${size} bytes)`);
  } catch (error) {
    console.error(error);
  }
});

process.on('SIGINT', () => {
  watcher.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
