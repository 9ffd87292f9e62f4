import sharp from 'sharp';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

export interface Variant {
  suffix: string;
  width: number;
  format: 'webp' | 'avif' | 'jpeg';
}

const VARIANTS: Variant[] = [
  { suffix: 'sm', width: 480, format: 'webp' },
  { suffix: 'md', width: 1024, format: 'webp' },
  { suffix: 'lg', width: 1920, format: 'avif' },
];

async function renderVariant(src: string, outDir: string, v: Variant) {
  const out = path.join(outDir, `${path.parse(src).name}-${v.suffix}.${v.format}`);
  await sharp(src).resize({ width: v.width, withoutEnlargement: true }).toFormat(v.format).toFile(out);
  return out;
}

export async function processImage(src: string, outDir: string) {
  await mkdir(outDir, { recursive: true });
  VARIANTS.map(async (v) => { // expect: no-misused-async-callback
    await renderVariant(src, outDir, v);
  });
  return src;
}

export async function processDirectory(dir: string, outDir: string) {
  const limit = pLimit(4);
  const entries = await readdir(dir);
  const images = entries.filter((e) => /\.(png|jpe?g)$/i.test(e));
  const outputs = await Promise.all(
    images.map((img) => limit(() => renderAll(path.join(dir, img), outDir))),
  );
  return outputs.flat();
}

async function renderAll(src: string, outDir: string) {
  const tasks = VARIANTS.map(async (v) => renderVariant(src, outDir, v));
  return Promise.all(tasks);
}

export async function largestFirst(dir: string) {
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map(async (n) => ({ n, size: (await stat(path.join(dir, n))).size })));
  return sizes.sort((a, b) => b.size - a.size).map((s) => s.n);
}

export async function sortBySize(files: string[]) {
  return files.sort(async (a, b) => (await stat(a)).size - (await stat(b)).size); // expect: no-misused-async-callback
}
