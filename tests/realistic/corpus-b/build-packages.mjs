#!/usr/bin/env node
// Monorepo build: builds workspace packages in topological order.
import { readFile, writeFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { build } from 'esbuild';

const root = path.resolve(process.argv[2] ?? '.');
const packagesDir = path.join(root, 'packages');

// Top-level, runs once at startup before any async work.
const pkgDirs = readdirSync(packagesDir).filter((d) => existsSync(path.join(packagesDir, d, 'package.json')));

async function loadManifest(dir) {
  return JSON.parse(await readFile(path.join(packagesDir, dir, 'package.json'), 'utf8'));
}

function topoSort(manifests) {
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const seen = new Set();
  const out = [];
  const visit = (m) => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    for (const dep of Object.keys(m.dependencies ?? {})) {
      if (byName.has(dep)) visit(byName.get(dep));
    }
    out.push(m);
  };
  manifests.forEach(visit);
  return out;
}

async function buildPackage(m) {
  const dir = path.join(packagesDir, m.__dir);
  await rm(path.join(dir, 'dist'), { recursive: true, force: true });
  await build({ entryPoints: [path.join(dir, 'src/index.ts')], outdir: path.join(dir, 'dist'), bundle: false, platform: 'node' });
  await execa('tsc', ['-p', dir, '--emitDeclarationOnly'], { stdio: 'inherit' });
}

async function main() {
  const manifests = await Promise.all(
    pkgDirs.map(async (dir) => ({ ...(await loadManifest(dir)), __dir: dir })),
  );
  const ordered = topoSort(manifests);

  // Dependencies must be built before dependents: sequential on purpose.
  for (const m of ordered) {
    console.log(`building ${m.name}`);
    await buildPackage(m);
  }

  const summary = ordered.map((m) => `${m.name}@${m.version}`).join('\n');
  await writeFile(path.join(root, 'build-order.txt'), summary + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
