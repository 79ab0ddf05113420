import { sveltekit } from '@sveltejs/kit/vite';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { i18nCatalogues } from './scripts/i18n/vite-plugin.ts';

// The server's rebuilds may run in a read-only checkout: their working files (Kit's, Vite's
// cache) go under FRONTEND_WORK_DIR.
const work = process.env.FRONTEND_WORK_DIR;

export default defineConfig({
  plugins: [i18nCatalogues(), sveltekit()],
  ...(work && { cacheDir: join(work, 'vite') }),
  // The crypto worker is an ES module so it can share the protocol's code by import.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    // Rolldown's nine-line timing report reads like a warning and says nothing about the output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
