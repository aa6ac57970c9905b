import type { Plugin } from 'vite';

const DEV_MODE_MODULE = /[\\/]src[\\/]core[\\/]dev-mode\.ts$/;

/**
 * Builds without the SDK's explanatory prose: src/core/dev-mode.ts becomes `DEV_MODE = false`, so the
 * minifier drops every `DEV_MODE ? prose : code` branch it guards. For the script-tag build, which every
 * visitor downloads.
 */
export function withoutDevMode(): Plugin {
  return {
    name: 'consent-kit:without-dev-mode',
    enforce: 'pre',
    load(id) {
      return DEV_MODE_MODULE.test(id) ? 'export const DEV_MODE = false;\n' : null;
    },
  };
}
