/**
 * The bundled examples against the plugin built from this repository, in process (a few seconds):
 * every marker is reported, nothing else is, every registered rule is shown, and `examples/fixed`
 * is clean. `package.test.ts` runs the same checks on the packed and installed package.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index';
import { actualFindings, EXAMPLES_DIR, expectedFindings, readMarkers } from './markers';

const markers = readMarkers();
const registered = Object.keys(plugin.rules).map((name) => `async-pitfalls/${name}`);

async function lintExamples(target: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: EXAMPLES_DIR,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
      plugin.configs.all as unknown as Linter.Config,
    ],
  });
  return actualFindings(await eslint.lintFiles([target]), EXAMPLES_DIR);
}

describe('examples/', () => {
  it('every registered rule has at least one marker, so the demo shows every rule', () => {
    const marked = new Set(markers.map((marker) => marker.ruleId));
    assert.deepEqual(
      registered.filter((ruleId) => !marked.has(ruleId)),
      [],
    );
  });

  it('every marker names a registered rule', () => {
    assert.deepEqual(
      markers.filter((marker) => !registered.includes(marker.ruleId)),
      [],
    );
  });

  it('the flawed service: reports are exactly the marked lines (config all)', async () => {
    const actual = (await lintExamples('.')).filter((finding) => !finding.startsWith('fixed/'));
    assert.deepEqual(actual, expectedFindings(markers, registered));
  });

  it('examples/fixed has no findings', async () => {
    assert.deepEqual(await lintExamples(path.join('fixed')), []);
  });
});
