import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFunctionNode } from '../../src/analysis/async-context';
import { getFunctionTimelines } from '../../src/analysis/function-timeline';
import { getSourceWords } from '../../src/analysis/source-words';
import { runOnCode } from './run-on-code';

/** The events of the first function of `code` (`kind node-type line`, in timeline order). */
function events(code: string): string[] {
  const [found] = runOnCode<string[]>(code, (context, collect) => {
    let done = false;
    return {
      ':function'(node: Parameters<typeof isFunctionNode>[0]) {
        if (done || !isFunctionNode(node)) return;
        done = true;
        collect(getFunctionTimelines(context).timelineOf(node).events.map((event) => `${event.kind} ${event.node.type} ${event.node.loc.start.line}`));
      },
    };
  });
  return found ?? [];
}

describe('function-timeline', () => {
  it('finds the events inside long statements and passes over code without an event keyword', () => {
    const code = [
      'async function run(items: string[], load: (id: string) => Promise<string>) {',
      '  const settings = { retries: 3, timeoutInMilliseconds: 5000, label: "a long label here" };',
      '  const names = items.map((item) => item.trim()).filter((item) => item.length > 0).join(",");',
      '  // await in a comment is no event; the statement after it has none either',
      '  const joined = [settings.label, names, String(settings.retries), "another long string"];',
      '  for (const item of items) {',
      '    if (item === "stop") break;',
      '    const loaded = await load(item + "-" + joined.length + "-" + settings.timeoutInMilliseconds);',
      '    if (!loaded) continue;',
      '  }',
      '  try { const value = await load("x"); if (!value) throw new Error("none"); } catch { return null; }',
      '  for await (const chunk of [load("a"), load("b")]) void chunk;',
      '  return names;',
      '}',
    ].join('\n');
    assert.deepEqual(events(code), [
      'exit BreakStatement 7',
      'suspension AwaitExpression 8',
      'exit ContinueStatement 9',
      'suspension AwaitExpression 11',
      'exit ThrowStatement 11',
      'exit ReturnStatement 11',
      'suspension ForOfStatement 12',
      'exit ReturnStatement 13',
    ]);
  });

  it('leaves out the events of nested functions', () => {
    const code = 'async function outer() {\n  const later = async () => { await work(); return 1; };\n  await later();\n}\ndeclare function work(): Promise<void>;';
    assert.deepEqual(events(code), ['suspension AwaitExpression 3']);
  });
});

describe('SourceWords.anyStartsBetween', () => {
  it('says whether one of the words starts in the stretch', () => {
    const code = 'const a = 1; // await\nconst b = 2; const yielded = 3;\n';
    const [answers] = runOnCode<boolean[]>(code, (context, collect) => ({
      Program() {
        const words = getSourceWords(context);
        const at = (text: string) => code.indexOf(text);
        collect([
          words.anyStartsBetween(['await', 'yield'], 0, at('// await')),
          words.anyStartsBetween(['await', 'yield'], 0, code.length),
          words.anyStartsBetween(['await', 'yield'], at('const b'), at('yielded')),
          words.anyStartsBetween(['await', 'yield'], at('const b'), at('yielded') + 1),
          words.anyStartsBetween(['throw'], 0, code.length),
        ]);
      },
    }));
    assert.deepEqual(answers, [false, true, false, true, false]);
  });
});
