import type * as ts from 'typescript';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { EDITOR_HOST_DECLARATION_FILE, ELECTRON_DECLARATION_FILE, ELECTRON_ORDERED_STEPS } from '../catalog/promise-apis';
import { checkerQuery } from './promises';
import { isFunctionNode } from './async-context';
import { someNodeInSameFunction } from './walk';
import { AST_NODE_TYPES } from '../util/ast-node-types';

/** `ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null`; written out so untyped mode never loads `typescript`. */
const TYPE_FLAGS_NOTHING = 32768 | 16384 | 65536;

/**
 * Typed mode: is the value of `node` a promise of the editor host's API, by its type: every part
 * of its type (besides `undefined`/`void`/`null`) is the `Thenable<T>` interface that VS Code's API
 * declaration file declares (`EDITOR_HOST_DECLARATION_FILE`: `vscode.d.ts`, `@types/vscode`)?
 * That is what `vscode.commands.executeCommand(...)`, `memento.update(...)`,
 * `session.customRequest(...)` return, and what a helper of the program returns when it hands one
 * back. Such a call asks the editor to do something (run a command, store a setting, open a
 * page); the extension host logs a failure of it and goes on. A `Promise` of the program's own
 * async function is not one. False untyped-like on any checker failure.
 */
export function isEditorHostThenable(
  services: { readonly checker: ts.TypeChecker; readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node } },
  node: TSESTree.Node,
): boolean {
  return checkerQuery(false, () => {
    const checker = services.checker;
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => (part.flags & TYPE_FLAGS_NOTHING) === 0);
    return parts.length > 0 && parts.every((part) => isHostThenable(part));
  });
}

function isHostThenable(type: ts.Type): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() !== 'Thenable') return false;
  return (
    symbol.declarations?.some((declaration) => {
      const file = declaration.getSourceFile();
      return file.isDeclarationFile && EDITOR_HOST_DECLARATION_FILE.test(file.fileName);
    }) ?? false
  );
}

/** TypeScript's own library declarations (`lib.es2015.promise.d.ts`, ...). */
const TYPESCRIPT_LIB_FILE = /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/;

/**
 * Typed mode: does `call` resolve to a function or method declared in a declaration file that is
 * neither the host's API nor TypeScript's own library: the API of another package (a `git.d.ts`
 * of another extension's API, a client library's types), as opposed to the program's own helpers
 * and the host's requests. The host's API is the editor's (`EDITOR_HOST_DECLARATION_FILE`) or
 * Electron's (`ELECTRON_DECLARATION_FILE`), and a method of an object whose type extends one of
 * Electron's interfaces (an IPC wrapper's `ipcMain.callRenderer(win, channel)`, whose
 * `MainProcessIpc` extends Electron's `IpcMain`): a message to the app's other process, which
 * Electron logs when it fails. Electron's own request counts as another package's when a later
 * statement of its block relies on it (`precedesOrderedElectronStep`: the app relaunched before its
 * storage is cleared). False untyped-like on any checker failure or unresolved signature.
 */
export function callsPackageApi(
  services: { readonly checker: ts.TypeChecker; readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node } },
  call: TSESTree.CallExpression,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  return checkerQuery(false, () => {
    const declaration = services.checker.getResolvedSignature(services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression)?.declaration;
    const file = declaration?.getSourceFile();
    if (file === undefined || !file.isDeclarationFile || TYPESCRIPT_LIB_FILE.test(file.fileName)) return false;
    if (EDITOR_HOST_DECLARATION_FILE.test(file.fileName)) return false;
    if (ELECTRON_DECLARATION_FILE.test(file.fileName)) return precedesOrderedElectronStep(call, visitorKeys);
    return !callsElectronApi(services, call);
  });
}

/**
 * A later statement of the block that holds `call` (outside nested functions) calls one of
 * `ELECTRON_ORDERED_STEPS` (`app.exit(0)`, `win.loadURL(url)`, `webContents.send(channel)`): the
 * next steps rely on the request `call` drops having been done.
 */
export function precedesOrderedElectronStep(call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && !isFunctionNode(statement)) {
    const holder: TSESTree.Node = statement.parent;
    const list: readonly TSESTree.Node[] | null =
      holder.type === AST_NODE_TYPES.BlockStatement || holder.type === AST_NODE_TYPES.Program ? holder.body : holder.type === AST_NODE_TYPES.SwitchCase ? holder.consequent : null;
    if (list !== null) {
      const later = list.slice(list.indexOf(statement) + 1);
      return later.some((next) =>
        someNodeInSameFunction(
          next,
          visitorKeys,
          (node) =>
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.MemberExpression &&
            !node.callee.computed &&
            node.callee.property.type === AST_NODE_TYPES.Identifier &&
            ELECTRON_ORDERED_STEPS.has(node.callee.property.name),
        ),
      );
    }
    statement = holder;
  }
  return false;
}

/**
 * Typed mode: does `call` ask Electron itself for something: a function or method that Electron's
 * declaration file declares (`win.loadURL(url)`, `shell.openExternal(url)`), or a method of an
 * object whose type extends one of Electron's interfaces (an IPC wrapper's
 * `ipcMain.callRenderer(win, channel)`, whose `MainProcessIpc` extends Electron's `IpcMain`)?
 * False untyped-like on any checker failure or unresolved signature.
 */
export function callsElectronApi(
  services: { readonly checker: ts.TypeChecker; readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node } },
  call: TSESTree.CallExpression,
): boolean {
  return checkerQuery(false, () => {
    const declaration = services.checker.getResolvedSignature(services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression)?.declaration;
    const file = declaration?.getSourceFile();
    if (file === undefined || !file.isDeclarationFile) return false;
    if (ELECTRON_DECLARATION_FILE.test(file.fileName)) return true;
    return call.callee.type === AST_NODE_TYPES.MemberExpression && extendsElectronType(services.checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(call.callee.object)));
  });
}

/** The type, or a base of it up to three levels up, is an interface or class of Electron's declaration file. */
function extendsElectronType(type: ts.Type, depth = 0): boolean {
  if (depth > 3) return false;
  const declaredInElectron = (type.getSymbol()?.declarations ?? []).some((declaration) => ELECTRON_DECLARATION_FILE.test(declaration.getSourceFile().fileName));
  if (declaredInElectron) return true;
  // An instance of a generic interface (`TypedIpc<Channels>`) has its bases on its target.
  const declared = (type as ts.TypeReference).target ?? type;
  return (declared.getBaseTypes() ?? []).some((base) => extendsElectronType(base, depth + 1));
}
