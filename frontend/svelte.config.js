import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Kit's route announcer carries an inline style attribute. It is allowed by its hash, never by
// 'unsafe-inline'. If Kit changes the attribute, the browser test's CSP-violation check fails.
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Static on purpose: the code that encrypts is a fixed set of files whose hashes anyone can
    // publish and check, and no server renders a page for a whistleblower.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
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
    version: { pollInterval: 0 },
  },
};

export default config;
