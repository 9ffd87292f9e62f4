import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from './scratch-dir';

/**
 * A throw-away project on disk for the tests of readings that follow imports across files through
 * a project's path aliases (`@/lib/x` of a tsconfig's `compilerOptions.paths`, `#lib/x` of a
 * package.json's `imports`): `files` by path from the project's root, which is returned.
 */
export function aliasProject(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = scratchDir(prefix);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** A tsconfig.json mapping `@/*` to `./src/*`. */
export const AT_SRC_TSCONFIG = '{\n  "compilerOptions": {\n    "baseUrl": ".",\n    // the app imports its own code as @/...\n    "paths": { "@/*": ["./src/*"] },\n  },\n}\n';
