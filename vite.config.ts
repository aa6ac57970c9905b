import { defineConfig } from 'vite';

/*
 * Two builds from one config, because one build cannot give its formats different externals:
 *   vite build              -> dist/index.js, dist/define.js (ES modules, dependencies external, for npm)
 *   vite build --mode iife  -> dist/consent-kit.iife.js (minified, everything bundled, window.ConsentKit)
 */
export default defineConfig(({ mode }) => {
  const isIife = mode === 'iife';
  return {
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
