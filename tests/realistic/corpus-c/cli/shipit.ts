#!/usr/bin/env node
import { Command } from 'commander';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { registryInfo, githubReleases, publishRelease } from './remote';

const program = new Command().name('shipit').description('Cut and publish a release').version('2.3.0');

function currentVersion(): string {
  return JSON.parse(readFileSync('package.json', 'utf8')).version;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return answer.trim().toLowerCase() === 'y';
  } finally {
    rl.close();
  }
}

program
  .command('status')
  .argument('<pkg>')
  .action(async (pkg: string) => {
    const published = await registryInfo(pkg); // expect: prefer-promise-all
    const releases = await githubReleases(pkg);
    const local = currentVersion(); // expect-strict: no-blocking-in-async
    console.table({ local, registry: published.latest, github: releases[0]?.tag ?? '-' });
  });

program
  .command('cut')
  .argument('<bump>', 'major | minor | patch')
  .option('--dry-run')
  .action(async (bump: string, opts: { dryRun?: boolean }) => {
    if (!existsSync('CHANGELOG.md')) throw new Error('CHANGELOG.md is missing'); // expect-strict: no-blocking-in-async
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }); // expect-strict: no-blocking-in-async
    if (dirty.trim() && !(await confirm('Working tree is dirty. Continue?'))) return;
    // Questions are asked one at a time, in order.
    const notes = await confirm('Open the editor for release notes?');
    const push = await confirm('Push the tag when done?');
    const next = bumpVersion(currentVersion(), bump); // expect-strict: no-blocking-in-async
    if (opts.dryRun) {
      console.log(`would release ${next}`);
      return;
    }
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')); // expect-strict: no-blocking-in-async
    writeFileSync('package.json', JSON.stringify({ ...pkg, version: next }, null, 2) + '\n'); // expect-strict: no-blocking-in-async
    if (notes) spawnSync(process.env.EDITOR ?? 'vi', ['CHANGELOG.md'], { stdio: 'inherit' }); // expect-strict: no-blocking-in-async
    execFileSync('git', ['commit', '-am', `release ${next}`]); // expect-strict: no-blocking-in-async
    execFileSync('git', ['tag', `v${next}`]); // expect-strict: no-blocking-in-async
    if (push) execFileSync('git', ['push', '--follow-tags'], { stdio: 'inherit' }); // expect-strict: no-blocking-in-async
    await publishRelease(next);
  });

function bumpVersion(version: string, bump: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

program.parseAsync(process.argv).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
