import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * An async function can reject in general, yet not when it is called with arguments that skip its
 * only rejecting path: `this.setTag(tag, false)` where the only await sits under
 * `if (persist && ...)`. The rule asks, for the call being reported, which branches the literal
 * arguments rule out (`true`, `false`, `null`, `undefined`, numbers and strings, and left-out
 * parameters with their literal default or `undefined`; tested as they are, negated, joined with
 * `&&` / `||`, or compared with a literal: `minutes != null`, `mode === 'dry'`), and whether what
 * is left can reject.
 * A parameter the function assigns is not known; an argument that is not a literal is not known.
 */

const filename = path.join(FIXTURES_DIR, 'file.ts');

/** A room whose changes are saved to a store (which may fail) unless the caller says not to. */
const room = `import { store } from 'store';
export class Room {
  async setTag(tag, persist = true) {
    this.tag = tag;
    if (persist && this.open) {
      await store.save(this);
    }
  }
  async reserve(id, rejoin = false, token) {
    if (!rejoin && this.full()) return false;
    if (!rejoin) {
      await store.count(1);
    }
    if (token) {
      await store.remember(token, id);
    }
    return true;
  }
  async leave(id, quiet) {
    if (quiet) return;
    await store.remove(id);
  }
  async schedule(minutes) {
    if (minutes != null) {
      await store.alarm(minutes);
    }
    this.next = Date.now();
  }
  async run(mode = 'apply') {
    if (mode === 'dry') return;
    await store.apply(this);
  }
  async mark(flag, persist = true) {
    persist = persist || this.dirty;
    if (persist) await store.save(this);
  }
  async note(text, keep) {
    keep && (await store.note(text));
  }
  async forget(id, quiet) {
    quiet || (await store.remove(id));
  }
  async stamp(this: Room, id, persist) {
    if (persist) await store.save(this);
  }
`;

/** `room` with a last method `update(x)` whose body is `body`. */
const withUpdate = (body: string): string => `${room}  update(x) {\n${body}\n  }\n}`;

const valid: ValidTestCase<Options>[] = [
  // the flag turns the save off: only the in-memory change is left
  { code: withUpdate('    this.setTag(x, false);') },
  // a rejoin skips the count, and no token is given
  { code: withUpdate('    this.reserve(x, true);\n    this.reserve(x, true, undefined);') },
  // `if (quiet) return;` with `true` given: the rest never runs
  { code: withUpdate('    this.leave(x, true);') },
  // compared with a literal: left out (`undefined`), `minutes != null` is false; `'dry'` returns early
  { code: withUpdate("    this.schedule();\n    this.schedule(null);\n    this.run('dry');") },
  // the right operand of \`&&\` / \`||\` that the argument rules out
  { code: withUpdate('    this.note(x, false);\n    this.forget(x, true);') },
  // a TypeScript \`this\` parameter takes no argument: \`false\` is \`persist\`
  { code: withUpdate('    this.stamp(x, false);') },
  // a function of another module, told not to save
  { filename, code: "import { publish } from './listing';\nexport function open(entry) {\n  publish(entry, false);\n}" },
];

/** The call statement at `line` of `code` reported, with its `void` suggestion. */
function floatingAt(code: string, line: number, extra: Partial<InvalidTestCase<MessageIds, Options>> = {}): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  lines[line - 1] = `${text.slice(0, column - 1)}void ${text.slice(column - 1)}`;
  return { code, ...extra, errors: [{ messageId: 'floating', line, column, suggestions: [{ messageId: 'suggestVoid', output: lines.join('\n') }] }] };
}

/** The line of `update`'s first statement in `withUpdate`. */
const UPDATE_LINE = room.split('\n').length + 1;

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the default saves
  floatingAt(withUpdate('    this.setTag(x);'), UPDATE_LINE),
  floatingAt(withUpdate('    this.setTag(x, true);'), UPDATE_LINE),
  // a value that is not a literal decides nothing
  floatingAt(withUpdate('    this.setTag(x, x.persist);'), UPDATE_LINE),
  // a token given: it is remembered in the store
  floatingAt(withUpdate("    this.reserve(x, true, 'token');"), UPDATE_LINE),
  floatingAt(withUpdate('    this.leave(x, false);'), UPDATE_LINE),
  floatingAt(withUpdate('    this.schedule(5);'), UPDATE_LINE),
  floatingAt(withUpdate('    this.run();'), UPDATE_LINE),
  // the right operand of \`&&\` / \`||\` that the argument leaves running
  floatingAt(withUpdate('    this.note(x, true);'), UPDATE_LINE),
  floatingAt(withUpdate('    this.forget(x, false);'), UPDATE_LINE),
  // a TypeScript \`this\` parameter takes no argument: \`true\` is \`persist\`, and the save runs
  floatingAt(withUpdate('    this.stamp(x, true);'), UPDATE_LINE),
  // the function assigns its parameter: the argument alone does not decide the branch
  floatingAt(withUpdate('    this.mark(x, false);'), UPDATE_LINE),
  // the other module's function with its default
  floatingAt("import { publish } from './listing';\nexport function open(entry) {\n  publish(entry);\n}", 3, { filename }),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (arguments that skip the rejecting path)', rule as never, { valid, invalid });
