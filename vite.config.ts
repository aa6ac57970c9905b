import { defineConfig } from 'vite';
import { minifyLitCss } from './build/minify-lit-css.js';

/*
 * Two builds from one config, because one build cannot give its formats different externals:
 *   vite build              -> dist/index.js, dist/define.js (ES modules, dependencies external, for npm)
 *   vite build --mode iife  -> dist/consent-kit.iife.js (minified, everything bundled, window.ConsentKit)
 *   vite build --mode server -> dist/server/index.js, dist/server/cli.js (Node only, every dependency external)
 */
export default defineConfig(({ mode }) => {
  const isIife = mode === 'iife';
  if (mode === 'server') return serverBuild;
  return {
    plugins: [minifyLitCss()],
    build: {
      target: 'es2022',
      emptyOutDir: !isIife,
      sourcemap: true,
      minify: isIife,
      lib: isIife
        ? { entry: 'src/auto.ts', name: 'ConsentKit', formats: ['iife'], fileName: () => 'consent-kit.iife.js' }
        : { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        external: isIife ? [] : [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, 'js-cookie'],
      },
    },
  };
});

/** The preferences endpoint for Node: dependencies and node: builtins stay imports, resolved at run time. */
const serverBuild = {
  build: {
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: { entry: { index: 'src/server/index.ts', cli: 'src/server/cli.ts' }, formats: ['es' as const], fileName: (_format: string, name: string) => `${name}.js` },
    rolldownOptions: {
      external: [/^node:/, /^hono($|\/)/, '@hono/node-server', 'better-sqlite3', 'pg', 'jose', /^zod($|\/)/],
    },
  },
};
