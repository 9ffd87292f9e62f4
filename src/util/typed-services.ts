import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

/**
 * The parser's type information when it provides a program (typescript-eslint with `project` or
 * `projectService`), else null: the one switch between every rule's untyped and typed paths.
 * Reads the parser services directly, because `ESLintUtils.getParserServices(context, true)`
 * throws for parsers other than typescript-eslint's (espree, ESLint's default for JavaScript).
 */
export function getTypedServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | null {
  const services = context.sourceCode.parserServices;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : null;
}
