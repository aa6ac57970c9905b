// Builds custom-elements.json from the elements' JSDoc (@summary, @csspart, @cssproperty), so editors and
// frameworks see attributes, properties, parts and custom properties without a hand-written list.
export default {
  globs: ['src/ui/**/*.ts'],
  exclude: ['src/ui/**/*.styles.ts', 'src/ui/i18n/**'],
  outdir: 'dist',
  litelement: true,
};
