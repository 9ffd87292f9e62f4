import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester, typedRuleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * The modules of a React Native (or Expo) app, told by their imports, are read as UI code: a
 * promise nobody handles there is a warning in a debug build, and the app goes on. A timer or a
 * network listener that restarts a sync without waiting is the ordinary shape of such code.
 * Modules under the same names that run under Node (Expo's build tooling, its server SDK) are not.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A sync module of a phone app: restarts its upload of saved notes when the network comes back. */
const noteSync = (imports: string, body = '    startUpload(session);'): string => `${imports}
import { uploadNotes } from './notes';

let session = null;

async function startUpload(current) {
  const pending = await uploadNotes(current);
  console.log('uploaded', pending);
}

export function watchNetwork() {
  onReconnect(() => {
    if (!session) return;
${body}
  });
}
`;

const dropLine = (code: string): number => code.split('\n').findIndex((line) => line.includes('startUpload(session);')) + 1;
const reported = (code: string, options?: Options) => floatingAt(code, dropLine(code), options ? { options } : {});

ruleTester.run('no-floating-promises (React Native app modules)', testedRule, {
  valid: [
    { code: noteSync("import NetInfo from '@react-native-community/netinfo';\nconst onReconnect = (listener) => NetInfo.addEventListener(listener);") },
    { code: noteSync("import * as FileSystem from 'expo-file-system/legacy';\nconst onReconnect = (listener) => setTimeout(listener, 1000);") },
    { code: noteSync("import { AppState } from 'react-native';\nconst onReconnect = (listener) => AppState.addEventListener('change', listener);") },
    { code: noteSync("const { AppState } = require('react-native');\nconst onReconnect = (listener) => AppState.addEventListener('change', listener);") },
  ],
  invalid: [
    // no import of the app's runtime: the same module could be a server's
    reported(noteSync("import { EventEmitter } from 'node:events';\nconst onReconnect = (listener) => new EventEmitter().on('up', listener);")),
    // Expo's push SDK for servers and its build tooling run under Node
    reported(noteSync("import { Expo } from 'expo-server-sdk';\nconst onReconnect = (listener) => setTimeout(listener, 1000);")),
    reported(noteSync("import { withInfoPlist } from '@expo/config-plugins';\nconst onReconnect = (listener) => setTimeout(listener, 1000);")),
    reported(noteSync("import { getConfig } from 'expo/config';\nconst onReconnect = (listener) => setTimeout(listener, 1000);")),
    // inside a try whose catch is meant for it, as in UI code
    reported(
      noteSync(
        "import NetInfo from '@react-native-community/netinfo';\nconst onReconnect = (listener) => NetInfo.addEventListener(listener);",
        "    try {\n      startUpload(session);\n    } catch (error) {\n      showBanner('upload failed');\n    }",
      ),
    ),
    // checkUiCode asks for these too
    reported(noteSync("import NetInfo from '@react-native-community/netinfo';\nconst onReconnect = (listener) => NetInfo.addEventListener(listener);"), [{ checkUiCode: true }]),
  ],
});
