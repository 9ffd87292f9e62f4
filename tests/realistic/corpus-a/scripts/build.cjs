#!/usr/bin/env node
'use strict';

const fs = require('fs');
const path = require('path');
const { execSync, spawn } = require('child_process');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function cleanDist() {
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.mkdirSync(DIST, { recursive: true });
}

function gitRevision() {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function runTsc() {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: ROOT });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
}

async function bundle(entry, outfile) {
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    sourcemap: true,
    metafile: true,
    external: Object.keys(pkg.dependencies || {}),
    define: { 'process.env.APP_VERSION': JSON.stringify(pkg.version) },
  });
  return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
}

async function main() {
  const started = Date.now();
  cleanDist(); // expect: no-blocking-in-async
  const rev = gitRevision(); // expect: no-blocking-in-async

  await runTsc();
  await bundle(path.join(ROOT, 'src/index.ts'), path.join(DIST, 'index.js'));
  await bundle(path.join(ROOT, 'src/cli.ts'), path.join(DIST, 'cli.js'));

  const licenses = execSync('npx license-checker --production --json', { cwd: ROOT }).toString(); // expect: no-blocking-in-async
  fs.writeFileSync(path.join(DIST, 'LICENSES.json'), licenses); // expect: no-blocking-in-async
  fs.writeFileSync(path.join(DIST, 'BUILD_INFO'), `${pkg.version}+${rev}\n`); // expect: no-blocking-in-async

  console.log(`built ${pkg.name}@${pkg.version} (${rev}) in ${Date.now() - started}ms`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
