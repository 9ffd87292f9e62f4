import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveAliasedModule, resolveProjectModule } from '../../src/analysis/module-resolution';

/** A temporary project with `files`. */
function project(files: Record<string, string>): string {
  const root = scratchDir('module-aliases');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('resolveAliasedModule', () => {
  it('follows a wildcard alias of the nearest tsconfig (comments and trailing commas allowed)', () => {
    const root = project({
      'tsconfig.json': '{\n  // the app\'s aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], }, },\n}',
      'src/queries/report.ts': '',
      'src/app/api/route.ts': '',
    });
    const importer = path.join(root, 'src', 'app', 'api', 'route.ts');
    assert.equal(resolveAliasedModule(importer, '@/queries/report')?.file, path.join(root, 'src', 'queries', 'report.ts'));
    assert.equal(resolveAliasedModule(importer, '@/queries/missing'), null);
  });

  it('follows a jsconfig alias with a suffix-free exact entry and a second target', () => {
    const root = project({
      'jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./app/*", "./shared/*"], "db": ["./shared/db/index.js"] } } }',
      'shared/lib/api.js': '',
      'shared/db/index.js': '',
      'app/page.js': '',
    });
    const importer = path.join(root, 'app', 'page.js');
    assert.equal(resolveAliasedModule(importer, '~/lib/api')?.file, path.join(root, 'shared', 'lib', 'api.js'));
    assert.equal(resolveAliasedModule(importer, 'db')?.file, path.join(root, 'shared', 'db', 'index.js'));
  });

  it('leaves relative specifiers, packages and projects without aliases alone', () => {
    const root = project({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', 'src/a.ts': '', 'src/b.ts': '' });
    const importer = path.join(root, 'src', 'a.ts');
    assert.equal(resolveAliasedModule(importer, './b'), null);
    assert.equal(resolveAliasedModule(importer, 'pg'), null);
    assert.equal(resolveAliasedModule(importer, '@/b'), null);
  });

  it('reads paths and baseUrl from a project config the nearest one extends (one level)', () => {
    const root = project({
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "./packages", "paths": { "#shared/*": ["shared/src/*"] } } }',
      'packages/web/tsconfig.json': '{ "extends": "../../tsconfig.base", "compilerOptions": { "strict": true } }',
      'packages/shared/src/clock.ts': '',
      'packages/web/src/page.ts': '',
    });
    const importer = path.join(root, 'packages', 'web', 'src', 'page.ts');
    assert.equal(resolveAliasedModule(importer, '#shared/clock')?.file, path.join(root, 'packages', 'shared', 'src', 'clock.ts'));
  });

  it('follows a package.json imports subpath, from the built target back to the source', () => {
    const root = project({
      'package.json': '{ "name": "svc", "imports": { "#db": "./src/db.ts", "#lib/*": { "types": "./dist/lib/*.d.ts", "default": "./dist/lib/*.js" }, "#dep": "left-pad" } }',
      'src/db.ts': '',
      'src/lib/mail.ts': '',
      'src/routes/send.ts': '',
    });
    const importer = path.join(root, 'src', 'routes', 'send.ts');
    assert.equal(resolveAliasedModule(importer, '#db')?.file, path.join(root, 'src', 'db.ts'));
    assert.equal(resolveAliasedModule(importer, '#lib/mail')?.file, path.join(root, 'src', 'lib', 'mail.ts'));
    assert.equal(resolveAliasedModule(importer, '#dep'), null);
  });
});

describe('resolveProjectModule', () => {
  it('resolves relative specifiers and aliases alike, and never a Node module', () => {
    const root = project({
      'jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"], "fs": ["./src/fake-fs.js"] } } }',
      'src/common/index.js': '',
      'src/fake-fs.js': '',
      'src/background/sw.js': '',
    });
    const importer = path.join(root, 'src', 'background', 'sw.js');
    const common = path.join(root, 'src', 'common', 'index.js');
    assert.equal(resolveProjectModule(importer, '../common')?.file, common);
    assert.equal(resolveProjectModule(importer, '@/common')?.file, common);
    assert.equal(resolveProjectModule(importer, 'fs'), null);
    assert.equal(resolveProjectModule(importer, 'node:fs'), null);
    assert.equal(resolveProjectModule(importer, 'react'), null);
  });
});

describe('resolveProjectModule picks the alias TypeScript picks', () => {
  it('prefers an exact pattern, then the longest prefix, whatever the order of the entries', () => {
    const root = project({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"], "@/store": ["./src/store/sql.ts"], "@/widgets/*": ["./src/ui/widgets/*"] } } }',
      'src/store.ts': '',
      'src/store/sql.ts': '',
      'src/widgets/Card.ts': '',
      'src/ui/widgets/Card.ts': '',
      'src/main.ts': '',
    });
    const importer = path.join(root, 'src', 'main.ts');
    assert.equal(resolveProjectModule(importer, '@/store')?.file, path.join(root, 'src', 'store', 'sql.ts'));
    assert.equal(resolveProjectModule(importer, '@/widgets/Card')?.file, path.join(root, 'src', 'ui', 'widgets', 'Card.ts'));
  });

  it('takes the nearest config only, also when it declares no aliases', () => {
    const root = project({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@shop/*": ["./web/src/*"] } } }',
      'web/src/orders.ts': '',
      'api/tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'api/src/handler.ts': '',
    });
    assert.equal(resolveProjectModule(path.join(root, 'api', 'src', 'handler.ts'), '@shop/orders'), null);
  });

  it('leaves a package a package when a catch-all alias points into node_modules', () => {
    const root = project({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["node_modules/*", "src/types/*"] } } }',
      'node_modules/left-pad/index.js': '',
      'src/app.ts': '',
    });
    assert.equal(resolveProjectModule(path.join(root, 'src', 'app.ts'), 'left-pad'), null);
  });
});
