// The floor of a built file, for floor.mjs: the file with every function a visit never called emptied, as if
// all of them had moved to chunks fetched later, at no cost. What is left (the functions that ran, the code at
// the top level, literals, the names and parameters of the emptied functions) is the least that any split of
// the present code could put in front of that visit.
import MagicString from 'magic-string';
import { parseAst } from 'vite';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * `code` with the body of every function whose end offset is not in `calledEnds` replaced by an empty one
 * (`{}`, or `0` for an arrow's expression); a function inside an emptied one goes with it. Functions are
 * matched by where they end, because that is where V8's coverage and the syntax tree agree: for a method,
 * coverage starts the function at its name, the tree at its parameters. Offsets count UTF-16 code units,
 * as both do. Returns the new code and how many functions were emptied.
 */
export function emptyUncalled(code, calledEnds) {
  const out = new MagicString(code);
  let emptied = 0;
  const visit = (node) => {
    if (FUNCTION_TYPES.has(node.type) && !calledEnds.has(node.end)) {
      const empty = node.body.type === 'BlockStatement' ? '{}' : '0';
      if (code.slice(node.body.start, node.body.end) !== empty) {
        out.overwrite(node.body.start, node.body.end, empty);
        emptied++;
      }
      return;
    }
    for (const child of Object.values(node).flat()) {
      if (child && typeof child.type === 'string') visit(child);
    }
  };
  visit(parseAst(code));
  return { code: out.toString(), emptied };
}
