import { Worker } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storage } from './storage.mjs';

const SIZES = [320, 640, 1280, 2560];
const connection = { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 };

async function resizeAll(source, dir) {
  const outputs = [];
  for (const width of SIZES) {
    const out = path.join(dir, `${width}.webp`);
    // ImageMagick, one conversion per size.
    execFileSync('magick', [source, '-resize', `${width}x`, '-quality', '82', out]); // expect: no-blocking-in-async
    outputs.push({ width, out });
  }
  return outputs;
}

async function processImage(job) {
  const { bucket, key } = job.data;
  const dir = await mkdtemp(path.join(tmpdir(), 'img-'));
  try {
    const original = path.join(dir, 'original');
    await writeFile(original, await storage.download(bucket, key));
    const variants = await resizeAll(original, dir);
    const uploaded = await Promise.all(
      variants.map(async ({ width, out }) => storage.upload(bucket, `${key}@${width}.webp`, await readFile(out))),
    );
    storage.upload(bucket, `${key}.variants.json`, JSON.stringify(uploaded)); // expect-typed: no-floating-promises
    await job.updateProgress(100);
    return { variants: uploaded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const worker = new Worker('images', processImage, { concurrency: 4, connection });

worker.on('completed', (job) => console.log(`image ${job.id} done`));
worker.on('failed', (job, error) => console.error(`image ${job?.id} failed`, error));

async function shutdown() {
  await worker.close();
  process.exit(0);
}

process.on('SIGTERM', () => {
  shutdown().catch((error) => {
    console.error('unclean shutdown', error);
    process.exit(1);
  });
});
