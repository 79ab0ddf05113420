// Bundled into the bench page (Chromium) and into the `node --jitless` runner.
import { webAssemblyWorks } from '../src/index.ts';
import { measureThroughput, PARAM_SETS, timeArgon2, timeReceiptKeys } from './measure.ts';

Object.assign(globalThis, {
  protocolBench: {
    environment: () => ({
      typeofWebAssembly: typeof WebAssembly,
      webAssemblyWorks: webAssemblyWorks(),
    }),
    timeArgon2,
    timeReceiptKeys,
    measureThroughput,
    PARAM_SETS,
  },
});
