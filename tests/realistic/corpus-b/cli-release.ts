#!/usr/bin/env node
import { Command } from 'commander';
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fetch from 'node-fetch';

const program = new Command();

function currentBranch(): string {
  return execSync('git rev-parse --abbrev-ref HEAD', { encoding: 'utf8' }).trim();
}

function bumpVersion(pkgPath: string, kind: 'major' | 'minor' | 'patch') {
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const [maj, min, pat] = pkg.version.split('.').map(Number);
  pkg.version = kind === 'major' ? `${maj + 1}.0.0` : kind === 'minor' ? `${maj}.${min + 1}.0` : `${maj}.${min}.${pat + 1}`;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  return pkg.version as string;
}

async function createGithubRelease(version: string, notes: string) {
  const res = await fetch(`https://api.github.com/repos/${process.env.GITHUB_REPOSITORY}/releases`, {
    method: 'POST',
    headers: { authorization: `token ${process.env.GITHUB_TOKEN}` },
    body: JSON.stringify({ tag_name: `v${version}`, name: `v${version}`, body: notes }),
  });
  if (!res.ok) throw new Error(`GitHub responded ${res.status}`);
}

program
  .command('release')
  .option('--kind <kind>', 'major|minor|patch', 'patch')
  .option('--dry-run')
  .action(async (opts) => {
    if (currentBranch() !== 'main') { // expect: no-blocking-in-async
      console.error('releases must be cut from main');
      process.exitCode = 1;
      return;
    }
    const version = bumpVersion('package.json', opts.kind); // expect: no-blocking-in-async
    const notes = await readFile('CHANGELOG.md', 'utf8');
    const tests = spawnSync('npm', ['test'], { stdio: 'inherit' }); // expect: no-blocking-in-async
    if (tests.status !== 0) throw new Error('tests failed');
    if (!opts.dryRun) {
      await createGithubRelease(version, notes.split('\n## ')[1] ?? '');
    }
    console.log(`released v${version}`);
  });

program
  .command('status')
  .action(() => {
    const status = execSync('git status --porcelain', { encoding: 'utf8' });
    console.log(status || 'clean');
  });

program.parseAsync(process.argv).catch((err) => {
  console.error(err);
  process.exit(1);
});
