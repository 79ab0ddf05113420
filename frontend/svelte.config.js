import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildDir, versionName } from './scripts/build-identity.js';

// Kit's route announcer carries an inline style attribute. It is allowed by its hash, never by
// 'unsafe-inline'. If Kit changes the attribute, the browser test's CSP-violation check fails.
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Static on purpose: the code that encrypts is a fixed set of files whose hashes anyone can
    // publish and check, and no server renders a page for a whistleblower.
    adapter: adapter({ pages: buildDir(), assets: buildDir(), fallback: undefined, strict: true }),
    // The server's rebuilds run where the checkout may be read-only (a container): Kit's working
    // files go where FRONTEND_WORK_DIR says. They never reach the output.
    ...(process.env.FRONTEND_WORK_DIR && { outDir: process.env.FRONTEND_WORK_DIR }),
    // No inline script without a hash; the only relaxation is 'wasm-unsafe-eval' for libsodium.
    // frame-ancestors cannot live in a <meta> tag: scripts/csp-manifest.js adds it to the header
    // that intake and desk send (build/csp.json).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['none'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self'],
        'style-src-attr': ['unsafe-hashes', ANNOUNCER_STYLE_HASH],
        'img-src': ['self', 'blob:', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'media-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self'],
      },
    },
    // Every page is prerendered; nothing in the build refers to another origin.
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    inlineStyleThreshold: 0,
    // Named after the commit and the pinned key, never the clock: builds must repeat byte for byte.
    version: { name: versionName(), pollInterval: 0 },
  },
};

export default config;
