import type { TestContext } from 'node:test';
import { RECHECK_MS } from '../../src/analysis/recent-stats';

/**
 * Puts the test on a mocked `Date` (restored after it) and returns what moves that clock on by
 * `RECHECK_MS`: the test then sees other files as a lint that starts that much later does (see the
 * freshness rule of recent-stats.ts). Call it after each change to the files.
 */
export function laterLints(t: TestContext): () => void {
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  return () => t.mock.timers.tick(RECHECK_MS);
}
