// Build script: compile the templates and stamp them with the current git revision.
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { mkdir, readFile, writeFile } = require('fs/promises');

const TEMPLATES = path.join(__dirname, '..', 'templates');
const OUT = path.join(__dirname, '..', 'dist', 'templates');

// main() runs once, alone: its blocking calls keep nobody waiting, so the default options do not
// report them (the strict config, `reportIn: 'all'`, does).
async function main() {
  const revision = execSync('git rev-parse --short HEAD').toString().trim();
  await mkdir(OUT, { recursive: true });
  const names = fs.readdirSync(TEMPLATES);
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
