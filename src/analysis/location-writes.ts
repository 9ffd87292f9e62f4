import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CONFIG_COMMAND_WORDS, CONFIG_WRITE_FLAGS, LOCATION_NAME, WRITE_CALL_NAME } from '../catalog/iteration-order';
import { skipTransparent, writtenName } from '../util/ast';

/**
 * Which one place on disk a call writes, told by its name and arguments alone (the callee's body
 * may live in another module):
 * - `named-location`: the callee is named as a write (`WRITE_CALL_NAME`: `setConfig`,
 *   `storeLocation`, `applyLever`) and its first argument names a place (`LOCATION_NAME`:
 *   `repoPath`, `repo.path`, `configFile`, `cwd`); `location` is that argument. Two such calls
 *   given the same location write the same file or repository, which a tool locks per write
 *   (git's config, a shared storage file): they conflict when run together.
 * - `config-command`: the literal arguments run a command that changes a configuration file
 *   (`run(repoPath, 'config', '--global', '--unset', key)`: `CONFIG_COMMAND_WORDS` then one of
 *   `CONFIG_WRITE_FLAGS`): every such call rewrites one file.
 */
export type LocationWrite =
  | { readonly kind: 'named-location'; readonly location: TSESTree.Node }
  | { readonly kind: 'config-command' };

/** The write a call makes to one place (see `LocationWrite`), or null when its name and arguments do not say. */
export function locationWriteOf(call: TSESTree.CallExpression | TSESTree.NewExpression): LocationWrite | null {
  const name = writtenName(call.callee);
  const [first] = call.arguments;
  if (name !== null && WRITE_CALL_NAME.test(name) && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
    const location = writtenName(first);
    if (location !== null && LOCATION_NAME.test(location)) return { kind: 'named-location', location: first };
  }
  let sawCommand = false;
  for (const argument of call.arguments) {
    const value = skipTransparent(argument);
    if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') continue;
    if (CONFIG_COMMAND_WORDS.has(value.value)) sawCommand = true;
    else if (sawCommand && CONFIG_WRITE_FLAGS.has(value.value)) return { kind: 'config-command' };
  }
  return null;
}

