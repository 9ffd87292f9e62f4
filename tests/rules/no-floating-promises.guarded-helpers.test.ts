import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-floating-promises';
import { aliasProject } from '../alias-project';
import '../rule-tester';
import { dropped } from './floating-reports';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

/**
 * Typed: an `async` method of the program, in another file, that formats what it is given and then
 * does its only asynchronous work inside a `try` whose `catch` reports and goes on (a chat bot's
 * "post this line to the moderators' room"). Called without `await` from many places with a text
 * line, its promise cannot reject: the formatting before the guard is string work on a string. The
 * checker's types of the arguments at each call decide it: handed an `Error`, the formatting calls
 * a string method on something that is not a string, and the promise rejects with a `TypeError`
 * before the guard is reached.
 *
 * The helper's folder holds more modules than the readers of other files look through for
 * subclasses, so only the checker's declaration of the method tells what runs.
 */
const roomLog = `export interface RoomClient {
  sendNotice(roomId: string, html: string): Promise<string>;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class RoomLog {
  constructor(private readonly client: RoomClient, private readonly roomId: string) {}

  async post(level: string, line: string | any): Promise<any> {
    const html = \`<b>\${level}</b> \${escapeMarkup(line)}\`;
    try {
      await this.client.sendNotice(this.roomId, html);
    } catch (error) {
      console.error('the log room did not take the line', error);
    }
  }

  async note(line: string) {
    const text = line.trim();
    if (text.length === 0) return;
    try {
      await this.client.sendNotice(this.roomId, text.slice(0, 500));
    } catch (error) {
      console.warn(error);
    }
  }

  async postAfterLookup(line: string): Promise<void> {
    const room = await this.client.sendNotice(this.roomId, 'looking up');
    try {
      await this.client.sendNotice(room, line);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteFirst(lines: string[]) {
    const first = lines[0].trim();
    try {
      await this.client.sendNotice(this.roomId, first);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteFirstKept(lines: string[]) {
    const first = lines[0];
    const text = first.trim();
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteCommandArgument(text: string) {
    const name = text.split(' ')[1].trim();
    try {
      await this.client.sendNotice(this.roomId, name);
    } catch (error) {
      console.warn(error);
    }
  }

  async notePair(pair: [string, string]) {
    const text = pair[0].trim() + pair[1].trim();
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteOrRetry(line: string) {
    const text = line.trim();
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      return this.noteLater(line);
    }
  }

  async noteLater(line: string) {
    await this.client.sendNotice(this.roomId, line);
  }

  async noteOrWriteDown(line: string) {
    const text = line.trim();
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error: any) {
      this.writeDown(error.message.trim());
    }
  }

  writeDown(text: string): void {
    if (text.length > 1000) throw new Error('too long to keep');
  }

  async noteStamped(line: string, stamp: string = this.stampOf(line)) {
    const text = stamp + line.trim();
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      console.warn(error);
    }
  }

  stampOf(line: string): string {
    if (line.length === 0) throw new Error('nothing to stamp');
    return new Date().toISOString();
  }

  async noteLevelled(line: string, level = 'INFO') {
    try {
      await this.client.sendNotice(this.roomId, level + line);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteEntry({ text }: { text: string }) {
    const line = text.trim();
    try {
      await this.client.sendNotice(this.roomId, line);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteTagged(line: any) {
    const text = \`[bot] \${line}\`;
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteIfMentioned(line: string, word: string | RegExp) {
    if (!line.includes(word as string)) return;
    try {
      await this.client.sendNotice(this.roomId, line);
    } catch (error) {
      console.warn(error);
    }
  }

  async noteAll(items: readonly unknown[]) {
    const text = items.join(', ');
    try {
      await this.client.sendNotice(this.roomId, text);
    } catch (error) {
      console.warn(error);
    }
  }

  async postOrFail(line: string): Promise<void> {
    try {
      await this.client.sendNotice(this.roomId, line);
    } catch (error) {
      console.warn(error);
      throw error;
    }
  }
}
`;

const fillers = Object.fromEntries(Array.from({ length: 64 }, (_, index) => [`src/part${index}.ts`, `export const part${index} = ${index};\n`]));
const TSCONFIG = '{ "compilerOptions": { "strict": true, "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"], "types": [], "skipLibCheck": true }, "include": ["src/*.ts"] }\n';
// \`src/watcher.ts\` is the linted file: it must exist for the project service to count it in.
const project = aliasProject('floating-guarded-helpers', { 'tsconfig.json': TSCONFIG, 'src/room-log.ts': roomLog, 'src/watcher.ts': '', ...fillers });
/** The same project with a subclass whose `note` posts without a guard: a call typed `RoomLog` may run it. */
const extended = aliasProject('floating-guarded-helpers-extended', {
  'tsconfig.json': TSCONFIG,
  'src/room-log.ts': roomLog,
  'src/watcher.ts': '',
  'src/loud-room-log.ts': "import { RoomLog } from './room-log';\nexport class LoudRoomLog extends RoomLog {\n  override async note(line: string) {\n    await fetch('/loud', { method: 'POST', body: line });\n  }\n}\n",
  ...fillers,
});
/** A class used as an interface (`implements RoomLog`), and a mixin over it: a call typed `RoomLog` may run either's `note`. */
const implemented = aliasProject('floating-guarded-helpers-implemented', {
  'tsconfig.json': TSCONFIG,
  'src/room-log.ts': roomLog,
  'src/watcher.ts': '',
  'src/file-log.ts': "import { RoomLog } from './room-log';\nexport class FileLog implements Pick<RoomLog, 'note'> {\n  async note(line: string) {\n    await fetch('/file', { method: 'POST', body: line });\n  }\n}\n",
  ...fillers,
});
const mixed = aliasProject('floating-guarded-helpers-mixin', {
  'tsconfig.json': TSCONFIG,
  'src/room-log.ts': roomLog,
  'src/watcher.ts': '',
  'src/timed-log.ts':
    "import { RoomLog } from './room-log';\nfunction Timed<T extends new (...args: any[]) => object>(Base: T) {\n  return class extends Base {};\n}\nexport class TimedLog extends Timed(RoomLog) {}\n",
  ...fillers,
});
const watcher = path.join(project, 'src', 'watcher.ts');

const tester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: project } } });
const extendedTester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: extended } } });

const calls = (body: string): string => `import { RoomLog } from './room-log';
export class Watcher {
  constructor(private readonly log: RoomLog) {}
  async onEvent(user: string, failure: Error, raw: any): Promise<void> {
${body}
  }
}
`;

tester.run('no-floating-promises (typed: guarded helpers of other files, judged with the arguments given)', testedRule, {
  valid: [
    // a text line, written out or built from strings: the escaping cannot throw, the post is guarded
    { filename: watcher, code: calls("    this.log.post('INFO', `joined: ${user}`);\n    this.log.post('WARN', 'restarting');") },
    // string work before the guard (`trim`, an early return, `slice` inside it), no annotation
    { filename: watcher, code: calls("    this.log.note('joined');\n    this.log.note(user);") },
    // a tuple read at an index it holds; a default that cannot throw; a pattern handed an object
    // a search for a word; a join of text and numbers
    { filename: watcher, code: calls("    this.log.noteIfMentioned(user, 'deploy');\n    this.log.noteAll([user, 2]);") },
    { filename: watcher, code: calls("    this.log.notePair([user, 'joined']);\n    this.log.noteLevelled(user);\n    this.log.noteEntry({ text: user });") },
  ],
  invalid: [
    // an `Error` handed where a line was meant: the escaping calls `replace` on it and the
    // promise rejects before the guard
    dropped(calls("    this.log.post('ERROR', failure);"), watcher, 5, 5, true),
    // a value the checker knows nothing of (`any`): the escaping may throw, so it stays reported
    dropped(calls("    this.log.post('ERROR', raw);"), watcher, 5, 5, true),
    // an `await` before the guard, and a `catch` that rethrows: the promise can reject
    dropped(calls("    this.log.postAfterLookup('x');"), watcher, 5, 5, true),
    dropped(calls("    this.log.postOrFail('x');"), watcher, 5, 5, true),
    // an element of an array or of a split line may be missing: `.trim()` on it throws before
    // the guard (the program does not turn on `noUncheckedIndexedAccess`)
    dropped(calls("    this.log.noteFirst([]);"), watcher, 5, 5, true),
    dropped(calls("    this.log.noteCommandArgument('help');"), watcher, 5, 5, true),
    // ...also when the element is kept in a local first
    dropped(calls("    this.log.noteFirstKept([]);"), watcher, 5, 5, true),
    // the `catch` returns a retry (the function adopts its rejection), or calls a helper that
    // may throw with what the error holds: the guard hands the failure on
    dropped(calls("    this.log.noteOrRetry('x');"), watcher, 5, 5, true),
    dropped(calls("    this.log.noteOrWriteDown('x');"), watcher, 5, 5, true),
    // a parameter's default runs inside the function, and this one may throw
    dropped(calls("    this.log.noteStamped('');"), watcher, 5, 5, true),
    // a destructured parameter handed `any`, and `any` in a template: either may throw
    dropped(calls("    this.log.noteEntry(raw);"), watcher, 5, 5, true),
    dropped(calls("    this.log.noteTagged(raw);"), watcher, 5, 5, true),
    // \`includes\` handed a regular expression throws; \`join\` converts elements that may be anything
    dropped(calls("    this.log.noteIfMentioned(user, /deploy/);"), watcher, 5, 5, true),
    dropped(calls("    this.log.noteAll([raw]);"), watcher, 5, 5, true),
  ],
});

extendedTester.run('no-floating-promises (typed: a guarded helper that a subclass of the program overrides)', testedRule, {
  valid: [],
  invalid: [dropped(calls("    this.log.note('joined');"), path.join(extended, 'src', 'watcher.ts'), 5, 5, true)],
});

for (const [name, root] of [
  ['implements', implemented],
  ['a mixin', mixed],
] as const) {
  new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } } }).run(`no-floating-promises (typed: a guarded helper whose class ${name} clause of the program names)`, testedRule, {
    valid: [],
    invalid: [dropped(calls("    this.log.note('joined');"), path.join(root, 'src', 'watcher.ts'), 5, 5, true)],
  });
}
