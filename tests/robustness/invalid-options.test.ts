/**
 * Invalid options fail fast with ESLint's schema error naming the rule, instead of being ignored
 * or crashing inside the rule: every rule declares a schema that rejects unknown properties and
 * extra array items.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import { corpusConfig, pluginRuleEntries } from '../../scripts/corpus-config';

/** ESLint's flat-config schema error: it names the rule and says which value is wrong and why. */
function isSchemaErrorFor(ruleId: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof Error);
    assert.ok(error.message.includes(`Key "rules": Key "${ruleId}":`), error.message);
    assert.match(error.message, /Value .* should /);
    return true;
  };
}

async function lintWith(ruleId: string, entry: Linter.RuleEntry): Promise<void> {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: corpusConfig([], { rules: { [ruleId]: entry } }) });
  await eslint.lintText('async function f() { await g(); }\n', { filePath: 'file.js' });
}

describe('invalid options give a clear error', () => {
  for (const [ruleId, strictEntry] of Object.entries(pluginRuleEntries('strict'))) {
    const validOptions = Array.isArray(strictEntry) ? strictEntry.slice(1) : [];

    it(`${ruleId}: its strictest options are valid`, async () => {
      await lintWith(ruleId, strictEntry);
    });

    it(`${ruleId}: an unknown option property is rejected`, async () => {
      await assert.rejects(lintWith(ruleId, ['error', { notAnOption: true }]), isSchemaErrorFor(ruleId));
    });

    it(`${ruleId}: an extra option is rejected`, async () => {
      const tooMany: Linter.RuleEntry = ['error', ...validOptions, ...Array.from({ length: 4 }, () => ({}))];
      await assert.rejects(lintWith(ruleId, tooMany), isSchemaErrorFor(ruleId));
    });
  }
});
