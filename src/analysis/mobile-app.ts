/**
 * Code of a React Native app (Expo's included), told by what the file imports. There, a promise
 * nobody handles is a warning on the developer's screen and console in a debug build and nothing
 * in a release build; the app goes on. A timer or a network listener that restarts a sync
 * without waiting is the ordinary shape of such code, as an event handler is in a page.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { MOBILE_BUILD_TOOLING_MODULE, MOBILE_RUNTIME_MODULE } from '../catalog/mobile-runtime';
import { requiredModule, skipTransparent } from '../util/ast';

/**
 * True when the file imports (or requires, at its top level) a module only a React Native app
 * loads at run time (`MOBILE_RUNTIME_MODULE`: `react-native`, `@react-native-community/netinfo`,
 * `expo-file-system`, `expo-router`), other than those that run under Node (`MOBILE_BUILD_TOOLING_MODULE`: Expo's build tooling, its server SDK). A file of such an app that
 * imports none of them (a plain helper) is not told apart from Node code by this question.
 */
export function importsMobileRuntime(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.body.some((statement) => {
    const specifier = topLevelSpecifier(statement);
    return specifier !== null && MOBILE_RUNTIME_MODULE.test(specifier) && !MOBILE_BUILD_TOOLING_MODULE.test(specifier);
  });
}

/** The module an `import` declaration or a top-level `const x = require('m')` names, else null. */
function topLevelSpecifier(statement: TSESTree.ProgramStatement): string | null {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source.value;
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  for (const declarator of statement.declarations) {
    const module = requiredModule(declarator.init ? skipTransparent(declarator.init) : null);
    if (module !== null) return module;
  }
  return null;
}
