import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFilesUnder } from './source-files.js';
import { lineCount, measureFunctions, type MeasuredFunction } from './source-lengths.js';

/*
 * Size limits that keep every source file readable in one sitting:
 * - a file under src/ has at most MAX_FILE_LINES lines;
 * - a function (declaration, method, arrow, function expression, getter, setter, constructor) spans at most
 *   MAX_FUNCTION_LINES lines, from its first token to its last (its JSDoc is not counted). A nested function
 *   is measured on its own and also counts in the function around it: a 100-line function holding a 50-line
 *   arrow is over the limit, and so is the arrow if it is.
 * - The one exception: a function whose whole body is a lit `html` (or `svg`) template, as an arrow's
 *   expression body or as its only statement `return html\`…\``, may be longer. It is markup with `${}`
 *   holes; any function in those holes is still measured on its own.
 * README.md's length is checked by test/unit/docs/links.test.ts.
 */
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const SOURCE = 'src';

/** Each function that breaks the limit, as a line that names the file, the function and its length. */
function longFunctions(file: string, functions: MeasuredFunction[]): string[] {
  return functions
    .filter((fn) => fn.lines > MAX_FUNCTION_LINES && !fn.isMarkupOnly)
    .map(
      (fn) =>
        `${file}:${fn.line} ${fn.name} spans ${fn.lines} lines (limit ${MAX_FUNCTION_LINES}): ` +
        'split it into smaller functions named for what each does',
    );
}

const texts = Object.fromEntries(tsFilesUnder(SOURCE).map((file) => [file, readFileSync(file, 'utf8')]));
const measured = measureFunctions(texts);
const files = Object.entries(texts).map(([file, text]) => ({
  file,
  lines: lineCount(text),
  functions: measured.get(file)!,
}));

/** The functions of one file's text, for the tests of the measuring itself. */
const functionsOf = (text: string, file = 'a.ts') => measureFunctions({ [file]: text }).get(file)!;

describe('the size of the source', () => {
  it(`keeps every file under ${SOURCE}/ to at most ${MAX_FILE_LINES} lines`, () => {
    const tooLong = files
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(
        ({ file, lines }) =>
          `${file} has ${lines} lines (limit ${MAX_FILE_LINES}): split it into modules named for what each does`,
      );
    expect(tooLong).toEqual([]);
  });

  it(`keeps every function to at most ${MAX_FUNCTION_LINES} lines, unless it only returns a lit template`, () => {
    expect(files.flatMap(({ file, functions }) => longFunctions(file, functions))).toEqual([]);
  });

  it('measures every file and the functions in them (the checks above are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(({ functions }) => functions).length).toBeGreaterThan(300);
    // Every kind of function is found in the real source, each under its name.
    const names = new Set(files.flatMap(({ file, functions }) => functions.map((fn) => `${file} ${fn.name}`)));
    for (const name of [
      `${join(SOURCE, 'ui/focus-trap.ts')} keepTabInside`,
      `${join(SOURCE, 'ui/consent-preferences/consent-preferences.ts')} ConsentPreferences.show`,
      `${join(SOURCE, 'ui/consent-preferences/consent-preferences.ts')} ConsentPreferences.constructor`,
      `${join(SOURCE, 'ui/consent-preferences/consent-preferences.ts')} ConsentPreferences.get #dialog`,
      `${join(SOURCE, 'ui/consent-preferences/consent-preferences.ts')} ConsentPreferences.#onClose`,
    ])
      expect(names, `${name} was not measured`).toContain(name);
  });

  it('finds, in every file, at least the functions a plain text search sees declared with `function`', () => {
    const missed = files.flatMap(({ file, functions }) => {
      const declared = texts[file]!.match(/^\s*(export\s+)?(default\s+)?(async\s+)?function\b/gm)?.length ?? 0;
      return functions.length < declared ? [`${file}: ${functions.length} measured, ${declared} declared`] : [];
    });
    expect(missed).toEqual([]);
  });
});

describe('the measuring', () => {
  const planted = (bodyLines: number) =>
    [
      'export class Panel {',
      '  /** JSDoc is not counted. */',
      '  render() {',
      ...Array.from({ length: bodyLines }, (_, i) => `    console.log(${i});`),
      '  }',
      '}',
    ].join('\n');

  it('reports a method one line over the limit, by name, line and length, and not one at the limit', () => {
    expect(longFunctions('src/planted.ts', functionsOf(planted(MAX_FUNCTION_LINES - 1), 'src/planted.ts'))).toEqual([
      `src/planted.ts:3 Panel.render spans ${MAX_FUNCTION_LINES + 1} lines (limit ${MAX_FUNCTION_LINES}): ` +
        'split it into smaller functions named for what each does',
    ]);
    expect(longFunctions('src/planted.ts', functionsOf(planted(MAX_FUNCTION_LINES - 2), 'src/planted.ts'))).toEqual([]);
  });

  it('measures a nested arrow on its own and inside the function around it', () => {
    const inner = Array.from({ length: 70 }, (_, i) => `    use(${i});`);
    const text = ['function outer() {', '  const inner = () => {', ...inner, '  };', '  inner();', '}'].join('\n');
    expect(functionsOf(text).map(({ name, lines }) => ({ name, lines }))).toEqual([
      { name: 'outer', lines: 75 },
      { name: 'inner', lines: 72 },
    ]);
  });

  it('lets a function that only returns a lit html template be longer, and nothing else', () => {
    const markup = Array.from({ length: 70 }, (_, i) => `    <p>${i}</p>`);
    const returned = ['function a() {', '  return html`', ...markup, '  `;', '}'].join('\n');
    const expression = ['const b = () => html`', ...markup, '`;'].join('\n');
    const withLogic = ['function c() {', '  const x = 1;', '  return html`', ...markup, '  `;', '}'].join('\n');
    const otherTag = ['function d() {', '  return sql`', ...markup, '  `;', '}'].join('\n');
    const shape = (text: string) => functionsOf(text).map(({ name, isMarkupOnly }) => ({ name, isMarkupOnly }));
    expect(shape(returned)).toEqual([{ name: 'a', isMarkupOnly: true }]);
    expect(shape(expression)).toEqual([{ name: 'b', isMarkupOnly: true }]);
    expect(shape(withLogic)).toEqual([{ name: 'c', isMarkupOnly: false }]);
    expect(shape(otherTag)).toEqual([{ name: 'd', isMarkupOnly: false }]);
  });

  it('names getters, setters, constructors, function expressions and anonymous arrows', () => {
    const text = [
      'class K {',
      '  constructor() {}',
      '  get v() { return 1; }',
      '  set v(x) {}',
      '  #f = () => 1;',
      '}',
      'const g = function () { return [1].map((n) => n); };',
    ].join('\n');
    expect(functionsOf(text).map(({ name }) => name)).toEqual([
      'K.constructor',
      'K.get v',
      'K.set v',
      'K.#f',
      'g',
      '(arrow in g)',
    ]);
  });
});
