import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/typescript-estree';
import { locationWriteOf } from '../../src/analysis/location-writes';

/** The call of a one-expression program. */
function callOf(code: string): TSESTree.CallExpression {
  const [statement] = parse(code, { range: true }).body;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) {
    throw new Error(`not a call: ${code}`);
  }
  return statement.expression;
}

function kindOf(code: string): string | null {
  return locationWriteOf(callOf(code))?.kind ?? null;
}

describe('locationWriteOf', () => {
  it('a write named so, given a location first', () => {
    assert.equal(kindOf('provider.config.setValue(repoPath, key, undefined)'), 'named-location');
    assert.equal(kindOf('this.locator.storeLocation(repo.path, url)'), 'named-location');
    assert.equal(kindOf('applySetting(settingsFile, lever)'), 'named-location');
    const write = locationWriteOf(callOf('saveEntry(uri.fsPath, entry)'));
    assert.equal(write?.kind === 'named-location' ? write.location.type : null, AST_NODE_TYPES.MemberExpression);
  });

  it('a command that rewrites a configuration file', () => {
    assert.equal(kindOf("git.run(repoPath, 'config', '--global', '--unset', key)"), 'config-command');
    assert.equal(kindOf("exec('npm', 'config', 'set', key, value)"), 'config-command');
  });

  it('not a read, a write to a connection, a directory, or a config read', () => {
    assert.equal(kindOf('readConfig(repoPath, key)'), null);
    assert.equal(kindOf('updateUser(db, user)'), null);
    assert.equal(kindOf('saveFile(outDir, file)'), null);
    assert.equal(kindOf("git.run(repoPath, 'config', '--get', key)"), null);
    assert.equal(kindOf('setup(repoPath)'), null);
  });
});
