/**
 * A comment's words with typographic apostrophes written plainly: editors and word processors turn
 * `don't` into `don’t` (U+2019) or `donʼt` (U+02BC), and the comment patterns of the rules spell
 * contractions with `'` only.
 */
export function plainCommentText(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u2032]/g, "'");
}
