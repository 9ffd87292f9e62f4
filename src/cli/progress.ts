import type { ESLint, Linter, Rule } from 'eslint';

/** How long a run must last before the progress line appears, so short runs print nothing extra. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

/**
 * A `files done / total` line on stderr, for long runs on a terminal.
 *
 * ESLint's Node API has no per-file callback, so the CLI counts files with a tiny rule that only
 * listens to `Program` (one call per linted file; the CLI lints on one thread). The total comes from
 * ESLint itself, before the lint: a second instance lints the same paths with a parser that returns
 * an empty program and no rules, which enumerates exactly the files ESLint will lint (same globbing
 * and ignores) at the cost of reading them once more (about a second per few thousand files).
 */
export class Progress {
  private done = 0;
  private total: number | undefined;
  private readonly startedAt = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** A plugin whose `count` rule ticks this progress once per linted file. */
  plugin(): ESLint.Plugin {
    const countRule: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: () => ({ Program: () => this.tick() }),
    };
    return { rules: { count: countRule } };
  }

  setTotal(total: number): void {
    this.total = total;
  }

  private tick(): void {
    this.done += 1;
    const now = Date.now();
    if (now - this.startedAt < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    const of = this.total === undefined ? '' : ` / ${this.total}`;
    this.stream.write(`\r\u001B[2Kasync-pitfalls: ${this.done}${of} files linted`);
  }

  /** Erases the line so the report starts on a clean terminal line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001B[2K');
  }
}

/** A parser that does no work: every file becomes an empty program. Used only to count files. */
export const countingParser: Linter.Parser = {
  meta: { name: 'async-pitfalls/counting-parser' },
  parseForESLint() {
    const loc = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
    return {
      ast: { type: 'Program', body: [], sourceType: 'module', range: [0, 0], loc, tokens: [], comments: [] },
      visitorKeys: { Program: ['body'] },
    } as unknown as Linter.ESLintParseResult;
  },
};
