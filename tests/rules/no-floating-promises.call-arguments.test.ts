import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * An async function can reject in general, yet not when it is called with arguments that skip its
 * only rejecting path: `this.setTag(tag, false)` where the only await sits under
 * `if (persist && ...)`. The rule asks, for the call being reported, which branches the literal
 * arguments rule out (`true`, `false`, `null`, `undefined`, numbers and strings, and left-out
 * parameters with their literal default or `undefined`; tested as they are, negated, joined with
 * `&&` / `||`, or compared with a literal: `minutes != null`, `mode === 'dry'`), and whether what
 * is left can reject.
 * A parameter the function assigns is not known; an argument that is not a literal is not known.
 *
 * The same holds for an options object given as an object literal (`mirrorFile({ url, to,
 * bestEffort: true })`): its properties read through a destructured parameter, a `const { ... } =
 * options` in the body, or `options.bestEffort`. A property left out of a literal without a spread
 * is `undefined` (or its default); one after a spread is known, one before it is not.
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

/** A queue whose jobs are sent to a broker (which may fail) unless the options say to keep them local. */
const queue = `import { broker } from 'broker';
export class Queue {
  async add(job, { local, retries = 3 } = {}) {
    this.jobs.push(job);
    if (local) return;
    try {
      await broker.send(job, retries);
    } catch (error) {
      if (!local) throw error;
    }
  }
  async flush(options) {
    const { dryRun } = options;
    if (dryRun) return;
    await broker.flush(this.jobs);
  }
  async drop(options) {
    if (options.keep) return;
    await broker.clear();
  }
  async reset(options) {
    options.keep = options.keep || this.pinned;
    if (options.keep) return;
    await broker.clear();
  }
`;

/** `queue` with a last method `update(x)` whose body is `body`. */
const queueWith = (body: string): string => `${queue}  update(x) {\n${body}\n  }\n}`;

/** `room` with a last method `update(x)` whose body is `body`. */
const withUpdate = (body: string): string => `${room}  update(x) {\n${body}\n  }\n}`;

/**
 * A view that accepts a page or a promise of one (`page = await page`, the first statement) and
 * does nothing more when given none; `stop()` drops `show(null)`.
 */
const viewer = (first: string, stop: string): string => `import { store } from 'store';
export class Viewer {
  async show(page) {
    ${first}
    this.page = page;
    if (!page) return;
    this.title = await store.titleOf(page);
  }
  stop() {
    ${stop}
  }
}`;

const valid: ValidTestCase<Options>[] = [
  // a parameter that may be a promise, settled first (\`page = await page\`): awaiting a literal
  // gives the literal back, so \`null\` still decides the branch, and awaits nothing that can fail
  { code: viewer('page = await page;', 'this.show(null);') },
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
  // options objects: a destructured flag, `const { dryRun } = options`, `options.keep`
  { code: queueWith('    this.add(x, { local: true });\n    this.flush({ dryRun: true });\n    this.drop({ keep: 1 });') },
  // a property written after a spread is known
  { code: queueWith('    this.drop({ ...x, keep: true });') },
  // a function of another module whose every `throw` is behind `!bestEffort` / `!options.bestEffort`
  { filename, code: "import { mirrorFile, mirrorAll } from './mirror-files';\nexport function warm(url, to) {\n  mirrorFile({ url, to, bestEffort: true });\n  mirrorAll([url], { to, bestEffort: true });\n}" },
];


/** The line of `update`'s first statement in `withUpdate`. */
const UPDATE_LINE = room.split('\n').length + 1;
/** The line of `update`'s first statement in `queueWith`. */
const QUEUE_LINE = queue.split('\n').length + 1;

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
  // a page given, or the parameter settled later than first, or assigned anything else: the store is read
  floatingAt(viewer('page = await page;', 'this.show(this.next);'), 10),
  floatingAt(viewer('this.count += 1;\n    page = await page;', 'this.show(null);'), 11),
  floatingAt(viewer('page = await (page || this.fallback());', 'this.show(null);'), 10),
  // the function assigns its parameter: the argument alone does not decide the branch
  floatingAt(withUpdate('    this.mark(x, false);'), UPDATE_LINE),
  // the other module's function with its default
  floatingAt("import { publish } from './listing';\nexport function open(entry) {\n  publish(entry);\n}", 3, { filename }),
  // options left out, or a flag left out of the literal: the send runs
  floatingAt(queueWith('    this.add(x);'), QUEUE_LINE),
  floatingAt(queueWith('    this.add(x, { retries: 1 });'), QUEUE_LINE),
  // a flag that is not a literal, or one a spread after it may change
  floatingAt(queueWith('    this.drop({ keep: x.keep });'), QUEUE_LINE),
  floatingAt(queueWith('    this.drop({ keep: true, ...x });'), QUEUE_LINE),
  // options passed by name decide nothing
  floatingAt(queueWith('    const options = { dryRun: true };\n    this.flush(options);'), QUEUE_LINE + 1),
  // the function changes the flag it reads
  floatingAt(queueWith('    this.reset({ keep: true });'), QUEUE_LINE),
  // a method a subclass beside it overrides: the literal decides the base body's branch, but the
  // subclass's body may be what runs
  floatingAt(
    "export class Report {\n  async send(rows, { dryRun } = {}) {\n    if (dryRun) return;\n    await post(rows);\n  }\n  refresh(rows) {\n    this.send(rows, { dryRun: true });\n  }\n}\nexport class MailedReport extends Report {\n  async send(rows) {\n    await mail(rows);\n  }\n}",
    7,
    { filename },
  ),
  // the other module's functions without the flag (or with it off): each failure is thrown
  floatingAt("import { mirrorFile } from './mirror-files';\nexport function warm(url, to) {\n  mirrorFile({ url, to });\n}", 3, { filename }),
  floatingAt("import { mirrorAll } from './mirror-files';\nexport function warm(url, to) {\n  mirrorAll([url], { to, bestEffort: false });\n}", 3, { filename }),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (arguments that skip the rejecting path)', rule as never, { valid, invalid });
