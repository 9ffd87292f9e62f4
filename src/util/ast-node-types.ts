import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/utils';

/**
 * typescript-eslint's `AST_NODE_TYPES` enum, held as a plain property of this module. The build is
 * CommonJS: a file that imports the enum from `@typescript-eslint/utils` reads
 * `utils_1.AST_NODE_TYPES` on every use, which goes through two re-export getters (utils re-exports
 * `@typescript-eslint/types`) that V8 does not always inline; the hottest checks of the rules
 * (`node.type === AST_NODE_TYPES.CallExpression`) paid for them on every node. Importing it from
 * here reads an ordinary data property instead. Same object, same enum type.
 */
export const AST_NODE_TYPES = NODE_TYPES;
export type AST_NODE_TYPES = NODE_TYPES;
