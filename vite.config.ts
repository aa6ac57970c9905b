import { defineConfig, type UserConfig } from 'vite';
import { classicScriptEntry } from './build/classic-script-entry.js';
import { minifyLitCss } from './build/minify-lit-css.js';
import { withoutDevMode } from './build/without-dev-mode.js';

/*
 * Three builds from one config, because one build cannot give its formats different externals:
 *   vite build               -> dist/index.js, dist/define.js (ES modules, dependencies external, for npm)
 *   vite build --mode iife   -> dist/consent-kit.iife.js (one classic script, minified, everything bundled,
 *                               window.ConsentKit, usage prose left out: build/without-dev-mode.ts) and dist/consent-kit-*.js, the ES module chunks it
 *                               fetches on demand (the preferences panel)
 *   vite build --mode server -> dist/server/index.js, dist/server/cli.js (Node only, every dependency external)
 */
export default defineConfig(({ mode }) => {
  if (mode === 'server') return serverBuild;
  if (mode === 'iife') return scriptTagBuild;
  return {
    plugins: [minifyLitCss()],
    build: {
      target: 'es2022',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: {
        entry: { index: 'src/index.ts', define: 'src/define.ts' },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, 'js-cookie'],
      },
    },
  };
});

/**
 * The script-tag build: an ES library build split at its dynamic imports, whose entry chunk becomes a classic
 * script (see build/classic-script-entry.ts). A library build, so Vite adds no module-preload helper.
 */
const scriptTagBuild: UserConfig = {
  plugins: [withoutDevMode(), minifyLitCss(), classicScriptEntry()],
  build: {
    target: 'es2022',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: { 'consent-kit': 'src/auto.ts' }, formats: ['es'], fileName: () => 'consent-kit.iife.js' },
    rolldownOptions: {
      // The chunks import what they share with the entry from it, instead of a third chunk both would load.
      preserveEntrySignatures: 'allow-extension',
      // Library ES output keeps whitespace and annotations for the next bundler; this one goes to browsers.
      output: {
        minify: true,
        comments: false,
        // The index of the languages keeps one name: it lists the languages' hashed file names, so a hash of its
        // own would change with every wording and, through its path, the script's bytes with it. Like the
        // script, it is served to be revalidated; it reads nothing of the script's (see classic-script-entry.ts).
        chunkFileNames: (chunk) =>
          chunk.name === 'built-in-languages' ? 'consent-kit-language-index.js' : 'consent-kit-[name]-[hash].js',
        // What the config validator and the endpoint client share (zod) in one chunk named for what it is,
        // rather than in chunks named after whichever module came first.
        codeSplitting: { groups: [{ name: 'validation', test: /node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
};

/** The preferences endpoint for Node: dependencies and node: builtins stay imports, resolved at run time. */
const serverBuild: UserConfig = {
  build: {
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/server/index.ts', cli: 'src/cli/cli.ts' },
      formats: ['es' as const],
      fileName: (_format: string, name: string) => `${name}.js`,
    },
    rolldownOptions: {
      external: [/^node:/, /^hono($|\/)/, '@hono/node-server', 'better-sqlite3', 'pg', 'jose', /^zod($|\/)/],
    },
  },
};
