import type { Plugin } from 'vite';

/*
 * The elements' styles are written readable in css`` templates, which no JavaScript minifier touches: every
 * visitor would download and parse the indentation and comments. This shrinks the static text of those
 * templates at build time; `${…}` expressions and quoted strings pass through untouched.
 */

const QUOTED = /('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/;

/**
 * Minifies CSS text: drops comments, collapses whitespace and removes it around `{ } ; ,` and after `:` in
 * declarations. Never changes quoted strings, and never removes a space before `:` (`a :hover` is a
 * different selector from `a:hover`).
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/(^ ?|[{;])([\w-]+): /g, '$1$2:')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** The static parts of each css`…` template in `code`, minified; everything else is left as it is. */
export function minifyCssTemplates(code: string): string {
  let out = '';
  let at = 0;
  for (let start = code.indexOf('css`'); start !== -1; start = code.indexOf('css`', at)) {
    let i = start + 4;
    out += code.slice(at, i);
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code.startsWith('${', i)) {
        // Our styles only interpolate other css`` values: an expression holds no braces or backticks.
        const end = code.indexOf('}', i);
        out += minifyCss(text) + code.slice(i, end + 1);
        text = '';
        i = end + 1;
      } else {
        text += code[i++];
      }
    }
    out += `${minifyCss(text)}\``;
    at = i + 1;
  }
  return out + code.slice(at);
}

/** Vite plugin: minifies the CSS of lit css`` templates in the elements' `*.styles.ts` files. */
export function minifyLitCss(): Plugin {
  return {
    name: 'consent-kit:minify-lit-css',
    transform(code, id) {
      if (!/\/src\/ui\/.*\.styles\.ts$/.test(id)) return null;
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
