import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/*
 * The script-tag build must be one classic <script>: it runs in the page's first task and installs the gate
 * before any later script. Parts most visits never use are ES module chunks next to it, fetched with import().
 * Bundlers do not split IIFE builds, so the build is an ES build with code splitting, and this plugin turns
 * its entry chunk back into a classic script:
 *   - the entry's code runs inside a function (strict, its names stay private), added as Rolldown's post-banner
 *     and post-footer so the source maps account for it;
 *   - what the entry exported for the chunks goes on global symbols named after the chunks' hashed file
 *     names, so a chunk only ever reads the internals of an entry built with it (not those of another copy
 *     of consent-kit on the same page);
 *   - each chunk's `import {…} from "<entry>"` reads those bindings from its symbol instead.
 *   - the entry's import() of a chunk resolves the chunk's path against the script's own URL, read from
 *     document.currentScript while the script starts: a classic script loaded from another origin without
 *     CORS (no `crossorigin` attribute, or inside a sandboxed frame) would otherwise resolve it against
 *     about:blank and fail. The chunks are found next to the script wherever it is served from.
 *   - a chunk that imports other chunks has them asked for beside it, not once it has arrived and been parsed:
 *     each import of the entry then costs one round trip, not two or three;
 *   - a chunk whose download failed is asked for again under another address the next time (`?retry=1`, …):
 *     browsers keep a failed module in their module map for the document's life (Chromium 150 does), so
 *     import() of the same address would fail again without a request.
 * The build fails if the output takes a shape this does not handle.
 */

// Rolldown adds these around the minified code and keeps the source maps right; generateBundle fills them in.
// A parenthesised function (not an arrow) is what V8 compiles eagerly, instead of pre-parsing it first.
const OPENING = '(function(){"use strict";';
/*
 * V8's explicit compile hint (Chrome 136 and later; a plain comment elsewhere), which counts only as the file's
 * first line: every function is compiled while the script streams in, on a background thread, instead of being
 * pre-parsed there and compiled on the main thread when first called. Measured on a first visit: about a
 * quarter less main-thread script time, for about 85 KiB more heap (the bytecode of functions a visit may never
 * call); see docs/benchmarks.md.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const CLOSING = '})();';
const BINDINGS = '/*consent-kit:bindings*/';
const EXPORTS = /export\s*\{([^}]*)\};?(?=\s*\}\)\(\);)/;
// The entry's import() of a chunk, before minification: `import("./consent-kit-<name>-<hash>.js")`.
const CHUNK_IMPORT = /import\(("\.\/consent-kit-[^"]+\.js")\)/g;
// Names the entry's own code never uses (its names are its modules', minified afterwards).
const SCRIPT_URL = 'consentKitScriptUrl';
const FAILURES = 'consentKitFailedImports';
const CHUNK_IMPORT_FUNCTION = 'consentKitImport';
const PREFETCH = 'consentKitImportAll';

/**
 * The chunks a chunk the entry imports (`./name.js`) imports in turn, directly or through another chunk, the
 * entry left out, as `./name.js`. A chunk's own imports are only found once it has arrived and been parsed: asked
 * for beside it, they cost no round trip of their own (the preferences panel and its index of languages, the
 * config validator and zod).
 */
function chunkImports(path: string, chunks: Record<string, { imports: string[] }>, entry: string): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    for (const imported of chunks[file]?.imports ?? []) {
      if (imported === entry || found.has(imported)) continue;
      found.add(imported);
      visit(imported);
    }
  };
  visit(path.slice('./'.length));
  return [...found].map((file) => `./${file}`);
}

/** The names of `{a as b, c}` in order: [['a', 'b'], ['c', 'c']]. */
function parseSpecifiers(list: string): [string, string][] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [first, second = first] = s.split(/\s+as\s+/) as [string, string?];
      return [first, second];
    });
}

/** Vite plugin for an ES build with one entry: see above. */
export function classicScriptEntry(): Plugin {
  return {
    name: 'consent-kit:classic-script-entry',
    outputOptions(options) {
      return {
        ...options,
        postBanner: (chunk) => (chunk.isEntry ? COMPILE_HINT + OPENING : BINDINGS),
        postFooter: (chunk) => (chunk.isEntry ? CLOSING : ''),
      };
    },
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.isEntry) return null;
      const source = new MagicString(code);
      for (const match of code.matchAll(CHUNK_IMPORT)) {
        const imports = chunkImports(JSON.parse(match[1]!) as string, meta.chunks, chunk.fileName);
        if (imports.length === 0) {
          source.overwrite(match.index, match.index + 'import'.length, CHUNK_IMPORT_FUNCTION);
        } else {
          const call = `${CHUNK_IMPORT_FUNCTION}(${match[1]})`;
          source.overwrite(
            match.index,
            match.index + match[0].length,
            `(${PREFETCH}(${JSON.stringify(imports)}),${call})`,
          );
        }
      }
      if (!source.hasChanged()) return null;
      source.prepend(
        `const ${SCRIPT_URL}=document.currentScript?.src;const ${FAILURES}=new Map();` +
          `const ${CHUNK_IMPORT_FUNCTION}=(path)=>{const failures=${FAILURES}.get(path)??0;` +
          `return import((${SCRIPT_URL}?new URL(path,${SCRIPT_URL}).href:path)+(failures?"?retry="+failures:""))` +
          `.catch((error)=>{${FAILURES}.set(path,failures+1);throw error})};` +
          // A failure among them fails the chunk's own import, which reports it.
          `const ${PREFETCH}=(paths)=>{for(const path of paths)${CHUNK_IMPORT_FUNCTION}(path).catch(()=>{})};\n`,
      );
      return { code: source.toString(), map: source.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entries = chunks.filter((chunk) => chunk.isEntry);
      if (entries.length !== 1) this.error(`expected one entry chunk, found ${entries.length}`);
      const entry = entries[0]!;
      if (entry.imports.length > 0)
        this.error(`the entry ${entry.fileName} must not import chunks statically: ${entry.imports.join(', ')}`);
      const meta = chunks.find((chunk) => chunk.code.includes('import.meta'));
      if (meta) this.error(`import.meta has no meaning in a classic script, and ${meta.fileName} uses it`);

      if (!entry.code.startsWith(COMPILE_HINT + OPENING)) this.error(`${entry.fileName} lacks its opening`);
      const tail = EXPORTS.exec(entry.code);
      const body = tail ? entry.code.slice(0, tail.index) : entry.code;
      if (/^\s*(import|export)\b|[;}]\s*(import\s*[{*"`]|export\s*[{*])/m.test(body))
        this.error(`${entry.fileName} has import or export statements left`);

      const fromEntry = new RegExp(
        `import\\s*(\\{[^}]*\\})?\\s*(?:from\\s*)?["']\\./${entry.fileName.replace(/\./g, '\\.')}["'];?`,
        'g',
      );
      const keys: string[] = [];
      for (const chunk of chunks) {
        if (chunk === entry) continue;
        // Keyed by the chunk's own hashed name: its code then changes only when its name does (a cached copy
        // always matches), and it reads only an entry that was built with this very chunk.
        const key = `Symbol.for(${JSON.stringify(`consent-kit:${chunk.fileName}`)})`;
        const bindings: string[] = [];
        // Each import is blanked out in place and its bindings are read on the banner line instead: the code
        // keeps its lines and columns, so the source map stays right (imports are hoisted: same order).
        const code = chunk.code.replace(fromEntry, (match, names?: string) => {
          for (const [imported, local] of parseSpecifiers(names?.slice(1, -1) ?? '')) {
            bindings.push(imported === local ? local : `${imported}:${local}`);
          }
          return ' '.repeat(match.length);
        });
        if (code.includes(`./${entry.fileName}`))
          this.error(`${chunk.fileName} imports the entry in a form this build cannot rewrite`);
        if (!code.startsWith(BINDINGS)) this.error(`${chunk.fileName} lacks its banner`);
        if (bindings.length > 0) keys.push(key);
        chunk.code =
          (bindings.length > 0 ? `const{${bindings.join(',')}}=globalThis[${key}];` : '') + code.slice(BINDINGS.length);
      }

      const shared = tail
        ? parseSpecifiers(tail[1]!)
            .map(([local, exported]) => `${exported}:${local}`)
            .join(',')
        : '';
      // No new names here: one could shadow a binding of the entry that the object refers to. The object is
      // written once and every other chunk's key points at it (a key set already, by a copy of this very build,
      // stays as it is).
      const [first, ...others] = keys;
      const publish =
        shared && first
          ? `globalThis[${first}]??={${shared}};${others.map((key) => `globalThis[${key}]??=globalThis[${first}];`).join('')}`
          : '';
      if (tail) entry.code = body + publish + entry.code.slice(tail.index + tail[0].length);
    },
  };
}
