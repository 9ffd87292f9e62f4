import { Linter } from 'eslint';
import plugin from '../src/index';
import tsParser from '@typescript-eslint/parser';
import path from 'node:path';
const linter = new Linter({ configType: 'flat' });
const code = process.argv[3]!;
for (const opts of [{}, { requireEvidence: false }]) {
  const msgs = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { ap: plugin as never }, rules: { [`ap/${process.argv[2]}`]: ['error', opts] } }], process.argv[4] ?? path.join(process.cwd(), 'tests/fixtures/remote-evidence/file.ts'));
  console.log(JSON.stringify(opts), msgs.map((m) => `${m.line}:${m.column} ${m.messageId ?? m.message}`));
}
