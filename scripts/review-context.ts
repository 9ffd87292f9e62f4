/**
 * Source context for one report of `npm run review`: the function that encloses the reported line,
 * and the same-file definitions of the functions called on it, each trimmed for a reader.
 *
 * A file is parsed once (typescript-eslint's parser, JSX on for `.js`/`.jsx`/`.tsx`) and indexed in
 * one walk: every function and class with its line span, and every named function definition by
 * name (declarations, `const f = () => ...`, class and object methods, `x.f = function`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/parser';

/** Lines a shown function keeps around the reported line; the head is always shown. */
const MAX_SHOWN_LINES = 40;
const HEAD_LINES = 3;
/** Lines shown around a report that is in no function (module top level). */
const TOP_LEVEL_WINDOW = 12;
/** Definitions shown per called name: a name defined more often than this is too generic to help. */
const MAX_DEFINITIONS_PER_NAME = 2;

interface Span {
  startLine: number;
  endLine: number;
}

interface FunctionSpan extends Span {
  isAsync: boolean;
}

interface ClassSpan extends Span {
  name: string;
}

interface CallSite {
  line: number;
  name: string;
}

/** What one walk of a file gives: its lines, its functions, its named definitions, its calls. */
export interface FileIndex {
  lines: readonly string[];
  functions: readonly FunctionSpan[];
  classes: readonly ClassSpan[];
  definitions: ReadonlyMap<string, readonly Span[]>;
  calls: readonly CallSite[];
  parsed: boolean;
}

/** A snippet of a file, ready for a Markdown code block. */
export interface Snippet {
  title: string;
  code: string;
}

type Node = { type: string; loc: { start: { line: number }; end: { line: number } } } & Record<string, unknown>;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function spanOf(node: Node): Span {
  return { startLine: node.loc.start.line, endLine: node.loc.end.line };
}

/** The name a definition or a callee is known by: `f`, `this.f`, `a.b.f` and `'f'` keys all give `f`. */
function nameOf(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') return node.name as string;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'MemberExpression' && !node.computed) return nameOf(node.property);
  return undefined;
}

function addDefinition(definitions: Map<string, Span[]>, name: string | undefined, node: Node): void {
  if (name === undefined) return;
  const spans = definitions.get(name) ?? [];
  spans.push(spanOf(node));
  definitions.set(name, spans);
}

/** The name a function node is defined under, when its parent names it. */
function definedName(fn: Node, parent: Node | undefined): string | undefined {
  if (fn.type === 'FunctionDeclaration') return nameOf(fn.id);
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return nameOf(parent.id);
    case 'MethodDefinition':
    case 'Property':
    case 'PropertyDefinition':
      return nameOf(parent.key);
    case 'AssignmentExpression':
      return nameOf(parent.left);
    default:
      return undefined;
  }
}

interface MutableIndex {
  functions: FunctionSpan[];
  classes: ClassSpan[];
  definitions: Map<string, Span[]>;
  calls: CallSite[];
}

function walk(node: Node, parent: Node | undefined, index: MutableIndex): void {
  if (FUNCTION_TYPES.has(node.type)) {
    index.functions.push({ ...spanOf(node), isAsync: node.async === true });
    // A method's definition starts at its key, so the shown text includes the name.
    const named = parent && (parent.type === 'MethodDefinition' || parent.type === 'Property') ? parent : node;
    addDefinition(index.definitions, definedName(node, parent), named);
  }
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
    const declaredAs = parent?.type === 'VariableDeclarator' ? nameOf(parent.id) : undefined;
    index.classes.push({ ...spanOf(node), name: nameOf(node.id) ?? declaredAs ?? '(anonymous)' });
  }
  if (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const name = nameOf(node.callee);
    if (name !== undefined) index.calls.push({ line: (node.callee as Node).loc.end.line, name });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, node, index);
    } else if (isNode(value)) {
      walk(value, node, index);
    }
  }
}

/** Reads and indexes `file`; a file that does not parse still gives its lines (`parsed: false`). */
export function indexFile(file: string): FileIndex {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  const index: MutableIndex = { functions: [], classes: [], definitions: new Map(), calls: [] };
  const ext = path.extname(file);
  try {
    const ast = parse(text, { loc: true, range: true, jsx: ['.js', '.jsx', '.tsx', '.mjs', '.cjs'].includes(ext), sourceType: 'module' });
    walk(ast as unknown as Node, undefined, index);
    return { lines, ...index, parsed: true };
  } catch {
    return { lines, ...index, parsed: false };
  }
}

/** `lines` from `startLine` to `endLine` (1-based, inclusive), numbered, `>` marking `marked`. */
function numbered(lines: readonly string[], startLine: number, endLine: number, marked: number): string[] {
  const out: string[] = [];
  for (let line = startLine; line <= endLine; line++) {
    out.push(`${line === marked ? '>' : ' '}${String(line).padStart(5)} ${lines[line - 1] ?? ''}`);
  }
  return out;
}

/** A span's lines, trimmed to the head plus a window around `focus` when longer than the limit. */
function trimmed(lines: readonly string[], span: Span, focus: number, marked: number): string {
  if (span.endLine - span.startLine < MAX_SHOWN_LINES) {
    return numbered(lines, span.startLine, span.endLine, marked).join('\n');
  }
  const windowStart = Math.max(span.startLine + HEAD_LINES, focus - 25);
  const windowEnd = Math.min(span.endLine, windowStart + MAX_SHOWN_LINES - HEAD_LINES - 1);
  const head = numbered(lines, span.startLine, span.startLine + HEAD_LINES - 1, marked);
  const gap = windowStart > span.startLine + HEAD_LINES ? ['      ...'] : [];
  const tail = windowEnd < span.endLine ? ['      ...'] : [];
  return [...head, ...gap, ...numbered(lines, windowStart, windowEnd, marked), ...tail].join('\n');
}

/**
 * The innermost async function around `line` (the one the rules judge), else the innermost function,
 * else a window of the module's top level.
 */
export function enclosingSnippet(index: FileIndex, line: number): Snippet {
  const around = index.functions
    .filter((fn) => fn.startLine <= line && line <= fn.endLine)
    .sort((a, b) => b.startLine - a.startLine || a.endLine - b.endLine);
  const chosen = around.find((fn) => fn.isAsync) ?? around[0];
  if (!chosen) {
    const span = { startLine: Math.max(1, line - TOP_LEVEL_WINDOW), endLine: Math.min(index.lines.length, line + TOP_LEVEL_WINDOW) };
    return { title: 'top level', code: numbered(index.lines, span.startLine, span.endLine, line).join('\n') };
  }
  const kind = chosen.isAsync ? 'enclosing async function' : 'enclosing function';
  const owner = index.classes
    .filter((cls) => cls.startLine <= chosen.startLine && chosen.endLine <= cls.endLine)
    .sort((a, b) => b.startLine - a.startLine)[0];
  const inClass = owner ? ` in class \`${owner.name}\`` : '';
  return { title: `${kind}${inClass} (lines ${chosen.startLine}-${chosen.endLine})`, code: trimmed(index.lines, chosen, line, line) };
}

/**
 * Same-file definitions of the functions called from `startLine` to `endLine` (a callee is matched
 * by its last name: `this.load()`, `db.load()` and `load()` all look for a `load` definition),
 * except definitions that contain the reported lines (the enclosing function itself). Names defined more than twice in the file are left out.
 */
export function calledSnippets(index: FileIndex, startLine: number, endLine: number): Snippet[] {
  const names = new Set(index.calls.filter((call) => call.line >= startLine && call.line <= endLine).map((call) => call.name));
  const snippets: Snippet[] = [];
  for (const name of names) {
    const spans = index.definitions.get(name) ?? [];
    if (spans.length === 0 || spans.length > MAX_DEFINITIONS_PER_NAME) continue;
    for (const span of spans) {
      if (span.startLine <= startLine && endLine <= span.endLine) continue;
      const title = `called \`${name}\` (lines ${span.startLine}-${span.endLine})`;
      snippets.push({ title, code: trimmed(index.lines, span, span.startLine, -1) });
    }
  }
  return snippets;
}
