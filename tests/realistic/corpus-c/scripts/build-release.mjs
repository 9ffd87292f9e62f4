#!/usr/bin/env node
// Builds the bundles, checksums them and uploads them to the artifact store. Run by CI once per tag.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const OUT = path.resolve('dist-release');
const STORE = process.env.ARTIFACT_STORE ?? 'https://artifacts.internal.example';
const targets = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'win-x64'];

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function upload(file, checksum) {
  const body = await readFile(file);
  const response = await fetch(`${STORE}/upload/${path.basename(file)}`, {
    method: 'PUT',
    headers: { 'x-checksum-sha256': checksum, authorization: `Bearer ${process.env.ARTIFACT_TOKEN}` },
    body,
  });
  if (!response.ok) throw new Error(`upload ${file}: ${response.status}`);
  return (await response.json()).url;
}

async function main() {
  rmSync(OUT, { recursive: true, force: true }); // expect-strict: no-blocking-in-async
  mkdirSync(OUT, { recursive: true }); // expect-strict: no-blocking-in-async

  // Each target build uses the shared cache directory of the bundler: one at a time.
  for (const target of targets) {
    execSync(`npm run bundle -- --target ${target} --out ${OUT}/${target}`, { stdio: 'inherit' }); // expect-strict: no-blocking-in-async
  }

  const files = readdirSync(OUT, { recursive: true }) // expect-strict: no-blocking-in-async
    .map((name) => path.join(OUT, name))
    .filter((file) => statSync(file).isFile()); // expect-strict: no-blocking-in-async

  const manifest = {};
  for (const file of files) {
    const checksum = sha256(file); // expect-strict: no-blocking-in-async
    manifest[path.relative(OUT, file)] = { checksum, url: await upload(file, checksum) }; // expect: prefer-promise-all-in-loop
  }

  await writeFile(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2));
  console.log(`uploaded ${files.length} artifacts`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
