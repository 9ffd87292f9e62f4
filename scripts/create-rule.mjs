#!/usr/bin/env node
// Writes the skeleton of a new rule (rule, test, docs page) and registers it, so new rules start alike.
// Usage: npm run create-rule -- <rule-name>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error('usage: npm run create-rule -- <rule-name>   (kebab-case, e.g. no-sync-in-async)');
  process.exit(2);
}
const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const files = {
  [`src/rules/${name}.ts`]: `import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'unexpected';

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO',
      recommended: 'strict',
    },
    messages: {
      unexpected: 'TODO: what is wrong and what to do.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(_context) {
    return {};
  },
});
`,
  // The rule tester is pinned to its own typescript-eslint version, so its RuleModule type differs
  // from ours by identity only: every rule test passes the rule \`as never\` with explicit type arguments.
  [`tests/rules/${name}.test.ts`]: `import rule, { type MessageIds, type Options } from '../../src/rules/${name}';
import { testDocsExamples } from '../docs-examples';
import { ruleTester } from '../rule-tester';

ruleTester.run<MessageIds, Options>('${name}', rule as never, {
  valid: [],
  invalid: [],
});

testDocsExamples('${name}', rule);
`,
  [`docs/rules/${name}.md`]: `# TODO

The pitfall in one sentence.

## Why it hurts

## Incorrect

\`\`\`js
\`\`\`

## Correct

\`\`\`js
\`\`\`

## Options

## When Not To Use It

## Related rules
`,
};
for (const [file, text] of Object.entries(files)) {
  const target = path.join(root, file);
  if (existsSync(target)) {
    console.error(`${file} already exists`);
    process.exit(2);
  }
  writeFileSync(target, text);
  console.log(`wrote ${file}`);
}
const registry = path.join(root, 'src/rules/index.ts');
let source = readFileSync(registry, 'utf8');
source = insertSorted(source, /^import \w+ from '\.\/([^']+)';$/gm, `import ${camel} from './${name}';`);
source = insertSorted(source, /^ {2}'([^']+)': .*,$/gm, `  '${name}': ${camel},`);
writeFileSync(registry, source);
console.log(`registered '${name}' in src/rules/index.ts. Its docs-example test fails until the page's Incorrect example is reported; run npm run docs when the page is written`);

/** Inserts `line` among the lines `pattern` matches (capture 1: the rule name), keeping them sorted by name. */
function insertSorted(text, pattern, line) {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) throw new Error(`src/rules/index.ts: no line matches ${pattern}`);
  const next = matches.find((match) => match[1] > name);
  const at = next ? next.index : matches.at(-1).index + matches.at(-1)[0].length + 1;
  return `${text.slice(0, at)}${line}\n${text.slice(at)}`;
}
