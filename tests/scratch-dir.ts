import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A new empty folder under the system's temporary folder, named `<prefix>-XXXXXX`, removed with
 * everything in it when the test process exits (each test file runs in its own process), so test
 * runs do not leave folders behind.
 */
export function scratchDir(prefix: string): string {
  if (made.length === 0) process.once('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}
