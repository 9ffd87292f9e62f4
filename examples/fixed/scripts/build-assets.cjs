// Build script: compile the templates and stamp them with the current git revision.
const path = require('path');
const { promisify } = require('util');
const { execFile } = require('child_process');
const { mkdir, readdir, readFile, writeFile } = require('fs/promises');

const TEMPLATES = path.join(__dirname, '..', 'templates');
const OUT = path.join(__dirname, '..', 'dist', 'templates');
const execFileAsync = promisify(execFile);

async function gitRevision() {
  const { stdout } = await execFileAsync('git', ['rev-parse', '--short', 'HEAD']);
  return stdout.trim();
}

async function main() {
  const [revision, names] = await Promise.all([gitRevision(), readdir(TEMPLATES)]);
  await mkdir(OUT, { recursive: true });
  await Promise.all(
    names.map(async (name) => {
      const source = await readFile(path.join(TEMPLATES, name), 'utf8');
      await writeFile(path.join(OUT, name), source.replaceAll('{{revision}}', revision));
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
