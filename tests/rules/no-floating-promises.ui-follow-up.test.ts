import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester, typedRuleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * UI code: a drop inside a `try` is reported (the `catch` may be meant for it: a missing `await`),
 * except where it follows an awaited step of that `try` and the `catch` never reads its error.
 * There the `catch` shows a fixed message written for the awaited request, and the drop is a
 * follow-up action started once it succeeded, whose rejection reaches the console as any other
 * dropped action's in a page.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A settings form: saves the address, then starts a refresh of the device list; its catch shows a fixed message. */
const form = (submitBody: string, handling = "      toast('Could not save the address');"): string => `import { http } from '../http';

export function DeviceSettings({ toast }) {
  const refreshDevices = async () => {
    const list = await http.get('/api/devices');
    toast(list.length + ' devices');
  };
  const submit = async (address) => {
    try {
${submitBody}
    } catch (error) {
${handling}
    }
  };
  return <form onSubmit={(event) => submit(event.target.value)} />;
}
`;

const at = (code: string, awaitable: boolean, options?: Options) => {
  const line = code.split('\n').findIndex((text) => text.includes('refreshDevices();')) + 1;
  const column = (code.split('\n')[line - 1] ?? '').indexOf('refreshDevices();') + 1;
  return dropped(code, 'DeviceSettings.tsx', line, column, awaitable, options);
};

ruleTester.run('no-floating-promises (UI follow-up after an awaited step of a try)', testedRule, {
  valid: [
    { filename: 'DeviceSettings.tsx', code: form("      await http.post('/api/address', { address });\n      refreshDevices();\n      toast('Saved');") },
    // the awaited step may be kept in a variable
    { filename: 'DeviceSettings.tsx', code: form("      const saved = await http.post('/api/address', { address });\n      if (saved.ok) refreshDevices();") },
  ],
  invalid: [
    // alone in its try: the catch is meant for it
    at(form('      refreshDevices();'), true),
    // before the awaited step: the catch may be meant for it too
    at(form("      refreshDevices();\n      await http.post('/api/address', { address });"), true),
    // a try of its own around the follow-up, with nothing awaited before it there
    at(form("      await http.post('/api/address', { address });\n      try {\n        refreshDevices();\n      } catch (error) {\n        toast('Could not refresh');\n      }"), true),
    // a catch that reports the error it is given handles whatever failed in the block
    at(form("      await http.post('/api/address', { address });\n      refreshDevices();", '      toast(error.message);'), true),
    // checkUiCode asks for these too
    at(form("      await http.post('/api/address', { address });\n      refreshDevices();"), true, [{ checkUiCode: true }]),
  ],
});
