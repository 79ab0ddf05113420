// Bundled by esbuild into a page for the Chromium tests and benchmarks.
import { loadBackend, webAssemblyWorks, type CryptoBackend } from '../../src/index.ts';
import { checkVectors, type VectorCase } from './cases.ts';

async function runVectors(expected: { cases: VectorCase[] }, prefer?: 'libsodium' | 'noble') {
  let backend: CryptoBackend;
  try {
    backend = await loadBackend(prefer ? { prefer } : {});
  } catch (error) {
    return { backend: null, error: String(error), failures: [] as string[] };
  }
  return { backend: backend.name, failures: await checkVectors(backend, expected) };
}

function environment() {
  return { typeofWebAssembly: typeof WebAssembly, webAssemblyWorks: webAssemblyWorks() };
}

async function timeArgon2(
  prefer: 'libsodium' | 'noble' | undefined,
  opsLimit: number,
  memLimitBytes: number,
) {
  const backend = await loadBackend(prefer ? { prefer } : {});
  const pw = backend.randomBytes(28);
  const salt = backend.randomBytes(16);
  const started = performance.now();
  await backend.argon2id(pw, salt, { opsLimit, memLimitBytes }, 32);
  return { backend: backend.name, ms: performance.now() - started };
}

Object.assign(globalThis, { protocolTest: { runVectors, environment, timeArgon2, loadBackend } });
