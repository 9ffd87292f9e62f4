import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `package.json` files read so far, by directory (null: none there, or not a JSON object). Every
 * analysis that reads manifests (where code runs, workspace packages) asks here, so each file is
 * read and parsed once per process; like the per-file caches, each `--concurrency` worker thread
 * has its own. A manifest edited during one long editor session is seen at the next start.
 */
const manifestByDir = new Map<string, Readonly<Record<string, unknown>> | null>();

/** The parsed `package.json` of `dir`, or null when there is none or it is not a JSON object. */
export function readManifest(dir: string): Readonly<Record<string, unknown>> | null {
  const known = manifestByDir.get(dir);
  if (known !== undefined) return known;
  let manifest: Record<string, unknown> | null = null;
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (json && typeof json === 'object' && !Array.isArray(json)) manifest = json as Record<string, unknown>;
  } catch {
    // no manifest, or not JSON
  }
  manifestByDir.set(dir, manifest);
  return manifest;
}
