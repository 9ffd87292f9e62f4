#!/usr/bin/env node
import glob from 'glob';
import fse from 'fs-extra';
import sharp from 'sharp';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 128, 256];

async function renderIcon(svgPath, outDir) {
  const name = path.basename(svgPath, '.svg');
  const svg = fse.readFileSync(svgPath); // expect: no-blocking-in-async
  await Promise.all(
    SIZES.map((size) => sharp(svg).resize(size, size).png().toFile(path.join(outDir, `${name}-${size}.png`))),
  );
  return name;
}

async function writeIndex(outDir, names) {
  const lines = names.map((n) => `export { default as ${n} } from './${n}-32.png';`);
  await fse.outputFile(path.join(outDir, 'index.js'), lines.join('\n') + '\n');
}

async function main() {
  const outDir = path.join(here, '..', 'dist', 'icons');
  await fse.ensureDir(outDir);
  const files = glob.sync('icons/**/*.svg', { cwd: path.join(here, '..'), absolute: true }); // expect: no-blocking-in-async
  const names = [];
  for (const file of files) {
    names.push(await renderIcon(file, outDir)); // expect: prefer-promise-all-in-loop
  }
  await writeIndex(outDir, names);
  fse.copy(path.join(here, '..', 'icons', 'LICENSE'), path.join(outDir, 'LICENSE')); // expect-typed: no-floating-promises
  console.log(`rendered ${names.length} icons`);
}

const isCli = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isCli) {
  await main();
}

export { renderIcon, writeIndex };
