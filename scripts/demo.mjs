// `npm run demo`: build the plugin, run the zero-config CLI on the flawed example service (findings
// are the point), then on its fixed twin (clean). Exits 0 when both behave as expected, so npm prints
// no "script failed" noise; exits 1 only when the demo itself is broken.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');
const bold = (text) => (process.stdout.isTTY ? `\u001B[1m${text}\u001B[22m` : text);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

console.log(bold('Building the plugin (npm run build)...'));
if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('demo: the build failed.');
  process.exit(1);
}

const ruleCount = Object.keys(createRequire(import.meta.url)(path.join(root, 'dist', 'index.js')).rules).length;
// With no rule registered yet (a foundation-only checkout) nothing can be found: that is expected too.
const expectedFlawed = ruleCount > 0 ? 1 : 0;

// `--config all` so every rule shows, including any that are only in the strict config.
console.log(bold('\n1. async-pitfalls --config all examples/   (a small service with every pitfall)'));
const flawed = run(process.execPath, [cli, '--config', 'all', 'examples']);
const verdict = flawed === 1 ? 'findings, as a CI gate would fail' : ruleCount === 0 ? 'no rules registered yet' : 'unexpected';
console.log(bold(`   exit code ${flawed}: ${verdict}`));

console.log(bold('\n2. async-pitfalls --config all examples/fixed/   (the same service, fixed)'));
const fixed = run(process.execPath, [cli, '--config', 'all', 'examples/fixed']);
console.log(bold(`   exit code ${fixed}: ${fixed === 0 ? 'clean' : 'unexpected findings'}`));

console.log('\nNext: npx async-pitfalls --help, or see README.md for ESLint config and CI setup.');
process.exit(flawed === expectedFlawed && fixed === 0 ? 0 : 1);
