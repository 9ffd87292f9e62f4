import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAsyncPitfallsSettings, specPath } from '../../src/analysis/settings';

describe('readAsyncPitfallsSettings', () => {
  it('reads blockingApis and allowBlocking', () => {
    assert.deepEqual(
      readAsyncPitfallsSettings({
        'async-pitfalls': {
          blockingApis: [{ module: '@acme/io', names: ['readSync'] }, { global: 'Rt', names: ['sleepSync'] }],
          allowBlocking: [{ module: 'fs', names: ['existsSync'] }],
        },
      }),
      {
        blockingApis: [{ module: '@acme/io', names: ['readSync'] }, { global: 'Rt', names: ['sleepSync'] }],
        allowBlocking: [{ module: 'fs', names: ['existsSync'] }],
      },
    );
  });

  it('skips malformed entries instead of failing', () => {
    assert.deepEqual(readAsyncPitfallsSettings(undefined), { blockingApis: [], allowBlocking: [] });
    assert.deepEqual(readAsyncPitfallsSettings({ 'async-pitfalls': 'x' }), { blockingApis: [], allowBlocking: [] });
    assert.deepEqual(
      readAsyncPitfallsSettings({
        'async-pitfalls': {
          blockingApis: [null, { module: 'm' }, { module: 'm', global: 'g', names: ['a'] }, { module: 'm', names: [1] }],
          allowBlocking: { module: 'fs' },
        },
      }),
      { blockingApis: [], allowBlocking: [] },
    );
  });

  it('reads names as property paths', () => {
    assert.deepEqual(specPath('sync'), ['sync']);
    assert.deepEqual(specPath('query.sync'), ['query', 'sync']);
    assert.deepEqual(specPath('default'), []);
  });
});
