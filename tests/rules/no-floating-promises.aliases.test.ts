import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { AT_SRC_TSCONFIG, aliasProject } from '../alias-project';
import { ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * "Can this dropped promise reject?" and "is this a promise?" read other files of the project the
 * same way whether an import is relative or goes through a path alias of the project: a
 * tsconfig/jsconfig `paths` entry (`@/lib/timing`) or a package.json `imports` subpath
 * (`#lib/timing`). The helper modules: a pause that only resolves, a writer that flushes after
 * such a pause (it cannot reject), and an upload that can fail.
 */
const helpers = {
  'src/lib/timing.ts': 'export function pause(ms: number): Promise<void> {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\n',
  'src/lib/flush.ts':
    "import { pause } from '@/lib/timing';\nlet pending: object | null = null;\nexport async function flushLater(state: object): Promise<void> {\n  pending = state;\n  await pause(500);\n  pending = null;\n}\n",
  'src/lib/upload.ts': "export async function upload(body: string): Promise<void> {\n  await fetch('/api/notes', { method: 'POST', body });\n}\n",
};
const withAliases = aliasProject('floating-aliases', {
  'tsconfig.json': AT_SRC_TSCONFIG,
  'package.json': '{ "name": "notes-app", "private": true, "imports": { "#lib/*": "./src/lib/*.ts" } }',
  ...helpers,
});
/** The same files, but no config declares `@/`: the pause cannot be read from the writer. */
const withoutAliases = aliasProject('floating-no-aliases', { 'package.json': '{ "name": "notes-app", "private": true }', ...helpers });

const inApp = (root: string): string => path.join(root, 'src', 'app', 'editor.ts');
const dropsFlush = (specifier: string): string => `import { flushLater } from '${specifier}';\nexport function onEdit(state: object): void {\n  flushLater(state);\n}\n`;

ruleTester.run('no-floating-promises (modules reached through path aliases)', testedRule, {
  valid: [
    // the writer, imported relatively, awaits an aliased pause that only resolves: nothing is lost
    { filename: inApp(withAliases), code: dropsFlush('../lib/flush') },
    // the same writer imported through the alias and through the package.json `imports` subpath
    { filename: inApp(withAliases), code: dropsFlush('@/lib/flush') },
    { filename: inApp(withAliases), code: dropsFlush('#lib/flush') },
  ],
  invalid: [
    // without a config that declares `@/`, the writer's pause is unknown: it may reject
    {
      filename: inApp(withoutAliases),
      code: dropsFlush('../lib/flush'),
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: dropsFlush('../lib/flush').replace('  flushLater', '  void flushLater') }] }],
    },
    // an aliased upload that can fail: known as a promise through the alias, and reported
    {
      filename: inApp(withAliases),
      code: "import { upload } from '@/lib/upload';\nexport function onSave(text: string): void {\n  upload(text);\n}\n",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          suggestions: [{ messageId: 'suggestVoid', output: "import { upload } from '@/lib/upload';\nexport function onSave(text: string): void {\n  void upload(text);\n}\n" }],
        },
      ],
    },
  ],
});
