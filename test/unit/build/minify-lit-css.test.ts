import { describe, expect, it } from 'vitest';
import { minifyCss, minifyCssTemplates } from '../../../build/minify-lit-css.js';

describe('minifying the CSS of css`` templates', () => {
  it('drops comments and the whitespace around braces, semicolons, commas and after property names', () => {
    const source = `
      /* why, not what */
      .a,
      .b > .c {
        font: 1rem/1.5 system-ui, sans-serif;
        inset: auto 0 0 0;
      }
      @media (forced-colors: active) {
        .a { color: CanvasText; }
      }
    `;
    expect(minifyCss(source)).toBe(
      ' .a,.b > .c{font:1rem/1.5 system-ui,sans-serif;inset:auto 0 0 0}@media (forced-colors: active){.a{color:CanvasText}}',
    );
  });

  it('keeps quoted strings and the space that makes a descendant selector', () => {
    expect(minifyCss(`a :hover { font-family: 'Segoe UI' , "A ;  B"; }`)).toBe(
      `a :hover{font-family:'Segoe UI',"A ;  B"}`,
    );
  });

  it('minifies only the static parts of css`` templates and leaves expressions and other code alone', () => {
    const code = "const x = `  a  { }`;\nconst s = css`\n  :host([theme='dark']) {\n    ${dark}\n  }\n`;";
    expect(minifyCssTemplates(code)).toBe("const x = `  a  { }`;\nconst s = css` :host([theme='dark']){${dark}}`;");
  });
});
