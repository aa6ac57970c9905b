import { createVirtualFileSystem } from 'typescript/unstable/fs';
import { API } from 'typescript/unstable/sync';
import * as ts from 'typescript/unstable/ast';

/** One function as the length check sees it. */
export interface MeasuredFunction {
  /** e.g. `ConsentPreferences.#renderPanel`, `renderCategory`, `(arrow in show)`. */
  name: string;
  /** 1-based line of its first token (its JSDoc is not counted). */
  line: number;
  /** Lines from its first token to its last, both included. */
  lines: number;
  /** Whether its whole body is one lit `html` or `svg` template (see {@link isMarkupOnly}). */
  isMarkupOnly: boolean;
}

/** Lines of a file's text, a final newline not counting as a line of its own. */
export function lineCount(text: string): number {
  return text.replace(/\n$/, '').split('\n').length;
}

/** Where the files are put in the parser's in-memory file system: nothing on disk is read but what is given. */
const ROOT = '/measured';

/**
 * Every function in each file of `files` (path to text) that has a body: declarations, methods, arrows,
 * function expressions, getters, setters and constructors. A nested function is measured on its own and
 * also counts in the span of the function around it, so a long inner arrow fails by itself and never
 * shortens the outer one.
 *
 * The project's TypeScript (7, the native compiler) parses them: its API runs the compiler in a child
 * process, so all files go in one call.
 */
export function measureFunctions(files: Record<string, string>): Map<string, MeasuredFunction[]> {
  const names = Object.keys(files);
  const tsconfig = JSON.stringify({ compilerOptions: { noLib: true, types: [] }, files: names });
  const virtual = Object.fromEntries(names.map((name) => [`${ROOT}/${name}`, files[name]!]));
  const api = new API({ cwd: ROOT, fs: createVirtualFileSystem({ ...virtual, [`${ROOT}/tsconfig.json`]: tsconfig }) });
  try {
    const program = api.updateSnapshot({ openProjects: [`${ROOT}/tsconfig.json`] }).getProjects()[0]!.program;
    return new Map(
      names.map((name) => {
        const source = program.getSourceFile(`${ROOT}/${name}`);
        if (!source) throw new Error(`${name} was not parsed`);
        return [name, functionsIn(source)];
      }),
    );
  } finally {
    api.close();
  }
}

function functionsIn(source: ts.SourceFile): MeasuredFunction[] {
  const found: MeasuredFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({
        name: nameOf(node, source),
        line: first + 1,
        lines: last - first + 1,
        isMarkupOnly: isMarkupOnly(node),
      });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  const isFunction =
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node);
  // Overload signatures and abstract or declared members have no body: nothing to measure.
  return isFunction && node.body !== undefined;
}

/** lit's tags for markup: a template under one of them is markup with `${}` holes, not statements. */
const MARKUP_TAGS = new Set(['html', 'svg']);

/**
 * Whether the function only returns markup: its body is one `html` (or `svg`) tagged template, as an
 * arrow's expression body or as the single statement `return html\`…\``. Anything else in the body (a
 * `const`, an `if`, a second return) makes it an ordinary function. The functions inside the template's
 * `${}` holes are measured on their own, so logic cannot hide in a long markup function.
 */
function isMarkupOnly(fn: FunctionWithBody): boolean {
  let returned: ts.Expression | undefined;
  if (!ts.isBlock(fn.body)) returned = fn.body;
  else if (fn.body.statements.length === 1) {
    const only = fn.body.statements[0]!;
    if (ts.isReturnStatement(only)) returned = only.expression;
  }
  while (returned && ts.isParenthesizedExpression(returned)) returned = returned.expression;
  return (
    returned !== undefined &&
    ts.isTaggedTemplateExpression(returned) &&
    ts.isIdentifier(returned.tag) &&
    MARKUP_TAGS.has(returned.tag.text)
  );
}

/** A readable name: the declared one, else what it is assigned to, else the function it sits in. */
function nameOf(fn: FunctionWithBody, source: ts.SourceFile): string {
  const own = ownName(fn, source);
  if (own) return own;
  const outer = enclosingFunction(fn);
  const kind = ts.isArrowFunction(fn) ? 'arrow' : 'function';
  return outer ? `(${kind} in ${nameOf(outer, source)})` : `(${kind} at top level)`;
}

function ownName(fn: FunctionWithBody, source: ts.SourceFile): string | undefined {
  const holder = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  const member = ts.isConstructorDeclaration(fn) ? 'constructor' : declaredName(holder, source);
  // A function expression may carry a name of its own, e.g. `items.map(function double(n) { … })`.
  if (!member) return ts.isFunctionExpression(fn) ? fn.name?.getText(source) : undefined;
  const owner =
    holder.parent && ts.isClassLikeDeclaration(holder.parent) ? holder.parent.name?.getText(source) : undefined;
  return owner ? `${owner}.${member}` : member;
}

function declaredName(node: ts.Node, source: ts.SourceFile): string | undefined {
  const isNamed =
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertyAssignment(node);
  if (!isNamed || !node.name) return undefined;
  const prefix = ts.isGetAccessorDeclaration(node) ? 'get ' : ts.isSetAccessorDeclaration(node) ? 'set ' : '';
  return prefix + node.name.getText(source);
}

function enclosingFunction(node: ts.Node): FunctionWithBody | undefined {
  for (let at = node.parent; at; at = at.parent) if (isFunctionWithBody(at)) return at;
  return undefined;
}
