import type { ESLint, Linter } from 'eslint';
import { PLUGIN_NAMESPACE } from '../configs';

/**
 * Whether a message belongs in a zero-config report: our rules' findings, parse errors and ESLint's
 * own notices (ruleId null, e.g. "File ignored"). Dropped: messages about other tools' rules, which
 * come from the project's inline comments (`// eslint-disable-line react/no-danger` gives "Definition
 * for rule ... was not found" when that plugin is not loaded, `/* eslint no-console: error *\/` turns
 * a core rule on): the CLI runs our rules only, and those comments are not wrong.
 */
function isOwnMessage(message: Linter.LintMessage): boolean {
  return message.ruleId === null || message.ruleId.startsWith(`${PLUGIN_NAMESPACE}/`);
}

/** The results with foreign messages removed and every count recomputed from what remains. */
export function keepOwnMessages(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter(isOwnMessage);
    const suppressedMessages = result.suppressedMessages.filter(isOwnMessage);
    let errorCount = 0;
    let fatalErrorCount = 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const message of messages) {
      if (message.severity === 2) {
        errorCount += 1;
        if (message.fatal) fatalErrorCount += 1;
        if (message.fix) fixableErrorCount += 1;
      } else {
        warningCount += 1;
        if (message.fix) fixableWarningCount += 1;
      }
    }
    return {
      ...result,
      messages,
      suppressedMessages,
      errorCount,
      fatalErrorCount,
      warningCount,
      fixableErrorCount,
      fixableWarningCount,
    };
  });
}
