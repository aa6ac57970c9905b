import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/*
 * The script-tag build must be one classic <script>: it runs in the page's first task and installs the gate
 * before any later script. Parts most visits never use are ES module chunks next to it, fetched with import().
 * Bundlers do not split IIFE builds, so the build is an ES build with code splitting, and this plugin turns
 * its entry chunk back into a classic script:
 *   - the entry's code runs inside a function (strict, its names stay private);
 *   - what the entry exported for the chunks goes on a global symbol unique to this build's content, so two
 *     different copies of the script on one page never hand their internals to each other's chunks;
 *   - each chunk's `import {…} from "<entry>"` reads those bindings from that symbol instead.
 * A dynamic import() in a classic script resolves against the script's own URL, so the chunks are found next
 * to it, wherever it is served from. The build fails if the output takes a shape this does not handle.
 */

const EXPORTS = /export\s*\{([^}]*)\};?(\s*(?:\/\/# sourceMappingURL=\S+\s*)?)$/;

/** The names of `{a as b, c}` in order: [['a', 'b'], ['c', 'c']]. */
function parseSpecifiers(list: string): [string, string][] {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [first, second = first] = s.split(/\s+as\s+/) as [string, string?];
    return [first, second];
  });
}

/** Vite plugin for an ES build with one entry: see above. */
export function classicScriptEntry(): Plugin {
  return {
    name: 'consent-kit:classic-script-entry',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entries = chunks.filter((chunk) => chunk.isEntry);
      if (entries.length !== 1) this.error(`expected one entry chunk, found ${entries.length}`);
      const entry = entries[0]!;
      if (entry.imports.length > 0) this.error(`the entry ${entry.fileName} must not import chunks statically: ${entry.imports.join(', ')}`);
      for (const chunk of chunks) { const at = chunk.code.indexOf("import.meta"); if (at >= 0) this.error(`import.meta in ${chunk.fileName}: ${chunk.code.slice(at - 200, at + 100)}`); }

      const key = `Symbol.for("consent-kit.chunks:${createHash('sha256').update(entry.code).digest('hex').slice(0, 12)}")`;
      const tail = EXPORTS.exec(entry.code);
      const shared = tail ? parseSpecifiers(tail[1]!).map(([local, exported]) => `${exported}:${local}`).join(',') : '';
      const body = tail ? entry.code.slice(0, tail.index) : entry.code;
      const after = tail ? tail[2]! : '';
      if (/^\s*(import|export)\b|[;}]\s*(import\s*[{*"`]|export\s*[{*])/m.test(body)) this.error(`${entry.fileName} has import or export statements left`);
      // The opening goes on a line of its own, so the source map only moves down one line.
      entry.code = `(()=>{"use strict";\n${body}${shared ? `globalThis[${key}]??={${shared}};` : ''}})();${after}`;
      if (entry.map) entry.map.mappings = `;${entry.map.mappings}`;

      const fromEntry = new RegExp(`import\\s*(\\{[^}]*\\})?\\s*(?:from\\s*)?["']\\./${entry.fileName.replace(/\./g, '\\.')}["'];?`, 'g');
      for (const chunk of chunks) {
        if (chunk === entry || !chunk.imports.includes(entry.fileName)) continue;
        chunk.code = chunk.code.replace(fromEntry, (_match, names?: string) => {
          if (!names) return '';
          const bindings = parseSpecifiers(names.slice(1, -1)).map(([imported, local]) => (imported === local ? local : `${imported}:${local}`));
          return `const{${bindings.join(',')}}=globalThis[${key}];`;
        });
        if (chunk.code.includes(`./${entry.fileName}`)) this.error(`${chunk.fileName} imports the entry in a form this build cannot rewrite`);
      }
    },
  };
}
