// Run before `npm start` (and by the intake bench): the services as one JavaScript file, so the
// server runs on plain Node instead of through tsx. tsx compiles every module at start-up on a
// loader thread of its own (a second V8 heap) and keeps the compiled sources: about 50 MiB of a
// small server's memory (issue 17, measured with bench:intake). esbuild takes well under a
// second, so it runs at every start and the bundle never lags behind the sources.
//   node scripts/bundle-server.mjs [entry.ts out.mjs]
// Packages from node_modules stay imports (native addons, libsodium's WebAssembly); only this
// repository's TypeScript is bundled. The two worker scripts are loaded by URL beside the code
// that starts them, so they are copied beside the bundle.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry = 'services/server/src/main.ts', outfile = 'services/server/dist/main.mjs'] =
  process.argv.slice(2);

await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.base.json',
  logLevel: 'warning',
  // CommonJS packages imported by bundled code still find `require`.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'packages-stay-imports',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@integrity-desk/')
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
  ],
});
for (const worker of [
  'services/protocol/src/backend/verify-worker.mjs',
  'services/eventstore/src/sqlite/checkpoint-worker.mjs',
])
  copyFileSync(join(root, worker), join(root, dirname(outfile), worker.split('/').pop()));
