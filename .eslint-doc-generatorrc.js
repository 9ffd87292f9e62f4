/** eslint-doc-generator settings: README rules table and each docs/rules/*.md header. */
/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  ignoreConfig: ['all'],
  configEmoji: [['strict', '🔒']],
  ruleDocSectionInclude: ['Incorrect', 'Correct', 'Options', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
};
