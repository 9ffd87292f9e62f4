import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { AT_SRC_TSCONFIG, aliasProject } from '../alias-project';
import { ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * The evidence gate's "a round trip per item" reads the query module a loop calls whatever way the
 * route imports it: relatively, or through the project's `@/` alias and an `index` that re-exports
 * the query modules. The report helper hands its backend functions to the project's database
 * helper, which picks one from the object by key: a call made at run time, not a value computed in
 * place.
 */
const files = {
  'src/lib/pool.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
  'src/lib/backends.ts':
    "export async function onBackend(queries: Record<string, () => Promise<unknown>>) {\n  const kind = process.env.WAREHOUSE ? 'warehouse' : 'sql';\n  return queries[kind]();\n}\n",
  'src/queries/reports/countBy.ts':
    "import { onBackend } from '@/lib/backends';\nimport { pool } from '@/lib/pool';\nexport async function countBy(site: string, column: string) {\n  return onBackend({ sql: () => sqlCount(site, column) });\n}\nasync function sqlCount(site: string, column: string) {\n  const { query } = pool;\n  return query(`select ${column}, count(*) from visits where site = $1 group by 1`, [site]);\n}\n",
  'src/queries/index.ts': "export * from './reports/countBy';\n",
};
const withAliases = aliasProject('loop-aliases', { 'tsconfig.json': AT_SRC_TSCONFIG, ...files });
/** The same files, but no config declares `@/`. */
const withoutAliases = aliasProject('loop-no-aliases', files);
const route = (root: string): string => path.join(root, 'src', 'app', 'api', 'columns', 'route.ts');

/** A route that asks one count per column of a constant list of five. */
const perColumn = (specifier: string): string => `import { countBy } from '${specifier}';
const COLUMNS = ['source', 'medium', 'campaign', 'term', 'content'];
export async function GET(site: string) {
  const counts: Record<string, unknown> = {};
  for (const column of COLUMNS) {
    counts[column] = await countBy(site, column);
  }
  return counts;
}
`;

ruleTester.run('prefer-promise-all-in-loop (query modules reached through path aliases)', testedRule, {
  valid: [
    // no config declares `@/`: nothing shows that the helper waits on a database, and a list the
    // program wrote is not the size of the data
    { filename: route(withoutAliases), code: perColumn('@/queries') },
  ],
  invalid: [
    // through the alias and the index: the helper's own module reads the pool per call (no
    // suggestion: the results are kept by key, not in a list a map could return)
    {
      filename: route(withAliases),
      code: perColumn('@/queries'),
      errors: [{ messageId: 'awaitInLoop', line: 6, column: 22, suggestions: [] }],
    },
    // the same module imported relatively
    {
      filename: route(withAliases),
      code: perColumn('../../../queries/reports/countBy'),
      errors: [{ messageId: 'awaitInLoop', line: 6, column: 22, suggestions: [] }],
    },
  ],
});
