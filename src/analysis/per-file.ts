import type { TSESLint } from '@typescript-eslint/utils';

/** What every per-file analysis is computed from: the rule context of any rule of the plugin. */
export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The answers of every per-file question for each file, by the file's AST root: one record per file,
 * one slot per question (see `perFile`). One map entry per file instead of one per question and file
 * (most questions are asked of every file): fewer weak entries for the garbage collector to trace,
 * one insertion per file.
 */
const answersByFile = new WeakMap<object, unknown[]>();

/** The slot of a question not answered yet for the file. */
const UNANSWERED: unique symbol = Symbol('unanswered');

/** How many per-file questions exist: the next question's slot. */
let questionCount = 0;

/**
 * Makes `compute` a per-file question: the first rule of the plugin that asks it for a file
 * computes the answer, every later rule (and every later call of the same rule) gets the same
 * object back.
 *
 * The answers live in one module-level `WeakMap` keyed by the file's AST root (`sourceCode.ast`),
 * one record per file with a slot per question:
 * - every host builds a new `Program` node per linted file and hands the same one to every rule, so
 *   the key is exactly "this file". The `SourceCode` object is not a key to rely on: ESLint creates one
 *   per file, but oxlint's JS plugin host hands every file the same frozen `SourceCode` object, whose
 *   getters read the current file. oxlint 1.x replaces the global `WeakMap` with a subclass that
 *   forgets that one key after each file, so a `WeakMap` keyed by it happens to work there; any other
 *   cache keyed by it (a `Map`, a `WeakMap` built before the patch, another host) would hand every
 *   file the first file's answers. The AST root needs no such help;
 * - with `--concurrency`, every worker thread loads its own copy of this module, so no two threads
 *   share a map;
 * - the record goes when the host drops the file's AST.
 * The slots are numbered when the modules of the plugin are loaded (each `perFile` call takes the
 * next), the same in every thread.
 *
 * `compute` must depend on nothing but the file (its `SourceCode`, filename, parser services,
 * language options and shared `settings`): never on one rule's options, because the rule that
 * happens to ask first would decide the answer for all. Answers should themselves be lazy
 * (compute on first question), so a file where nothing can match costs almost nothing.
 */
export function perFile<T>(compute: (context: AnyRuleContext) => T): (context: AnyRuleContext) => T {
  const slot = questionCount;
  questionCount += 1;
  return (context) => {
    const key = context.sourceCode.ast;
    let answers = answersByFile.get(key);
    if (answers === undefined) {
      // A slot for every question there is (all are made when the plugin's modules load): the
      // record is filled once, not grown by each first answer.
      answers = new Array<unknown>(questionCount).fill(UNANSWERED);
      answersByFile.set(key, answers);
    }
    if (slot < answers.length) {
      const known = answers[slot];
      if (known !== UNANSWERED) return known as T;
    }
    const value = compute(context);
    // `compute` may have asked other questions of the file, which may have grown the record.
    while (answers.length <= slot) answers.push(UNANSWERED);
    answers[slot] = value;
    return value;
  };
}
