/**
 * The examples' marker comments, and findings in the same shape, so a test compares two sorted lists.
 *
 * A line that should be reported ends with `// ⚠️ async-pitfalls/<rule>` (several rule ids may follow,
 * separated by commas). A finding is written `<path relative to examples/>:<line> <ruleId>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const LINTED = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const MARKER = /\/\/ ⚠️ (.+)$/u;
const RULE_ID = /async-pitfalls\/[a-z0-9-]+/gu;

export interface Marker {
  file: string;
  line: number;
  ruleId: string;
}

/** Every lintable file under `dir`, relative to it, with `/` separators. */
function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else if (LINTED.test(entry.name)) files.push(relative);
  }
  return files;
}

/** The markers of the flawed service (everything under examples/ except fixed/). */
export function readMarkers(examplesDir = EXAMPLES_DIR): Marker[] {
  const markers: Marker[] = [];
  for (const file of listFiles(examplesDir).filter((name) => !name.startsWith('fixed/'))) {
    const lines = readFileSync(path.join(examplesDir, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      const comment = MARKER.exec(text)?.[1];
      for (const ruleId of comment?.match(RULE_ID) ?? []) markers.push({ file, line: index + 1, ruleId });
    });
  }
  return markers;
}

/** The markers of the rules a config turns on, as sorted `file:line ruleId` strings. */
export function expectedFindings(markers: Marker[], enabledRuleIds: Iterable<string>): string[] {
  const enabled = new Set(enabledRuleIds);
  return markers
    .filter((marker) => enabled.has(marker.ruleId))
    .map((marker) => `${marker.file}:${marker.line} ${marker.ruleId}`)
    .sort();
}

/** The subset of an ESLint result the tests read (`-f json` output and `ESLint#lintFiles` agree). */
export interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

/**
 * Findings as sorted `file:line ruleId` strings relative to `examplesDir`. Messages without a rule id
 * (parse errors, ignored-file notices) are kept as `file:line <message>` so a test shows them.
 */
export function actualFindings(results: JsonResult[], examplesDir: string): string[] {
  const findings: string[] = [];
  for (const result of results) {
    const file = path.relative(examplesDir, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      findings.push(`${file}:${message.line} ${message.ruleId ?? message.message}`);
    }
  }
  return findings.sort();
}
