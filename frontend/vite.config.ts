import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The crypto worker is an ES module so it can share the protocol's code by import.
  worker: { format: 'es' },
  build: { target: 'es2022', reportCompressedSize: false },
});
